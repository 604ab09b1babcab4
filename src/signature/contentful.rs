//! Contentful: an HMAC over the canonical request (method, path, chosen headers, body).

use std::sync::Arc;

use super::crypto::{self, Algorithm};
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![Arc::new(Contentful::new())]
}

const CF_SIGNATURE: &str = "x-contentful-signature";
const CF_TIMESTAMP: &str = "x-contentful-timestamp";
const CF_SIGNED_HEADERS: &str = "x-contentful-signed-headers";
/// `verifyRequest` in Contentful's node-apps-toolkit rejects requests older than 30 s by default.
const CF_TTL: u64 = 30;

/// Contentful: hex HMAC-SHA256 of `method \n path \n name:value;… \n body`.
pub struct Contentful {
    info: Info,
}

impl Contentful {
    fn new() -> Self {
        Contentful {
            info: Info {
                id: "contentful".into(),
                name: "Contentful".into(),
                algorithm: "HMAC-SHA256 (hex)".into(),
                signed: "{method}\\n{path}\\n{name:value;… of the signed headers, sorted}\\n{body}"
                    .into(),
                headers: vec![
                    CF_SIGNATURE.into(),
                    CF_TIMESTAMP.into(),
                    CF_SIGNED_HEADERS.into(),
                ],
                tolerance_seconds: Some(CF_TTL),
                can_sign: true,
                variants: vec![],
                detect: vec![CF_SIGNATURE.into(), CF_SIGNED_HEADERS.into()],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: "https://www.contentful.com/developers/docs/webhooks/request-verification/"
                    .into(),
            },
        }
    }

    /// The canonical request. `headers` are (lower-case name, trimmed value), any order.
    fn canonical(
        method: &str,
        target: &str,
        mut headers: Vec<(String, String)>,
        body: &[u8],
    ) -> Vec<u8> {
        headers.sort_by(|a, b| a.0.cmp(&b.0));
        let joined: Vec<String> = headers.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        let mut out = format!(
            "{method}\n{}\n{}\n",
            normalized_path(target),
            joined.join(";")
        )
        .into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let sig = d
            .headers
            .get(CF_SIGNATURE)
            .ok_or_else(|| Verdict::missing_header(CF_SIGNATURE))?;
        let ts_text = d
            .headers
            .get(CF_TIMESTAMP)
            .ok_or_else(|| Verdict::missing_header(CF_TIMESTAMP))?;
        let list = d
            .headers
            .get(CF_SIGNED_HEADERS)
            .ok_or_else(|| Verdict::missing_header(CF_SIGNED_HEADERS))?;
        let given = hex::decode(sig.trim())
            .ok()
            .filter(|b| b.len() == 32)
            .ok_or_else(|| {
                Verdict::malformed_header(CF_SIGNATURE, "does not hold a hex HMAC-SHA256")
            })?;
        let ts_ms: i64 = Some(ts_text.trim())
            .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| {
                Verdict::malformed_header(
                    CF_TIMESTAMP,
                    format!(
                        "holds '{}', which is not a Unix time in milliseconds",
                        ts_text.trim()
                    ),
                )
            })?;
        let Some(url) = d.url.as_deref() else {
            return Err(Verdict::new(
                Reason::Unsupported,
                "Contentful signs the request path: pass --url with the URL it posted to",
            ));
        };
        let mut signed_headers: Vec<(String, String)> = Vec::new();
        for name in list
            .split(',')
            .map(|n| n.trim().to_ascii_lowercase())
            .filter(|n| !n.is_empty())
        {
            if signed_headers.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let value = match name.as_str() {
                // The signer writes these two itself: the parsed timestamp and the sorted list.
                CF_TIMESTAMP => ts_ms.to_string(),
                CF_SIGNED_HEADERS => String::new(),
                _ => {
                    let values: Vec<&str> = d.headers.get_all(&name).map(str::trim).collect();
                    if values.is_empty() {
                        return Err(Verdict::missing_header(&name)
                            .hint(format!("{CF_SIGNED_HEADERS} lists {name}, so the signature covers it: a proxy may have dropped it")));
                    }
                    values.join(", ")
                }
            };
            signed_headers.push((name, value));
        }
        for required in [CF_TIMESTAMP, CF_SIGNED_HEADERS] {
            if !signed_headers.iter().any(|(n, _)| n == required) {
                signed_headers.push((
                    required.to_string(),
                    if required == CF_TIMESTAMP {
                        ts_ms.to_string()
                    } else {
                        String::new()
                    },
                ));
            }
        }
        let mut names: Vec<&str> = signed_headers.iter().map(|(n, _)| n.as_str()).collect();
        names.sort();
        let names = names.join(",");
        for (n, v) in signed_headers.iter_mut() {
            if n == CF_SIGNED_HEADERS {
                *v = names.clone();
            }
        }
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let content = Self::canonical(
            method_or_post(&d.method),
            request_target(url),
            signed_headers,
            &d.body,
        );
        for secret in &keys.secrets {
            if crypto::ct_eq(
                &Algorithm::Sha256.hmac(secret.as_bytes(), &[&content]),
                &given,
            ) {
                let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                if let Some(v) = crypto::check_timestamp(
                    ts_ms.div_euclid(1000),
                    opts.now,
                    tolerance,
                    CF_TIMESTAMP,
                ) {
                    return Ok(v.signed(content));
                }
                return Ok(Verdict::ok(format!(
                    "{CF_SIGNATURE} matches HMAC-SHA256 of the canonical request"
                ))
                .header(CF_SIGNATURE)
                .signed(content));
            }
        }
        Ok(Verdict::new(
            Reason::BadSignature,
            format!("{CF_SIGNATURE} does not match HMAC-SHA256 of the canonical request (method, path, signed headers, body) with the given secret"),
        )
        .header(CF_SIGNATURE)
        .signed(content)
        .hint("the path and query must be exactly those Contentful requested, and the method too: check --url and --method"))
    }
}

impl Scheme for Contentful {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        // Contentful's constraints on a signing secret.
        if secret.len() != 64
            || !secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b))
        {
            return Err(SignError::BadKey(
                "a Contentful signing secret is exactly 64 characters of [0-9a-zA-Z+/=_-]".into(),
            ));
        }
        let url = req
            .url
            .as_deref()
            .ok_or_else(|| SignError::MissingUrl(self.info.name.clone()))?;
        let method = method_or_post(&req.method);
        let ts_ms = req.timestamp.saturating_mul(1000);
        let mut signed: Vec<(String, String)> = Vec::new();
        for (name, value) in req.headers.iter() {
            let name = name.trim().to_ascii_lowercase();
            // A nameless header cannot travel on the wire, so it cannot be signed either.
            if name.is_empty()
                || [CF_SIGNATURE, CF_TIMESTAMP, CF_SIGNED_HEADERS].contains(&name.as_str())
            {
                continue;
            }
            match signed.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => {
                    v.push_str(", ");
                    v.push_str(value.trim());
                }
                None => signed.push((name, value.trim().to_string())),
            }
        }
        signed.push((CF_TIMESTAMP.into(), ts_ms.to_string()));
        let mut names: Vec<String> = signed
            .iter()
            .map(|(n, _)| n.clone())
            .chain([CF_SIGNED_HEADERS.to_string()])
            .collect();
        names.sort();
        let list = names.join(",");
        signed.push((CF_SIGNED_HEADERS.into(), list.clone()));
        let content = Self::canonical(method, request_target(url), signed, &req.body);
        let mut headers = Headers::new();
        headers.push(
            CF_SIGNATURE,
            hex::encode(Algorithm::Sha256.hmac(secret.as_bytes(), &[&content])),
        );
        headers.push(CF_TIMESTAMP, ts_ms.to_string());
        headers.push(CF_SIGNED_HEADERS, list);
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }
}

/// The path and query of a URL as sent (no normalization), `/` when it has none.
/// Webhooks are POSTed; a request with no method given is taken as one, by `sign` and `verify` alike.
fn method_or_post(method: &str) -> &str {
    if method.is_empty() { "POST" } else { method }
}

fn request_target(url: &str) -> &str {
    if url.starts_with('/') {
        return url;
    }
    let Some(sep) = url.find("://") else {
        return url;
    };
    let after = &url[sep + 3..];
    match after.find(['/', '?']) {
        Some(i) => {
            let target = &after[i..];
            target.split('#').next().unwrap_or(target)
        }
        None => "/",
    }
}

/// The path as Contentful's signer canonicalizes it: the query escaped like Node's
/// `querystring.escape`, then the whole escaped like `encodeURI`. A second `?` and what follows
/// it are dropped, as the signer does.
fn normalized_path(target: &str) -> String {
    let mut split = target.split('?');
    let path = split.next().unwrap_or("");
    let search = split.next().unwrap_or("");
    let joined = if search.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", percent_encode(search, b"-_.!~*'()"))
    };
    percent_encode(&joined, b";,/?:@&=+$-_.!~*'()#")
}

/// Percent-encodes every byte except ASCII alphanumerics and `keep`, UTF-8, upper-case hex.
fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contentful_path_is_escaped_like_the_official_signer() {
        assert_eq!(normalized_path("/api/resources/1"), "/api/resources/1");
        assert_eq!(
            normalized_path("/hooks?a=1&b=x y"),
            "/hooks?a%253D1%2526b%253Dx%2520y"
        );
        assert_eq!(normalized_path("/a b/ü?"), "/a%20b/%C3%BC");
        assert_eq!(normalized_path("/p?x?y"), "/p?x");
        assert_eq!(
            request_target("https://h.test:8443/p/q?x=1#frag"),
            "/p/q?x=1"
        );
        assert_eq!(request_target("https://h.test"), "/");
        assert_eq!(request_target("https://h.test?x"), "?x");
    }

    #[test]
    fn contentful_round_trip_and_header_tampering() {
        let s = Contentful::new();
        let mut h = Headers::new();
        h.push(
            "Content-Type",
            "application/vnd.contentful.management.v1+json",
        );
        h.push("X-Contentful-Topic", "ContentManagement.Entry.publish");
        let secret = "a".repeat(64);
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            method: "POST".into(),
            url: Some("https://h.test/hook".into()),
            headers: h.clone(),
            secret: Some(secret.clone()),
            ..Default::default()
        };
        let signed = s.sign(&req).unwrap();
        assert_eq!(
            signed.headers.get(CF_SIGNED_HEADERS),
            Some(
                "content-type,x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic"
            )
        );
        let mut d = Delivery {
            method: "POST".into(),
            url: req.url.clone(),
            headers: h,
            body: b"{}".to_vec(),
        };
        d.headers.0.extend(signed.headers.0);
        let keys = Keys {
            secrets: vec![secret],
            public_key: None,
        };
        assert!(
            s.verify(&d, &keys, &VerifyOptions::at(1_700_000_010))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &keys, &VerifyOptions::at(1_700_000_100))
                .reason,
            Reason::ExpiredTimestamp
        );
        let mut topic = d.clone();
        topic
            .headers
            .set("X-Contentful-Topic", "ContentManagement.Entry.delete");
        assert_eq!(
            s.verify(&topic, &keys, &VerifyOptions::at(1_700_000_010))
                .reason,
            Reason::BadSignature
        );
        topic.headers.remove("X-Contentful-Topic");
        assert_eq!(
            s.verify(&topic, &keys, &VerifyOptions::at(1_700_000_010))
                .reason,
            Reason::MissingHeader
        );
        let bad = SignRequest {
            secret: Some("short".into()),
            ..req
        };
        assert!(matches!(s.sign(&bad), Err(SignError::BadKey(_))));
    }

    #[test]
    fn no_method_means_post_and_nameless_headers_are_not_signed() {
        let s = Contentful::new();
        let mut h = Headers::new();
        h.push("", "nameless");
        h.push("X-Contentful-Topic", "ContentManagement.Entry.publish");
        let secret = "b".repeat(64);
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            url: Some("https://h.test/hook".into()),
            headers: h.clone(),
            secret: Some(secret.clone()),
            ..Default::default()
        };
        let signed = s.sign(&req).unwrap();
        assert!(
            !signed
                .headers
                .get(CF_SIGNED_HEADERS)
                .unwrap()
                .starts_with(',')
        );
        let mut d = Delivery {
            method: String::new(),
            url: req.url.clone(),
            headers: h,
            body: b"{}".to_vec(),
        };
        d.headers.0.extend(signed.headers.0);
        let keys = Keys {
            secrets: vec![secret],
            public_key: None,
        };
        let v = s.verify(&d, &keys, &VerifyOptions::at(1_700_000_010));
        assert!(v.is_valid(), "{}", v.detail);
    }
}
