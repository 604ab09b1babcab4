//! The public side: `{public-url}/t/{tunnel}/{path}?{query}`, or `https://{tunnel}.{domain}/{path}?{query}`
//! with `--domain`, is sent to the tunnel's client with
//! method, path, query, headers and body as received, and its answer streamed back — or, while
//! the client is away, buffered (202) or refused (503).

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body::{Body, Frame};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use tokio::sync::OwnedSemaphorePermit;

use crate::protocol::RelayMessage;
use crate::server::answer::{Answer, Forwarded, access_log, body_limits};
use crate::server::cluster::proxy::HOP_HEADER;
use crate::server::options::OfflineMode;
use crate::server::state::State;
use crate::server::tunnel::{Head, Tunnel};
use crate::shared::body::{RelayBody, text_response};
use crate::shared::headers::{HopByHop, append_headers, content_length};
use crate::shared::mux::{BodyError, BoxError, PumpError, send_body, text};

/// `/t/{name}{rest}` → (name, rest); rest is empty or starts with `/` or `?`.
pub fn split_target(path_and_query: &str) -> Option<(&str, &str)> {
    let after = path_and_query.strip_prefix("/t/")?;
    let end = after.find(['/', '?']).unwrap_or(after.len());
    let (name, rest) = after.split_at(end);
    (!name.is_empty()).then_some((name, rest))
}

/// End-to-end headers in order (repeats kept), with `X-Forwarded-*` added: `-For` appended to
/// any the sender brought, `-Proto` and `-Host` kept when a proxy in front already set them.
/// `authority` is the request URI's, which HTTP/2 senders (`:authority`, no Host header) and
/// HTTP/1.1 absolute-form requests have; `X-Forwarded-Host` is that, else the Host header.
pub fn forward_headers(
    headers: &http::HeaderMap,
    authority: Option<&http::uri::Authority>,
    peer: SocketAddr,
    tls: bool,
) -> Vec<(String, String)> {
    let hop = HopByHop::of(
        headers
            .get_all(http::header::CONNECTION)
            .iter()
            .map(|v| v.as_bytes()),
    );
    let mut out = Vec::with_capacity(headers.len() + 3);
    let mut xff: Option<usize> = None;
    for (name, value) in headers {
        let n = name.as_str();
        if hop.drops(n) {
            continue;
        }
        if n == "x-forwarded-for" {
            xff.get_or_insert(out.len());
        }
        out.push((
            n.to_string(),
            String::from_utf8_lossy(value.as_bytes()).into_owned(),
        ));
    }
    let ip = peer.ip().to_string();
    match xff {
        // Several X-Forwarded-For lines are one list: append to the last.
        Some(_) => {
            let last = out
                .iter_mut()
                .rev()
                .find(|(n, _)| n == "x-forwarded-for")
                .expect("seen above");
            last.1 = format!("{}, {ip}", last.1);
        }
        None => out.push(("x-forwarded-for".into(), ip)),
    }
    if !headers.contains_key("x-forwarded-proto") {
        out.push((
            "x-forwarded-proto".into(),
            if tls { "https" } else { "http" }.into(),
        ));
    }
    if !headers.contains_key("x-forwarded-host") {
        // The request's own authority wins over Host where it has one: HTTP/2's :authority,
        // which comes without Host, and HTTP/1.1's absolute form (RFC 9112 §3.2.2).
        let host = match authority {
            Some(a) => Some(a.as_str().to_string()),
            None => headers
                .get(http::header::HOST)
                .map(|h| String::from_utf8_lossy(h.as_bytes()).into_owned()),
        };
        if let Some(host) = host {
            out.push(("x-forwarded-host".into(), host));
        }
    }
    out
}

/// The headers of a forward from another node of the cluster: as that node made them, without
/// the hop's own.
fn hop_headers(headers: &http::HeaderMap) -> Vec<(String, String)> {
    let hop = HopByHop::of(
        headers
            .get_all(http::header::CONNECTION)
            .iter()
            .map(|v| v.as_bytes()),
    );
    headers
        .iter()
        .filter(|(n, _)| !hop.drops(n.as_str()) && n.as_str() != HOP_HEADER)
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// Serves a request for a tunnel: `subdomain` gives its name and the whole path and query when
/// the host named it; otherwise they come from `/t/{name}{rest}`. `hop`: another node of the
/// cluster forwarded it (its headers are final, and it goes no further).
pub async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
    peer: SocketAddr,
    tls: bool,
    subdomain: Option<(String, String)>,
    hop: bool,
) -> Response<RelayBody> {
    let started = Instant::now();
    let pq;
    let (name, rest) = match &subdomain {
        Some((name, rest)) => (name.as_str(), rest.as_str()),
        None => {
            pq = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            let Some(split) = split_target(&pq) else {
                return text_response(StatusCode::NOT_FOUND, "unknown tunnel\n");
            };
            split
        }
    };
    let headers = if hop {
        hop_headers(req.headers())
    } else {
        forward_headers(req.headers(), req.uri().authority(), peer, tls)
    };
    let method = req.method().as_str().to_string();
    let body = req.into_body();
    let incoming = Forwarded {
        tunnel: name.to_string(),
        method,
        target: rest.to_string(),
        length: if body.is_end_stream() {
            Some(0)
        } else {
            body.size_hint().exact()
        },
    };
    let answer = Answer {
        state: &state,
        req: &incoming,
        started,
    };
    if crate::shared::names::check_name(name).is_err() {
        return answer.plain(StatusCode::NOT_FOUND, "unknown tunnel\n");
    }
    let max = state.opts.max_body;
    if content_length(&headers).is_some_and(|n| n > max) {
        return answer.body_failed(&PumpError::TooLarge(max));
    }
    match state.registry.get(name) {
        Some(tunnel) => {
            let queue_behind_buffer = {
                let mut d = tunnel.drain_state();
                if d.running || d.uploads > 0 {
                    d.uploads += 1;
                    true
                } else {
                    false
                }
            };
            if queue_behind_buffer {
                let r =
                    crate::server::drain::buffer(&answer, &incoming, headers, body, Some(&tunnel))
                        .await;
                tunnel.drain_state().uploads -= 1;
                crate::server::drain::start(&state, &tunnel);
                tunnel.drain_wake.notify_one();
                return r;
            }
            live(&answer, &incoming, headers, tunnel, body).await
        }
        None if state.cluster.is_some() => {
            let cluster = state.cluster.clone().expect("checked");
            crate::server::cluster::route::elsewhere(
                &answer, &incoming, headers, body, &cluster, hop,
            )
            .await
        }
        None => {
            let known = {
                let name = name.to_string();
                state.db(move |s| s.known(&name)).await.unwrap_or(false)
            };
            match (known, state.offline) {
                (false, _) => answer.plain(
                    StatusCode::NOT_FOUND,
                    "unknown tunnel: no client holds this tunnel name\n",
                ),
                (true, OfflineMode::Buffer) => {
                    let r =
                        crate::server::drain::buffer(&answer, &incoming, headers, body, None).await;
                    // The client may have come back while the body was uploading.
                    if let Some(t) = state.registry.get(name) {
                        crate::server::drain::start(&state, &t);
                    }
                    r
                }
                (true, OfflineMode::Reject) => answer.retry_after(
                    StatusCode::SERVICE_UNAVAILABLE,
                    30,
                    "the tunnel's client is offline: retry later\n",
                ),
            }
        }
    }
}

/// Sends a request to a connected client and streams its answer back.
async fn live(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: Vec<(String, String)>,
    tunnel: Arc<Tunnel>,
    body: Incoming,
) -> Response<RelayBody> {
    let state = answer.state;
    let Ok(permit) = tunnel.inflight.clone().try_acquire_owned() else {
        return answer.retry_after(
            StatusCode::SERVICE_UNAVAILABLE,
            1,
            &format!(
                "this tunnel has {} requests in flight already (--max-in-flight): retry shortly\n",
                state.opts.max_in_flight
            ),
        );
    };
    let opened = tunnel.open(false);
    let id = opened.id;
    let guard = Guard {
        tunnel: tunnel.clone(),
        id,
        done: false,
    };
    let head = text(&RelayMessage::RequestHead {
        id,
        method: req.method.clone(),
        target: req.target.clone(),
        headers,
        length: req.length,
        delivery_id: None,
    });
    let limits = body_limits(state);
    let outbox = tunnel.outbox.clone();
    let window = opened.window;
    // The pump sends the head too, with the body's first chunk. It runs in this task while the
    // answer is awaited, and on a task of its own only if the client answers before the whole
    // body went through: a task per request is a wakeup per request (with --threads above 1,
    // of another worker).
    // It counts the bytes it sent itself: the answer's head may come before the pump ends.
    let bytes_in = state.metrics.bytes_in.clone();
    let mut pump = Some(Box::pin(async move {
        let sent = send_body(&outbox, id, &window, body, limits, Some(head)).await;
        if let Ok(n) = &sent {
            bytes_in.inc_by(*n);
        }
        sent
    }));
    let mut head_rx = opened.head;
    let deadline = tokio::time::sleep(state.opts.request_timeout);
    tokio::pin!(deadline);
    let head: Head = loop {
        tokio::select! {
            h = &mut head_rx => match h {
                Ok(h) => {
                    if let Some(rest) = pump.take() {
                        tokio::spawn(rest);
                    }
                    break h;
                }
                Err(_) => return answer.plain(StatusCode::BAD_GATEWAY, "the tunnel's client disconnected before answering\n"),
            },
            r = async { pump.as_mut().expect("guarded").await }, if pump.is_some() => {
                pump = None;
                if let Err(e) = r {
                    return answer.body_failed(&e);
                }
            }
            _ = &mut deadline => return answer.plain(
                StatusCode::GATEWAY_TIMEOUT,
                &format!(
                    "the tunnel's client did not answer within {} (--request-timeout)\n",
                    humantime::format_duration(state.opts.request_timeout)
                ),
            ),
        }
    };
    state
        .metrics
        .answered(head.status, answer.started.elapsed().as_secs_f64());
    let status = StatusCode::from_u16(head.status).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut resp = Response::new(RelayBody::default());
    *resp.status_mut() = status;
    append_headers(resp.headers_mut(), &head.headers, &[]);
    let body = Streamed {
        inner: head.body,
        guard: Some(guard),
        _permit: permit,
        bytes: 0,
        status: head.status,
        method: req.method.clone(),
        target: req.target.clone(),
        started: answer.started,
        bytes_out: state.metrics.bytes_out.clone(),
    };
    *resp.body_mut() = body.boxed_unsync();
    resp
}

/// Cancels the request on the client when the relay stops caring before the answer ended.
struct Guard {
    tunnel: Arc<Tunnel>,
    id: u64,
    done: bool,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.done {
            self.tunnel.finish(self.id);
        } else {
            self.tunnel.cancel(self.id);
        }
    }
}

/// The client's response body on its way to the sender; logs the request when it ends.
struct Streamed {
    inner: crate::shared::mux::BodyStream,
    guard: Option<Guard>,
    _permit: OwnedSemaphorePermit,
    bytes: u64,
    status: u16,
    method: String,
    target: String,
    started: Instant,
    bytes_out: prometheus_client::metrics::counter::Counter,
}

impl Body for Streamed {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        match polled {
            Poll::Ready(Some(Ok(f))) => {
                if let Some(d) = f.data_ref() {
                    self.bytes += d.len() as u64;
                }
                Poll::Ready(Some(Ok(f)))
            }
            Poll::Ready(None) => {
                if let Some(g) = self.guard.as_mut() {
                    g.done = true;
                }
                Poll::Ready(None)
            }
            Poll::Ready(Some(Err(e))) => {
                let e: BodyError = e;
                Poll::Ready(Some(Err(Box::new(e))))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for Streamed {
    fn drop(&mut self) {
        // hyper stops reading once the body says it has ended (an empty one, or a last chunk
        // that carried the end): that request is finished, not to be cancelled on the client.
        if self.inner.is_end_stream()
            && let Some(g) = self.guard.as_mut()
        {
            g.done = true;
        }
        self.bytes_out.inc_by(self.bytes);
        if let Some(g) = &self.guard {
            access_log(
                &g.tunnel.name,
                &self.method,
                &self.target,
                self.status,
                self.bytes,
                self.started,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Chunk, ClientMessage};
    use crate::shared::mux::Outbox;
    use http_body_util::BodyExt;

    /// An answer from the client, through the relay's side of a tunnel, as the sender's body.
    async fn answer(tunnel: &Arc<Tunnel>, chunk: Chunk<'_>, length: u64) -> Streamed {
        let opened = tunnel.open(false);
        let id = opened.id;
        tunnel.on_message(ClientMessage::ResponseHead {
            id,
            status: 200,
            headers: vec![],
            length: Some(length),
        });
        let head = opened.head.await.unwrap();
        let frame = Bytes::from(Chunk { id, ..chunk }.encode().unwrap());
        tunnel
            .on_chunk(&Chunk::decode(&frame).unwrap(), &frame)
            .unwrap();
        let permits = Arc::new(tokio::sync::Semaphore::new(1));
        Streamed {
            inner: head.body,
            guard: Some(Guard {
                tunnel: tunnel.clone(),
                id,
                done: false,
            }),
            _permit: permits.try_acquire_owned().unwrap(),
            bytes: 0,
            status: 200,
            method: "POST".into(),
            target: "/".into(),
            started: Instant::now(),
            bytes_out: Default::default(),
        }
    }

    #[tokio::test]
    async fn an_answer_read_to_its_end_is_not_cancelled_but_one_left_unread_is() {
        let (outbox, mut rx) = Outbox::new();
        let tunnel = Arc::new(Tunnel::new("t".into(), None, None, outbox, 10, false));
        // hyper stops reading once the body says it has ended: a last chunk that carries the end,
        // or an empty answer. Neither is a request to cancel.
        let mut last = Chunk::data(0, b"ok");
        last.end = true;
        let mut body = answer(&tunnel, last, 2).await;
        let data = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert_eq!(&data[..], b"ok");
        assert!(body.is_end_stream());
        drop(body);
        drop(answer(&tunnel, Chunk::end(0), 0).await);
        assert!(
            rx.control_now().is_none(),
            "a finished request was cancelled"
        );

        // A sender that went away before the end: the client is told to stop.
        drop(answer(&tunnel, Chunk::data(0, b"o"), 2).await);
        let sent: Vec<String> = std::iter::from_fn(|| rx.control_now())
            .map(|m| m.to_string())
            .collect();
        assert!(
            sent.iter().any(|m| m.contains(r#""type":"cancel""#)),
            "{sent:?}"
        );
    }

    #[test]
    fn targets_split_into_tunnel_and_rest() {
        assert_eq!(split_target("/t/demo/a/b?q=1"), Some(("demo", "/a/b?q=1")));
        assert_eq!(split_target("/t/demo?q"), Some(("demo", "?q")));
        assert_eq!(split_target("/t/demo"), Some(("demo", "")));
        assert_eq!(
            split_target("/t/demo/%2F..%2f"),
            Some(("demo", "/%2F..%2f"))
        );
        assert_eq!(split_target("/t/"), None);
        assert_eq!(split_target("/x/demo"), None);
    }

    #[test]
    fn the_request_s_own_authority_is_its_forwarded_host() {
        let peer: SocketAddr = "127.0.0.9:5000".parse().unwrap();
        let authority: http::uri::Authority = "relay.example.com:8443".parse().unwrap();
        let host = |out: Vec<(String, String)>| {
            out.into_iter()
                .filter(|(n, _)| n == "x-forwarded-host")
                .map(|(_, v)| v)
                .collect::<Vec<_>>()
        };
        let none = http::HeaderMap::new();
        assert_eq!(
            host(forward_headers(&none, Some(&authority), peer, true)),
            ["relay.example.com:8443"]
        );
        assert!(host(forward_headers(&none, None, peer, true)).is_empty());
        let mut both = http::HeaderMap::new();
        both.insert("host", "other.example".parse().unwrap());
        assert_eq!(
            host(forward_headers(&both, Some(&authority), peer, true)),
            ["relay.example.com:8443"],
            "an absolute-form target's authority wins over Host"
        );
        let mut proxied = http::HeaderMap::new();
        proxied.insert("x-forwarded-host", "front.example".parse().unwrap());
        assert_eq!(
            host(forward_headers(&proxied, Some(&authority), peer, true)),
            ["front.example"]
        );
    }

    #[test]
    fn hop_by_hop_headers_go_and_forwarding_headers_come() {
        let mut h = http::HeaderMap::new();
        h.append("host", "relay.example.com".parse().unwrap());
        h.append("connection", "keep-alive, x-secret-hop".parse().unwrap());
        h.append("x-secret-hop", "1".parse().unwrap());
        h.append("transfer-encoding", "chunked".parse().unwrap());
        h.append("x-a", "1".parse().unwrap());
        h.append("x-a", "2".parse().unwrap());
        h.append("x-forwarded-for", "10.0.0.1".parse().unwrap());
        let out = forward_headers(&h, None, "127.0.0.9:5000".parse().unwrap(), false);
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "host",
                "x-a",
                "x-a",
                "x-forwarded-for",
                "x-forwarded-proto",
                "x-forwarded-host"
            ]
        );
        assert_eq!(out[2].1, "2");
        assert_eq!(out[3].1, "10.0.0.1, 127.0.0.9");
        assert_eq!(out[4].1, "http");
        assert_eq!(out[5].1, "relay.example.com");
    }
}
