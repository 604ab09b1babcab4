//! The target and its connections: resolved once, then raw hyper client connections (HTTP/1.1
//! keep-alive or HTTP/2), over TLS where the URL says https — no pool, no per-request lookup.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use anyhow::{Context, Result};
use bytes::Bytes;
use http::{HeaderValue, Request, Response, Uri};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::stats::ErrorKind;

/// Where the load goes, resolved once before the run.
pub struct Target {
    pub url: url::Url,
    addr: SocketAddr,
    pub host: HeaderValue,
    tls: Option<(
        tokio_rustls::TlsConnector,
        rustls::pki_types::ServerName<'static>,
    )>,
    pub http2: bool,
}

/// The future that does an HTTP/1.1 connection's reading and writing.
type Driver = Pin<Box<dyn Future<Output = hyper::Result<()>> + Send>>;

/// One open connection.
pub enum Conn {
    /// HTTP/1.1 carries one request at a time, so its driver runs inside the worker's own task:
    /// no wake-ups across tasks or threads for each request, as a spawned connection would need.
    H1 {
        send: http1::SendRequest<Full<Bytes>>,
        driver: Driver,
    },
    /// HTTP/2 connections are shared by many workers, so they are driven by a task of their own.
    H2(http2::SendRequest<Full<Bytes>>),
}

impl Target {
    /// Resolves the host; a name that does not resolve is a runtime failure (exit 3).
    pub async fn resolve(url: url::Url, http2: bool) -> Result<Target> {
        let host = url.host_str().unwrap_or_default().to_string();
        let port = url.port_or_known_default().unwrap_or(80);
        // `[::1]` arrives bracketed; lookup_host wants it bare.
        let bare = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let addr = tokio::net::lookup_host((bare.as_str(), port))
            .await
            .ok()
            .and_then(|mut a| a.next())
            .with_context(|| format!("cannot resolve {host}: check the URL"))?;
        let authority = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.clone(),
        };
        let tls = if url.scheme() == "https" {
            Some(tls_connector(&bare, http2)?)
        } else {
            None
        };
        Ok(Target {
            host: HeaderValue::from_str(&authority).context("the URL's host is not valid")?,
            url,
            addr,
            tls,
            http2,
        })
    }

    /// A request URI for `url`: origin-form for HTTP/1.1 (Host goes in a header), absolute for
    /// HTTP/2 (hyper derives :authority from it).
    pub fn uri(&self, url: &str) -> Result<Uri> {
        if self.http2 {
            return url.parse().context("the signed URL is not a valid URI");
        }
        let u = url::Url::parse(url).context("the signed URL is not valid")?;
        let path = match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        };
        path.parse().context("the URL's path is not a valid URI")
    }

    /// Opens a connection and speaks the HTTP version asked for on it.
    pub async fn connect(&self) -> Result<Conn, ConnectError> {
        let tcp = TcpStream::connect(self.addr)
            .await
            .map_err(|e| ConnectError(format!("cannot connect to {}: {e}", self.addr)))?;
        // Requests are small and each waits for its answer: Nagle would only add delay.
        let _ = tcp.set_nodelay(true);
        match &self.tls {
            None => self.handshake(tcp).await,
            Some((connector, name)) => {
                let tls = connector
                    .connect(name.clone(), tcp)
                    .await
                    .map_err(|e| ConnectError(format!("TLS handshake with {}: {e}", self.addr)))?;
                self.handshake(tls).await
            }
        }
    }

    async fn handshake<S>(&self, io: S) -> Result<Conn, ConnectError>
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let io = TokioIo::new(io);
        let fail = |e: hyper::Error| ConnectError(format!("HTTP handshake: {e}"));
        if self.http2 {
            let (send, conn) = http2::handshake(TokioExecutor::new(), io)
                .await
                .map_err(fail)?;
            tokio::spawn(conn);
            Ok(Conn::H2(send))
        } else {
            let (send, conn) = http1::handshake(io).await.map_err(fail)?;
            Ok(Conn::H1 {
                send,
                driver: Box::pin(conn),
            })
        }
    }
}

/// An answer, read to the end.
pub struct Answer {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

async fn read(resp: Response<Incoming>) -> Result<Answer, hyper::Error> {
    let status = resp.status().as_u16();
    let (parts, body) = resp.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok(Answer {
        status,
        headers: parts.headers,
        body,
    })
}

/// Why a connection could not be opened, in one line.
#[derive(Debug)]
pub struct ConnectError(pub String);

impl Conn {
    /// Sends one request and reads its whole answer. After an error the connection is unusable.
    pub async fn exchange(&mut self, req: Request<Full<Bytes>>) -> Result<Answer, Failure> {
        match self {
            Conn::H1 { send, driver } => {
                let exchange = async {
                    send.ready().await?;
                    read(send.send_request(req).await?).await
                };
                tokio::select! {
                    biased;
                    answer = exchange => answer.map_err(failure),
                    // The connection ended before the answer did: hyper says why, or the
                    // server closed it cleanly, which for an unanswered request is a reset.
                    ended = driver => Err(match ended {
                        Err(e) => failure(e),
                        Ok(()) => (ErrorKind::Reset, "reset: the server closed the connection".into()),
                    }),
                }
            }
            Conn::H2(s) => {
                let answer = async {
                    s.ready().await?;
                    read(s.send_request(req).await?).await
                };
                answer.await.map_err(failure)
            }
        }
    }

    /// Another handle on the same connection: HTTP/2 multiplexes, HTTP/1.1 cannot.
    pub fn share(&self) -> Option<Conn> {
        match self {
            Conn::H1 { .. } => None,
            Conn::H2(s) => Some(Conn::H2(s.clone())),
        }
    }

    /// Whether the connection can take another request (a server may close a keep-alive one).
    pub fn is_open(&self) -> bool {
        match self {
            Conn::H1 { send, .. } => !send.is_closed(),
            Conn::H2(s) => !s.is_closed(),
        }
    }
}

/// A request that got no usable answer: its kind, and one line saying what happened.
pub type Failure = (ErrorKind, String);

fn failure(e: hyper::Error) -> Failure {
    let kind = classify(&e);
    (kind, format!("{}: {e}", kind.name()))
}

/// What kind of failure a hyper error is.
pub fn classify(e: &hyper::Error) -> ErrorKind {
    use std::error::Error as _;
    if e.is_parse() || e.is_parse_status() || e.is_user() {
        return ErrorKind::Protocol;
    }
    if e.is_timeout() {
        return ErrorKind::Timeout;
    }
    let mut src = e.source();
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            return match io.kind() {
                K::ConnectionRefused | K::NotConnected | K::AddrNotAvailable => ErrorKind::Connect,
                K::TimedOut => ErrorKind::Timeout,
                _ => ErrorKind::Reset,
            };
        }
        src = s.source();
    }
    // Closed before a complete answer, canceled because the connection died: a reset, as
    // far as the endpoint's health goes.
    ErrorKind::Reset
}

fn tls_connector(
    host: &str,
    http2: bool,
) -> Result<(
    tokio_rustls::TlsConnector,
    rustls::pki_types::ServerName<'static>,
)> {
    use rustls_platform_verifier::ConfigVerifierExt;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut config = rustls::ClientConfig::with_platform_verifier()
        .context("cannot load the system's certificate store")?;
    config.alpn_protocols = if http2 {
        vec![b"h2".to_vec()]
    } else {
        vec![b"http/1.1".to_vec()]
    };
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .with_context(|| format!("'{host}' is not a valid TLS server name"))?;
    Ok((tokio_rustls::TlsConnector::from(Arc::new(config)), name))
}
