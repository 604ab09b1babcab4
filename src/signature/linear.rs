//! Linear: the hex HMAC-SHA256 of the body in `Linear-Signature`, and a replay guard inside the
//! signed JSON body (`webhookTimestamp`), which the declarative family cannot read.

use super::crypto::{self, Algorithm::*, Encoding::*};
use super::hmac_scheme::HmacScheme;
use super::scheme::{Info, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::Delivery;

/// Linear's `webhookTimestamp` (Unix ms) lives inside the signed JSON body, not in a header.
const LINEAR_TIMESTAMP_FIELD: &str = "webhookTimestamp";
/// Linear's SDK rejects a delivery whose `webhookTimestamp` is more than a minute from now.
const LINEAR_WINDOW_SECONDS: u64 = 60;

/// Linear: `Linear-Signature` is the hex HMAC-SHA256 of the raw body (one table row), and its
/// replay guard is the body's `webhookTimestamp`, which the table cannot read. Verifying does
/// both, as `LinearWebhookClient.verify` (@linear/sdk 98.0.0) does: the body must be JSON whose
/// `webhookTimestamp` is a number within a minute of now. `Info` shows no header window because
/// the header scheme carries no time.
pub(super) struct Linear {
    inner: HmacScheme,
}

impl Linear {
    pub(super) fn new() -> Self {
        Linear {
            inner: HmacScheme::new("linear", "Linear", Sha256, Hex, "Linear-Signature")
                .docs("https://linear.app/developers/webhooks#securing-webhooks"),
        }
    }

    /// The body's `webhookTimestamp` in ms, or why Linear's SDK would refuse the delivery
    /// without comparing it: a body that is not JSON, a field missing, null or not a number.
    fn body_timestamp_ms(body: &[u8]) -> Result<i64, Verdict> {
        let refused = |reason, what: &str| {
            Verdict::new(
                reason,
                format!("the signature is valid but {what}, and Linear's SDK refuses such a delivery"),
            )
            .header(LINEAR_TIMESTAMP_FIELD)
            .hint(format!(
                "Linear's replay guard is the {LINEAR_TIMESTAMP_FIELD} field (Unix ms) in the signed body"
            ))
        };
        let value: serde_json::Value = serde_json::from_slice(body)
            .map_err(|_| refused(Reason::MalformedHeader, "the body is not JSON"))?;
        match value.get(LINEAR_TIMESTAMP_FIELD) {
            None | Some(serde_json::Value::Null) => Err(refused(
                Reason::MissingHeader,
                &format!("the body has no {LINEAR_TIMESTAMP_FIELD}"),
            )),
            // `as` saturates, so an absurd value is simply far outside the window.
            Some(serde_json::Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
                .ok_or_else(|| {
                    refused(
                        Reason::MalformedHeader,
                        &format!("{LINEAR_TIMESTAMP_FIELD} is not a finite number"),
                    )
                }),
            Some(_) => Err(refused(
                Reason::MalformedHeader,
                &format!("{LINEAR_TIMESTAMP_FIELD} is not a number"),
            )),
        }
    }

    /// `Some(verdict)` when the body's timestamp is missing or outside the window, compared in
    /// ms as the SDK does, then reported in seconds rounded away from `now` so the verdict
    /// agrees.
    fn check_body_timestamp(body: &[u8], opts: &VerifyOptions) -> Option<Verdict> {
        let ms = match Self::body_timestamp_ms(body) {
            Ok(ms) => ms,
            Err(refused) => return Some(refused),
        };
        let tolerance = opts.tolerance.unwrap_or(LINEAR_WINDOW_SECONDS);
        let age_ms = i128::from(opts.now) * 1000 - i128::from(ms);
        let window_ms = i128::from(tolerance) * 1000;
        let signed_at = if age_ms > window_ms {
            ms.div_euclid(1000)
        } else if -age_ms > window_ms {
            ms.div_euclid(1000) + i64::from(ms.rem_euclid(1000) != 0)
        } else {
            return None;
        };
        crypto::check_timestamp(signed_at, opts.now, Some(tolerance), LINEAR_TIMESTAMP_FIELD).map(|v| {
            v.header("Linear-Signature").hint(format!(
                "Linear's replay guard is the {LINEAR_TIMESTAMP_FIELD} field (Unix ms) in the signed body, held to {LINEAR_WINDOW_SECONDS} s by Linear's SDK"
            ))
        })
    }
}

impl Scheme for Linear {
    fn info(&self) -> &Info {
        self.inner.info()
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        self.inner.sign(req)
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        let verdict = self.inner.verify(delivery, keys, opts);
        if !verdict.is_valid() {
            return verdict;
        }
        match Self::check_body_timestamp(&delivery.body, opts) {
            Some(stale) => Verdict {
                signed: verdict.signed,
                ..stale
            },
            None => verdict,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linear_delivery(body: &str, secret: &str) -> Delivery {
        let req = SignRequest {
            body: body.into(),
            secret: Some(secret.into()),
            ..Default::default()
        };
        let mut d = Delivery::new(body);
        d.headers = Linear::new().sign(&req).unwrap().headers;
        d
    }

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    #[test]
    fn linear_holds_the_body_timestamp_to_a_minute() {
        let d = linear_delivery(
            r#"{"action":"create","webhookTimestamp":1700000000500}"#,
            "k",
        );
        let at = |now| {
            Linear::new()
                .verify(&d, &keys("k"), &VerifyOptions::at(now))
                .reason
        };
        assert_eq!(at(1_700_000_060), Reason::Ok);
        assert_eq!(at(1_700_000_061), Reason::ExpiredTimestamp);
        assert_eq!(at(1_699_999_941), Reason::Ok);
        assert_eq!(at(1_699_999_940), Reason::FutureTimestamp);
        let widened = VerifyOptions {
            now: 1_700_000_600,
            tolerance: Some(700),
        };
        assert!(Linear::new().verify(&d, &keys("k"), &widened).is_valid());
    }

    #[test]
    fn linear_checks_the_signature_before_the_time() {
        let d = linear_delivery(r#"{"webhookTimestamp":1}"#, "k");
        let v = Linear::new().verify(&d, &keys("other"), &VerifyOptions::at(1_700_000_000));
        assert_eq!(v.reason, Reason::BadSignature);
    }

    #[test]
    fn linear_without_a_numeric_body_timestamp_is_refused_as_its_sdk_refuses_it() {
        for (body, reason) in [
            ("not json", Reason::MalformedHeader),
            ("{}", Reason::MissingHeader),
            (r#"{"webhookTimestamp":null}"#, Reason::MissingHeader),
            (
                r#"{"webhookTimestamp":"1700000000000"}"#,
                Reason::MalformedHeader,
            ),
            (r#"{"webhookTimestamp":0}"#, Reason::ExpiredTimestamp),
        ] {
            let d = linear_delivery(body, "k");
            let v = Linear::new().verify(&d, &keys("k"), &VerifyOptions::at(1_700_000_000));
            assert_eq!(v.reason, reason, "{body}: {}", v.detail);
        }
        let d = linear_delivery(r#"{"webhookTimestamp":-99999999999999999999999}"#, "k");
        assert_eq!(
            Linear::new()
                .verify(&d, &keys("k"), &VerifyOptions::at(0))
                .reason,
            Reason::ExpiredTimestamp
        );
    }
}
