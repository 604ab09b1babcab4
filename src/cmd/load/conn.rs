//! The target and its connections: resolved once, then one connection per worker — our lean
//! HTTP/1.1 (h1.rs) with keep-alive, or hyper's HTTP/2 shared by many workers and reopened once
//! for all of them when it breaks — over TLS where the URL says https. No pool, no per-request
//! lookup.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use anyhow::{Context, Result};
use bytes::Bytes;
use http::{HeaderValue, Request, Response, Uri};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::http2;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

pub use super::h1::{Failure, Reply};
use super::h1::{H1, failure, io_kind};
use super::stats::ErrorKind;
use crate::message::Headers;
use crate::probe::{connect, tls};
use rustls::pki_types::CertificateDer;

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

/// A plain or TLS socket, so HTTP/1.1 has one connection type whatever the URL's scheme.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

/// A handle on an HTTP/2 connection; its clones all send on the same connection.
type H2Send = http2::SendRequest<Full<Bytes>>;

/// One newly opened connection.
pub enum Conn {
    /// HTTP/1.1 carries one request at a time, read and written by the worker's own task: no
    /// connection task, no wake-ups across tasks for each request.
    H1(H1<Stream>),
    /// HTTP/2 connections are shared by many workers, so they are driven by a task of their own.
    H2(H2Send),
}

/// An HTTP/2 connection that several workers share. When it breaks, the first worker to need it
/// opens the next one while the others wait for it and then take it: a broken connection is
/// replaced by one connection, not by one per worker that was using it.
pub struct SharedH2 {
    /// `None` until opened (it could not be at the start) or while reopening failed.
    current: tokio::sync::Mutex<Option<H2Send>>,
}

impl SharedH2 {
    pub fn new(conn: Option<Conn>) -> Arc<SharedH2> {
        let current = match conn {
            Some(Conn::H2(s)) => Some(s),
            // Not an HTTP/2 connection: nothing to share yet, the first worker opens one.
            _ => None,
        };
        Arc::new(SharedH2 {
            current: tokio::sync::Mutex::new(current),
        })
    }

    /// A handle on the shared connection, opened anew if it is closed. Closed-ness belongs to the
    /// connection, not to a handle, so a worker that found its handle closed and comes here
    /// after another worker reopened it finds the new one open and takes it.
    async fn handle(&self, target: &Target) -> Result<H2Send, Failure> {
        let mut current = self.current.lock().await;
        if let Some(s) = current.as_ref().filter(|s| !s.is_closed()) {
            return Ok(s.clone());
        }
        let fresh = target
            .connect_h2()
            .await
            .map_err(|e| (ErrorKind::Connect, e.text()))?;
        Ok(current.insert(fresh).clone())
    }
}

/// A worker's way to the target.
pub enum Link {
    /// Its own HTTP/1.1 connection; `None` until opened, or after it broke.
    H1(Option<H1<Stream>>),
    /// Its share of an HTTP/2 connection, and the handle it last sent on.
    H2 {
        shared: Arc<SharedH2>,
        held: Option<H2Send>,
    },
}

/// A request in the form its connection sends.
pub enum Message<'a> {
    /// The whole HTTP/1.1 message, head and body.
    H1(&'a [u8]),
    H2(Box<Request<Full<Bytes>>>),
}

impl Target {
    /// Resolves the host; a name that does not resolve is a runtime failure (exit 3).
    pub async fn resolve(
        url: url::Url,
        http2: bool,
        extra_roots: &[CertificateDer<'static>],
    ) -> Result<Target> {
        let host = url.host_str().unwrap_or_default();
        let port = url.port_or_known_default().unwrap_or(80);
        let addr = connect::resolve(host, port)
            .await
            .map_err(anyhow::Error::msg)?[0];
        let tls = if url.scheme() == "https" {
            // `[::1]` arrives bracketed; a TLS server name is the bare address.
            Some(tls_connector(
                host.trim_matches(['[', ']']),
                http2,
                extra_roots,
            )?)
        } else {
            None
        };
        Ok(Target {
            host: HeaderValue::from_str(&crate::http::host_header(&url))
                .context("the URL's host is not valid")?,
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
        if self.http2 {
            return Ok(Conn::H2(self.connect_h2().await?));
        }
        Ok(Conn::H1(H1::new(self.stream().await?)))
    }

    async fn connect_h2(&self) -> Result<H2Send, ConnectError> {
        let stream = self.stream().await?;
        let (send, conn) = http2::handshake(TokioExecutor::new(), TokioIo::new(stream))
            .await
            .map_err(|e| ConnectError::Tls(format!("HTTP/2 handshake: {e}")))?;
        tokio::spawn(conn);
        Ok(send)
    }

    /// A TCP connection, with TLS on it where the URL says https.
    async fn stream(&self) -> Result<Stream, ConnectError> {
        let tcp = TcpStream::connect(self.addr)
            .await
            .map_err(|e| ConnectError::Tcp(format!("cannot connect to {}: {e}", self.addr)))?;
        // Requests are small and each waits for its answer: Nagle would only add delay.
        let _ = tcp.set_nodelay(true);
        let stream = match &self.tls {
            None => Stream::Plain(tcp),
            Some((connector, name)) => Stream::Tls(Box::new(
                connector.connect(name.clone(), tcp).await.map_err(|e| {
                    ConnectError::Tls(format!(
                        "TLS handshake with {}: {}",
                        self.addr,
                        tls::handshake_failure(&e)
                    ))
                })?,
            )),
        };
        Ok(stream)
    }
}

/// An HTTP/2 answer, read to the end; its headers and body only if `keep` wants them.
async fn read_h2(
    resp: Response<Incoming>,
    keep: impl FnOnce(u16) -> bool,
) -> Result<Reply, hyper::Error> {
    let status = resp.status().as_u16();
    let (parts, body) = resp.into_parts();
    let body = body.collect().await?.to_bytes();
    let detail = keep(status).then(|| (Headers::from(&parts.headers), body));
    Ok(Reply { status, detail })
}

/// Why a connection could not be opened, in one line.
#[derive(Debug)]
pub enum ConnectError {
    /// Nothing accepted the TCP connection.
    Tcp(String),
    /// Something listens, but the TLS or HTTP/2 handshake failed.
    Tls(String),
}

impl ConnectError {
    pub fn text(self) -> String {
        match self {
            ConnectError::Tcp(t) | ConnectError::Tls(t) => t,
        }
    }
}

impl Link {
    /// A worker's own connection (HTTP/1.1), `conn` if it could be opened up front.
    pub fn own(conn: Option<Conn>) -> Link {
        Link::H1(match conn {
            Some(Conn::H1(c)) => Some(c),
            _ => None,
        })
    }

    /// A worker's share of `shared`.
    pub fn share(shared: &Arc<SharedH2>) -> Link {
        Link::H2 {
            shared: shared.clone(),
            held: None,
        }
    }

    /// Sends one request and reads its whole answer, (re)opening the connection first if it is
    /// not open; `keep(status)` says whether to hand back the answer's headers and body.
    pub async fn exchange(
        &mut self,
        target: &Target,
        message: Message<'_>,
        keep: impl FnOnce(u16) -> bool,
    ) -> Result<Reply, Failure> {
        match (self, message) {
            (Link::H1(conn), Message::H1(bytes)) => {
                let c = match conn {
                    // A server may close a keep-alive connection between requests.
                    Some(c) if c.is_open() => c,
                    _ => conn.insert(H1::new(
                        target
                            .stream()
                            .await
                            .map_err(|e| (ErrorKind::Connect, e.text()))?,
                    )),
                };
                c.exchange(bytes, keep).await
            }
            (Link::H2 { shared, held }, Message::H2(req)) => {
                let s = match held {
                    Some(s) if !s.is_closed() => s,
                    _ => held.insert(shared.handle(target).await?),
                };
                let answer = async {
                    s.ready().await?;
                    read_h2(s.send_request(*req).await?, keep).await
                };
                answer.await.map_err(hyper_failure)
            }
            _ => unreachable!("a request is made for its connection's HTTP version"),
        }
    }

    /// After a failed exchange (or one cut short by the timeout). An HTTP/1.1 connection stopped
    /// mid-message cannot carry another. A shared HTTP/2 connection stays: a stream that failed
    /// or timed out leaves the others, and if the connection itself broke, the next exchange
    /// finds it closed and reopens it once for everyone sharing it.
    pub fn failed(&mut self) {
        if let Link::H1(conn) = self {
            *conn = None;
        }
    }
}

fn hyper_failure(e: hyper::Error) -> Failure {
    failure(classify(&e), e)
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
            return io_kind(io);
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
    extra_roots: &[CertificateDer<'static>],
) -> Result<(
    tokio_rustls::TlsConnector,
    rustls::pki_types::ServerName<'static>,
)> {
    let verifier = tls::platform_verifier(extra_roots).map_err(anyhow::Error::msg)?;
    let mut config = tls::client_config(Arc::new(verifier)).map_err(anyhow::Error::msg)?;
    config.alpn_protocols = if http2 {
        vec![b"h2".to_vec()]
    } else {
        vec![b"http/1.1".to_vec()]
    };
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .with_context(|| format!("'{host}' is not a valid TLS server name"))?;
    Ok((tokio_rustls::TlsConnector::from(Arc::new(config)), name))
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}
