//! The relay's HTTP side: health and the public ingress. Serves on a bound listener until the
//! shutdown token fires, so tests run it in-process on port 0.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::options::RelayOptions;

pub fn router(_opts: &RelayOptions) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "unknown tunnel: no client holds this tunnel name\n",
            )
        })
}

/// Serves until `shutdown` is cancelled, then finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    opts: RelayOptions,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    axum::serve(listener, router(&opts))
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
}
