//! hookctl-relay: receives public webhooks and forwards them to `hookctl listen` clients.
//!
//! `protocol` is the wire format between relay and client; `options` the flags; `server` the
//! HTTP side.
#![forbid(unsafe_code)]

pub mod options;
pub mod protocol;
pub mod server;
