//! Providers whose scheme is one row of the declarative HMAC family, each from its documentation.

use std::sync::Arc;

use super::Scheme;
use super::crypto::{Algorithm::*, Encoding::*};
use super::hmac_scheme::{HmacScheme, TimeFormat};
use super::variants::Variants;

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    let github_256 = HmacScheme::new("github", "GitHub", Sha256, Hex, "X-Hub-Signature-256")
        .prefix("sha256=")
        .docs("https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries");
    let github_1 = HmacScheme::new("github", "GitHub", Sha1, Hex, "X-Hub-Signature")
        .prefix("sha1=")
        .docs("https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries");
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
    ]
}
