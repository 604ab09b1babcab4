//! New records as any process writes them, for every open stream: one poller reads the log's
//! highest sequence number (a lookup on its primary key) every [`POLL`], reads what is new only
//! when it moved, and hands it to every subscriber through one bounded broadcast channel.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

use super::db::Db;
use crate::store::Record;

/// How often the log is looked at: the list shows a record well within a second of its writing.
pub const POLL: Duration = Duration::from_millis(200);

/// Records held for subscribers that fall behind; one further behind is told it lagged (and
/// reloads), so a slow page never makes the server hold more.
const CAPACITY: usize = 1024;

/// Records read in one go; a burst larger than this is read in several.
const BATCH: usize = 500;

/// A new record as it was written (credentials and all: each subscriber masks what it sends).
pub type Item = Arc<Record>;

pub struct Feed {
    tx: broadcast::Sender<Item>,
    db: Arc<Db>,
}

impl Feed {
    pub fn new(db: Arc<Db>) -> Feed {
        Feed {
            tx: broadcast::channel(CAPACITY).0,
            db,
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Item> {
        self.tx.subscribe()
    }

    /// Starts the poller, which stops with `cancel`.
    pub fn start(&self, cancel: CancellationToken) {
        let tx = self.tx.clone();
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut cursor = match db.run(|s| s.last_seq()).await {
                Ok(seq) => seq,
                Err(e) => {
                    tracing::warn!("the console's stream cannot read the delivery log: {e:#}");
                    return;
                }
            };
            let mut tick = tokio::time::interval(POLL);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = cancel.cancelled() => return,
                    _ = tick.tick() => {}
                }
                let from = cursor;
                let watchers = tx.clone();
                let read = db
                    .run(move |s| {
                        // The last sequence first, then whether anyone watches: a subscriber
                        // that comes after this check asks for the list after subscribing, so
                        // what is skipped here was written before that list and is in it.
                        let last = s.last_seq()?;
                        if watchers.receiver_count() == 0 || last <= from {
                            return Ok((last, Vec::new()));
                        }
                        let new = s.written_after(from, BATCH)?;
                        let end = new.last().map_or(last, |(seq, _)| *seq);
                        Ok((end, new))
                    })
                    .await;
                match read {
                    Ok((end, new)) => {
                        cursor = end;
                        for (_, r) in new {
                            // No subscriber left is not an error: the next poll skips ahead.
                            let _ = tx.send(Arc::new(r));
                        }
                    }
                    Err(e) => {
                        tracing::warn!("the console's stream cannot read the delivery log: {e:#}")
                    }
                }
            }
        });
    }
}
