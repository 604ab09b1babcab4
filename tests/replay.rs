//! `replay` against real receivers on loopback: byte-exact bodies of every kind, targets, fresh
//! signatures the verify core accepts, records linked by `replay_of`, and the exit codes.

mod common;

use assert_cmd::Command;
use common::Receiver;
use hookctl::message::Headers;
use hookctl::signature::Registry;
use hookctl::store::{Body, Query, Record, RequestPart, Source, Status, Store};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("deliveries.db")
    }
    fn hookctl(&self) -> Command {
        common::hookctl(self.dir.path())
    }
    /// Stores a delivery as `listen` would have received it, and returns its id.
    fn stored(&self, url: &str, headers: &[(&str, &str)], body: &[u8]) -> String {
        let mut r = Record::new(
            Source::Listen,
            RequestPart {
                method: "POST".into(),
                url: url.into(),
                headers: headers.iter().copied().collect(),
                body: Body(body.to_vec()),
            },
        );
        r.status = Status::Received;
        r.event_type = Some("payment_intent.succeeded".into());
        Store::open(&self.db()).unwrap().insert(&r).unwrap();
        r.id
    }
}

#[test]
fn bodies_of_every_kind_arrive_byte_identical_with_their_headers() {
    let env = Env::new();
    let rx = Receiver::start();
    let binary: Vec<u8> = (0..=255u8).rev().collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "application/json",
            r#"{"a":"caf\u00e9 \/ é","n":1.50}"#.as_bytes().to_vec(),
        ),
        (
            "application/x-www-form-urlencoded",
            b"To=%2B1555&Body=hi+there&x=a%26b".to_vec(),
        ),
        ("application/octet-stream", binary),
    ];
    for (ctype, body) in cases {
        let id = env.stored(
            "https://public.example/hooks/in?src=1",
            &[
                ("Content-Type", ctype),
                ("X-Repeat", "1"),
                ("X-Repeat", "2"),
            ],
            &body,
        );
        env.hookctl()
            .args(["replay", &id, "--to", &rx.url("")])
            .assert()
            .code(0);
        let got = rx.next();
        assert_eq!(got.body, body, "{ctype} body changed");
        assert_eq!(
            got.target, "/hooks/in?src=1",
            "a bare origin keeps the original path and query"
        );
        assert_eq!(got.header("Content-Type"), Some(ctype));
        let repeats: Vec<_> = got
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("X-Repeat"))
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(repeats, ["1", "2"], "repeated headers kept in order");
    }
}

#[test]
fn a_to_url_with_a_path_is_the_exact_destination() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.stored("https://public.example/hooks/in?src=1", &[], b"{}");
    env.hookctl()
        .args(["replay", &id, "--to", &rx.url("/elsewhere")])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/elsewhere");
}

#[test]
fn resign_gives_a_fresh_signature_that_the_verify_core_accepts() {
    let env = Env::new();
    let rx = Receiver::start();
    let body = br#"{"id":"evt_1","type":"payment_intent.succeeded"}"#;
    let id = env.stored(
        "https://public.example/stripe",
        &[
            ("Content-Type", "application/json"),
            ("Stripe-Signature", "t=1,v1=00"),
        ],
        body,
    );
    env.hookctl()
        .args([
            "replay",
            &id,
            "--to",
            &rx.url("/stripe"),
            "--resign",
            "--provider",
            "stripe",
            "--secret",
            "whsec_replay",
        ])
        .assert()
        .code(0);
    let got = rx.next();
    let headers: Headers = got.headers.iter().cloned().collect();
    assert_eq!(
        headers.get_all("Stripe-Signature").count(),
        1,
        "the old signature was not replaced"
    );
    got.assert_signed("stripe", "whsec_replay");
}

#[test]
fn a_replay_of_several_records_ends_with_its_totals() {
    let env = Env::new();
    let rx = Receiver::start();
    rx.respond_with(&[(200, &[]), (500, &[])]);
    let a = env.stored("https://public.example/a", &[], b"a");
    let b = env.stored("https://public.example/b", &[], b"b");
    let out = env
        .hookctl()
        .args(["replay", &a, &b, "--to", &rx.url(""), "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one replay got a 500");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().last(),
        Some("2 replays: 1 delivered, 0 failed, 1 dead (2 attempts)"),
        "{text}"
    );
}

#[test]
fn each_replay_is_a_new_record_pointing_at_the_original() {
    let env = Env::new();
    let rx = Receiver::start();
    let a = env.stored("https://public.example/a", &[], b"a");
    let b = env.stored("https://public.example/b", &[], b"b");
    let out = env
        .hookctl()
        .args(["replay", &a, &b, "--to", &rx.url(""), "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let store = Store::open(&env.db()).unwrap();
    let mut replays = Vec::new();
    store
        .scan(
            &Query {
                source: Some(Source::Replay),
                ..Default::default()
            },
            |_, r| {
                replays.push(r);
                Ok(true)
            },
        )
        .unwrap();
    assert_eq!(replays.len(), 2);
    let mut origins: Vec<_> = replays
        .iter()
        .map(|r| r.replay_of.clone().unwrap())
        .collect();
    origins.sort();
    let mut want = vec![a, b];
    want.sort();
    assert_eq!(origins, want);
    assert!(
        replays
            .iter()
            .all(|r| r.status == Status::Delivered && r.response.as_ref().unwrap().status == 200)
    );
    assert_eq!(rx.drain().len(), 2);
}

#[test]
fn a_non_2xx_answer_exits_1_and_is_recorded_as_failed() {
    let env = Env::new();
    let rx = Receiver::start();
    rx.respond_with(&[(500, &[])]);
    let id = env.stored("https://public.example/a", &[], b"x");
    env.hookctl()
        .args(["replay", &id, "--to", &rx.url("")])
        .assert()
        .code(1);
    let store = Store::open(&env.db()).unwrap();
    let mut statuses = Vec::new();
    store
        .scan(
            &Query {
                source: Some(Source::Replay),
                ..Default::default()
            },
            |_, r| {
                statuses.push((r.status, r.error.clone()));
                Ok(true)
            },
        )
        .unwrap();
    assert_eq!(statuses.len(), 1);
    assert_eq!(statuses[0].0, Status::Dead);
    assert_eq!(statuses[0].1.as_deref(), Some("answered 500"));
}

#[test]
fn a_refused_replay_of_a_stale_stripe_signature_hints_resign() {
    let env = Env::new();
    let rx = Receiver::start();
    let store = Store::open(&env.db()).unwrap();
    let stored = |minutes_ago: i64| {
        let mut r = Record::new(
            Source::Listen,
            RequestPart {
                method: "POST".into(),
                url: "https://public.example/hooks".into(),
                headers: [("Stripe-Signature", "t=1,v1=abc")].into_iter().collect(),
                body: Body(b"{}".to_vec()),
            },
        );
        r.status = Status::Received;
        r.created_at = chrono::Utc::now() - chrono::Duration::minutes(minutes_ago);
        store.insert(&r).unwrap();
        r.id
    };
    let (old, fresh) = (stored(60), stored(0));
    for (id, status) in [(&old, 401), (&old, 400), (&fresh, 401)] {
        rx.respond_with(&[(status, &[])]);
        let out = env
            .hookctl()
            .args(["replay", id, "--to", &rx.url("/in")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        if id == &old {
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains("Stripe signature") && err.contains("add --resign"),
                "{status}: {err}"
            );
        } else {
            assert!(err.is_empty(), "a signature within its window: {err}");
        }
    }
}

#[test]
fn an_unreachable_target_is_a_negative_verdict_with_the_reason() {
    let env = Env::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let id = env.stored("https://public.example/a", &[], b"x");
    env.hookctl()
        .args(["replay", &id, "--to", &format!("http://{closed}")])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("connect"));
}

#[test]
fn dry_run_sends_and_records_nothing() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.stored("https://public.example/a", &[("X-A", "1")], b"hello");
    env.hookctl()
        .args(["replay", &id, "--to", &rx.url(""), "--dry-run"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("would send"));
    assert!(rx.drain().is_empty());
    assert_eq!(Store::open(&env.db()).unwrap().count().unwrap(), 1);
}

/// `replay ARGS --dry-run --json`: the request it says it would send.
fn dry_run(env: &Env, args: &[&str]) -> serde_json::Value {
    let out = env
        .hookctl()
        .arg("replay")
        .args(args)
        .args(["--dry-run", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    common::stdout_json(&out)
}

fn pairs(headers: &serde_json::Value) -> Vec<(String, String)> {
    serde_json::from_value(headers.clone()).unwrap()
}

/// The newest record of the log.
fn newest(env: &Env) -> Record {
    let store = Store::open(&env.db()).unwrap();
    let all = store.after(0, &Query::default()).unwrap();
    all.last().unwrap().1.clone()
}

#[test]
fn a_dry_run_shows_exactly_the_request_the_replay_then_sends_and_records() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.stored(
        "https://public.example/hooks/in?x=1",
        &[
            ("Host", "public.example"),
            ("Content-Type", "application/json"),
            ("X-A", "1"),
            ("Content-Length", "5"),
            ("Connection", "keep-alive"),
        ],
        b"hello",
    );
    let to = rx.url("");
    let shown = dry_run(&env, &[&id, "--to", &to]);
    env.hookctl()
        .args(["replay", &id, "--to", &to])
        .assert()
        .code(0);
    let got = rx.next();
    assert_eq!(pairs(&shown["headers"]), got.headers);
    assert_eq!(shown["method"], got.method);
    assert_eq!(shown["url"], rx.url(&got.target));
    assert_eq!(shown["body"], "hello");
    assert_eq!(newest(&env).request.headers.0, got.headers);
}

#[test]
fn a_resigned_dry_run_names_the_new_host_and_every_header_the_replay_sends() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.stored(
        "https://public.example/stripe",
        &[
            ("Host", "public.example"),
            ("Content-Type", "application/json"),
            ("Stripe-Signature", "t=1,v1=00"),
        ],
        br#"{"id":"evt_1"}"#,
    );
    let to = rx.url("/stripe");
    let args = [
        id.as_str(),
        "--to",
        &to,
        "--resign",
        "--provider",
        "stripe",
        "--secret",
        "whsec_replay",
    ];
    let shown = pairs(&dry_run(&env, &args)["headers"]);
    env.hookctl().arg("replay").args(args).assert().code(0);
    let got = rx.next();
    // A fresh signature each run: the same headers in the same order, one value apart.
    let fresh = |h: &[(String, String)]| -> Vec<(String, String)> {
        h.iter()
            .map(|(n, v)| match n.as_str() {
                "stripe-signature" => (n.clone(), "(fresh)".to_string()),
                _ => (n.clone(), v.clone()),
            })
            .collect()
    };
    assert_eq!(fresh(&shown), fresh(&got.headers));
    assert!(
        shown.contains(&("host".into(), rx.addr.to_string())),
        "{shown:?}"
    );
    assert_eq!(newest(&env).request.headers.0, got.headers);
}

#[test]
fn bad_input_is_exit_2() {
    let env = Env::new();
    let id = env.stored("https://public.example/a", &[], b"x");
    env.hookctl()
        .args(["replay", "dlv_nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no record 'dlv_nope'"));
    env.hookctl()
        .args(["replay", &id, "--to", "ftp://x"])
        .assert()
        .code(2);
    env.hookctl()
        .args(["replay", &id, "--rate", "-1"])
        .assert()
        .code(2);
    env.hookctl()
        .args(["replay", &id, "--concurrency", "0"])
        .assert()
        .code(2);
    env.hookctl()
        .args(["replay", &id, "--resign"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--provider"));
    env.hookctl()
        .args(["replay"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("which deliveries?"));
    env.hookctl()
        .args(["replay", &id, "--status", "received"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not both"));
    env.hookctl()
        .args(["replay", "--where", "data.amount >> 1"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--where"));
}

#[test]
fn filters_replay_exactly_the_records_logs_selects() {
    let env = Env::new();
    let rx = Receiver::start();
    let store = Store::open(&env.db()).unwrap();
    let stored = |event: &str, body: &str, status: Status| {
        let mut r = Record::new(
            Source::Listen,
            RequestPart {
                method: "POST".into(),
                url: "https://public.example/hook".into(),
                headers: [("Content-Type", "application/json")].into_iter().collect(),
                body: Body(body.as_bytes().to_vec()),
            },
        );
        r.status = status;
        r.event_type = Some(event.into());
        store.insert(&r).unwrap();
        r.id
    };
    let big = stored(
        "invoice.paid",
        r#"{"data":{"amount":500}}"#,
        Status::Received,
    );
    stored(
        "invoice.paid",
        r#"{"data":{"amount":50}}"#,
        Status::Received,
    );
    stored(
        "charge.succeeded",
        r#"{"data":{"amount":900}}"#,
        Status::Received,
    );
    let big_failed = stored(
        "invoice.created",
        r#"{"data":{"amount":200}}"#,
        Status::Failed,
    );
    drop(store);

    env.hookctl()
        .args([
            "replay",
            "--event",
            "invoice.*",
            "--where",
            "data.amount > 100",
        ])
        .args(["--to", &rx.url("/in")])
        .assert()
        .code(0);
    let mut got: Vec<Vec<u8>> = rx.drain().into_iter().map(|r| r.body).collect();
    got.sort();
    assert_eq!(
        got,
        [
            br#"{"data":{"amount":200}}"#.to_vec(),
            br#"{"data":{"amount":500}}"#.to_vec()
        ]
    );
    let log = Store::open(&env.db()).unwrap();
    let mut replayed: Vec<String> = log
        .after(0, &Query::default())
        .unwrap()
        .into_iter()
        .filter_map(|(_, r)| r.replay_of)
        .collect();
    replayed.sort();
    let mut want = vec![big, big_failed.clone()];
    want.sort();
    assert_eq!(replayed, want);

    // Filters and --limit combine: of the three invoices received, the newest only.
    env.hookctl()
        .args([
            "replay",
            "--event",
            "invoice.*",
            "--source",
            "listen",
            "--limit",
            "1",
        ])
        .args(["--to", &rx.url("/in"), "--json"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(big_failed.as_str()));
    assert_eq!(rx.drain().len(), 1);

    // --limit 0 is all of them, as for `logs`.
    env.hookctl()
        .args(["replay", "--event", "invoice.*", "--source", "listen"])
        .args(["--limit", "0", "--to", &rx.url("/in")])
        .assert()
        .code(0);
    for _ in 0..3 {
        rx.next();
    }
}

#[test]
fn verify_log_checks_a_stored_delivery() {
    let env = Env::new();
    let body = br#"{"id":"evt_1"}"#;
    let stripe = Registry::builtin().get("stripe").unwrap();
    let req = hookctl::signature::SignRequest {
        body: body.to_vec(),
        timestamp: chrono::Utc::now().timestamp(),
        secret: Some("whsec_l".into()),
        ..Default::default()
    };
    let sig = stripe.sign(&req).unwrap().headers;
    let id = env.stored(
        "https://public.example/a",
        &[("Stripe-Signature", sig.get("Stripe-Signature").unwrap())],
        body,
    );
    env.hookctl()
        .args(["verify", "--log", &id, "--secret", "whsec_l"])
        .assert()
        .code(0);
    env.hookctl()
        .args(["verify", "--log", &id, "--secret", "whsec_other"])
        .assert()
        .code(1);
    env.hookctl()
        .args(["verify", "--log", "dlv_missing", "--secret", "x"])
        .assert()
        .code(2);
}

#[test]
fn without_a_secret_a_development_secret_is_created_once_and_reused() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.stored("https://public.example/a", &[], br#"{"id":"evt_dev"}"#);
    let first = env
        .hookctl()
        .args([
            "replay",
            &id,
            "--to",
            &rx.url(""),
            "--resign",
            "--provider",
            "stripe",
        ])
        .output()
        .unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        stderr.contains("Created a development secret for stripe"),
        "{stderr}"
    );
    let config = std::fs::read_to_string(env.dir.path().join("config.toml")).unwrap();
    let secret = config
        .lines()
        .find_map(|l| l.strip_prefix("stripe = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");

    let second = env
        .hookctl()
        .args([
            "replay",
            &id,
            "--to",
            &rx.url(""),
            "--resign",
            "--provider",
            "stripe",
        ])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&second.stderr).contains("Created"),
        "the secret was created again"
    );
    for got in [rx.next(), rx.next()] {
        got.assert_signed("stripe", &secret);
    }
}

#[test]
fn credentials_stay_in_the_log_as_sent_leave_it_masked_in_every_view_and_replay_exact() {
    let env = Env::new();
    let rx = Receiver::start();
    let mut r = Record::new(
        Source::Listen,
        RequestPart {
            method: "POST".into(),
            url: "https://user:pw-sekrit@public.example/hooks?src=1".into(),
            headers: [
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer tok-sekrit"),
                ("X-Api-Key", "key-sekrit"),
                ("Cookie", "sid=cookie-sekrit"),
                ("Stripe-Signature", "t=1,v1=abc"),
            ]
            .into_iter()
            .collect(),
            body: Body(b"{}".to_vec()),
        },
    );
    r.target = r.request.url.clone();
    r.status = Status::Received;
    r.response = Some(hookctl::store::ResponsePart {
        status: 200,
        headers: [("Set-Cookie", "s=resp-sekrit")].into_iter().collect(),
        body: Body(b"ok".to_vec()),
    });
    Store::open(&env.db()).unwrap().insert(&r).unwrap();
    let id = r.id.clone();
    let views: Vec<Vec<&str>> = vec![
        vec!["logs"],
        vec!["logs", "--json"],
        vec!["logs", "show", &id],
        vec!["logs", "show", &id, "--format", "raw"],
        vec!["logs", "show", &id, "--format", "curl"],
        vec!["logs", "show", &id, "--format", "har"],
        vec!["logs", "show", &id, "--format", "json"],
        vec!["logs", "export"],
        vec!["logs", "export", "--format", "har"],
        vec!["replay", &id, "--dry-run"],
    ];
    for view in &views {
        let out = env.hookctl().args(view).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{view:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains("sekrit"),
            "{view:?} shows a credential:\n{text}"
        );
        // The raw request names the host alone; every other view shows the URL.
        let shows_url = !view.contains(&"raw");
        assert_eq!(
            text.contains("user:redacted@public.example"),
            shows_url,
            "{view:?}:\n{text}"
        );
        let revealed = env.hookctl().args(view).arg("--reveal").output().unwrap();
        let text = String::from_utf8_lossy(&revealed.stdout);
        assert_eq!(
            text.contains("pw-sekrit"),
            shows_url,
            "{view:?} --reveal:\n{text}"
        );
        if *view != ["logs"] {
            for secret in ["Bearer tok-sekrit", "key-sekrit", "sid=cookie-sekrit"] {
                assert!(text.contains(secret), "{view:?} --reveal lacks {secret}");
            }
        }
    }
    let shown = env
        .hookctl()
        .args(["logs", "show", &id, "--format", "json"])
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let headers = shown["request"]["headers"].to_string();
    assert!(
        headers.contains("Bearer [redacted by hookctl]"),
        "{headers}"
    );
    assert!(
        headers.contains("t=1,v1=abc"),
        "signatures are not credentials: {headers}"
    );
    assert!(
        shown["response"]["headers"]
            .to_string()
            .contains("[redacted by hookctl]")
    );

    // The log kept what was sent: a replay carries it exact, and reports it masked.
    let out = env
        .hookctl()
        .args(["--json", "replay", &id, "--to", &rx.url("")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(!printed.contains("sekrit"), "{printed}");
    let got = rx.next();
    assert_eq!(got.header("Authorization"), Some("Bearer tok-sekrit"));
    assert_eq!(got.header("X-Api-Key"), Some("key-sekrit"));
    assert_eq!(got.header("Cookie"), Some("sid=cookie-sekrit"));
}
