//! The faults a seed plans: which kind, when, on which node and for how long; the same seed gives
//! the same schedule (`HOOKCTL_FAULT_SEED`).

use std::time::Duration;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `kill -9` of one relay node, then its restart on the same port.
    Node,
    /// `kill -9` of `hookctl listen`, then its restart with the same log.
    Listen,
    /// `kill -9` of `hookctl listen` while it forwards a buffered delivery the target holds (a
    /// backlog built by a first kill), then its restart: the redelivery must be flagged.
    ListenMidDelivery,
    /// `kill -9` of Redis, then its restart on the same port and AOF.
    Redis,
    /// The target holds its answers for a while.
    Pause,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Node,
        Kind::Listen,
        Kind::ListenMidDelivery,
        Kind::Redis,
        Kind::Pause,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Node => "node kill -9 + restart",
            Kind::Listen => "listen kill -9 + restart",
            Kind::ListenMidDelivery => "listen kill -9 mid-delivery + restart",
            Kind::Redis => "redis kill -9 + restart",
            Kind::Pause => "target pause",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Fault {
    pub kind: Kind,
    /// When, from the start of the traffic.
    pub at: Duration,
    /// How long the process stays down, or the target paused.
    pub hold: Duration,
    /// Which node (for `Kind::Node`).
    pub node: usize,
}

/// `rounds` faults of each kind in a seeded order, one every `gap` (a range, in seconds).
pub fn plan(seed: u64, rounds: usize, gap: (f64, f64)) -> Vec<Fault> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut kinds: Vec<Kind> = (0..rounds).flat_map(|_| Kind::ALL).collect();
    kinds.shuffle(&mut rng);
    let mut at = 0.0;
    kinds
        .into_iter()
        .map(|kind| {
            at += rng.gen_range(gap.0..gap.1);
            let hold = match kind {
                Kind::Node | Kind::Listen | Kind::ListenMidDelivery => rng.gen_range(0.3..2.0),
                Kind::Redis => rng.gen_range(0.1..1.0),
                Kind::Pause => rng.gen_range(1.0..4.0),
            };
            Fault {
                kind,
                at: Duration::from_secs_f64(at),
                hold: Duration::from_secs_f64(hold),
                node: rng.gen_range(0..3),
            }
        })
        .collect()
}

/// The seed from `HOOKCTL_FAULT_SEED`, else a fresh one.
pub fn seed() -> u64 {
    match std::env::var("HOOKCTL_FAULT_SEED") {
        Ok(s) => s
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("HOOKCTL_FAULT_SEED={s:?} is not a number")),
        Err(_) => rand::random(),
    }
}

/// When the last fault is over, if each takes its hold (restarts take longer; the injector
/// waits for them).
pub fn span(faults: &[Fault]) -> Duration {
    faults
        .iter()
        .map(|f| f.at + f.hold)
        .max()
        .unwrap_or_default()
}
