//! The one owner of the cluster's layout in Redis: every key a node reads or writes is named
//! here. A tunnel's keys share the hash tag `{name}`; the scripts that also touch the
//! `buffered` set (buffering, acknowledging, sweeping) and the lease renewal span several slots,
//! which is why a sharded Redis Cluster is not supported (one Redis, with replicas, is).
//!
//! | key | type | what |
//! |---|---|---|
//! | `hookctl:relay:secret` | string | authenticates one node's forward to another |
//! | `hookctl:relay:tokens` | sorted set | sha256 of each token clients may present, scored by when it lapses unless a node that has it renews it |
//! | `hookctl:relay:closed` | string | set once a node gave the cluster a token: it is never open again (delete it to open it) |
//! | `hookctl:relay:buffered` | set | names whose buffer holds requests (for the sweeper) |
//! | `hookctl:relay:{name}:name` | hash | `owner` (token hash that reserved it), `key`, `first_seen_ms` |
//! | `hookctl:relay:{name}:lease` | string, expiring | the node holding the tunnel's WebSocket (`Lease`) |
//! | `hookctl:relay:{name}:epoch` | counter | the lease's fencing epoch |
//! | `hookctl:relay:{name}:buffer` | stream | the offline buffer, consumer group `GROUP` |

pub const SECRET: &str = "hookctl:relay:secret";
pub const TOKENS: &str = "hookctl:relay:tokens";
pub const CLOSED: &str = "hookctl:relay:closed";
pub const BUFFERED: &str = "hookctl:relay:buffered";
/// The consumer group every node delivers a tunnel's buffer through.
pub const GROUP: &str = "relay";

pub fn name(tunnel: &str) -> String {
    format!("hookctl:relay:{{{tunnel}}}:name")
}

pub fn lease(tunnel: &str) -> String {
    format!("hookctl:relay:{{{tunnel}}}:lease")
}

pub fn epoch(tunnel: &str) -> String {
    format!("hookctl:relay:{{{tunnel}}}:epoch")
}

pub fn buffer(tunnel: &str) -> String {
    format!("hookctl:relay:{{{tunnel}}}:buffer")
}
