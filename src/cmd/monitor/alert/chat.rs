//! The HTTP channels: a Slack incoming webhook (Block Kit), a Microsoft Teams message card, or
//! any receiver as a JSON event signed with Standard Webhooks.

use anyhow::Result;
use serde_json::{Value, json};

use super::model::{Alert, Channel, Kind, Outcome, Post, Signer};
use super::post::post_body;
use crate::cmd::monitor::state::Health;
use crate::message::{Delivery, Headers};
use crate::signature;

/// The body a channel expects.
pub fn payload(kind: Kind, a: &Alert) -> Value {
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
        _ => json!({
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

/// Posts the alert as JSON (signed for webhook:), retrying 408, 429 and 5xx answers and
/// network failures.
pub async fn send(
    post: &Post,
    signer: Option<&Signer>,
    channel: &Channel,
    alert: &Alert,
) -> Result<Outcome> {
    let body = serde_json::to_vec(&payload(channel.kind, alert))?;
    let mut headers = Headers::new();
    headers.push("Content-Type", "application/json");
    let mut delivery = Delivery {
        method: "POST".into(),
        url: Some(channel.target.clone()),
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
    let said = |r: &crate::store::ResponsePart| format!("answered {}", r.status);
    post_body(
        post,
        channel,
        alert,
        &channel.target,
        delivery.headers,
        delivery.body,
        said,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::monitor::alert::tests::alert;

    #[test]
    fn each_channel_gets_its_own_shape() {
        let a = alert(Health::Down);
        let s = payload(Kind::Slack, &a);
        assert_eq!(s["blocks"][0]["type"], "header");
        assert_eq!(s["text"], "🔴 orders is down");
        let t = payload(Kind::Teams, &a);
        assert_eq!(t["@type"], "MessageCard");
        assert_eq!(t["themeColor"], "D13438");
        let w = payload(Kind::Webhook, &alert(Health::Up));
        assert_eq!(w["type"], "endpoint.recovered");
        assert_eq!(w["data"]["state"], "up");
        assert_eq!(w["data"]["previous_state"], "up");
    }
}
