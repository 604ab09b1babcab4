//! What every part of a running relay shares: its options, tokens, store, live tunnels, metrics.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::metrics::Metrics;
use crate::names::Tokens;
use crate::options::{OfflineMode, RelayOptions};
use crate::store::Store;
use crate::tunnel::Registry;

pub struct State {
    pub opts: RelayOptions,
    pub offline: OfflineMode,
    /// The URL senders use, without the trailing `/t/{name}`.
    pub public_base: String,
    pub tokens: Tokens,
    pub store: Store,
    pub registry: Registry,
    pub metrics: Metrics,
    /// Ends every tunnel session: fired once in-flight requests have finished at shutdown.
    pub sessions: CancellationToken,
    /// The tunnel sessions, so shutdown can wait for their closing frames.
    pub tasks: TaskTracker,
}

impl State {
    /// Reads tokens and opens the data dir for options already checked (`server::Relay::start`):
    /// failures here are the user's input (exit 2).
    pub fn new(opts: RelayOptions, public_base: String) -> Result<Arc<State>, String> {
        let tokens = Tokens::load(&opts.tokens, opts.tokens_file.as_deref())?;
        let store = Store::open(opts.data_dir.as_deref())?;
        let metrics = Metrics::default();
        metrics.buffered.set(store.count_all()? as i64);
        Ok(Arc::new(State {
            offline: opts.offline_mode(),
            opts,
            public_base,
            tokens,
            store,
            registry: Registry::default(),
            metrics,
            sessions: CancellationToken::new(),
            tasks: TaskTracker::new(),
        }))
    }

    pub fn tunnel_url(&self, name: &str) -> String {
        format!("{}/t/{name}", self.public_base)
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
