//! Who holds a tunnel: a lease in Redis that the node holding the tunnel's WebSocket renews by
//! heartbeat. Its value carries an epoch, raised by every new holder, so that a node which lost
//! the lease (it paused, or Redis could not be reached for longer than the lease lasts) is
//! fenced: its writes into the buffer name the lease they expect, and are refused once another
//! holds it. A newer connection of the same client wins the lease at once, as it replaces the
//! older connection on a single relay.

use std::sync::Arc;
use std::time::Duration;

use redis::Script;
use serde::{Deserialize, Serialize};

use crate::server::cluster::{Cluster, REDIS_TIMEOUT, keys};
use crate::server::state::State;

/// How long a lease lasts without renewal: how long a dead node's tunnels stay unreachable (503)
/// before requests for them are buffered, unless a request finds the node's port closed first.
pub const LEASE_TTL: Duration = Duration::from_secs(10);
/// How often the holder renews every lease it holds.
pub const RENEW_EVERY: Duration = Duration::from_secs(3);
/// Leases renewed per script call: a script holds Redis while it runs, and 10,000 leases in one
/// call held it for 70 ms (bench/README), a stall for every other node's requests.
const RENEW_BATCH: usize = 500;

/// The value of a tunnel's lease key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    /// The holding node's id (new at every start).
    pub node: String,
    /// Where the other nodes forward the tunnel's requests.
    pub url: String,
    pub epoch: u64,
    /// Hash of the token the client presented, if any.
    pub owner: Option<String>,
    /// Hash of the client's key, if any.
    pub key: Option<String>,
}

impl Lease {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a lease serializes")
    }

    pub fn decode(text: &str) -> Option<Lease> {
        serde_json::from_str(text).ok()
    }
}

impl Cluster {
    /// The lease on `tunnel`, if a node holds one.
    pub async fn holder(&self, tunnel: &str) -> redis::RedisResult<Option<(Lease, String)>> {
        let raw: Option<String> = redis::cmd("GET")
            .arg(keys::lease(tunnel))
            .query_async(&mut self.redis())
            .await?;
        Ok(raw.and_then(|r| Lease::decode(&r).map(|l| (l, r))))
    }

    /// Takes the lease on `tunnel` for this node, under a new epoch; returns its value.
    pub async fn acquire(
        &self,
        tunnel: &str,
        owner: Option<String>,
        key: Option<String>,
    ) -> redis::RedisResult<String> {
        let epoch: u64 = redis::cmd("INCR")
            .arg(keys::epoch(tunnel))
            .query_async(&mut self.redis())
            .await?;
        let lease = Lease {
            node: self.node.clone(),
            url: self.node_url.clone(),
            epoch,
            owner,
            key,
        }
        .encode();
        let _: () = redis::cmd("SET")
            .arg(keys::lease(tunnel))
            .arg(&lease)
            .arg("PX")
            .arg(LEASE_TTL.as_millis() as u64)
            .query_async(&mut self.redis())
            .await?;
        Ok(lease)
    }

    /// Gives the lease back if it is still `lease`: the tunnel is buffered for from now on.
    pub async fn release(&self, tunnel: &str, lease: &str) -> redis::RedisResult<bool> {
        let n: i64 = Script::new(DELETE_IF_EQUAL)
            .key(keys::lease(tunnel))
            .arg(lease)
            .invoke_async(&mut self.redis())
            .await?;
        Ok(n == 1)
    }

    /// Renews `held` (tunnel, lease value) pairs, `RENEW_BATCH` a call; returns the indexes of
    /// those lost.
    async fn renew(&self, held: &[(String, String)]) -> redis::RedisResult<Vec<usize>> {
        let script = Script::new(RENEW);
        let mut lost = Vec::new();
        for (n, batch) in held.chunks(RENEW_BATCH).enumerate() {
            let mut call = script.prepare_invoke();
            call.arg(LEASE_TTL.as_millis() as u64);
            for (tunnel, lease) in batch {
                call.key(keys::lease(tunnel)).arg(lease);
            }
            let gone: Vec<i64> = call.invoke_async(&mut self.redis()).await?;
            lost.extend(gone.into_iter().map(|i| n * RENEW_BATCH + (i - 1) as usize));
        }
        Ok(lost)
    }
}

/// KEYS[1] lease; ARGV[1] the value it must still have.
const DELETE_IF_EQUAL: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0";

/// KEYS[i] leases; ARGV[1] ttl ms, ARGV[i+1] the value each must still have. Returns the
/// (1-based) indexes of the leases that are gone or another's.
const RENEW: &str = r"
local lost = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[i + 1] then
    redis.call('PEXPIRE', key, ARGV[1])
  else
    table.insert(lost, i)
  end
end
return lost";

/// Renews this node's leases until the relay stops; a tunnel whose lease was lost is closed, so
/// its client reconnects (to any node) and the tunnel is served again under a new lease. While
/// Redis cannot be reached the leases run out on their own, and the tunnels close once they have.
pub async fn keep(state: Arc<State>, cluster: Arc<Cluster>) {
    // When the last renewal that succeeded began: every lease held then lasts at least
    // LEASE_TTL from that moment (one taken since lasts longer).
    let mut renewed_at = tokio::time::Instant::now();
    loop {
        tokio::time::sleep(RENEW_EVERY).await;
        let tunnels = state.registry.all();
        let held: Vec<(String, String)> = tunnels
            .iter()
            .filter_map(|t| t.lease.clone().map(|l| (t.name.clone(), l)))
            .collect();
        if let Err(e) = cluster.renew_tokens().await {
            tracing::warn!("cannot renew this node's tokens: {e}");
        }
        let began = tokio::time::Instant::now();
        let lost: Vec<usize> = match cluster.renew(&held).await {
            Ok(lost) => {
                renewed_at = began;
                lost
            }
            Err(e) => {
                tracing::warn!("cannot renew tunnel leases: {e}");
                // The next chance comes a pause and a call from now: if the leases may have run
                // out by then, another node may hold them, so stop serving them here now.
                if renewed_at.elapsed() + RENEW_EVERY + REDIS_TIMEOUT < LEASE_TTL {
                    continue;
                }
                (0..held.len()).collect()
            }
        };
        for i in lost {
            let name = &held[i].0;
            if let Some(t) = tunnels
                .iter()
                .find(|t| &t.name == name && t.lease.as_ref() == Some(&held[i].1))
            {
                tracing::warn!(tunnel = %name, "lost the tunnel's lease: closing it here");
                state.metrics.lease_losses.inc();
                t.outbox
                    .close("this relay node lost the tunnel's lease: reconnect");
                t.closed.cancel();
            }
        }
    }
}
