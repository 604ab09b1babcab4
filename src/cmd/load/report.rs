//! The final report: a summary in the `--json` shape the README documents, and the same figures for a person,
//! with a small latency histogram.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use colored::Colorize;
use serde::Serialize;

use super::stats::Stats;

#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub min: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssertionResult {
    pub expr: String,
    pub passed: bool,
    /// What was measured, in the metric's unit (ms, %, or a count).
    pub measured: f64,
    #[serde(skip)]
    pub unit: &'static str,
}

/// What `--json` prints: the README's documented fields first, then what a script may also want.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub requests: u64,
    pub duration_s: f64,
    pub rps: f64,
    pub status: BTreeMap<String, u64>,
    pub errors: BTreeMap<String, u64>,
    pub latency_ms: Latency,
    pub assertions: Vec<AssertionResult>,
    /// Share of requests answered 2xx, in percent.
    pub success_pct: f64,
    /// Open loop: requests sent more than 5 ms after they were due.
    pub late: u64,
    /// `closed` or `open`.
    pub mode: &'static str,
    #[serde(skip)]
    pub mean_ms: f64,
    #[serde(skip)]
    bars: Vec<(f64, u64)>,
}

impl Summary {
    pub fn new(stats: &Stats, duration: Duration, mode: &'static str) -> Summary {
        let secs = duration.as_secs_f64();
        let latency = Latency {
            min: stats.min_ms(),
            p50: stats.quantile_ms(0.5),
            p90: stats.quantile_ms(0.9),
            p95: stats.quantile_ms(0.95),
            p99: stats.quantile_ms(0.99),
            p999: stats.quantile_ms(0.999),
            max: stats.max_ms(),
        };
        Summary {
            requests: stats.requests,
            duration_s: secs,
            rps: if secs > 0.0 {
                stats.requests as f64 / secs
            } else {
                0.0
            },
            status: stats
                .statuses()
                .into_iter()
                .map(|(s, n)| (s.to_string(), n))
                .collect(),
            errors: stats.error_kinds(),
            latency_ms: latency,
            assertions: Vec::new(),
            success_pct: stats.success_pct(),
            late: stats.late,
            mode,
            mean_ms: if stats.latency.is_empty() {
                0.0
            } else {
                stats.latency.mean() / 1000.0
            },
            bars: bars(stats),
        }
    }

    /// Why not one request got a 2xx, in words; `None` when any did. A run that proved nothing
    /// about the endpoint's capacity must not read as a success.
    pub fn nothing_succeeded(&self, http2: bool) -> Option<String> {
        if self.requests == 0 || self.status.keys().any(|s| s.starts_with('2')) {
            return None;
        }
        let list = |m: &BTreeMap<String, u64>| {
            m.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let errors = list(&self.errors);
        let unanswered = self.requests - self.status.values().sum::<u64>();
        let and_unanswered = if unanswered > 0 {
            format!(", and {unanswered} got no answer")
        } else {
            String::new()
        };
        Some(match self.status.len() {
            0 if http2
                && (self.errors.contains_key("reset") || self.errors.contains_key("protocol")) =>
            {
                format!(
                    "the server does not speak HTTP/2 ({errors}): leave out --http2, or enable h2c/ALPN h2 on the server"
                )
            }
            0 if self.errors.len() == 1 && self.errors.contains_key("timeout") => format!(
                "every request timed out ({errors}): the endpoint took longer than --timeout"
            ),
            0 => format!("no request was answered ({errors})"),
            1 => format!(
                "every answer was {}{and_unanswered}",
                self.status.keys().next().map_or("", String::as_str)
            ),
            _ => format!("no answer was 2xx ({}){and_unanswered}", list(&self.status)),
        })
    }

    /// The report a person reads.
    pub fn human(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "{}", "Summary".bold());
        let _ = writeln!(o, "  requests   {} ({} loop)", self.requests, self.mode);
        let _ = writeln!(o, "  duration   {:.2} s", self.duration_s);
        let _ = writeln!(o, "  rate       {:.1} req/s", self.rps);
        let success = format!("{:.2} %", self.success_pct);
        let success = if self.success_pct >= 100.0 {
            success.green()
        } else {
            success.red()
        };
        let _ = writeln!(o, "  success    {success}");
        if self.mode == "open" {
            let _ = writeln!(
                o,
                "  late sends {} (started over 5 ms after due)",
                self.late
            );
        }
        let _ = writeln!(o, "\n{}", "Status codes".bold());
        if self.status.is_empty() {
            let _ = writeln!(o, "  none: no request was answered");
        }
        for (s, n) in &self.status {
            let label = if s.starts_with('2') {
                s.green()
            } else {
                s.red()
            };
            let _ = writeln!(o, "  {label}  {n}");
        }
        if !self.errors.is_empty() {
            let _ = writeln!(o, "\n{}", "Errors".bold());
            for (k, n) in &self.errors {
                let _ = writeln!(o, "  {:<9} {n}", k.red());
            }
        }
        let l = &self.latency_ms;
        let _ = writeln!(o, "\n{}", "Latency (ms)".bold());
        let _ = writeln!(
            o,
            "  min {}  p50 {}  p90 {}  p95 {}\n  p99 {}  p99.9 {}  max {}",
            ms(l.min),
            ms(l.p50),
            ms(l.p90),
            ms(l.p95),
            ms(l.p99),
            ms(l.p999),
            ms(l.max)
        );
        if !self.bars.is_empty() {
            let _ = writeln!(o, "\n{}", "Histogram (ms)".bold());
            let most = self.bars.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
            for (upto, n) in &self.bars {
                let width = (*n as f64 / most as f64 * 40.0).round() as usize;
                let _ = writeln!(o, "  ≤ {:>9} {:>9}  {}", ms(*upto), n, "■".repeat(width));
            }
        }
        if !self.assertions.is_empty() {
            let _ = writeln!(o, "\n{}", "Assertions".bold());
            for a in &self.assertions {
                let mark = if a.passed {
                    "pass".green()
                } else {
                    "FAIL".red()
                };
                let _ = writeln!(
                    o,
                    "  {mark}  {}  (measured {}{})",
                    a.expr,
                    trim(a.measured),
                    a.unit
                );
            }
        }
        o
    }
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Ten buckets of equal width between min and max (the percentiles carry the tail's detail).
fn bars(stats: &Stats) -> Vec<(f64, u64)> {
    let h = &stats.latency;
    if h.is_empty() {
        return Vec::new();
    }
    let (lo, hi) = (h.min(), h.max());
    let step = ((hi - lo) / 10).max(1);
    let mut counts = [0u64; 10];
    // Each recorded value once, so the bars add up to the requests answered.
    for v in h.iter_recorded() {
        let i = ((v.value_iterated_to().saturating_sub(lo)) / step).min(9) as usize;
        counts[i] += v.count_at_value();
    }
    let used = ((hi - lo) / step + 1).min(10) as usize;
    (0..used)
        .map(|i| {
            let upto = if i == used - 1 {
                hi
            } else {
                lo + step * (i as u64 + 1) - 1
            };
            (upto as f64 / 1000.0, counts[i])
        })
        .collect()
}
