//! What every part of a running relay shares: its options, tokens, store, live tunnels, metrics.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::server::cluster::Cluster;
use crate::server::metrics::Metrics;
use crate::server::options::{OfflineMode, RelayOptions};
use crate::server::store::{self, Store};
use crate::server::tunnel::Registry;
use crate::shared::names::Tokens;

pub struct State {
    pub opts: RelayOptions,
    pub offline: OfflineMode,
    /// The URL senders use, without the trailing `/t/{name}`.
    pub public_base: String,
    pub tokens: Tokens,
    pub store: Arc<Store>,
    pub registry: Registry,
    pub metrics: Metrics,
    /// Ends every tunnel session: fired once in-flight requests have finished at shutdown.
    pub sessions: CancellationToken,
    /// The tunnel sessions, so shutdown can wait for their closing frames.
    pub tasks: TaskTracker,
    /// The address the relay listens on.
    pub bound: std::net::SocketAddr,
    /// With `--cluster`: the shared routing, names and buffer.
    pub cluster: Option<Arc<Cluster>>,
}

impl State {
    /// Reads tokens and opens the data dir for options already checked (`server::Relay::start`):
    /// failures here are the user's input (exit 2).
    pub fn new(
        opts: RelayOptions,
        public_base: String,
        bound: std::net::SocketAddr,
        tokens: Tokens,
        cluster: Option<Arc<Cluster>>,
    ) -> Result<Arc<State>, String> {
        let store = Store::open(opts.data_dir.as_deref())?;
        let metrics = Metrics::default();
        let kept = store.count_all()?;
        if cluster.is_none() {
            metrics.buffered.set(kept as i64);
        } else if kept > 0 {
            // A cluster buffers in Redis: what a single relay left on disk is not its to deliver.
            tracing::warn!(
                "{kept} requests buffered in --data-dir by this relay before it joined a cluster stay there: start it once without --cluster to deliver them"
            );
        }
        Ok(Arc::new(State {
            offline: opts.offline_mode(),
            opts,
            public_base,
            tokens,
            store: Arc::new(store),
            registry: Registry::default(),
            metrics,
            sessions: CancellationToken::new(),
            tasks: TaskTracker::new(),
            bound,
            cluster,
        }))
    }

    /// Runs `f` on the store from async code, on tokio's blocking pool: with `--data-dir` every
    /// write waits for the disk (`synchronous=FULL`), and the thread serving every tunnel must
    /// not wait with it (a relay runs on one thread by default).
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> store::Result<T> + Send + 'static,
    ) -> store::Result<T> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .unwrap_or_else(|e| Err(format!("relay database: the call did not finish: {e}")))
    }

    pub fn tunnel_url(&self, name: &str) -> String {
        format!("{}/t/{name}", self.public_base)
    }

    /// `https://NAME.DOMAIN` with --domain.
    pub fn subdomain_url(&self, name: &str) -> Option<String> {
        self.opts.subdomain_url(name, self.bound)
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn a_store_call_that_waits_leaves_the_thread_serving() {
        let opts = RelayOptions::from_flags(&[]).unwrap();
        let state = State::new(
            opts,
            "http://relay".into(),
            ([127, 0, 0, 1], 0).into(),
            Tokens::default(),
            None,
        )
        .unwrap();
        // Another thread holds the database, as a commit waiting for a slow disk would; it lets
        // go when told, or after 5 s, so a call that blocks this runtime fails instead of hanging.
        let (held_tx, held_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let store = state.store.clone();
        let holder = std::thread::spawn(move || {
            let _held = store.hold();
            held_tx.send(()).unwrap();
            let _ = release_rx.recv_timeout(Duration::from_secs(5));
        });
        held_rx.recv().unwrap();
        let call = tokio::spawn({
            let state = state.clone();
            async move { state.db(|s| s.count_all()).await }
        });
        // This runtime has one thread: a timer fires while the call waits only if the call
        // waits elsewhere.
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(
            !call.is_finished(),
            "the store call blocked the runtime's thread"
        );
        release_tx.send(()).unwrap();
        assert_eq!(call.await.unwrap(), Ok(0));
        holder.join().unwrap();
    }
}
