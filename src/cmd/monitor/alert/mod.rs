//! Alerts where the team lives: Slack, Teams, a signed webhook, email or SMS — which channels
//! fire for a change, and each send retried with backoff, a failed attempt one line on stderr.

pub mod chat;
pub mod email;
pub mod gsm;
pub mod model;
pub mod post;
pub mod sms;

use anyhow::Result;

use crate::bail_usage;
use crate::http::target_url;
pub use model::{Alert, Channel, Kind, Outcome, POLICY, Post, Signer};

/// Everything the channels send with, resolved once per run.
pub struct Outbox {
    pub post: Post,
    pub signer: Option<Signer>,
    pub smtp: Option<email::Smtp>,
    pub twilio: Option<sms::Twilio>,
}

const KINDS: &str = "slack:URL, teams:URL, webhook:URL, email:ADDRESS or sms:+NUMBER";

impl Channel {
    /// `slack:URL`, `teams:URL`, `webhook:URL`, `email:ADDRESS` or `sms:+E164`.
    pub fn parse(text: &str) -> Result<Channel> {
        let Some((kind, rest)) = text.split_once(':') else {
            bail_usage!("--alert '{text}' needs a kind: {KINDS}");
        };
        let kind = match kind {
            "slack" => Kind::Slack,
            "teams" => Kind::Teams,
            "webhook" => Kind::Webhook,
            "email" => Kind::Email,
            "sms" => Kind::Sms,
            other => bail_usage!(
                "--alert kind '{other}' is not one of slack, teams, webhook, email, sms (e.g. --alert slack:https://hooks.slack.com/services/… or --alert email:oncall@example.com)"
            ),
        };
        let target = match kind {
            Kind::Email => email::address(rest)
                .map_err(|e| crate::output::usage(format!("--alert email:{rest}: {e}")))?
                .to_string(),
            Kind::Sms => sms::e164(rest)
                .map_err(|e| crate::output::usage(format!("--alert sms:{rest}: {e}")))?,
            _ => target_url(rest, "--alert")
                .map_err(crate::output::usage)?
                .to_string(),
        };
        Ok(Channel { kind, target })
    }
}

/// Sends one alert to one channel, retrying what may pass on another try.
pub async fn send(outbox: &Outbox, channel: &Channel, alert: &Alert) -> Outcome {
    let r = match channel.kind {
        Kind::Email => match &outbox.smtp {
            Some(smtp) => email::send(smtp, &outbox.post, channel, alert).await,
            None => Err(anyhow::anyhow!("no SMTP server to send email with")),
        },
        Kind::Sms => match &outbox.twilio {
            Some(twilio) => sms::send(twilio, &outbox.post, channel, alert).await,
            None => Err(anyhow::anyhow!("no Twilio account to send texts with")),
        },
        _ => chat::send(&outbox.post, outbox.signer.as_ref(), channel, alert).await,
    };
    r.unwrap_or_else(|e| Outcome {
        delivered: false,
        detail: format!("{e:#}"),
        attempts: 0,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cmd::monitor::state::{Change, Health};

    pub(crate) fn alert(to: Health) -> Alert {
        Alert {
            endpoint: "orders".into(),
            url: "https://x.test/hook".into(),
            change: Change {
                from: Health::Up,
                to,
            },
            detail: "connect: connection refused".into(),
            last_ms: None,
            failures: 3,
            availability: 0.85,
            p95_ms: Some(120.0),
            window: 20,
            at: chrono::Utc::now(),
            since: None,
        }
    }

    #[test]
    fn channels_parse_with_their_kind() {
        let c = Channel::parse("slack:https://hooks.slack.com/services/T/B/X").unwrap();
        assert_eq!(c.kind, Kind::Slack);
        assert_eq!(c.target, "https://hooks.slack.com/services/T/B/X");
        let c = Channel::parse("email:oncall@example.com").unwrap();
        assert_eq!(
            (c.kind, c.target.as_str()),
            (Kind::Email, "oncall@example.com")
        );
        let c = Channel::parse("sms:+14155550100").unwrap();
        assert_eq!((c.kind, c.target.as_str()), (Kind::Sms, "+14155550100"));
        assert!(Channel::parse("pager:https://x").is_err());
        assert!(Channel::parse("https://x").is_err());
        assert!(Channel::parse("webhook:ftp://x").is_err());
        assert!(Channel::parse("email:not-an-address").is_err());
        assert!(Channel::parse("sms:12").is_err());
    }

    #[test]
    fn sms_fires_for_down_and_its_recovery_and_degraded_only_when_asked() {
        let sms = Channel::parse("sms:+14155550100").unwrap();
        let c = |from, to| Change { from, to };
        assert!(sms.fires_for(c(Health::Up, Health::Down), false));
        assert!(sms.fires_for(c(Health::Down, Health::Up), false));
        assert!(!sms.fires_for(c(Health::Up, Health::Degraded), false));
        assert!(!sms.fires_for(c(Health::Degraded, Health::Up), false));
        assert!(sms.fires_for(c(Health::Up, Health::Degraded), true));
        assert!(sms.fires_for(c(Health::Degraded, Health::Up), true));
        let email = Channel::parse("email:a@example.com").unwrap();
        assert!(email.fires_for(c(Health::Up, Health::Degraded), false));
    }

    #[test]
    fn reasons_a_person_can_triage() {
        let mut a = alert(Health::Down);
        assert_eq!(
            (a.headline(), a.reason().as_str()),
            ("DOWN", "3 failed probes")
        );
        a.change = Change {
            from: Health::Down,
            to: Health::Up,
        };
        a.since = Some(a.at - chrono::Duration::seconds(250));
        assert_eq!(
            (a.headline(), a.reason().as_str()),
            ("RECOVERED", "down for 4m 10s")
        );
        assert_eq!(alert(Health::Degraded).reason(), "p95 120 ms");
    }
}
