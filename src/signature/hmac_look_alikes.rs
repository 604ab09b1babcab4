//! HMAC providers whose signature header another provider sends too, that `--provider auto`
//! still tells apart: each by a companion header of its own, and Intercom, which sends none, as
//! what the bare header means when no companion is there.

use std::sync::Arc;

use super::crypto::{Algorithm::*, Encoding::*};
use super::hmac_scheme::HmacScheme;
use super::scheme::Scheme;
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
            HmacScheme::new("intercom", "Intercom", Sha1, Hex, "X-Hub-Signature")
                .prefix("sha1=")
                .docs("https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications"),
        ),
        // X-Signature is a name many senders use; X-Event-Name is what marks Lemon Squeezy.
        Arc::new(
            HmacScheme::new("lemonsqueezy", "Lemon Squeezy", Sha256, Hex, "X-Signature")
                .detect_also("X-Event-Name")
                .docs("https://docs.lemonsqueezy.com/help/webhooks/signing-requests"),
        ),
        Arc::new(
            // `X-Signature` alone is too common a name to identify Modern Treasury.
            HmacScheme::new("modern-treasury", "Modern Treasury", Sha256, Hex, "X-Signature")
                .detect_also("X-Webhook-ID")
                .docs("https://docs.moderntreasury.com/platform/docs/verifying-webhooks"),
        ),
        // Same header name as GitHub's legacy sha1 signature, but sha256; X-Event-Key is
        // Bitbucket's own (Cloud and Data Center both send it).
        Arc::new(
            HmacScheme::new("bitbucket", "Bitbucket", Sha256, Hex, "X-Hub-Signature")
                .prefix("sha256=")
                .detect_also("X-Event-Key")
                .docs("https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks"),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use crate::message::Headers;

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
