//! The web console: its server, API and embedded page files, over the delivery log.

pub mod api;
mod assets;
pub mod bind;
mod db;
pub mod diff;
mod feed;
pub mod security;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Result;
use axum::Router;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::cmd::Ctx;
use db::Db;
use feed::Feed;
use security::Guard;
pub use state::State;

/// One console: made before its listener is served, so the caller can print its URL first.
pub struct Console {
    state: Arc<State>,
}

impl Console {
    /// A console for the log of `ctx` (`--db`), answering on `addr` with a new random token.
    pub fn new(ctx: Ctx, addr: SocketAddr) -> Result<Console> {
        let path = crate::store::path(ctx.global.db.as_deref())?;
        // Opened once here, so a broken log fails the command before it prints a URL.
        let sender = crate::http::Sender::new(Some(crate::store::Store::open(&path)?))?;
        let db = Arc::new(Db::new(path));
        Ok(Console {
            state: Arc::new(State {
                feed: Feed::new(db.clone()),
                sender,
                db,
                guard: Arc::new(Guard::new(addr, security::new_token())),
                ctx,
            }),
        })
    }

    /// The URL a person opens: the address served, with the token that lets them in.
    pub fn url(&self) -> String {
        self.state.guard.url()
    }

    pub fn token(&self) -> &str {
        self.state.guard.token()
    }

    /// Serves the console on `listener` until `cancel`.
    pub async fn serve(self, listener: TcpListener, cancel: CancellationToken) -> Result<()> {
        serve(listener, self.state, cancel).await
    }
}

/// The page and the API behind the guard, on `listener`, until `cancel`.
pub async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    cancel: CancellationToken,
) -> Result<()> {
    let app = router(state.clone());
    let stop = cancel.clone();
    state.feed.start(cancel);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await?;
    Ok(())
}

fn router(state: Arc<State>) -> Router {
    Router::new()
        .merge(assets::routes())
        .nest("/api", api::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.guard.clone(),
            security::guard,
        ))
        .with_state(state)
}
