//! Raw HTTP/1.1: a request read from its bytes (`verify --request`) and written back out
//! (`logs show --format raw`).

use std::fmt::Write as _;

use anyhow::{Context, Result, bail};

use super::delivery::Delivery;
use super::headers::Headers;

impl Delivery {
    /// Parses a raw HTTP/1.1 request: request line, headers, blank line, body (byte-exact).
    ///
    /// The URL is rebuilt from the request target and the Host header (https unless the target
    /// is absolute and says otherwise), since that is the URL the sender signed. A chunked body is
    /// decoded, because the signature covers the decoded bytes.
    pub fn from_raw_request(raw: &[u8]) -> Result<Self> {
        let mut parsed = [httparse::EMPTY_HEADER; 256];
        let mut req = httparse::Request::new(&mut parsed);
        let status = req
            .parse(raw)
            .map_err(|e| anyhow::anyhow!("not an HTTP request ({e}): expected a request line, headers, a blank line, then the body"))?;
        let httparse::Status::Complete(head_len) = status else {
            bail!(
                "the HTTP request ends inside its headers: it needs a blank line after the last header"
            );
        };
        let method = req.method.unwrap_or("POST").to_string();
        let target = req.path.unwrap_or("/").to_string();
        let mut headers = Headers::new();
        for h in req.headers.iter() {
            let value = std::str::from_utf8(h.value)
                .with_context(|| format!("header {} is not valid UTF-8", h.name))?;
            headers.push(h.name, value);
        }
        let rest = &raw[head_len..];
        let body = if is_chunked(&headers) {
            decode_chunked(rest)?
        } else if let Some(len) = headers.get("Content-Length") {
            let len: usize = len
                .trim()
                .parse()
                .with_context(|| format!("Content-Length '{len}' is not a number"))?;
            // Files saved by editors often gain a trailing newline: trust Content-Length.
            rest.get(..len)
                .map(<[u8]>::to_vec)
                .unwrap_or_else(|| rest.to_vec())
        } else {
            rest.to_vec()
        };
        let url = if target.starts_with("http://") || target.starts_with("https://") {
            Some(target)
        } else {
            headers
                .get("Host")
                .map(|host| format!("https://{host}{target}"))
        };
        Ok(Delivery {
            method,
            url,
            headers,
            body,
        })
    }
}

fn decode_chunked(mut data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("chunked body: a chunk size line has no CRLF")?;
        let size_field = std::str::from_utf8(&data[..line_end]).unwrap_or("");
        let size_hex = size_field.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .with_context(|| format!("chunked body: '{size_hex}' is not a hex chunk size"))?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data
            .get(..size)
            .context("chunked body: a chunk is shorter than its size says")?;
        out.extend_from_slice(chunk);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

/// Whether the body travels chunked, which both the reader and the writer must know.
fn is_chunked(headers: &Headers) -> bool {
    headers
        .get("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
}

/// Framing headers that describe the stored body's transfer, not the body: the raw view and the
/// curl command compute their own.
pub fn is_framing(name: &str) -> bool {
    name.eq_ignore_ascii_case("Content-Length") || name.eq_ignore_ascii_case("Transfer-Encoding")
}

/// `path?query` and `host[:port]` of a URL (the URL itself when it does not parse).
pub fn target_and_host(url: &str) -> (String, Option<String>) {
    match url::Url::parse(url) {
        Ok(u) => {
            let mut t = u.path().to_string();
            if let Some(q) = u.query() {
                t.push('?');
                t.push_str(q);
            }
            let host = u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_string(),
            });
            (t, host)
        }
        Err(_) => (url.to_string(), None),
    }
}

/// A request as an HTTP/1.1 message: request line, headers in order, blank line, body bytes.
/// `Host` and `Content-Length` are added when the headers lack them; a `chunked` body is framed
/// by length, since the body given is the decoded bytes.
pub fn write_request(method: &str, url: &str, headers: &Headers, body: &[u8]) -> Vec<u8> {
    let (target, host) = target_and_host(url);
    let mut out = format!("{method} {target} HTTP/1.1\r\n");
    if !headers.contains("Host")
        && let Some(h) = host
    {
        let _ = write!(out, "Host: {h}\r\n");
    }
    let chunked = is_chunked(headers);
    for (n, v) in headers.iter() {
        if chunked && is_framing(n) {
            continue;
        }
        let _ = write!(out, "{n}: {v}\r\n");
    }
    if chunked
        || (!headers.contains("Content-Length")
            && (!body.is_empty() || !matches!(method, "GET" | "HEAD")))
    {
        let _ = write!(out, "Content-Length: {}\r\n", body.len());
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_request_keeps_body_bytes_and_rebuilds_url() {
        let raw = b"POST /hooks?a=1 HTTP/1.1\r\nHost: example.com\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 5\r\n\r\nhi\r\n!\n";
        let d = Delivery::from_raw_request(raw).unwrap();
        assert_eq!(d.method, "POST");
        assert_eq!(d.url.as_deref(), Some("https://example.com/hooks?a=1"));
        assert_eq!(d.body, b"hi\r\n!");
        assert_eq!(d.headers.get_all("X-A").collect::<Vec<_>>(), ["1", "2"]);
    }

    #[test]
    fn raw_request_decodes_chunked_bodies() {
        let raw = b"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(Delivery::from_raw_request(raw).unwrap().body, b"abcde");
    }

    #[test]
    fn truncated_request_is_an_error_not_a_panic() {
        assert!(Delivery::from_raw_request(b"POST / HTTP/1.1\r\nHost: h").is_err());
        assert!(Delivery::from_raw_request(b"\x00\x01garbage").is_err());
    }
}
