//! What a run measured: an HDR latency histogram (fixed size, so memory stays flat however long
//! the run), counts by status code and by error kind, and late sends.

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;

/// Latencies are recorded in microseconds, from 1 µs to an hour, at 3 significant digits
/// (≈ 0.1 % error): about 200 KiB per histogram whatever the run's length.
const MAX_MICROS: u64 = 3_600_000_000;

/// Why a request got no HTTP answer, or a non-2xx one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// The connection could not be opened (refused, unreachable, TLS handshake).
    Connect,
    /// No answer within --timeout.
    Timeout,
    /// The server closed or reset the connection mid-request.
    Reset,
    /// The answer was not valid HTTP.
    Protocol,
    /// Answered 3xx, 4xx or 5xx (the class is the key: `4xx`).
    Status(u16),
}

impl ErrorKind {
    pub fn name(self) -> String {
        match self {
            ErrorKind::Connect => "connect".into(),
            ErrorKind::Timeout => "timeout".into(),
            ErrorKind::Reset => "reset".into(),
            ErrorKind::Protocol => "protocol".into(),
            ErrorKind::Status(s) => format!("{}xx", s / 100),
        }
    }
}

/// One worker's (or the merged) measurements.
#[derive(Debug, Clone)]
pub struct Stats {
    pub latency: Histogram<u64>,
    /// Answers by HTTP status; an array, not a map, so recording costs no allocation.
    statuses: Box<[u64; 600]>,
    /// Failures by kind (transport errors and non-2xx classes).
    pub errors: BTreeMap<ErrorKind, u64>,
    /// Requests started more than `LATE` after they were due (open loop).
    pub late: u64,
    /// Requests completed, with an answer or an error.
    pub requests: u64,
}

/// A send this far behind its due time counts as late: past tokio's 1 ms timer granularity and
/// scheduling noise, but well short of what a stalled endpoint or a saturated generator causes.
pub const LATE: Duration = Duration::from_millis(5);

impl Default for Stats {
    fn default() -> Self {
        Stats {
            latency: Histogram::new_with_bounds(1, MAX_MICROS, 3)
                .expect("constant histogram bounds are valid"),
            statuses: Box::new([0; 600]),
            errors: BTreeMap::new(),
            late: 0,
            requests: 0,
        }
    }
}

impl Stats {
    /// One finished request. `latency` is `None` for a request that got no answer: a refused
    /// connection is fast and would flatter the percentiles; it counts as an error instead.
    pub fn record(&mut self, latency: Option<Duration>, outcome: Result<u16, ErrorKind>) {
        self.requests += 1;
        if let Some(latency) = latency {
            let micros = (latency.as_micros() as u64).clamp(1, MAX_MICROS);
            // Within bounds by the clamp, so this cannot fail.
            let _ = self.latency.record(micros);
        }
        match outcome {
            Ok(status) => {
                if let Some(n) = self.statuses.get_mut(status as usize) {
                    *n += 1;
                }
                if !(200..300).contains(&status) {
                    *self.errors.entry(ErrorKind::Status(status)).or_default() += 1;
                }
            }
            Err(kind) => *self.errors.entry(kind).or_default() += 1,
        }
    }

    pub fn merge(&mut self, other: &Stats) {
        // Same bounds on both sides, so adding cannot fail.
        let _ = self.latency.add(&other.latency);
        for (a, b) in self.statuses.iter_mut().zip(other.statuses.iter()) {
            *a += b;
        }
        for (k, n) in &other.errors {
            *self.errors.entry(*k).or_default() += n;
        }
        self.late += other.late;
        self.requests += other.requests;
    }

    /// Answers by HTTP status, lowest first.
    pub fn statuses(&self) -> BTreeMap<u16, u64> {
        self.statuses
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| (s as u16, *n))
            .collect()
    }

    /// Errors by kind name (`connect`, `timeout`, `4xx` …), classes of status merged.
    pub fn error_kinds(&self) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for (k, n) in &self.errors {
            *out.entry(k.name()).or_default() += n;
        }
        out
    }

    pub fn failures(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Share of requests answered 2xx, in percent (100 for an empty run: nothing failed).
    pub fn success_pct(&self) -> f64 {
        if self.requests == 0 {
            return 100.0;
        }
        100.0 * (self.requests - self.failures()) as f64 / self.requests as f64
    }

    /// A latency quantile in milliseconds (0 when nothing was recorded).
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latency.is_empty() {
            return 0.0;
        }
        self.latency.value_at_quantile(q) as f64 / 1000.0
    }

    pub fn min_ms(&self) -> f64 {
        if self.latency.is_empty() {
            return 0.0;
        }
        self.latency.min() as f64 / 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.latency.max() as f64 / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_errors_are_counted_by_kind_and_class() {
        let mut s = Stats::default();
        s.record(Some(Duration::from_millis(2)), Ok(200));
        s.record(Some(Duration::from_millis(4)), Ok(200));
        s.record(Some(Duration::from_millis(8)), Ok(503));
        s.record(Some(Duration::from_millis(9)), Ok(500));
        s.record(None, Err(ErrorKind::Timeout));
        let mut total = Stats::default();
        total.merge(&s);
        total.merge(&s);
        assert_eq!(total.requests, 10);
        assert_eq!(
            total.statuses(),
            BTreeMap::from([(200, 4), (500, 2), (503, 2)])
        );
        assert_eq!(
            total.error_kinds(),
            BTreeMap::from([("5xx".to_string(), 4), ("timeout".to_string(), 2)])
        );
        assert!((total.success_pct() - 40.0).abs() < 1e-9);
        assert!((total.min_ms() - 2.0).abs() < 0.01);
        assert!((total.max_ms() - 9.0).abs() < 0.01);
        assert_eq!(total.latency.len(), 8, "the timeouts have no latency");
        assert!((total.quantile_ms(0.5) - 4.0).abs() < 0.01);
    }

    #[test]
    fn an_empty_run_reports_zeros_not_garbage() {
        let s = Stats::default();
        assert_eq!(s.quantile_ms(0.99), 0.0);
        assert_eq!(s.min_ms(), 0.0);
        assert_eq!(s.success_pct(), 100.0);
    }
}
