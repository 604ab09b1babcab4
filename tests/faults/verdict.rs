//! The verdict on a run: every acknowledged webhook reached the target exactly once (a second
//! arrival is allowed only where listen flagged a re-send after an interrupted attempt), refused
//! ones at most once, buffered ones in each sender's order; and the summary table.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::time::Duration;

use super::schedule::Kind;
use super::senders::{Outcome, Sent};

#[derive(Default)]
pub struct Summary {
    pub seed: u64,
    pub sent: usize,
    pub live: usize,
    pub buffered: usize,
    pub refused_503: usize,
    pub no_answer: usize,
    pub other: BTreeMap<u16, usize>,
    /// Distinct webhooks that reached the target.
    pub delivered: usize,
    pub refused_delivered: usize,
    pub dup_flagged: usize,
    pub dup_unflagged: usize,
    pub lost: usize,
    pub faults_planned: usize,
    pub faults: BTreeMap<Kind, usize>,
    pub drain: Option<Duration>,
    /// From the end of the last fault to the first arrival of the last acknowledged webhook.
    pub last_arrival: Option<Duration>,
    pub wall: Duration,
    pub failures: Vec<String>,
}

/// Judges a run: `sent` is what the senders were answered, `arrivals` what reached the target in
/// order, `flagged` the webhooks listen recorded as re-sent after an interrupted attempt.
pub fn judge(
    summary: &mut Summary,
    sent: &[Sent],
    arrivals: &[(u32, u32)],
    flagged: &HashSet<(u32, u32)>,
) {
    let mut count: HashMap<(u32, u32), usize> = HashMap::new();
    for a in arrivals {
        *count.entry(*a).or_default() += 1;
    }
    summary.sent = sent.len();
    summary.delivered = count.len();
    let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut note = |what: &'static str, s: &Sent, extra: String| {
        let list = examples.entry(what).or_default();
        if list.len() < 5 {
            list.push(format!("sender {} #{}{extra}", s.sender, s.n));
        }
    };
    for s in sent {
        match s.outcome {
            Outcome::Live => summary.live += 1,
            Outcome::Buffered => summary.buffered += 1,
            Outcome::Refused503 => summary.refused_503 += 1,
            Outcome::NoAnswer => summary.no_answer += 1,
            Outcome::Other(code) => *summary.other.entry(code).or_default() += 1,
        }
        let times = count.get(&(s.sender, s.n)).copied().unwrap_or(0);
        if !s.outcome.acknowledged() && times > 0 {
            summary.refused_delivered += 1;
        }
        if s.outcome.acknowledged() && times == 0 {
            summary.lost += 1;
            note(
                "lost (acknowledged, never reached the target)",
                s,
                String::new(),
            );
        }
        if times > 1 {
            if flagged.contains(&(s.sender, s.n)) {
                summary.dup_flagged += 1;
            } else {
                summary.dup_unflagged += 1;
                note(
                    "reached the target more than once, unflagged",
                    s,
                    format!(" ({times}×, {:?})", s.outcome),
                );
            }
        }
    }
    // Order per sender among buffered deliveries, by first arrival.
    let buffered: HashSet<(u32, u32)> = sent
        .iter()
        .filter(|s| s.outcome == Outcome::Buffered)
        .map(|s| (s.sender, s.n))
        .collect();
    let mut seen = HashSet::new();
    let mut last: HashMap<u32, u32> = HashMap::new();
    for a in arrivals {
        if !buffered.contains(a) || !seen.insert(*a) {
            continue;
        }
        if let Some(prev) = last.insert(a.0, a.1)
            && prev > a.1
        {
            let list = examples
                .entry("buffered out of its sender's order")
                .or_default();
            if list.len() < 5 {
                list.push(format!("sender {}: #{} after #{prev}", a.0, a.1));
            }
        }
    }
    // A tunnel the cluster forgot, or a run that refused most of what it was sent, proves nothing.
    if let Some(n) = summary.other.get(&404) {
        summary.failures.push(format!(
            "{n} webhooks answered 404: the cluster lost the tunnel's name"
        ));
    }
    let acknowledged = summary.live + summary.buffered;
    if acknowledged * 2 < summary.sent {
        summary.failures.push(format!(
            "only {acknowledged} of {} webhooks were acknowledged",
            summary.sent
        ));
    }
    for (what, list) in examples {
        summary
            .failures
            .push(format!("{what}: {}", list.join(", ")));
    }
}

impl Summary {
    pub fn injected(&self) -> usize {
        self.faults.values().sum()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, k: &str, v: String| writeln!(f, "  {k:<38} {v}");
        writeln!(
            f,
            "relay cluster fault injection, seed {} (HOOKCTL_FAULT_SEED={} runs this schedule again)",
            self.seed, self.seed
        )?;
        row(f, "webhooks sent", self.sent.to_string())?;
        row(f, "answered 2xx (delivered live)", self.live.to_string())?;
        row(f, "answered 202 (buffered)", self.buffered.to_string())?;
        let other: Vec<String> = self
            .other
            .iter()
            .map(|(c, n)| format!("{c}: {n}"))
            .collect();
        row(
            f,
            "refused",
            format!(
                "{} (503: {}, no answer: {}{}{})",
                self.refused_503 + self.no_answer + self.other.values().sum::<usize>(),
                self.refused_503,
                self.no_answer,
                if other.is_empty() { "" } else { ", " },
                other.join(", ")
            ),
        )?;
        row(
            f,
            "reached the target (distinct)",
            self.delivered.to_string(),
        )?;
        row(
            f,
            "  of them refused ones",
            self.refused_delivered.to_string(),
        )?;
        row(f, "acknowledged and lost", self.lost.to_string())?;
        row(
            f,
            "duplicates flagged by listen",
            self.dup_flagged.to_string(),
        )?;
        row(f, "duplicates unflagged", self.dup_unflagged.to_string())?;
        let kinds: Vec<String> = self
            .faults
            .iter()
            .map(|(k, n)| format!("{}: {n}", k.label()))
            .collect();
        row(
            f,
            "faults injected / planned",
            format!(
                "{} / {} ({})",
                self.injected(),
                self.faults_planned,
                kinds.join(", ")
            ),
        )?;
        row(
            f,
            "last acknowledged arrival after fault",
            match self.last_arrival {
                Some(d) => format!("{:.1} s after the last fault ended", d.as_secs_f64()),
                None => "never".into(),
            },
        )?;
        row(
            f,
            "backlog drained after the last send",
            match self.drain {
                Some(d) => format!("{:.1} s", d.as_secs_f64()),
                None => "not within the deadline".into(),
            },
        )?;
        row(f, "wall time", format!("{:.1} s", self.wall.as_secs_f64()))?;
        for failure in &self.failures {
            writeln!(f, "  FAIL {failure}")?;
        }
        Ok(())
    }
}
