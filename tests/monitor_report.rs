//! `hookctl monitor report` over the probe history: what real monitor runs wrote, and a week of
//! injected probes with known availability, latency, incidents and alerts; `--keep` pruning.

mod common;
mod endpoints;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{hookctl, stdout_json};
use endpoints::{SECRET, serve};
use hookctl::cmd::monitor::history::{History, Probe, SentAlert};
use hookctl::cmd::monitor::state::Health;
use serde_json::Value;

fn endpoint<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["endpoint"] == name)
        .unwrap_or_else(|| panic!("no {name} in {report:#}"))
}

#[test]
fn probes_written_by_monitor_runs_are_summarised_with_their_availability_and_incident() {
    let dir = tempfile::tempdir().unwrap();
    let up = serve(endpoints::lax());
    let up = up.url("/hook");
    let refusing = common::refusing_port();
    let down = refusing.url("/hook");
    for _ in 0..3 {
        let out = hookctl(dir.path())
            .args(["monitor", &up, &down, "--once", "-q", "--secret", SECRET])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
    }
    let out = hookctl(dir.path())
        .args(["monitor", "report", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    assert_eq!(report["endpoints"].as_array().unwrap().len(), 2);
    let fine = endpoint(&report, &up);
    assert_eq!(fine["url"], up.as_str());
    assert_eq!(
        (fine["probes"].as_u64(), fine["failed"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(fine["availability"], 100.0);
    assert!(fine["latency_ms"]["p50"].as_f64().unwrap() > 0.0);
    assert_eq!(fine["incidents"], serde_json::json!([]));
    assert!(
        fine["downtime_s"].as_f64().unwrap().is_sign_positive(),
        "no downtime is 0, not -0"
    );
    let dead = endpoint(&report, &down);
    assert_eq!(
        (dead["probes"].as_u64(), dead["failed"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(dead["availability"], 0.0);
    assert_eq!(dead["latency_ms"], Value::Null);
    let incidents = dead["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 1, "{incidents:?}");
    assert_eq!(incidents[0]["state"], "down");
    assert_eq!(
        incidents[0]["end"],
        Value::Null,
        "still down at the last probe"
    );
    assert_eq!(incidents[0]["failed_probes"], 3);
    assert!(
        incidents[0]["cause"]
            .as_str()
            .unwrap()
            .contains("onnection refused"),
        "{}",
        incidents[0]
    );

    let out = hookctl(dir.path())
        .args(["monitor", "report", "--min-availability", "50"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("Below 50.00%: {down} (0.00%).")),
        "{text}"
    );
    assert!(
        text.contains("100.00%") && text.contains("ongoing"),
        "{text}"
    );
}

/// A password in an endpoint's URL is the user's to give, never to show: not in the monitor's
/// lines, not in the history, not in the report meant to be pasted.
#[test]
fn a_password_in_an_endpoint_url_is_masked_in_the_output_the_history_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let refusing = common::refusing_port();
    let down = format!("http://ops:pw-s3cr3t@{}/hook", refusing.addr);
    let out = hookctl(dir.path())
        .args(["monitor", &down, "--once", "--json", "--secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("ops:redacted@"), "{shown}");
    assert!(!shown.contains("pw-s3cr3t"), "{shown}");
    for format in ["--json", "--markdown"] {
        let out = hookctl(dir.path())
            .args(["monitor", "report", format])
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains("ops:redacted@"), "{report}");
        assert!(!report.contains("pw-s3cr3t"), "{report}");
    }
}

const URL: &str = "https://api.example.com/webhooks";

fn t(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, h, m, 0).unwrap()
}

/// A week of probes every 5 minutes from 2026-11-23 00:00 UTC (2016 probes): 40 ms answers,
/// every tenth 400 ms; 503s from 2026-11-24 03:00 to 03:25 (6 probes, answered in 5 ms) and
/// refused connections from 2026-11-27 14:00 to 14:55 (12 probes); down after 3 failures.
fn week() -> (Vec<Probe>, Vec<SentAlert>) {
    let start = t(23, 0, 0);
    let mut probes = Vec::new();
    let mut failures = 0;
    for i in 0..2016 {
        let at = start + Duration::minutes(5 * i);
        let outage_503 = at >= t(24, 3, 0) && at <= t(24, 3, 25);
        let refused = at >= t(27, 14, 0) && at <= t(27, 14, 55);
        let ok = !(outage_503 || refused);
        failures = if ok { 0 } else { failures + 1 };
        probes.push(Probe {
            at,
            endpoint: "orders".into(),
            url: URL.into(),
            ok,
            status: if refused {
                None
            } else if outage_503 {
                Some(503)
            } else {
                Some(200)
            },
            latency_ms: if refused {
                None
            } else if outage_503 {
                Some(5.0)
            } else if i % 10 == 0 {
                Some(400.0)
            } else {
                Some(40.0)
            },
            error: if outage_503 {
                Some("answered 503".into())
            } else if refused {
                Some("connect: connection refused".into())
            } else {
                None
            },
            state: if failures >= 3 {
                Health::Down
            } else {
                Health::Up
            },
        });
    }
    let alert = |at, event: &str, channel: &str, delivered, attempts| SentAlert {
        at,
        endpoint: "orders".into(),
        url: URL.into(),
        event: event.into(),
        channel: channel.into(),
        target: if channel == "sms" {
            "+14155550100".into()
        } else {
            "oncall@example.com".into()
        },
        delivered,
        attempts,
        detail: if delivered {
            "250 2.0.0 OK"
        } else {
            "answered 500"
        }
        .into(),
    };
    let alerts = vec![
        alert(t(24, 3, 10), "endpoint.down", "email", true, 1),
        alert(t(24, 3, 30), "endpoint.recovered", "email", true, 1),
        alert(t(27, 14, 10), "endpoint.down", "sms", false, 3),
        alert(t(27, 15, 0), "endpoint.recovered", "sms", true, 1),
    ];
    (probes, alerts)
}

fn injected() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut h = History::open(&dir.path().join("monitor.db")).unwrap();
    let (probes, alerts) = week();
    h.record_probes(&probes).unwrap();
    for a in &alerts {
        h.record_alert(a).unwrap();
    }
    dir
}

const WEEK: [&str; 4] = [
    "--since",
    "2026-11-23T00:00:00Z",
    "--until",
    "2026-11-30T00:00:00Z",
];

#[test]
fn a_week_of_probes_gives_its_known_availability_latency_incidents_and_alerts() {
    let dir = injected();
    let out = hookctl(dir.path())
        .args(["monitor", "report", "--json"])
        .args(WEEK)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    assert_eq!(report["since"], "2026-11-23T00:00:00.000Z");
    assert_eq!(report["until"], "2026-11-30T00:00:00.000Z");
    let orders = endpoint(&report, "orders");
    assert_eq!(orders["url"], URL);
    assert_eq!(orders["probes"], 2016);
    assert_eq!(orders["failed"], 18);
    let availability = orders["availability"].as_f64().unwrap();
    // 1998 of 2016 probes succeeded: 99.107142…%, given to four decimals.
    assert_eq!(availability, 99.1071);
    assert_eq!(
        orders["latency_ms"],
        serde_json::json!({"p50": 40.0, "p95": 400.0, "max": 400.0})
    );
    assert_eq!(
        orders["incidents"],
        serde_json::json!([
            {"state": "down", "start": "2026-11-24T03:00:00.000Z", "end": "2026-11-24T03:30:00.000Z",
             "duration_s": 1800.0, "failed_probes": 6, "cause": "answered 503"},
            {"state": "down", "start": "2026-11-27T14:00:00.000Z", "end": "2026-11-27T15:00:00.000Z",
             "duration_s": 3600.0, "failed_probes": 12, "cause": "connect: connection refused"}
        ])
    );
    assert_eq!(orders["downtime_s"], 5400.0);
    let alerts = orders["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 4);
    assert_eq!(alerts[2]["channel"], "sms");
    assert_eq!(alerts[2]["delivered"], false);
    assert_eq!(alerts[2]["attempts"], 3);
    assert_eq!(alerts[0]["time"], "2026-11-24T03:10:00.000Z");

    let out = hookctl(dir.path())
        .args(["monitor", "report", "--markdown"])
        .args(WEEK)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    for want in [
        "## Endpoint health, 2026-11-23 00:00 UTC to 2026-11-30 00:00 UTC",
        "| Endpoint | Availability | Probes | p50 | p95 | Max | Incidents | Downtime | Alerts |",
        "| orders (`https://api.example.com/webhooks`) | 99.11% | 2016 | 40 ms | 400 ms | 400 ms | 2 | 1h 30m | 3 sent, 1 failed |",
        "### Incidents",
        "| orders | down | 2026-11-24 03:00:00 UTC | 2026-11-24 03:30:00 UTC | 30m | 6 | answered 503 |",
        "| orders | down | 2026-11-27 14:00:00 UTC | 2026-11-27 15:00:00 UTC | 1h | 12 | connect: connection refused |",
    ] {
        assert!(md.contains(want), "{want:?} not in:\n{md}");
    }

    let out = hookctl(dir.path())
        .args(["monitor", "report"])
        .args(WEEK)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("orders "))
        .unwrap_or_else(|| panic!("{text}"));
    let cells: Vec<&str> = row
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            "orders",
            "99.11%",
            "2016",
            "40 ms",
            "400 ms",
            "400 ms",
            "2",
            "1h 30m",
            "3 sent, 1 failed"
        ]
    );
}

#[test]
fn min_availability_exits_1_below_it_and_0_at_or_above_it() {
    let dir = injected();
    for (min, code) in [("99.9", 1), ("99", 0)] {
        let out = hookctl(dir.path())
            .args(["monitor", "report", "--min-availability", min])
            .args(WEEK)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "--min-availability {min}");
    }
    let out = hookctl(dir.path())
        .args(["monitor", "report", "--json", "--min-availability", "99.9"])
        .args(WEEK)
        .output()
        .unwrap();
    assert_eq!(
        endpoint(&stdout_json(&out), "orders")["below_minimum"],
        true
    );
}

#[test]
fn keep_prunes_probes_older_than_it_when_the_monitor_starts() {
    let dir = tempfile::tempdir().unwrap();
    let old = Utc::now() - Duration::days(2);
    History::open(&dir.path().join("monitor.db"))
        .unwrap()
        .record_probe(&Probe {
            at: old,
            endpoint: "gone".into(),
            url: "https://old.example.com/hook".into(),
            ok: true,
            status: Some(200),
            latency_ms: Some(10.0),
            error: None,
            state: Health::Up,
        })
        .unwrap();
    let up = serve(endpoints::lax());
    let out = hookctl(dir.path())
        .args([
            "monitor",
            &up.url("/hook"),
            "--once",
            "-q",
            "--probe",
            "get",
        ])
        .args(["--keep", "1d"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = hookctl(dir.path())
        .args(["monitor", "report", "--json", "--since", "30d"])
        .output()
        .unwrap();
    let report = stdout_json(&out);
    let names: Vec<&str> = report["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["endpoint"].as_str().unwrap())
        .collect();
    assert_eq!(names, [up.url("/hook").as_str()]);
}
