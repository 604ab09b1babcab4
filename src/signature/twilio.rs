//! Schemes that sign the request URL plus the sorted POST parameters: Twilio and Mandrill.

use std::sync::Arc;

use super::crypto::{self, Algorithm};
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

const BODY_HASH_PARAM: &str = "bodySHA256";
/// Names the algorithm of a delivery signed with a SharedKey (`key=…,algorithm=HMAC_SHA256`);
/// without it, Twilio signs with the Auth Token and HMAC-SHA1.
const TWILIO_SETTINGS: &str = "X-Twilio-Webhooks-Signature-Settings";

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![
        Arc::new(UrlParams::new(Flavor::Twilio)),
        Arc::new(UrlParams::new(Flavor::Mandrill)),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Twilio,
    Mandrill,
}

/// Base64 HMAC-SHA1 over `URL + name1 + value1 + name2 + value2 …`, parameters sorted by name.
pub struct UrlParams {
    info: Info,
    flavor: Flavor,
    header: &'static str,
}

impl UrlParams {
    fn new(flavor: Flavor) -> Self {
        let (id, name, header, signed, docs) = match flavor {
            Flavor::Twilio => (
                "twilio",
                "Twilio",
                "X-Twilio-Signature",
                "{url}{name}{value}… (form params sorted by name; JSON bodies: {url} carrying bodySHA256=hex(SHA-256(body)))",
                "https://www.twilio.com/docs/usage/webhooks/webhooks-security",
            ),
            Flavor::Mandrill => (
                "mandrill",
                "Mailchimp Transactional (Mandrill)",
                "X-Mandrill-Signature",
                "{url}{name}{value}… (form params sorted by name)",
                "https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests",
            ),
        };
        UrlParams {
            info: Info {
                id: id.into(),
                name: name.into(),
                algorithm: match flavor {
                    Flavor::Twilio => "HMAC-SHA1 (base64); HMAC-SHA256 where X-Twilio-Webhooks-Signature-Settings names it",
                    Flavor::Mandrill => "HMAC-SHA1 (base64)",
                }
                .into(),
                signed: signed.into(),
                headers: vec![header.into()],
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                detect: vec![header.into()],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: docs.into(),
            },
            flavor,
            header,
        }
    }

    /// The sorted name/value pairs the scheme appends to the URL.
    fn params(&self, body: &[u8]) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        pairs.sort();
        // twilio-node's validator collapses repeated identical values of one parameter (it builds
        // a Set per name), and the official vectors are made that way.
        if self.flavor == Flavor::Twilio {
            pairs.dedup();
        }
        pairs
    }

    /// How the body takes part in the signature, read the way the provider sends it.
    fn body_mode(&self, url: &str, headers: &Headers, body: &[u8]) -> BodyMode {
        if self.flavor == Flavor::Mandrill {
            // Mandrill always posts `mandrill_events=…` as a form.
            return BodyMode::Form;
        }
        if let Some(hash) = query_param(url, BODY_HASH_PARAM) {
            return BodyMode::Hashed(hash);
        }
        if body.is_empty() {
            return BodyMode::None;
        }
        match headers.get("Content-Type") {
            Some(ct)
                if !ct
                    .to_ascii_lowercase()
                    .contains("application/x-www-form-urlencoded") =>
            {
                BodyMode::Unsigned(ct.to_string())
            }
            Some(_) => BodyMode::Form,
            // Without a Content-Type, a body that opens like JSON is taken for JSON, as Twilio
            // only posts JSON or forms.
            None => match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{' | b'[') => BodyMode::Unsigned("JSON".into()),
                _ => BodyMode::Form,
            },
        }
    }

    fn mac(
        &self,
        algorithm: Algorithm,
        key: &[u8],
        url: &str,
        params: &[(String, String)],
    ) -> Vec<u8> {
        let mut parts: Vec<&[u8]> = vec![url.as_bytes()];
        for (k, v) in params {
            parts.push(k.as_bytes());
            parts.push(v.as_bytes());
        }
        algorithm.hmac(key, &parts)
    }

    /// The algorithm the delivery was signed with, read as twilio 9.13.0's
    /// `get_signature_algorithm` reads the settings header: HMAC-SHA1 unless it names another,
    /// and `Err` with the name when that one is unknown (the SDK then refuses the delivery).
    fn algorithm(&self, headers: &Headers) -> Result<Algorithm, String> {
        if self.flavor == Flavor::Mandrill {
            return Ok(Algorithm::Sha1);
        }
        let named = headers.get(TWILIO_SETTINGS).and_then(|v| {
            v.split(',').find_map(|part| {
                let (name, value) = part.split_once('=')?;
                (name.trim() == "algorithm" && !value.trim().is_empty()).then(|| value.trim())
            })
        });
        match named.map(str::to_ascii_uppercase).as_deref() {
            None | Some("HMAC_SHA1") => Ok(Algorithm::Sha1),
            Some("HMAC_SHA256") => Ok(Algorithm::Sha256),
            Some(_) => Err(named.unwrap_or_default().to_string()),
        }
    }

    fn verify_inner(&self, d: &Delivery, keys: &Keys) -> Result<Verdict, Verdict> {
        let value = d
            .headers
            .get(self.header)
            .ok_or_else(|| Verdict::missing_header(self.header))?;
        let algorithm = self.algorithm(&d.headers).map_err(|named| {
            Verdict::malformed_header(
                TWILIO_SETTINGS,
                format!("names the algorithm '{named}', which Twilio's SDK does not know (HMAC_SHA1 or HMAC_SHA256), so it refuses the delivery"),
            )
        })?;
        let given = crypto::decode_base64(value)
            .filter(|b| !b.is_empty())
            .ok_or_else(|| {
                Verdict::malformed_header(
                    self.header,
                    format!("does not hold a base64 HMAC-{} signature", algorithm.name()),
                )
            })?;
        let Some(url) = d.url.as_deref() else {
            return Err(Verdict::new(
                Reason::Unsupported,
                format!(
                    "{} signs the request URL: pass --url with the exact URL it posted to, query string included",
                    self.info.name
                ),
            ));
        };
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let mode = self.body_mode(url, &d.headers, &d.body);
        let params = match &mode {
            BodyMode::Form => self.params(&d.body),
            BodyMode::None | BodyMode::Hashed(_) => Vec::new(),
            BodyMode::Unsigned(ct) => {
                return Err(Verdict::new(
                    Reason::Unsupported,
                    format!(
                        "the body is {ct}, not form data, and the URL has no {BODY_HASH_PARAM} parameter: Twilio covers such bodies through {BODY_HASH_PARAM} in the URL, so pass --url with the full URL Twilio posted to"
                    ),
                )
                .header(self.header));
            }
        };
        let candidates = match self.flavor {
            Flavor::Twilio => url_candidates(url),
            // Mandrill signs the URL exactly as it was entered, no port variants.
            Flavor::Mandrill => vec![url.to_string()],
        };
        let signed_content = |u: &str| {
            let mut s = u.as_bytes().to_vec();
            for (k, v) in &params {
                s.extend_from_slice(k.as_bytes());
                s.extend_from_slice(v.as_bytes());
            }
            s
        };
        for secret in &keys.secrets {
            for candidate in &candidates {
                let mac = self.mac(algorithm, secret.as_bytes(), candidate, &params);
                if !crypto::ct_eq(&mac, &given) {
                    continue;
                }
                let how = if candidate == url {
                    String::new()
                } else {
                    format!(" (as {candidate})")
                };
                if let BodyMode::Hashed(expected) = &mode {
                    let actual = hex::encode(Algorithm::Sha256.digest(&[&d.body]));
                    if !crypto::ct_eq(actual.as_bytes(), expected.as_bytes()) {
                        return Ok(Verdict::new(
                            Reason::BodyModified,
                            format!(
                                "{} matches the URL{how}, but the body's SHA-256 is not the {BODY_HASH_PARAM} the URL carries: the body changed after signing",
                                self.header
                            ),
                        )
                        .header(self.header)
                        .signed(signed_content(candidate))
                        .hint("the body must be verified byte-for-byte as received: a re-serialized JSON body hashes differently"));
                    }
                }
                let what = if matches!(mode, BodyMode::Hashed(_)) {
                    format!("the URL{how}, and the body matches its {BODY_HASH_PARAM}")
                } else {
                    format!("the URL{how} and {} sorted POST parameter(s)", params.len())
                };
                return Ok(Verdict::ok(format!(
                    "{} matches HMAC-{} of {what}",
                    self.header,
                    algorithm.name()
                ))
                .header(self.header)
                .signed(signed_content(candidate)));
            }
        }
        let mut v = Verdict::new(
            Reason::BadSignature,
            format!(
                "{} does not match HMAC-{} of the URL and the sorted POST parameters with the given secret{}",
                self.header,
                algorithm.name(),
                if keys.secrets.len() > 1 { "s" } else { "" }
            ),
        )
        .header(self.header)
        .signed(signed_content(url))
        .hint(format!(
            "{} signs the exact URL it posted to (scheme, host, path, query string): check --url against the webhook URL configured there",
            self.info.name
        ));
        if given.len() != algorithm.output_len() {
            v = v.hint(format!(
                "the signature is {} bytes long, but HMAC-{} gives {}: the header holds something else",
                given.len(),
                algorithm.name(),
                algorithm.output_len()
            ));
        }
        Ok(v)
    }
}

enum BodyMode {
    /// Form parameters are appended to the URL.
    Form,
    /// No body: the URL alone is signed.
    None,
    /// The URL carries the body's SHA-256 (hex); only the URL is signed.
    Hashed(String),
    /// A non-form body with nothing in the URL that covers it.
    Unsigned(String),
}

impl Scheme for UrlParams {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        let url = req
            .url
            .as_deref()
            .ok_or_else(|| SignError::MissingUrl(self.info.name.clone()))?;
        let mut new_url = None;
        let params = match self.body_mode(url, &req.headers, &req.body) {
            BodyMode::Form => self.params(&req.body),
            BodyMode::None => Vec::new(),
            BodyMode::Hashed(_) | BodyMode::Unsigned(_) => {
                // Twilio sends JSON with the body's hash in the URL, and signs that URL.
                let hash = hex::encode(Algorithm::Sha256.digest(&[&req.body]));
                let with_hash = set_query_param(url, BODY_HASH_PARAM, &hash);
                if with_hash != url {
                    new_url = Some(with_hash);
                }
                Vec::new()
            }
        };
        let signed_url = new_url.as_deref().unwrap_or(url);
        let algorithm = self.algorithm(&req.headers).map_err(|named| {
            SignError::Unsupported(format!(
                "{TWILIO_SETTINGS} names the algorithm '{named}': use HMAC_SHA1 or HMAC_SHA256"
            ))
        })?;
        let sig = crypto::base64(&self.mac(algorithm, secret.as_bytes(), signed_url, &params));
        let mut headers = Headers::new();
        headers.push(self.header, sig);
        Ok(Signed {
            headers,
            body: None,
            url: new_url,
        })
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, _opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys).unwrap_or_else(|v| v)
    }
}

/// The first value of a query parameter, decoded.
fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split('#').next()?.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// `url` with `name=value` in its query: replaced in place where present, appended otherwise.
fn set_query_param(url: &str, name: &str, value: &str) -> String {
    let (before_fragment, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let (base, query) = match before_fragment.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (before_fragment, None),
    };
    let mut pairs: Vec<String> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let mut found = false;
    for p in pairs.iter_mut() {
        if p.split('=').next() == Some(name) {
            *p = format!("{name}={value}");
            found = true;
        }
    }
    if !found {
        pairs.push(format!("{name}={value}"));
    }
    let mut out = format!("{base}?{}", pairs.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The URL forms Twilio's own validators accept, since its signing back ends differ on the port:
/// as received, without any port, with the scheme's default port; then the same for the URL as a
/// WHATWG parser normalizes it, which some back ends signed.
fn url_candidates(url: &str) -> Vec<String> {
    let mut out = Vec::new();
    let normalized = url::Url::parse(url).ok().map(|u| u.to_string());
    for u in std::iter::once(url).chain(normalized.as_deref()) {
        for candidate in port_variants(u) {
            if !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

fn port_variants(url: &str) -> Vec<String> {
    let mut out = vec![url.to_string()];
    if let Some(p) = split_authority(url) {
        out.push(format!("{}{}{}{}", p.scheme, p.userinfo, p.host, p.rest));
        if p.port.is_empty() {
            let port = if p.scheme.eq_ignore_ascii_case("https://") {
                ":443"
            } else {
                ":80"
            };
            out.push(format!(
                "{}{}{}{port}{}",
                p.scheme, p.userinfo, p.host, p.rest
            ));
        }
    }
    out
}

struct UrlParts<'a> {
    scheme: &'a str,
    userinfo: &'a str,
    host: &'a str,
    port: &'a str,
    rest: &'a str,
}

/// Splits `scheme://userinfo@host:port` off a URL without normalizing anything, since the
/// signature covers the URL text as sent.
fn split_authority(url: &str) -> Option<UrlParts<'_>> {
    let sep = url.find("://")?;
    let scheme_name = &url[..sep];
    if scheme_name.is_empty()
        || !scheme_name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
    {
        return None;
    }
    let scheme = &url[..sep + 3];
    let after = &url[sep + 3..];
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => authority.split_at(at + 1),
        None => ("", authority),
    };
    // A colon starts the port only after an IPv6 literal's closing bracket.
    let search_from = host_port.rfind(']').map_or(0, |i| i + 1);
    let (host, port) = match host_port[search_from..].find(':') {
        Some(i) => host_port.split_at(search_from + i),
        None => (host_port, ""),
    };
    Some(UrlParts {
        scheme,
        userinfo,
        host,
        port,
        rest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twilio() -> UrlParams {
        UrlParams::new(Flavor::Twilio)
    }

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    #[test]
    fn a_shared_key_delivery_is_checked_with_the_algorithm_its_settings_header_names() {
        let s = twilio();
        let mut headers = Headers::new();
        headers.push("Content-Type", "application/x-www-form-urlencoded");
        headers.push(
            TWILIO_SETTINGS,
            "key=webhooks_sharedkey_1, algorithm=HMAC_SHA256",
        );
        let req = SignRequest {
            body: b"CallSid=CA1&From=%2B15550001".to_vec(),
            url: Some("https://h.test/voice".into()),
            headers: headers.clone(),
            secret: Some("shared".into()),
            ..Default::default()
        };
        let mut d = Delivery {
            method: "POST".into(),
            url: req.url.clone(),
            headers,
            body: req.body.clone(),
        };
        let sig = s.sign(&req).unwrap().headers;
        let value = sig.get("X-Twilio-Signature").unwrap().to_string();
        // What twilio 9.13.0 computes: base64 HMAC-SHA256 of the URL and the sorted parameters.
        let want = crypto::base64(
            &Algorithm::Sha256.hmac(b"shared", &[b"https://h.test/voiceCallSidCA1From+15550001"]),
        );
        assert_eq!(value, want);
        d.headers.push("X-Twilio-Signature", &value);
        let now = VerifyOptions::at(0);
        let v = s.verify(&d, &keys("shared"), &now);
        assert!(v.is_valid(), "{}", v.detail);
        assert!(v.detail.contains("HMAC-SHA256"), "{}", v.detail);
        // Without the settings header the SDK takes HMAC-SHA1, and this signature is no match.
        d.headers.remove(TWILIO_SETTINGS);
        assert_eq!(
            s.verify(&d, &keys("shared"), &now).reason,
            Reason::BadSignature
        );
        d.headers.push(TWILIO_SETTINGS, "algorithm=HMAC_MD5");
        assert_eq!(
            s.verify(&d, &keys("shared"), &now).reason,
            Reason::MalformedHeader
        );
    }

    #[test]
    fn port_variants_follow_the_official_validators() {
        assert_eq!(
            url_candidates("https://a.com/x?y=1"),
            ["https://a.com/x?y=1", "https://a.com:443/x?y=1"]
        );
        assert_eq!(
            url_candidates("http://u@a.com:1234/x"),
            ["http://u@a.com:1234/x", "http://u@a.com/x"]
        );
        assert_eq!(
            url_candidates("https://[::1]:8443/"),
            ["https://[::1]:8443/", "https://[::1]/"]
        );
        assert_eq!(url_candidates("not a url"), ["not a url"]);
    }

    #[test]
    fn body_hash_is_added_replaced_or_kept() {
        assert_eq!(set_query_param("https://a/x", "h", "1"), "https://a/x?h=1");
        assert_eq!(
            set_query_param("https://a/x?a=1#f", "h", "1"),
            "https://a/x?a=1&h=1#f"
        );
        assert_eq!(
            set_query_param("https://a/x?h=0&b=2", "h", "1"),
            "https://a/x?h=1&b=2"
        );
        assert_eq!(set_query_param("https://a/x?", "h", "1"), "https://a/x?h=1");
    }

    #[test]
    fn json_body_round_trip_and_tampering() {
        let s = twilio();
        let mut headers = Headers::new();
        headers.push("Content-Type", "application/json");
        let req = SignRequest {
            body: br#"{"a":1}"#.to_vec(),
            url: Some("https://h.test/in".into()),
            headers: headers.clone(),
            secret: Some("tok".into()),
            ..Default::default()
        };
        let signed = s.sign(&req).unwrap();
        let url = signed.url.clone().unwrap();
        assert!(url.starts_with("https://h.test/in?bodySHA256="));
        let mut d = Delivery {
            method: "POST".into(),
            url: Some(url),
            headers,
            body: req.body.clone(),
        };
        d.headers.0.extend(signed.headers.0);
        assert!(s.verify(&d, &keys("tok"), &VerifyOptions::at(0)).is_valid());
        d.body.push(b' ');
        assert_eq!(
            s.verify(&d, &keys("tok"), &VerifyOptions::at(0)).reason,
            Reason::BodyModified
        );
        d.url = Some("https://h.test/in".into());
        assert_eq!(
            s.verify(&d, &keys("tok"), &VerifyOptions::at(0)).reason,
            Reason::Unsupported
        );
    }

    #[test]
    fn json_without_content_type_is_signed_through_the_url() {
        let req = SignRequest {
            body: b" {\"a\":1}".to_vec(),
            url: Some("https://h.test/in".into()),
            secret: Some("tok".into()),
            ..Default::default()
        };
        assert!(
            twilio()
                .sign(&req)
                .unwrap()
                .url
                .unwrap()
                .contains("bodySHA256=")
        );
        let form = SignRequest {
            body: b"a=1".to_vec(),
            ..req
        };
        assert_eq!(twilio().sign(&form).unwrap().url, None);
    }

    #[test]
    fn hostile_input_gives_a_verdict() {
        let s = twilio();
        let mut d = Delivery::new(vec![0xff, b'%', b'=', 0x00]);
        d.headers.push("X-Twilio-Signature", "AAAA");
        for url in [
            "",
            "://",
            "https://[::1",
            "https://a@b@c:99999999999/?bodySHA256=%zz",
            "x".repeat(10_000).as_str(),
        ] {
            d.url = Some(url.into());
            let _ = s.verify(&d, &keys("k"), &VerifyOptions::at(0));
        }
    }
}
