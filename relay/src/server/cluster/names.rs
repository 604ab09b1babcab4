//! Tokens and tunnel names shared by every node: the same rules as a single relay's data dir
//! (`server::store`), kept in Redis. Tokens are stored as their sha256, never as themselves.
//!
//! A token lives as long as some node has it: each node renews its own tokens with its leases,
//! and one that no node has any more (deleted from every node's file, the nodes restarted)
//! lapses within `TOKEN_TTL`, as deleting a line revokes a token on a single relay.

use std::time::Duration;

use redis::Script;

use crate::server::cluster::{Cluster, keys};
use crate::server::state::now_ms;
use crate::server::store::Claim;

/// How long a token outlives the last renewal by a node that has it.
pub const TOKEN_TTL: Duration = Duration::from_secs(30);

impl Cluster {
    /// Renews this node's `--token`/`--tokens-file` tokens (as hashes) in the cluster's, and
    /// drops those no node renewed in time. Once a node gave a token, the cluster is closed.
    pub async fn renew_tokens(&self) -> redis::RedisResult<()> {
        if self.token_hashes.is_empty() {
            return Ok(());
        }
        let now = now_ms();
        let until = now + TOKEN_TTL.as_millis() as i64;
        let mut pipe = redis::pipe();
        pipe.atomic();
        for hash in &self.token_hashes {
            pipe.cmd("ZADD")
                .arg(keys::TOKENS)
                .arg(until)
                .arg(hash)
                .ignore();
        }
        pipe.cmd("SET").arg(keys::CLOSED).arg(1).ignore();
        pipe.cmd("ZREMRANGEBYSCORE")
            .arg(keys::TOKENS)
            .arg("-inf")
            .arg(now)
            .ignore();
        pipe.query_async(&mut self.redis()).await
    }

    /// Whether no node ever gave the cluster a token: any client may open a tunnel.
    pub async fn is_open(&self) -> redis::RedisResult<bool> {
        let closed: bool = redis::cmd("EXISTS")
            .arg(keys::CLOSED)
            .query_async(&mut self.redis())
            .await?;
        Ok(!closed)
    }

    /// Whether a client presenting `token` may open a tunnel. The lookup is by the token's
    /// hash: what a timing difference could tell is a hash, from which no token follows.
    pub async fn accepts(&self, token: Option<&str>) -> redis::RedisResult<bool> {
        let hash = token.map(crate::shared::names::hash).unwrap_or_default();
        let (closed, lapses): (bool, Option<i64>) = redis::pipe()
            .cmd("EXISTS")
            .arg(keys::CLOSED)
            .cmd("ZSCORE")
            .arg(keys::TOKENS)
            .arg(&hash)
            .query_async(&mut self.redis())
            .await?;
        Ok(!closed || (token.is_some() && lapses.is_some_and(|t| t > now_ms())))
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
