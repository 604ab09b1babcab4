//! What `hookctl listen` does with each delivery: filter by event type, forward to its own
//! target (or answer in receive-only mode), verify the signature, record it in the delivery log
//! with what localhost answered, and report it for printing.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use globset::GlobMatcher;
use hookctl_relay::client::{self, BoxFuture, Handler, TunnelRequest, TunnelResponse};
use hookctl_relay::forward::{Forwarder, NoDestination, Routes};
use http_body::Frame;
use http_body_util::{BodyExt, Full, StreamBody};
use tokio::sync::mpsc;

use super::tee::Tee;
use crate::signature::{Delivery, Headers, Keys, Scheme, VerifyOptions};
use crate::store::{Body, Record, RequestPart, ResponsePart, Source, Status, Store};

/// Request bodies larger than this are recorded cut short (and say so in `error`).
pub const MAX_RECORDED_BODY: usize = 32 * 1024 * 1024;

/// Responses are recorded up to this size: webhook answers are small.
const MAX_RECORDED_RESPONSE: usize = 1024 * 1024;

/// Headers providers put the event type in; the body's `type` field is tried after them.
const EVENT_HEADERS: &[&str] = &[
    "x-github-event",
    "x-gitlab-event",
    "x-event-key",
    "x-shopify-topic",
    "linear-event",
    "x-twitch-eventsub-subscription-type",
    "x-event-type",
    "x-webhook-event",
];

/// Body fields that name the event, in order of preference.
const EVENT_FIELDS: &[&str] = &["type", "event_type", "eventType", "event", "topic"];

pub struct Verifier {
    pub scheme: Arc<dyn Scheme>,
    pub keys: Keys,
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
    /// forwarded | received | skipped | failed
    pub outcome: &'static str,
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

pub struct ListenHandler {
    pub routes: Routes,
    pub respond: u16,
    pub events: Vec<GlobMatcher>,
    pub verify: Option<Arc<Verifier>>,
    pub forwarder: Forwarder,
    pub store: Arc<Mutex<Store>>,
    pub shown: mpsc::UnboundedSender<Shown>,
}

/// Everything known about a delivery once its answer is complete.
struct Done {
    req_headers: Vec<(String, String)>,
    method: String,
    target: String,
    url: String,
    public_url: String,
    tunnel: String,
    delivery_id: Option<String>,
    event_type: Option<String>,
    started: Instant,
    at: DateTime<Utc>,
    body: Vec<u8>,
    body_cut: bool,
    response: Option<ResponsePart>,
    status: Status,
    outcome: &'static str,
    error: Option<String>,
}

fn text_response(status: u16, text: String) -> TunnelResponse {
    TunnelResponse {
        status,
        headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
        body: client::body(Full::new(Bytes::from(text))),
    }
}

impl ListenHandler {
    fn ctx(&self) -> Shared {
        Shared {
            verify: self.verify.clone(),
            store: self.store.clone(),
            shown: self.shown.clone(),
        }
    }
}

/// What a delivery's last step (recording and printing) needs, owned.
#[derive(Clone)]
struct Shared {
    verify: Option<Arc<Verifier>>,
    store: Arc<Mutex<Store>>,
    shown: mpsc::UnboundedSender<Shown>,
}

impl Handler for ListenHandler {
    fn handle(&self, req: TunnelRequest) -> BoxFuture<TunnelResponse> {
        let routes = self.routes.clone();
        let respond = self.respond;
        let events = self.events.clone();
        let forwarder = self.forwarder.clone();
        let shared = self.ctx();
        Box::pin(async move { handle(req, routes, respond, events, forwarder, shared).await })
    }
}

async fn handle(
    req: TunnelRequest,
    routes: Routes,
    respond: u16,
    events: Vec<GlobMatcher>,
    forwarder: Forwarder,
    shared: Shared,
) -> TunnelResponse {
    let started = Instant::now();
    let at = Utc::now();
    let public_url = public_url(&req);
    // A buffered request whose record exists was handled before its acknowledgement was lost.
    if let Some(did) = &req.delivery_id {
        let id = format!("dlv_{did}");
        let store = shared.store.clone();
        let seen = tokio::task::spawn_blocking(move || {
            store
                .lock()
                .map(|s| s.get(&id).ok().flatten().is_some())
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        if seen {
            return text_response(200, "already recorded by hookctl listen\n".into());
        }
    }
    let mut done = Done {
        req_headers: req.headers.clone(),
        method: req.method.clone(),
        target: req.target.clone(),
        url: public_url.clone(),
        public_url,
        tunnel: req.tunnel.clone(),
        delivery_id: req.delivery_id.clone(),
        event_type: event_from_headers(&req.headers),
        started,
        at,
        body: Vec::new(),
        body_cut: false,
        response: None,
        status: Status::Received,
        outcome: "received",
        error: None,
    };
    // The body is needed before forwarding only to filter by a type it carries, or to answer
    // in receive-only mode; otherwise it streams through.
    let need_body = routes.is_empty() || (!events.is_empty() && done.event_type.is_none());
    let mut whole: Option<Bytes> = None;
    let mut body = Some(req.body);
    if need_body {
        match read_capped(body.take().expect("body")).await {
            Ok((b, cut)) => {
                done.body = b.to_vec();
                done.body_cut = cut;
                whole = Some(b);
            }
            Err(e) => {
                done.status = Status::Failed;
                done.outcome = "failed";
                done.error = Some(format!("the request body broke off: {e}"));
                finish(done, shared, 400).await;
                return text_response(400, "the request body broke off\n".into());
            }
        }
        if done.event_type.is_none() {
            done.event_type = event_from_body(&done.body);
        }
    }
    if !events.is_empty() {
        let wanted = done
            .event_type
            .as_deref()
            .is_some_and(|t| events.iter().any(|g| g.is_match(t)));
        if !wanted {
            done.outcome = "skipped";
            let text = "not forwarded: hookctl listen --events filters this event type out\n";
            done.response = Some(plain_part(200, text));
            finish(done, shared, 200).await;
            return text_response(200, text.into());
        }
    }
    if routes.is_empty() {
        done.response = Some(ResponsePart {
            status: respond,
            headers: Headers::new(),
            body: Body::default(),
        });
        finish(done, shared, respond).await;
        return TunnelResponse {
            status: respond,
            headers: vec![],
            body: client::body(http_body_util::Empty::<Bytes>::new()),
        };
    }
    let uri = match routes.pick(&req.target) {
        Ok((_, uri)) => uri,
        Err(e) => {
            let status = match e {
                NoDestination::NoRoute(_) => 404,
                NoDestination::BadTarget(_) => 400,
            };
            done.status = Status::Failed;
            done.outcome = "failed";
            done.error = Some(e.to_string());
            let text = format!("hookctl listen: {e}\n");
            done.response = Some(plain_part(status, &text));
            finish(done, shared, status).await;
            return text_response(status, text);
        }
    };
    done.url = uri.to_string();
    let copy = Arc::new(Mutex::new((Vec::new(), false)));
    let mut leftover = None;
    let out_body = match (whole, body.take()) {
        (Some(b), _) => Full::new(b).map_err(|e| match e {}).boxed_unsync(),
        (None, Some(b)) => {
            let (tee, shared) = Tee::new(b, copy.clone(), MAX_RECORDED_BODY);
            leftover = Some(shared);
            tee.map_err(Into::into).boxed_unsync()
        }
        (None, None) => http_body_util::Empty::new()
            .map_err(|e| match e {})
            .boxed_unsync(),
    };
    let collected_before = !done.body.is_empty() || need_body;
    let result = forwarder
        .send(&req.method, uri, &req.headers, out_body)
        .await;
    match result {
        Err(e) => {
            // The target never read the body: read it here so the record can be replayed.
            if let Some(shared) = &leftover {
                Tee::drain_into(shared, &copy, MAX_RECORDED_BODY).await;
            }
            take_copy(&mut done, &copy, collected_before);
            done.status = Status::Failed;
            done.outcome = "failed";
            done.error = Some(e.to_string());
            let text = format!("hookctl listen: {e}\n");
            done.response = Some(plain_part(502, &text));
            finish(done, shared, 502).await;
            text_response(502, text)
        }
        Ok(resp) => {
            let status = resp.status().as_u16();
            let headers: Vec<(String, String)> = resp
                .headers()
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect();
            let (tx, rx) = mpsc::channel::<Result<Frame<Bytes>, hookctl_relay::mux::BoxError>>(8);
            let resp_headers = headers.clone();
            // The answer streams back while a copy is kept; the record is written before the
            // stream ends, so the relay's acknowledgement of a buffered request follows it.
            tokio::spawn(async move {
                let mut body = resp.into_body();
                let mut kept = Vec::new();
                let mut broke = None;
                while let Some(frame) = body.frame().await {
                    match frame {
                        Ok(f) => {
                            if let Some(d) = f.data_ref() {
                                let room = MAX_RECORDED_RESPONSE.saturating_sub(kept.len());
                                kept.extend_from_slice(&d[..d.len().min(room)]);
                            }
                            if tx.send(Ok(f)).await.is_err() {
                                broke = Some("the sender went away".to_string());
                                break;
                            }
                        }
                        Err(e) => {
                            broke = Some(format!("the answer broke off: {e}"));
                            let _ = tx.send(Err(Box::new(e))).await;
                            break;
                        }
                    }
                }
                take_copy(&mut done, &copy, collected_before);
                done.response = Some(ResponsePart {
                    status,
                    headers: Headers(resp_headers),
                    body: Body(kept),
                });
                done.outcome = "forwarded";
                if let Some(b) = broke {
                    done.status = Status::Failed;
                    done.error = Some(b);
                } else if (200..300).contains(&status) {
                    done.status = Status::Delivered;
                } else {
                    done.status = Status::Failed;
                    done.error = Some(format!("answered {status}"));
                }
                finish(done, shared, status).await;
                drop(tx);
            });
            let stream = futures_util::stream::unfold(rx, |mut rx| async move {
                rx.recv().await.map(|item| (item, rx))
            });
            TunnelResponse {
                status,
                headers,
                body: client::body(StreamBody::new(stream)),
            }
        }
    }
}

/// The streamed request body's copy, once the target has read it.
fn take_copy(done: &mut Done, copy: &super::tee::Copy, collected_before: bool) {
    if !collected_before {
        let (b, cut) = std::mem::take(&mut *copy.lock().unwrap_or_else(|p| p.into_inner()));
        done.body = b;
        done.body_cut = cut;
    }
}

fn plain_part(status: u16, text: &str) -> ResponsePart {
    ResponsePart {
        status,
        headers: [("content-type", "text/plain; charset=utf-8")]
            .into_iter()
            .collect(),
        body: Body(text.as_bytes().to_vec()),
    }
}

/// Reads a body whole, keeping at most `MAX_RECORDED_BODY` bytes (the rest is read and dropped).
async fn read_capped(
    mut body: hookctl_relay::mux::BodyStream,
) -> Result<(Bytes, bool), hookctl_relay::mux::BodyError> {
    let mut out = Vec::new();
    let mut cut = false;
    while let Some(frame) = body.frame().await {
        if let Ok(d) = frame?.into_data() {
            let room = MAX_RECORDED_BODY.saturating_sub(out.len());
            cut |= d.len() > room;
            out.extend_from_slice(&d[..d.len().min(room)]);
        }
    }
    Ok((Bytes::from(out), cut))
}

/// The URL the sender posted to, from the relay's `X-Forwarded-*` headers.
fn public_url(req: &TunnelRequest) -> String {
    let h = |name: &str| {
        req.headers
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let proto = h("x-forwarded-proto").unwrap_or("http");
    let host = h("x-forwarded-host").or(h("host")).unwrap_or("relay");
    format!("{proto}://{host}/t/{}{}", req.tunnel, req.target)
}

pub fn event_from_headers(headers: &[(String, String)]) -> Option<String> {
    EVENT_HEADERS.iter().find_map(|want| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(want))
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

pub fn event_from_body(body: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    EVENT_FIELDS
        .iter()
        .find_map(|f| v.get(f).and_then(|t| t.as_str()).map(String::from))
}

/// Verifies, records and reports a finished delivery.
async fn finish(done: Done, shared: Shared, answered: u16) {
    let duration_ms = done.started.elapsed().as_secs_f64() * 1000.0;
    let mut done = done;
    if done.event_type.is_none() {
        done.event_type = event_from_body(&done.body);
    }
    let signature = shared.verify.as_ref().map(|v| {
        let delivery = Delivery {
            method: done.method.clone(),
            url: Some(done.public_url.clone()),
            headers: Headers(done.req_headers.clone()),
            body: done.body.clone(),
        };
        let verdict = v.scheme.verify(&delivery, &v.keys, &VerifyOptions::now());
        SignatureShown {
            provider: v.scheme.info().id.clone(),
            valid: verdict.is_valid(),
            reason: verdict.reason.as_str().to_string(),
        }
    });
    let mut record = Record::new(
        Source::Listen,
        RequestPart {
            method: done.method.clone(),
            url: done.url.clone(),
            headers: Headers(done.req_headers),
            body: Body(done.body),
        },
    );
    if let Some(did) = &done.delivery_id {
        // Stable across redeliveries: the log keeps one record of a buffered request.
        record.id = format!("dlv_{did}");
    }
    record.created_at = done.at;
    record.event_type = done.event_type.clone();
    record.provider = signature.as_ref().map(|s| s.provider.clone());
    record.status = done.status;
    record.duration_ms = Some(duration_ms);
    let mut error = done.error.clone();
    if done.body_cut {
        let note = format!("body recorded cut at {MAX_RECORDED_BODY} bytes");
        error = Some(match error {
            Some(e) => format!("{e}; {note}"),
            None => note,
        });
    }
    record.error = error.clone();
    record.response = done.response;
    record.tunnel = Some(done.tunnel.clone());
    let id = record.id.clone();
    let store = shared.store.clone();
    let stored = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let s = store
            .lock()
            .map_err(|_| anyhow::anyhow!("the delivery log lock was poisoned"))?;
        s.insert(&record)?;
        Ok(())
    })
    .await;
    let error = match stored {
        Ok(Ok(())) => error,
        Ok(Err(e)) => Some(format!("not recorded in the delivery log: {e:#}")),
        Err(e) => Some(format!("not recorded in the delivery log: {e}")),
    };
    let _ = shared.shown.send(Shown {
        id,
        time: done.at,
        method: done.method,
        path: done.target,
        event_type: done.event_type,
        status: answered,
        duration_ms,
        outcome: done.outcome,
        target: (done.outcome == "forwarded" || done.url != done.public_url).then_some(done.url),
        error,
        signature,
        tunnel: done.tunnel,
        buffered: done.delivery_id.is_some(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_come_from_provider_headers_then_the_body() {
        let h = vec![("X-GitHub-Event".to_string(), "push".to_string())];
        assert_eq!(event_from_headers(&h).as_deref(), Some("push"));
        assert_eq!(event_from_headers(&[]), None);
        assert_eq!(
            event_from_body(br#"{"id":"evt_1","type":"invoice.paid"}"#).as_deref(),
            Some("invoice.paid")
        );
        assert_eq!(
            event_from_body(br#"{"event_type":"order.created"}"#).as_deref(),
            Some("order.created")
        );
        assert_eq!(event_from_body(b"a=1&type=x"), None);
        assert_eq!(event_from_body(br#"{"type":{"nested":1}}"#), None);
    }
}
