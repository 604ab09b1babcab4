//! Which host a request is for, and which tunnel a subdomain of the relay's `--domain` names:
//! one reading shared by routing, certificates and the plain-http redirect.

use http::{Request, header};

/// The host a request is for, lower-case, without port or trailing dot: the request URI's
/// authority (HTTP/2, absolute form), else the Host header.
pub fn request_host<B>(req: &Request<B>) -> Option<String> {
    let host = match req.uri().host() {
        Some(h) => h,
        None => {
            let h = req.headers().get(header::HOST)?.to_str().ok()?;
            match h.rsplit_once(':') {
                Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
                _ => h,
            }
        }
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// The tunnel `host` names under `domain`: `NAME.DOMAIN`, one label that is a valid tunnel name.
pub fn subdomain_tunnel<'a>(domain: &str, host: &'a str) -> Option<&'a str> {
    let label = host.strip_suffix(domain)?.strip_suffix('.')?;
    crate::shared::names::check_name(label).ok()?;
    Some(label)
}
