//! Where `hookctl listen` sends what arrives: only its own `--forward-to` targets, chosen by path
//! prefix, with method, path, query, headers and body as received (hyper directly, so nothing
//! is added or re-encoded on the way).

use std::time::Duration;

use bytes::Bytes;
use http::Uri;
use http::uri::{Authority, Scheme};
use http_body_util::combinators::UnsyncBoxBody;
use hyper::body::Incoming;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::shared::mux::BoxError;

/// One `--forward-to [PREFIX=]URL`.
#[derive(Debug, Clone)]
pub struct Route {
    /// Matched against the path after `/t/{tunnel}`, at a segment boundary; empty matches all.
    pub prefix: String,
    scheme: Scheme,
    authority: Authority,
    /// The URL's path without its trailing `/`.
    base_path: String,
    base_query: Option<String>,
    /// As the user wrote it.
    pub url: String,
}

/// Why a request has no destination.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoDestination {
    #[error("no --forward-to route matches {0}")]
    NoRoute(String),
    #[error("the request target '{0}' cannot be forwarded")]
    BadTarget(String),
}

#[derive(Debug, Clone, Default)]
pub struct Routes(Vec<Route>);

impl Routes {
    /// `URL` (everything) or `/prefix=URL`; http and https only, and http:// where no scheme is
    /// given. Errors are one line (exit 2).
    pub fn parse(specs: &[String]) -> Result<Routes, String> {
        let mut routes = Vec::new();
        for spec in specs {
            let (prefix, url) = match spec.split_once('=') {
                Some((p, u)) if p.starts_with('/') => (p.trim_end_matches('/').to_string(), u),
                _ => (String::new(), spec.as_str()),
            };
            let url = &*crate::values::with_default_scheme(url);
            let parsed = url::Url::parse(url).map_err(|e| {
                format!("--forward-to '{spec}': '{url}' is not a URL ({e}): give http://localhost:3000/path or /prefix=URL")
            })?;
            if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
                return Err(format!(
                    "--forward-to '{spec}': hookctl forwards to http:// or https:// URLs with a host"
                ));
            }
            let uri: Uri = url
                .parse()
                .map_err(|e| format!("--forward-to '{spec}': {e}"))?;
            let (Some(scheme), Some(authority)) = (uri.scheme().cloned(), uri.authority().cloned())
            else {
                return Err(format!("--forward-to '{spec}' needs a scheme and a host"));
            };
            if routes.iter().any(|r: &Route| r.prefix == prefix) {
                return Err(format!(
                    "--forward-to: two targets for the path prefix '{}'",
                    if prefix.is_empty() { "/" } else { &prefix }
                ));
            }
            routes.push(Route {
                prefix,
                scheme,
                authority,
                base_path: uri.path().trim_end_matches('/').to_string(),
                base_query: uri.query().map(String::from),
                url: url.to_string(),
            });
        }
        // Longest prefix first, so /stripe/test wins over /stripe.
        routes.sort_by_key(|r| std::cmp::Reverse(r.prefix.len()));
        Ok(Routes(routes))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Route> {
        self.0.iter()
    }

    /// The destination for a request target (what follows `/t/{tunnel}`). The result's origin is
    /// always the route's own: nothing in the request can point elsewhere.
    pub fn pick(&self, target: &str) -> Result<(&Route, Uri), NoDestination> {
        if !(target.is_empty() || target.starts_with('/') || target.starts_with('?')) {
            return Err(NoDestination::BadTarget(target.to_string()));
        }
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (target, None),
        };
        let route = self
            .0
            .iter()
            .find(|r| {
                r.prefix.is_empty()
                    || path == r.prefix
                    || path
                        .strip_prefix(r.prefix.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .ok_or_else(|| {
                NoDestination::NoRoute(if path.is_empty() { "/" } else { path }.to_string())
            })?;
        let rest = &path[route.prefix.len()..];
        let mut full_path = format!("{}{rest}", route.base_path);
        if full_path.is_empty() {
            full_path.push('/');
        }
        let query = match (&route.base_query, query) {
            (Some(a), Some(b)) if !b.is_empty() => Some(format!("{a}&{b}")),
            (Some(a), _) => Some(a.clone()),
            (None, q) => q.map(String::from),
        };
        let text = match &query {
            Some(q) => format!("{}://{}{full_path}?{q}", route.scheme, route.authority),
            None => format!("{}://{}{full_path}", route.scheme, route.authority),
        };
        let uri: Uri = text
            .parse()
            .map_err(|_| NoDestination::BadTarget(target.to_string()))?;
        if uri.authority() != Some(&route.authority) || uri.scheme() != Some(&route.scheme) {
            return Err(NoDestination::BadTarget(target.to_string()));
        }
        Ok((route, uri))
    }
}

/// The body `Forwarder::send` takes.
pub type ForwardBody = UnsyncBoxBody<Bytes, BoxError>;

/// Why the local target could not be asked.
#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    #[error("cannot reach {origin}: {why}")]
    Unreachable { origin: String, why: String },
    #[error("{origin} did not answer within {secs} s")]
    Timeout { origin: String, secs: u64 },
    #[error("{origin}: {why}")]
    Failed { origin: String, why: String },
}

/// A pooled HTTP client for the local targets.
#[derive(Clone)]
pub struct Forwarder {
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, ForwardBody>,
    timeout: Duration,
}

impl Forwarder {
    pub fn new(timeout: Duration) -> Result<Forwarder, String> {
        // Without TCP_NODELAY a request written in two segments (head, then body) waits for the
        // first one's delayed ACK: up to 40 ms a delivery on Linux loopback.
        let mut http = HttpConnector::new();
        http.set_nodelay(true);
        http.enforce_http(false);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(std::sync::Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .map_err(|e| format!("cannot set up TLS: {e}"))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = Client::builder(TokioExecutor::new()).build(https);
        Ok(Forwarder { client, timeout })
    }

    /// How long a target may take to answer.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Sends one request; the answer's body streams from the returned response.
    pub async fn send(
        &self,
        method: &str,
        uri: Uri,
        headers: &[(String, String)],
        body: ForwardBody,
    ) -> Result<http::Response<Incoming>, ForwardError> {
        let origin = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or("http"),
            uri.authority().map(|a| a.as_str()).unwrap_or("")
        );
        let fail = |why: String| ForwardError::Failed {
            origin: origin.clone(),
            why,
        };
        let method = http::Method::from_bytes(method.as_bytes())
            .map_err(|_| fail(format!("'{method}' is not an HTTP method")))?;
        let mut req = http::Request::new(body);
        *req.method_mut() = method;
        *req.uri_mut() = uri;
        // hyper sets Host itself, for the new connection.
        crate::shared::headers::append_headers(req.headers_mut(), headers, &["host"]);
        match tokio::time::timeout(self.timeout, self.client.request(req)).await {
            Err(_) => Err(ForwardError::Timeout {
                origin,
                secs: self.timeout.as_secs(),
            }),
            Ok(Ok(resp)) => Ok(resp),
            Ok(Err(e)) if e.is_connect() => Err(ForwardError::Unreachable {
                why: root_cause(&e),
                origin,
            }),
            Ok(Err(e)) => Err(fail(root_cause(&e))),
        }
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut src: &dyn std::error::Error = e;
    while let Some(next) = src.source() {
        src = next;
    }
    src.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(specs: &[&str]) -> Routes {
        Routes::parse(&specs.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    fn dest(r: &Routes, target: &str) -> String {
        r.pick(target).unwrap().1.to_string()
    }

    #[test]
    fn paths_join_the_forward_to_path_with_the_query_kept() {
        let r = routes(&["http://localhost:3000/hooks"]);
        assert_eq!(dest(&r, "/rest?q"), "http://localhost:3000/hooks/rest?q");
        assert_eq!(dest(&r, ""), "http://localhost:3000/hooks");
        assert_eq!(dest(&r, "?a=1&a=2"), "http://localhost:3000/hooks?a=1&a=2");
        assert_eq!(
            dest(&r, "/a%2Fb/%7E?x=%20"),
            "http://localhost:3000/hooks/a%2Fb/%7E?x=%20"
        );
        let root = routes(&["http://localhost:3000"]);
        assert_eq!(dest(&root, ""), "http://localhost:3000/");
        assert_eq!(dest(&root, "/x"), "http://localhost:3000/x");
    }

    #[test]
    fn prefixes_route_by_segment_longest_first() {
        let r = routes(&[
            "/stripe=http://127.0.0.1:1/s",
            "/stripe/test=http://127.0.0.1:2/t",
            "http://127.0.0.1:3/",
        ]);
        assert_eq!(dest(&r, "/stripe/x?y"), "http://127.0.0.1:1/s/x?y");
        assert_eq!(dest(&r, "/stripe/test/x"), "http://127.0.0.1:2/t/x");
        assert_eq!(dest(&r, "/stripe"), "http://127.0.0.1:1/s");
        assert_eq!(dest(&r, "/stripes"), "http://127.0.0.1:3/stripes");
        let only = routes(&["/gh=http://127.0.0.1:4/"]);
        assert_eq!(
            only.pick("/other").unwrap_err(),
            NoDestination::NoRoute("/other".into())
        );
    }

    #[test]
    fn nothing_in_the_target_can_change_the_host() {
        let r = routes(&["http://localhost:3000"]);
        for evil in ["@evil.example/x", "evil.example/x", "http://evil.example/"] {
            assert!(
                matches!(r.pick(evil), Err(NoDestination::BadTarget(_))),
                "{evil}"
            );
        }
        let (_, uri) = r.pick("//evil.example/x").unwrap();
        assert_eq!(uri.authority().unwrap().as_str(), "localhost:3000");
        assert_eq!(uri.path(), "//evil.example/x");
    }

    #[test]
    fn an_address_without_a_scheme_is_forwarded_over_http() {
        let r = routes(&["localhost:3000/webhooks", "/gh=127.0.0.1:4000"]);
        assert_eq!(dest(&r, "/x"), "http://localhost:3000/webhooks/x");
        assert_eq!(dest(&r, "/gh/y"), "http://127.0.0.1:4000/y");
    }

    #[test]
    fn bad_targets_are_one_line_errors() {
        for bad in ["ftp://x/", "not a url", "/p=not a url", "/p="] {
            let e = Routes::parse(&[bad.to_string()]).unwrap_err();
            assert!(e.starts_with("--forward-to"), "{e}");
        }
        assert!(Routes::parse(&["http://a/".into(), "http://b/".into()]).is_err());
    }
}
