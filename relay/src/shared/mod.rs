//! What both ends of a tunnel use alike: the response body type, which headers cross, the
//! multiplexing machinery, the table of requests in flight, and the rules for tunnel names,
//! tokens and keys, and whom outgoing TLS trusts.

pub mod body;
pub mod headers;
pub mod mux;
pub mod names;
pub mod requests;
pub mod trust;
