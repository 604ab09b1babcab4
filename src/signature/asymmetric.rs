//! Public-key signatures over timestamp + body: Discord (Ed25519) and SendGrid (ECDSA P-256).

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::Signer as _;
use p256::ecdsa::signature::Verifier as _;

use super::crypto;
use super::keys::{self, KeyAlg, PrivateKey, PublicKey};
use super::scheme::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::verdict::Reason;
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![
        Arc::new(TimestampBody::new(
            "discord",
            "Discord",
            KeyAlg::Ed25519,
            "X-Signature-Ed25519",
            "X-Signature-Timestamp",
            "https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers",
        )),
        Arc::new(TimestampBody::new(
            "sendgrid",
            "SendGrid",
            KeyAlg::P256,
            "X-Twilio-Email-Event-Webhook-Signature",
            "X-Twilio-Email-Event-Webhook-Timestamp",
            "https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features",
        )),
    ]
}

/// A scheme that signs `{timestamp}{body}` (no separator) with the provider's private key.
///
/// Neither Discord nor SendGrid documents a timestamp window, so none is enforced unless
/// `--tolerance` asks for one.
pub struct TimestampBody {
    info: Info,
    alg: KeyAlg,
    signature_header: &'static str,
    timestamp_header: &'static str,
}

impl TimestampBody {
    fn new(
        id: &str,
        name: &str,
        alg: KeyAlg,
        signature_header: &'static str,
        timestamp_header: &'static str,
        docs: &str,
    ) -> Self {
        let algorithm = match alg {
            KeyAlg::Ed25519 => "Ed25519 (hex signature, hex public key)",
            _ => "ECDSA P-256 SHA-256 (base64 DER signature, base64 DER public key)",
        };
        TimestampBody {
            info: Info {
                id: id.into(),
                name: name.into(),
                algorithm: algorithm.into(),
                signed: "{timestamp}{body}".into(),
                headers: vec![signature_header.into(), timestamp_header.into()],
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                detect: vec![signature_header.into(), timestamp_header.into()],
                key: KeyKind::KeyPair,
                secret_prefix: None,
                docs: docs.into(),
            },
            alg,
            signature_header,
            timestamp_header,
        }
    }

    /// The signature bytes as the provider writes them, or why the header does not hold one.
    fn decode_signature(&self, value: &str) -> Result<Sig, Verdict> {
        let value = value.trim();
        match self.alg {
            KeyAlg::Ed25519 => hex::decode(value)
                .ok()
                .and_then(|b| <[u8; 64]>::try_from(b.as_slice()).ok())
                .map(|b| Sig::Ed25519(ed25519_dalek::Signature::from_bytes(&b)))
                .ok_or_else(|| {
                    Verdict::malformed_header(
                        self.signature_header,
                        "does not hold an Ed25519 signature (128 hex digits)",
                    )
                }),
            _ => {
                let bytes = crypto::decode_base64(value).ok_or_else(|| {
                    Verdict::malformed_header(self.signature_header, "is not base64")
                })?;
                p256::ecdsa::Signature::from_der(&bytes)
                    .or_else(|_| p256::ecdsa::Signature::from_slice(&bytes))
                    .map(Sig::P256)
                    .map_err(|_| {
                        Verdict::malformed_header(
                            self.signature_header,
                            "does not hold a DER-encoded ECDSA signature",
                        )
                    })
            }
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let sig_text = d
            .headers
            .get(self.signature_header)
            .ok_or_else(|| Verdict::missing_header(self.signature_header))?;
        let ts = d
            .headers
            .get(self.timestamp_header)
            .ok_or_else(|| Verdict::missing_header(self.timestamp_header))?;
        let signed_at = crypto::parse_unix(ts).ok_or_else(|| {
            Verdict::malformed_header(
                self.timestamp_header,
                format!(
                    "holds '{}', which is not a Unix timestamp in seconds",
                    ts.chars().take(40).collect::<String>()
                ),
            )
        })?;
        let sig = self.decode_signature(sig_text)?;
        let key = load_public_key(keys, &self.info.name, self.alg, None)?;
        let signed: Vec<u8> = [ts.as_bytes(), &d.body].concat();
        let ok = match (&key, &sig) {
            (PublicKey::Ed25519(k), Sig::Ed25519(s)) => k.verify_strict(&signed, s).is_ok(),
            // Verifiers differ on high-S ECDSA signatures; SendGrid's SDKs accept either form.
            (PublicKey::P256(k), Sig::P256(s)) => {
                k.verify(&signed, s).is_ok()
                    || s.normalize_s()
                        .is_some_and(|low| k.verify(&signed, &low).is_ok())
            }
            _ => false,
        };
        if !ok {
            return Ok(Verdict::new(
                Reason::BadSignature,
                format!(
                    "the {} signature in {} does not verify over {{timestamp}}{{body}} with the public key given",
                    self.alg.name(),
                    self.signature_header
                ),
            )
            .header(self.signature_header)
            .signed(signed)
            .hint("the body or timestamp was changed after signing (a re-serialized body breaks it), or the public key is another account's"));
        }
        if let Some(v) = crypto::check_timestamp(
            signed_at,
            opts.now,
            opts.tolerance.or(self.info.tolerance_seconds),
            self.timestamp_header,
        ) {
            return Ok(v.signed(signed));
        }
        Ok(Verdict::ok(format!(
            "the {} signature in {} verifies over {{timestamp}}{{body}}",
            self.alg.name(),
            self.signature_header
        ))
        .header(self.signature_header)
        .signed(signed))
    }
}

enum Sig {
    Ed25519(ed25519_dalek::Signature),
    P256(p256::ecdsa::Signature),
}

/// The provider's public key from `--public-key`, as a verdict when it is absent or unusable.
///
/// A key that cannot be read is unusable input (exit 2, like a missing one); a readable key of
/// another algorithm is the wrong key.
pub(super) fn load_public_key(
    keys: &Keys,
    provider: &str,
    alg: KeyAlg,
    kid: Option<&str>,
) -> Result<PublicKey, Verdict> {
    let Some(text) = keys.public_key.as_deref() else {
        return Err(Verdict::missing_public_key(provider));
    };
    let parsed = keys::parse_public_keys(text).map_err(|e| {
        Verdict::new(
            Reason::MissingSecret,
            format!("the public key cannot be used: {e}"),
        )
    })?;
    if let Some(other) = parsed
        .iter()
        .find(|_| !parsed.iter().any(|k| k.key.alg() == alg))
    {
        return Err(Verdict::new(
            Reason::WrongKey,
            format!(
                "{provider} signs with {}, but the public key given is {}",
                alg.name(),
                other.key.alg().name()
            ),
        ));
    }
    keys::public_key_for(text, alg, kid).map_err(|e| Verdict::new(Reason::WrongKey, e.0))
}

/// The private key from `--private-key`, checked to be of the algorithm the provider signs with.
pub(super) fn load_private_key(
    req: &SignRequest,
    provider: &str,
    alg: KeyAlg,
) -> Result<PrivateKey, SignError> {
    let text = req
        .private_key
        .as_deref()
        .ok_or_else(|| SignError::MissingPrivateKey(provider.into()))?;
    let key = keys::parse_private_key(text, alg).map_err(|e| SignError::BadKey(e.0))?;
    if key.alg() != alg {
        return Err(SignError::BadKey(format!(
            "{provider} signs with {}, but the private key given is {}",
            alg.name(),
            key.alg().name()
        )));
    }
    Ok(key)
}

impl Scheme for TimestampBody {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let key = load_private_key(req, &self.info.name, self.alg)?;
        let ts = req.timestamp.to_string();
        let signed: Vec<u8> = [ts.as_bytes(), &req.body].concat();
        let signature = match &key {
            PrivateKey::Ed25519(k) => hex::encode(k.sign(&signed).to_bytes()),
            PrivateKey::P256(k) => {
                // RFC 6979 nonces: the same inputs give the same signature.
                let sig: p256::ecdsa::Signature = k.sign(&signed);
                STANDARD.encode(sig.to_der().as_bytes())
            }
            PrivateKey::Rsa(_) => {
                return Err(SignError::BadKey(format!(
                    "{} does not sign with RSA",
                    self.info.name
                )));
            }
        };
        let mut headers = Headers::new();
        headers.push(self.signature_header, signature);
        headers.push(self.timestamp_header, ts);
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }

    /// Keys in the forms the provider shows them: Discord a hex public key (and a hex seed to
    /// sign with), SendGrid base64 DER (and PKCS#8 PEM).
    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        match self.alg {
            KeyAlg::Ed25519 => {
                let k = keys::ed25519_from_seed(seed);
                KeyMaterial {
                    private_key: Some(hex::encode(k.to_bytes())),
                    public_key: Some(hex::encode(k.verifying_key().to_bytes())),
                    ..Default::default()
                }
            }
            _ => {
                let k = PrivateKey::P256(keys::p256_from_seed(seed));
                KeyMaterial {
                    public_key: Some(keys::public_der_base64(&k.public_key())),
                    private_key: Some(keys::private_pem(&k)),
                    ..Default::default()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;

    fn round_trip(id: &str) -> (Delivery, KeyMaterial) {
        let s = Registry::builtin().get(id).unwrap();
        let km = s.new_key(&[4; 32]);
        let req = SignRequest {
            body: b"{\"type\":1}".to_vec(),
            timestamp: 1_700_000_000,
            private_key: km.private_key.clone(),
            ..Default::default()
        };
        let mut d = Delivery::new(req.body.clone());
        d.headers = s.sign(&req).unwrap().headers;
        (d, km)
    }

    #[test]
    fn both_round_trip_and_reject_a_changed_timestamp() {
        for id in ["discord", "sendgrid"] {
            let s = Registry::builtin().get(id).unwrap();
            let (mut d, km) = round_trip(id);
            let v = s.verify(&d, &km.verifying_keys(), &VerifyOptions::at(1_800_000_000));
            assert!(v.is_valid(), "{id}: {}", v.detail);
            let ts = s.info().headers[1].clone();
            d.headers.set(&ts, "1700000001");
            let v = s.verify(&d, &km.verifying_keys(), &VerifyOptions::at(1_700_000_000));
            assert_eq!(v.reason, Reason::BadSignature, "{id}");
        }
    }

    #[test]
    fn keys_of_the_wrong_kind_are_explained() {
        let (d, _) = round_trip("discord");
        let s = Registry::builtin().get("discord").unwrap();
        let sendgrid_key = Registry::builtin()
            .get("sendgrid")
            .unwrap()
            .new_key(&[1; 32]);
        let v = s.verify(&d, &sendgrid_key.verifying_keys(), &VerifyOptions::at(0));
        assert_eq!(v.reason, Reason::WrongKey, "{}", v.detail);
        let bad = Keys {
            secrets: vec![],
            public_key: Some("not a key".into()),
        };
        assert_eq!(
            s.verify(&d, &bad, &VerifyOptions::at(0)).reason,
            Reason::MissingSecret
        );
        assert_eq!(
            s.verify(&d, &Keys::default(), &VerifyOptions::at(0)).reason,
            Reason::MissingSecret
        );
        let req = SignRequest {
            private_key: sendgrid_key.private_key,
            ..Default::default()
        };
        assert!(matches!(s.sign(&req), Err(SignError::BadKey(m)) if m.contains("Ed25519")));
    }

    #[test]
    fn tolerance_applies_only_when_asked() {
        let (d, km) = round_trip("sendgrid");
        let s = Registry::builtin().get("sendgrid").unwrap();
        let late = VerifyOptions {
            now: 1_700_000_000 + 600,
            tolerance: Some(300),
        };
        assert_eq!(
            s.verify(&d, &km.verifying_keys(), &late).reason,
            Reason::ExpiredTimestamp
        );
    }
}
