//! Providers whose scheme is one row of the declarative HMAC family, each from its documentation.

use std::sync::Arc;

use super::Scheme;
use super::crypto::{Algorithm::*, Encoding::*};
use super::hmac_scheme::{HmacScheme, TimeFormat};
use super::linear::Linear;
use super::variants::Variants;

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

#[cfg(test)]
mod tests {
    use crate::signature::Headers;

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
