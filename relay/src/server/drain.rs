//! The offline buffer in motion: storing a request durably while its client is away (202), and
//! delivering what waits, one at a time in arrival order, once the client is back. A request
//! leaves the buffer only when the client has acknowledged that it recorded it.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::TryStreamExt;
use http::{Response, StatusCode};
use http_body::Frame;
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Incoming;
use tokio::io::AsyncWriteExt;

use crate::protocol::RelayMessage;
use crate::server::answer::{Answer, Forwarded, body_limits};
use crate::server::cluster::route::read_whole;
use crate::server::state::{State, now_ms};
use crate::server::store::Buffered;
use crate::server::tunnel::Tunnel;
use crate::shared::body::RelayBody;
use crate::shared::mux::{Limited, PumpError, PumpLimits, send_body, text};

/// Why a request could not be buffered.
enum Unstored {
    Body(PumpError),
    Disk,
}

/// Stores the request — under `--data-dir`, or in a cluster in Redis — and answers 202 only
/// once it is kept. `tunnel`: the connected tunnel it queues for, behind the buffer.
pub async fn buffer(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: Vec<(String, String)>,
    body: Incoming,
    tunnel: Option<&Tunnel>,
) -> Response<RelayBody> {
    let state = answer.state;
    if state.cluster.is_some() {
        return buffer_in_cluster(answer, req, headers, body, tunnel).await;
    }
    let Some(dir) = state.store.body_dir.clone() else {
        return answer.retry_after(
            StatusCode::SERVICE_UNAVAILABLE,
            30,
            "the tunnel's client is offline: retry later\n",
        );
    };
    let tunnel = req.tunnel.clone();
    if state.db(move |s| s.count(&tunnel)).await.unwrap_or(0) >= state.opts.buffer_max {
        // Refusing keeps the request with its sender, who retries; dropping would lose it.
        return answer.retry_after(
            StatusCode::SERVICE_UNAVAILABLE,
            60,
            "the tunnel's client is offline and its buffer is full (--buffer-max): retry later\n",
        );
    }
    let delivery_id = uuid::Uuid::now_v7().simple().to_string();
    let tmp = dir.join(format!("{delivery_id}.tmp"));
    let file = dir.join(format!("{delivery_id}.body"));
    let stored: Result<u64, Unstored> = async {
        let mut out = tokio::fs::File::create(&tmp)
            .await
            .map_err(|_| Unstored::Disk)?;
        let mut body = Limited::new(body, body_limits(state));
        while let Some(data) = body.data().await.map_err(Unstored::Body)? {
            out.write_all(&data).await.map_err(|_| Unstored::Disk)?;
        }
        out.sync_all().await.map_err(|_| Unstored::Disk)?;
        tokio::fs::rename(&tmp, &file)
            .await
            .map_err(|_| Unstored::Disk)?;
        Ok(body.read())
    }
    .await;
    let size = match stored {
        Ok(n) => n,
        Err(why) => {
            let _ = tokio::fs::remove_file(&tmp).await;
            return match why {
                Unstored::Body(e) => answer.body_failed(&e),
                Unstored::Disk => answer.plain(
                    StatusCode::INSUFFICIENT_STORAGE,
                    "the relay could not store the request\n",
                ),
            };
        }
    };
    let row = Buffered {
        seq: 0,
        tunnel: req.tunnel.clone(),
        delivery_id,
        method: req.method.clone(),
        target: req.target.clone(),
        headers,
        body_file: file.clone(),
        size,
        received_ms: now_ms(),
    };
    if let Err(e) = state.db(move |s| s.push(&row)).await {
        tracing::error!("{e}");
        let _ = tokio::fs::remove_file(&file).await;
        return answer.plain(
            StatusCode::INSUFFICIENT_STORAGE,
            "the relay could not store the request\n",
        );
    }
    state.metrics.bytes_in.inc_by(size);
    state.metrics.buffered.inc();
    answer.plain(
        StatusCode::ACCEPTED,
        "buffered: the tunnel's client is offline; it gets this request when it reconnects\n",
    )
}

/// As the tunnel's holder, into its stream in Redis, fenced by the lease.
async fn buffer_in_cluster(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: Vec<(String, String)>,
    body: Incoming,
    tunnel: Option<&Tunnel>,
) -> Response<RelayBody> {
    let all = match read_whole(answer, crate::shared::body::body(body)).await {
        Ok(b) => b,
        Err(resp) => return resp,
    };
    let lease = tunnel.and_then(|t| t.lease.as_deref());
    match crate::server::cluster::route::buffer(answer, req, &headers, all, lease).await {
        Some(r) => r,
        None => {
            // Another node holds the tunnel now: this connection is fenced.
            if let Some(t) = tunnel {
                t.outbox
                    .close("this relay node lost the tunnel's lease: reconnect");
                t.closed.cancel();
            }
            answer.retry_after(
                StatusCode::SERVICE_UNAVAILABLE,
                1,
                "the tunnel is moving between relay nodes: retry shortly\n",
            )
        }
    }
}

/// Starts delivering the buffer to `tunnel` unless a delivery task is already at it.
pub fn start(state: &Arc<State>, tunnel: &Arc<Tunnel>) {
    {
        let mut d = tunnel.drain_state();
        if d.task {
            return;
        }
        d.task = true;
        d.running = true;
    }
    tokio::spawn(run(state.clone(), tunnel.clone()));
}

/// A buffered request on its way out, from wherever it waited.
struct Waiting {
    delivery_id: String,
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    size: u64,
    received_ms: i64,
    body: Kept,
}

enum Kept {
    /// A single relay's: its row and its body file.
    File { seq: i64, path: std::path::PathBuf },
    /// A cluster's: its stream entry, body and all.
    Entry { id: String, body: Bytes },
}

impl From<Buffered> for Waiting {
    fn from(b: Buffered) -> Waiting {
        Waiting {
            delivery_id: b.delivery_id,
            method: b.method,
            target: b.target,
            headers: b.headers,
            size: b.size,
            received_ms: b.received_ms,
            body: Kept::File {
                seq: b.seq,
                path: b.body_file,
            },
        }
    }
}

impl From<crate::server::cluster::stream::Entry> for Waiting {
    fn from(e: crate::server::cluster::stream::Entry) -> Waiting {
        Waiting {
            delivery_id: e.delivery_id,
            method: e.method,
            target: e.target,
            headers: e.headers,
            size: e.body.len() as u64,
            received_ms: e.received_ms,
            body: Kept::Entry {
                id: e.id,
                body: e.body,
            },
        }
    }
}

/// The oldest request waiting for `tunnel`.
async fn next(state: &State, tunnel: &str) -> Result<Option<Waiting>, String> {
    if let Some(cluster) = &state.cluster {
        return cluster
            .next(tunnel)
            .await
            .map(|e| e.map(Waiting::from))
            .map_err(|e| format!("redis: {e}"));
    }
    let name = tunnel.to_string();
    state
        .db(move |s| s.oldest(&name))
        .await
        .map(|b| b.map(Waiting::from))
}

/// Takes a delivered (or expired) request out of the buffer.
async fn remove(state: &State, tunnel: &str, w: &Waiting) -> Result<(), String> {
    match (&w.body, &state.cluster) {
        (Kept::Entry { id, .. }, Some(cluster)) => cluster
            .ack(tunnel, id)
            .await
            .map_err(|e| format!("redis: {e}")),
        (Kept::File { seq, .. }, _) => {
            let seq = *seq;
            state.db(move |s| s.remove(seq)).await
        }
        (Kept::Entry { .. }, None) => Ok(()),
    }
}

async fn run(state: Arc<State>, tunnel: Arc<Tunnel>) {
    let ttl = state.opts.buffer_ttl;
    let mut failures = 0u32;
    // Rows removed but not yet taken off the gauge: the last one comes off only once the drain
    // is over, so a (single relay's) gauge at 0 means live requests go straight to the client again.
    let mut removed = 0i64;
    loop {
        if tunnel.closed.is_cancelled() {
            break;
        }
        let waiting = match next(&state, &tunnel.name).await {
            Ok(n) => n,
            Err(e) => {
                tracing::error!("{e}");
                if again_after_store_error(&state, &tunnel).await {
                    continue;
                }
                break;
            }
        };
        let Some(row) = waiting else {
            {
                let mut d = tunnel.drain_state();
                if d.uploads == 0 {
                    d.running = false;
                    d.task = false;
                    drop(d);
                    uncount(&state, removed);
                    return;
                }
            }
            // An upload into the buffer is under way: wait for it to be filed.
            tokio::select! {
                _ = tunnel.drain_wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                _ = tunnel.closed.cancelled() => {}
            }
            continue;
        };
        uncount(&state, std::mem::take(&mut removed));
        if now_ms() - row.received_ms > ttl.as_millis() as i64 {
            let _ = remove(&state, &tunnel.name, &row).await;
            removed += 1;
            continue;
        }
        match deliver(&state, &tunnel, &row).await {
            Ok(()) => {
                failures = 0;
                if let Err(e) = remove(&state, &tunnel.name, &row).await {
                    tracing::error!("{e}");
                    // Not acknowledged: the entry comes again, and listen answers that it
                    // already recorded it.
                    if again_after_store_error(&state, &tunnel).await {
                        continue;
                    }
                    break;
                }
                removed += 1;
            }
            Err(why) => {
                tracing::warn!(tunnel = %tunnel.name, "buffered request not confirmed: {why}");
                failures += 1;
                // The client is there but did not confirm: try again, less often each time.
                let wait = Duration::from_millis(200) * 2u32.pow(failures.min(6));
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = tunnel.closed.cancelled() => {}
                }
            }
        }
    }
    uncount(&state, removed);
    tunnel.drain_state().task = false;
}

/// Takes delivered or expired requests off the buffered gauge. A cluster's gauge is the depth
/// of every node's buffers, which the sweeper reads from Redis: one node's count of what it
/// delivered (often buffered through another node) would take it below zero.
fn uncount(state: &State, removed: i64) {
    if state.cluster.is_none() {
        state.metrics.buffered.dec_by(removed);
    }
}

/// Whether the drain tries again after its store failed: Redis may be back in a moment, and the
/// tunnel stays in buffering until it is (a single relay's SQLite error stands: the drain ends).
async fn again_after_store_error(state: &State, tunnel: &Tunnel) -> bool {
    if state.cluster.is_none() {
        return false;
    }
    tokio::select! {
        _ = tokio::time::sleep(Duration::from_millis(500)) => true,
        _ = tunnel.closed.cancelled() => false,
    }
}

/// Sends one buffered request and waits for the client's acknowledgement.
async fn deliver(state: &State, tunnel: &Tunnel, row: &Waiting) -> Result<(), String> {
    let opened = tunnel.open(true);
    let id = opened.id;
    let head = text(&RelayMessage::RequestHead {
        id,
        method: row.method.clone(),
        target: row.target.clone(),
        headers: row.headers.clone(),
        length: Some(row.size),
        delivery_id: Some(row.delivery_id.clone()),
    });
    let result = async {
        let body: RelayBody = match &row.body {
            Kept::File { path, .. } => {
                let file = tokio::fs::File::open(path)
                    .await
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                crate::shared::body::body(StreamBody::new(
                    tokio_util::io::ReaderStream::new(file).map_ok(|b: Bytes| Frame::data(b)),
                ))
            }
            Kept::Entry { body, .. } => {
                crate::shared::body::body(http_body_util::Full::new(body.clone()))
            }
        };
        let outbox = tunnel.outbox.clone();
        let window = opened.window.clone();
        let pump = tokio::spawn(async move {
            send_body(
                &outbox,
                id,
                &window,
                body,
                PumpLimits::default(),
                Some(head),
            )
            .await
        });
        let timeout = state.opts.request_timeout;
        let head = tokio::time::timeout(timeout, opened.head)
            .await
            .map_err(|_| "no answer within --request-timeout".to_string())?
            .map_err(|_| "the client disconnected".to_string())?;
        // Nobody waits for this answer: read it so the client's pump finishes.
        let _ = head.body.collect().await;
        let _ = pump.await;
        let ack = opened.ack.expect("opened with an ack");
        tokio::time::timeout(timeout, ack)
            .await
            .map_err(|_| "no acknowledgement within --request-timeout".to_string())?
            .map_err(|_| "the client disconnected".to_string())
    }
    .await;
    if result.is_ok() {
        tunnel.finish(id);
    } else {
        tunnel.cancel(id);
    }
    result
}
