//! What an alert is: the channels, the change in words every channel uses, how one is posted
//! and how its send ended, and the stderr line for an attempt that failed.

use std::sync::Arc;
use std::time::Duration;

use crate::cmd::monitor::state::{Change, Health};
use crate::http::Sender;
use crate::retry::Policy;
use crate::signature::{KeyMaterial, Scheme};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Slack,
    Teams,
    Webhook,
    Email,
    Sms,
}

/// One `--alert` destination: a URL, an email address or a phone number.
#[derive(Debug, Clone)]
pub struct Channel {
    pub kind: Kind,
    pub target: String,
}

impl Channel {
    pub fn label(&self) -> &'static str {
        match self.kind {
            Kind::Slack => "slack",
            Kind::Teams => "teams",
            Kind::Webhook => "webhook",
            Kind::Email => "email",
            Kind::Sms => "sms",
        }
    }

    /// Who was told, for email and SMS: an address or a number. A Slack, Teams or webhook URL is
    /// a credential (whoever holds it can post), so it is neither printed nor kept.
    pub fn recipient(&self) -> Option<&str> {
        matches!(self.kind, Kind::Email | Kind::Sms).then_some(self.target.as_str())
    }

    /// The channel in a line on stderr: its recipient, else its kind.
    pub fn shown(&self) -> &str {
        self.recipient().unwrap_or(self.label())
    }

    /// Whether this channel tells of `change`. SMS wakes people: only for down (and the
    /// recovery from it) unless degraded was asked for too.
    pub fn fires_for(&self, change: Change, sms_on_degraded: bool) -> bool {
        if self.kind != Kind::Sms {
            return true;
        }
        let urgent = |h: Health| h == Health::Down || (sms_on_degraded && h == Health::Degraded);
        urgent(change.to) || urgent(change.from)
    }
}

/// What happened, in the words every channel uses.
#[derive(Debug, Clone)]
pub struct Alert {
    pub endpoint: String,
    pub url: String,
    pub change: Change,
    /// The last probe's result.
    pub detail: String,
    /// The last probe's latency, when it got an answer.
    pub last_ms: Option<f64>,
    /// Failed probes in a row when the change happened.
    pub failures: u32,
    pub availability: f64,
    pub p95_ms: Option<f64>,
    pub window: usize,
    pub at: chrono::DateTime<chrono::Utc>,
    /// When the state this change ends began (known once the monitor has seen a change).
    pub since: Option<chrono::DateTime<chrono::Utc>>,
}

impl Alert {
    /// `endpoint.down`, `endpoint.degraded`, `endpoint.recovered`.
    pub fn event_type(&self) -> &'static str {
        match self.change.to {
            Health::Down => "endpoint.down",
            Health::Degraded => "endpoint.degraded",
            _ => "endpoint.recovered",
        }
    }

    pub fn title(&self) -> String {
        match self.change.to {
            Health::Down => format!("🔴 {} is down", self.endpoint),
            Health::Degraded => format!("🟠 {} is degraded", self.endpoint),
            _ => format!("🟢 {} recovered", self.endpoint),
        }
    }

    /// DOWN, DEGRADED or RECOVERED: the word a subject or a text starts with.
    pub fn headline(&self) -> &'static str {
        match self.change.to {
            Health::Down => "DOWN",
            Health::Degraded => "DEGRADED",
            _ => "RECOVERED",
        }
    }

    /// Why, in a few words: "3 failed probes", "p95 2300 ms", "down for 4m 10s".
    pub fn reason(&self) -> String {
        match self.change.to {
            Health::Down => format!(
                "{} failed probe{}",
                self.failures,
                if self.failures == 1 { "" } else { "s" }
            ),
            Health::Degraded => match self.p95_ms {
                Some(p) => format!("p95 {p:.0} ms"),
                None => "slow answers".into(),
            },
            _ => match self.lasted() {
                Some(d) => format!("{} for {d}", self.change.from.as_str()),
                None => format!("was {}", self.change.from.as_str()),
            },
        }
    }

    /// How long the state this change ends lasted, to the second.
    pub fn lasted(&self) -> Option<String> {
        let secs = (self.at - self.since?).num_seconds().max(0) as u64;
        Some(humantime::format_duration(Duration::from_secs(secs)).to_string())
    }

    /// Availability and p95 over the window, in one line.
    pub fn numbers(&self) -> String {
        let p95 = self
            .p95_ms
            .map(|p| format!(" · p95 {p:.0} ms"))
            .unwrap_or_default();
        format!(
            "availability {:.0}% over the last {} probes{p95}",
            self.availability * 100.0,
            self.window
        )
    }
}

/// How webhook: alerts are signed.
pub struct Signer {
    pub scheme: Arc<dyn Scheme>,
    pub key: KeyMaterial,
}

/// How alerts go out over HTTP (each is tried as hard as [`POLICY`] says).
#[derive(Clone)]
pub struct Post {
    pub sender: Sender,
    pub timeout: Duration,
}

/// How an alert's send ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub delivered: bool,
    /// The last attempt's result in words ("answered 200", "250 OK queued", an error).
    pub detail: String,
    pub attempts: u32,
}

/// Two retries, from half a second: an alert late by seconds still helps; one lost does not.
pub const POLICY: Policy = Policy {
    retries: 2,
    base: Duration::from_millis(500),
    max: Duration::from_secs(5),
};

/// The one line on stderr for an attempt that failed.
pub fn report_failed_attempt(
    channel: &Channel,
    alert: &Alert,
    attempt: u32,
    retries_left: bool,
    why: &str,
) {
    let next = if retries_left {
        "retrying"
    } else {
        "giving up"
    };
    eprintln!(
        "hookctl: {} alert for {} to {} failed (attempt {attempt} of {}): {why}; {next}",
        alert.event_type(),
        alert.endpoint,
        channel.shown(),
        POLICY.retries + 1,
    );
}
