//! `hookctl load` against a real HTTP server on loopback that counts what arrives, verifies every
//! signature and checks that no delivery id repeats: exact counts with -n, -d honoured, the open
//! loop's rate counted at the server, stalls visible in the corrected percentiles, assertions,
//! the log sample, and bad input as one line with exit 2/3.

mod common;
mod endpoints;

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Version};
use axum::response::Response;
use common::{hookctl, stdout_json};
use endpoints::{Connections, SECRET};
use hookctl::message::Delivery;
use hookctl::store::{Query, Source, Status, Store};
use serde_json::Value;

/// How the server reads each delivery.
#[derive(Clone)]
struct Expect {
    provider: &'static str,
    /// Where the delivery id is: a header name, or `body:` and a top-level JSON field.
    id: &'static str,
}

/// How the server answers.
#[derive(Default)]
struct Answers {
    /// Answer this status to the first N requests (then 200).
    fail_first: (u64, u16),
    /// Every request waits this long before answering.
    delay: Duration,
    /// Request number N stalls the whole server for the duration (all answers wait).
    stall_at: Option<(u64, Duration)>,
    /// Request number N cuts every connection open at that moment.
    cut_at: Option<u64>,
}

/// What the server saw and how it answers.
struct Seen {
    expect: Expect,
    answers: Answers,
    requests: AtomicU64,
    invalid: Mutex<Vec<String>>,
    ids: Mutex<HashSet<String>>,
    repeats: AtomicU64,
    arrivals: Mutex<Vec<Instant>>,
    http2: AtomicU64,
    stalled_until: Mutex<Option<tokio::time::Instant>>,
    conns: Connections,
}

struct Server {
    server: endpoints::Server,
    seen: Arc<Seen>,
}

impl Server {
    fn start(expect: Expect) -> Server {
        Self::with(expect, Answers::default())
    }

    fn with(expect: Expect, answers: Answers) -> Server {
        let seen = Arc::new(Seen {
            expect,
            answers,
            requests: AtomicU64::new(0),
            invalid: Mutex::default(),
            ids: Mutex::default(),
            repeats: AtomicU64::new(0),
            arrivals: Mutex::default(),
            http2: AtomicU64::new(0),
            stalled_until: Mutex::default(),
            conns: Connections::default(),
        });
        let app = axum::Router::new()
            .fallback(receive)
            .with_state(seen.clone());
        Server {
            server: endpoints::serve_counting(app, &seen.conns),
            seen,
        }
    }

    fn url(&self) -> String {
        self.server.url("/hooks")
    }

    fn requests(&self) -> u64 {
        self.seen.requests.load(Ordering::SeqCst)
    }

    /// TCP connections the server accepted.
    fn connections(&self) -> usize {
        self.seen.conns.accepted()
    }

    /// Every delivery verified, and no id came twice.
    fn assert_all_signed_and_unique(&self) {
        let invalid = self.seen.invalid.lock().unwrap();
        assert!(
            invalid.is_empty(),
            "{} invalid, e.g. {:?}",
            invalid.len(),
            invalid.first()
        );
        assert_eq!(
            self.seen.repeats.load(Ordering::SeqCst),
            0,
            "a delivery id came twice"
        );
        assert_eq!(self.seen.ids.lock().unwrap().len() as u64, self.requests());
    }
}

async fn receive(State(seen): State<Arc<Seen>>, req: Request) -> Response {
    let http2 = req.version() == Version::HTTP_2;
    let (parts, body) = req.into_parts();
    // A body cut short with its connection (`cut_at`) is no delivery: the sender sees it fail.
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::new(Body::empty());
    };
    let body = body.to_vec();
    let n = seen.requests.fetch_add(1, Ordering::SeqCst) + 1;
    seen.arrivals.lock().unwrap().push(Instant::now());
    if http2 {
        seen.http2.fetch_add(1, Ordering::SeqCst);
    }
    let headers = hookctl::message::Headers::from(&parts.headers);
    let url = format!(
        "http://{}{}",
        headers.get("host").unwrap_or(""),
        parts.uri.path()
    );
    let delivery = Delivery {
        method: parts.method.to_string(),
        url: Some(url),
        headers,
        body,
    };
    let v = endpoints::verify(seen.expect.provider, &delivery);
    if !v.is_valid() {
        seen.invalid.lock().unwrap().push(v.detail);
    }
    let id = match seen.expect.id.strip_prefix("body:") {
        Some(field) => serde_json::from_slice::<Value>(&delivery.body)
            .ok()
            .and_then(|b| b.get(field).and_then(Value::as_str).map(str::to_string)),
        None => delivery.headers.get(seen.expect.id).map(str::to_string),
    };
    match id {
        Some(id) => {
            if !seen.ids.lock().unwrap().insert(id) {
                seen.repeats.fetch_add(1, Ordering::SeqCst);
            }
        }
        None => seen
            .invalid
            .lock()
            .unwrap()
            .push(format!("request {n} carries no delivery id")),
    }
    if seen.answers.cut_at == Some(n) {
        seen.conns.cut_all();
    }
    if let Some((at, pause)) = seen.answers.stall_at
        && n == at
    {
        *seen.stalled_until.lock().unwrap() = Some(tokio::time::Instant::now() + pause);
    }
    let until = *seen.stalled_until.lock().unwrap();
    if let Some(until) = until {
        tokio::time::sleep_until(until).await;
    }
    if !seen.answers.delay.is_zero() {
        tokio::time::sleep(seen.answers.delay).await;
    }
    let status = if n <= seen.answers.fail_first.0 {
        seen.answers.fail_first.1
    } else {
        200
    };
    Response::builder()
        .status(StatusCode::from_u16(status).unwrap())
        .body(Body::from("ok"))
        .unwrap()
}

const STANDARD: Expect = Expect {
    provider: "standard-webhooks",
    id: "webhook-id",
};

/// `hookctl load URL --secret … --json ARGS`, its exit code and report.
fn load(dir: &std::path::Path, url: &str, args: &[&str]) -> (i32, Value) {
    let out = hookctl(dir)
        .args(["load", url, "--secret", SECRET, "--json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, stdout_json(&out))
}

#[test]
fn n_sends_exactly_n_unique_deliveries_that_all_verify() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let (code, report) = load(dir.path(), &server.url(), &["-n", "500", "-c", "8"]);
    assert_eq!(code, 0);
    assert_eq!(server.requests(), 500);
    assert_eq!(report["requests"], 500);
    assert_eq!(report["status"]["200"], 500);
    assert_eq!(report["errors"], serde_json::json!({}));
    server.assert_all_signed_and_unique();
}

#[test]
fn provider_events_carry_unique_ids_in_the_body_and_verify_with_the_providers_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(Expect {
        provider: "stripe",
        id: "body:id",
    });
    let (code, _) = load(
        dir.path(),
        &server.url(),
        &[
            "--event",
            "stripe.payment_intent.succeeded",
            "-n",
            "300",
            "-c",
            "4",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(server.requests(), 300);
    server.assert_all_signed_and_unique();
}

#[test]
fn body_file_placeholders_are_filled_for_every_request() {
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("order.json");
    std::fs::write(
        &body,
        r#"{"id":"{{id}}","sent_at":{{timestamp}},"total":4200}"#,
    )
    .unwrap();
    let server = Server::start(Expect {
        provider: "github",
        id: "body:id",
    });
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &[
            "--body-file",
            body.to_str().unwrap(),
            "--provider",
            "github",
            "-n",
            "200",
            "-c",
            "4",
        ],
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(server.requests(), 200);
    server.assert_all_signed_and_unique();
}

#[test]
fn d_sends_for_the_duration_asked() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let started = Instant::now();
    let (code, report) = load(dir.path(), &server.url(), &["-d", "2s", "-c", "4"]);
    let took = started.elapsed();
    assert_eq!(code, 0);
    let secs = report["duration_s"].as_f64().unwrap();
    // Generous: the machine is shared; what matters is that -d, not a count, ended the run.
    assert!((2.0..4.0).contains(&secs), "duration_s {secs}");
    assert!(took >= Duration::from_secs(2), "returned after {took:?}");
    assert_eq!(report["requests"].as_u64().unwrap(), server.requests());
    assert!(
        server.requests() > 20,
        "only {} requests in 2 s",
        server.requests()
    );
    server.assert_all_signed_and_unique();
}

#[test]
fn the_open_loop_sends_the_rate_asked_counted_at_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &["--rate", "200", "-d", "3s", "-c", "8"],
    );
    assert_eq!(code, 0);
    // The schedule holds exactly rate × duration requests.
    assert_eq!(server.requests(), 600);
    assert_eq!(report["requests"], 600);
    let arrivals = server.seen.arrivals.lock().unwrap();
    let span = arrivals
        .last()
        .unwrap()
        .duration_since(arrivals[0])
        .as_secs_f64();
    let rate = (arrivals.len() - 1) as f64 / span;
    assert!((150.0..260.0).contains(&rate), "server saw {rate:.1} req/s");
    server.assert_all_signed_and_unique();
}

#[test]
fn stages_ramp_and_bursts_add_exactly_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    // Ramp 50 → 150 over 1 s (100 requests), hold 150 for 1 s (150), plus a burst of 40.
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &[
            "--rate", "50", "--stage", "1s:150", "--burst", "40@500ms", "-d", "2s", "-c", "50",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(server.requests(), 290);
    assert_eq!(report["requests"], 290);
    server.assert_all_signed_and_unique();
}

#[test]
fn a_stall_shows_in_the_open_loop_percentiles_and_as_late_sends() {
    let dir = tempfile::tempdir().unwrap();
    // Request 100 (half a second in) freezes every answer for a second.
    let server = Server::with(
        STANDARD,
        Answers {
            stall_at: Some((100, Duration::from_secs(1))),
            ..Answers::default()
        },
    );
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &["--rate", "200", "-d", "3s", "-c", "4"],
    );
    assert_eq!(code, 0);
    assert_eq!(server.requests(), 600);
    // ~200 requests were due during the stall: well over 1 % of 600 waited ~0.5–1 s.
    let p99 = report["latency_ms"]["p99"].as_f64().unwrap();
    assert!(p99 >= 500.0, "p99 {p99} ms hides the stall");
    assert!(report["late"].as_u64().unwrap() >= 100, "{report}");
}

#[test]
fn assertions_pass_and_fail_as_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &[
            "-n",
            "50",
            "--assert",
            "success>=99.9%",
            "--assert",
            "p99<10s",
            "--assert",
            "errors==0",
        ],
    );
    assert_eq!(code, 0);
    let passed: Vec<bool> = report["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["passed"].as_bool().unwrap())
        .collect();
    assert_eq!(passed, [true, true, true]);

    let (code, report) = load(
        dir.path(),
        &server.url(),
        &[
            "-n",
            "50",
            "--assert",
            "p99<10s",
            "--assert",
            "rps>=100000000",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(report["assertions"][0]["passed"], true);
    assert_eq!(report["assertions"][1]["passed"], false);
    assert_eq!(report["assertions"][1]["expr"], "rps>=100000000");
}

#[test]
fn failures_are_classified_fail_success_assertions_and_are_logged_first() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::with(
        STANDARD,
        Answers {
            fail_first: (5, 503),
            ..Answers::default()
        },
    );
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &[
            "-n",
            "100",
            "-c",
            "1",
            "--log-sample",
            "8",
            "--assert",
            "success>=99%",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(report["status"]["503"], 5);
    assert_eq!(report["status"]["200"], 95);
    assert_eq!(report["errors"]["5xx"], 5);
    assert_eq!(report["success_pct"], 95.0);

    let store = Store::open(&dir.path().join("deliveries.db")).unwrap();
    let records: Vec<_> = store
        .after(0, &Query::default())
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    assert_eq!(records.len(), 8, "a sample, never every request");
    assert!(records.iter().all(|r| r.source == Source::Load));
    let dead = records.iter().filter(|r| r.status == Status::Dead).count();
    assert_eq!(dead, 5, "every failure is kept before any success");
    let failed = records.iter().find(|r| r.status == Status::Dead).unwrap();
    assert_eq!(failed.response.as_ref().unwrap().status, 503);
    assert!(failed.request.headers.get("webhook-signature").is_some());
}

#[test]
fn answers_slower_than_timeout_count_as_timeouts() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::with(
        STANDARD,
        Answers {
            delay: Duration::from_secs(2),
            ..Answers::default()
        },
    );
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &["-n", "4", "-c", "2", "--timeout", "200ms"],
    );
    // Nothing succeeded: a negative verdict (see no_request_succeeding_…).
    assert_eq!(code, 1);
    assert_eq!(report["requests"], 4);
    assert_eq!(report["errors"]["timeout"], 4);
    assert_eq!(report["status"], serde_json::json!({}));
}

#[test]
fn http2_carries_every_request_on_shared_connections() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &["--http2", "-n", "300", "-c", "20"],
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(server.requests(), 300);
    assert_eq!(server.seen.http2.load(Ordering::SeqCst), 300);
    server.assert_all_signed_and_unique();
    // A connection carries up to 100 streams: 20 workers share one.
    assert_eq!(
        server.connections(),
        1,
        "20 workers should share one connection"
    );
}

#[test]
fn a_broken_http2_connection_is_replaced_once_for_all_the_workers_sharing_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::with(
        STANDARD,
        Answers {
            cut_at: Some(100),
            ..Answers::default()
        },
    );
    let (code, report) = load(
        dir.path(),
        &server.url(),
        &["--http2", "-n", "400", "-c", "8"],
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["requests"], 400);
    assert_eq!(
        server.connections(),
        2,
        "the cut connection should be replaced by one, not one per worker: {report}"
    );
    // The run went on over the new connection: only the requests in flight at the cut failed.
    let ok = report["status"]["200"].as_u64().unwrap();
    let failed: u64 = report["errors"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(ok + failed, 400, "{report}");
    assert!(failed <= 16, "{failed} failed: {report}");
    assert!(report["errors"].get("connect").is_none(), "{report}");
    assert!(server.requests() > 380, "{report}");
    server.assert_all_signed_and_unique();
}

#[test]
fn https_endpoints_are_loaded_over_tls_trusting_the_ca_given() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, leaf) = endpoints::certs::from_ca(30);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let (app, mut got) = endpoints::receiver();
    let server = endpoints::serve_tls(app, leaf.chain, leaf.key);
    let url = server.url("/hooks");

    // The test CA is not in the system's store: the run cannot start.
    let out = hookctl(dir.path())
        .args(["load", &url, "--secret", SECRET, "-n", "5"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("TLS") && err.contains("--ca-cert"), "{err}");

    let (code, report) = load(
        dir.path(),
        &url,
        &["-n", "40", "-c", "4", "--ca-cert", ca.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["status"]["200"], 40, "{report:#}");
    let mut ids = HashSet::new();
    // The receiver queues each request before it answers, and every answer came back.
    while let Ok(g) = got.try_recv() {
        let d = Delivery {
            method: "POST".into(),
            url: Some(url.clone()),
            headers: g.headers.clone(),
            body: g.body.clone(),
        };
        let v = endpoints::verify("standard-webhooks", &d);
        assert!(v.is_valid(), "{}", v.detail);
        ids.insert(g.headers.get("webhook-id").unwrap().to_string());
    }
    assert_eq!(ids.len(), 40);
}

#[test]
fn the_json_report_has_the_fields_spec_md_promises() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let (_, report) = load(
        dir.path(),
        &server.url(),
        &["-n", "20", "--assert", "p99<5s"],
    );
    for key in [
        "requests",
        "duration_s",
        "rps",
        "status",
        "errors",
        "latency_ms",
        "assertions",
    ] {
        assert!(report.get(key).is_some(), "{key} missing: {report}");
    }
    for key in ["min", "p50", "p90", "p95", "p99", "p999", "max"] {
        assert!(
            report["latency_ms"][key].is_f64(),
            "latency_ms.{key}: {report}"
        );
    }
    let l = &report["latency_ms"];
    assert!(l["min"].as_f64() <= l["p50"].as_f64() && l["p50"].as_f64() <= l["max"].as_f64());
    assert_eq!(report["assertions"][0]["expr"], "p99<5s");
}

#[test]
fn the_human_report_names_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let out = hookctl(dir.path())
        .args([
            "load",
            &server.url(),
            "-n",
            "30",
            "--secret",
            SECRET,
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "requests   30",
        "req/s",
        "success    100.00 %",
        "200  30",
        "p99.9",
        "Histogram",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
}

#[test]
fn bad_input_is_one_line_with_exit_2_and_an_unreachable_url_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(STANDARD);
    let url = server.url();
    for args in [
        vec!["-c", "0"],
        vec!["--rate", "-1"],
        vec!["--rate", "0"],
        vec!["--assert", "p99<<fast"],
        vec!["--assert", "latency<5ms"],
        vec!["--burst", "100@1s"],
        vec!["--stage", "fast"],
        vec!["--timeout", "soon"],
        vec!["--event", "no.such.event"],
    ] {
        let out = hookctl(dir.path())
            .arg("load")
            .arg(&url)
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert_eq!(server.requests(), 0, "bad input sent nothing");

    let out = hookctl(dir.path())
        .args(["load", "ftp://example.com/x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    // A port that was just free: nothing listens there.
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = hookctl(dir.path())
        .args([
            "load",
            &format!("http://{free}/hooks"),
            "-n",
            "10",
            "--secret",
            SECRET,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot connect"), "{stderr}");

    // --no-sign looks up no key, so no development key is made and saved.
    let out = hookctl(dir.path())
        .args([
            "load",
            &format!("http://{free}/hooks"),
            "-n",
            "1",
            "--no-sign",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!dir.path().join("config.toml").exists());
}

/// `load` run against `url`, its exit code, stdout and stderr.
fn load_output(dir: &std::path::Path, url: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = hookctl(dir)
        .args(["load", url, "--secret", SECRET, "--log-sample", "0"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A run in which no request got a 2xx proves nothing about the endpoint: exit 1 (a negative
/// verdict, as a failed --assert), the report still printed, and one line saying why.
#[test]
fn no_request_succeeding_exits_1_with_a_line_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let all_500 = Server::with(
        STANDARD,
        Answers {
            fail_first: (u64::MAX, 500),
            ..Answers::default()
        },
    );
    let (code, out, err) = load_output(dir.path(), &all_500.url(), &["-n", "20", "-c", "2"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err, "error: no request succeeded: every answer was 500\n");
    assert!(out.contains("Summary"), "{out}");

    // `--http2` against a server that speaks only HTTP/1.1.
    let http1 = common::Receiver::start();
    let (code, out, err) = load_output(
        dir.path(),
        &http1.url("/"),
        &["--http2", "-n", "20", "-c", "2"],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.starts_with("error: no request succeeded: the server does not speak HTTP/2"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.contains("Summary"), "{out}");

    // Half the answers 2xx: a success, as before.
    let half = Server::with(
        STANDARD,
        Answers {
            fail_first: (10, 500),
            ..Answers::default()
        },
    );
    let (code, _, err) = load_output(dir.path(), &half.url(), &["-n", "20", "-c", "1"]);
    assert_eq!(code, Some(0), "{err}");
}
