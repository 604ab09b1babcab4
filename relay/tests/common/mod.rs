//! Real servers on 127.0.0.1 port 0 for the relay's tests: the relay itself, a local target that
//! records what reaches it, a tunnel client that forwards to it, and a sender.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use hookctl_relay::client::forward::{Forwarder, Routes};
use hookctl_relay::client::{
    self, BoxFuture, ClientError, ClientOptions, Event, Handler, TunnelRequest, TunnelResponse,
};
use hookctl_relay::server::options::RelayOptions;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpListener;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// What a test client handled: each request's target and its delivery id (buffered ones).
pub type Handled = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// Relay options as the flags would give them.
pub fn opts(flags: &[&str]) -> RelayOptions {
    RelayOptions::from_flags(flags).unwrap()
}

pub struct Relay {
    pub addr: SocketAddr,
    pub stop: CancellationToken,
    pub task: JoinHandle<Result<(), hookctl_relay::server::RelayError>>,
}

impl Relay {
    pub async fn start(flags: &[&str]) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::on(listener, opts(flags))
    }

    pub fn on(listener: TcpListener, opts: RelayOptions) -> Relay {
        let addr = listener.local_addr().unwrap();
        let stop = CancellationToken::new();
        let task = tokio::spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
        Relay { addr, stop, task }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn shutdown(self) {
        self.stop.cancel();
        self.task.await.unwrap().unwrap();
    }

    /// A metric's value from /metrics (0 when absent).
    pub async fn metric(&self, name: &str) -> f64 {
        let (_, _, body) = send(&self.url(), "GET", "/metrics", &[], Bytes::new()).await;
        let text = String::from_utf8(body.to_vec()).unwrap();
        text.lines()
            .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    }

    /// Waits (up to 10 s) until a metric has a value: the relay noticed a client come or go.
    pub async fn wait_metric(&self, name: &str, value: f64) {
        for _ in 0..1000 {
            if self.metric(name).await == value {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("{name} never became {value}");
    }
}

/// One request as the local target saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl Seen {
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// A local HTTP server that records every request and echoes its body back, with repeated
/// response headers; with a gate, it answers only when `gate` requests are waiting at once.
pub struct Target {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    pub arrived: Arc<Notify>,
}

impl Target {
    pub async fn start() -> Target {
        Self::start_gated(None).await
    }

    pub async fn start_gated(gate: Option<Arc<tokio::sync::Barrier>>) -> Target {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let arrived = Arc::new(Notify::new());
        let (s, a) = (seen.clone(), arrived.clone());
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let (s, a, gate) = (s.clone(), a.clone(), gate.clone());
                tokio::spawn(async move {
                    let svc = service_fn(move |req: http::Request<hyper::body::Incoming>| {
                        let (s, a, gate) = (s.clone(), a.clone(), gate.clone());
                        async move {
                            let method = req.method().to_string();
                            let target = req
                                .uri()
                                .path_and_query()
                                .map(|p| p.as_str().to_string())
                                .unwrap_or_default();
                            let headers: Vec<(String, String)> = req
                                .headers()
                                .iter()
                                .map(|(n, v)| {
                                    (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into())
                                })
                                .collect();
                            let ctype = req.headers().get("content-type").cloned();
                            let body = req.into_body().collect().await.unwrap().to_bytes();
                            s.lock().unwrap().push(Seen {
                                method,
                                target,
                                headers,
                                body: body.clone(),
                            });
                            a.notify_waiters();
                            if let Some(g) = gate {
                                g.wait().await;
                            }
                            let mut resp = http::Response::new(Full::new(body));
                            resp.headers_mut().append("x-echo", "one".parse().unwrap());
                            resp.headers_mut().append("x-echo", "two".parse().unwrap());
                            if let Some(c) = ctype {
                                resp.headers_mut().insert("content-type", c);
                            }
                            *resp.status_mut() = http::StatusCode::CREATED;
                            Ok::<_, std::convert::Infallible>(resp)
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(tcp), svc)
                        .await;
                });
            }
        });
        Target {
            addr,
            seen,
            arrived,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

/// A tunnel client's handler that forwards to `--forward-to` routes, as `hookctl listen` does
/// (without the delivery log), and counts what it handled.
pub struct Fwd {
    pub routes: Routes,
    pub fwd: Forwarder,
    pub handled: Handled,
}

impl Handler for Fwd {
    fn handle(&self, req: TunnelRequest) -> BoxFuture<TunnelResponse> {
        let routes = self.routes.clone();
        let fwd = self.fwd.clone();
        let handled = self.handled.clone();
        Box::pin(async move {
            handled
                .lock()
                .unwrap()
                .push((req.target.clone(), req.delivery_id.clone()));
            let Ok((_, uri)) = routes.pick(&req.target) else {
                return TunnelResponse {
                    status: 404,
                    headers: vec![],
                    body: client::body(Full::new(Bytes::from_static(b"no route"))),
                };
            };
            let body = req.body.map_err(Into::into).boxed_unsync();
            match fwd.send(&req.method, uri, &req.headers, body).await {
                Ok(resp) => TunnelResponse {
                    status: resp.status().as_u16(),
                    headers: resp
                        .headers()
                        .iter()
                        .map(|(n, v)| (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
                        .collect(),
                    body: client::body(resp.into_body()),
                },
                Err(e) => TunnelResponse {
                    status: 502,
                    headers: vec![],
                    body: client::body(Full::new(Bytes::from(e.to_string()))),
                },
            }
        })
    }
}

pub struct Listener {
    pub stop: CancellationToken,
    pub events: mpsc::UnboundedReceiver<Event>,
    pub task: JoinHandle<Result<(), ClientError>>,
    pub handled: Handled,
    pub url: String,
}

impl Listener {
    /// Connects a client forwarding to `target` and waits for its welcome.
    pub async fn start(opts: ClientOptions, target: &str) -> Listener {
        Self::try_start(opts, target).await.unwrap()
    }

    pub async fn try_start(opts: ClientOptions, target: &str) -> Result<Listener, ClientError> {
        let handled: Handled = Arc::default();
        let handler = Arc::new(Fwd {
            routes: Routes::parse(&[target.to_string()]).unwrap(),
            fwd: Forwarder::new(Duration::from_secs(30)).unwrap(),
            handled: handled.clone(),
        });
        let (tx, mut events) = mpsc::unbounded_channel();
        let stop = CancellationToken::new();
        let mut task = tokio::spawn(client::run(opts, handler, tx, stop.clone()));
        let url = tokio::select! {
            e = events.recv() => match e {
                Some(Event::Connected { public_url, .. }) => public_url,
                None => return Err(task.await.unwrap().expect_err("the client ended without error")),
                other => panic!("expected a connection, got {other:?}"),
            },
            r = &mut task => return Err(r.unwrap().expect_err("the client ended without error")),
        };
        Ok(Listener {
            stop,
            events,
            task,
            handled,
            url,
        })
    }

    /// The next event, within 10 s.
    pub async fn next(&mut self) -> Event {
        tokio::time::timeout(Duration::from_secs(10), self.events.recv())
            .await
            .expect("no client event within 10 s")
            .expect("client ended")
    }

    pub async fn stop(self) {
        self.stop.cancel();
        let _ = self.task.await;
    }
}

/// Sends one request; returns status, headers and body.
pub async fn send(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Bytes,
) -> (u16, Vec<(String, String)>, Bytes) {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let mut req = http::Request::new(Full::new(body));
    *req.method_mut() = method.parse().unwrap();
    *req.uri_mut() = format!("{base}{path}").parse().unwrap();
    for (n, v) in headers {
        req.headers_mut().append(
            http::HeaderName::from_bytes(n.as_bytes()).unwrap(),
            http::HeaderValue::from_str(v).unwrap(),
        );
    }
    let resp = client.request(req).await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
        .collect();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, headers, body)
}

pub fn client_opts(relay: &str) -> ClientOptions {
    ClientOptions::new(relay)
}

/// Connects a tunnel client with `handler` and waits for its welcome: (stop, public URL).
pub async fn client_with<H: Handler>(relay: &str, handler: H) -> (CancellationToken, String) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let stop = CancellationToken::new();
    tokio::spawn(client::run(
        client_opts(relay),
        Arc::new(handler),
        tx,
        stop.clone(),
    ));
    let Some(Event::Connected { public_url, .. }) = rx.recv().await else {
        panic!("the client did not connect")
    };
    (stop, public_url)
}
