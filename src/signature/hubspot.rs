//! HubSpot's three request signatures: v1 and v2 (plain SHA-256 with the secret prepended) and v3
//! (HMAC-SHA256 over method, URI, body and a millisecond timestamp).

use std::sync::Arc;

use super::crypto::{self, Algorithm};
use super::hmac_scheme::TimeFormat;
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

const V3_HEADER: &str = "X-HubSpot-Signature-v3";
const TIMESTAMP_HEADER: &str = "X-HubSpot-Request-Timestamp";
const LEGACY_HEADER: &str = "X-HubSpot-Signature";
const VERSION_HEADER: &str = "X-HubSpot-Signature-Version";
/// "Reject the request if the timestamp is older than 5 minutes."
const V3_TOLERANCE: u64 = 300;
const DOCS: &str = "https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation";

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![Arc::new(HubSpot::new())]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V1,
    V2,
    V3,
}

impl Version {
    fn name(self) -> &'static str {
        match self {
            Version::V1 => "v1",
            Version::V2 => "v2",
            Version::V3 => "v3",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "v1" => Some(Version::V1),
            "v2" => Some(Version::V2),
            "v3" => Some(Version::V3),
            _ => None,
        }
    }

    fn signed(self) -> &'static str {
        match self {
            Version::V1 => "{secret}{body}",
            Version::V2 => "{secret}{method}{url}{body}",
            Version::V3 => "{method}{url}{body}{timestamp}",
        }
    }
}

pub struct HubSpot {
    info: Info,
}

impl HubSpot {
    fn new() -> Self {
        HubSpot {
            info: Info {
                id: "hubspot".into(),
                name: "HubSpot".into(),
                algorithm: "v3: HMAC-SHA256 (base64); v2: SHA-256 (hex); v1: SHA-256 (hex)".into(),
                signed: "v3: {method}{url}{body}{timestamp} (URL with %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B decoded); v2: {secret}{method}{url}{body}; v1: {secret}{body}".into(),
                headers: vec![V3_HEADER.into(), TIMESTAMP_HEADER.into(), LEGACY_HEADER.into(), VERSION_HEADER.into()],
                tolerance_seconds: Some(V3_TOLERANCE),
                can_sign: true,
                variants: vec!["v3".into(), "v2".into(), "v1".into()],
                detect: vec![V3_HEADER.into()],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: DOCS.into(),
            },
        }
    }

    /// The signed bytes of one version, or what is missing to build them.
    fn content(
        &self,
        v: Version,
        secret: &str,
        method: &str,
        url: Option<&str>,
        body: &[u8],
        ts: &str,
    ) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        match v {
            Version::V1 => {
                out.extend_from_slice(secret.as_bytes());
                out.extend_from_slice(body);
            }
            Version::V2 => {
                out.extend_from_slice(secret.as_bytes());
                out.extend_from_slice(method.as_bytes());
                out.extend_from_slice(url?.as_bytes());
                out.extend_from_slice(body);
            }
            Version::V3 => {
                out.extend_from_slice(method.as_bytes());
                out.extend_from_slice(v3_uri(url?).as_bytes());
                out.extend_from_slice(body);
                out.extend_from_slice(ts.as_bytes());
            }
        }
        Some(out)
    }

    fn digest(&self, v: Version, secret: &str, content: &[u8]) -> Vec<u8> {
        match v {
            Version::V1 | Version::V2 => Algorithm::Sha256.digest(&[content]),
            Version::V3 => Algorithm::Sha256.hmac(secret.as_bytes(), &[content]),
        }
    }

    fn needs_url(&self, v: Version) -> Verdict {
        Verdict::new(
            Reason::Unsupported,
            format!(
                "HubSpot {} signs the request URL: pass --url with the full URL HubSpot posted to",
                v.name()
            ),
        )
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        // Deliveries carry v3 and an older version side by side; v3 is the one that resists replay.
        let (versions, header): (Vec<Version>, &str) = if d.headers.contains(V3_HEADER) {
            (vec![Version::V3], V3_HEADER)
        } else if d.headers.contains(LEGACY_HEADER) {
            match d.headers.get(VERSION_HEADER) {
                Some(text) => match Version::parse(text) {
                    Some(Version::V3) | None => {
                        return Err(Verdict::malformed_header(
                            VERSION_HEADER,
                            format!("holds '{}': X-HubSpot-Signature is v1 or v2", text.trim()),
                        ));
                    }
                    Some(v) => (vec![v], LEGACY_HEADER),
                },
                // Without the version header either legacy form may be meant: both are tried.
                None => (vec![Version::V1, Version::V2], LEGACY_HEADER),
            }
        } else {
            return Err(Verdict::missing_header(V3_HEADER)
                .hint("HubSpot sends X-HubSpot-Signature-v3 (with X-HubSpot-Request-Timestamp), and X-HubSpot-Signature for v1/v2"));
        };
        let value = d.headers.get(header).unwrap_or_default();
        let given = match versions[0] {
            Version::V3 => crypto::decode_base64(value).filter(|b| b.len() == 32),
            _ => hex::decode(value.trim()).ok().filter(|b| b.len() == 32),
        }
        .ok_or_else(|| {
            Verdict::malformed_header(
                header,
                if versions[0] == Version::V3 {
                    "does not hold a base64 HMAC-SHA256"
                } else {
                    "does not hold a hex SHA-256"
                },
            )
        })?;
        let ts_text = if versions[0] == Version::V3 {
            let t = d
                .headers
                .get(TIMESTAMP_HEADER)
                .ok_or_else(|| Verdict::missing_header(TIMESTAMP_HEADER))?;
            let at = TimeFormat::Millis
                .parse(t)
                .filter(|_| t.trim().bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| {
                    Verdict::malformed_header(
                        TIMESTAMP_HEADER,
                        format!(
                            "holds '{}', which is not a Unix time in milliseconds",
                            t.trim()
                        ),
                    )
                })?;
            Some((t.trim(), at))
        } else {
            None
        };
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let url = d.url.as_deref();
        let mut last_content = None;
        for &v in &versions {
            let ts = ts_text.map_or("", |(t, _)| t);
            for secret in &keys.secrets {
                let Some(content) = self.content(v, secret, &d.method, url, &d.body, ts) else {
                    if versions.len() == 1 {
                        return Err(self.needs_url(v));
                    }
                    continue;
                };
                if crypto::ct_eq(&self.digest(v, secret, &content), &given) {
                    // The signed text embeds the secret for v1/v2: show what follows it only.
                    let shown = if v == Version::V3 {
                        content.clone()
                    } else {
                        content[secret.len()..].to_vec()
                    };
                    if let Some((_, at)) = ts_text {
                        let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                        if let Some(verdict) =
                            crypto::check_timestamp(at, opts.now, tolerance, TIMESTAMP_HEADER)
                        {
                            return Ok(verdict.signed(shown));
                        }
                    }
                    return Ok(Verdict::ok(format!(
                        "{header} matches the HubSpot {} signature of {}",
                        v.name(),
                        v.signed()
                    ))
                    .header(header)
                    .signed(shown));
                }
                last_content = Some(if v == Version::V3 {
                    content
                } else {
                    content[secret.len()..].to_vec()
                });
            }
        }
        let names: Vec<&str> = versions.iter().map(|v| v.name()).collect();
        let mut verdict = Verdict::new(
            Reason::BadSignature,
            format!(
                "{header} does not match the HubSpot {} signature of the delivery with the given secret{}",
                names.join(" or "),
                if keys.secrets.len() > 1 { "s" } else { "" }
            ),
        )
        .header(header);
        if let Some(c) = last_content {
            verdict = verdict.signed(c);
        }
        if versions.contains(&Version::V2) || versions.contains(&Version::V3) {
            verdict = verdict.hint("HubSpot signs the full URL it posted to (with https:// and the query string in its order) and the method: check --url and --method");
        }
        if versions.len() > 1 && url.is_none() {
            verdict = verdict.hint("without X-HubSpot-Signature-Version only v1 could be tried: pass --url to try v2 too");
        }
        Ok(verdict)
    }
}

/// The URI as v3 signs it: HubSpot decodes these percent-escapes before signing.
fn v3_uri(url: &str) -> String {
    const DECODED: [(&str, char); 12] = [
        ("3A", ':'),
        ("2F", '/'),
        ("3F", '?'),
        ("40", '@'),
        ("21", '!'),
        ("24", '$'),
        ("27", '\''),
        ("28", '('),
        ("29", ')'),
        ("2A", '*'),
        ("2C", ','),
        ("3B", ';'),
    ];
    let mut out = String::with_capacity(url.len());
    let mut rest = url;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let esc = rest.get(i + 1..i + 3);
        match esc.and_then(|e| {
            DECODED
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(e))
        }) {
            Some((_, c)) => {
                out.push(*c);
                rest = &rest[i + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl Scheme for HubSpot {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let v = match &req.variant {
            None => Version::V3,
            Some(name) => Version::parse(name).ok_or_else(|| SignError::UnknownVariant {
                provider: self.info.id.clone(),
                variant: name.clone(),
                choices: self.info.variants.join(", "),
            })?,
        };
        let secret = req.require_secret(&self.info)?;
        let ts = TimeFormat::Millis.render(req.timestamp);
        let method = if req.method.is_empty() {
            "POST"
        } else {
            req.method.as_str()
        };
        let content = self
            .content(v, secret, method, req.url.as_deref(), &req.body, &ts)
            .ok_or_else(|| SignError::MissingUrl(format!("HubSpot {}", v.name())))?;
        let digest = self.digest(v, secret, &content);
        let mut headers = Headers::new();
        match v {
            Version::V3 => {
                headers.push(V3_HEADER, crypto::base64(&digest));
                headers.push(TIMESTAMP_HEADER, ts);
            }
            Version::V1 | Version::V2 => {
                headers.push(LEGACY_HEADER, hex::encode(digest));
                headers.push(VERSION_HEADER, v.name());
            }
        }
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

    #[test]
    fn v3_decodes_only_the_listed_escapes() {
        assert_eq!(
            v3_uri("https://x.test/a%3Ab%2fc?q=%40%20%2B%3b%"),
            "https://x.test/a:b/c?q=@%20%2B;%"
        );
    }

    #[test]
    fn sdk_vectors_for_each_version() {
        // hubspot-api-python tests/spec/utils/test_signature.py
        let s = HubSpot::new();
        let body = b"{'example_field':'example_value'}";
        let url = Some("https://www.example.com/webhook_uri");
        let v1 = s.digest(
            Version::V1,
            SECRET,
            &s.content(Version::V1, SECRET, "POST", url, body, "")
                .unwrap(),
        );
        assert_eq!(
            hex::encode(v1),
            "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750"
        );
        let v2 = s.digest(
            Version::V2,
            SECRET,
            &s.content(Version::V2, SECRET, "POST", url, body, "")
                .unwrap(),
        );
        assert_eq!(
            hex::encode(v2),
            "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383"
        );
        let v3 = s.digest(
            Version::V3,
            SECRET,
            &s.content(Version::V3, SECRET, "POST", url, body, "15000000")
                .unwrap(),
        );
        assert_eq!(
            crypto::base64(&v3),
            "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw="
        );
    }

    #[test]
    fn unknown_variant_and_missing_url_are_sign_errors() {
        let s = HubSpot::new();
        let req = SignRequest {
            secret: Some("k".into()),
            variant: Some("v9".into()),
            ..Default::default()
        };
        assert!(matches!(
            s.sign(&req),
            Err(SignError::UnknownVariant { .. })
        ));
        let req = SignRequest {
            secret: Some("k".into()),
            ..Default::default()
        };
        assert!(matches!(s.sign(&req), Err(SignError::MissingUrl(_))));
        let req = SignRequest {
            secret: Some("k".into()),
            variant: Some("v1".into()),
            ..Default::default()
        };
        assert!(s.sign(&req).is_ok());
    }

    #[test]
    fn legacy_header_without_version_tries_both() {
        let s = HubSpot::new();
        let req = SignRequest {
            secret: Some("k".into()),
            variant: Some("v2".into()),
            method: "POST".into(),
            url: Some("https://h.test/x".into()),
            body: b"{}".to_vec(),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.url = req.url.clone();
        d.headers.push(
            LEGACY_HEADER,
            s.sign(&req).unwrap().headers.get(LEGACY_HEADER).unwrap(),
        );
        let keys = Keys {
            secrets: vec!["k".into()],
            public_key: None,
        };
        assert!(s.verify(&d, &keys, &VerifyOptions::at(0)).is_valid());
        d.headers.push(VERSION_HEADER, "v1");
        assert_eq!(
            s.verify(&d, &keys, &VerifyOptions::at(0)).reason,
            Reason::BadSignature
        );
        d.headers.set(VERSION_HEADER, "v7");
        assert_eq!(
            s.verify(&d, &keys, &VerifyOptions::at(0)).reason,
            Reason::MalformedHeader
        );
    }
}
