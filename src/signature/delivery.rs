//! A delivery as it arrives: method, URL, headers in order (repeats kept) and the body byte-exact.

use anyhow::{Context, Result, bail};

/// HTTP headers in arrival order, repeats kept; names compared case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    pub fn new() -> Self {
        Headers(Vec::new())
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// Replaces every value of `name` with one.
    pub fn set(&mut self, name: impl AsRef<str> + Into<String>, value: impl Into<String>) {
        self.remove(name.as_ref());
        self.push(name, value);
    }

    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses `Name: value` (the `-H` form). The value keeps inner spaces; the name must be a token.
    pub fn parse_line(line: &str) -> Result<(String, String)> {
        let Some((name, value)) = line.split_once(':') else {
            bail!("header '{line}' has no ':': write it as 'Name: value'");
        };
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            bail!(
                "header name '{name}' is not a valid HTTP header name: write it as 'Name: value'"
            );
        }
        // A CR or LF would end the header early and smuggle in another (RFC 9110 §5.5).
        if value.chars().any(|c| c.is_control() && c != '\t') {
            bail!(
                "header '{name}' has a control character (CR, LF, NUL…) in its value: give one header per -H"
            );
        }
        Ok((name.to_string(), value.trim().to_string()))
    }
}

/// An HTTP library's header map, in its order; a value that is not UTF-8 is kept lossily.
impl From<&http::HeaderMap> for Headers {
    fn from(map: &http::HeaderMap) -> Self {
        map.iter()
            .map(|(n, v)| {
                (
                    n.as_str(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect()
    }
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        Headers(
            iter.into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
        )
    }
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// One received (or about to be sent) HTTP request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    pub method: String,
    /// The full URL the sender posted to, where known (Twilio, Square and HubSpot sign it).
    pub url: Option<String>,
    pub headers: Headers,
    pub body: Vec<u8>,
}

impl Delivery {
    pub fn new(body: impl Into<Vec<u8>>) -> Self {
        Delivery {
            method: "POST".into(),
            url: None,
            headers: Headers::new(),
            body: body.into(),
        }
    }

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
        let chunked = headers
            .get("Transfer-Encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
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

    /// The body as text, for schemes that sign text and for explanations.
    pub fn body_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
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

    #[test]
    fn header_line_parsing() {
        assert_eq!(
            Headers::parse_line("Content-Type:  application/json ").unwrap(),
            ("Content-Type".into(), "application/json".into())
        );
        assert!(Headers::parse_line("no colon").is_err());
        assert!(Headers::parse_line("bad name: x").is_err());
        assert!(Headers::parse_line("X-A: a\r\nInjected: 1").is_err());
        assert!(Headers::parse_line("X-A: a\tb").is_ok());
    }
}
