//! Where the console listens: the address asked for, or, when its port is taken, the next free
//! one — as ngrok's inspector moves off 4040 — and the lines that tell the person where it went.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use tokio::net::TcpListener;

/// How many ports past a taken one are tried before giving up.
const TRIES: u16 = 50;

/// A bound listener, and the port asked for when that one was taken.
pub struct Bound {
    pub listener: TcpListener,
    pub addr: SocketAddr,
    pub moved_from: Option<u16>,
}

pub async fn bind(wanted: SocketAddr) -> Result<Bound> {
    let mut addr = wanted;
    let mut last_err = None;
    for _ in 0..=TRIES {
        match TcpListener::bind(addr).await {
            Ok(listener) => {
                let bound = listener.local_addr()?;
                return Ok(Bound {
                    listener,
                    addr: bound,
                    moved_from: (wanted.port() != 0 && bound.port() != wanted.port())
                        .then_some(wanted.port()),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && wanted.port() != 0 => {
                let Some(next) = addr.port().checked_add(1) else {
                    break;
                };
                addr.set_port(next);
                last_err = Some(e);
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("cannot serve the console on {wanted} (pick another address or port)")
                });
            }
        }
    }
    Err(last_err.map_or_else(|| anyhow::anyhow!("no port left"), anyhow::Error::new)).with_context(
        || {
            format!(
                "cannot serve the console: ports {} to {} are taken (pick another port, or 0 for any)",
                wanted.port(),
                wanted.port().saturating_add(TRIES)
            )
        },
    )
}

/// The line giving the console's URL (with its token), and where it moved from.
pub fn url_line(url: &str, moved_from: Option<u16>) -> String {
    match moved_from {
        Some(p) => format!("Console: {url} (port {p} was taken)"),
        None => format!("Console: {url}"),
    }
}

/// The warning for a console other machines can reach, if it is one.
pub fn exposure_warning(addr: SocketAddr) -> Option<String> {
    (!addr.ip().is_loopback()).then(|| {
        format!(
            "warning: the console on {addr} is reachable from other machines; anyone with its token can read every delivery and send requests"
        )
    })
}
