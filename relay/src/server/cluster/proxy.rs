//! One hop from the node a request reached to the node that holds its tunnel: the request as
//! the first node would have sent it over the tunnel (its `X-Forwarded-*` already added), over
//! HTTP/1.1 with kept-alive connections, body streamed both ways. The hop carries the cluster's
//! secret in `HOP_HEADER`; the holder trusts the headers of an authenticated hop as they are and
//! never forwards such a request again.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

use http::{HeaderValue, Request, Response, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::shared::body::RelayBody;
use crate::shared::headers::{HopByHop, append_headers};

/// Names the cluster's secret on a forward from one node to another.
pub const HOP_HEADER: &str = "hookctl-relay-hop";

pub type Hop = Client<HttpConnector, Lent>;

pub fn client() -> Hop {
    let mut http = HttpConnector::new();
    http.set_nodelay(true);
    http.set_connect_timeout(Some(Duration::from_secs(2)));
    Client::builder(TokioExecutor::new())
        // The Host header is the sender's, carried in the forwarded headers (or none, as an
        // HTTP/2 sender sends none): the hop adds nothing of its own.
        .set_host(false)
        .pool_idle_timeout(Duration::from_secs(60))
        .build(http)
}

/// Why a forward failed.
pub enum HopError {
    /// The holder's port refused the connection: its process is gone, and nothing of the
    /// request was sent.
    Refused(String),
    /// No connection for another reason (a timeout, no route): the holder may be alive behind
    /// a partition, so its lease stands. Nothing of the request was sent.
    NotConnected(String),
    /// It failed on the way.
    Failed(String),
    /// No answer head within the request timeout.
    Timeout,
}

pub struct Forward<'a> {
    /// The holder's `--node-url`.
    pub node_url: &'a str,
    pub secret: &'a str,
    pub tunnel: &'a str,
    pub method: &'a str,
    /// Path and query after the tunnel's name.
    pub target: &'a str,
    pub headers: &'a [(String, String)],
    pub timeout: Duration,
}

impl Forward<'_> {
    /// Sends the request to the tunnel's holder; returns its answer, streaming, and how long
    /// the answer's head took.
    pub async fn send(
        self,
        hop: &Hop,
        body: Lent,
    ) -> Result<(Response<RelayBody>, Duration), HopError> {
        let started = Instant::now();
        let uri = format!(
            "{}/t/{}{}",
            self.node_url.trim_end_matches('/'),
            self.tunnel,
            self.target
        );
        let mut req = Request::new(body);
        *req.method_mut() = self
            .method
            .parse()
            .map_err(|_| HopError::Failed(format!("method {}", self.method)))?;
        *req.uri_mut() = uri
            .parse()
            .map_err(|e| HopError::Failed(format!("{uri}: {e}")))?;
        append_headers(req.headers_mut(), self.headers, &[HOP_HEADER]);
        req.headers_mut().insert(
            HOP_HEADER,
            HeaderValue::from_str(self.secret).map_err(|e| HopError::Failed(e.to_string()))?,
        );
        let answer = match tokio::time::timeout(self.timeout, hop.request(req)).await {
            Err(_) => return Err(HopError::Timeout),
            Ok(Err(e)) if e.is_connect() => {
                return Err(if refused(&e) {
                    HopError::Refused(e.to_string())
                } else {
                    HopError::NotConnected(e.to_string())
                });
            }
            Ok(Err(e)) => return Err(HopError::Failed(e.to_string())),
            Ok(Ok(a)) => a,
        };
        let took = started.elapsed();
        let (parts, body) = answer.into_parts();
        let mut resp = Response::new(crate::shared::body::body(body));
        *resp.status_mut() = parts.status;
        // The holder's answer as it gave it, but for what belonged to the hop.
        let hop = HopByHop::of(
            parts
                .headers
                .get_all(http::header::CONNECTION)
                .iter()
                .map(|v| v.as_bytes()),
        );
        for (name, value) in &parts.headers {
            if !hop.drops(name.as_str()) {
                resp.headers_mut().append(name, value.clone());
            }
        }
        Ok((resp, took))
    }
}

/// Whether a connection was refused, somewhere down the error's chain of causes.
fn refused(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused)
        {
            return true;
        }
        cause = c.source();
    }
    false
}

/// The answer when the holder failed after the request left.
pub fn failed_status(e: &HopError) -> StatusCode {
    match e {
        HopError::Timeout => StatusCode::GATEWAY_TIMEOUT,
        _ => StatusCode::BAD_GATEWAY,
    }
}

/// The sender's body lent to a forward: it stays in `slot` until the forward first reads it, so
/// a forward that found the holder gone (`HopError::Refused`) leaves it for the buffer.
pub struct Lent {
    slot: Arc<Mutex<Option<RelayBody>>>,
    taken: Option<RelayBody>,
}

impl Lent {
    pub fn new(body: RelayBody) -> (Lent, Arc<Mutex<Option<RelayBody>>>) {
        let slot = Arc::new(Mutex::new(Some(body)));
        (
            Lent {
                slot: slot.clone(),
                taken: None,
            },
            slot,
        )
    }

    fn with<T>(&self, f: impl FnOnce(&RelayBody) -> T, none: T) -> T {
        match &self.taken {
            Some(b) => f(b),
            None => match self.slot.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                Some(b) => f(b),
                None => none,
            },
        }
    }
}

impl Body for Lent {
    type Data = Bytes;
    type Error = crate::shared::mux::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.taken.is_none() {
            let body = self.slot.lock().unwrap_or_else(|p| p.into_inner()).take();
            self.taken = body;
        }
        match self.taken.as_mut() {
            Some(b) => Pin::new(b).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.with(|b| b.is_end_stream(), true)
    }

    fn size_hint(&self) -> SizeHint {
        self.with(|b| b.size_hint(), SizeHint::with_exact(0))
    }
}
