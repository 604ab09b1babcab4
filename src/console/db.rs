//! The console's connections to the delivery log: a few kept open, each used by one blocking
//! task at a time, so a slow query never stalls the server's threads.

use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Result;

use crate::store::Store;

/// Connections kept idle between requests; more are opened while requests overlap.
const KEEP: usize = 4;

pub struct Db {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Db {
    pub fn new(path: PathBuf) -> Db {
        Db {
            path,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs `f` with a connection on a blocking thread.
    pub async fn run<T: Send + 'static>(
        self: &std::sync::Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = db.take()?;
            let out = f(&store);
            db.give(store);
            out
        })
        .await?
    }

    fn take(&self) -> Result<Store> {
        let kept = self.idle.lock().ok().and_then(|mut v| v.pop());
        match kept {
            Some(s) => Ok(s),
            None => Store::open(&self.path),
        }
    }

    fn give(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < KEEP
        {
            idle.push(store);
        }
    }
}
