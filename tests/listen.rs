//! `hookctl listen` and `hookctl relay` through the real binary: the Ready line and ready file,
//! forwarding byte-exact to a real local receiver, the delivery log, signature verdicts,
//! --events, receive-only mode, a target that is down, a refused token, reconnection, bad input.

mod common;
#[path = "common/listen.rs"]
mod listening;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use common::Receiver;
use hookctl::signature::{Registry, SignRequest};
use hookctl::store::{Source, Status, Store};
use listening::{Listen, metric, post, relay_opts, wait_metric};

#[test]
fn a_line_shows_the_short_id_that_logs_show_takes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("log.db");
    let ready = dir.path().join("ready.txt");
    let mut child = Command::new(cargo_bin("hookctl"))
        .args(["--db", db.to_str().unwrap(), "--color", "never"])
        .args([
            "listen",
            "--port",
            "0",
            "--ready-file",
            ready.to_str().unwrap(),
        ])
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.starts_with("Ready: ") {
        said.clear();
        assert!(err.read_line(&mut said).unwrap() > 0, "listen ended");
    }
    let url = std::fs::read_to_string(&ready).unwrap();
    let (status, _) = post(url.trim(), "/hook", &[], b"{\"type\":\"a.b\"}");
    assert_eq!(status, 200);
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(child.wait().unwrap().success());
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields[2..5], ["POST", "/hook", "a.b"], "{line}");
    let short = fields[1];
    assert!(short.starts_with("dlv_") && short.len() < 36, "{line}");
    let out = Command::new(cargo_bin("hookctl"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--json",
            "logs",
            "show",
            short,
        ])
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(record["id"].as_str().unwrap().starts_with(short));
    assert_eq!(record["source"], "listen");
}

fn stripe_headers(body: &[u8], secret: &str) -> Vec<(String, String)> {
    let scheme = Registry::builtin().get("stripe").unwrap();
    let signed = scheme
        .sign(&SignRequest {
            body: body.to_vec(),
            timestamp: chrono::Utc::now().timestamp(),
            secret: Some(secret.into()),
            method: "POST".into(),
            ..Default::default()
        })
        .unwrap();
    signed.headers.0
}

#[test]
fn listen_forwards_byte_exact_records_and_shows_each_delivery() {
    let target = Receiver::start();
    let l = Listen::start(&[
        "--forward-to",
        &target.url("/hooks"),
        "--verify-provider",
        "stripe",
        "--secret",
        "whsec_listen",
    ]);
    let body = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"url\":\"https:\\/\\/x.example\\/\",\"name\":\"Zoë\"}";
    let sig = stripe_headers(body.as_bytes(), "whsec_listen");
    let mut headers: Vec<(&str, &str)> =
        sig.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    headers.push(("Content-Type", "application/json"));
    headers.push(("X-Rep", "1"));
    headers.push(("X-Rep", "2"));
    let (status, _) = post(&l.url, "/stripe?a=1&a=2", &headers, body.as_bytes());
    assert_eq!(status, 200);
    let got = target.next();
    assert_eq!(got.target, "/hooks/stripe?a=1&a=2");
    assert_eq!(got.body, body.as_bytes());
    let reps: Vec<&str> = got
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("x-rep"))
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(reps, ["1", "2"]);
    // The first delivery is in the log before the second is sent, so the two keep their order.
    assert_eq!(l.records_when(1).len(), 1);
    // A tampered body gets a negative verdict, and is still forwarded and recorded.
    let (status, _) = post(
        &l.url,
        "/stripe",
        &headers,
        b"{\"type\":\"invoice.paid\",\"x\":2}",
    );
    assert_eq!(status, 200);
    target.next();

    let records = l.records_when(2);
    let lines = l.stop();
    assert_eq!(records.len(), 2);
    let r = &records[0];
    assert_eq!(r.source, Source::Listen);
    assert_eq!(r.status, Status::Delivered);
    assert_eq!(r.request.body.0, body.as_bytes());
    assert_eq!(r.event_type.as_deref(), Some("invoice.paid"));
    assert_eq!(r.target, target.url("/hooks/stripe?a=1&a=2"));
    assert_eq!(r.response.as_ref().unwrap().status, 200);
    assert!(r.tunnel.as_deref().is_some_and(|t| l_url_ends(&lines, t)));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["outcome"], "forwarded");
    assert_eq!(lines[0]["status"], 200);
    assert_eq!(lines[0]["event_type"], "invoice.paid");
    assert_eq!(lines[0]["signature"]["valid"], true);
    assert_eq!(lines[1]["signature"]["valid"], false);
    assert_eq!(lines[1]["signature"]["provider"], "stripe");
}

/// `--forward-to localhost:3000/webhooks`, the form Stripe's docs use, is http://.
#[test]
fn forward_to_without_a_scheme_forwards_over_http() {
    let target = Receiver::start();
    let schemeless = format!("localhost:{}/webhooks", target.addr.port());
    let l = Listen::start(&["--forward-to", &schemeless]);
    let (status, _) = post(&l.url, "/x", &[], b"{}");
    assert_eq!(status, 200);
    assert_eq!(target.next().target, "/webhooks/x");
    l.stop();
}

#[test]
fn listen_verifies_key_pair_providers_with_their_public_key() {
    let discord = Registry::builtin().get("discord").unwrap();
    let key = discord.new_key(&[7; 32]);
    let target = Receiver::start();
    let l = Listen::start(&[
        "--forward-to",
        &target.url("/"),
        "--verify-provider",
        "discord",
        "--public-key",
        key.public_key.as_deref().unwrap(),
    ]);
    let body = br#"{"type":1,"id":"1"}"#;
    let signed = discord
        .sign(&SignRequest {
            body: body.to_vec(),
            timestamp: chrono::Utc::now().timestamp(),
            private_key: key.private_key.clone(),
            method: "POST".into(),
            ..Default::default()
        })
        .unwrap();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .0
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(post(&l.url, "/i", &headers, body).0, 200);
    target.next();
    assert_eq!(post(&l.url, "/i", &headers, br#"{"type":2}"#).0, 200);
    target.next();
    let records = l.records_when(2);
    let lines = l.stop();
    assert_eq!(lines[0]["signature"]["provider"], "discord");
    assert_eq!(lines[0]["signature"]["valid"], true, "{:?}", lines[0]);
    assert_eq!(lines[1]["signature"]["valid"], false, "{:?}", lines[1]);
    assert_eq!(records[0].provider.as_deref(), Some("discord"));
}

#[test]
fn verify_provider_auto_tells_each_delivery_s_provider_the_config_s_schemes_included() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[secrets]\nstripe = \"whsec_auto\"\nacme = \"acme-secret\"\n\n[schemes.acme]\nheader = \"X-Acme-Signature\"\nprefix = \"sha256=\"\n",
    )
    .unwrap();
    let target = Receiver::start();
    let l = Listen::start_in(
        dir,
        &[
            "--forward-to",
            &target.url("/"),
            "--verify-provider",
            "auto",
        ],
    );
    let body = br#"{"type":"order.paid"}"#;
    let acme = hookctl::signature::hmac_scheme::GenericDef {
        header: "X-Acme-Signature".into(),
        algorithm: "sha256".into(),
        encoding: "hex".into(),
        prefix: Some("sha256=".into()),
        ..Default::default()
    }
    .build("acme")
    .unwrap();
    let signed = hookctl::signature::Scheme::sign(
        &acme,
        &SignRequest {
            body: body.to_vec(),
            secret: Some("acme-secret".into()),
            method: "POST".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let stripe = stripe_headers(body, "whsec_auto");
    for headers in [signed.headers.0, stripe, vec![]] {
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(post(&l.url, "/", &headers, body).0, 200);
        target.next();
    }
    let records = l.records_when(3);
    let lines = l.stop();
    let verdict = |i: usize| {
        let s = &lines[i]["signature"];
        (
            s["provider"].clone(),
            s["valid"].clone(),
            s["reason"].clone(),
        )
    };
    assert_eq!(verdict(0), ("acme".into(), true.into(), "ok".into()));
    assert_eq!(verdict(1), ("stripe".into(), true.into(), "ok".into()));
    assert_eq!(
        verdict(2),
        ("auto".into(), false.into(), "missing_header".into())
    );
    assert_eq!(records[0].provider.as_deref(), Some("acme"));
    assert_eq!(records[2].provider, None);
}

#[test]
fn stopping_right_after_deliveries_keeps_every_record() {
    let target = Receiver::start();
    let l = Listen::start(&["--forward-to", &target.url("/")]);
    for i in 0..25 {
        let (status, _) = post(&l.url, &format!("/n/{i}"), &[], b"{\"type\":\"a.b\"}");
        assert_eq!(status, 200);
    }
    // No waiting for the log: every delivery answered must be in it once listen has exited.
    let db = l.db.clone();
    let (lines, _dir) = l.stop_keeping_dir();
    assert_eq!(lines.len(), 25);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.count().unwrap(), 25);
}

#[test]
fn a_reader_that_stops_reading_stdout_does_not_hold_up_deliveries() {
    let target = Receiver::start();
    let mut l = Listen::start(&["--forward-to", &target.url("/")]);
    // Each printed line carries its path: 60 lines of over 2 KiB are twice what a pipe holds,
    // and nobody reads listen's stdout until the deliveries are done (a pager, a paused pipe).
    let long = "x".repeat(2048);
    for i in 0..60 {
        let (status, _) = post(&l.url, &format!("/{long}/{i}"), &[], b"{\"type\":\"a.b\"}");
        assert_eq!(status, 200, "delivery {i} answered");
    }
    assert_eq!(l.records_when(60).len(), 60);
    let mut stdout = l.child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).unwrap();
        out
    });
    let _ = Command::new("kill")
        .args(["-INT", &l.child.id().to_string()])
        .status();
    assert!(l.child.wait().unwrap().success());
    let printed = reader.join().unwrap();
    assert_eq!(printed.lines().count(), 60, "every line printed once read");
}

#[test]
fn a_buffered_delivery_leaves_the_relay_only_once_it_is_recorded() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut opts = relay_opts();
    opts.data_dir = Some(data.path().to_path_buf());
    // A delivery that is not acknowledged is tried again this soon.
    opts.request_timeout = Duration::from_secs(2);
    let stop = tokio_util::sync::CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    let target = Receiver::start();
    let relay = format!("http://{addr}");
    let args = [
        "--relay",
        &relay,
        "--name",
        "away",
        "--forward-to",
        &target.url("/"),
    ];
    let first = Listen::start(&args);
    let url = first.url.clone();
    let (_, first_dir) = first.stop_keeping_dir();
    wait_metric(addr, "hookctl_relay_tunnels_connected", 0.0);
    let (status, _) = post(&url, "/late", &[], b"{\"type\":\"a.b\"}");
    assert_eq!(status, 202);

    // The same client comes back (its key: the buffer is its alone) with a log another writer
    // holds locked: its record cannot be written.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        first_dir.path().join("listen.key"),
        dir.path().join("listen.key"),
    )
    .unwrap();
    let db = dir.path().join("log.db");
    drop(Store::open(&db).unwrap());
    let blocker = rusqlite::Connection::open(&db).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut back = Listen::start_in(dir, &args);
    // The log's busy timeout (10 s) runs out, and listen says so. Its attempt could not be noted,
    // so it is not forwarded: forwarded unrecorded, the next try would reach the target twice.
    let line = back.wait_stderr_within("error: 1 delivery not recorded", Duration::from_secs(30));
    assert!(line.contains("locked"), "{line}");
    assert!(target.drain().is_empty(), "forwarded without a note");
    assert_eq!(
        metric(addr, "hookctl_relay_buffered_requests"),
        1.0,
        "not acknowledged, so still buffered"
    );

    // Once the log is writable the relay's next try is forwarded once, recorded and leaves the
    // buffer.
    blocker.execute_batch("ROLLBACK").unwrap();
    wait_metric(addr, "hookctl_relay_buffered_requests", 0.0);
    assert_eq!(target.next().target, "/late");
    let records = back.records_when(1);
    assert_eq!(records.len(), 1);
    assert!(records[0].id.starts_with("dlv_"));
    assert_eq!(records[0].status, Status::Delivered);
    assert_eq!(records[0].attempt, 1, "no attempt was interrupted");
    let lines = back.stop();
    assert!(target.drain().is_empty(), "the target got it once");
    assert!(lines.iter().all(|l| l["buffered"] == true), "{lines:?}");
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("could not be noted")),
        "{lines:?}"
    );
    assert!(lines.last().unwrap()["error"].is_null(), "{lines:?}");
    stop.cancel();
}

fn l_url_ends(lines: &[serde_json::Value], tunnel: &str) -> bool {
    lines.iter().all(|l| l["tunnel"] == tunnel)
}

#[test]
fn receive_only_answers_respond_and_events_filters_without_forwarding() {
    let l = Listen::start(&["--respond", "204", "--events", "invoice.*"]);
    let (status, _) = post(&l.url, "/a", &[], br#"{"type":"invoice.paid"}"#);
    assert_eq!(status, 204);
    let (status, body) = post(&l.url, "/b", &[], br#"{"type":"customer.created"}"#);
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("--events"));
    let (status, _) = post(&l.url, "/c", &[("X-GitHub-Event", "push")], b"a=1");
    assert_eq!(status, 200);
    let records = l.records_when(3);
    let lines = l.stop();
    let outcomes: Vec<&str> = lines
        .iter()
        .map(|l| l["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["received", "skipped", "skipped"]);
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r.status == Status::Received));
    assert_eq!(records[2].event_type.as_deref(), Some("push"));
}

#[test]
fn a_target_that_is_down_gets_502_and_a_failed_record_that_replays_later() {
    let down = common::refusing_port();
    let l = Listen::start(&["--forward-to", &format!("http://{}/hooks", down.addr)]);
    let (status, body) = post(&l.url, "/x", &[], b"{\"type\":\"a.b\"}");
    assert_eq!(status, 502);
    assert!(String::from_utf8_lossy(&body).contains("cannot reach"));
    let records = l.records_when(1);
    let db = l.db.clone();
    let (lines, dir) = l.stop_keeping_dir();
    assert_eq!(lines[0]["outcome"], "failed");
    assert_eq!(records[0].status, Status::Failed);
    assert!(
        records[0]
            .error
            .as_deref()
            .unwrap()
            .contains("cannot reach")
    );
    // The target comes up; replay sends the stored delivery byte-exact.
    let target = Receiver::start();
    common::hookctl(dir.path())
        .args([
            "--db",
            db.to_str().unwrap(),
            "replay",
            &records[0].id,
            "--to",
            &target.url(""),
        ])
        .assert()
        .success();
    let got = target.next();
    assert_eq!(got.target, "/hooks/x");
    assert_eq!(got.body, b"{\"type\":\"a.b\"}");
}

/// What a scripted target does with a connection once it has written its answer.
#[derive(Clone, Copy)]
enum Then {
    Close,
    /// Keeps it open, saying nothing more.
    Hold,
}

/// A target that gives each connection the next of `answers` as raw bytes.
fn scripted_target(answers: Vec<(Vec<u8>, Then)>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for ((answer, then), stream) in answers.into_iter().zip(listener.incoming()) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some((n, v)) = line.split_once(':')
                    && n.eq_ignore_ascii_case("content-length")
                {
                    length = v.trim().parse().unwrap();
                }
                if line == "\r\n" {
                    break;
                }
            }
            reader.read_exact(&mut vec![0; length]).unwrap();
            stream.write_all(&answer).unwrap();
            if let Then::Hold = then {
                held.push(stream);
            }
        }
        // The held connections stay open until the test's process ends.
        let _ = listener.accept();
    });
    format!("http://{addr}")
}

#[test]
fn answers_come_back_whole_large_or_small_and_one_that_breaks_off_or_stalls_is_a_502_or_504() {
    let large: Vec<u8> = (0..100 * 1024).map(|i| (i % 251) as u8).collect();
    let mut large_answer = format!(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        large.len()
    )
    .into_bytes();
    large_answer.extend_from_slice(&large);
    // Ten bytes announced, four sent: then the connection is closed, or held silent.
    let half = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf".to_vec();
    let target = scripted_target(vec![
        (
            b"HTTP/1.1 201 Created\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello".to_vec(),
            Then::Close,
        ),
        (large_answer, Then::Close),
        (half.clone(), Then::Close),
        (half, Then::Hold),
    ]);
    let l = Listen::start(&["--forward-to", &target, "--timeout", "1s"]);
    assert_eq!(post(&l.url, "/small", &[], b"{}"), (201, b"hello".to_vec()));
    let (status, body) = post(&l.url, "/large", &[], b"{}");
    assert_eq!(status, 200);
    assert!(body == large, "the large answer came back changed");
    let (status, body) = post(&l.url, "/broken", &[], b"{}");
    assert_eq!(status, 502);
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("answer broke off"), "{text}");
    let (status, body) = post(&l.url, "/stalled", &[], b"{}");
    assert_eq!(status, 504);
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("did not come within 1 s"), "{text}");

    let records = l.records_when(4);
    let lines = l.stop();
    let record = |path: &str| {
        records
            .iter()
            .find(|r| r.target.ends_with(path))
            .unwrap_or_else(|| panic!("no record for {path}"))
    };
    let small = record("/small");
    assert_eq!(small.status, Status::Delivered);
    assert_eq!(small.response.as_ref().unwrap().body.0, b"hello");
    assert_eq!(record("/large").response.as_ref().unwrap().body.0, large);
    for (path, why) in [
        ("/broken", "answer broke off"),
        ("/stalled", "did not come"),
    ] {
        let r = record(path);
        assert_eq!(r.status, Status::Failed);
        assert!(r.error.as_deref().unwrap().contains(why), "{:?}", r.error);
        let part = r.response.as_ref().unwrap();
        assert_eq!(
            (part.status, &part.body.0[..]),
            (200, &b"half"[..]),
            "as far as it came"
        );
    }
    let shown: Vec<_> = lines.iter().map(|l| l["status"].clone()).collect();
    assert_eq!(
        shown,
        [201, 200, 502, 504],
        "each line shows what the sender got"
    );
}

#[test]
fn a_target_slower_than_timeout_gets_504_and_a_failed_record() {
    // A target that takes the request and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", silent.local_addr().unwrap());
    let held = std::thread::spawn(move || silent.accept().map(|(s, _)| s));
    let l = Listen::start(&["--forward-to", &url, "--timeout", "1s"]);
    let (status, body) = post(&l.url, "/slow", &[], b"{}");
    assert_eq!(status, 504);
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("did not answer within 1 s"), "{text}");
    let records = l.records_when(1);
    let lines = l.stop();
    assert_eq!(records[0].status, Status::Failed);
    assert_eq!(records[0].request.body.0, b"{}");
    assert_eq!(lines[0]["status"], 504);
    drop(held);
}

#[test]
fn a_refused_token_exits_3_without_ready() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let mut opts = relay_opts();
    opts.tokens = vec!["right".into()];
    let stop = tokio_util::sync::CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    let dir = tempfile::tempdir().unwrap();
    let out = common::hookctl(dir.path())
        .args([
            "listen",
            "--relay",
            &format!("http://{addr}"),
            "--token",
            "wrong",
        ])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused the token"), "{err}");
    assert!(!err.contains("Ready:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    stop.cancel();
}

#[test]
fn listen_reconnects_to_a_restarted_relay_with_the_same_url() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let stop = tokio_util::sync::CancellationToken::new();
    let relay = rt.spawn(hookctl_relay::server::serve(
        listener,
        relay_opts(),
        stop.clone(),
    ));
    let target = Receiver::start();
    let mut l = Listen::start(&[
        "--relay",
        &format!("http://{addr}"),
        "--name",
        "laptop",
        "--forward-to",
        &target.url("/"),
    ]);
    assert_eq!(l.url, format!("http://{addr}/t/laptop"));
    stop.cancel();
    rt.block_on(relay).unwrap().unwrap();
    l.wait_stderr("Lost the relay");
    let listener = rt.block_on(tokio::net::TcpListener::bind(addr)).unwrap();
    let stop = tokio_util::sync::CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(
        listener,
        relay_opts(),
        stop.clone(),
    ));
    let line = l.wait_stderr("Reconnected: ");
    assert!(line.contains(&l.url), "{line}");
    let (status, _) = post(&l.url, "/again", &[], b"x");
    assert_eq!(status, 200);
    assert_eq!(target.next().target, "/again");
    l.stop();
    stop.cancel();
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["listen", "--respond", "700"],
        vec!["listen", "--forward-to", "ftp://localhost/x"],
        vec!["listen", "--forward-to", "/p="],
        vec!["listen", "--name", "Not_Valid"],
        vec!["listen", "--port", "70000"],
        vec!["listen", "--relay", "ftp://relay"],
        vec!["listen", "--relay", "localhost:8787"],
        vec!["listen", "--events", "a[b"],
        vec!["listen", "--timeout", "soon"],
        vec!["listen", "--verify-provider", "nope", "--secret", "s"],
        vec!["listen", "--verify-provider", "stripe"],
        vec!["relay", "--offline", "buffer"],
        vec!["relay", "--tokens-file", "/nonexistent/tokens"],
        vec!["relay", "--max-body", "lots"],
        vec!["relay", "--public-url", "not a url"],
        vec!["relay", "--threads", "0"],
    ] {
        let out = common::hookctl(dir.path())
            .args(&args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        // One error line, clap's own errors included.
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    // relay/tests/binary.rs holds the hookctl-relay binary to the same contract.
}

#[test]
fn hookctl_relay_serves_health_until_interrupted() {
    // On its default one thread, and on tokio's multi-threaded runtime.
    for threads in ["1", "2"] {
        relay_serves_health_until_interrupted(threads);
    }
}

fn relay_serves_health_until_interrupted(threads: &str) {
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = free.local_addr().unwrap();
    drop(free);
    let mut child = Command::new(cargo_bin("hookctl"))
        .args(["relay", "--listen", &addr.to_string(), "--threads", threads])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = child.stderr.take().unwrap();
    let mut lines = BufReader::new(err).lines();
    let mut seen = Vec::new();
    loop {
        let line = lines.next().expect("the relay said nothing").unwrap();
        let done = line.contains("listening on");
        seen.push(line);
        if done {
            break;
        }
    }
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(
        out.starts_with("HTTP/1.1 200") && out.ends_with("ok"),
        "{out}"
    );
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(child.wait().unwrap().success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let all = [seen, rest].concat().join("\n");
    assert!(all.contains("open relay"), "{all}");
}

#[test]
fn an_empty_or_blank_token_is_bad_input_for_listen_and_relay() {
    let dir = tempfile::tempdir().unwrap();
    let relay = ["relay", "--listen", "127.0.0.1:0"];
    let listen = ["listen", "--port", "0"];
    // (command, --token, HOOKCTL_RELAY_TOKEN): each would otherwise run open or without a token.
    for (cmd, flag, env) in [
        (&relay[..], Some(""), None),
        (&relay[..], Some(" "), None),
        (&relay[..], None, Some("")),
        (&listen[..], Some(""), None),
        (&listen[..], Some("  "), None),
        (&listen[..], None, Some("")),
        (&listen[..], None, Some(" ")),
    ] {
        let mut c = common::hookctl(dir.path());
        c.args(cmd).env_remove("HOOKCTL_RELAY_TOKEN");
        if let Some(t) = flag {
            c.args(["--token", t]);
        }
        if let Some(t) = env {
            c.env("HOOKCTL_RELAY_TOKEN", t);
        }
        let out = c.timeout(Duration::from_secs(5)).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let case = format!("{cmd:?} {flag:?} {env:?}");
        assert_eq!(out.status.code(), Some(2), "{case}: {err}");
        assert_eq!(err.lines().count(), 1, "{case}: {err}");
        assert!(err.contains("HOOKCTL_RELAY_TOKEN"), "{case}: {err}");
    }
}

#[test]
fn listen_keeps_its_key_and_another_listen_cannot_take_a_name_holding_its_buffer() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let data = tempfile::tempdir().unwrap();
    let opts = hookctl_relay::server::options::RelayOptions::from_flags(&[
        "--data-dir",
        data.path().to_str().unwrap(),
    ])
    .unwrap();
    let stop = tokio_util::sync::CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    let relay = format!("http://{addr}");
    let args = ["--relay", relay.as_str(), "--name", "mine"];

    let first = Listen::start_in(tempfile::tempdir().unwrap(), &args);
    let url = first.url.clone();
    let (_, mine) = first.stop_keeping_dir();
    let key = mine.path().join("listen.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let (status, _) = post(&url, "/while-away", &[], b"for mine only");
    assert_eq!(status, 202);

    // Another listen (its own folder, so its own key) asking for the name: one line, exit 3.
    let other = tempfile::tempdir().unwrap();
    let out = common::hookctl(other.path())
        .args(["listen", "--port", "0"])
        .args(args)
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("buffered") && !err.contains("Ready:"), "{err}");

    // The first listen, back with its key, gets what waited for it.
    let back = Listen::start_in(mine, &args);
    assert_eq!(back.url, url);
    let records = back.records_when(1);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].request.body.0, b"for mine only");
    back.stop();
    stop.cancel();
}

/// Runs `hookctl ARGS relay --listen 127.0.0.1:0` with stderr on a pipe (as `2>log` is), sends it
/// one request, and returns every stderr line up to that request's access line.
fn relay_stderr_through_one_request(args: &[&str]) -> Vec<String> {
    let mut child = Command::new(cargo_bin("hookctl"))
        .args(args)
        .args(["relay", "--listen", "127.0.0.1:0"])
        .env_remove("RUST_LOG")
        .env_remove("NO_COLOR")
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen: Vec<String> = Vec::new();
    let mut next = |seen: &mut Vec<String>| {
        let line = lines.next().expect("the relay's stderr ended").unwrap();
        seen.push(line.clone());
        line
    };
    let addr = loop {
        let line = next(&mut seen);
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest
                .split(": ")
                .next()
                .unwrap()
                .trim_end_matches(':')
                .to_string();
        }
    };
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(b"POST /t/nobody/hook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    while !next(&mut seen).contains("hookctl_relay::access") {}
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let _ = child.wait();
    seen
}

#[test]
fn hookctl_relay_writes_no_colour_codes_to_a_redirected_stderr_unless_told_always() {
    let has_codes = |lines: &[String]| lines.iter().any(|l| l.contains('\u{1b}'));
    for args in [&[][..], &["--color", "auto"], &["--color", "never"]] {
        let lines = relay_stderr_through_one_request(args);
        assert!(!has_codes(&lines), "{args:?}: colour codes in {lines:#?}");
    }
    let lines = relay_stderr_through_one_request(&["--color", "always"]);
    assert!(has_codes(&lines), "--color always: no colour in {lines:#?}");
}
