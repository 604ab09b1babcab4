//! Running a relay as a program: bind, say what it serves, serve until Ctrl-C or SIGTERM.
//! `hookctl-relay` and `hookctl relay` both come through here.

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::server::options::{OfflineMode, RelayOptions};
use crate::server::{Relay, RelayError};

pub async fn run(opts: RelayOptions, shutdown: CancellationToken) -> Result<(), RelayError> {
    let addr = opts.listen;
    let bind = async move {
        TcpListener::bind(addr).await.map_err(|e| {
            RelayError::Runtime(format!(
                "cannot listen on {addr}: {e} (pick another --listen address)"
            ))
        })
    };
    let relay = Relay::start(opts, bind).await?;
    let state = &relay.state;
    tracing::info!(
        "hookctl-relay listening on {}{}: webhooks to {}/t/{{tunnel}}/..., clients to /connect, health at /healthz, metrics at /metrics",
        relay.bound,
        if relay.is_tls() { " (TLS)" } else { "" },
        state.public_base
    );
    if let Some(sub) = state.subdomain_url("{tunnel}") {
        tracing::info!(
            "tunnels also at {sub}{}",
            if state.opts.acme() {
                format!(
                    "; certificates from {} (ACME), kept in --data-dir",
                    state
                        .opts
                        .acme_directory
                        .as_deref()
                        .unwrap_or(crate::server::options::LETS_ENCRYPT)
                )
            } else {
                String::new()
            }
        );
    }
    let open = match &state.cluster {
        Some(cluster) => {
            tracing::info!(
                "cluster node {} on {}: other nodes forward to {}",
                cluster.node,
                crate::server::cluster::redis_shown(
                    state.opts.cluster.as_deref().unwrap_or_default()
                ),
                cluster.node_url
            );
            cluster.is_open().await.unwrap_or(false)
        }
        None => state.tokens.is_open(),
    };
    if open {
        tracing::warn!(
            "open relay: no --token or --tokens-file, so any client can open a tunnel (a name is reserved only for a client that presents a token)"
        );
    }
    match (state.offline, &state.opts.data_dir) {
        (OfflineMode::Buffer, _) if state.cluster.is_some() => tracing::info!(
            "requests for an offline client are buffered in Redis (ttl {}, at most {} per tunnel)",
            humantime::format_duration(state.opts.buffer_ttl),
            state.opts.buffer_max
        ),
        (OfflineMode::Buffer, Some(dir)) => tracing::info!(
            "requests for an offline client are buffered in {} (ttl {}, at most {} per tunnel)",
            dir.display(),
            humantime::format_duration(state.opts.buffer_ttl),
            state.opts.buffer_max
        ),
        _ => tracing::info!("requests for an offline client are answered 503 with Retry-After"),
    }
    // With several threads, on a worker rather than in the caller's block_on: each accepted
    // connection's task then starts on the thread that accepted it instead of waking another.
    tokio::spawn(relay.serve(shutdown))
        .await
        .map_err(|e| RelayError::Runtime(format!("the relay stopped: {e}")))?
}

/// The runtime a relay runs on, with `--threads` threads. One by default: on tokio's
/// multi-threaded scheduler a task that wakes itself wakes an idle worker too, and hyper's
/// connection task does so on every request with a body — a futex call and two context switches
/// on the other thread per request, a quarter of the relay's CPU per request (bench/README).
pub fn runtime(threads: u16) -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = if threads <= 1 {
        tokio::runtime::Builder::new_current_thread()
    } else {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.worker_threads(threads.into());
        b
    };
    builder.enable_all().build()
}

/// A token cancelled by Ctrl-C or (on Unix) SIGTERM, so containers stop the relay gracefully.
pub fn on_signal() -> CancellationToken {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            if let Ok(mut term) = signal(SignalKind::terminate()) {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
                t.cancel();
                return;
            }
        }
        let _ = tokio::signal::ctrl_c().await;
        t.cancel();
    });
    token
}
