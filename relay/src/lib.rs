//! hookctl-relay: receives public webhooks and forwards them to `hookctl listen` clients.
//!
//! `protocol` is the wire format; `shared` the machinery both ends of a tunnel use. `server` is
//! the relay side: it accepts connections, forwards public requests, runs tunnel sessions and the
//! offline buffer. `client` is the `hookctl listen` side. `values` and `usage` are the flags'
//! values and their errors, `exit` the exit codes, and `private` the owner-only files, which
//! `hookctl` shares.
#![forbid(unsafe_code)]

pub mod client;
pub mod exit;
pub mod private;
pub mod protocol;
pub mod server;
pub mod shared;
pub mod usage;
pub mod values;
