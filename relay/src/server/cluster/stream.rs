//! The offline buffer in Redis Streams, one stream per tunnel. A request goes in only while no
//! node holds the tunnel, or through the node that holds it (fenced by its lease): so once a
//! holder has found its tunnel's stream empty, nothing can appear behind it, and arrival order
//! holds across nodes. The holder delivers through the consumer group `keys::GROUP`, taking over
//! first whatever another consumer was given and never acknowledged (`XAUTOCLAIM`: that node
//! died or lost the lease), and acknowledges an entry (and deletes it, so the stream's length is
//! the backlog) only once `listen` confirmed it recorded it.

use std::sync::LazyLock;

use bytes::Bytes;
use redis::{Script, Value};

use crate::server::cluster::{Cluster, keys};

/// A buffered request, as stored in its stream.
pub struct Entry {
    /// The stream entry id.
    pub id: String,
    pub delivery_id: String,
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    pub received_ms: i64,
}

/// What an attempt to buffer a request came to.
#[derive(Debug)]
pub enum Appended {
    Ok,
    /// No client ever held the name.
    Unknown,
    /// A node holds the tunnel (or, for a holder, its lease was taken): the request goes
    /// there instead.
    Leased,
    /// The buffer holds `--buffer-max` requests already.
    Full,
}

impl Cluster {
    /// Buffers a request for `tunnel`. `lease` is the lease this node holds on it, or None when
    /// the request is buffered because no node holds it.
    pub async fn append(
        &self,
        tunnel: &str,
        lease: Option<&str>,
        max: u64,
        entry: &Entry,
    ) -> redis::RedisResult<Appended> {
        let headers = serde_json::to_string(&entry.headers).expect("headers serialize");
        let reply: Vec<Value> = APPEND
            .key(keys::name(tunnel))
            .key(keys::lease(tunnel))
            .key(keys::buffer(tunnel))
            .key(keys::BUFFERED)
            .arg(tunnel)
            .arg(lease.unwrap_or(""))
            .arg(max)
            .arg(&entry.delivery_id)
            .arg(&entry.method)
            .arg(&entry.target)
            .arg(headers)
            .arg(entry.body.as_ref())
            .arg(entry.received_ms)
            .invoke_async(&mut self.redis())
            .await?;
        let verdict = reply.first().map(text).unwrap_or_default();
        Ok(match verdict.as_str() {
            "ok" => Appended::Ok,
            "unknown" => Appended::Unknown,
            "full" => Appended::Full,
            _ => Appended::Leased,
        })
    }

    /// The next request to deliver for `tunnel`: one another consumer held unacknowledged
    /// first, then the oldest new one. The lease's holder calls this; a node that just lost the
    /// lease may still call it until its renewal notices, and what it took the new holder
    /// adopts again (listen's record of the delivery id keeps a target from getting it twice).
    pub async fn next(&self, tunnel: &str) -> redis::RedisResult<Option<Entry>> {
        let reply: Value = NEXT
            .key(keys::buffer(tunnel))
            .arg(keys::GROUP)
            .arg(&self.node)
            .invoke_async(&mut self.redis())
            .await?;
        Ok(parse_entry(&reply))
    }

    /// Drops a delivered (or expired) entry from the buffer.
    pub async fn ack(&self, tunnel: &str, id: &str) -> redis::RedisResult<()> {
        ACK.key(keys::buffer(tunnel))
            .key(keys::BUFFERED)
            .arg(keys::GROUP)
            .arg(id)
            .arg(tunnel)
            .invoke_async(&mut self.redis())
            .await
    }

    /// Requests waiting for `tunnel`, on every node.
    pub async fn depth(&self, tunnel: &str) -> redis::RedisResult<u64> {
        redis::cmd("XLEN")
            .arg(keys::buffer(tunnel))
            .query_async(&mut self.redis())
            .await
    }

    /// Drops entries older than `cutoff_ms` from every buffer; returns (dropped, requests
    /// left, age in ms of the oldest left).
    pub async fn sweep(&self, cutoff_ms: i64, now_ms: i64) -> redis::RedisResult<(u64, u64, i64)> {
        let names: Vec<String> = redis::cmd("SMEMBERS")
            .arg(keys::BUFFERED)
            .query_async(&mut self.redis())
            .await?;
        let (mut dropped, mut left, mut oldest) = (0u64, 0u64, 0i64);
        for name in names {
            let (d, l, first): (u64, u64, i64) = SWEEP
                .key(keys::buffer(&name))
                .key(keys::BUFFERED)
                .arg(keys::GROUP)
                .arg(cutoff_ms)
                .arg(&name)
                .invoke_async(&mut self.redis())
                .await?;
            dropped += d;
            left += l;
            if l > 0 {
                oldest = oldest.max(now_ms - first);
            }
        }
        Ok((dropped, left, oldest))
    }
}

// Each script is hashed once (its EVALSHA name), not at every call.

/// KEYS name hash, lease, stream, buffered set; ARGV tunnel name, expected lease ('' = none may
/// exist), max, then the entry's fields. The checks and the writes are one step, so no holder
/// can appear between them, and a buffered entry is always known to the sweeper.
static APPEND: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown'} end
local lease = redis.call('GET', KEYS[2])
if ARGV[2] == '' then
  if lease then return {'leased'} end
elseif lease ~= ARGV[2] then
  return {'fenced'}
end
if redis.call('XLEN', KEYS[3]) >= tonumber(ARGV[3]) then return {'full'} end
redis.call('XADD', KEYS[3], '*', 'd', ARGV[4], 'm', ARGV[5], 't', ARGV[6], 'h', ARGV[7], 'b', ARGV[8], 'r', ARGV[9])
redis.call('SADD', KEYS[4], ARGV[1])
return {'ok'}",
    )
});

/// KEYS stream; ARGV group, consumer. Makes the group on first use (from the stream's start).
static NEXT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0')
local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, '0-0', 'COUNT', 1)
if #claimed[2] > 0 and claimed[2][1] then return claimed[2][1] end
local new = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
if new and #new[1][2] > 0 then return new[1][2][1] end
return false",
    )
});

/// KEYS stream, buffered set; ARGV group, entry id, tunnel name.
static ACK: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('XLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
return 0",
    )
});

/// KEYS stream, buffered set; ARGV group, cutoff ms, tunnel name. Returns {dropped, left,
/// first ms}.
static SWEEP: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local old = redis.call('XRANGE', KEYS[1], '-', '(' .. ARGV[2], 'COUNT', 1000)
for _, e in ipairs(old) do
  redis.call('XACK', KEYS[1], ARGV[1], e[1])
  redis.call('XDEL', KEYS[1], e[1])
end
local left = redis.call('XLEN', KEYS[1])
if left == 0 then
  redis.call('SREM', KEYS[2], ARGV[3])
  return {#old, 0, 0}
end
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
local ms = tonumber(string.match(first[1][1], '^(%d+)'))
return {#old, left, ms}",
    )
});

fn text(v: &Value) -> String {
    match v {
        Value::BulkString(b) => String::from_utf8_lossy(b).into_owned(),
        Value::SimpleString(s) => s.clone(),
        _ => String::new(),
    }
}

/// `[id, [field, value, ...]]` → an entry; None for anything else (no entry).
fn parse_entry(v: &Value) -> Option<Entry> {
    let Value::Array(parts) = v else { return None };
    let (Some(id), Some(Value::Array(fields))) = (parts.first(), parts.get(1)) else {
        return None;
    };
    let mut e = Entry {
        id: text(id),
        delivery_id: String::new(),
        method: String::new(),
        target: String::new(),
        headers: Vec::new(),
        body: Bytes::new(),
        received_ms: 0,
    };
    for pair in fields.chunks(2) {
        let [name, value] = pair else { continue };
        match text(name).as_str() {
            "d" => e.delivery_id = text(value),
            "m" => e.method = text(value),
            "t" => e.target = text(value),
            "h" => e.headers = serde_json::from_str(&text(value)).unwrap_or_default(),
            "b" => {
                if let Value::BulkString(b) = value {
                    e.body = Bytes::copy_from_slice(b);
                }
            }
            "r" => e.received_ms = text(value).parse().unwrap_or(0),
            _ => {}
        }
    }
    Some(e)
}
