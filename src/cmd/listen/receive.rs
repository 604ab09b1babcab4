//! What `hookctl listen` does with each delivery: filter by event type, forward to its own
//! target (or answer in receive-only mode), and hand what happened to `finish` to be verified,
//! recorded and reported.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use bytes::Bytes;
use globset::GlobMatcher;
use hookctl_relay::client::forward::{ForwardError, Forwarder, NoDestination, Routes};
use hookctl_relay::client::{self, BoxFuture, Handler, TunnelRequest, TunnelResponse};
use hookctl_relay::shared::mux::{BodyError, BodyStream};
use http_body::Body as _;
use http_body_util::{BodyExt, Full};

use super::event;
use super::finish::{Done, Handling, Shared};
use super::respond::{answered, failed, not_forwarded, quick, text_response};
use super::tee::{Copy, Kept, MAX_RECORDED_BODY, Tee};
use crate::message::Headers;
use crate::store::attempts::Attempt;
use crate::store::{Body, ResponsePart, Status};

/// Cheap to clone per request: everything it holds is shared.
pub struct ListenHandler(Arc<Inner>);

struct Inner {
    routes: Routes,
    respond: u16,
    events: Vec<GlobMatcher>,
    forwarder: Forwarder,
    shared: Shared,
}

impl ListenHandler {
    pub fn new(
        routes: Routes,
        respond: u16,
        events: Vec<GlobMatcher>,
        forwarder: Forwarder,
        shared: Shared,
    ) -> Self {
        ListenHandler(Arc::new(Inner {
            routes,
            respond,
            events,
            forwarder,
            shared,
        }))
    }
}

impl Handler for ListenHandler {
    fn handle(&self, req: TunnelRequest) -> BoxFuture<TunnelResponse> {
        let inner = self.0.clone();
        Box::pin(async move { handle(req, &inner).await })
    }
}

async fn handle(req: TunnelRequest, inner: &Inner) -> TunnelResponse {
    let shared = &inner.shared;
    // Counted until recorded: listen lets deliveries under way finish before it exits.
    let _working = shared.working.token();
    let started = Instant::now();
    let TunnelRequest {
        tunnel,
        method,
        target,
        headers,
        body,
        delivery_id,
    } = req;
    // A buffered request's attempt is noted (committed) before it is forwarded; one at a time
    // per delivery id. A live one costs nothing here.
    let (turn, noted) = match &delivery_id {
        None => (None, None),
        Some(did) => {
            let turn = shared.turns.take(did, || {
                if !shared.quiet {
                    eprintln!(
                        "note: buffered delivery dlv_{did} came again while an attempt at it is under way (its relay was lost): it waits for that attempt rather than reach the target twice"
                    );
                }
            });
            let turn = turn.await;
            (
                Some(turn),
                Some(shared.log.begin(format!("dlv_{did}")).await),
            )
        }
    };
    // Its record exists: it was handled before, and only the relay's acknowledgement was lost.
    if let Some(Ok(Attempt::Recorded)) = noted {
        return text_response(200, "already recorded by hookctl listen\n".into());
    }
    let public_url = public_url(&headers, &tunnel, &target);
    let mut done = Done {
        event_type: event::from_headers(&headers),
        req_headers: headers,
        method,
        target,
        forwarded_to: None,
        public_url,
        tunnel,
        delivery_id,
        body_read: false,
        started,
        at: chrono::Utc::now(),
        body: Bytes::new(),
        body_cut: false,
        body_broke: false,
        response: None,
        status: Status::Received,
        outcome: Handling::Received,
        error: None,
        interrupted: 0,
        recordable: true,
        turn,
    };
    match noted {
        Some(Ok(Attempt::Noted { interrupted })) => done.interrupted = interrupted,
        Some(Err(e)) => {
            // Forwarding it unnoted could send it twice unseen: the relay keeps it and tries
            // again, and the record is not written, so that the next try is forwarded.
            done.recordable = false;
            let error = format!(
                "not forwarded, as its attempt could not be noted in the delivery log ({e}): the relay delivers it again"
            );
            let text = "hookctl listen cannot write its delivery log\n".into();
            return failed(done, shared, 503, error, text).await;
        }
        _ => {}
    }
    let routes = &inner.routes;
    let events = &inner.events;
    // The body is needed before forwarding only to filter by a type it carries, or to answer
    // in receive-only mode; otherwise it streams through.
    let need_body = routes.is_empty() || (!events.is_empty() && done.event_type.is_none());
    let mut body = Some(body);
    if need_body {
        match read_capped(body.take().expect("body"), MAX_RECORDED_BODY).await {
            Ok((b, cut)) => {
                done.body = b;
                done.body_cut = cut;
            }
            Err(e) => {
                done.body_broke = true;
                let error = format!("the request body broke off: {e}");
                let text = "the request body broke off\n".into();
                return failed(done, shared, 400, error, text).await;
            }
        }
        if done.event_type.is_none() {
            done.event_type = event::from_body(&done.body);
        }
        done.body_read = true;
    }
    if !events.is_empty() {
        let wanted = done
            .event_type
            .as_deref()
            .is_some_and(|t| events.iter().any(|g| g.is_match(t)));
        if !wanted {
            done.outcome = Handling::Skipped;
            let text = "not forwarded: hookctl listen --events filters this event type out\n";
            return quick(done, shared, 200, text.into()).await;
        }
    }
    if routes.is_empty() {
        let respond = inner.respond;
        done.response = Some(ResponsePart {
            status: respond,
            headers: Headers::new(),
            body: Body::default(),
        });
        let resp = TunnelResponse {
            status: respond,
            headers: vec![],
            body: client::body(http_body_util::Empty::<Bytes>::new()),
        };
        return answered(done, shared, resp).await;
    }
    let uri = match routes.pick(&done.target) {
        Ok((_, uri)) => uri,
        Err(e) => {
            let status = match e {
                NoDestination::NoRoute(_) => 404,
                NoDestination::BadTarget(_) => 400,
            };
            return not_forwarded(done, shared, status, e).await;
        }
    };
    done.forwarded_to = Some(uri.to_string());
    let copy: Copy = Arc::new(Mutex::new(Kept::expecting(
        body.as_ref().and_then(|b| b.size_hint().exact()),
    )));
    let mut leftover = None;
    let out_body = match body.take() {
        // Read already: the Bytes are shared with the record, not copied.
        None => Full::new(done.body.clone())
            .map_err(|e| match e {})
            .boxed_unsync(),
        Some(b) => {
            let (tee, shared) = Tee::new(b, copy.clone(), MAX_RECORDED_BODY);
            leftover = Some(shared);
            tee.map_err(Into::into).boxed_unsync()
        }
    };
    let result = inner
        .forwarder
        .send(&done.method, uri, &done.req_headers, out_body)
        .await;
    let resp = match result {
        Ok(resp) => resp,
        Err(e) => {
            // The target never read the body: read it here so the record can be replayed.
            if let Some(shared) = &leftover {
                Tee::drain_into(shared, &copy, MAX_RECORDED_BODY).await;
            }
            take_copy(&mut done, &copy, need_body);
            // As a gateway answers: the target was slow (504), or could not be asked (502).
            let status = match e {
                ForwardError::Timeout { .. } => 504,
                _ => 502,
            };
            return not_forwarded(done, shared, status, e).await;
        }
    };
    // The body read before forwarding is in `done` already; a streamed one's copy is complete
    // once the answer is.
    let copy = (!need_body).then_some(copy);
    let patience = inner.forwarder.timeout();
    super::pass_back::back(resp, done, copy, shared.clone(), patience).await
}

/// The streamed request body's copy, once the target has read it (unless it was read before).
fn take_copy(done: &mut Done, copy: &Copy, read_before: bool) {
    if !read_before {
        done.take_body(copy);
    }
}

/// Reads a body whole, keeping at most `cap` bytes (the rest is read and dropped).
async fn read_capped(mut body: BodyStream, cap: usize) -> Result<(Bytes, bool), BodyError> {
    let mut kept = Kept::expecting(body.size_hint().exact());
    while let Some(frame) = body.frame().await {
        if let Ok(d) = frame?.into_data() {
            kept.push(&d, cap);
        }
    }
    let cut = kept.cut;
    Ok((kept.into_bytes(), cut))
}

/// The URL the sender posted to, from the relay's `X-Forwarded-*` headers.
fn public_url(headers: &[(String, String)], tunnel: &str, target: &str) -> String {
    let h = |name: &str| {
        headers
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let proto = h("x-forwarded-proto").unwrap_or("http");
    let host = h("x-forwarded-host").or(h("host")).unwrap_or("relay");
    format!("{proto}://{host}/t/{tunnel}{target}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use hookctl_relay::protocol::Chunk;
    use hookctl_relay::shared::mux::Inbound;

    #[tokio::test]
    async fn a_body_read_whole_is_capped() {
        let (inbound, body) = Inbound::new(|_| {}, None);
        inbound.push(&Chunk::data(1, b"abc"), None).unwrap();
        inbound.push(&Chunk::data(1, b"def"), None).unwrap();
        inbound.push(&Chunk::end(1), None).unwrap();
        let (b, cut) = read_capped(body, MAX_RECORDED_BODY).await.unwrap();
        assert_eq!((&b[..], cut), (&b"abcdef"[..], false));

        let (inbound, body) = Inbound::new(|_| {}, None);
        inbound.push(&Chunk::data(1, b"abc"), None).unwrap();
        inbound.push(&Chunk::data(1, b"def"), None).unwrap();
        inbound.push(&Chunk::end(1), None).unwrap();
        let (b, cut) = read_capped(body, 4).await.unwrap();
        assert_eq!((&b[..], cut), (&b"abcd"[..], true));
    }
}
