//! The HTTP message hookctl sends, receives, signs and logs: headers, the request, raw HTTP/1.1.
//!
//! Neutral ground: `signature/`, `store/`, `http.rs` and the commands all speak it, and it
//! imports none of them.

pub mod delivery;
pub mod headers;
pub mod raw;

pub use delivery::Delivery;
pub use headers::Headers;
