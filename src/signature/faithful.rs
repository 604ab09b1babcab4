//! The wrapper that holds every built-in scheme's verdicts to its provider's SDK rule (`sdk`):
//! a bound the SDK does not check relaxes the verdict to valid with advice, a narrower one
//! (Box's future) tightens it, and a signature written otherwise than the SDK writes it is no
//! match, as in the SDK.

use std::sync::Arc;

use super::crypto::human_seconds;
use super::scheme::{
    Info, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::sdk::{Side, advice, checks, rule, sdk_name};
use super::verdict::{Reason, Verdict};
use crate::message::Delivery;

/// `scheme` with its verdicts held to its provider's SDK rule.
pub fn faithful(scheme: Arc<dyn Scheme>) -> Arc<dyn Scheme> {
    Arc::new(Faithful(scheme))
}

struct Faithful(Arc<dyn Scheme>);

impl Scheme for Faithful {
    fn info(&self) -> &Info {
        self.0.info()
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        self.0.sign(req)
    }

    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        self.0.new_key(seed)
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        let verdict = self.0.verify(delivery, keys, opts);
        let side = match verdict.reason {
            Reason::ExpiredTimestamp => Side::Past,
            Reason::FutureTimestamp => Side::Future,
            Reason::Ok => {
                let verdict = self.held_to_text(delivery, keys, opts, verdict);
                return self.held_ahead(delivery, keys, opts, verdict);
            }
            _ => return verdict,
        };
        let info = self.info();
        let sdk = checks(info);
        // Where the SDK checks no time at all, a window is the user's own (--tolerance): it
        // holds both ways.
        if sdk.window_seconds.is_none() || sdk.bounds(side) {
            return verdict;
        }
        // The signature matched and only a bound the SDK does not check failed: verifying with
        // no window gives the verdict the SDK gives, with the scheme's own detail.
        let unbounded = VerifyOptions {
            now: opts.now,
            tolerance: Some(u64::MAX),
        };
        let valid = self.0.verify(delivery, keys, &unbounded);
        if !valid.is_valid() {
            return verdict;
        }
        // Inside the SDK's bounds, the SDK may still find the signature's text no match.
        let mut valid = self.held_to_text(delivery, keys, &unbounded, valid);
        if !valid.is_valid() {
            return valid;
        }
        let window = opts.tolerance.or(info.tolerance_seconds).unwrap_or(0);
        let when = match (side, verdict.age) {
            (Side::Future, Some(age)) => format!("dated {} in the future", human_seconds(-age)),
            (Side::Past, Some(age)) => format!("signed {} ago", human_seconds(age)),
            (_, None) => "signed".to_string(),
        };
        valid.hints.push(format!(
            "{when}, outside the {window} s window: {}",
            advice(info, side)
        ));
        valid.age = verdict.age;
        valid
    }
}

impl Faithful {
    /// A valid verdict, unless only a signature written otherwise than the SDK writes it
    /// matched: hookctl decodes hex in any case and base64 with or without padding, while the
    /// SDK compares text. Verifying again with only the items written as the SDK writes them
    /// tells which.
    fn held_to_text(
        &self,
        delivery: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
        valid: Verdict,
    ) -> Verdict {
        let Some(text) = rule(self.info()).and_then(|r| r.text) else {
            return valid;
        };
        let Some(name) = valid.header.clone() else {
            return valid;
        };
        let value = delivery.headers.get(&name).unwrap_or_default();
        let sep = text.separator();
        let items: Vec<&str> = value.split(sep).collect();
        if items.iter().all(|i| text.written_as_sdk(i.trim())) {
            return valid;
        }
        let kept: Vec<&str> = items
            .into_iter()
            .filter(|i| text.written_as_sdk(i.trim()))
            .collect();
        let mut as_sdk = delivery.clone();
        as_sdk.headers.set(&name, kept.join(&sep.to_string()));
        if self.0.verify(&as_sdk, keys, opts).is_valid() {
            return valid;
        }
        Verdict {
            reason: Reason::BadSignature,
            detail: format!(
                "{name} matches only when its signature is decoded, and {} compares it as the {} text it computes, so it finds no matching signature",
                sdk_name(self.info()),
                text.describe()
            ),
            hints: vec![format!(
                "{} writes {}: whatever wrote this header changed how it is written",
                self.info().name,
                text.describe()
            )],
            ..valid
        }
    }

    /// A valid verdict, unless the SDK accepts less time ahead than the window and the delivery
    /// is dated further ahead than that: then it is `future_timestamp`, as the SDK says.
    fn held_ahead(
        &self,
        delivery: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
        valid: Verdict,
    ) -> Verdict {
        let Some(limit) = rule(self.info()).and_then(|r| r.ahead) else {
            return valid;
        };
        let ahead = VerifyOptions {
            now: opts.now,
            tolerance: Some(limit),
        };
        let tight = self.0.verify(delivery, keys, &ahead);
        if tight.reason != Reason::FutureTimestamp {
            return valid;
        }
        tight.hint(format!(
            "{} refuses a timestamp more than {limit} s ahead of its clock, whatever the window for old ones",
            sdk_name(self.info())
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;

    #[test]
    fn a_box_delivery_dated_ahead_is_refused_as_boxs_sdk_refuses_it() {
        let scheme = Registry::builtin().get("box").unwrap();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            secret: Some("k".into()),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = scheme.sign(&req).unwrap().headers;
        let keys = Keys {
            secrets: vec!["k".into()],
            public_key: None,
        };
        let at = |now| scheme.verify(&d, &keys, &VerifyOptions::at(now));
        assert!(at(1_700_000_000).is_valid());
        assert!(at(1_700_000_590).is_valid());
        let ahead = at(1_699_999_970);
        assert_eq!(ahead.reason, Reason::FutureTimestamp, "{}", ahead.detail);
        assert!(
            ahead
                .hints
                .iter()
                .any(|h| h.contains("Box's official SDK refuses")),
            "{:?}",
            ahead.hints
        );
    }

    #[test]
    fn an_uppercase_hex_signature_is_refused_where_the_sdk_compares_text() {
        let keys = Keys {
            secrets: vec!["whsec_k".into()],
            public_key: None,
        };
        for id in ["stripe", "github"] {
            let scheme = Registry::builtin().get(id).unwrap();
            let req = SignRequest {
                body: b"{}".to_vec(),
                timestamp: 1_700_000_000,
                secret: Some("whsec_k".into()),
                ..Default::default()
            };
            let mut d = Delivery::new(b"{}".to_vec());
            d.headers = scheme.sign(&req).unwrap().headers;
            let now = VerifyOptions::at(1_700_000_000);
            assert!(scheme.verify(&d, &keys, &now).is_valid(), "{id}");
            let header = scheme.info().headers[0].clone();
            // The hex only: the keys and prefixes stay as sent.
            let value = d.headers.get(&header).unwrap().to_string();
            let (keys_part, hex) = value.rsplit_once('=').unwrap();
            d.headers
                .set(&header, format!("{keys_part}={}", hex.to_ascii_uppercase()));
            let v = scheme.verify(&d, &keys, &now);
            assert_eq!(v.reason, Reason::BadSignature, "{id}: {}", v.detail);
            assert!(v.detail.contains("lowercase hex text"), "{}", v.detail);
            // Dated ahead, where Stripe's SDK takes the time but not the text.
            let early = scheme.verify(&d, &keys, &VerifyOptions::at(1_699_999_000));
            assert_eq!(early.reason, Reason::BadSignature, "{id}: {}", early.detail);
        }
        // Next to a lowercase v1 that matches, Stripe's SDK finds its match: valid.
        let stripe = Registry::builtin().get("stripe").unwrap();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            secret: Some("whsec_k".into()),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = stripe.sign(&req).unwrap().headers;
        let value = d.headers.get("Stripe-Signature").unwrap().to_string();
        let (t, v1) = value.split_once(',').unwrap();
        let upper = v1.to_ascii_uppercase().replace("V1=", "v1=");
        d.headers
            .set("Stripe-Signature", format!("{t},{upper},{v1}"));
        let v = stripe.verify(&d, &keys, &VerifyOptions::at(1_700_000_000));
        assert!(v.is_valid(), "{}", v.detail);
    }

    #[test]
    fn a_signature_written_otherwise_than_the_sdk_writes_it_is_refused_unless_another_matches() {
        let keys = Keys {
            secrets: vec!["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into()],
            public_key: None,
        };
        let scheme = Registry::builtin().get("standard-webhooks").unwrap();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            id: "msg_1".into(),
            secret: keys.secrets.first().cloned(),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = scheme.sign(&req).unwrap().headers;
        let now = VerifyOptions::at(1_700_000_000);
        let padded = d.headers.get("webhook-signature").unwrap().to_string();
        assert!(padded.ends_with('='), "{padded}");
        // standardwebhooks 1.3.0 compares `v1,<base64>` as text: unpadded is no match.
        let unpadded = padded.trim_end_matches('=').to_string();
        d.headers.set("webhook-signature", &unpadded);
        let v = scheme.verify(&d, &keys, &now);
        assert_eq!(v.reason, Reason::BadSignature, "{}", v.detail);
        assert!(v.detail.contains("padded standard base64"), "{}", v.detail);
        // Next to a signature written as the SDK writes it, the delivery is valid, as there.
        d.headers
            .set("webhook-signature", format!("{unpadded} {padded}"));
        assert!(scheme.verify(&d, &keys, &now).is_valid());

        // Paddle's items are separated by `;`, and one lowercase h1 is enough.
        let paddle = Registry::builtin().get("paddle").unwrap();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            secret: Some("pdl_ntf_k".into()),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = paddle.sign(&req).unwrap().headers;
        let keys = Keys {
            secrets: vec!["pdl_ntf_k".into()],
            public_key: None,
        };
        let value = d.headers.get("Paddle-Signature").unwrap().to_string();
        let (ts, h1) = value.split_once(';').unwrap();
        d.headers.set(
            "Paddle-Signature",
            format!(
                "{ts};{};{h1}",
                h1.to_ascii_uppercase().replace("H1=", "h1=")
            ),
        );
        let v = paddle.verify(&d, &keys, &now);
        assert!(v.is_valid(), "{}", v.detail);
    }

    #[test]
    fn where_the_providers_sdks_differ_the_advice_names_the_stricter_one() {
        let paddle = Registry::builtin().get("paddle").unwrap();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_060,
            secret: Some("pdl_ntf_k".into()),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = paddle.sign(&req).unwrap().headers;
        let keys = Keys {
            secrets: vec!["pdl_ntf_k".into()],
            public_key: None,
        };
        // The Node SDK accepts a minute ahead, the Python one does not: valid, and said so.
        let v = paddle.verify(&d, &keys, &VerifyOptions::at(1_700_000_000));
        assert!(v.is_valid(), "{}", v.detail);
        assert!(
            v.hints.iter().any(
                |h| h.contains("though Paddle's Python SDK (paddle-python-sdk 1.16.1) refuses")
            ),
            "{:?}",
            v.hints
        );
    }
}
