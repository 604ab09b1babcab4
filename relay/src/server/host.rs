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

#[cfg(test)]
mod tests {
    use super::*;

    fn host_of(uri: &str, header: Option<&str>) -> Option<String> {
        let mut b = Request::builder().uri(uri);
        if let Some(h) = header {
            b = b.header(header::HOST, h);
        }
        request_host(&b.body(()).unwrap())
    }

    #[test]
    fn the_host_comes_from_the_authority_or_the_host_header_without_port_case_or_dot() {
        assert_eq!(
            host_of("/x", Some("Demo.Hooks.Example.com.:8443")).as_deref(),
            Some("demo.hooks.example.com")
        );
        assert_eq!(
            host_of("https://a.example/x", Some("b.example")).as_deref(),
            Some("a.example")
        );
        assert_eq!(host_of("/x", None), None);
    }

    #[test]
    fn a_subdomain_names_a_tunnel_only_as_one_valid_label() {
        let d = "hooks.example.com";
        assert_eq!(subdomain_tunnel(d, "demo.hooks.example.com"), Some("demo"));
        for other in [
            "hooks.example.com",
            "a.b.hooks.example.com",
            "xhooks.example.com",
            "Bad_Name.hooks.example.com",
            "demo.example.org",
        ] {
            assert_eq!(subdomain_tunnel(d, other), None, "{other}");
        }
    }
}
