//! A finished delivery: its signature verdict, its record (queued to the log's one writer), and
//! the line it is shown as.

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tokio_util::task::TaskTracker;

use super::event;
use super::tee::MAX_RECORDED_BODY;
use crate::cmd::shared::key_lookup;
use crate::config::Config;
use crate::message::{Delivery, Headers};
use crate::signature::{Keys, Reason, Registry, Scheme, Verdict, VerifyOptions, detect};
use crate::store::writer::LogWriter;
use crate::store::{Record, RequestPart, ResponsePart, Source, Status};

/// How `--verify-provider` checks each delivery.
pub enum Verifier {
    /// One named scheme, with the keys it verifies with.
    Fixed { scheme: Arc<dyn Scheme>, keys: Keys },
    /// `auto`: the schemes whose headers the delivery carries, as `verify` detects them, each
    /// with its own keys (the flags', else its saved ones).
    Auto {
        registry: Registry,
        secrets: Vec<String>,
        public_key: Option<String>,
        config: Config,
    },
}

impl Verifier {
    /// The verdict on `d` and the scheme that gave it; for `auto`, none when no scheme's
    /// signature header is present.
    fn check(&self, d: &Delivery) -> Option<(Arc<dyn Scheme>, Verdict)> {
        let opts = VerifyOptions::now();
        match self {
            Verifier::Fixed { scheme, keys } => {
                Some((scheme.clone(), scheme.verify(d, keys, &opts)))
            }
            Verifier::Auto {
                registry,
                secrets,
                public_key,
                config,
            } => key_lookup::first_valid(&detect(registry, &d.headers), |scheme| {
                // A blank secret in the config is a verdict on this delivery, not listen's end.
                Ok::<_, std::convert::Infallible>(
                    match key_lookup::verify_keys(scheme, secrets, public_key.clone(), config) {
                        Ok(keys) => scheme.verify(d, &keys, &opts),
                        Err(e) => Verdict::new(Reason::MissingSecret, format!("{e:#}")),
                    },
                )
            })
            .unwrap_or_else(|never| match never {}),
        }
    }
}

/// What listen did with a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Handling {
    /// Answered with `--respond` (receive-only mode).
    Received,
    /// Filtered out by `--events`.
    Skipped,
    Forwarded,
    Failed,
}

/// One delivery, as the printer shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Shown {
    pub id: String,
    pub time: DateTime<Utc>,
    pub method: String,
    pub path: String,
    pub event_type: Option<String>,
    /// What the sender was answered.
    pub status: u16,
    pub duration_ms: f64,
    pub outcome: Handling,
    pub target: Option<String>,
    pub error: Option<String>,
    pub signature: Option<SignatureShown>,
    pub tunnel: String,
    /// It waited in the relay's offline buffer.
    pub buffered: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SignatureShown {
    pub provider: String,
    pub valid: bool,
    pub reason: String,
}

/// Everything known about a delivery once its answer is complete.
pub struct Done {
    pub req_headers: Vec<(String, String)>,
    pub method: String,
    pub target: String,
    /// The local target it was sent to, once a route was picked.
    pub forwarded_to: Option<String>,
    pub public_url: String,
    pub tunnel: String,
    pub delivery_id: Option<String>,
    pub event_type: Option<String>,
    /// The body was looked at for the event type already.
    pub body_read: bool,
    pub started: Instant,
    pub at: DateTime<Utc>,
    pub body: Bytes,
    pub body_cut: bool,
    /// The request body broke off on its way from the relay: the target never had it whole.
    pub body_broke: bool,
    pub response: Option<ResponsePart>,
    pub status: Status,
    pub outcome: Handling,
    pub error: Option<String>,
    /// Earlier attempts at this buffered delivery that began forwarding and left no record.
    pub interrupted: u32,
    /// False when it must not be recorded (its attempt could not be noted): the relay keeps it.
    pub recordable: bool,
    /// A buffered delivery's turn, held until its record is written: a redelivery waits for it.
    pub turn: Option<super::turns::Turn>,
}

/// The note on a delivery whose earlier attempt may have reached the target: found by this text
/// in `error`, and by an `attempt` above 1.
pub const INTERRUPTED: &str = "an earlier attempt was interrupted after forwarding began (listen was stopped, or could not record it): the target may have received this delivery twice";

impl Done {
    /// The request body as the tee kept it while it streamed to the target.
    pub fn take_body(&mut self, copy: &super::tee::Copy) {
        let kept = std::mem::take(&mut *super::tee::lock(copy));
        self.body_cut = kept.cut;
        self.body_broke = kept.broke;
        self.body = kept.into_bytes();
    }
}

/// What finishing a delivery needs; shared by every request.
#[derive(Clone)]
pub struct Shared {
    pub verify: Option<Arc<Verifier>>,
    pub log: LogWriter,
    pub shown: mpsc::UnboundedSender<Shown>,
    /// Deliveries under way, so that stopping can wait for them to be recorded.
    pub working: TaskTracker,
    /// One attempt at a time per buffered delivery.
    pub turns: Arc<super::turns::Turns>,
    /// `--quiet`: no notes on stderr.
    pub quiet: bool,
}

impl Shared {
    /// Verifies, records and reports a finished delivery. A buffered one is waited for until its
    /// record is written (the relay may drop it from its buffer only then); any other is queued.
    /// Returns whether it was recorded: false only for a buffered one whose record failed, as
    /// any other counts as recorded once queued.
    pub async fn finish(&self, done: Done, answered: u16) -> bool {
        let duration_ms = done.started.elapsed().as_secs_f64() * 1000.0;
        let Done {
            req_headers,
            method,
            target,
            forwarded_to,
            public_url,
            tunnel,
            delivery_id,
            mut event_type,
            body_read,
            at,
            body,
            body_cut,
            response,
            status,
            outcome,
            error,
            interrupted,
            recordable,
            body_broke,
            // Held to the end: the next attempt at this delivery finds the record written.
            turn: _turn,
            ..
        } = done;
        if event_type.is_none() && !body_read {
            event_type = event::from_body(&body);
        }
        // The request moves into the delivery to verify and on into the record: a 32 MiB body
        // is never copied (`Vec::from` takes a Bytes nobody else holds without copying).
        let delivery = Delivery {
            method,
            url: Some(public_url),
            headers: Headers(req_headers),
            body: Vec::from(body),
        };
        let checked = self.verify.as_ref().map(|v| v.check(&delivery));
        let provider = checked
            .as_ref()
            .and_then(|c| c.as_ref().map(|(scheme, _)| scheme.info().id.clone()));
        let signature = checked.map(|c| match c {
            Some((scheme, verdict)) => SignatureShown {
                provider: scheme.info().id.clone(),
                valid: verdict.is_valid(),
                reason: verdict.reason.as_str().to_string(),
            },
            // No known signature header at all: for a receiver that verifies, a missing one.
            None => SignatureShown {
                provider: "auto".into(),
                valid: false,
                reason: Reason::MissingHeader.as_str().into(),
            },
        });
        let method = delivery.method.clone();
        let mut request = RequestPart::from(delivery);
        // The record points where the delivery went, so that replay goes there too.
        if let Some(to) = &forwarded_to {
            request.url = to.clone();
        }
        let mut record = Record::new(Source::Listen, request);
        if let Some(did) = &delivery_id {
            // Stable across redeliveries: the log keeps one record of a buffered request.
            record.id = format!("dlv_{did}");
        }
        record.created_at = at;
        record.event_type = event_type.clone();
        record.provider = provider;
        record.status = status;
        record.duration_ms = Some(duration_ms);
        let mut error = error;
        let mut note = |n: String| {
            error = Some(match error.take() {
                Some(e) => format!("{e}; {n}"),
                None => n,
            });
        };
        if interrupted > 0 {
            note(INTERRUPTED.to_string());
        }
        if body_cut {
            note(format!("body recorded cut at {MAX_RECORDED_BODY} bytes"));
        }
        record.attempt = interrupted + 1;
        record.error = error.clone();
        record.response = response;
        record.tunnel = Some(tunnel.clone());
        let id = record.id.clone();
        let buffered = delivery_id.is_some();
        // A buffered one whose body broke off is left to the relay, which delivers it again whole:
        // recorded, it would be taken for handled and never reach the target whole.
        let stored = if !recordable || (buffered && body_broke) {
            None
        } else if buffered {
            Some(self.log.record_and_confirm(record).await)
        } else {
            // A batch that fails is reported by the writer itself, once for all its records.
            Some(self.log.record(record).await)
        };
        let (error, recorded) = match stored {
            None if body_broke => (
                Some(format!(
                    "{}; not recorded: the relay delivers it again",
                    error.as_deref().unwrap_or("the request body broke off")
                )),
                false,
            ),
            None => (error, false),
            Some(Ok(())) => (error, true),
            // Nothing waits on one that was not buffered: the sender has its answer either way.
            Some(Err(e)) => (
                Some(format!("not recorded in the delivery log: {e}")),
                !buffered,
            ),
        };
        let _ = self.shown.send(Shown {
            id,
            time: at,
            method,
            path: target,
            event_type,
            status: answered,
            duration_ms,
            outcome,
            target: forwarded_to,
            error,
            signature,
            tunnel,
            buffered,
        });
        recorded
    }
}
