//! The report for people: a plain-text table for the terminal, Markdown to paste into a status
//! review.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::summary::{EndpointReport, Latency, Report};

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// An incident's ends to the second: a short one starts and ends in the same minute.
fn moment(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn span(seconds: f64) -> String {
    if seconds <= 0.0 {
        return "0s".into();
    }
    humantime::format_duration(Duration::from_secs(seconds.round().max(1.0) as u64)).to_string()
}

fn ms(v: f64) -> String {
    if v >= 1000.0 {
        format!("{:.1} s", v / 1000.0)
    } else {
        format!("{v:.0} ms")
    }
}

fn percent(v: f64) -> String {
    format!("{v:.2}%")
}

fn alerts(e: &EndpointReport) -> String {
    let failed = e.alerts.iter().filter(|a| !a.delivered).count();
    let sent = e.alerts.len() - failed;
    if failed > 0 {
        format!("{sent} sent, {failed} failed")
    } else {
        format!("{sent} sent")
    }
}

/// One row of numbers per endpoint: the cells both formats show.
fn cells(e: &EndpointReport) -> Vec<String> {
    let lat = |f: fn(&Latency) -> f64| e.latency_ms.as_ref().map_or("-".into(), |l| ms(f(l)));
    vec![
        percent(e.availability),
        e.probes.to_string(),
        lat(|l| l.p50),
        lat(|l| l.p95),
        lat(|l| l.max),
        e.incidents.len().to_string(),
        span(e.downtime_s),
        alerts(e),
    ]
}

const HEADS: [&str; 8] = [
    "AVAILABILITY",
    "PROBES",
    "P50",
    "P95",
    "MAX",
    "INCIDENTS",
    "DOWNTIME",
    "ALERTS",
];

const NONE: &str = "No probes were recorded in this period.";

fn title(r: &Report) -> String {
    format!("Endpoint health, {} to {}", when(r.since), when(r.until))
}

fn below(r: &Report) -> Option<String> {
    let min = r.min_availability?;
    if r.endpoints.is_empty() {
        return Some(format!("No probes to judge against {}.", percent(min)));
    }
    let low: Vec<String> = r
        .endpoints
        .iter()
        .filter(|e| e.below_minimum == Some(true))
        .map(|e| format!("{} ({})", e.endpoint, percent(e.availability)))
        .collect();
    Some(if low.is_empty() {
        format!("Every endpoint is at or above {}.", percent(min))
    } else {
        format!("Below {}: {}.", percent(min), low.join(", "))
    })
}

/// The terminal's report: a table of endpoints, then one of incidents.
pub fn text(r: &Report, width: Option<usize>) -> String {
    let mut out = vec![title(r), String::new()];
    if r.endpoints.is_empty() {
        out.push(NONE.into());
        out.extend(below(r));
        return out.join("\n");
    }
    let mut rows = vec![
        std::iter::once("ENDPOINT")
            .chain(HEADS)
            .map(String::from)
            .collect(),
    ];
    for e in &r.endpoints {
        rows.push(
            std::iter::once(e.endpoint.clone())
                .chain(cells(e))
                .collect(),
        );
    }
    out.extend(crate::table::layout(&rows, width));
    let mut incidents = vec![
        [
            "ENDPOINT", "STATE", "START", "END", "DURATION", "FAILED", "CAUSE",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for e in &r.endpoints {
        for i in &e.incidents {
            incidents.push(vec![
                e.endpoint.clone(),
                i.state.as_str().into(),
                moment(i.start),
                i.end.map_or("ongoing".into(), moment),
                span(i.duration_s),
                i.failed_probes.to_string(),
                i.cause.clone(),
            ]);
        }
    }
    if incidents.len() > 1 {
        out.push(String::new());
        out.push("Incidents".into());
        out.extend(crate::table::layout(&incidents, width));
    }
    if let Some(b) = below(r) {
        out.push(String::new());
        out.push(b);
    }
    out.join("\n")
}

/// A cell as Markdown table text: pipes escaped, line breaks flattened.
fn md(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The status review's report: a heading, the endpoints' table and the incidents' table.
pub fn markdown(r: &Report) -> String {
    let mut out = vec![format!("## {}", title(r)), String::new()];
    if r.endpoints.is_empty() {
        out.push(NONE.into());
        out.extend(below(r).map(|b| format!("\n**{b}**")));
        return out.join("\n");
    }
    out.push(
        "| Endpoint | Availability | Probes | p50 | p95 | Max | Incidents | Downtime | Alerts |"
            .into(),
    );
    out.push("|---|---:|---:|---:|---:|---:|---:|---:|---|".into());
    for e in &r.endpoints {
        let name = if e.endpoint == e.url {
            format!("`{}`", md(&e.url))
        } else {
            format!("{} (`{}`)", md(&e.endpoint), md(&e.url))
        };
        out.push(format!("| {name} | {} |", cells(e).join(" | ")));
    }
    let any = r.endpoints.iter().any(|e| !e.incidents.is_empty());
    out.push(String::new());
    out.push("### Incidents".into());
    out.push(String::new());
    if any {
        out.push("| Endpoint | State | Start | End | Duration | Failed probes | Cause |".into());
        out.push("|---|---|---|---|---:|---:|---|".into());
        for e in &r.endpoints {
            for i in &e.incidents {
                out.push(format!(
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    md(&e.endpoint),
                    i.state.as_str(),
                    moment(i.start),
                    i.end.map_or("ongoing".into(), moment),
                    span(i.duration_s),
                    i.failed_probes,
                    md(&i.cause)
                ));
            }
        }
    } else {
        out.push("None.".into());
    }
    if let Some(b) = below(r) {
        out.push(String::new());
        out.push(format!("**{b}**"));
    }
    out.join("\n")
}
