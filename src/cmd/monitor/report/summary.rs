//! The probe history summed up per endpoint: availability, latency percentiles, incidents
//! (from the first failure to the first success) and the alerts sent.

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::cmd::monitor::history::{Probe, SentAlert};
use crate::cmd::monitor::state::Health;
use crate::cmd::shared::durations;

#[derive(Debug, Serialize)]
pub struct Report {
    #[serde(serialize_with = "rfc3339")]
    pub since: DateTime<Utc>,
    #[serde(serialize_with = "rfc3339")]
    pub until: DateTime<Utc>,
    /// `--min-availability`, in percent.
    pub min_availability: Option<f64>,
    pub endpoints: Vec<EndpointReport>,
}

#[derive(Debug, Serialize)]
pub struct EndpointReport {
    pub endpoint: String,
    pub url: String,
    pub probes: usize,
    pub failed: usize,
    /// Share of successful probes, in percent.
    pub availability: f64,
    /// Over the probes that got an answer; none if none did.
    pub latency_ms: Option<Latency>,
    pub incidents: Vec<Incident>,
    /// Time spent down (not degraded), summed over the incidents.
    pub downtime_s: f64,
    pub alerts: Vec<AlertLine>,
    /// Whether availability is below `--min-availability` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below_minimum: Option<bool>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub max: f64,
}

/// A stretch of time an endpoint was down or degraded.
#[derive(Debug, Serialize, PartialEq)]
pub struct Incident {
    /// `down` if it was down at any point, else `degraded`.
    pub state: Health,
    /// The first failed probe of the streak that brought it down (degraded: the first slow
    /// probe judged so).
    #[serde(serialize_with = "rfc3339")]
    pub start: DateTime<Utc>,
    /// The first probe that found it up again; null if it had not recovered by the last probe.
    #[serde(serialize_with = "rfc3339_opt")]
    pub end: Option<DateTime<Utc>>,
    /// To `end`, or to the last probe while it lasts.
    pub duration_s: f64,
    pub failed_probes: usize,
    /// The first failed probe's error, or "slow answers" for a degraded endpoint.
    pub cause: String,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct AlertLine {
    #[serde(serialize_with = "rfc3339")]
    pub time: DateTime<Utc>,
    pub event: String,
    pub channel: String,
    /// The address or number for email and SMS; empty for URL channels.
    pub target: String,
    pub delivered: bool,
    pub attempts: u32,
    pub detail: String,
}

fn rfc3339<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::output::time(*t))
}

fn rfc3339_opt<S: serde::Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => rfc3339(t, s),
        None => s.serialize_none(),
    }
}

/// The report over `probes` (by endpoint, oldest first, as the history gives them).
pub fn summarise(
    probes: &[Probe],
    alerts: &[SentAlert],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    min_availability: Option<f64>,
) -> Report {
    let mut endpoints = Vec::new();
    for group in probes.chunk_by(|a, b| a.endpoint == b.endpoint) {
        let first = &group[0];
        let failed = group.iter().filter(|p| !p.ok).count();
        let availability = round(
            100.0 * (group.len() - failed) as f64 / group.len() as f64,
            4,
        );
        let mut answered: Vec<f64> = group.iter().filter_map(|p| p.latency_ms).collect();
        let latency = durations::durations(&mut answered).map(|d| Latency {
            p50: round(d.p50, 2),
            p95: round(d.p95, 2),
            max: round(d.max, 2),
        });
        let incidents = incidents(group);
        // A fold from +0.0: an empty f64 sum is -0.0, which JSON would show as such.
        let downtime_s = incidents
            .iter()
            .filter(|i| i.state == Health::Down)
            .map(|i| i.duration_s)
            .fold(0.0, |a, b| a + b);
        let alerts = alerts
            .iter()
            .filter(|a| a.endpoint == first.endpoint)
            .map(|a| AlertLine {
                time: a.at,
                event: a.event.clone(),
                channel: a.channel.clone(),
                target: a.target.clone(),
                delivered: a.delivered,
                attempts: a.attempts,
                detail: a.detail.clone(),
            })
            .collect();
        endpoints.push(EndpointReport {
            endpoint: first.endpoint.clone(),
            url: group.last().map_or(&first.url, |p| &p.url).clone(),
            probes: group.len(),
            failed,
            availability,
            latency_ms: latency,
            incidents,
            downtime_s,
            alerts,
            below_minimum: min_availability.map(|m| availability < m),
        });
    }
    Report {
        since,
        until,
        min_availability,
        endpoints,
    }
}

/// The incidents in one endpoint's probes, oldest first: from the first failure of the streak
/// that took it down (or the first probe judged degraded) to the first probe that found it up.
pub fn incidents(probes: &[Probe]) -> Vec<Incident> {
    let mut out = Vec::new();
    let mut open: Option<Incident> = None;
    // The first failed probe of the current streak of failures.
    let mut streak: Option<&Probe> = None;
    for p in probes {
        if p.ok {
            streak = None;
        } else if streak.is_none() {
            streak = Some(p);
        }
        let bad = matches!(p.state, Health::Down | Health::Degraded);
        match (&mut open, bad) {
            (None, true) => {
                let from = if p.state == Health::Down {
                    streak.unwrap_or(p)
                } else {
                    p
                };
                open = Some(Incident {
                    state: p.state,
                    start: from.at,
                    end: None,
                    duration_s: 0.0,
                    failed_probes: 0,
                    cause: cause(from),
                });
            }
            (Some(i), true) if p.state == Health::Down && i.state != Health::Down => {
                // Slow first, then down: the outage is the story.
                i.state = Health::Down;
                i.cause = cause(streak.unwrap_or(p));
            }
            (Some(i), false) => {
                i.end = Some(p.at);
                i.duration_s = seconds(p.at - i.start);
                out.extend(open.take());
            }
            _ => {}
        }
        if let Some(i) = &mut open {
            i.duration_s = seconds(p.at - i.start);
        }
    }
    out.extend(open);
    // Failed probes inside each incident, counted from the probes it spans.
    for i in &mut out {
        i.failed_probes = probes
            .iter()
            .filter(|p| !p.ok && p.at >= i.start && i.end.is_none_or(|e| p.at < e))
            .count();
    }
    out
}

fn cause(p: &Probe) -> String {
    if p.ok {
        "slow answers".into()
    } else {
        p.error.clone().unwrap_or_else(|| "failed probe".into())
    }
}

/// `v` to `places` decimals: a report's numbers need no more, and a dashboard reads them as is.
fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

fn seconds(d: chrono::Duration) -> f64 {
    d.num_milliseconds().max(0) as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 3, 0, 0).unwrap() + chrono::Duration::minutes(min)
    }

    fn p(min: i64, ok: bool, state: Health) -> Probe {
        Probe {
            at: at(min),
            endpoint: "orders".into(),
            url: "https://x.test/hook".into(),
            ok,
            status: Some(if ok { 200 } else { 503 }),
            latency_ms: Some(if ok { 40.0 } else { 5.0 }),
            error: (!ok).then(|| format!("answered 503 at {min}")),
            state,
        }
    }

    #[test]
    fn an_outage_starts_at_its_first_failure_and_ends_at_the_first_success() {
        use Health::*;
        let probes = [
            p(0, true, Up),
            p(1, false, Up),
            p(2, false, Up),
            p(3, false, Down),
            p(4, false, Down),
            p(5, true, Up),
            p(6, false, Up),
            p(7, true, Up),
        ];
        let i = incidents(&probes);
        assert_eq!(
            i,
            vec![Incident {
                state: Down,
                start: at(1),
                end: Some(at(5)),
                duration_s: 240.0,
                failed_probes: 4,
                cause: "answered 503 at 1".into(),
            }]
        );
    }

    #[test]
    fn an_incident_still_open_lasts_to_the_last_probe() {
        use Health::*;
        let probes = [p(0, true, Up), p(1, false, Down), p(9, false, Down)];
        let i = incidents(&probes);
        assert_eq!(i.len(), 1);
        assert_eq!((i[0].end, i[0].duration_s), (None, 480.0));
    }

    #[test]
    fn degraded_then_down_is_one_down_incident() {
        use Health::*;
        let probes = [
            p(0, true, Degraded),
            p(1, false, Degraded),
            p(2, false, Down),
            p(3, true, Up),
        ];
        let i = incidents(&probes);
        assert_eq!(i.len(), 1);
        assert_eq!(i[0].state, Down);
        assert_eq!(i[0].start, at(0));
        assert_eq!(i[0].cause, "answered 503 at 1");
    }

    #[test]
    fn availability_latency_and_the_minimum_per_endpoint() {
        use Health::*;
        let mut probes = vec![
            p(0, true, Up),
            p(1, false, Down),
            p(2, true, Up),
            p(3, true, Up),
        ];
        let mut other = p(0, true, Up);
        other.endpoint = "billing".into();
        probes.insert(0, other);
        let r = summarise(&probes, &[], at(0), at(10), Some(90.0));
        assert_eq!(r.endpoints.len(), 2);
        let orders = &r.endpoints[1];
        assert_eq!((orders.probes, orders.failed), (4, 1));
        assert_eq!(orders.availability, 75.0);
        assert_eq!(orders.below_minimum, Some(true));
        assert_eq!(orders.downtime_s, 60.0);
        assert_eq!(
            orders.latency_ms,
            Some(Latency {
                p50: 40.0,
                p95: 40.0,
                max: 40.0
            })
        );
        assert_eq!(r.endpoints[0].below_minimum, Some(false));
    }
}
