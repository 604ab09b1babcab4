//! The hot path: each worker owns a connection and sends one request at a time — as fast as
//! answers come (closed loop) or when each request is due (open loop, latency counted from the
//! due time so a stalled endpoint cannot hide behind a stalled generator).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Result;
use bytes::Bytes;
use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, Method, Request, Uri};
use http_body_util::Full;

use super::conn::{Failure, Link, Message, Reply, Target};
use super::h1;
use super::logged::{Exchange, Logged};
use super::payload::{Payloads, Prepared};
use super::schedule::Schedule;
use super::stats::{ErrorKind, LATE, Stats};

/// How requests are paced.
pub enum Mode {
    /// Workers send back to back, until `requests` are sent or `duration` has passed since
    /// the run's start.
    Closed {
        requests: Option<u64>,
        duration: Option<Duration>,
    },
    /// Requests are due on the schedule, whatever the answers.
    Open(Schedule),
}

/// Everything the workers share for one run.
pub struct Run {
    pub target: Arc<Target>,
    pub payloads: Payloads,
    pub logged: Logged,
    pub timeout: Duration,
    pub mode: Mode,
    /// Stats split across a few locks so workers on different threads rarely meet.
    pub shards: Vec<Mutex<Stats>>,
    /// The next request's index: the only counter every request touches.
    next: AtomicU64,
    pub start: Instant,
    /// The target URL as a request URI, parsed once.
    uri: Uri,
}

impl Run {
    pub fn new(
        target: Arc<Target>,
        payloads: Payloads,
        logged: Logged,
        timeout: Duration,
        mode: Mode,
        shards: usize,
    ) -> Result<Run> {
        let uri = target.uri(target.url.as_str())?;
        Ok(Run {
            target,
            payloads,
            logged,
            timeout,
            mode,
            shards: (0..shards.max(1)).map(|_| Mutex::default()).collect(),
            next: AtomicU64::new(0),
            start: Instant::now(),
            uri,
        })
    }

    /// The measurements so far, merged.
    pub fn snapshot(&self) -> Stats {
        let mut all = Stats::default();
        for s in &self.shards {
            if let Ok(s) = s.lock() {
                all.merge(&s);
            }
        }
        all
    }

    /// The next request to send and when it is due (`None` for "now"), or the end of the run.
    fn claim(&self) -> Option<(u64, Option<Instant>)> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        match &self.mode {
            Mode::Closed { requests, duration } => {
                if requests.is_some_and(|n| k >= n)
                    || duration.is_some_and(|d| self.start.elapsed() >= d)
                {
                    return None;
                }
                Some((k, None))
            }
            Mode::Open(s) => s.due(k).map(|d| (k, Some(self.start + d))),
        }
    }

    /// The request target for `url`: the one parsed up front unless the scheme signed
    /// another URL (some sign query parameters into it).
    fn uri(&self, url: &str) -> Result<Uri> {
        if url == self.target.url.as_str() {
            Ok(self.uri.clone())
        } else {
            self.target.uri(url)
        }
    }

    fn h2_request(&self, p: &Prepared) -> Result<Request<Full<Bytes>>> {
        let mut headers = HeaderMap::with_capacity(p.headers.0.len());
        for (n, v) in p.headers.iter() {
            headers.append(
                HeaderName::from_bytes(n.as_bytes())?,
                HeaderValue::from_str(v)?,
            );
        }
        let mut req = Request::new(Full::new(p.body.clone()));
        *req.method_mut() = Method::POST;
        *req.uri_mut() = self.uri(&p.url)?;
        *req.headers_mut() = headers;
        Ok(req)
    }
}

/// Sends requests until the run ends, on `link`: the connection opened for it before the start,
/// or its share of one.
pub async fn work(run: Arc<Run>, shard: usize, mut link: Link) -> Result<()> {
    let shard = &run.shards[shard % run.shards.len()];
    // The HTTP/1.1 message buffer, reused by every request this worker sends.
    let mut out = Vec::with_capacity(4096);
    while let Some((k, due)) = run.claim() {
        if let Some(due) = due {
            tokio::time::sleep_until(due.into()).await;
        }
        let p = run.payloads.prepare(k, chrono::Utc::now().timestamp())?;
        let message = if run.target.http2 {
            Message::H2(Box::new(run.h2_request(&p)?))
        } else {
            let target = run.uri(&p.url)?;
            h1::write_request(
                &mut out,
                &target,
                run.target.host.as_bytes(),
                &p.headers,
                &p.body,
            )?;
            Message::H1(&out)
        };
        let sent = Instant::now();
        let late = due.is_some_and(|d| sent.saturating_duration_since(d) > LATE);
        let wants = |status: u16| run.logged.wants(!(200..300).contains(&status));
        let outcome =
            tokio::time::timeout(run.timeout, link.exchange(&run.target, message, wants)).await;
        let done = Instant::now();
        // Open loop: from when it was due, so time spent waiting for a free worker counts.
        let latency = done.saturating_duration_since(due.unwrap_or(sent));
        let outcome = match outcome {
            Ok(r) => r,
            Err(_) => Err((
                ErrorKind::Timeout,
                format!(
                    "timeout: no answer within {}",
                    humantime::format_duration(run.timeout)
                ),
            )),
        };
        if outcome.is_err() {
            link.failed();
        }
        {
            let mut s = shard.lock().unwrap_or_else(|e| e.into_inner());
            match &outcome {
                Ok(a) => s.record(Some(latency), Ok(a.status)),
                Err((kind, _)) => s.record(None, Err(*kind)),
            }
            if late {
                s.late += 1;
            }
        }
        // An answer was kept or not when it came in; a failure to get one is decided here.
        let kept = match &outcome {
            Ok(a) => a.detail.is_some(),
            Err(_) => run.logged.wants(true),
        };
        if kept {
            keep(&run, &p, outcome, latency);
        }
    }
    Ok(())
}

fn keep(run: &Run, p: &Prepared, outcome: Result<Reply, Failure>, latency: Duration) {
    let host = run.target.host.to_str().unwrap_or_default();
    let (answer, error) = match outcome {
        Ok(a) => {
            let error = (!(200..300).contains(&a.status)).then(|| format!("answered {}", a.status));
            let (headers, body) = a.detail.unwrap_or_default();
            (Some((a.status, headers, body)), error)
        }
        Err((_, e)) => (None, Some(e)),
    };
    run.logged.keep(Exchange {
        url: &p.url,
        headers: &p.headers,
        host,
        body: &p.body,
        answer,
        error,
        latency,
    });
}
