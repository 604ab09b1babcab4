//! What both ends of a tunnel use alike: the multiplexing machinery, the table of requests in
//! flight, and the rules for tunnel names, tokens and keys.

pub mod mux;
pub mod names;
pub mod requests;
