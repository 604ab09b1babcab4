//! The few deliveries of a run that go to the delivery log: failures first, then successes, never
//! every request (a load run would flood the log and slow itself down writing it).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use bytes::Bytes;

use crate::message::Headers;
use crate::store::{Record, ResponsePart, Source, Status, Store};

/// A finished request, as much as the log needs of it.
pub struct Exchange<'a> {
    pub url: &'a str,
    pub headers: &'a Headers,
    pub host: &'a str,
    pub body: &'a Bytes,
    pub answer: Option<(u16, Headers, Bytes)>,
    pub error: Option<String>,
    pub latency: Duration,
}

/// Collects up to `cap` failures and `cap` successes while the run goes on.
pub struct Logged {
    cap: usize,
    failures_taken: AtomicUsize,
    successes_taken: AtomicUsize,
    failures: Mutex<Vec<Record>>,
    successes: Mutex<Vec<Record>>,
    pub event_type: Option<String>,
    pub provider: Option<String>,
}

impl Logged {
    pub fn new(cap: usize, event_type: Option<String>, provider: Option<String>) -> Logged {
        Logged {
            cap,
            failures_taken: AtomicUsize::new(0),
            successes_taken: AtomicUsize::new(0),
            failures: Mutex::default(),
            successes: Mutex::default(),
            event_type,
            provider,
        }
    }

    /// Whether a request with this outcome would still be kept. A plain load first, so that
    /// once the sample is full the hot path pays one shared read, not a contended write.
    pub fn wants(&self, failed: bool) -> bool {
        let taken = if failed {
            &self.failures_taken
        } else {
            &self.successes_taken
        };
        taken.load(Ordering::Relaxed) < self.cap && taken.fetch_add(1, Ordering::Relaxed) < self.cap
    }

    /// Keeps `x` (the caller asked `wants` first).
    pub fn keep(&self, x: Exchange<'_>) {
        let failed = x.error.is_some();
        let record = self.record(x);
        let list = if failed {
            &self.failures
        } else {
            &self.successes
        };
        if let Ok(mut l) = list.lock() {
            l.push(record);
        }
    }

    fn record(&self, x: Exchange<'_>) -> Record {
        let mut r = Record::new(
            Source::Load,
            crate::http::sent_request("POST", x.url, x.host, x.headers, x.body),
        );
        r.event_type = self.event_type.clone();
        r.provider = self.provider.clone();
        r.duration_ms = Some(x.latency.as_secs_f64() * 1000.0);
        r.response = x.answer.map(|(status, headers, body)| ResponsePart {
            status,
            headers,
            body: crate::http::stored_response_body(&body),
        });
        // A load run does not retry: a failure is final.
        r.status = if x.error.is_some() {
            Status::Dead
        } else {
            Status::Delivered
        };
        r.error = x.error;
        r
    }

    /// Writes the sample to the log, failures first, `cap` records in all. Returns how many.
    pub fn write(&self, store: &Store) -> Result<usize> {
        let mut all = std::mem::take(&mut *self.failures.lock().unwrap_or_else(|e| e.into_inner()));
        all.extend(std::mem::take(
            &mut *self.successes.lock().unwrap_or_else(|e| e.into_inner()),
        ));
        all.truncate(self.cap);
        for r in &all {
            store
                .insert(r)
                .context("cannot write to the delivery log")?;
        }
        Ok(all.len())
    }
}
