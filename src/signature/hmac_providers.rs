//! The HMAC providers, each exactly as its own documentation or official SDK describes it.
//!
//! Most are one row of the declarative family (`hmac_scheme`); Linear, and the `Stamped` Orb,
//! Persona and Recurly, read a timestamp where a row cannot. A row whose signature header another
//! provider sends too, with no header of its own to tell it by, stays out of `--provider auto`;
//! the look-alikes that can be told apart are in `hmac_look_alikes`.

use std::sync::Arc;

use super::crypto::{Algorithm::*, Encoding::*};
use super::hmac_scheme::{HmacScheme, SecretForm, TimeFormat, Tuned};
use super::hmac_stamped::Stamped;
use super::linear::Linear;
use super::scheme::Scheme;

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    let meta = |id: &str, name: &str, docs: &str| {
        // Meta signs every product's webhooks the same way, in the header GitHub also uses, and
        // sends no header of its own: leave these out of `--provider auto`.
        Tuned::new(
            HmacScheme::new(id, name, Sha256, Hex, "X-Hub-Signature-256")
                .prefix("sha256=")
                .docs(docs),
        )
        .undetected()
        .arc()
    };
    vec![
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
        meta("facebook", "Facebook", "https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads"),
        meta("instagram", "Instagram", "https://developers.facebook.com/docs/instagram-platform/webhooks"),
        meta("whatsapp", "WhatsApp", "https://developers.facebook.com/docs/whatsapp/cloud-api/guides/set-up-webhooks"),
        Arc::new(
            HmacScheme::new("twitter", "X (Twitter)", Sha256, Base64, "X-Twitter-Webhooks-Signature")
                .prefix("sha256=")
                .docs("https://docs.x.com/x-api/webhooks/quickstart"),
        ),
        Arc::new(
            HmacScheme::new("zendesk", "Zendesk", Sha256, Base64, "X-Zendesk-Webhook-Signature")
                .timestamp_header("X-Zendesk-Webhook-Signature-Timestamp", TimeFormat::Rfc3339)
                .signs("{timestamp}{body}")
                .docs("https://developer.zendesk.com/documentation/webhooks/verifying/"),
        ),
        Arc::new(
            HmacScheme::new("buildkite", "Buildkite", Sha256, Hex, "X-Buildkite-Signature")
                .keyed(',', "timestamp", "signature")
                .signs("{timestamp}.{body}")
                .tolerance(300)
                .docs("https://buildkite.com/docs/apis/webhooks/pipelines"),
        ),
        Arc::new(
            // A comma-separated list of versioned signatures, of which only v1 exists so far.
            HmacScheme::new("circleci", "CircleCI", Sha256, Hex, "circleci-signature")
                .many("v1=", ',')
                .docs("https://circleci.com/docs/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("castle", "Castle", Sha256, Base64, "X-Castle-Signature").docs("https://docs.castle.io/docs/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("terraform", "HCP Terraform", Sha512, Hex, "X-TFE-Notification-Signature")
                .docs("https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity"),
        ),
        Arc::new(
            HmacScheme::new("launchdarkly", "LaunchDarkly", Sha256, Hex, "X-LD-Signature")
                .docs("https://launchdarkly.com/docs/home/infrastructure/webhooks"),
        ),
        Arc::new(Stamped::orb()),
        Arc::new(Stamped::persona()),
        Arc::new(
            HmacScheme::new("pusher", "Pusher Channels", Sha256, Hex, "X-Pusher-Signature")
                .detect_also("X-Pusher-Key")
                .docs("https://pusher.com/docs/channels/server_api/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("webex", "Webex", Sha1, Hex, "X-Spark-Signature").docs("https://developer.webex.com/docs/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("frameio", "Frame.io", Sha256, Hex, "X-Frameio-Signature")
                .prefix("v0=")
                .timestamp_header("X-Frameio-Request-Timestamp", TimeFormat::Seconds)
                .signs("v0:{timestamp}:{body}")
                .tolerance(300)
                .docs("https://developer.adobe.com/frameio/guides/Webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("chargify", "Maxio Advanced Billing (Chargify)", Sha256, Hex, "X-Chargify-Webhook-Signature-Hmac-Sha-256")
                .docs("https://help.chargify.com/webhooks/webhooks-reference.html"),
        ),
        Arc::new(
            // Connect numbers its signatures (-1, -2, …) when several HMAC keys are active; the
            // first is the one every configuration carries.
            HmacScheme::new("docusign", "Docusign Connect", Sha256, Base64, "X-DocuSign-Signature-1")
                .docs("https://developers.docusign.com/platform/webhooks/connect/hmac/"),
        ),
        Arc::new(
            HmacScheme::new("mongodb", "MongoDB Atlas", Sha1, Base64, "X-MMS-Signature")
                .docs("https://www.mongodb.com/docs/atlas/tutorial/webhook-integration/"),
        ),
        Arc::new(
            HmacScheme::new("sonatype-nexus", "Sonatype Nexus Repository", Sha1, Hex, "X-Nexus-Webhook-Signature")
                .docs("https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html"),
        ),
        Arc::new(
            HmacScheme::new("tiktok", "TikTok", Sha256, Hex, "TikTok-Signature")
                .keyed(',', "t", "s")
                .signs("{timestamp}.{body}")
                .docs("https://developers.tiktok.com/doc/webhooks-verification"),
        ),
        Tuned::new(
            // The security token Teams shows is base64; its decoded bytes are the HMAC key.
            HmacScheme::new("microsoft-teams", "Microsoft Teams outgoing webhook", Sha256, Base64, "Authorization")
                .prefix("HMAC ")
                .secret_form(SecretForm::Base64)
                .docs("https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook"),
        )
        .undetected()
        .base64_keys()
        .arc(),
        Arc::new(
            HmacScheme::new("gocardless", "GoCardless", Sha256, Hex, "Webhook-Signature")
                .docs("https://developer.gocardless.com/getting-started/staying-up-to-date-with-webhooks"),
        ),
        Arc::new(Stamped::recurly()),
        Tuned::new(
            // Jira reuses `X-Hub-Signature`, GitHub's legacy header, with sha256.
            HmacScheme::new("jira", "Jira", Sha256, Hex, "X-Hub-Signature")
                .prefix("sha256=")
                .docs("https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks"),
        )
        .undetected()
        .arc(),
        Tuned::new(
            HmacScheme::new("segment", "Segment", Sha1, Hex, "X-Signature")
                .docs("https://segment.com/docs/connections/destinations/catalog/actions-webhook/"),
        )
        .undetected()
        .arc(),
        Tuned::new(
            // `macSecretBase64` from webhook creation, used base64-decoded.
            HmacScheme::new("airtable", "Airtable", Sha256, Hex, "X-Airtable-Content-MAC")
                .prefix("hmac-sha256=")
                .secret_form(SecretForm::Base64)
                .docs("https://airtable.com/developers/web/api/webhooks-overview"),
        )
        .base64_keys()
        .arc(),
        Arc::new(
            // The callback URL exactly as registered is signed after the body.
            HmacScheme::new("trello", "Trello", Sha1, Base64, "X-Trello-Webhook")
                .signs("{body}{url}")
                .docs("https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("mux", "Mux", Sha256, Hex, "Mux-Signature")
                .keyed(',', "t", "v1")
                .signs("{timestamp}.{body}")
                .tolerance(300)
                .docs("https://docs.mux.com/core/verify-webhook-signatures"),
        ),
        Arc::new(
            HmacScheme::new("cal-com", "Cal.com", Sha256, Hex, "X-Cal-Signature-256")
                .docs("https://cal.com/docs/developing/guides/automation/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("line", "LINE Messaging API", Sha256, Base64, "X-Line-Signature")
                .docs("https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/"),
        ),
        Arc::new(
            HmacScheme::new("autodesk", "Autodesk Platform Services", Sha1, Hex, "X-Adsk-Signature")
                .prefix("sha1hash=")
                .docs("https://aps.autodesk.com/en/docs/webhooks/v1/developers_guide/callback-verification/"),
        ),
        Arc::new(
            HmacScheme::new("worldline", "Worldline", Sha256, Base64, "X-GCS-Signature")
                .detect_also("X-GCS-KeyId")
                .docs("https://docs.connect.worldline-solutions.com/documentation/webhooks/"),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::crypto;

    #[test]
    fn ids_do_not_collide_with_each_other() {
        let mut ids: Vec<String> = providers().iter().map(|p| p.info().id.clone()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(n >= 30);
    }

    #[test]
    fn shared_headers_stay_out_of_auto_detection() {
        for p in providers() {
            let i = p.info();
            let shared = ["X-Hub-Signature-256", "X-Hub-Signature", "Authorization"];
            if shared.iter().any(|h| i.headers[0].eq_ignore_ascii_case(h)) {
                assert!(
                    i.detect.is_empty(),
                    "{} would claim another provider's header",
                    i.id
                );
            }
        }
    }

    #[test]
    fn base64_secret_providers_issue_base64_keys() {
        for p in providers()
            .iter()
            .filter(|p| ["airtable", "microsoft-teams"].contains(&p.info().id.as_str()))
        {
            let key = p.new_key(&[7; 32]).secret.unwrap();
            assert_eq!(crypto::decode_base64(&key).unwrap(), vec![7; 32]);
        }
    }
}
