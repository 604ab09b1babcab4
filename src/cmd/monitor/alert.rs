//! Alerts where the team lives: a Slack incoming webhook (Block Kit), a Microsoft Teams message
//! card, or any receiver as a JSON event signed with Standard Webhooks.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use serde_json::{Value, json};

use super::state::{Change, Health};
use crate::bail_usage;
use crate::http::{Outgoing, Sender, target_url};
use crate::message::{Delivery, Headers};
use crate::retry::{self, Policy};
use crate::signature::{self, KeyMaterial, Scheme};
use crate::store::{Source, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Slack,
    Teams,
    Webhook,
}

/// One `--alert` destination.
#[derive(Debug, Clone)]
pub struct Channel {
    pub kind: Kind,
    pub url: String,
}

impl Channel {
    /// `slack:URL`, `teams:URL` or `webhook:URL`.
    pub fn parse(text: &str) -> Result<Channel> {
        let Some((kind, url)) = text.split_once(':') else {
            bail_usage!("--alert '{text}' needs a kind: slack:URL, teams:URL or webhook:URL");
        };
        let kind = match kind {
            "slack" => Kind::Slack,
            "teams" => Kind::Teams,
            "webhook" => Kind::Webhook,
            other => bail_usage!(
                "--alert kind '{other}' is not one of slack, teams, webhook (e.g. --alert slack:https://hooks.slack.com/services/…)"
            ),
        };
        let url = target_url(url, "--alert").map_err(crate::output::usage)?;
        Ok(Channel {
            kind,
            url: url.to_string(),
        })
    }

    pub fn label(&self) -> &'static str {
        match self.kind {
            Kind::Slack => "slack",
            Kind::Teams => "teams",
            Kind::Webhook => "webhook",
        }
    }
}

/// What happened, in the words every channel uses.
#[derive(Debug, Clone)]
pub struct Alert {
    pub endpoint: String,
    pub url: String,
    pub change: Change,
    /// The last probe's result.
    pub detail: String,
    pub availability: f64,
    pub p95_ms: Option<f64>,
    pub window: usize,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Alert {
    /// `endpoint.down`, `endpoint.degraded`, `endpoint.recovered`.
    pub fn event_type(&self) -> &'static str {
        match self.change.to {
            Health::Down => "endpoint.down",
            Health::Degraded => "endpoint.degraded",
            _ => "endpoint.recovered",
        }
    }

    pub fn title(&self) -> String {
        match self.change.to {
            Health::Down => format!("🔴 {} is down", self.endpoint),
            Health::Degraded => format!("🟠 {} is degraded", self.endpoint),
            _ => format!("🟢 {} recovered", self.endpoint),
        }
    }

    fn numbers(&self) -> String {
        let p95 = self
            .p95_ms
            .map(|p| format!(" · p95 {p:.0} ms"))
            .unwrap_or_default();
        format!(
            "availability {:.0}% over the last {} probes{p95}",
            self.availability * 100.0,
            self.window
        )
    }
}

/// The body a channel expects.
pub fn payload(kind: &Kind, a: &Alert) -> Value {
    let was = format!("was {}", a.change.from.as_str());
    match kind {
        Kind::Slack => json!({
            "text": a.title(),
            "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": a.title(), "emoji": true}},
                {"type": "section", "text": {"type": "mrkdwn",
                    "text": format!("*{}* ({was})\n<{}>\n{}", a.change.to.as_str(), a.url, a.detail)}},
                {"type": "context", "elements": [{"type": "mrkdwn",
                    "text": format!("{} · {} · hookctl monitor", a.numbers(), a.at.to_rfc3339())}]}
            ]
        }),
        Kind::Teams => json!({
            "@type": "MessageCard",
            "@context": "https://schema.org/extensions",
            "summary": a.title(),
            "themeColor": match a.change.to {
                Health::Down => "D13438",
                Health::Degraded => "FF8C00",
                _ => "2EB886",
            },
            "title": a.title(),
            "sections": [{
                "activityTitle": a.url,
                "activitySubtitle": "hookctl monitor",
                "text": a.detail,
                "facts": [
                    {"name": "State", "value": format!("{} ({was})", a.change.to.as_str())},
                    {"name": "Availability", "value": format!("{:.0}% over {} probes", a.availability * 100.0, a.window)},
                    {"name": "p95", "value": a.p95_ms.map(|p| format!("{p:.0} ms")).unwrap_or_else(|| "n/a".into())},
                    {"name": "At", "value": a.at.to_rfc3339()}
                ]
            }],
            "potentialAction": [{"@type": "OpenUri", "name": "Open endpoint",
                "targets": [{"os": "default", "uri": a.url}]}]
        }),
        // The Standard Webhooks envelope: type, timestamp, data.
        Kind::Webhook => json!({
            "type": a.event_type(),
            "timestamp": a.at.to_rfc3339(),
            "data": {
                "endpoint": a.endpoint,
                "url": a.url,
                "state": a.change.to,
                "previous_state": a.change.from,
                "detail": a.detail,
                "availability": a.availability,
                "p95_ms": a.p95_ms,
            }
        }),
    }
}

/// How webhook: alerts are signed.
pub struct Signer {
    pub scheme: Arc<dyn Scheme>,
    pub key: KeyMaterial,
}

/// Sends one alert to one channel, retrying twice; returns whether it was delivered and the
/// last attempt's outcome in words.
pub async fn send(
    sender: &Sender,
    channel: &Channel,
    alert: &Alert,
    signer: Option<&Signer>,
    timeout: Duration,
) -> Result<(bool, String)> {
    let body = serde_json::to_vec(&payload(&channel.kind, alert))?;
    let mut headers = Headers::new();
    headers.push("Content-Type", "application/json");
    let mut delivery = Delivery {
        method: "POST".into(),
        url: Some(channel.url.clone()),
        headers,
        body,
    };
    if channel.kind == Kind::Webhook {
        let Some(signer) = signer else {
            anyhow::bail!("no secret to sign webhook alerts with");
        };
        let req = signer
            .key
            .sign_request(alert.at.timestamp(), signature::new_message_id());
        signature::attach(signer.scheme.as_ref(), &mut delivery, req)
            .map_err(|e| anyhow::anyhow!("cannot sign the alert: {e}"))?;
    }
    let policy = Policy {
        retries: 2,
        base: Duration::from_millis(500),
        max: Duration::from_secs(5),
    };
    let attempts = retry::deliver(policy, |attempt, retries_left, first| {
        let mut out = Outgoing::new(
            Source::Validate,
            "POST",
            &channel.url,
            delivery.headers.clone(),
            delivery.body.clone(),
        );
        out.event_type = Some(alert.event_type().to_string());
        out.attempt = attempt;
        out.retries_left = retries_left;
        out.retry_of = first;
        out.timeout = timeout;
        let sender = sender.clone();
        async move { sender.send(out).await }
    })
    .await?;
    let Some(last) = attempts.last() else {
        return Ok((false, "not sent".into()));
    };
    let delivered = last.status == Status::Delivered;
    let said = match (&last.response, &last.error) {
        (Some(r), _) => format!("answered {}", r.status),
        (None, Some(e)) => e.clone(),
        _ => "no answer".into(),
    };
    Ok((delivered, said))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(to: Health) -> Alert {
        Alert {
            endpoint: "orders".into(),
            url: "https://x.test/hook".into(),
            change: Change {
                from: Health::Up,
                to,
            },
            detail: "connect: connection refused".into(),
            availability: 0.85,
            p95_ms: Some(120.0),
            window: 20,
            at: chrono::Utc::now(),
        }
    }

    #[test]
    fn channels_parse_with_their_kind() {
        let c = Channel::parse("slack:https://hooks.slack.com/services/T/B/X").unwrap();
        assert_eq!(c.kind, Kind::Slack);
        assert_eq!(c.url, "https://hooks.slack.com/services/T/B/X");
        assert!(Channel::parse("pager:https://x").is_err());
        assert!(Channel::parse("https://x").is_err());
        assert!(Channel::parse("webhook:ftp://x").is_err());
    }

    #[test]
    fn each_channel_gets_its_own_shape() {
        let a = alert(Health::Down);
        let s = payload(&Kind::Slack, &a);
        assert_eq!(s["blocks"][0]["type"], "header");
        assert_eq!(s["text"], "🔴 orders is down");
        let t = payload(&Kind::Teams, &a);
        assert_eq!(t["@type"], "MessageCard");
        assert_eq!(t["themeColor"], "D13438");
        let w = payload(&Kind::Webhook, &alert(Health::Up));
        assert_eq!(w["type"], "endpoint.recovered");
        assert_eq!(w["data"]["state"], "up");
        assert_eq!(w["data"]["previous_state"], "up");
    }
}
