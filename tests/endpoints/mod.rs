//! Real webhook endpoints on 127.0.0.1, port 0, for the validate, monitor and load tests: a
//! strict one that verifies Standard Webhooks signatures and de-duplicates by id, a lax one, a slow
//! one, a redirecting one, one that can be switched off, an alert receiver, HTTPS with rcgen
//! certificates, and a server that counts its connections and can cut them; `sdk` holds
//! endpoints that check exactly what a provider's official SDK checks.

#![allow(dead_code)]

pub mod sdk;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{any, post};
use hookctl::message::{Delivery, Headers};
use hookctl::signature::{Keys, Registry, Verdict, VerifyOptions};
use tokio::sync::{mpsc, oneshot, watch};

/// The secret of the Standard Webhooks specification's example.
pub const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A server on its own thread and runtime, stopped when dropped.
pub struct Server {
    pub addr: SocketAddr,
    pub scheme: &'static str,
    stop: Option<oneshot::Sender<()>>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}://{}{path}", self.scheme, self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Serves `app` over plain HTTP.
pub fn serve(app: Router) -> Server {
    spawn("http", app, |tcp| tcp)
}

/// Serves `app` over plain HTTP, counting its connections in `conns` (which can also cut them).
pub fn serve_counting(app: Router, conns: &Connections) -> Server {
    let conns = conns.clone();
    spawn("http", app, move |tcp| Counted { tcp, conns })
}

/// Serves `app` over HTTPS with this certificate chain and key (DER).
pub fn serve_tls(app: Router, chain: Vec<Vec<u8>>, key: Vec<u8>) -> Server {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        chain.into_iter().map(CertificateDer::from).collect(),
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key)),
    )
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    spawn("https", app, |tcp| TlsListener { tcp, acceptor })
}

/// Binds port 0 and serves `app` on its own thread and runtime, on the listener `listen` makes
/// of the bound socket.
fn spawn<L: axum::serve::Listener>(
    scheme: &'static str,
    app: Router,
    listen: impl FnOnce(tokio::net::TcpListener) -> L + Send + 'static,
) -> Server
where
    L::Addr: std::fmt::Debug,
{
    let std = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    std.set_nonblocking(true).unwrap();
    let addr = std.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let tcp = tokio::net::TcpListener::from_std(std).unwrap();
            axum::serve(listen(tcp), app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
    });
    Server {
        addr,
        scheme,
        stop: Some(stop),
    }
}

/// The connections a server accepted: how many, and a way to cut them all as a restarting
/// server or a proxy dropping idle connections would.
#[derive(Clone, Default)]
pub struct Connections {
    accepted: Arc<AtomicUsize>,
    /// A second handle on each socket still open, to shut it down from outside the server.
    open: Arc<Mutex<Vec<std::net::TcpStream>>>,
}

impl Connections {
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    /// Shuts down every connection accepted so far, both ways: the client reads the end of the
    /// stream (a FIN), the server's side of each ends too. Later connections are not touched.
    pub fn cut_all(&self) {
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

struct Counted {
    tcp: tokio::net::TcpListener,
    conns: Connections,
}

impl axum::serve::Listener for Counted {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, addr)) = self.tcp.accept().await else {
                continue;
            };
            self.conns.accepted.fetch_add(1, Ordering::SeqCst);
            // The std socket is the only way to a second handle (try_clone) on the same socket.
            let std = stream.into_std().unwrap();
            self.conns
                .open
                .lock()
                .unwrap()
                .push(std.try_clone().unwrap());
            return (tokio::net::TcpStream::from_std(std).unwrap(), addr);
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

struct TlsListener {
    tcp: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, addr)) = self.tcp.accept().await else {
                continue;
            };
            // A client that refuses the certificate ends its handshake: wait for the next one.
            if let Ok(tls) = self.acceptor.accept(stream).await {
                return (tls, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// What the strict endpoint does besides verifying.
#[derive(Clone, Default)]
pub struct Strictness {
    /// Wait this long before answering.
    pub delay: Option<Duration>,
}

struct StrictState {
    seen: Mutex<HashSet<String>>,
    delay: Option<Duration>,
}

/// Verifies every delivery with [`SECRET`] inside the provider's window, answers 401 to anything
/// else, and acknowledges a repeated id with 200 without processing it again.
pub fn strict(opts: Strictness) -> Router {
    let state = Arc::new(StrictState {
        seen: Mutex::default(),
        delay: opts.delay,
    });
    Router::new()
        .route("/hook", post(strict_handler))
        .with_state(state)
}

async fn strict_handler(
    State(s): State<Arc<StrictState>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    if let Some(d) = s.delay {
        tokio::time::sleep(d).await;
    }
    let mut h = Headers::new();
    for (n, v) in headers.iter() {
        h.push(n.as_str(), v.to_str().unwrap_or(""));
    }
    let delivery = Delivery {
        method: "POST".into(),
        url: None,
        headers: h,
        body: body.to_vec(),
    };
    let verdict = verify("standard-webhooks", &delivery);
    if !verdict.is_valid() {
        return (StatusCode::UNAUTHORIZED, verdict.detail);
    }
    let id = delivery.headers.get("webhook-id").unwrap_or("").to_string();
    if !s.seen.lock().unwrap().insert(id) {
        return (StatusCode::OK, "duplicate ignored".into());
    }
    (StatusCode::OK, "ok".into())
}

/// The verdict on `delivery` as signed by `provider` with [`SECRET`], checked now.
pub fn verify(provider: &str, delivery: &Delivery) -> Verdict {
    let scheme = Registry::builtin()
        .get(provider)
        .unwrap_or_else(|| panic!("no provider {provider}"));
    let keys = Keys {
        secrets: vec![SECRET.into()],
        public_key: None,
    };
    scheme.verify(delivery, &keys, &VerifyOptions::now())
}

/// Accepts anything with 200.
pub fn lax() -> Router {
    Router::new().route("/hook", any(|| async { "ok" }))
}

/// Answers 401 to everything, signed or not.
pub fn refusing() -> Router {
    Router::new().route("/hook", any(|| async { StatusCode::UNAUTHORIZED }))
}

/// Redirects every request elsewhere.
pub fn redirecting() -> Router {
    Router::new().route(
        "/hook",
        any(|| async {
            (
                StatusCode::MOVED_PERMANENTLY,
                [("Location", "https://example.invalid/new-hook")],
            )
        }),
    )
}

/// An endpoint that answers 200 while up and 503 while down, counting its probes.
pub struct Switch {
    up: Arc<AtomicBool>,
    pub hits: watch::Receiver<usize>,
}

impl Switch {
    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }

    /// Waits until the endpoint has been probed `n` times in all.
    pub async fn wait_hits(&mut self, n: usize) {
        tokio::time::timeout(Duration::from_secs(20), self.hits.wait_for(|h| *h >= n))
            .await
            .expect("the endpoint was not probed in time")
            .unwrap();
    }
}

pub fn switchable() -> (Router, Switch) {
    let up = Arc::new(AtomicBool::new(true));
    let (tx, rx) = watch::channel(0usize);
    let tx = Arc::new(tx);
    let flag = up.clone();
    let app = Router::new().route(
        "/hook",
        any(move || {
            let up = flag.load(Ordering::SeqCst);
            tx.send_modify(|h| *h += 1);
            async move {
                if up {
                    (StatusCode::OK, "ok")
                } else {
                    (StatusCode::SERVICE_UNAVAILABLE, "maintenance")
                }
            }
        }),
    );
    (app, Switch { up, hits: rx })
}

/// One request an alert receiver got.
#[derive(Debug, Clone)]
pub struct Got {
    pub path: String,
    pub headers: Headers,
    pub body: Vec<u8>,
}

impl Got {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// Records every request and answers 200.
pub fn receiver() -> (Router, mpsc::UnboundedReceiver<Got>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let app = Router::new().fallback(
        move |uri: axum::http::Uri, headers: HeaderMap, body: Bytes| {
            let mut h = Headers::new();
            for (n, v) in headers.iter() {
                h.push(n.as_str(), v.to_str().unwrap_or(""));
            }
            let _ = tx.send(Got {
                path: uri.path().to_string(),
                headers: h,
                body: body.to_vec(),
            });
            async { "ok" }
        },
    );
    (app, rx)
}

/// Certificates made for a test: a CA, and leaf certificates for 127.0.0.1.
pub mod certs {
    use rcgen::{
        BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair, date_time_ymd,
    };

    pub struct Leaf {
        pub chain: Vec<Vec<u8>>,
        pub key: Vec<u8>,
    }

    fn params(valid: Option<(i64, i64)>) -> CertificateParams {
        let mut p =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
        if let Some((from_days, to_days)) = valid {
            let day = |d: i64| {
                use chrono::Datelike;
                let t = chrono::Utc::now() + chrono::Duration::days(d);
                date_time_ymd(t.year(), t.month() as u8, t.day() as u8)
            };
            p.not_before = day(from_days);
            p.not_after = day(to_days);
        }
        p
    }

    /// Self-signed, valid for a year.
    pub fn self_signed() -> Leaf {
        let key = KeyPair::generate().unwrap();
        let cert = params(Some((-1, 365))).self_signed(&key).unwrap();
        Leaf {
            chain: vec![cert.der().to_vec()],
            key: key.serialize_der(),
        }
    }

    /// Self-signed, expired ten days ago.
    pub fn expired() -> Leaf {
        let key = KeyPair::generate().unwrap();
        let cert = params(Some((-400, -10))).self_signed(&key).unwrap();
        Leaf {
            chain: vec![cert.der().to_vec()],
            key: key.serialize_der(),
        }
    }

    /// A test CA (its PEM, for --ca-cert) and a leaf it signed, valid from yesterday to
    /// `days_left` from now.
    pub fn from_ca(days_left: i64) -> (String, Leaf) {
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "hookctl test CA");
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
        let key = KeyPair::generate().unwrap();
        let leaf = params(Some((-1, days_left))).signed_by(&key, &ca).unwrap();
        (
            ca.pem(),
            Leaf {
                chain: vec![leaf.der().to_vec()],
                key: key.serialize_der(),
            },
        )
    }
}
