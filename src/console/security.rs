//! Who may use the console: requests naming this console's address as their Host (no DNS
//! rebinding), carrying this run's token (URL, header or cookie; compared in constant time), and,
//! when they change anything, a JSON body (no cross-site form posts).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

/// The query parameter that carries the token in the printed URL.
const TOKEN_PARAM: &str = "token";

/// A new token for one run: 256 random bits, hex.
pub fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// The console's address and token, and the checks made on every request.
pub struct Guard {
    addr: SocketAddr,
    token: String,
    /// Named after the port: cookies are shared by every port of a host, and two consoles (an
    /// `inspect` and a `listen`) must not overwrite each other's.
    cookie: String,
}

impl Guard {
    pub fn new(addr: SocketAddr, token: String) -> Guard {
        Guard {
            cookie: format!("hookctl_console_{}", addr.port()),
            addr,
            token,
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// The address a browser on this machine uses: an unspecified bind (0.0.0.0) answers there too.
    pub fn origin(&self) -> String {
        let ip = match self.addr.ip() {
            IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
            IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    pub fn url(&self) -> String {
        format!("{}/?{TOKEN_PARAM}={}", self.origin(), self.token)
    }

    /// Whether a Host header names this console. Names other than `localhost` are refused even
    /// on a public bind: a DNS name is what a rebinding attack points at 127.0.0.1.
    fn host_allowed(&self, host: &str) -> bool {
        let Ok(authority) = host.parse::<axum::http::uri::Authority>() else {
            return false;
        };
        if authority.port_u16() != Some(self.addr.port()) {
            return false;
        }
        let name = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        let bound = self.addr.ip();
        if name.eq_ignore_ascii_case("localhost") {
            return bound.is_loopback() || bound.is_unspecified();
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip == bound || bound.is_unspecified(),
            Err(_) => false,
        }
    }

    fn token_matches(&self, given: &str) -> bool {
        given.as_bytes().ct_eq(self.token.as_bytes()).into()
    }

    fn cookie_token<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == self.cookie)
            .map(|(_, value)| value)
    }

    fn set_cookie(&self) -> HeaderValue {
        HeaderValue::from_str(&format!(
            "{}={}; HttpOnly; SameSite=Strict; Path=/",
            self.cookie, self.token
        ))
        .expect("a hex token is a valid header value")
    }
}

/// The query string without the token: where the page redirects once the cookie is set, so the
/// token leaves the address bar and the browser's history.
fn without_token(query: &str) -> String {
    let kept: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != TOKEN_PARAM)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    s.extend_pairs(kept);
    format!("?{}", s.finish())
}

fn query_token(query: Option<&str>) -> Option<String> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == TOKEN_PARAM)
        .map(|(_, v)| v.into_owned())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// A refusal in the shape of every API error: `{"error": "…"}`.
fn refuse(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

/// Whether a content type is JSON (`application/json`, with or without parameters).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

/// The middleware in front of every route.
pub async fn guard(State(g): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    if !host.as_deref().is_some_and(|h| g.host_allowed(h)) {
        return refuse(
            StatusCode::FORBIDDEN,
            &format!(
                "Host '{}' is not this console's address: open {}",
                host.unwrap_or_default(),
                g.origin()
            ),
        );
    }
    let from_query = query_token(req.uri().query());
    let presented = from_query
        .as_deref()
        .or_else(|| bearer(req.headers()))
        .or_else(|| g.cookie_token(req.headers()));
    if !presented.is_some_and(|t| g.token_matches(t)) {
        return refuse(
            StatusCode::FORBIDDEN,
            "no valid console token: open the URL hookctl printed (it carries ?token=…), or send Authorization: Bearer TOKEN",
        );
    }
    let is_api = req.uri().path().starts_with("/api/");
    if from_query.is_some() && !is_api && req.method() == Method::GET {
        // The page keeps the token in an HttpOnly cookie; the address bar loses it.
        let clean = format!(
            "{}{}",
            req.uri().path(),
            without_token(req.uri().query().unwrap_or_default())
        );
        let mut resp = axum::response::Redirect::to(&clean).into_response();
        resp.headers_mut()
            .insert(header::SET_COOKIE, g.set_cookie());
        return resp;
    }
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes && !is_json(req.headers()) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "a call that changes anything needs Content-Type: application/json",
        );
    }
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The token travels in the first URL: no Referer may carry it off.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loopback_console_answers_its_own_address_and_localhost_only() {
        let g = Guard::new("127.0.0.1:4040".parse().unwrap(), "t".into());
        assert!(g.host_allowed("127.0.0.1:4040"));
        assert!(g.host_allowed("localhost:4040"));
        assert!(!g.host_allowed("evil.example:4040"));
        assert!(!g.host_allowed("127.0.0.1:4041"));
        assert!(!g.host_allowed("127.0.0.1"));
        assert!(!g.host_allowed("10.0.0.1:4040"));
    }

    #[test]
    fn a_public_console_takes_any_address_but_no_dns_name() {
        let g = Guard::new("0.0.0.0:4040".parse().unwrap(), "t".into());
        assert!(g.host_allowed("192.168.1.7:4040"));
        assert!(g.host_allowed("localhost:4040"));
        assert!(!g.host_allowed("rebind.example:4040"));
        assert_eq!(g.url(), "http://127.0.0.1:4040/?token=t");
    }

    #[test]
    fn the_token_leaves_the_query_and_the_rest_stays() {
        assert_eq!(without_token("token=abc"), "");
        assert_eq!(without_token("token=abc&id=dlv_1"), "?id=dlv_1");
    }
}
