//! Box: base64 HMAC-SHA256 of body + delivery timestamp, under two rotating keys (primary and
//! secondary), either of which may verify.

use std::sync::Arc;

use super::crypto::{self, Algorithm};
use super::hmac_scheme::TimeFormat;
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![Arc::new(BoxScheme::new())]
}

const BOX_PRIMARY: &str = "BOX-SIGNATURE-PRIMARY";
const BOX_SECONDARY: &str = "BOX-SIGNATURE-SECONDARY";
const BOX_TIMESTAMP: &str = "BOX-DELIVERY-TIMESTAMP";
const BOX_VERSION: &str = "BOX-SIGNATURE-VERSION";
const BOX_ALGORITHM: &str = "BOX-SIGNATURE-ALGORITHM";
/// "Validate the timestamp … is not older than ten minutes."
const BOX_TOLERANCE: u64 = 600;

/// Box: base64 HMAC-SHA256 of `body + BOX-DELIVERY-TIMESTAMP`, once per configured key.
pub struct BoxScheme {
    info: Info,
}

impl BoxScheme {
    fn new() -> Self {
        BoxScheme {
            info: Info {
                id: "box".into(),
                name: "Box".into(),
                algorithm: "HMAC-SHA256 (base64), primary and secondary key".into(),
                signed: "{body}{timestamp}".into(),
                headers: vec![
                    BOX_PRIMARY.into(),
                    BOX_SECONDARY.into(),
                    BOX_TIMESTAMP.into(),
                    BOX_VERSION.into(),
                    BOX_ALGORITHM.into(),
                ],
                tolerance_seconds: Some(BOX_TOLERANCE),
                can_sign: true,
                variants: vec![],
                detect: vec![BOX_TIMESTAMP.into()],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: "https://developer.box.com/guides/webhooks/v2/signatures-v2/".into(),
            },
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let present: Vec<(&str, &str)> = [BOX_PRIMARY, BOX_SECONDARY]
            .into_iter()
            .filter_map(|h| d.headers.get(h).map(|v| (h, v)))
            .collect();
        if present.is_empty() {
            return Err(Verdict::missing_header(BOX_PRIMARY)
                .hint("Box sends signature headers only once signature keys are generated for the app (Developer Console → Webhooks)"));
        }
        let ts = d
            .headers
            .get(BOX_TIMESTAMP)
            .ok_or_else(|| Verdict::missing_header(BOX_TIMESTAMP))?;
        // The official SDKs accept only version 1 with HmacSHA256; older senders omit both.
        if let Some(v) = d.headers.get(BOX_VERSION).filter(|v| v.trim() != "1") {
            return Err(Verdict::malformed_header(
                BOX_VERSION,
                format!("is '{}': only signature version 1 is defined", v.trim()),
            ));
        }
        if let Some(a) = d
            .headers
            .get(BOX_ALGORITHM)
            .filter(|a| a.trim() != "HmacSHA256")
        {
            return Err(Verdict::malformed_header(
                BOX_ALGORITHM,
                format!("is '{}': Box signs with HmacSHA256", a.trim()),
            ));
        }
        let decoded: Vec<(&str, Vec<u8>)> = present
            .iter()
            .filter_map(|(h, v)| {
                crypto::decode_base64(v)
                    .filter(|b| !b.is_empty())
                    .map(|b| (*h, b))
            })
            .collect();
        if decoded.is_empty() {
            return Err(Verdict::malformed_header(
                present[0].0,
                "does not hold a base64 HMAC-SHA256",
            ));
        }
        let at = TimeFormat::Rfc3339.parse(ts).ok_or_else(|| {
            Verdict::malformed_header(
                BOX_TIMESTAMP,
                format!("holds '{}', which is not an RFC 3339 time", ts.trim()),
            )
        })?;
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        // The timestamp is signed exactly as the header carries it.
        let signed = [&d.body[..], ts.as_bytes()].concat();
        // Each header is made with its own key, but a key that reproduces either header proves
        // the same thing, so every given key is tried against both.
        for (i, secret) in keys.secrets.iter().enumerate() {
            let mac = Algorithm::Sha256.hmac(secret.as_bytes(), &[&d.body, ts.as_bytes()]);
            if let Some((header, _)) = decoded.iter().find(|(_, sig)| crypto::ct_eq(sig, &mac)) {
                let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                if let Some(v) = crypto::check_timestamp(at, opts.now, tolerance, BOX_TIMESTAMP) {
                    return Ok(v.signed(signed));
                }
                let which = if keys.secrets.len() > 1 {
                    format!(" with secret #{}", i + 1)
                } else {
                    String::new()
                };
                return Ok(Verdict::ok(format!(
                    "{header} matches HMAC-SHA256 of the body and {BOX_TIMESTAMP}{which}"
                ))
                .header(*header)
                .signed(signed));
            }
        }
        Ok(Verdict::new(
            Reason::BadSignature,
            format!(
                "neither {BOX_PRIMARY} nor {BOX_SECONDARY} matches HMAC-SHA256 of the body and {BOX_TIMESTAMP} with the given key{}",
                if keys.secrets.len() > 1 { "s" } else { "" }
            ),
        )
        .header(decoded[0].0)
        .signed(signed)
        .hint("pass the primary and the secondary signature key as two --secret values (Developer Console → Webhooks → Manage signature keys)"))
    }
}

impl Scheme for BoxScheme {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        let ts = TimeFormat::Rfc3339.render(req.timestamp);
        if ts.is_empty() {
            return Err(SignError::Unsupported(format!(
                "{} is outside the range of RFC 3339 times",
                req.timestamp
            )));
        }
        let mac = Algorithm::Sha256.hmac(secret.as_bytes(), &[&req.body, ts.as_bytes()]);
        let mut headers = Headers::new();
        headers.push(BOX_PRIMARY, crypto::base64(&mac));
        headers.push(BOX_TIMESTAMP, ts);
        headers.push(BOX_VERSION, "1");
        headers.push(BOX_ALGORITHM, "HmacSHA256");
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

    #[test]
    fn box_accepts_either_signature_with_either_key() {
        let s = BoxScheme::new();
        let mut d = Delivery::new(b"{\"type\":\"webhook_event\"}".to_vec());
        let ts = "2025-01-01T00:00:00-08:00";
        let sig = |k: &str| {
            crypto::base64(&Algorithm::Sha256.hmac(k.as_bytes(), &[&d.body, ts.as_bytes()]))
        };
        let (p, q) = (sig("primary"), sig("secondary"));
        d.headers.push(BOX_PRIMARY, p);
        d.headers.push(BOX_SECONDARY, q);
        d.headers.push(BOX_TIMESTAMP, ts);
        let now = 1_735_718_400 + 60;
        let k = |v: &[&str]| Keys {
            secrets: v.iter().map(|s| s.to_string()).collect(),
            public_key: None,
        };
        assert!(
            s.verify(&d, &k(&["primary", "secondary"]), &VerifyOptions::at(now))
                .is_valid()
        );
        assert!(
            s.verify(&d, &k(&["rotated", "secondary"]), &VerifyOptions::at(now))
                .is_valid()
        );
        assert!(
            s.verify(&d, &k(&["secondary"]), &VerifyOptions::at(now))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &k(&["x", "y"]), &VerifyOptions::at(now))
                .reason,
            Reason::BadSignature
        );
        assert_eq!(
            s.verify(&d, &k(&["primary"]), &VerifyOptions::at(now + 601))
                .reason,
            Reason::ExpiredTimestamp
        );
        d.headers.push(BOX_VERSION, "2");
        assert_eq!(
            s.verify(&d, &k(&["primary"]), &VerifyOptions::at(now))
                .reason,
            Reason::MalformedHeader
        );
    }
}
