//! Tokens and tunnel names shared by every node: the same rules as a single relay's data dir
//! (`server::store`), kept in Redis. Tokens are stored as their sha256, never as themselves.

use redis::Script;

use crate::server::cluster::{Cluster, keys};
use crate::server::store::Claim;

impl Cluster {
    /// Adds this node's `--token`/`--tokens-file` tokens (as hashes) to the cluster's.
    pub async fn seed_tokens(&self, hashes: &[String]) -> redis::RedisResult<()> {
        if hashes.is_empty() {
            return Ok(());
        }
        redis::cmd("SADD")
            .arg(keys::TOKENS)
            .arg(hashes)
            .query_async(&mut self.redis())
            .await
    }

    /// Whether the cluster has no token at all: any client may open a tunnel.
    pub async fn is_open(&self) -> redis::RedisResult<bool> {
        let n: u64 = redis::cmd("SCARD")
            .arg(keys::TOKENS)
            .query_async(&mut self.redis())
            .await?;
        Ok(n == 0)
    }

    /// Whether a client presenting `token` may open a tunnel. The lookup is by the token's
    /// hash: what a timing difference could tell is a hash, from which no token follows.
    pub async fn accepts(&self, token: Option<&str>) -> redis::RedisResult<bool> {
        let hash = token.map(crate::shared::names::hash).unwrap_or_default();
        let (count, member): (u64, bool) = redis::pipe()
            .cmd("SCARD")
            .arg(keys::TOKENS)
            .cmd("SISMEMBER")
            .arg(keys::TOKENS)
            .arg(&hash)
            .query_async(&mut self.redis())
            .await?;
        Ok(count == 0 || (token.is_some() && member))
    }

    /// Whether a client ever held `name`.
    pub async fn known(&self, name: &str) -> redis::RedisResult<bool> {
        redis::cmd("EXISTS")
            .arg(keys::name(name))
            .query_async(&mut self.redis())
            .await
    }

    /// Claims `name` for `owner` (a token hash) and `key` (the client's key hash), as
    /// `Store::claim` does on a single relay.
    pub async fn claim(
        &self,
        name: &str,
        owner: Option<&str>,
        key: Option<&str>,
        now_ms: i64,
    ) -> redis::RedisResult<Claim> {
        let verdict: String = Script::new(CLAIM)
            .key(keys::name(name))
            .key(keys::buffer(name))
            .arg(owner.unwrap_or(""))
            .arg(key.unwrap_or(""))
            .arg(now_ms)
            .invoke_async(&mut self.redis())
            .await?;
        Ok(match verdict.as_str() {
            "reserved" => Claim::Reserved,
            "held" => Claim::Held,
            _ => Claim::Ok,
        })
    }
}

/// KEYS[1] the name's hash, KEYS[2] its buffer; ARGV owner hash, key hash ('' for none), now.
/// The first token to claim a name reserves it; a name claimed without one is bound to its
/// latest client's key, which alone may take it while requests wait in its buffer.
const CLAIM: &str = r"
local owner, key = ARGV[1], ARGV[2]
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'first_seen_ms', ARGV[3])
  if owner ~= '' then redis.call('HSET', KEYS[1], 'owner', owner) end
  if key ~= '' then redis.call('HSET', KEYS[1], 'key', key) end
  return 'ok'
end
local held = redis.call('HGET', KEYS[1], 'owner')
if held then
  if held == owner then return 'ok' end
  return 'reserved'
end
local bound = redis.call('HGET', KEYS[1], 'key')
if bound and bound ~= key and redis.call('EXISTS', KEYS[2]) == 1 and redis.call('XLEN', KEYS[2]) > 0 then
  return 'held'
end
if owner ~= '' then redis.call('HSET', KEYS[1], 'owner', owner) end
if key ~= '' then redis.call('HSET', KEYS[1], 'key', key) else redis.call('HDEL', KEYS[1], 'key') end
return 'ok'";
