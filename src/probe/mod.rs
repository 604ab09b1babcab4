//! Looking at an endpoint below HTTP: name resolution, the TCP connection, the TLS handshake and
//! certificate. `validate` reports these separately so a developer sees which layer is broken.

pub mod connect;
pub mod tls;
