//! HTTPS on `--listen`: the ClientHello is read first, so the certificate can be chosen by the
//! name the client asked for (SNI) and, with ACME, obtained for a tunnel subdomain while the
//! handshake waits, or a TLS-ALPN-01 challenge answered; then the handshake completes.

pub mod files;
pub mod hello;
pub mod served;

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpStream;
use tokio_rustls::LazyConfigAcceptor;
use tokio_rustls::server::TlsStream;

use crate::server::acme::Acme;
use crate::server::state::State;
use crate::server::tls::hello::{ACME_TLS_ALPN, Hello};

/// Where the relay's certificates come from.
#[derive(Clone)]
pub enum Tls {
    Files(Arc<files::Files>),
    Acme(Arc<Acme>),
}

impl Tls {
    /// The TLS handshake, each half bounded by `limit`; `None` when it fails, times out, or no
    /// certificate may be served for the name asked (the connection is then closed, never
    /// answered in plain text).
    pub async fn accept(
        &self,
        tcp: TcpStream,
        state: &Arc<State>,
        limit: Duration,
    ) -> Option<TlsStream<TcpStream>> {
        let acceptor = LazyConfigAcceptor::new(rustls::server::Acceptor::default(), tcp);
        let start = tokio::time::timeout(limit, acceptor).await.ok()?.ok()?;
        let hello = {
            let h = start.client_hello();
            Hello {
                name: h.server_name().map(|n| n.to_ascii_lowercase()),
                acme_challenge: h
                    .alpn()
                    .is_some_and(|mut protocols| protocols.any(|p| p == ACME_TLS_ALPN)),
            }
        };
        let config = match self {
            Tls::Files(f) => f.current().config.clone(),
            Tls::Acme(a) => a.config_for(&hello, state).await?,
        };
        tokio::time::timeout(limit, start.into_stream(config))
            .await
            .ok()?
            .ok()
    }
}
