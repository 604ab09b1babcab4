//! What each provider's official SDK enforces besides the signature's bytes (the timestamp's
//! lower and upper bounds, its window, the signature's text, id de-duplication), as data read
//! from the SDK's source; `faithful` holds every built-in scheme's verdicts to it.
//!
//! A user's handler runs the SDK, so a delivery the SDK accepts is valid here too; where hookctl
//! would check more, it says so as advice instead of a negative verdict.

use serde::Serialize;

use super::scheme::Info;

/// What a handler built on the provider's official SDK checks: `hookctl providers` shows it, and
/// `verify` and `validate` judge by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SdkChecks {
    /// Rejects a delivery signed longer ago than the window.
    pub timestamp_lower_bound: bool,
    /// Rejects a delivery dated further in the future than the window.
    pub timestamp_upper_bound: bool,
    /// The SDK's default window in seconds; `None` where it checks no time.
    pub window_seconds: Option<u64>,
    /// How far ahead of its clock the SDK accepts a timestamp, where that is not the window
    /// (Box's accepts none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub future_window_seconds: Option<u64>,
    /// Compares the signature as the text it computes (lowercase hex, padded base64), so the
    /// same bytes written another way do not match.
    pub signature_compared_as_text: bool,
    /// Refuses a message id it has seen before.
    pub dedup_by_id: bool,
    /// Where the rule was read: the SDK's package, version and function, or `documented (no
    /// SDK source read):` and the provider's documentation.
    pub source: String,
}

/// One provider's rule, as read from its SDK.
pub(super) struct Rule {
    id: &'static str,
    lower: bool,
    upper: bool,
    window: Option<u64>,
    /// How far ahead the SDK accepts, where narrower than `window`.
    pub(super) ahead: Option<u64>,
    /// Compares the signature as the text it computes, not as decoded bytes.
    pub(super) text: Option<Text>,
    dedup: bool,
    source: &'static str,
    /// Where another official SDK of the provider is stricter than the rule (which follows
    /// the one that accepts more, so that no handler written as documented fails `validate`).
    stricter: Option<&'static str>,
}

/// How an SDK writes the signature it compares the header's text with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Text {
    /// Lowercase hex; the header's items are separated by this.
    LowercaseHex(char),
    /// `v1,` and standard base64 with its padding; the items are separated by spaces.
    PaddedBase64,
}

impl Text {
    /// Whether one item of the header is written as the SDK writes it. Items the SDK does not
    /// compare (a timestamp, another version) pass.
    pub(super) fn written_as_sdk(self, item: &str) -> bool {
        match self {
            Text::LowercaseHex(_) => !item.bytes().any(|b| b.is_ascii_uppercase()),
            Text::PaddedBase64 => match item.strip_prefix("v1,") {
                Some(sig) => super::crypto::decode_base64(sig)
                    .is_some_and(|bytes| super::crypto::base64(&bytes) == sig),
                None => true,
            },
        }
    }

    pub(super) fn separator(self) -> char {
        match self {
            Text::LowercaseHex(sep) => sep,
            Text::PaddedBase64 => ' ',
        }
    }

    pub(super) fn describe(self) -> &'static str {
        match self {
            Text::LowercaseHex(_) => "lowercase hex",
            Text::PaddedBase64 => "padded standard base64",
        }
    }
}

/// The rules read from the SDKs' published source. A provider not listed is held to its
/// documented window both ways, and says so.
const RULES: &[Rule] = &[
    Rule {
        id: "stripe",
        lower: true,
        upper: false,
        window: Some(300),
        ahead: None,
        text: Some(Text::LowercaseHex(',')),
        dedup: false,
        source: "stripe 16.1.0 (PyPI) stripe/_webhook.py WebhookSignature.verify_header: `timestamp < time.time() - tolerance`; stripe 23.2.0 (npm) Webhooks.js validateComputedSignature: `timestampAge > tolerance`",
        stricter: None,
    },
    Rule {
        id: "standard-webhooks",
        lower: true,
        upper: true,
        window: Some(300),
        ahead: None,
        text: Some(Text::PaddedBase64),
        dedup: false,
        source: "standardwebhooks 1.3.0 (PyPI) webhooks.py Webhook.__verify_timestamp and standardwebhooks 1.3.0 (npm) index.js verifyTimestamp: too old or too new by 5 min",
        stricter: None,
    },
    Rule {
        id: "svix",
        lower: true,
        upper: true,
        window: Some(300),
        ahead: None,
        text: Some(Text::PaddedBase64),
        dedup: false,
        source: "svix 2.9.1 (PyPI) svix/webhooks.py and svix 1.99.1 (npm) webhook.js: both verify with standardwebhooks 1.3.0, too old or too new by 5 min",
        stricter: None,
    },
    Rule {
        id: "slack",
        lower: true,
        upper: false,
        window: Some(300),
        ahead: None,
        text: Some(Text::LowercaseHex(',')),
        dedup: false,
        source: "@slack/bolt 5.1.0 (npm) verifySlackRequest: refuses only a timestamp older than 5 min; slack_sdk 3.48.0 (PyPI) SignatureVerifier.is_valid: `abs(now - timestamp) > 60 * 5`",
        stricter: Some("Slack's Python SDK (slack_sdk 3.48.0) refuses one more than 5 min ahead"),
    },
    Rule {
        id: "clerk",
        lower: true,
        upper: true,
        window: Some(300),
        ahead: None,
        text: Some(Text::PaddedBase64),
        dedup: false,
        source: "@clerk/backend 3.25.0 (npm) webhooks.js verifyWebhook: standardwebhooks 1.3.0, too old or too new by 5 min",
        stricter: None,
    },
    Rule {
        id: "resend",
        lower: true,
        upper: true,
        window: Some(300),
        ahead: None,
        text: Some(Text::PaddedBase64),
        dedup: false,
        source: "resend 6.38.0 (npm) Webhooks.verify: standardwebhooks 1.3.0, too old or too new by 5 min",
        stricter: None,
    },
    Rule {
        id: "paddle",
        lower: true,
        upper: false,
        window: Some(5),
        ahead: None,
        text: Some(Text::LowercaseHex(';')),
        dedup: false,
        source: "@paddle/paddle-node-sdk 3.10.0 (npm) WebhooksValidator.isValidSignature: refuses only `now > ts + 5 s`; paddle-python-sdk 1.16.1 (PyPI) Notifications/Verifier.verify: 5 s either way",
        stricter: Some(
            "Paddle's Python SDK (paddle-python-sdk 1.16.1) refuses one more than 5 s ahead",
        ),
    },
    Rule {
        id: "hubspot",
        lower: true,
        upper: false,
        window: Some(300),
        ahead: None,
        text: None,
        dedup: false,
        source: "@hubspot/api-client 13.5.0 (npm) Signature.isValid: v3 refuses only `now - timestamp > 300000` ms",
        stricter: None,
    },
    Rule {
        id: "mux",
        lower: true,
        upper: false,
        window: Some(300),
        ahead: None,
        text: Some(Text::LowercaseHex(',')),
        dedup: false,
        source: "@mux/mux-node 15.3.0 (npm) webhooks.verifySignature: refuses only `timestampAge > 300`",
        stricter: None,
    },
    Rule {
        id: "linear",
        lower: true,
        upper: true,
        window: Some(60),
        ahead: None,
        text: None,
        dedup: false,
        source: "@linear/sdk 98.0.0 (npm) LinearWebhookClient.verify: the body's webhookTimestamp, `Math.abs(Date.now() - timestamp) > 60000` ms",
        stricter: None,
    },
    Rule {
        id: "contentful",
        lower: true,
        upper: false,
        window: Some(30),
        ahead: None,
        text: None,
        dedup: false,
        source: "@contentful/node-apps-toolkit 3.16.1 (npm) requests verifyRequest: refuses only `Date.now() - timestamp >= ttl * 1000` (ttl 30 s)",
        stricter: None,
    },
    Rule {
        id: "orb",
        lower: true,
        upper: true,
        window: Some(300),
        ahead: None,
        text: None,
        dedup: false,
        source: "orb-billing 6.11.0 (npm) resources/webhooks.js verifySignature: 'Webhook timestamp is too old' or 'too new' by 5 min",
        stricter: None,
    },
    Rule {
        id: "box",
        lower: true,
        upper: true,
        window: Some(600),
        ahead: Some(0),
        text: None,
        dedup: false,
        source: "box-node-sdk 10.12.0 (npm) WebhooksManager.validateMessage: refuses a delivery older than maxAge (600 s) or dated ahead of its clock at all",
        stricter: None,
    },
    Rule {
        id: "github",
        lower: false,
        upper: false,
        window: None,
        ahead: None,
        text: Some(Text::LowercaseHex(',')),
        dedup: false,
        source: "@octokit/webhooks-methods 6.0.0 (npm) verify: the signature of the body alone",
        stricter: None,
    },
    Rule {
        id: "twilio",
        lower: false,
        upper: false,
        window: None,
        ahead: None,
        text: None,
        dedup: false,
        source: "twilio 9.13.0 (PyPI) twilio/request_validator.py RequestValidator.validate: the URL, parameters and bodySHA256 alone, with HMAC-SHA1 or the algorithm get_signature_algorithm reads from X-Twilio-Webhooks-Signature-Settings",
        stricter: None,
    },
];

/// The rule `info`'s provider is held to.
pub fn checks(info: &Info) -> SdkChecks {
    match rule(info) {
        Some(r) => SdkChecks {
            timestamp_lower_bound: r.lower,
            timestamp_upper_bound: r.upper,
            window_seconds: r.window,
            future_window_seconds: r.ahead,
            signature_compared_as_text: r.text.is_some(),
            dedup_by_id: r.dedup,
            source: r.source.to_string(),
        },
        None => {
            let timed = info.tolerance_seconds.is_some();
            SdkChecks {
                timestamp_lower_bound: timed,
                timestamp_upper_bound: timed,
                window_seconds: info.tolerance_seconds,
                future_window_seconds: None,
                signature_compared_as_text: false,
                dedup_by_id: false,
                source: format!("documented (no SDK source read): {}", info.docs),
            }
        }
    }
}

pub(super) fn rule(info: &Info) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == info.id)
}

/// Which way a signed time falls outside the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Past,
    Future,
}

impl SdkChecks {
    /// Whether the SDK rejects a delivery outside the window on this side.
    pub fn bounds(&self, side: Side) -> bool {
        match side {
            Side::Past => self.timestamp_lower_bound,
            Side::Future => self.timestamp_upper_bound,
        }
    }
}

/// "Stripe's official SDK", "Standard Webhooks' official SDK".
pub fn sdk_name(info: &Info) -> String {
    let mark = if info.name.ends_with('s') { "'" } else { "'s" };
    format!("{}{mark} official SDK", info.name)
}

/// What hookctl advises where the provider's SDK does not check a bound: the SDK's behaviour
/// named, and why checking it anyway is worth it. `verify` and `validate` both say this.
pub fn advice(info: &Info, side: Side) -> String {
    let sdk = sdk_name(info);
    let (behaviour, why) = match side {
        Side::Future => (
            format!("{sdk} accepts future timestamps (it checks only that one is not too old)"),
            "rejecting them too protects against a signing clock that runs ahead",
        ),
        Side::Past => (
            format!("{sdk} does not check how old a timestamp is"),
            "rejecting old ones too protects against a captured delivery replayed later",
        ),
    };
    match rule(info).and_then(|r| r.stricter) {
        Some(stricter) => format!("{behaviour}, though {stricter}; {why}"),
        None => format!("{behaviour}; {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;
    #[test]
    fn every_rule_names_a_provider_and_agrees_with_its_window() {
        let reg = Registry::builtin();
        for r in RULES {
            let s = reg
                .get(r.id)
                .unwrap_or_else(|| panic!("no provider {}", r.id));
            // The SDK's default window is the one verify uses: a disagreement here is a
            // delivery one accepts and the other rejects. (Linear's window holds a field of
            // the body, which its scheme checks itself.)
            if r.id != "linear" {
                assert_eq!(r.window, s.info().tolerance_seconds, "{}", r.id);
            }
            assert_eq!(r.window.is_some(), r.lower || r.upper, "{}", r.id);
            assert!(!r.source.is_empty());
        }
    }

    #[test]
    fn a_provider_without_a_rule_is_held_to_its_documented_window_both_ways() {
        let reg = Registry::builtin();
        let c = checks(reg.get("calendly").unwrap().info());
        assert!(c.timestamp_lower_bound && c.timestamp_upper_bound);
        assert_eq!(c.window_seconds, Some(180));
        assert!(
            c.source
                .starts_with("documented (no SDK source read): https://"),
            "{}",
            c.source
        );
    }
}
