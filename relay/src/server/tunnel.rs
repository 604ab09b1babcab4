//! A connected tunnel on the relay side — its outgoing queue and the requests in flight over it —
//! and the registry of live tunnels by name.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use tokio::sync::{Notify, Semaphore, oneshot};
use tokio_util::sync::CancellationToken;

use crate::protocol::{Chunk, ClientMessage, RelayMessage};
use crate::shared::mux::{BodyStream, Inbound, Outbox, Window, WindowOverrun};
use crate::shared::requests::Requests;

/// The client's answer to one request: its head, and its body arriving over the tunnel.
pub struct Head {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: BodyStream,
}

/// Who waits on the client for one request.
struct Pending {
    head: Option<oneshot::Sender<Head>>,
    ack: Option<oneshot::Sender<()>>,
}

/// Whether requests must queue behind the offline buffer: while it is delivered, and while
/// uploads into it are under way, new requests join it, so arrival order holds.
#[derive(Debug, Default)]
pub struct DrainState {
    pub running: bool,
    pub uploads: usize,
    /// A delivery task is at work.
    pub task: bool,
}

pub struct Tunnel {
    pub name: String,
    /// Hash of the token the client presented, if any.
    pub owner: Option<String>,
    /// Hash of the client's reconnect key, if any.
    pub key: Option<String>,
    /// In a cluster, the value of this node's lease on the tunnel (`cluster::lease`).
    pub lease: Option<String>,
    pub outbox: Outbox,
    pending: Requests<Pending>,
    next_id: AtomicU64,
    /// Requests in flight; past `--max-in-flight` senders get 503.
    pub inflight: Arc<Semaphore>,
    /// Fires when this connection ends (closed, dead, or replaced by a newer one).
    pub closed: CancellationToken,
    pub drain: Mutex<DrainState>,
    pub drain_wake: Notify,
}

/// Handles for one request opened over a tunnel.
pub struct Opened {
    pub id: u64,
    pub window: Window,
    pub head: oneshot::Receiver<Head>,
    pub ack: Option<oneshot::Receiver<()>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Tunnel {
    pub fn new(
        name: String,
        owner: Option<String>,
        key: Option<String>,
        outbox: Outbox,
        max_in_flight: usize,
        draining: bool,
    ) -> Tunnel {
        Tunnel {
            name,
            owner,
            key,
            lease: None,
            outbox,
            pending: Requests::default(),
            next_id: AtomicU64::new(1),
            inflight: Arc::new(Semaphore::new(max_in_flight)),
            closed: CancellationToken::new(),
            drain: Mutex::new(DrainState {
                running: draining,
                uploads: 0,
                task: false,
            }),
            drain_wake: Notify::new(),
        }
    }

    pub fn drain_state(&self) -> MutexGuard<'_, DrainState> {
        lock(&self.drain)
    }

    /// Registers a request; `ack` when it comes from the buffer and must be confirmed.
    pub fn open(&self, ack: bool) -> Opened {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (head_tx, head_rx) = oneshot::channel();
        let (ack_tx, ack_rx) = if ack {
            let (t, r) = oneshot::channel();
            (Some(t), Some(r))
        } else {
            (None, None)
        };
        let window = self.pending.insert(
            id,
            None,
            Pending {
                head: Some(head_tx),
                ack: ack_tx,
            },
        );
        Opened {
            id,
            window,
            head: head_rx,
            ack: ack_rx,
        }
    }

    /// The request is over on the relay's side: forget it.
    pub fn finish(&self, id: u64) {
        self.pending.remove(id);
    }

    /// The sender went away or the relay gave up: forget the request and tell the client.
    pub fn cancel(&self, id: u64) {
        if self.pending.remove(id).is_some() {
            self.outbox.control(&RelayMessage::Cancel { id });
        }
    }

    /// A control message from the client.
    pub fn on_message(&self, msg: ClientMessage) {
        match msg {
            ClientMessage::ResponseHead {
                id,
                status,
                headers,
                length,
            } => {
                // A request cancelled meanwhile is gone: its chunks are credited back as they come.
                self.pending.with(id, |p| {
                    let Some(tx) = p.extra.head.take() else {
                        return;
                    };
                    let credit = self.outbox.credit_for(id, RelayMessage::credit);
                    let (inbound, body) = Inbound::new(credit, length);
                    p.body = Some(inbound);
                    let _ = tx.send(Head {
                        status,
                        headers,
                        body,
                    });
                });
            }
            ClientMessage::Credit { id, bytes } => self.pending.grant(id, bytes),
            ClientMessage::Ack { id } => {
                if let Some(tx) = self.pending.with(id, |p| p.extra.ack.take()).flatten() {
                    let _ = tx.send(());
                }
            }
            ClientMessage::Ping { nonce } => {
                self.outbox.control(&RelayMessage::Pong { nonce });
            }
            ClientMessage::Pong { .. } | ClientMessage::Hello { .. } => {}
        }
    }

    /// A chunk of a response body from the client, decoded from `frame`.
    pub fn on_chunk(&self, chunk: &Chunk<'_>, frame: &Bytes) -> Result<(), WindowOverrun> {
        self.pending.route(chunk, frame, |bytes| {
            self.outbox.credit(chunk.id, bytes, RelayMessage::credit)
        })
    }

    /// The connection ended: every request in flight fails (senders get 502 or a cut body).
    pub fn fail_all(&self) {
        self.pending.abort_all();
    }
}

/// Live tunnels by name.
#[derive(Default)]
pub struct Registry {
    live: Mutex<HashMap<String, Arc<Tunnel>>>,
}

impl Registry {
    pub fn get(&self, name: &str) -> Option<Arc<Tunnel>> {
        lock(&self.live).get(name).cloned()
    }

    /// Every live tunnel.
    pub fn all(&self) -> Vec<Arc<Tunnel>> {
        lock(&self.live).values().cloned().collect()
    }

    /// Makes `tunnel` the live one for its name; returns the one it replaces.
    pub fn insert(&self, tunnel: Arc<Tunnel>) -> Option<Arc<Tunnel>> {
        lock(&self.live).insert(tunnel.name.clone(), tunnel)
    }

    /// Removes `tunnel` if it is still the live one (a replacement may have taken its place).
    pub fn remove(&self, tunnel: &Arc<Tunnel>) {
        let mut live = lock(&self.live);
        if live
            .get(&tunnel.name)
            .is_some_and(|t| Arc::ptr_eq(t, tunnel))
        {
            live.remove(&tunnel.name);
        }
    }
}
