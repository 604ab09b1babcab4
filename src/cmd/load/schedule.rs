//! The open loop's timetable: when request k is due, from a constant rate, linear ramp stages and
//! bursts — computed, never queued, so memory stays flat however long the run.

use std::time::Duration;

use anyhow::Result;

use crate::bail_usage;
use crate::cmd::shared::input::parse_duration;
use crate::output::usage;

/// Requests sent when neither -n, -d nor --stage says how many (as oha and hey do).
pub const DEFAULT_REQUESTS: u64 = 200;

/// A stretch of the run whose rate moves linearly from `from` to `to` requests per second.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    start: f64,
    len: f64,
    from: f64,
    to: f64,
    /// Requests due before this segment starts.
    before: f64,
}

impl Segment {
    /// Requests due within the first `t` seconds of the segment.
    fn count_at(&self, t: f64) -> f64 {
        self.from * t + (self.to - self.from) * t * t / (2.0 * self.len)
    }

    /// Seconds into the segment at which the `n`-th of its requests is due (inverse of count_at).
    fn time_of(&self, n: f64) -> f64 {
        let slope = (self.to - self.from) / self.len;
        if slope.abs() < 1e-12 {
            return n / self.from;
        }
        // slope/2·t² + from·t − n = 0, the root that is ≥ 0.
        let disc = (self.from * self.from + 2.0 * slope * n).max(0.0);
        (disc.sqrt() - self.from) / slope
    }

    fn total(&self) -> f64 {
        self.count_at(self.len)
    }
}

/// `count` extra requests due all at once, `at` into the run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Burst {
    pub at: Duration,
    pub count: u64,
}

/// When each request of an open-loop run is due, as an offset from the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    segments: Vec<Segment>,
    bursts: Vec<Burst>,
    /// Requests in the whole run (rate part plus bursts), capped by `-n`.
    total: u64,
    /// The run's length: the sum of the stages, or `-d`.
    pub length: Duration,
}

/// The rate the run starts at and the stages after it, as the flags give them.
pub struct Plan<'a> {
    pub rate: Option<f64>,
    pub stages: &'a [String],
    pub bursts: &'a [String],
    pub duration: Option<Duration>,
    pub requests: Option<u64>,
}

impl Schedule {
    /// Builds the timetable; every mistake in the flags is a usage error naming the flag.
    pub fn new(plan: Plan<'_>) -> Result<Schedule> {
        // clap has checked --rate is above 0.
        let start_rate = plan.rate.unwrap_or(0.0);
        let mut segments = Vec::new();
        let (mut t, mut before, mut rate) = (0.0, 0.0, start_rate);
        for s in plan.stages {
            let (len, to) = parse_stage(s)?;
            let seg = Segment {
                start: t,
                len,
                from: rate,
                to,
                before,
            };
            before += seg.total();
            t += len;
            rate = to;
            segments.push(seg);
        }
        let length = match plan.duration {
            Some(d) => d.as_secs_f64(),
            None if !segments.is_empty() => t,
            // -n alone: long enough for the requests at the last rate.
            None if rate > 0.0 => {
                let n = plan.requests.unwrap_or(DEFAULT_REQUESTS) as f64;
                t + (n - before).max(0.0) / rate
            }
            None => bail_usage!("--burst alone needs -d DURATION: how long the run lasts"),
        };
        if length > t && rate > 0.0 {
            // The last rate holds until -d (or until -n requests are due).
            let seg = Segment {
                start: t,
                len: length - t,
                from: rate,
                to: rate,
                before,
            };
            before += seg.total();
            segments.push(seg);
        }
        let mut bursts = plan
            .bursts
            .iter()
            .map(|b| parse_burst(b))
            .collect::<Result<Vec<_>>>()?;
        bursts.retain(|b| b.at.as_secs_f64() <= length);
        bursts.sort_by_key(|b| b.at);
        // The last rate-driven request is due before `length`: floor, not round.
        // (The epsilon keeps 29.999… from losing the 30th request to rounding.)
        let mut total =
            (before + 1e-6).floor() as u64 + bursts.iter().map(|b| b.count).sum::<u64>();
        if let Some(n) = plan.requests {
            total = total.min(n);
        }
        if total == 0 {
            bail_usage!(
                "the open loop would send nothing: give --rate above 0, a --stage with a rate, or a --burst within the run"
            );
        }
        Ok(Schedule {
            segments,
            bursts,
            total,
            length: Duration::from_secs_f64(length),
        })
    }

    /// Requests in the run.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// When request `k` (from 0) is due; `None` past the end of the run.
    pub fn due(&self, k: u64) -> Option<Duration> {
        if k >= self.total {
            return None;
        }
        let mut extra = 0u64;
        for b in &self.bursts {
            let at = b.at.as_secs_f64();
            let before = self.rate_count_before(at) + extra;
            if k < before {
                break;
            }
            if k < before + b.count {
                return Some(b.at);
            }
            extra += b.count;
        }
        self.rate_time(k - extra).map(Duration::from_secs_f64)
    }

    /// Rate-driven requests due strictly before `t` seconds.
    fn rate_count_before(&self, t: f64) -> u64 {
        let seg = self.segments.iter().rev().find(|s| s.start <= t).copied();
        match seg {
            None => 0,
            Some(s) => {
                let n = s.before + s.count_at((t - s.start).min(s.len));
                // Request i is due when the count reaches i, so those before t number ceil(n).
                (n - 1e-9).ceil().max(0.0) as u64
            }
        }
    }

    /// When the `i`-th rate-driven request is due, in seconds.
    fn rate_time(&self, i: u64) -> Option<f64> {
        let i = i as f64;
        let s = self
            .segments
            .iter()
            .take_while(|s| s.before <= i)
            .last()
            .filter(|s| i < s.before + s.total() + 1e-9)?;
        Some(s.start + s.time_of(i - s.before))
    }
}

/// `10s:100` → (10.0, 100.0).
fn parse_stage(text: &str) -> Result<(f64, f64)> {
    let Some((dur, rate)) = text.split_once(':') else {
        bail_usage!("--stage '{text}' must be DURATION:RPS, e.g. --stage 30s:500");
    };
    let len = parse_duration(dur, "--stage")?.as_secs_f64();
    let rate: f64 = match rate.trim().parse() {
        Ok(r) if f64::is_finite(r) => r,
        _ => bail_usage!(
            "--stage '{text}': '{rate}' is not a rate: give requests per second, e.g. 30s:500"
        ),
    };
    if rate < 0.0 {
        bail_usage!(
            "--stage '{text}': {rate} is out of range: give a rate of 0 or more, e.g. 30s:500"
        );
    }
    if len <= 0.0 {
        bail_usage!("--stage '{text}' lasts no time: give a duration above 0, e.g. 30s:500");
    }
    Ok((len, rate))
}

/// `2000@15s` → 2000 requests due 15 s into the run.
fn parse_burst(text: &str) -> Result<Burst> {
    let Some((count, at)) = text.split_once('@') else {
        bail_usage!("--burst '{text}' must be COUNT@AT, e.g. --burst 2000@15s");
    };
    let count = hookctl_relay::values::at_least::<u64>(1)(count)
        .map_err(|e| usage(format!("--burst '{text}': {e}")))?;
    Ok(Burst {
        at: parse_duration(at, "--burst")?,
        count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(rate: Option<f64>, stages: &[&str], bursts: &[&str], d: Option<u64>) -> Schedule {
        let stages: Vec<String> = stages.iter().map(|s| s.to_string()).collect();
        let bursts: Vec<String> = bursts.iter().map(|s| s.to_string()).collect();
        Schedule::new(Plan {
            rate,
            stages: &stages,
            bursts: &bursts,
            duration: d.map(Duration::from_secs),
            requests: None,
        })
        .unwrap()
    }

    fn secs(s: &Schedule, k: u64) -> f64 {
        s.due(k).unwrap().as_secs_f64()
    }

    #[test]
    fn constant_rate_spaces_requests_evenly() {
        let s = schedule(Some(100.0), &[], &[], Some(2));
        assert_eq!(s.total(), 200);
        assert!((secs(&s, 0) - 0.0).abs() < 1e-9);
        assert!((secs(&s, 1) - 0.01).abs() < 1e-9);
        assert!((secs(&s, 199) - 1.99).abs() < 1e-9);
        assert_eq!(s.due(200), None);
    }

    #[test]
    fn a_ramp_from_zero_sends_the_area_under_it_and_speeds_up() {
        // 0 → 100 rps over 10 s: 500 requests, the gaps shrinking.
        let s = schedule(None, &["10s:100"], &[], None);
        assert_eq!(s.total(), 500);
        let gap_early = secs(&s, 11) - secs(&s, 10);
        let gap_late = secs(&s, 491) - secs(&s, 490);
        assert!(gap_early > 3.0 * gap_late, "{gap_early} vs {gap_late}");
        // Half the requests are due at t where t²·5 = 250: √50 s.
        assert!((secs(&s, 250) - 50f64.sqrt()).abs() < 1e-6);
        let mut last = 0.0;
        for k in 0..500 {
            let t = secs(&s, k);
            assert!(t >= last && t <= 10.0, "request {k} due at {t}");
            last = t;
        }
    }

    #[test]
    fn stages_follow_each_other_and_the_last_rate_holds_until_d() {
        let s = schedule(Some(100.0), &["1s:100", "1s:300"], &[], Some(3));
        // 100 + (100+300)/2 + 300 = 600.
        assert_eq!(s.total(), 600);
        assert!((secs(&s, 100) - 1.0).abs() < 1e-9);
        assert!((secs(&s, 300) - 2.0).abs() < 1e-9);
        assert!((secs(&s, 330) - 2.1).abs() < 1e-9);
    }

    #[test]
    fn bursts_are_due_at_once_in_between_the_rate() {
        let s = schedule(Some(10.0), &[], &["5@1s"], Some(2));
        assert_eq!(s.total(), 25);
        assert!((secs(&s, 9) - 0.9).abs() < 1e-9);
        for k in 10..15 {
            assert_eq!(s.due(k), Some(Duration::from_secs(1)), "request {k}");
        }
        assert!((secs(&s, 15) - 1.0).abs() < 1e-9);
        assert!((secs(&s, 24) - 1.9).abs() < 1e-9);
        let all: Vec<f64> = (0..25).map(|k| secs(&s, k)).collect();
        assert!(all.windows(2).all(|w| w[0] <= w[1]), "{all:?}");
    }

    #[test]
    fn n_caps_the_run() {
        let s = Schedule::new(Plan {
            rate: Some(50.0),
            stages: &[],
            bursts: &[],
            duration: None,
            requests: Some(30),
        })
        .unwrap();
        assert_eq!(s.total(), 30);
        assert!((s.length.as_secs_f64() - 0.6).abs() < 1e-9);
    }

    #[test]
    fn bad_stages_and_bursts_are_usage_errors() {
        for (stages, bursts) in [
            (vec!["10s"], vec![]),
            (vec!["soon:10"], vec![]),
            (vec!["10s:-1"], vec![]),
            (vec!["0s:10"], vec![]),
            (vec![], vec!["100"]),
            (vec![], vec!["0@1s"]),
            (vec![], vec!["x@1s"]),
        ] {
            let stages: Vec<String> = stages.into_iter().map(String::from).collect();
            let bursts: Vec<String> = bursts.into_iter().map(String::from).collect();
            let e = Schedule::new(Plan {
                rate: Some(1.0),
                stages: &stages,
                bursts: &bursts,
                duration: Some(Duration::from_secs(1)),
                requests: None,
            })
            .unwrap_err();
            assert!(
                e.chain().any(|c| c.is::<crate::output::UsageError>()),
                "{e}"
            );
        }
    }
}
