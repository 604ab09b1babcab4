//! hookctl-relay: receives public webhooks and forwards them to `hookctl listen` clients.
//!
//! `protocol` is the wire format; `mux` and `requests` are the machinery both ends share. On the
//! relay side `server` accepts connections, `ingress` forwards public requests, `connect` runs
//! tunnel sessions, `drain` the offline buffer; `client` and `forward` are the `hookctl listen`
//! side. `options`, `values` and `usage` are the flags, their values and their errors, which
//! `hookctl` shares.
#![forbid(unsafe_code)]

pub mod client;
pub mod connect;
pub mod drain;
pub mod forward;
pub mod ingress;
pub mod metrics;
pub mod mux;
pub mod names;
pub mod options;
pub mod private;
pub mod protocol;
pub mod requests;
pub mod run;
pub mod server;
pub mod state;
pub mod store;
pub mod tls;
pub mod tunnel;
pub mod usage;
pub mod values;
