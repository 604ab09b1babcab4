//! One writer for the delivery log: a thread that owns the `Store` and writes whatever records
//! have queued since its last write in one transaction. A commit costs the same whatever it
//! holds (bench/README: ~3,100 one-record transactions/s against ~34,500 records/s batched), so a
//! busy receiver pays one commit for many deliveries, and its hot path only queues.

use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use super::attempts::Attempt;
use super::{Record, Store};

/// Bytes of records that may wait for the writer. Past it, whoever queues waits: when the disk is
/// slower than the deliveries, they slow down rather than pile up in memory.
const QUEUE_BUDGET: usize = 64 * 1024 * 1024;

/// The budget is counted in KiB, which keeps any record's share within a semaphore's range.
const UNIT: usize = 1024;

/// Most records in one transaction, so a reader of the log (`logs --follow`) sees them land
/// steadily rather than in one lump after a burst.
const MAX_BATCH: usize = 512;

/// How long the writer lets records gather after the first before it commits: under load a
/// commit then holds many, and the senders never wake it (it sleeps rather than waits on the
/// queue). A record nobody waits for may land this much later; one waited for is written at once.
const GATHER: Duration = Duration::from_millis(2);

/// Why a record did not land.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteError {
    #[error("the delivery log's writer has stopped")]
    Stopped,
    #[error("{0}")]
    Failed(String),
}

type Reply<T> = oneshot::Sender<Result<T, WriteError>>;

// Nearly every job is an insert: boxing the record to shrink the rare `Begin` would cost an
// allocation per delivery.
#[allow(clippy::large_enum_variant)]
enum Job {
    Insert {
        record: Record,
        /// Told once the record is committed (or failed), for callers that must know.
        done: Option<Reply<()>>,
        /// Its share of the queue budget, given back once written.
        _held: OwnedSemaphorePermit,
    },
    /// Notes a forwarding attempt at record `id` unless it is in the log, counting every insert
    /// queued before it.
    Begin { id: String, answer: Reply<Attempt> },
}

/// The senders' side: cheap to clone, one per task that records.
#[derive(Clone)]
pub struct LogWriter {
    tx: mpsc::Sender<Job>,
    budget: Arc<Semaphore>,
}

/// The thread itself; `finish` waits until everything queued is written.
pub struct WriterThread(JoinHandle<()>);

/// Starts the writer. `on_error(n, why)` is called on the writer's thread for each batch of `n`
/// records that could not be written (and with 1 for an attempt that could not be noted, as its
/// delivery will not be recorded), so the caller can tell its user.
pub fn spawn(
    store: Store,
    on_error: impl Fn(usize, &anyhow::Error) + Send + 'static,
) -> std::io::Result<(LogWriter, WriterThread)> {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name("delivery-log".into())
        .spawn(move || run(store, rx, on_error))?;
    Ok((
        LogWriter {
            tx,
            budget: Arc::new(Semaphore::new(QUEUE_BUDGET / UNIT)),
        },
        WriterThread(handle),
    ))
}

impl LogWriter {
    /// Queues a record; returns once it is queued, not written.
    pub async fn record(&self, record: Record) -> Result<(), WriteError> {
        self.queue(record, None).await
    }

    /// Queues a record and waits until it is committed.
    pub async fn record_and_confirm(&self, record: Record) -> Result<(), WriteError> {
        let (done, landed) = oneshot::channel();
        self.queue(record, Some(done)).await?;
        landed.await.unwrap_or(Err(WriteError::Stopped))
    }

    /// Before a buffered delivery is forwarded: whether record `id` is in the log (queued
    /// records included), else the attempt noted and committed (`Store::begin_attempt`).
    pub async fn begin(&self, id: String) -> Result<Attempt, WriteError> {
        let (answer, rx) = oneshot::channel();
        self.tx
            .send(Job::Begin { id, answer })
            .map_err(|_| WriteError::Stopped)?;
        rx.await.unwrap_or(Err(WriteError::Stopped))
    }

    async fn queue(&self, record: Record, done: Option<Reply<()>>) -> Result<(), WriteError> {
        let held = self
            .budget
            .clone()
            .acquire_many_owned(share(&record))
            .await
            .map_err(|_| WriteError::Stopped)?;
        self.tx
            .send(Job::Insert {
                record,
                done,
                _held: held,
            })
            .map_err(|_| WriteError::Stopped)
    }
}

impl WriterThread {
    /// Waits for the writer to write everything queued and stop. It stops once every
    /// `LogWriter` is dropped: drop them (and the runtime whose tasks hold them) first.
    pub fn finish(self) {
        let _ = self.0.join();
    }
}

/// A record's share of the queue budget: roughly its size in KiB, never more than all of it.
fn share(r: &Record) -> u32 {
    let bytes = r.request.body.0.len() + r.response.as_ref().map_or(0, |p| p.body.0.len()) + UNIT;
    (bytes / UNIT).min(QUEUE_BUDGET / UNIT) as u32
}

fn run(mut store: Store, rx: mpsc::Receiver<Job>, on_error: impl Fn(usize, &anyhow::Error)) {
    let mut batch: Vec<(Record, Option<Reply<()>>, OwnedSemaphorePermit)> = Vec::new();
    while let Ok(first) = rx.recv() {
        let waited_for = matches!(
            &first,
            Job::Insert { done: Some(_), .. } | Job::Begin { .. }
        );
        if !waited_for {
            std::thread::sleep(GATHER);
        }
        let mut next = Some(first);
        // Take whatever else has queued meanwhile: that is the batch.
        while let Some(job) = next.take() {
            match job {
                Job::Insert {
                    record,
                    done,
                    _held,
                } => batch.push((record, done, _held)),
                Job::Begin { id, answer } => {
                    // Inserts queued before the question count.
                    write(&mut store, &mut batch, &on_error);
                    let noted = store.begin_attempt(&id, chrono::Utc::now());
                    if let Err(e) = &noted {
                        // Its delivery is not forwarded, so it is not recorded either.
                        on_error(1, e);
                    }
                    let _ = answer.send(noted.map_err(|e| WriteError::Failed(format!("{e:#}"))));
                }
            }
            if batch.len() < MAX_BATCH {
                next = rx.try_recv().ok();
            }
        }
        write(&mut store, &mut batch, &on_error);
    }
}

/// Commits the batch in one transaction and tells whoever waits.
fn write(
    store: &mut Store,
    batch: &mut Vec<(Record, Option<Reply<()>>, OwnedSemaphorePermit)>,
    on_error: &impl Fn(usize, &anyhow::Error),
) {
    if batch.is_empty() {
        return;
    }
    let result = store.insert_all(batch.iter().map(|(r, _, _)| r));
    if let Err(e) = &result {
        on_error(batch.len(), e);
    }
    for (_, done, _) in batch.drain(..) {
        if let Some(done) = done {
            let _ = done.send(match &result {
                Ok(_) => Ok(()),
                Err(e) => Err(WriteError::Failed(format!("{e:#}"))),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Body, RequestPart, Source};
    use std::sync::Mutex;

    fn record(id: &str) -> Record {
        let mut r = Record::new(
            Source::Listen,
            RequestPart {
                method: "POST".into(),
                url: "http://x/".into(),
                headers: Default::default(),
                body: Body(b"{}".to_vec()),
            },
        );
        r.id = id.into();
        r
    }

    #[tokio::test]
    async fn queued_records_all_land_by_finish_and_confirmations_wait_for_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let (log, thread) = spawn(Store::open(&path).unwrap(), |_, _| {}).unwrap();
        for i in 0..300 {
            log.record(record(&format!("dlv_{i}"))).await.unwrap();
        }
        log.record_and_confirm(record("dlv_confirmed"))
            .await
            .unwrap();
        // Confirmed means committed: another connection sees it now.
        let other = Store::open(&path).unwrap();
        assert!(other.get("dlv_confirmed").unwrap().is_some());
        assert_eq!(
            log.begin("dlv_confirmed".into()).await.unwrap(),
            Attempt::Recorded
        );
        assert_eq!(
            log.begin("dlv_never".into()).await.unwrap(),
            Attempt::Noted { interrupted: 0 }
        );
        for i in 300..400 {
            log.record(record(&format!("dlv_{i}"))).await.unwrap();
        }
        drop(log);
        tokio::task::spawn_blocking(move || thread.finish())
            .await
            .unwrap();
        assert_eq!(other.count().unwrap(), 401);
    }

    #[tokio::test]
    async fn a_batch_that_cannot_be_written_is_reported_and_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let store = Store::open(&path).unwrap();
        // Another connection holds the write lock past the writer's patience.
        let blocker = rusqlite::Connection::open(&path).unwrap();
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        store.conn.busy_timeout(std::time::Duration::ZERO).unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let (log, thread) = spawn(store, move |n, e| {
            s.lock().unwrap().push(format!("{n}: {e:#}"))
        })
        .unwrap();
        let err = log.record_and_confirm(record("dlv_x")).await.unwrap_err();
        assert!(matches!(err, WriteError::Failed(_)), "{err}");
        drop(log);
        tokio::task::spawn_blocking(move || thread.finish())
            .await
            .unwrap();
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert!(
            seen[0].starts_with("1: ") && seen[0].contains("locked"),
            "{seen:?}"
        );
    }
}
