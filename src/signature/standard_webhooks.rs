//! Standard Webhooks and the Svix family: `{id}.{timestamp}.{body}` signed with HMAC-SHA256 (`v1`)
//! or Ed25519 (`v1a`), several space-separated signatures in one header.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use base64::Engine;
use base64::alphabet;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use ed25519_dalek::Signer;

use super::crypto::{self, Algorithm};
use super::keys::{self, KeyAlg, PrivateKey, PublicKey};
use super::scheme::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::verdict::Reason;
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

/// The three headers one provider uses.
#[derive(Debug, Clone, Copy)]
struct HeaderNames {
    id: &'static str,
    timestamp: &'static str,
    signature: &'static str,
}

const WEBHOOK: HeaderNames = HeaderNames {
    id: "webhook-id",
    timestamp: "webhook-timestamp",
    signature: "webhook-signature",
};
const SVIX: HeaderNames = HeaderNames {
    id: "svix-id",
    timestamp: "svix-timestamp",
    signature: "svix-signature",
};
// Brex documents the same headers in title case; names compare case-insensitively anyway.
const BREX: HeaderNames = HeaderNames {
    id: "Webhook-Id",
    timestamp: "Webhook-Timestamp",
    signature: "Webhook-Signature",
};

/// Standard base64 that ignores non-zero trailing bits and missing padding: some senders (and
/// signet's test vectors) write such signatures. standardwebhooks 1.3.0 compares the text and
/// finds no match in them; `sdk.rs` holds the providers on that SDK to it.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Svix documents a five-minute window; the Standard Webhooks libraries use the same.
const TOLERANCE: u64 = 300;

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![
        Arc::new(StandardWebhooks::new(
            "standard-webhooks",
            "Standard Webhooks",
            WEBHOOK,
            None,
            true,
            "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
        )),
        // Svix's libraries read svix-* and fall back to webhook-* (white-labelled accounts).
        Arc::new(StandardWebhooks::new(
            "svix",
            "Svix",
            SVIX,
            Some(WEBHOOK),
            false,
            "https://docs.svix.com/receiving/verifying-payloads/how-manual",
        )),
        // Clerk delivers through Svix; its verifyWebhook() maps svix-* onto webhook-* and takes both.
        Arc::new(
            StandardWebhooks::new(
                "clerk",
                "Clerk",
                SVIX,
                Some(WEBHOOK),
                false,
                "https://clerk.com/docs/reference/backend/verify-webhook",
            )
            .undetectable(),
        ),
        // Resend delivers through Svix and documents the svix-* headers.
        Arc::new(
            StandardWebhooks::new(
                "resend",
                "Resend",
                SVIX,
                Some(WEBHOOK),
                false,
                "https://resend.com/docs/webhooks/verify-webhooks-requests",
            )
            .undetectable(),
        ),
        // Brex signs the Svix way under Webhook-* headers; its API hands out the secret as bare
        // base64 (GET /v1/webhooks/secrets), without the whsec_ prefix.
        Arc::new(
            StandardWebhooks::new(
                "brex",
                "Brex",
                BREX,
                None,
                false,
                "https://developer.brex.com/docs/webhooks/",
            )
            .undetectable()
            .bare_secret(),
        ),
    ]
}

/// One Standard-Webhooks-shaped provider.
pub struct StandardWebhooks {
    info: Info,
    names: HeaderNames,
    fallback: Option<HeaderNames>,
    /// Whether `v1a` (Ed25519) is offered besides `v1` (HMAC).
    asymmetric: bool,
}

impl StandardWebhooks {
    fn new(
        id: &str,
        name: &str,
        names: HeaderNames,
        fallback: Option<HeaderNames>,
        asymmetric: bool,
        docs: &str,
    ) -> Self {
        let info = Info {
            id: id.into(),
            name: name.into(),
            algorithm: if asymmetric {
                "v1: HMAC-SHA256 (base64, whsec_ secret); v1a: Ed25519 (base64, whpk_ key)".into()
            } else {
                "HMAC-SHA256 (base64, whsec_ secret)".into()
            },
            signed: "{id}.{timestamp}.{body}".into(),
            headers: vec![
                names.signature.into(),
                names.timestamp.into(),
                names.id.into(),
            ],
            tolerance_seconds: Some(TOLERANCE),
            can_sign: true,
            variants: if asymmetric {
                vec!["v1".into(), "v1a".into()]
            } else {
                vec![]
            },
            detect: vec![
                names.signature.into(),
                names.id.into(),
                names.timestamp.into(),
            ],
            key: KeyKind::Secret,
            secret_prefix: Some("whsec_".into()),
            docs: docs.into(),
        };
        StandardWebhooks {
            info,
            names,
            fallback,
            asymmetric,
        }
    }

    /// For providers indistinguishable on the wire from another: `--provider auto` picks that one,
    /// which verifies identically.
    fn undetectable(mut self) -> Self {
        self.info.detect.clear();
        self
    }

    fn bare_secret(mut self) -> Self {
        self.info.secret_prefix = None;
        self.info.algorithm = "HMAC-SHA256 (base64, base64 secret)".into();
        self
    }

    /// A header's value and the name it was found under, trying the fallback family second.
    fn header<'a>(
        &self,
        headers: &'a Headers,
        pick: fn(&HeaderNames) -> &'static str,
    ) -> Option<(&'a str, &'static str)> {
        let primary = pick(&self.names);
        headers.get(primary).map(|v| (v, primary)).or_else(|| {
            let fb = pick(self.fallback.as_ref()?);
            headers.get(fb).map(|v| (v, fb))
        })
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let missing =
            |pick: fn(&HeaderNames) -> &'static str| Verdict::missing_header(pick(&self.names));
        let (sig_value, sig_header) = self
            .header(&d.headers, |n| n.signature)
            .ok_or_else(|| missing(|n| n.signature))?;
        let (id, _) = self
            .header(&d.headers, |n| n.id)
            .ok_or_else(|| missing(|n| n.id))?;
        let (ts, ts_header) = self
            .header(&d.headers, |n| n.timestamp)
            .ok_or_else(|| missing(|n| n.timestamp))?;
        let signed_at = crypto::parse_unix(ts).ok_or_else(|| {
            Verdict::malformed_header(
                ts_header,
                format!(
                    "holds '{}', which is not a Unix timestamp in seconds",
                    shorten(ts)
                ),
            )
        })?;
        let entries = parse_signatures(sig_value, sig_header)?;

        let signed: Vec<u8> = [id.as_bytes(), b".", ts.as_bytes(), b".", &d.body].concat();
        let has_v1 = entries.iter().any(|e| matches!(e, Entry::V1(_)));
        let has_v1a = entries.iter().any(|e| matches!(e, Entry::V1a(_)));
        let mut secrets: Vec<&str> = Vec::new();
        let mut public_texts: Vec<&str> = keys.public_key.iter().map(String::as_str).collect();
        for s in &keys.secrets {
            // The Standard Webhooks libraries take either key kind in one parameter.
            if s.trim_start().starts_with("whpk_") {
                public_texts.push(s)
            } else {
                secrets.push(s)
            }
        }

        let mut hints: Vec<String> = Vec::new();
        let mut tried = false;
        let mut matched = None;
        if has_v1 && !secrets.is_empty() {
            for secret in &secrets {
                let Some(key) = self.secret_key(secret, &mut hints) else {
                    continue;
                };
                tried = true;
                let mac = Algorithm::Sha256.hmac(&key, &[&signed]);
                if entries
                    .iter()
                    .any(|e| matches!(e, Entry::V1(sig) if crypto::ct_eq(sig, &mac)))
                {
                    matched = Some("v1 (HMAC-SHA256)");
                    break;
                }
            }
        }
        if matched.is_none() && has_v1a && self.asymmetric {
            for text in &public_texts {
                let key = match keys::public_key_for(text, KeyAlg::Ed25519, None) {
                    Ok(PublicKey::Ed25519(k)) => k,
                    Ok(_) => continue,
                    Err(e) => {
                        if !tried && matched.is_none() && !has_v1 {
                            return Err(Verdict::new(
                                Reason::MissingSecret,
                                format!("the public key cannot be used: {e}"),
                            ));
                        }
                        hints.push(format!("the public key cannot be used: {e}"));
                        continue;
                    }
                };
                tried = true;
                let ok = entries.iter().any(|e| match e {
                    Entry::V1a(sig) => key
                        .verify_strict(&signed, &ed25519_dalek::Signature::from_bytes(sig))
                        .is_ok(),
                    Entry::V1(_) => false,
                });
                if ok {
                    matched = Some("v1a (Ed25519)");
                    break;
                }
            }
        }

        if let Some(kind) = matched {
            let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
            if let Some(v) = crypto::check_timestamp(signed_at, opts.now, tolerance, ts_header) {
                return Ok(v.signed(signed));
            }
            return Ok(Verdict::ok(format!(
                "a {kind} signature in {sig_header} matches {{id}}.{{timestamp}}.{{body}}"
            ))
            .header(sig_header)
            .signed(signed));
        }
        if !tried {
            let v = if has_v1 && (!has_v1a || public_texts.is_empty()) && secrets.is_empty() {
                Verdict::missing_secret(&self.info.name)
            } else if has_v1a && !self.asymmetric {
                Verdict::new(
                    Reason::Unsupported,
                    format!(
                        "{} signs with v1 (HMAC); this delivery carries only v1a (Ed25519) signatures",
                        self.info.name
                    ),
                )
            } else if has_v1a && !has_v1 {
                Verdict::new(
                    Reason::MissingSecret,
                    format!(
                        "{sig_header} carries only v1a (Ed25519) signatures: pass the whpk_ public key with --public-key"
                    ),
                )
            } else {
                let mut v = Verdict::new(
                    Reason::MissingSecret,
                    format!(
                        "{sig_header} carries only v1 (HMAC) signatures and no secret given could be used: pass the whsec_ secret"
                    ),
                );
                v.hints = hints;
                v
            };
            return Err(v.header(sig_header).signed(signed));
        }
        let mut v = Verdict::new(
            Reason::BadSignature,
            format!(
                "no signature in {sig_header} matches {{id}}.{{timestamp}}.{{body}} with the {} given",
                if secrets.len() + public_texts.len() > 1 { "keys" } else { "key" }
            ),
        )
        .header(sig_header)
        .signed(signed);
        v.hints = hints;
        Ok(v)
    }

    /// The HMAC key behind a secret: `whsec_` (optional) then base64. Notes what is off about it.
    fn secret_key(&self, secret: &str, hints: &mut Vec<String>) -> Option<Vec<u8>> {
        let trimmed = secret.trim();
        if trimmed.starts_with("whsk_") {
            hints.push(
                "a whsk_ key signs v1a deliveries: verify with its whpk_ public key (--public-key)"
                    .into(),
            );
            return None;
        }
        let body = trimmed.strip_prefix("whsec_").unwrap_or(trimmed);
        // Padding is optional, as the Python library has it (it appends "==" before decoding):
        // a secret copied without its trailing '=' (or one of two) is still the same key.
        match LENIENT
            .decode(body.trim_end_matches('='))
            .ok()
            .or_else(|| crypto::decode_base64(body))
        {
            Some(key) if !key.is_empty() => {
                if !trimmed.starts_with("whsec_")
                    && self.info.secret_prefix.is_some()
                    && trimmed.contains('_')
                {
                    let prefix = trimmed.split('_').next().unwrap_or_default();
                    hints.push(format!("the secret starts with '{prefix}_', but {} secrets start with whsec_: is it another provider's secret?", self.info.name));
                }
                Some(key)
            }
            _ => {
                hints.push(format!(
                    "the secret is not base64 after its whsec_ prefix: {} uses the decoded bytes as the HMAC key, so copy the whole secret",
                    self.info.name
                ));
                None
            }
        }
    }

    /// `secret_key`, remembered per thread for the last secret: `load` signs every request with
    /// the same one, and decoding its base64 each time cost a third as much as the HMAC. Keyed by
    /// the secret's text alone, which is right because the decoded key depends on nothing else
    /// (`self` only words the hints of a secret that does not decode, and those are not cached).
    fn signing_key(&self, secret: &str, hints: &mut Vec<String>) -> Option<Rc<[u8]>> {
        thread_local! {
            static LAST: RefCell<Option<(String, Rc<[u8]>)>> = const { RefCell::new(None) };
        }
        LAST.with_borrow_mut(|last| {
            if let Some((_, key)) = last.as_ref().filter(|(text, _)| text == secret) {
                return Some(key.clone());
            }
            let key: Rc<[u8]> = self.secret_key(secret, hints)?.into();
            *last = Some((secret.to_string(), key.clone()));
            Some(key)
        })
    }

    fn variant<'a>(&self, req: &'a SignRequest) -> Result<&'a str, SignError> {
        match req.variant.as_deref() {
            Some(v) if v.eq_ignore_ascii_case("v1") => Ok("v1"),
            Some(v) if self.asymmetric && v.eq_ignore_ascii_case("v1a") => Ok("v1a"),
            Some(v) => Err(SignError::UnknownVariant {
                provider: self.info.id.clone(),
                variant: v.into(),
                choices: if self.asymmetric {
                    "v1, v1a".into()
                } else {
                    "v1".into()
                },
            }),
            // With only a whsk_ key at hand, the signer clearly means v1a.
            None if self.asymmetric && req.secret.is_none() && req.private_key.is_some() => {
                Ok("v1a")
            }
            None => Ok("v1"),
        }
    }
}

/// One well-formed entry of the signature header.
enum Entry {
    V1([u8; 32]),
    V1a([u8; 64]),
}

/// The `v1,`/`v1a,` entries; unknown versions are skipped as the spec's libraries do. An entry
/// that names a known version but does not hold a signature of its size is malformed, and so is
/// a header with no usable entry at all.
fn parse_signatures(value: &str, header: &str) -> Result<Vec<Entry>, Verdict> {
    let mut entries = Vec::new();
    let mut broken = None;
    for item in value.split_ascii_whitespace() {
        let Some((version, sig)) = item.split_once(',') else {
            continue;
        };
        let decoded = LENIENT
            .decode(sig)
            .ok()
            .or_else(|| crypto::decode_base64(sig));
        match (version, decoded) {
            ("v1", Some(b)) if b.len() == 32 => {
                entries.push(Entry::V1(b.try_into().unwrap_or([0; 32])))
            }
            ("v1a", Some(b)) if b.len() == 64 => {
                entries.push(Entry::V1a(b.try_into().unwrap_or([0; 64])))
            }
            ("v1", _) => {
                broken = Some("a v1 entry that is not 32 bytes of base64 (an HMAC-SHA256)")
            }
            ("v1a", _) => {
                broken = Some("a v1a entry that is not 64 bytes of base64 (an Ed25519 signature)")
            }
            _ => {}
        }
    }
    if entries.is_empty() {
        let why = match broken {
            Some(what) => format!("holds {what}"),
            None => "holds no v1,<base64> or v1a,<base64> signature".to_string(),
        };
        return Err(Verdict::malformed_header(header, why));
    }
    Ok(entries)
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

impl Scheme for StandardWebhooks {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let variant = self.variant(req)?;
        let ts = req.timestamp.to_string();
        let id = if req.id.is_empty() {
            default_id(req)
        } else {
            req.id.clone()
        };
        let signed: [&[u8]; 5] = [id.as_bytes(), b".", ts.as_bytes(), b".", &req.body];
        let signature = if variant == "v1a" {
            let text = req
                .private_key
                .as_deref()
                .ok_or_else(|| SignError::MissingPrivateKey(format!("{} v1a", self.info.name)))?;
            let key = match keys::parse_private_key(text, KeyAlg::Ed25519)
                .map_err(|e| SignError::BadKey(e.0))?
            {
                PrivateKey::Ed25519(k) => k,
                other => {
                    return Err(SignError::BadKey(format!(
                        "v1a signs with an Ed25519 whsk_ key, not {}",
                        other.alg().name()
                    )));
                }
            };
            format!(
                "v1a,{}",
                STANDARD.encode(key.sign(&signed.concat()).to_bytes())
            )
        } else {
            let secret = req.require_secret(&self.info)?;
            let mut hints = Vec::new();
            let key = self.signing_key(secret, &mut hints).ok_or_else(|| {
                SignError::BadKey(hints.pop().unwrap_or_else(|| {
                    format!(
                        "the {} secret must be whsec_ followed by base64",
                        self.info.name
                    )
                }))
            })?;
            let mut header = String::with_capacity(48);
            header.push_str("v1,");
            STANDARD.encode_string(Algorithm::Sha256.hmac(&key, &signed), &mut header);
            header
        };
        let mut headers = Headers(Vec::with_capacity(3));
        headers.push(self.names.id, id);
        headers.push(self.names.timestamp, ts);
        headers.push(self.names.signature, signature);
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }

    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        let prefix = self.info.secret_prefix.clone().unwrap_or_default();
        let mut km = KeyMaterial {
            secret: Some(format!("{prefix}{}", STANDARD.encode(seed))),
            ..Default::default()
        };
        if self.asymmetric {
            // A separate seed, so that sharing the whsec_ secret does not give away the whsk_ key.
            let signing =
                keys::ed25519_from_seed(&keys::derive_seed("hookctl standard-webhooks v1a", seed));
            km.private_key = Some(format!("whsk_{}", STANDARD.encode(signing.to_bytes())));
            km.public_key = Some(format!(
                "whpk_{}",
                STANDARD.encode(signing.verifying_key().to_bytes())
            ));
        }
        km
    }
}

/// A message id when none is given: derived from what is signed, so that `sign` stays
/// deterministic, and shaped like the `msg_…` ids Svix issues.
fn default_id(req: &SignRequest) -> String {
    let digest = Algorithm::Sha256.digest(&[req.timestamp.to_string().as_bytes(), b".", &req.body]);
    format!("msg_{}", &URL_SAFE_NO_PAD.encode(digest)[..27])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;

    fn delivery(headers: &[(&str, &str)], body: &str) -> Delivery {
        let mut d = Delivery::new(body);
        d.headers = headers.iter().map(|(n, v)| (*n, *v)).collect();
        d
    }

    fn secret(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    /// Mercury's signet (a Standard Webhooks library) test vectors: "i.0.Hello, world!".
    const SIGNET_WHSK: &str = "whsk_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=";
    const SIGNET_WHPK: &str = "whpk_wuzPrKxPfWpJSsXgyg/MEoMGvjs5SjDO4ad6X4ZYqqg=";
    const SIGNET_V1A: &str = "v1a,CV1O+PvrwXM42OMUX+tmm6bA3cS0tgLp0qo3YKuu0MGmBrsUhA0MHXF11HsEUJtPfTKs80WE7WUKVt9TueLDCQ==";

    #[test]
    fn v1a_signs_and_verifies_like_signet() {
        let s = Registry::builtin().get("standard-webhooks").unwrap();
        let req = SignRequest {
            body: b"Hello, world!".to_vec(),
            timestamp: 0,
            id: "i".into(),
            private_key: Some(SIGNET_WHSK.into()),
            ..Default::default()
        };
        let signed = s.sign(&req).unwrap();
        assert_eq!(signed.headers.get("webhook-signature"), Some(SIGNET_V1A));
        let d = delivery(
            &[
                ("webhook-id", "i"),
                ("webhook-timestamp", "0"),
                ("webhook-signature", SIGNET_V1A),
            ],
            "Hello, world!",
        );
        let keys = Keys {
            secrets: vec![],
            public_key: Some(SIGNET_WHPK.into()),
        };
        assert!(s.verify(&d, &keys, &VerifyOptions::at(10)).is_valid());
        // The whpk_ key passed as a secret works too, as the libraries accept either in one place.
        assert!(
            s.verify(&d, &secret(SIGNET_WHPK), &VerifyOptions::at(10))
                .is_valid()
        );
        let only_secret = s.verify(
            &d,
            &secret("whsec_bXlzZWNyZXRrZXkxMjM0NQ=="),
            &VerifyOptions::at(10),
        );
        assert_eq!(
            only_secret.reason,
            Reason::MissingSecret,
            "{}",
            only_secret.detail
        );
    }

    #[test]
    fn svix_falls_back_to_webhook_headers() {
        let s = Registry::builtin().get("svix").unwrap();
        let d = delivery(
            &[
                ("webhook-id", "i"),
                ("webhook-timestamp", "0"),
                (
                    "webhook-signature",
                    "v1,IywpE5NXy+JdAScgR7j5Pt59GjmazD7iJuVsQoRZFyw=",
                ),
            ],
            "Hello, world!",
        );
        assert!(
            s.verify(
                &d,
                &secret("whsec_bXlzZWNyZXRrZXkxMjM0NQ=="),
                &VerifyOptions::at(0)
            )
            .is_valid()
        );
    }

    #[test]
    fn header_shapes_give_precise_reasons() {
        let s = Registry::builtin().get("standard-webhooks").unwrap();
        let k = secret("whsec_bXlzZWNyZXRrZXkxMjM0NQ==");
        let with = |sig: &str| {
            delivery(
                &[
                    ("webhook-id", "i"),
                    ("webhook-timestamp", "0"),
                    ("webhook-signature", sig),
                ],
                "Hello, world!",
            )
        };
        let reason = |sig: &str| s.verify(&with(sig), &k, &VerifyOptions::at(0)).reason;
        assert_eq!(reason("v1,"), Reason::MalformedHeader);
        assert_eq!(
            reason("v2,IywpE5NXy+JdAScgR7j5Pt59GjmazD7iJuVsQoRZFyw="),
            Reason::MalformedHeader
        );
        assert_eq!(reason("v1,IywpE5NX"), Reason::MalformedHeader);
        assert_eq!(
            reason("v1, v1,IywpE5NXy+JdAScgR7j5Pt59GjmazD7iJuVsQoRZFyw="),
            Reason::Ok
        );
        assert_eq!(
            reason("v1,0000000000000000000000000000000000000000000="),
            Reason::BadSignature
        );
        let bad_secret = s.verify(
            &with("v1,IywpE5NXy+JdAScgR7j5Pt59GjmazD7iJuVsQoRZFyw="),
            &secret("sk_live_abc"),
            &VerifyOptions::at(0),
        );
        assert_eq!(bad_secret.reason, Reason::BadSignature);
        assert!(!bad_secret.hints.is_empty());
    }

    #[test]
    fn unknown_variant_is_a_sign_error() {
        let s = Registry::builtin().get("svix").unwrap();
        let req = SignRequest {
            variant: Some("v1a".into()),
            secret: Some("whsec_AAAA".into()),
            ..Default::default()
        };
        assert!(matches!(
            s.sign(&req),
            Err(SignError::UnknownVariant { .. })
        ));
    }
}
