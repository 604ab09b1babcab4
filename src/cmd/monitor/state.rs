//! One endpoint's health over a sliding window of probes, and the changes of state that deserve
//! an alert: down after N failures in a row, degraded when p95 crosses a threshold, recovered
//! once. Pure logic, no clock: the scheduler feeds it.

use std::collections::VecDeque;

use serde::Serialize;

use crate::cmd::shared::durations;

/// Successful probes needed before a p95 means anything.
const MIN_FOR_P95: usize = 3;
/// A degraded endpoint recovers only below this share of the threshold, so a p95 hovering at the
/// line does not alert on every probe.
const RECOVERY_FACTOR: f64 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    /// Not enough probes yet to say.
    Unknown,
    Up,
    Degraded,
    Down,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Unknown => "unknown",
            Health::Up => "up",
            Health::Degraded => "degraded",
            Health::Down => "down",
        }
    }

    /// The word [`Health::as_str`] gives, read back.
    pub fn parse(word: &str) -> Option<Health> {
        [Health::Unknown, Health::Up, Health::Degraded, Health::Down]
            .into_iter()
            .find(|h| h.as_str() == word)
    }
}

/// One probe's result.
#[derive(Debug, Clone)]
pub struct Sample {
    pub ok: bool,
    /// Time to the answer; `None` when there was none.
    pub ms: Option<f64>,
    pub status: Option<u16>,
    /// "answered 200", "connect: connection refused", …
    pub detail: String,
}

/// A change of state worth telling someone about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub from: Health,
    pub to: Health,
}

/// The thresholds one tracker judges by.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    pub down_after: u32,
    pub degraded_ms: f64,
    pub window: usize,
}

#[derive(Debug, Clone)]
pub struct Tracker {
    limits: Thresholds,
    window: VecDeque<Sample>,
    failures_in_row: u32,
    pub health: Health,
}

impl Tracker {
    pub fn new(limits: Thresholds) -> Self {
        Tracker {
            limits: Thresholds {
                down_after: limits.down_after.max(1),
                window: limits.window.max(1),
                ..limits
            },
            window: VecDeque::new(),
            failures_in_row: 0,
            health: Health::Unknown,
        }
    }

    /// Takes one probe's result; returns the change of state it causes, if any. Unknown → up
    /// is the start, not news, and returns nothing.
    pub fn record(&mut self, s: Sample) -> Option<Change> {
        if s.ok {
            self.failures_in_row = 0;
        } else {
            self.failures_in_row += 1;
        }
        let ok = s.ok;
        self.window.push_back(s);
        while self.window.len() > self.limits.window {
            self.window.pop_front();
        }
        let next = if self.failures_in_row >= self.limits.down_after {
            Health::Down
        } else if ok {
            match self.p95() {
                Some(p95) if p95 > self.limits.degraded_ms => Health::Degraded,
                Some(p95)
                    if self.health == Health::Degraded
                        && p95 > self.limits.degraded_ms * RECOVERY_FACTOR =>
                {
                    Health::Degraded
                }
                _ => Health::Up,
            }
        } else {
            // A failure short of the threshold changes nothing yet.
            self.health
        };
        let change = Change {
            from: self.health,
            to: next,
        };
        self.health = next;
        (change.from != change.to && change != START).then_some(change)
    }

    /// p95 of the successful probes in the window, once there are enough of them.
    pub fn p95(&self) -> Option<f64> {
        let mut ms: Vec<f64> = self
            .window
            .iter()
            .filter(|s| s.ok)
            .filter_map(|s| s.ms)
            .collect();
        if ms.len() < MIN_FOR_P95 {
            return None;
        }
        durations::durations(&mut ms).map(|d| d.p95)
    }

    /// Share of the window's probes that succeeded.
    pub fn availability(&self) -> f64 {
        if self.window.is_empty() {
            return 0.0;
        }
        self.window.iter().filter(|s| s.ok).count() as f64 / self.window.len() as f64
    }

    pub fn last(&self) -> Option<&Sample> {
        self.window.back()
    }

    pub fn window_len(&self) -> usize {
        self.window.len()
    }

    pub fn failures_in_row(&self) -> u32 {
        self.failures_in_row
    }
}

const START: Change = Change {
    from: Health::Unknown,
    to: Health::Up,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Tracker {
        Tracker::new(Thresholds {
            down_after: 3,
            degraded_ms: 100.0,
            window: 10,
        })
    }
    fn ok(ms: f64) -> Sample {
        Sample {
            ok: true,
            ms: Some(ms),
            status: Some(200),
            detail: String::new(),
        }
    }
    fn fail() -> Sample {
        Sample {
            ok: false,
            ms: None,
            status: None,
            detail: "refused".into(),
        }
    }

    #[test]
    fn down_once_after_n_failures_in_a_row_and_recovered_once() {
        let mut t = t();
        assert_eq!(t.record(ok(5.0)), None);
        assert_eq!(t.health, Health::Up);
        assert_eq!(t.record(fail()), None);
        assert_eq!(t.record(fail()), None);
        assert_eq!(
            t.record(fail()),
            Some(Change {
                from: Health::Up,
                to: Health::Down
            })
        );
        // However long it stays down: no more alerts.
        for _ in 0..50 {
            assert_eq!(t.record(fail()), None);
        }
        assert_eq!(
            t.record(ok(5.0)),
            Some(Change {
                from: Health::Down,
                to: Health::Up
            })
        );
        assert_eq!(t.record(ok(5.0)), None);
    }

    #[test]
    fn a_failure_short_of_the_threshold_is_not_an_alert() {
        let mut t = t();
        t.record(ok(5.0));
        t.record(fail());
        t.record(fail());
        assert_eq!(t.record(ok(5.0)), None);
        assert_eq!(t.health, Health::Up);
        assert!((t.availability() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn degraded_on_slow_p95_with_hysteresis() {
        let mut t = t();
        for _ in 0..3 {
            t.record(ok(10.0));
        }
        let mut changes = Vec::new();
        for _ in 0..10 {
            changes.extend(t.record(ok(500.0)));
        }
        assert_eq!(
            changes,
            vec![Change {
                from: Health::Up,
                to: Health::Degraded
            }]
        );
        // p95 just under the threshold is not yet a recovery; well under it is, once.
        let mut changes = Vec::new();
        for _ in 0..10 {
            changes.extend(t.record(ok(95.0)));
        }
        assert!(changes.is_empty(), "{changes:?}");
        for _ in 0..10 {
            changes.extend(t.record(ok(10.0)));
        }
        assert_eq!(
            changes,
            vec![Change {
                from: Health::Degraded,
                to: Health::Up
            }]
        );
    }

    #[test]
    fn the_first_probes_failing_is_down_without_an_up_first() {
        let mut t = Tracker::new(Thresholds {
            down_after: 1,
            degraded_ms: 100.0,
            window: 5,
        });
        assert_eq!(
            t.record(fail()),
            Some(Change {
                from: Health::Unknown,
                to: Health::Down
            })
        );
    }
}
