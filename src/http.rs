//! The one way out: every request hookctl sends is built, timed and recorded here, so the
//! delivery log holds exactly what went over the wire and what came back.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use hookctl_relay::shared::headers;
use hookctl_relay::values::with_default_scheme;

use crate::message::Headers;
use crate::store::{Body, Record, RequestPart, ResponsePart, Source, Status, Store};

/// Headers the HTTP client sets itself on every request: never copied from the caller's.
const SET_BY_CLIENT: &[&str] = &["host", "content-length"];

/// Responses larger than this are stored cut short: webhook answers are small, and the log
/// should not grow by a receiver's error page.
pub const MAX_STORED_RESPONSE: usize = 1024 * 1024;

/// What hookctl says it is, on every request it makes.
pub const USER_AGENT: &str = concat!("hookctl/", env!("CARGO_PKG_VERSION"));

/// A response body as the log keeps it: cut at [`MAX_STORED_RESPONSE`].
pub fn stored_response_body(body: &[u8]) -> Body {
    Body(body[..body.len().min(MAX_STORED_RESPONSE)].to_vec())
}

/// One request to send, and how to file it in the log.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    pub headers: Headers,
    pub body: Vec<u8>,
    pub source: Source,
    pub event_type: Option<String>,
    pub provider: Option<String>,
    pub attempt: u32,
    /// Whether a retry may follow a retryable failure: if not, a failure is `dead`, not `failed`.
    pub retries_left: bool,
    pub replay_of: Option<String>,
    /// On a retry: the id of the delivery's first attempt.
    pub retry_of: Option<String>,
    pub timeout: Duration,
}

impl Outgoing {
    pub fn new(source: Source, method: &str, url: &str, headers: Headers, body: Vec<u8>) -> Self {
        Outgoing {
            method: method.to_ascii_uppercase(),
            url: url.to_string(),
            headers,
            body,
            source,
            event_type: None,
            provider: None,
            attempt: 1,
            retries_left: false,
            replay_of: None,
            retry_of: None,
            timeout: Duration::from_secs(30),
        }
    }
}

/// The client and the log it writes to. Cheap to clone; safe to share across tasks.
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
    store: Option<Arc<Mutex<Store>>>,
}

impl Sender {
    /// A sender that records into `store` (None: record nothing, e.g. `--dry-run`).
    pub fn new(store: Option<Store>) -> Result<Self> {
        Self::with_roots(store, &[])
    }

    /// As [`Sender::new`], also trusting these CA certificates (DER), e.g. an internal CA
    /// given to `validate --ca-cert`.
    pub fn with_roots(store: Option<Store>, extra_roots: &[Vec<u8>]) -> Result<Self> {
        // rustls needs one process-wide crypto provider; a second install is a harmless no-op.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            // Webhook senders do not follow redirects; neither do we (validate checks for them).
            .redirect(reqwest::redirect::Policy::none())
            .tls_certs_merge(
                extra_roots
                    .iter()
                    .map(|der| reqwest::Certificate::from_der(der))
                    .collect::<Result<Vec<_>, _>>()
                    .context("a CA certificate is not valid DER")?,
            )
            .build()
            .context("cannot set up the HTTP client")?;
        Ok(Sender {
            client,
            store: store.map(|s| Arc::new(Mutex::new(s))),
        })
    }

    /// Sends one request and records it. Network failures are part of the record (`error`), not
    /// an `Err`: an `Err` means the request could not be built or the log could not be written.
    pub async fn send(&self, out: Outgoing) -> Result<Record> {
        let method = reqwest::Method::from_bytes(out.method.as_bytes())
            .with_context(|| format!("'{}' is not an HTTP method", out.method))?;
        let wire = on_the_wire(&out)?;
        let builder = self
            .client
            .request(method, wire.url)
            .timeout(out.timeout)
            .headers(wire.headers);
        let mut record = Record::new(out.source, wire.sent);
        record.event_type = out.event_type.clone();
        record.provider = out.provider.clone();
        record.attempt = out.attempt;
        record.replay_of = out.replay_of.clone();
        record.retry_of = out.retry_of.clone();

        let started = Instant::now();
        let result = async {
            let resp = builder.body(out.body).send().await?;
            let status = resp.status().as_u16();
            let headers = Headers::from(resp.headers());
            let body = resp.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, body))
        }
        .await;
        record.duration_ms = Some(started.elapsed().as_secs_f64() * 1000.0);
        match result {
            Ok((status, headers, body)) => {
                record.response = Some(ResponsePart {
                    status,
                    headers,
                    body: stored_response_body(&body),
                });
                record.status = if (200..300).contains(&status) {
                    Status::Delivered
                } else {
                    record.error = Some(format!("answered {status}"));
                    failure(out.retries_left && retryable_status(status))
                };
            }
            Err(e) => {
                record.error = Some(describe(&e, out.timeout));
                record.status = failure(out.retries_left);
            }
        }
        if let Some(store) = &self.store {
            let store = store
                .lock()
                .map_err(|_| anyhow::anyhow!("the delivery log lock was poisoned"))?;
            store
                .insert(&record)
                .context("cannot write to the delivery log")?;
        }
        Ok(record)
    }
}

/// What hookctl sends when the request does not say: given here rather than left to the HTTP
/// client, so that the log holds them (reqwest would add `accept: */*` unseen).
const DEFAULT_HEADERS: &[(&str, &str)] = &[("User-Agent", USER_AGENT), ("Accept", "*/*")];

/// A request as the HTTP client is given it, and as the log records it.
pub struct Wire {
    /// What goes over the wire, for the log and for `replay --dry-run`.
    pub sent: RequestPart,
    /// The URL to request: credentials in it travel as the `Authorization` header instead.
    pub url: reqwest::Url,
    /// Every header, in the order they are written.
    pub headers: http::HeaderMap,
}

/// `out` exactly as [`Sender::send`] writes it. Every header is set here (Host and Content-Length
/// included, and a URL's `user:password` as Basic `Authorization`, as HTTP clients send it), so
/// the client adds none; the record is read back from the very map that is sent — its order, and
/// its names in lower case as the client writes them.
pub fn on_the_wire(out: &Outgoing) -> Result<Wire> {
    let mut url = reqwest::Url::parse(&out.url)
        .with_context(|| format!("'{}' is not a valid URL", out.url))?;
    let mut headers = out.headers.clone();
    if let Some(basic) = take_userinfo(&mut url)
        && !headers.contains("Authorization")
    {
        headers.push("Authorization", basic);
    }
    for (name, value) in DEFAULT_HEADERS {
        if !headers.contains(name) {
            headers.push(*name, *value);
        }
    }
    let mut sent = sent_request(
        &out.method,
        &out.url,
        &host_header(&url),
        &headers,
        &out.body,
    );
    let mut wire = http::HeaderMap::with_capacity(sent.headers.0.len());
    for (name, value) in sent.headers.iter() {
        let n = http::HeaderName::from_bytes(name.as_bytes());
        let v = http::HeaderValue::from_str(value);
        let (Ok(n), Ok(v)) = (n, v) else {
            return Err(crate::output::usage(format!(
                "header '{name}: {value}' cannot be sent over HTTP (a name must be a token, a value must not break the line)"
            )));
        };
        wire.append(n, v);
    }
    sent.headers = Headers::from(&wire);
    Ok(Wire {
        sent,
        url,
        headers: wire,
    })
}

/// Removes `user:password` from `url` and returns it as a Basic credential, decoded as HTTP
/// clients decode it (`p%40ss` is `p@ss`).
fn take_userinfo(url: &mut reqwest::Url) -> Option<String> {
    use base64::Engine;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let user = decode(url.username());
    let password = url.password().map(decode);
    if user.is_empty() && password.is_none() {
        return None;
    }
    let _ = url.set_username("");
    let _ = url.set_password(None);
    let pair = format!("{user}:{}", password.unwrap_or_default());
    Some(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    ))
}

/// A request as it goes on the wire: Host first, the given headers without the connection's
/// own, then Content-Length (as HTTP clients add it). `load` writes its HTTP/1.1 in this order.
pub fn sent_request(
    method: &str,
    url: &str,
    host: &str,
    headers: &Headers,
    body: &[u8],
) -> RequestPart {
    let mut sent = Headers(Vec::with_capacity(headers.0.len() + 2));
    sent.push("Host", host);
    for (name, value) in headers.iter() {
        if !is_hop_by_hop(name) {
            sent.push(name, value);
        }
    }
    if !body.is_empty() || method != "GET" {
        sent.push("Content-Length", body.len().to_string());
    }
    RequestPart {
        method: method.to_string(),
        url: url.to_string(),
        headers: sent,
        body: Body(body.to_vec()),
    }
}

fn failure(will_retry: bool) -> Status {
    if will_retry {
        Status::Failed
    } else {
        Status::Dead
    }
}

/// Answers worth retrying: the receiver is overloaded or broken, not refusing this request.
/// Connection errors and timeouts are always retried.
pub fn retryable_status(status: u16) -> bool {
    status == 408 || status == 429 || status >= 500
}

/// Whether `name` is never copied onto a new request: it belongs to the connection (the relay
/// crate's hop-by-hop list, RFC 9110 §7.6.1), or the HTTP client sets it itself.
pub fn is_hop_by_hop(name: &str) -> bool {
    headers::is_hop_by_hop(name) || SET_BY_CLIENT.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// The Host header for `url`: host, and the port when the URL names one.
pub fn host_header(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    }
}

/// One line a developer can act on: what kind of failure, where.
pub fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    let root = {
        let mut src: &dyn std::error::Error = e;
        while let Some(next) = src.source() {
            src = next;
        }
        src.to_string()
    };
    if e.is_timeout() {
        format!(
            "timeout: no answer within {}",
            humantime::format_duration(timeout)
        )
    } else if e.is_connect() {
        format!("connect: {root}")
    } else if e.is_body() || e.is_decode() {
        format!("reading the answer: {root}")
    } else {
        format!("request: {root}")
    }
}

/// `Retry-After` as seconds or an HTTP date, as a wait from now.
pub fn retry_after(headers: &Headers) -> Option<Duration> {
    let v = headers.get("Retry-After")?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let wait = at.timestamp() - chrono::Utc::now().timestamp();
    Some(Duration::from_secs(wait.max(0) as u64))
}

/// Parses a URL given on the command line: http or https, with a host; without a scheme
/// (`localhost:3000/webhooks`) it is http://.
pub fn target_url(text: &str, flag: &str) -> Result<reqwest::Url> {
    let url = reqwest::Url::parse(&with_default_scheme(text)).map_err(|e| {
        anyhow::anyhow!("{flag} '{text}' is not a URL ({e}): give http://host:port/path")
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        anyhow::bail!(
            "{flag} '{text}' uses {}:, which hookctl cannot deliver to: use http:// or https://",
            url.scheme()
        );
    }
    if url.host_str().is_none_or(str::is_empty) {
        anyhow::bail!("{flag} '{text}' has no host: give http://host:port/path");
    }
    Ok(url)
}

/// The URL a stored request goes to under `--to`: a URL with a path is the exact destination; a
/// bare origin keeps the original path and query.
pub fn retarget(original: &str, to: Option<&str>) -> Result<String> {
    let Some(to) = to else {
        return Ok(original.to_string());
    };
    let dest = target_url(to, "--to")?;
    // `http://host:port` with nothing after the authority; a trailing `/` names the root path.
    let to = with_default_scheme(to);
    let after_authority = to.split_once("://").map_or("", |(_, rest)| rest);
    let bare_origin = !after_authority.contains(['/', '?', '#']);
    if !bare_origin {
        return Ok(dest.to_string());
    }
    let orig = reqwest::Url::parse(original)
        .with_context(|| format!("the stored URL '{original}' is not valid"))?;
    let mut out = dest.clone();
    out.set_path(orig.path());
    out.set_query(orig.query());
    Ok(out.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_request_leaves_out_the_relay_s_hop_by_hop_headers_and_those_its_client_sets() {
        for name in hookctl_relay::shared::headers::HOP_BY_HOP {
            assert!(is_hop_by_hop(&name.to_ascii_uppercase()), "{name}");
        }
        assert!(is_hop_by_hop("Host") && is_hop_by_hop("content-length"));
        // Expect is the relay's to answer; a request hookctl sends keeps the caller's.
        assert!(!is_hop_by_hop("expect") && !is_hop_by_hop("x-hub-signature"));
    }

    #[test]
    fn retarget_keeps_path_for_a_bare_origin_only() {
        let orig = "https://relay.example.com/hooks/stripe?x=1";
        assert_eq!(retarget(orig, None).unwrap(), orig);
        assert_eq!(
            retarget(orig, Some("http://localhost:4000")).unwrap(),
            "http://localhost:4000/hooks/stripe?x=1"
        );
        assert_eq!(
            retarget(orig, Some("http://localhost:4000/other")).unwrap(),
            "http://localhost:4000/other"
        );
        assert_eq!(
            retarget(orig, Some("http://localhost:4000/")).unwrap(),
            "http://localhost:4000/"
        );
        assert!(retarget(orig, Some("not a url")).is_err());
        assert_eq!(
            retarget(orig, Some("localhost:4000")).unwrap(),
            "http://localhost:4000/hooks/stripe?x=1"
        );
        assert_eq!(
            retarget(orig, Some("localhost:4000/w")).unwrap(),
            "http://localhost:4000/w"
        );
        assert!(
            retarget(orig, Some("ftp://host/x"))
                .unwrap_err()
                .to_string()
                .contains("use http")
        );
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let h: Headers = [("Retry-After", "7")].into_iter().collect();
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let h: Headers = [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]
            .into_iter()
            .collect();
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        assert_eq!(retry_after(&Headers::new()), None);
    }
}
