//! The target's answer on its way back through the tunnel, with a copy kept for the record.
//! Its last frame is held back until the record is queued — so a sender that has its whole
//! answer has a record even if listen stops that instant, and the printed lines keep the order
//! of the answers — or, for a delivery from the relay's buffer, written: the relay's
//! acknowledgement follows the end. Queueing is quick; the writing is the log's thread's.
//!
//! A small answer of known length (nearly every webhook answer) is read whole right here and
//! goes back as one piece; only a larger one streams, through a task of its own. The task, its
//! channel and the wakeups between them were a share of listen's work on every delivery.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hookctl_relay::client::{self, TunnelResponse};
use hookctl_relay::shared::mux::BoxError;
use http_body::{Body as HttpBody, Frame, SizeHint};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use tokio::sync::mpsc;

use super::finish::{Done, Handling, Shared};
use super::respond::{answered, text_response};
use super::tee::{Copy, Kept};
use crate::message::Headers;
use crate::store::{Body, ResponsePart, Status};

/// Responses are recorded up to this size: webhook answers are small.
const MAX_RECORDED_RESPONSE: usize = crate::http::MAX_STORED_RESPONSE;

type Item = Result<Frame<Bytes>, BoxError>;

/// Answers of at most this many bytes, announced by their length, are read whole before going
/// back: one chunk's worth, so they would cross the tunnel in one frame anyway.
const WHOLE: u64 = hookctl_relay::protocol::CHUNK_SIZE as u64;

/// Sends `resp` back, with `done` finished (recorded, shown) once the answer has been read and
/// before its last frame goes. `copy`: the request body's copy, when it streamed to the target
/// rather than being read first. `patience`: how long a small answer's body may take.
pub async fn back(
    resp: http::Response<Incoming>,
    done: Done,
    copy: Option<Copy>,
    shared: Shared,
    patience: Duration,
) -> TunnelResponse {
    match resp.body().size_hint().exact() {
        Some(n) if n <= WHOLE => whole(resp, done, copy, &shared, patience).await,
        _ => stream_back(resp, done, copy, shared),
    }
}

/// A small answer, read whole, recorded, then sent back in one piece. One that breaks off, or
/// whose body takes longer than `patience`, is answered 502 or 504 with what happened: nothing
/// of it has gone back yet, so the sender can be told plainly rather than given a cut answer.
/// The record keeps what the target sent, as far as it came.
async fn whole(
    resp: http::Response<Incoming>,
    mut done: Done,
    copy: Option<Copy>,
    shared: &Shared,
    patience: Duration,
) -> TunnelResponse {
    let status = resp.status().as_u16();
    let headers = Headers::from(resp.headers()).0;
    let mut body = resp.into_body();
    let mut kept = Kept::expecting(body.size_hint().exact());
    let read = async {
        while let Some(frame) = body.frame().await {
            if let Some(d) = frame?.data_ref() {
                kept.push(d, MAX_RECORDED_RESPONSE);
            }
        }
        Ok::<(), hyper::Error>(())
    };
    let broke = match tokio::time::timeout(patience, read).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some((502, format!("the answer broke off: {e}"))),
        Err(_) => Some((
            504,
            format!(
                "the answer's body did not come within {} s (--timeout)",
                patience.as_secs()
            ),
        )),
    };
    let data = kept.into_bytes();
    let error = broke.as_ref().map(|(_, why)| why.clone());
    settle(
        &mut done,
        copy,
        status,
        headers.clone(),
        data.clone(),
        error,
    );
    let answer = match broke {
        None => TunnelResponse {
            status,
            headers,
            body: client::body(Full::new(data)),
        },
        Some((code, why)) => text_response(code, format!("hookctl listen: the target's {why}\n")),
    };
    answered(done, shared, answer).await
}

/// Streams `resp` back while a task of its own reads it and keeps a copy for the record.
fn stream_back(
    resp: http::Response<Incoming>,
    done: Done,
    copy: Option<Copy>,
    shared: Shared,
) -> TunnelResponse {
    let status = resp.status().as_u16();
    let headers = Headers::from(resp.headers()).0;
    let body = resp.into_body();
    let hint = body.size_hint();
    let (tx, rx) = mpsc::channel::<Item>(8);
    let working = shared.working.token();
    let recorded_headers = headers.clone();
    tokio::spawn(async move {
        let _working = working;
        relay(body, tx, done, copy, status, recorded_headers, shared).await;
    });
    TunnelResponse {
        status,
        headers,
        body: client::body(Back { rx, hint }),
    }
}

async fn relay(
    mut body: Incoming,
    tx: mpsc::Sender<Item>,
    mut done: Done,
    copy: Option<Copy>,
    status: u16,
    headers: Vec<(String, String)>,
    shared: Shared,
) {
    let mut kept = Kept::default();
    let mut broke = None;
    let mut held = None;
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(f) => {
                if let Some(d) = f.data_ref() {
                    kept.push(d, MAX_RECORDED_RESPONSE);
                }
                if body.is_end_stream() {
                    held = Some(f);
                    break;
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
    settle(&mut done, copy, status, headers, kept.into_bytes(), broke);
    let last = if shared.finish(done, status).await {
        held.map(Ok)
    } else {
        Some(Err("not recorded in the delivery log".into()))
    };
    if let Some(last) = last {
        let _ = tx.send(last).await;
    }
}

/// What the answer tells the record: the request body's copy (when it streamed), the response as
/// kept, and whether the delivery counts as delivered.
fn settle(
    done: &mut Done,
    copy: Option<Copy>,
    status: u16,
    headers: Vec<(String, String)>,
    body: Bytes,
    broke: Option<String>,
) {
    if let Some(copy) = &copy {
        done.take_body(copy);
    }
    done.response = Some(ResponsePart {
        status,
        headers: Headers(headers),
        body: Body(Vec::from(body)),
    });
    done.outcome = Handling::Forwarded;
    if let Some(b) = broke {
        done.status = Status::Failed;
        done.error = Some(b);
    } else if (200..300).contains(&status) {
        done.status = Status::Delivered;
    } else {
        done.status = Status::Failed;
        done.error = Some(format!("answered {status}"));
    }
}

/// The answer as the tunnel client reads it: ended as soon as the last frame is taken, so the
/// client sends that frame as the body's end rather than asking again.
struct Back {
    rx: mpsc::Receiver<Item>,
    hint: SizeHint,
}

impl HttpBody for Back {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        self.rx.poll_recv(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.rx.is_closed() && self.rx.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        self.hint
    }
}
