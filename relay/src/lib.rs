//! hookctl-relay: receives public webhooks and forwards them to `hookctl listen` clients.
//!
//! Read top-down: `protocol` is the wire format; `shared` what both ends of a tunnel use (the
//! body type, which headers cross, the mux, the requests in flight, names, whom outgoing TLS
//! trusts). On top of them, `server` is the relay side (accept loop, ingress, tunnel sessions,
//! offline buffer, TLS and ACME) and `client` the side `hookctl listen` drives; neither imports
//! the other. `exit`, `values`,
//! `usage` and `private` are the exit codes, flag values, usage errors and owner-only files,
//! which `hookctl` shares.
#![forbid(unsafe_code)]

pub mod client;
pub mod exit;
pub mod private;
pub mod protocol;
pub mod server;
pub mod shared;
pub mod usage;
pub mod values;
