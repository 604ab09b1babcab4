//! SMS alerts through Twilio's Messages API: a form-encoded POST with Basic auth (account SID
//! and auth token), one short text that fits one segment.

use anyhow::Result;
use base64::Engine;

use super::gsm;
use super::model::{Alert, Channel, Outcome, Post};
use super::post::post_body;
use crate::message::Headers;

/// Twilio's API, unless `--twilio-api` points elsewhere.
pub const DEFAULT_API: &str = "https://api.twilio.com";

/// Where and as whom texts are sent.
pub struct Twilio {
    /// The API's base URL, without a trailing slash.
    pub api: String,
    pub account: String,
    pub token: String,
    pub from: String,
}

impl Twilio {
    pub fn messages_url(&self) -> String {
        format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            self.api, self.account
        )
    }
}

/// A phone number in E.164: `+`, then 2 to 15 digits, the first not 0.
pub fn e164(text: &str) -> std::result::Result<String, String> {
    let digits = text.strip_prefix('+').unwrap_or("");
    let ok = (2..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(text.to_string())
    } else {
        Err(
            "not a phone number in E.164 form: give + and the country code, e.g. +14155550100"
                .into(),
        )
    }
}

/// A Twilio account SID: `AC` and 32 hex digits.
pub fn account_sid(text: &str) -> std::result::Result<String, String> {
    let ok = text.len() == 34
        && text.starts_with("AC")
        && text[2..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(text.to_string())
    } else {
        Err(format!(
            "'{text}' is not a Twilio account SID (AC followed by 32 hex digits, from the Twilio console)"
        ))
    }
}

/// The text: what, when, why, within one segment.
pub fn text(a: &Alert) -> String {
    let at = a.at.format("%H:%M UTC");
    let last = match a.change.to {
        crate::cmd::monitor::state::Health::Down => format!(": {}", a.detail),
        _ => String::new(),
    };
    gsm::fit(&format!(
        "{} {at}: {} - {}{last}",
        a.headline(),
        a.endpoint,
        a.reason()
    ))
}

/// Sends the text, retrying 408, 429 (after its Retry-After) and 5xx answers.
pub async fn send(
    twilio: &Twilio,
    post: &Post,
    channel: &Channel,
    alert: &Alert,
) -> Result<Outcome> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("To", &channel.target)
        .append_pair("From", &twilio.from)
        .append_pair("Body", &text(alert))
        .finish()
        .into_bytes();
    let mut headers = Headers::new();
    headers.push("Content-Type", "application/x-www-form-urlencoded");
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", twilio.account, twilio.token));
    headers.push("Authorization", format!("Basic {basic}"));
    post_body(
        post,
        channel,
        alert,
        &twilio.messages_url(),
        headers,
        body,
        said,
    )
    .await
}

/// Twilio's answer in words: the message's SID when queued, its error code and message else.
fn said(r: &crate::store::ResponsePart) -> String {
    let json: serde_json::Value = serde_json::from_slice(&r.body.0).unwrap_or_default();
    let field = |k: &str| match &json[k] {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    };
    match (r.status, field("sid"), field("message")) {
        (200..=299, Some(sid), _) => format!("answered {}, message {sid}", r.status),
        (_, _, Some(m)) => match field("code") {
            Some(code) => format!("answered {} (Twilio error {code}: {m})", r.status),
            None => format!("answered {}: {m}", r.status),
        },
        _ => format!("answered {}", r.status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::monitor::alert::tests::alert;
    use crate::cmd::monitor::state::Health;

    #[test]
    fn numbers_must_be_e164() {
        assert!(e164("+14155550100").is_ok());
        for bad in [
            "12",
            "+1",
            "14155550100",
            "+0123456",
            "+1415555010012345",
            "+1 415",
        ] {
            assert!(e164(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn account_sids_start_ac_and_hold_32_hex_digits() {
        assert!(account_sid(&format!("AC{}", "a1".repeat(16))).is_ok());
        assert!(account_sid("SK123").is_err());
    }

    #[test]
    fn the_text_fits_one_segment_even_for_a_long_url() {
        let mut a = alert(Health::Down);
        a.endpoint = format!("https://api.example.com/{}", "very-long-path/".repeat(20));
        let t = text(&a);
        let (units, limit) = gsm::cost(&t);
        assert!(units <= limit, "{units} > {limit}: {t}");
        assert!(t.starts_with("DOWN "), "{t}");
        let short = text(&alert(Health::Down));
        assert!(
            short.ends_with("orders - 3 failed probes: connect: connection refused"),
            "{short}"
        );
    }
}
