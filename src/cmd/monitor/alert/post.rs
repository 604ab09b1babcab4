//! The one HTTP send path of the alerts that go out over HTTP (Slack, Teams, webhooks, Twilio's
//! API): through `http::Sender`, with the alert retry policy and one stderr line per failed
//! attempt.

use anyhow::Result;

use super::model::{Alert, Channel, Outcome, POLICY, Post, report_failed_attempt};
use crate::http::Outgoing;
use crate::message::Headers;
use crate::store::{Record, ResponsePart, Source, Status};

/// Posts `body` to `url`; `said` words a response ("answered 200", Twilio's message SID).
pub async fn post_body(
    post: &Post,
    channel: &Channel,
    alert: &Alert,
    url: &str,
    headers: Headers,
    body: Vec<u8>,
    said: impl Fn(&ResponsePart) -> String,
) -> Result<Outcome> {
    let attempts = crate::retry::deliver(POLICY, |attempt, retries_left, first| {
        let mut out = Outgoing::new(Source::Validate, "POST", url, headers.clone(), body.clone());
        out.event_type = Some(alert.event_type().to_string());
        out.attempt = attempt;
        out.retries_left = retries_left;
        out.retry_of = first;
        out.timeout = post.timeout;
        let sender = post.sender.clone();
        let said = &said;
        async move {
            let r = sender.send(out).await?;
            if r.status != Status::Delivered {
                let retrying = r.status == Status::Failed;
                report_failed_attempt(channel, alert, attempt, retrying, &outcome(&r, said));
            }
            Ok(r)
        }
    })
    .await?;
    let Some(last) = attempts.last() else {
        return Ok(Outcome {
            delivered: false,
            detail: "not sent".into(),
            attempts: 0,
        });
    };
    Ok(Outcome {
        delivered: last.status == Status::Delivered,
        detail: outcome(last, &said),
        attempts: attempts.len() as u32,
    })
}

/// What one attempt came to, in words: the answer as `said` words it, or the error.
fn outcome(r: &Record, said: &impl Fn(&ResponsePart) -> String) -> String {
    match (&r.response, &r.error) {
        (Some(resp), _) => said(resp),
        (None, Some(e)) => e.clone(),
        _ => "no answer".into(),
    }
}
