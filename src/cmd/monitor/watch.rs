//! The schedule: each endpoint probed at once and then every interval, in its own task, every
//! result handed to one consumer in arrival order. No I/O of its own, so paused-time tests drive
//! it exactly.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::state::Sample;

/// Probes endpoint `i` once.
pub type ProbeFn = Arc<dyn Fn(usize) -> Pin<Box<dyn Future<Output = Sample> + Send>> + Send + Sync>;

#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub interval: Duration,
    /// One probe per endpoint, then return.
    pub once: bool,
}

/// What the consumer hears: a probe's result, or a note from work it started (an alert's send
/// that ended), each as soon as it comes.
pub enum Heard<N> {
    Probe(usize, Sample),
    Note(N),
}

/// Runs until `shutdown` (or, with `once`, until every endpoint was probed), calling `on` with
/// each result and each note from `notes` (those still coming when it returns are the caller's).
pub async fn watch<N>(
    endpoints: usize,
    schedule: Schedule,
    probe: ProbeFn,
    shutdown: CancellationToken,
    notes: &mut mpsc::UnboundedReceiver<N>,
    mut on: impl FnMut(Heard<N>),
) {
    let (tx, mut rx) = mpsc::channel(64);
    for i in 0..endpoints {
        let tx = tx.clone();
        let probe = probe.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(schedule.interval);
            // A probe slower than the interval delays the next one; probes never pile up.
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = shutdown.cancelled() => break,
                    _ = ticks.tick() => {}
                }
                let sample = tokio::select! {
                    _ = shutdown.cancelled() => break,
                    s = probe(i) => s,
                };
                if tx.send((i, sample)).await.is_err() || schedule.once {
                    break;
                }
            }
        });
    }
    drop(tx);
    // Ends when every task has ended and dropped its sender.
    loop {
        tokio::select! {
            got = rx.recv() => match got {
                Some((i, sample)) => on(Heard::Probe(i, sample)),
                None => break,
            },
            Some(note) = notes.recv() => on(Heard::Note(note)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::monitor::state::{Change, Health, Thresholds, Tracker};
    use tokio::time::Instant;

    /// An endpoint that fails from 60 s to 120 s after the start.
    fn outage(start: Instant) -> ProbeFn {
        Arc::new(move |_| {
            let t = start.elapsed();
            Box::pin(async move {
                let down = t >= Duration::from_secs(60) && t < Duration::from_secs(120);
                Sample {
                    ok: !down,
                    ms: (!down).then_some(5.0),
                    status: (!down).then_some(200),
                    detail: String::new(),
                }
            })
        })
    }

    #[tokio::test(start_paused = true)]
    async fn an_outage_alerts_down_after_n_intervals_and_recovers_once() {
        let start = Instant::now();
        let shutdown = CancellationToken::new();
        let stop = shutdown.clone();
        let mut tracker = Tracker::new(Thresholds {
            down_after: 3,
            degraded_ms: 1000.0,
            window: 20,
        });
        let mut changes: Vec<(Change, Duration)> = Vec::new();
        let mut probes = 0;
        let schedule = Schedule {
            interval: Duration::from_secs(10),
            once: false,
        };
        let (_notes_tx, mut notes) = mpsc::unbounded_channel::<()>();
        watch(1, schedule, outage(start), shutdown, &mut notes, |heard| {
            let Heard::Probe(_, s) = heard else { return };
            probes += 1;
            if let Some(c) = tracker.record(s) {
                changes.push((c, start.elapsed()));
            }
            if start.elapsed() >= Duration::from_secs(300) {
                stop.cancel();
            }
        })
        .await;
        // Probes at 0, 10, … 300 s; failures at 60, 70, 80 → down at the third, 80 s.
        assert_eq!(probes, 31);
        assert_eq!(
            changes,
            vec![
                (
                    Change {
                        from: Health::Up,
                        to: Health::Down
                    },
                    Duration::from_secs(80)
                ),
                (
                    Change {
                        from: Health::Down,
                        to: Health::Up
                    },
                    Duration::from_secs(120)
                ),
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn once_probes_each_endpoint_exactly_once() {
        let seen = std::sync::Mutex::new(Vec::new());
        let schedule = Schedule {
            interval: Duration::from_secs(3600),
            once: true,
        };
        let (_notes_tx, mut notes) = mpsc::unbounded_channel::<()>();
        watch(
            3,
            schedule,
            outage(Instant::now()),
            CancellationToken::new(),
            &mut notes,
            |heard| {
                if let Heard::Probe(i, _) = heard {
                    seen.lock().unwrap().push(i)
                }
            },
        )
        .await;
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen, vec![0, 1, 2]);
    }
}
