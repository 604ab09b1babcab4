//! Providers whose scheme is one row of the declarative HMAC family, each from its documentation.

use std::sync::Arc;

use super::crypto::{self, Algorithm::*, Encoding::*};
use super::hmac_scheme::{HmacScheme, TimeFormat};
use super::variants::Variants;
use super::{Info, Keys, Reason, Scheme, SignError, SignRequest, Signed, Verdict, VerifyOptions};
use crate::message::Delivery;

const GITHUB_DOCS: &str =
    "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries";

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    // X-Hub-Signature is shared with Intercom and Bitbucket, and Intercom sends no header of its
    // own: requiring X-GitHub-Event makes GitHub the more specific match for `--provider auto`.
    // Both variants carry it, because `Variants` auto-detects with the shorter of their lists.
    let github_256 = HmacScheme::new("github", "GitHub", Sha256, Hex, "X-Hub-Signature-256")
        .prefix("sha256=")
        .detect_also("X-GitHub-Event")
        .docs(GITHUB_DOCS);
    let github_1 = HmacScheme::new("github", "GitHub", Sha1, Hex, "X-Hub-Signature")
        .prefix("sha1=")
        .detect_also("X-GitHub-Event")
        .docs(GITHUB_DOCS);
    vec![
        Arc::new(Variants::new(
            "github",
            "GitHub",
            vec![("sha256", Arc::new(github_256)), ("sha1", Arc::new(github_1))],
            true,
        )),
        Arc::new(
            HmacScheme::new("stripe", "Stripe", Sha256, Hex, "Stripe-Signature")
                .keyed(',', "t", "v1")
                .signs("{timestamp}.{body}")
                .tolerance(300)
                .secret_prefix("whsec_")
                .docs("https://docs.stripe.com/webhooks#verify-manually"),
        ),
        Arc::new(
            HmacScheme::new("slack", "Slack", Sha256, Hex, "X-Slack-Signature")
                .prefix("v0=")
                .timestamp_header("X-Slack-Request-Timestamp", TimeFormat::Seconds)
                .signs("v0:{timestamp}:{body}")
                .tolerance(300)
                .docs("https://docs.slack.dev/authentication/verifying-requests-from-slack"),
        ),
        Arc::new(
            HmacScheme::new("shopify", "Shopify", Sha256, Base64, "X-Shopify-Hmac-Sha256")
                .docs("https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify"),
        ),
        // Zoom documents no window for x-zm-request-timestamp and its own library (Rivet) checks
        // none, so the timestamp is signed but only held to a window given with --tolerance.
        Arc::new(
            HmacScheme::new("zoom", "Zoom", Sha256, Hex, "x-zm-signature")
                .prefix("v0=")
                .timestamp_header("x-zm-request-timestamp", TimeFormat::Seconds)
                .signs("v0:{timestamp}:{body}")
                .docs("https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events"),
        ),
        // Paddle Billing. During a secret rotation the header carries one h1 per secret; the
        // official SDK rejects a delivery more than 5 s old by default.
        Arc::new(
            HmacScheme::new("paddle", "Paddle", Sha256, Hex, "Paddle-Signature")
                .keyed(';', "ts", "h1")
                .signs("{timestamp}:{body}")
                .tolerance(5)
                .secret_prefix("pdl_ntf_")
                .docs("https://developer.paddle.com/webhooks/signature-verification"),
        ),
        Arc::new(Linear::new()),
        Arc::new(
            HmacScheme::new("intercom", "Intercom", Sha1, Hex, "X-Hub-Signature")
                .prefix("sha1=")
                .docs("https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications"),
        ),
        // One v1= entry per active secret, comma-separated, so rotation never drops a delivery.
        Arc::new(
            HmacScheme::new("pagerduty", "PagerDuty", Sha256, Hex, "X-PagerDuty-Signature")
                .many("v1=", ',')
                .docs("https://developer.pagerduty.com/docs/ZG9jOjExMDI5NTkz-verifying-signatures"),
        ),
        // EventSub: the id and the RFC 3339 (nanosecond) timestamp are concatenated with the body
        // as the headers carry them, with no separator; Twitch asks to drop anything older than
        // 10 minutes.
        Arc::new(
            HmacScheme::new("twitch", "Twitch", Sha256, Hex, "Twitch-Eventsub-Message-Signature")
                .prefix("sha256=")
                .timestamp_header("Twitch-Eventsub-Message-Timestamp", TimeFormat::Rfc3339)
                .id_header("Twitch-Eventsub-Message-Id")
                .signs("{id}{timestamp}{body}")
                .tolerance(600)
                .docs("https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message"),
        ),
        Arc::new(
            HmacScheme::new("typeform", "Typeform", Sha256, Base64, "Typeform-Signature")
                .prefix("sha256=")
                .docs("https://www.typeform.com/developers/webhooks/secure-your-webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("calendly", "Calendly", Sha256, Hex, "Calendly-Webhook-Signature")
                .keyed(',', "t", "v1")
                .signs("{timestamp}.{body}")
                .tolerance(180)
                .docs("https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures"),
        ),
        // X-Signature is a name many senders use; X-Event-Name is what marks Lemon Squeezy.
        Arc::new(
            HmacScheme::new("lemonsqueezy", "Lemon Squeezy", Sha256, Hex, "X-Signature")
                .detect_also("X-Event-Name")
                .docs("https://docs.lemonsqueezy.com/help/webhooks/signing-requests"),
        ),
        Arc::new(
            HmacScheme::new("coinbase-commerce", "Coinbase Commerce", Sha256, Hex, "X-CC-Webhook-Signature")
                .docs("https://docs.cdp.coinbase.com/commerce/docs/webhooks-security"),
        ),
        // Signed with the app secret, not a per-webhook secret.
        Arc::new(
            HmacScheme::new("dropbox", "Dropbox", Sha256, Hex, "X-Dropbox-Signature")
                .docs("https://www.dropbox.com/developers/reference/webhooks"),
        ),
        // The key is the X-Hook-Secret Asana sent in the subscription handshake.
        Arc::new(
            HmacScheme::new("asana", "Asana", Sha256, Hex, "X-Hook-Signature")
                .docs("https://developers.asana.com/docs/webhooks-guide#security"),
        ),
        // Sentry-Hook-Timestamp travels alongside but is not signed, and Sentry gives no window.
        Arc::new(
            HmacScheme::new("sentry", "Sentry", Sha256, Hex, "Sentry-Hook-Signature")
                .docs("https://docs.sentry.io/organization/integrations/integration-platform/webhooks/#sentry-hook-signature"),
        ),
        Arc::new(
            HmacScheme::new("vercel", "Vercel", Sha1, Hex, "x-vercel-signature")
                .docs("https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks"),
        ),
        // The webhook key looks like base64 but Xero keys the HMAC with its text as given.
        Arc::new(
            HmacScheme::new("xero", "Xero", Sha256, Base64, "x-xero-signature")
                .docs("https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/"),
        ),
        // Same header name as GitHub's legacy sha1 signature, but sha256; X-Event-Key is
        // Bitbucket's own (Cloud and Data Center both send it).
        Arc::new(
            HmacScheme::new("bitbucket", "Bitbucket", Sha256, Hex, "X-Hub-Signature")
                .prefix("sha256=")
                .detect_also("X-Event-Key")
                .docs("https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks"),
        ),
        // The key is the verification_token Notion posted when the subscription was created.
        Arc::new(
            HmacScheme::new("notion", "Notion", Sha256, Hex, "X-Notion-Signature")
                .prefix("sha256=")
                .docs("https://developers.notion.com/reference/webhooks#step-3-validating-event-payloads-recommended"),
        ),
        // Square signs the notification URL it posted to, then the body: --url must be that URL
        // exactly as configured in the subscription.
        Arc::new(
            HmacScheme::new("square", "Square", Sha256, Base64, "x-square-hmacsha256-signature")
                .signs("{url}{body}")
                .docs("https://developer.squareup.com/docs/webhooks/step3validate"),
        ),
    ]
}

/// Linear's `webhookTimestamp` (Unix ms) lives inside the signed JSON body, not in a header.
const LINEAR_TIMESTAMP_FIELD: &str = "webhookTimestamp";
/// Linear's SDK rejects a delivery whose `webhookTimestamp` is more than a minute from now.
const LINEAR_WINDOW_SECONDS: u64 = 60;

/// Linear: `Linear-Signature` is the hex HMAC-SHA256 of the raw body (one table row), and its
/// replay guard is the body's `webhookTimestamp`, which the table cannot read. Verifying does
/// both, as `LinearWebhookClient.verify` (@linear/sdk 98.0.0) does: the body must be JSON whose
/// `webhookTimestamp` is a number within a minute of now. `Info` shows no header window because
/// the header scheme carries no time.
struct Linear {
    inner: HmacScheme,
}

impl Linear {
    fn new() -> Self {
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
    use crate::message::Headers;

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

    #[test]
    fn shared_signature_headers_are_told_apart_by_their_companions() {
        let reg = crate::signature::Registry::builtin();
        let first = |headers: &[&str]| {
            let h: Headers = headers
                .iter()
                .map(|n| (n.to_string(), "x".to_string()))
                .collect();
            crate::signature::detect(reg, &h)
                .first()
                .map(|s| s.info().id.clone())
        };
        assert_eq!(
            first(&["X-Hub-Signature", "X-Event-Key"]).as_deref(),
            Some("bitbucket")
        );
        assert_eq!(
            first(&["X-Hub-Signature-256", "X-Hub-Signature", "X-GitHub-Event"]).as_deref(),
            Some("github")
        );
        assert_eq!(
            first(&["X-Signature", "X-Event-Name"]).as_deref(),
            Some("lemonsqueezy")
        );
        let h: Headers = [("X-Hub-Signature", "x")].into_iter().collect();
        let alone: Vec<String> = crate::signature::detect(reg, &h)
            .iter()
            .map(|s| s.info().id.clone())
            .collect();
        assert!(alone.contains(&"intercom".to_string()), "{alone:?}");
        assert!(
            !alone.iter().any(|id| id == "github" || id == "bitbucket"),
            "{alone:?}"
        );
    }
}
