//! The relay side: accepts connections (plain, or TLS from `tls` with certificates from files
//! or `acme`) with header-size and slow-client limits, routes `/healthz`, `/metrics`,
//! `/connect` (to `connect`'s tunnel sessions) and `/t/…` or a tunnel's subdomain (to
//! `ingress`, which answers through `answer` and buffers through `drain`), serves `plain` HTTP
//! beside it with `--http-listen`, and shuts down gracefully. Serves on a bound listener until the shutdown token fires, so tests run it
//! in-process on port 0.

pub mod acme;
pub mod answer;
pub mod cluster;
pub mod connect;
pub mod drain;
pub mod error;
pub mod host;
pub mod ingress;
pub mod metrics;
pub mod options;
pub mod plain;
pub mod run;
pub mod state;
pub mod store;
pub mod tls;
pub mod tunnel;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use http::{Method, Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use crate::server::error::RelayError;
use crate::server::options::RelayOptions;
use crate::server::state::{State, now_ms};
use crate::server::tls::Tls;
use crate::shared::body::{RelayBody, text_response};

/// The largest request head (request line and headers) accepted; larger gets 431.
const MAX_HEAD: usize = 64 * 1024;

/// Routes one request; `certs` is where HTTPS certificates come from, if the relay serves HTTPS.
async fn route(
    state: Arc<State>,
    req: Request<Incoming>,
    peer: SocketAddr,
    certs: Option<&Tls>,
) -> Response<RelayBody> {
    let tls = certs.is_some();
    // A forward from another node of the cluster: to the tunnel it names, whatever the host.
    if let Some(cluster) = &state.cluster
        && let Some(given) = req.headers().get(crate::server::cluster::proxy::HOP_HEADER)
        && cluster.is_hop(given.as_bytes())
    {
        return crate::server::ingress::handle(state, req, peer, tls, None, true).await;
    }
    if let Some(name) = subdomain_tunnel(&state, &req) {
        let rest = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default();
        return crate::server::ingress::handle(state, req, peer, tls, Some((name, rest)), false)
            .await;
    }
    let path = req.uri().path();
    if path.starts_with("/t/") {
        return crate::server::ingress::handle(state, req, peer, tls, None, false).await;
    }
    match (req.method(), path) {
        (&Method::GET, "/healthz") => health(certs, state.cluster.as_deref()).await,
        (&Method::GET, "/metrics") => {
            let mut r = text_response(StatusCode::OK, &state.metrics.render());
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            );
            r
        }
        (_, "/connect") => crate::server::connect::upgrade(state, req),
        _ => text_response(
            StatusCode::NOT_FOUND,
            "unknown tunnel: webhooks go to /t/{tunnel}/...\n",
        ),
    }
}

/// The tunnel a request's host names with `--domain D`: `NAME.D` (any port), HTTP/2's
/// `:authority` or HTTP/1.1's Host.
fn subdomain_tunnel(state: &State, req: &Request<Incoming>) -> Option<String> {
    let domain = state.opts.domain.as_deref()?;
    let host = crate::server::host::request_host(req)?;
    crate::server::host::subdomain_tunnel(domain, &host).map(str::to_string)
}

/// `ok`, with HTTPS the certificate's expiry (503 while the ACME certificate is missing), and in
/// a cluster whether Redis answers (503 when not: the node refuses what it cannot keep).
async fn health(
    certs: Option<&Tls>,
    cluster: Option<&crate::server::cluster::Cluster>,
) -> Response<RelayBody> {
    let (mut status, mut text) = certificate_health(certs);
    if let Some(cluster) = cluster {
        match cluster.ping().await {
            Ok(()) => {
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&format!(
                    "cluster: redis reachable, node {}\n",
                    cluster.node
                ));
            }
            Err(e) => {
                status = StatusCode::SERVICE_UNAVAILABLE;
                text = format!(
                    "redis unreachable: {e}: this node buffers no request until it is back\n{text}"
                );
            }
        }
    }
    text_response(status, &text)
}

fn certificate_health(certs: Option<&Tls>) -> (StatusCode, String) {
    let served = match certs {
        None => return (StatusCode::OK, "ok".into()),
        Some(Tls::Files(f)) => Ok(f.current()),
        Some(Tls::Acme(a)) => a.main(),
    };
    match served {
        Ok(c) => {
            let left = c
                .not_after
                .duration_since(std::time::SystemTime::now())
                .unwrap_or_default()
                .as_secs();
            // Days are precision enough for a certificate of weeks or months.
            let left = if left >= 86_400 {
                left - left % 86_400
            } else {
                left
            };
            // Only ACME's certificates are renewed by the relay; an own one is the operator's.
            let renewal = match certs {
                Some(Tls::Acme(_)) => format!(
                    ", renewal from {}",
                    humantime::format_rfc3339_seconds(c.renew_at())
                ),
                _ => String::new(),
            };
            (
                StatusCode::OK,
                format!(
                    "ok\ncertificate expires {} (in {}){renewal}\n",
                    humantime::format_rfc3339_seconds(c.not_after),
                    humantime::format_duration(Duration::from_secs(left)),
                ),
            )
        }
        Err(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("no certificate yet: {why}\n"),
        ),
    }
}

/// Reads the options' files (tokens, TLS) and serves until `shutdown` is cancelled, then
/// finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    opts: RelayOptions,
    shutdown: CancellationToken,
) -> Result<(), RelayError> {
    Relay::start(opts, async { Ok(listener) })
        .await?
        .serve(shutdown)
        .await
}

/// A relay ready to serve: its options checked, their files read, its listener bound.
pub struct Relay {
    listener: TcpListener,
    pub bound: SocketAddr,
    pub state: Arc<State>,
    http: Option<TcpListener>,
    tls: Option<Tls>,
}

impl Relay {
    /// The one way a relay starts. The options are checked, the TLS files read and the ACME
    /// account opened before `bind` runs, so a mistake in them is not hidden behind a busy
    /// port; the tokens and the data dir come after, as the public URL may need the bound
    /// address.
    pub async fn start(
        opts: RelayOptions,
        bind: impl Future<Output = Result<TcpListener, RelayError>>,
    ) -> Result<Relay, RelayError> {
        opts.validate().map_err(RelayError::Usage)?;
        let tls = match (&opts.tls_cert, &opts.tls_key) {
            (Some(c), Some(k)) => Some(Tls::Files(Arc::new(
                crate::server::tls::files::Files::open(c, k).map_err(RelayError::Usage)?,
            ))),
            _ if opts.acme() => Some(Tls::Acme(crate::server::acme::Acme::start(&opts).await?)),
            _ => None,
        };
        let listener = bind.await?;
        let bound = listener
            .local_addr()
            .map_err(|e| RelayError::Runtime(e.to_string()))?;
        let http = match opts.http_listen {
            Some(addr) => Some(TcpListener::bind(addr).await.map_err(|e| {
                RelayError::Runtime(format!(
                    "cannot listen on {addr} for --http-listen: {e} (port 80 needs root or CAP_NET_BIND_SERVICE)"
                ))
            })?),
            None => None,
        };
        let tokens = crate::shared::names::Tokens::load(&opts.tokens, opts.tokens_file.as_deref())
            .map_err(RelayError::Usage)?;
        let cluster = match (&opts.cluster, &opts.node_url) {
            (Some(url), Some(node_url)) => Some(Arc::new(
                crate::server::cluster::Cluster::join(url, node_url, tokens.hashes()).await?,
            )),
            _ => None,
        };
        let base = opts.public_base(bound);
        let state = State::new(opts, base, bound, tokens, cluster).map_err(RelayError::Usage)?;
        Ok(Relay {
            listener,
            bound,
            state,
            http,
            tls,
        })
    }

    pub fn is_tls(&self) -> bool {
        self.tls.is_some()
    }

    /// Serves until `shutdown` is cancelled, then finishes in-flight requests.
    pub async fn serve(self, shutdown: CancellationToken) -> Result<(), RelayError> {
        let acme = match &self.tls {
            Some(Tls::Acme(a)) => Some(a.clone()),
            _ => None,
        };
        match &self.tls {
            Some(Tls::Acme(a)) => a.spawn(&self.state),
            Some(Tls::Files(f)) => {
                tokio::spawn(
                    f.clone()
                        .watch(self.state.clone(), self.state.sessions.clone()),
                );
            }
            None => {}
        }
        if let Some(http) = self.http {
            tokio::spawn(crate::server::plain::serve(http, self.state.clone(), acme));
        }
        serve_state(self.listener, self.state, self.tls, shutdown).await
    }
}

async fn serve_state(
    listener: TcpListener,
    state: Arc<State>,
    tls: Option<Tls>,
    shutdown: CancellationToken,
) -> Result<(), RelayError> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(state.opts.header_timeout)
        .max_buf_size(MAX_HEAD)
        .max_headers(200);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_header_list_size(MAX_HEAD as u32);
    let graceful = GracefulShutdown::new();
    let sweeper = tokio::spawn(sweep(state.clone()));
    let leases = state
        .cluster
        .clone()
        .map(|c| tokio::spawn(crate::server::cluster::lease::keep(state.clone(), c)));
    loop {
        let (tcp, peer) = tokio::select! {
            _ = shutdown.cancelled() => break,
            a = listener.accept() => match a {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = tcp.set_nodelay(true);
        let state = state.clone();
        let builder = builder.clone();
        let watcher = graceful.watcher();
        let handshake_limit = state.opts.header_timeout;
        let tls = tls.clone();
        tokio::spawn(async move {
            let for_tls = state.clone();
            let certs = tls.clone();
            let svc = service_fn(move |req| {
                let state = state.clone();
                let certs = certs.clone();
                async move { Ok::<_, Infallible>(route(state, req, peer, certs.as_ref()).await) }
            });
            match tls {
                Some(tls) => {
                    let Some(stream) = tls.accept(tcp, &for_tls, handshake_limit).await else {
                        return;
                    };
                    drop(for_tls);
                    let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), svc);
                    let _ = watcher.watch(conn.into_owned()).await;
                }
                None => {
                    let conn = builder.serve_connection_with_upgrades(TokioIo::new(tcp), svc);
                    let _ = watcher.watch(conn.into_owned()).await;
                }
            }
        });
    }
    drop(listener);
    sweeper.abort();
    if let Some(l) = leases {
        l.abort();
    }
    // In-flight requests finish (they need their tunnels), bounded by the request timeout.
    let limit = state.opts.request_timeout + Duration::from_secs(1);
    if tokio::time::timeout(limit, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("stopped with requests still in flight after {limit:?}");
    }
    state.sessions.cancel();
    // Let the tunnel sessions send their closing frames.
    state.tasks.close();
    let _ = tokio::time::timeout(Duration::from_secs(2), state.tasks.wait()).await;
    Ok(())
}

/// Drops buffered requests past `--buffer-ttl`, checking as often as a tenth of it (at most
/// once a minute, at least once a second).
async fn sweep(state: Arc<State>) {
    let ttl = state.opts.buffer_ttl;
    let mut every = (ttl / 10).clamp(Duration::from_secs(1), Duration::from_secs(60));
    if state.cluster.is_some() {
        // The cluster-wide depth and age shown in /metrics come from here too.
        every = every.min(Duration::from_secs(5));
    }
    loop {
        tokio::time::sleep(every).await;
        let cutoff = now_ms() - ttl.as_millis() as i64;
        if let Some(cluster) = &state.cluster {
            match cluster.sweep(cutoff, now_ms()).await {
                Ok((dropped, left, oldest_ms)) => {
                    if dropped > 0 {
                        tracing::info!(
                            "dropped {dropped} buffered requests older than --buffer-ttl"
                        );
                    }
                    state.metrics.buffered.set(left as i64);
                    state.metrics.buffer_oldest_age.set(oldest_ms / 1000);
                }
                Err(e) => tracing::warn!("redis: cannot sweep the buffer: {e}"),
            }
            continue;
        }
        match state.db(move |s| s.expire(cutoff)).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!("dropped {n} buffered requests older than --buffer-ttl");
                if let Ok(left) = state.db(|s| s.count_all()).await {
                    state.metrics.buffered.set(left as i64);
                }
            }
            Err(e) => tracing::error!("{e}"),
        }
    }
}
