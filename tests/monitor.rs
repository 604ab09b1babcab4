//! `hookctl monitor` against real endpoints and alert receivers on loopback: one down alert and
//! one recovery alert per channel, metrics that parse, `--once` for cron, Ctrl-C.

mod common;
mod endpoints;

use std::time::Duration;

use clap::Parser;
use common::hookctl;
use endpoints::{Got, SECRET, serve};
use hookctl::cli::{Cli, Command};
use hookctl::cmd::Ctx;
use hookctl::cmd::monitor::{self, display};
use hookctl::message::Delivery;
use hookctl::output::Style;
use hookctl::signature::{Keys, Registry, VerifyOptions};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio_util::sync::CancellationToken;

const ALERT_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

/// The next alert, waiting up to 10 s.
async fn next(rx: &mut UnboundedReceiver<Got>) -> Got {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("no alert within 10 s")
        .expect("receiver closed")
}

/// The three alerts of one change, by channel path.
async fn three(rx: &mut UnboundedReceiver<Got>) -> (Got, Got, Got) {
    let mut got = vec![next(rx).await, next(rx).await, next(rx).await];
    got.sort_by(|a, b| a.path.cmp(&b.path));
    let w = got.pop().unwrap();
    let t = got.pop().unwrap();
    let s = got.pop().unwrap();
    assert_eq!(
        (s.path.as_str(), t.path.as_str(), w.path.as_str()),
        ("/slack", "/teams", "/webhook")
    );
    (s, t, w)
}

/// A webhook: alert must verify as Standard Webhooks with the alert secret.
fn assert_signed(got: &Got) {
    let d = Delivery {
        method: "POST".into(),
        url: None,
        headers: got.headers.clone(),
        body: got.body.clone(),
    };
    let keys = Keys {
        secrets: vec![ALERT_SECRET.into()],
        public_key: None,
    };
    let v = Registry::builtin()
        .get("standard-webhooks")
        .unwrap()
        .verify(&d, &keys, &VerifyOptions::now());
    assert!(v.is_valid(), "{}", v.detail);
}

async fn scrape(addr: std::net::SocketAddr) -> prometheus_parse::Scrape {
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    prometheus_parse::Scrape::parse(text.lines().map(|l| Ok(l.to_string())))
        .unwrap_or_else(|e| panic!("not Prometheus text ({e}): {text}"))
}

fn value(s: &prometheus_parse::Scrape, name: &str, label: Option<(&str, &str)>) -> f64 {
    let sample = s
        .samples
        .iter()
        .find(|m| m.metric == name && label.is_none_or(|(k, v)| m.labels.get(k) == Some(v)))
        .unwrap_or_else(|| panic!("no {name} {label:?} in {:?}", s.samples));
    match sample.value {
        prometheus_parse::Value::Gauge(v)
        | prometheus_parse::Value::Counter(v)
        | prometheus_parse::Value::Untyped(v) => v,
        ref other => panic!("{name} is {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn down_then_up_alerts_once_each_way_on_every_channel_and_metrics_follow() {
    let dir = tempfile::tempdir().unwrap();
    let (app, mut switch) = endpoints::switchable();
    let target = serve(app);
    let (app, mut alerts) = endpoints::receiver();
    let receiver = serve(app);
    let cli = Cli::try_parse_from([
        "hookctl",
        "monitor",
        &target.url("/hook"),
        "--secret",
        SECRET,
        "--interval",
        "50ms",
        "--down-after",
        "2",
        "--alert",
        &format!("slack:{}", receiver.url("/slack")),
        "--alert",
        &format!("teams:{}", receiver.url("/teams")),
        "--alert",
        &format!("webhook:{}", receiver.url("/webhook")),
        "--alert-secret",
        ALERT_SECRET,
        "--config",
        dir.path().join("config.toml").to_str().unwrap(),
        "--db",
        dir.path().join("deliveries.db").to_str().unwrap(),
    ])
    .unwrap();
    let Some(Command::Monitor(args)) = cli.command else {
        unreachable!()
    };
    let ctx = Ctx {
        style: Style::from_global(&cli.global),
        global: cli.global,
    };
    let plan = monitor::plan(&args, &ctx).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let metrics = listener.local_addr().unwrap();
    let shutdown = CancellationToken::new();
    let run = tokio::spawn(monitor::execute(
        plan,
        shutdown.clone(),
        Some(listener),
        display::Display::new(display::Mode::Quiet),
    ));

    switch.wait_hits(3).await;
    let m = scrape(metrics).await;
    assert_eq!(value(&m, "hookctl_endpoint_up", None), 1.0);

    switch.set_up(false);
    let (slack, teams, webhook) = three(&mut alerts).await;
    assert_eq!(slack.json()["blocks"][0]["type"], "header");
    let title = slack.json()["text"].as_str().unwrap().to_string();
    assert!(title.ends_with("/hook is down"), "{title}");
    assert_eq!(teams.json()["@type"], "MessageCard");
    assert_eq!(teams.json()["themeColor"], "D13438");
    assert_eq!(webhook.json()["type"], "endpoint.down");
    assert_eq!(webhook.json()["data"]["previous_state"], "up");
    assert_eq!(webhook.json()["data"]["detail"], "answered 503");
    assert_signed(&webhook);
    let m = scrape(metrics).await;
    assert_eq!(value(&m, "hookctl_endpoint_up", None), 0.0);
    assert!(value(&m, "hookctl_checks_total", Some(("result", "failure"))) >= 2.0);

    // Down for a while longer: still no second alert.
    let seen = *switch.hits.borrow();
    switch.wait_hits(seen + 4).await;
    switch.set_up(true);
    let (slack, teams, webhook) = three(&mut alerts).await;
    assert!(
        slack.json()["text"]
            .as_str()
            .unwrap()
            .ends_with("recovered")
    );
    assert_eq!(teams.json()["themeColor"], "2EB886");
    assert_eq!(webhook.json()["type"], "endpoint.recovered");
    assert_eq!(webhook.json()["data"]["state"], "up");
    assert_signed(&webhook);

    let seen = *switch.hits.borrow();
    switch.wait_hits(seen + 4).await;
    let m = scrape(metrics).await;
    assert_eq!(value(&m, "hookctl_endpoint_up", None), 1.0);
    assert!(value(&m, "hookctl_checks_total", Some(("result", "success"))) >= 7.0);
    assert!(value(&m, "hookctl_probe_duration_seconds_count", None) >= 7.0);
    shutdown.cancel();
    let health = run.await.unwrap().unwrap();
    assert_eq!(health, vec![monitor::state::Health::Up]);
    // Every alert the run sent has been received by now: exactly the six above.
    assert!(alerts.try_recv().is_err(), "an extra alert was sent");
}

#[test]
fn once_alerts_for_the_endpoint_that_is_down_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let up = serve(endpoints::lax());
    let (app, mut alerts) = endpoints::receiver();
    let receiver = serve(app);
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let down = format!("http://{closed}/hook");
    let out = hookctl(dir.path())
        .args(["monitor", &up.url("/hook"), &down, "--once", "--json"])
        .args(["--secret", SECRET])
        .args(["--alert", &format!("webhook:{}", receiver.url("/webhook"))])
        .env("HOOKCTL_ALERT_SECRET", ALERT_SECRET)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let probes: Vec<_> = lines.iter().filter(|l| l["type"] == "probe").collect();
    assert_eq!(probes.len(), 2);
    let dead = probes.iter().find(|p| p["url"] == down).unwrap();
    assert_eq!(dead["state"], "down");
    assert!(
        dead["detail"]
            .as_str()
            .unwrap()
            .contains("onnection refused")
    );
    let sent: Vec<_> = lines.iter().filter(|l| l["type"] == "alert").collect();
    assert_eq!(sent.len(), 1, "{lines:#?}");
    assert_eq!(sent[0]["delivered"], true);

    let got = alerts.try_recv().expect("the alert reached the receiver");
    assert_eq!(got.json()["data"]["url"], down);
    assert_signed(&got);
    assert!(alerts.try_recv().is_err(), "only the down endpoint alerts");
}

#[test]
fn json_state_changes_and_alert_notes_carry_their_time() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _alerts) = endpoints::receiver();
    let receiver = serve(app);
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = hookctl(dir.path())
        .args([
            "monitor",
            &format!("http://{closed}/hook"),
            "--once",
            "--json",
        ])
        .args(["--alert", &format!("webhook:{}", receiver.url("/webhook"))])
        .env("HOOKCTL_ALERT_SECRET", ALERT_SECRET)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for kind in ["probe", "change", "alert"] {
        let line = lines
            .iter()
            .find(|l| l["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} line: {lines:#?}"));
        let time = line["time"].as_str().unwrap_or_else(|| panic!("{line}"));
        chrono::DateTime::parse_from_rfc3339(time).unwrap();
        assert!(
            time.ends_with('Z') && time.len() == "2026-11-23T13:41:18.204Z".len(),
            "{kind}: {time} is not in the log's form"
        );
    }
}

#[test]
fn once_exits_0_when_every_endpoint_is_up_and_a_get_probe_accepts_405() {
    let dir = tempfile::tempdir().unwrap();
    let strict = serve(endpoints::strict(Default::default()));
    // The strict endpoint is POST-only: a GET probe gets 405, which still says it is up.
    let out = hookctl(dir.path())
        .args(["monitor", &strict.url("/hook"), "--once", "--probe", "get"])
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("up") && text.contains("answered 405"),
        "{text}"
    );
}

#[test]
fn bad_input_exits_2_and_a_taken_metrics_port_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["monitor"], "no endpoint to check"),
        (
            &["monitor", "http://127.0.0.1:1/", "--interval", "0"],
            "longer than zero",
        ),
        (
            &[
                "monitor",
                "http://127.0.0.1:1/",
                "--alert",
                "pager:http://x/",
            ],
            "pager",
        ),
        (
            &[
                "monitor",
                "http://127.0.0.1:1/",
                "--alert",
                "slack:ftp://x/",
            ],
            "http",
        ),
        (
            &["monitor", "http://127.0.0.1:1/", "--metrics", "9464"],
            "--metrics",
        ),
        (
            &["monitor", "http://127.0.0.1:1/", "--down-after", "0"],
            "--down-after",
        ),
    ];
    for (args, want) in cases {
        let out = hookctl(dir.path())
            .args(*args)
            .args(["--secret", SECRET])
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = hookctl(dir.path())
        .args([
            "monitor",
            "http://127.0.0.1:1/",
            "--once",
            "--metrics",
            &addr,
        ])
        .args(["--secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot listen on --metrics")
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_monitor_cleanly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let up = serve(endpoints::lax());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookctl"))
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .args([
            "monitor",
            &up.url("/hook"),
            "--probe",
            "get",
            "--interval",
            "1h",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The first probe's line says the monitor is running.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.contains("answered 200"), "{line}");
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}
