//! Which headers cross a tunnel: the hop-by-hop rule both ends of a tunnel apply, and that
//! hookctl's own requests apply too, and the length a message's headers announce.

use http::{HeaderMap, HeaderName, HeaderValue};

/// Headers of one connection, not of the message (RFC 9110 §7.6.1): never copied from a message
/// onto the next hop's, by the relay, by `listen` or by hookctl's requests. `Trailer` too, as
/// none of them passes trailers on.
pub const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// `Expect` is answered by the server that received it (100 Continue): a tunnel's ends leave it
/// out as they leave out [`HOP_BY_HOP`].
const ANSWERED: &str = "expect";

/// Whether `name` (any case) is one of the fixed [`HOP_BY_HOP`] headers.
pub fn is_hop_by_hop(name: &str) -> bool {
    HOP_BY_HOP.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// What does not cross a tunnel in one message: the fixed [`HOP_BY_HOP`] names, `Expect`, and
/// those its own `Connection` headers list (RFC 9110 §7.6.1), which only the message itself can
/// say. One rule for requests going to the client and answers going back to the sender.
pub struct HopByHop {
    listed: Vec<String>,
}

impl HopByHop {
    /// From the values of the message's `Connection` headers.
    pub fn of<'a>(connection: impl IntoIterator<Item = &'a [u8]>) -> HopByHop {
        let listed = connection
            .into_iter()
            .flat_map(|v| v.split(|&b| b == b','))
            .map(|t| String::from_utf8_lossy(t).trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        HopByHop { listed }
    }

    /// Whether the header `lower` (a lowercase name) is left out: it belongs to this hop only.
    pub fn drops(&self, lower: &str) -> bool {
        HOP_BY_HOP.contains(&lower) || lower == ANSWERED || self.listed.iter().any(|l| l == lower)
    }
}

/// Appends headers that crossed the tunnel as text to `map`, leaving out hop-by-hop ones (and
/// those their own `Connection` header names) and `also_drop` (lowercase): the same rule for the
/// answer the relay gives its sender and the request `listen` makes of what arrived. A name or
/// value HTTP cannot carry is left out too.
pub fn append_headers(map: &mut HeaderMap, pairs: &[(String, String)], also_drop: &[&str]) {
    let hop = HopByHop::of(
        pairs
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("connection"))
            .map(|(_, v)| v.as_bytes()),
    );
    for (name, value) in pairs {
        // Parsed first: a HeaderName is lowercase already, with no string made per header.
        let Ok(n) = HeaderName::from_bytes(name.as_bytes()) else {
            continue;
        };
        if hop.drops(n.as_str()) || also_drop.contains(&n.as_str()) {
            continue;
        }
        if let Ok(v) = HeaderValue::from_str(value) {
            map.append(n, v);
        }
    }
}

/// The length a message's `Content-Length` header announces, if it has a readable one.
pub fn content_length(headers: &[(String, String)]) -> Option<u64> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_drop_the_headers_their_connection_header_names() {
        let pairs: Vec<(String, String)> = [
            ("Connection", "x-hop , X-Two"),
            ("connection", "x-three"),
            ("X-Hop", "1"),
            ("x-two", "2"),
            ("x-three", "3"),
            ("transfer-encoding", "chunked"),
            ("x-kept", "4"),
            ("host", "h"),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        let mut map = HeaderMap::new();
        append_headers(&mut map, &pairs, &["host"]);
        let names: Vec<&str> = map.keys().map(|n| n.as_str()).collect();
        assert_eq!(names, ["x-kept"]);
    }
}
