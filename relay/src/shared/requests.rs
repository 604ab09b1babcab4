//! The requests in flight over one tunnel connection, kept alike by both ends: where each one's
//! incoming body chunks go, and how much of its outgoing body the peer will still take.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use bytes::Bytes;

use crate::protocol::Chunk;
use crate::shared::mux::{Inbound, Window, WindowOverrun};

/// One request in flight. `extra` is what only one side keeps (the relay: who waits for the
/// answer's head and for the acknowledgement).
pub struct Entry<E> {
    /// Where the chunks of the body arriving from the peer go, once that body is announced.
    pub body: Option<Inbound>,
    /// How much more of the body this side sends the peer will take.
    pub window: Window,
    pub extra: E,
}

pub struct Requests<E> {
    map: Mutex<HashMap<u64, Entry<E>>>,
}

impl<E> Default for Requests<E> {
    fn default() -> Self {
        Requests {
            map: Mutex::default(),
        }
    }
}

impl<E> Requests<E> {
    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Entry<E>>> {
        // A panic elsewhere must not take the whole connection down with it.
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers request `id`; returns the window its outgoing body is sent within.
    pub fn insert(&self, id: u64, body: Option<Inbound>, extra: E) -> Window {
        let window = Window::default();
        self.lock().insert(
            id,
            Entry {
                body,
                window: window.clone(),
                extra,
            },
        );
        window
    }

    /// Runs `f` on request `id` if it is still in flight.
    pub fn with<R>(&self, id: u64, f: impl FnOnce(&mut Entry<E>) -> R) -> Option<R> {
        self.lock().get_mut(&id).map(f)
    }

    /// The peer takes `bytes` more of request `id`'s body.
    pub fn grant(&self, id: u64, bytes: u64) {
        if let Some(e) = self.lock().get(&id) {
            e.window.grant(bytes);
        }
    }

    /// Hands a chunk decoded from `frame` to its body. The bytes of a chunk nobody reads any more
    /// (the request is over, or its body was cut) go to `unread`, to be credited back: the
    /// peer's pump would otherwise wait for a window that never reopens.
    pub fn route(
        &self,
        chunk: &Chunk<'_>,
        frame: &Bytes,
        unread: impl FnOnce(u64),
    ) -> Result<(), WindowOverrun> {
        let map = self.lock();
        match map.get(&chunk.id).and_then(|e| e.body.as_ref()) {
            Some(inbound) => inbound.push(chunk, Some(frame)),
            None => {
                if !chunk.data.is_empty() {
                    unread(chunk.data.len() as u64);
                }
                Ok(())
            }
        }
    }

    /// Cuts request `id`'s incoming body and wakes its pump, but keeps the request: whoever
    /// handles it still finishes it.
    pub fn abort(&self, id: u64) {
        if let Some(e) = self.lock().get_mut(&id) {
            if let Some(b) = e.body.take() {
                b.abort();
            }
            e.window.close();
        }
    }

    /// Forgets request `id` and wakes a pump still waiting for credit; its `extra` if it was
    /// still in flight.
    pub fn remove(&self, id: u64) -> Option<E> {
        let e = self.lock().remove(&id)?;
        e.window.close();
        Some(e.extra)
    }

    /// The connection ended: every body is cut and every pump woken.
    pub fn abort_all(&self) {
        let all: Vec<Entry<E>> = self.lock().drain().map(|(_, e)| e).collect();
        for e in all {
            e.window.close();
            if let Some(b) = e.body {
                b.abort();
            }
        }
    }
}
