//! The web console's API against a real delivery log and real loopback targets, through the
//! binary (`hookctl inspect`): filters select what `logs` selects, replays reach the target
//! byte-exact or re-signed, diffs, the stream, the catalog and send, and the security rules.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Receiver;
use hookctl::store::{Body, Record, RequestPart, Source, Status, Store};
use serde_json::{Value, json};

const SECRET: &str = "whsec_console_test";

/// A private config and log, with a Stripe secret saved.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        env.hookctl()
            .args(["init", "--secret", &format!("stripe={SECRET}")])
            .assert()
            .success();
        env
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("deliveries.db")
    }

    fn hookctl(&self) -> assert_cmd::Command {
        common::hookctl(self.dir.path())
    }

    /// The binary as a plain process, for servers that run until killed.
    fn command(&self) -> Command {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("hookctl"));
        c.env("HOOKCTL_CONFIG", self.dir.path().join("config.toml"))
            .env("HOOKCTL_DB", self.db())
            .env_remove("HOOKCTL_SECRET")
            .env("CI", "1");
        c
    }

    /// `hookctl trigger EVENT --to URL`, returning the new record's id.
    fn trigger(&self, event: &str, to: &str) -> String {
        let out = self
            .hookctl()
            .args(["--json", "trigger", event, "--to", to])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        common::stdout_json(&out)["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Stores a record directly, as `listen` would have received it.
    fn stored(&self, event: &str, status: Status, source: Source, body: &str) -> String {
        let mut r = Record::new(
            source,
            RequestPart {
                method: "POST".into(),
                url: "http://127.0.0.1:9/hook".into(),
                headers: [("Content-Type", "application/json")].into_iter().collect(),
                body: Body(body.as_bytes().to_vec()),
            },
        );
        r.status = status;
        r.event_type = Some(event.into());
        Store::open(&self.db()).unwrap().insert(&r).unwrap();
        r.id
    }

    /// `logs --json` with `args`: the ids it prints, in order.
    fn logs_ids(&self, args: &[&str]) -> Vec<String> {
        let out = self
            .hookctl()
            .arg("--json")
            .arg("logs")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }
}

/// A running `hookctl inspect`, stopped when dropped.
struct Console {
    child: Child,
    /// `http://127.0.0.1:PORT`
    base: String,
    token: String,
    /// The line that printed the URL.
    line: String,
    client: reqwest::Client,
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a file to hold a line, up to 20 s.
fn wait_for_line(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Console {
    fn start(env: &Env, extra: &[&str]) -> Console {
        let ready = env
            .dir
            .path()
            .join(format!("console-{}.txt", rand_suffix()));
        let mut cmd = env.command();
        cmd.args(["inspect", "--no-open", "--ready-file"])
            .arg(&ready)
            .args(if extra.is_empty() {
                &["--port", "0"][..]
            } else {
                extra
            })
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let text = wait_for_line(&ready);
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        // The warning (if any) comes first, then the URL's line.
        loop {
            line.clear();
            assert!(
                stderr.read_line(&mut line).unwrap() > 0,
                "inspect said nothing"
            );
            if line.starts_with("Console:") {
                break;
            }
        }
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        let url = text.trim_end().to_string();
        assert_eq!(text.lines().count(), 1, "one line: {text:?}");
        let (base, token) = url
            .split_once("/?token=")
            .expect("the URL carries the token");
        let _ = rustls::crypto::ring::default_provider().install_default();
        Console {
            child,
            base: base.to_string(),
            token: token.to_string(),
            line: line.trim_end().to_string(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
    }

    fn post(&self, path: &str, body: Value) -> reqwest::RequestBuilder {
        self.client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header("Content-Type", "application/json")
            .body(body.to_string())
    }

    async fn json(&self, path: &str) -> Value {
        let resp = self.get(path).send().await.unwrap();
        let status = resp.status();
        let body: Value = json_of(resp).await;
        assert!(status.is_success(), "{path}: {status} {body}");
        body
    }

    async fn ids(&self, path: &str) -> Vec<String> {
        self.json(path)
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }
}

/// A response's body as JSON.
async fn json_of(resp: reqwest::Response) -> Value {
    let bytes = resp.bytes().await.unwrap();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
}

fn rand_suffix() -> String {
    format!("{:x}", rand::random::<u64>())
}

/// The Stripe verdict on a request as its receiver checks it, with the saved secret.
fn assert_stripe_signed(r: &common::Received) {
    r.assert_signed("stripe", SECRET);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_selects_exactly_what_logs_selects_for_the_same_filters_and_pages_through_it() {
    let env = Env::new();
    for i in 0..6 {
        env.stored(
            "invoice.paid",
            Status::Delivered,
            Source::Trigger,
            &format!(r#"{{"data":{{"amount":{}}}}}"#, i * 100),
        );
        env.stored(
            "customer.created",
            if i % 2 == 0 {
                Status::Failed
            } else {
                Status::Received
            },
            Source::Listen,
            &format!(r#"{{"data":{{"email":"u{i}@example.com"}}}}"#),
        );
    }
    // Enough bytes that a whole-log page goes out in several chunks.
    for i in 0..40 {
        let pad = "x".repeat(2048);
        env.stored(
            "bulk.event",
            Status::Delivered,
            Source::Replay,
            &format!(r#"{{"i":{i},"pad":"{pad}"}}"#),
        );
    }
    let c = Console::start(&env, &[]);
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("limit=0", &["--limit", "0"]),
        ("event=invoice.*", &["--event", "invoice.*"]),
        ("status=failed", &["--status", "failed"]),
        ("source=listen", &["--source", "listen"]),
        (
            "since=1h&until=2099-01-01T00:00:00Z",
            &["--since", "1h", "--until", "2099-01-01T00:00:00Z"],
        ),
        (
            "where=data.amount%20%3E%20200",
            &["--where", "data.amount > 200"],
        ),
        (
            "event=invoice.*&event=customer.*&limit=3",
            &[
                "--event",
                "invoice.*",
                "--event",
                "customer.*",
                "--limit",
                "3",
            ],
        ),
    ];
    for (query, flags) in cases {
        let api = c.ids(&format!("/api/deliveries?{query}")).await;
        let logs = env.logs_ids(flags);
        assert!(!logs.is_empty(), "{query}: the case selects something");
        assert_eq!(api, logs, "GET /api/deliveries?{query} vs logs {flags:?}");
    }
    // Paging: `before` continues where the last page ended, together the whole list.
    let all = env.logs_ids(&[
        "--event",
        "invoice.*",
        "--event",
        "customer.*",
        "--limit",
        "0",
    ]);
    let first = c
        .ids("/api/deliveries?event=invoice.*&event=customer.*&limit=5")
        .await;
    let second = c
        .ids(&format!(
            "/api/deliveries?event=invoice.*&event=customer.*&limit=5&before={}",
            first[4]
        ))
        .await;
    assert_eq!([first, second].concat(), all[..10]);
    // The text search looks in the bodies.
    let found = c.ids("/api/deliveries?q=U3@EXAMPLE").await;
    assert_eq!(found.len(), 1);
    // A filter's mistake is the caller's: 400 with what to do.
    let resp = c.get("/api/deliveries?status=lost").send().await.unwrap();
    assert_eq!(resp.status(), 400);
    let body: Value = json_of(resp).await;
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("delivered, failed"),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_record_is_the_shape_of_logs_json_with_credentials_masked_unless_one_is_revealed() {
    let env = Env::new();
    let mut r = Record::new(
        Source::Listen,
        RequestPart {
            method: "POST".into(),
            url: "http://127.0.0.1:9/hook".into(),
            headers: [("Authorization", "Bearer s3cret"), ("X-Api-Key", "k")]
                .into_iter()
                .collect(),
            body: Body(b"{}".to_vec()),
        },
    );
    r.status = Status::Received;
    Store::open(&env.db()).unwrap().insert(&r).unwrap();
    let c = Console::start(&env, &[]);
    let out = env
        .hookctl()
        .args(["--json", "logs", "show", &r.id])
        .output()
        .unwrap();
    let logs: Value = common::stdout_json(&out);
    let api = c.json(&format!("/api/deliveries/{}", r.id)).await;
    assert_eq!(api, logs);
    assert_eq!(
        api["request"]["headers"][0][1],
        "Bearer [redacted by hookctl]"
    );
    let shown = c
        .json(&format!("/api/deliveries/{}?reveal=authorization", r.id))
        .await;
    assert_eq!(shown["request"]["headers"][0][1], "Bearer s3cret");
    assert_eq!(shown["request"]["headers"][1][1], "[redacted by hookctl]");
    // Copy as curl / raw / HAR: what `logs show --format` prints, masked alike.
    for format in ["curl", "raw", "har"] {
        let out = env
            .hookctl()
            .args(["logs", "show", &r.id, "--format", format])
            .output()
            .unwrap();
        let api = c
            .get(&format!("/api/deliveries/{}/as/{format}", r.id))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&api).trim_end(),
            String::from_utf8_lossy(&out.stdout).trim_end(),
            "{format}"
        );
    }
    let attempts = c.ids(&format!("/api/deliveries/{}/attempts", r.id)).await;
    assert_eq!(attempts, [r.id.clone()]);
    let missing = c.get("/api/deliveries/dlv_nothing").send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_detail_gives_the_verify_cores_verdict_and_for_a_tampered_body_the_reason() {
    let env = Env::new();
    let rx = Receiver::start();
    let good = env.trigger("stripe.payment_intent.succeeded", &rx.url("/hook"));
    let sent = rx.next();
    // The same delivery with one byte of its body changed, as a receiver might have got it.
    let mut tampered = Record::new(
        Source::Listen,
        RequestPart {
            method: "POST".into(),
            url: rx.url("/hook"),
            headers: sent.headers.iter().cloned().collect(),
            body: Body([&sent.body[..], b" "].concat()),
        },
    );
    tampered.status = Status::Received;
    Store::open(&env.db()).unwrap().insert(&tampered).unwrap();
    let c = Console::start(&env, &[]);
    let v = c.json(&format!("/api/deliveries/{good}/signature")).await;
    assert_eq!(v["provider"], "stripe");
    assert_eq!(v["valid"], true, "{v}");
    let v = c
        .json(&format!("/api/deliveries/{}/signature", tampered.id))
        .await;
    assert_eq!(v["valid"], false, "{v}");
    // The why, from the verify core's diagnosis: one byte appended after signing.
    assert_eq!(v["reason"], "body_modified", "{v}");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("changed after it was signed"),
        "{v}"
    );
    assert!(
        !v.to_string().contains(SECRET),
        "a secret reached the page: {v}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn replay_reaches_the_target_byte_exact_and_edited_replay_re_signed_each_a_linked_record() {
    let env = Env::new();
    let rx = Receiver::start();
    let original = env.trigger("stripe.payment_intent.succeeded", &rx.url("/hook"));
    let first = rx.next();
    let c = Console::start(&env, &[]);

    let replay = c
        .post(&format!("/api/deliveries/{original}/replay"), json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 200);
    let replay: Value = json_of(replay).await;
    assert_eq!(replay["replay_of"], original.as_str());
    assert_eq!(replay["source"], "replay");
    let again = rx.next();
    assert_eq!(again.body, first.body, "byte-exact");
    assert_eq!(
        again.header("stripe-signature"),
        first.header("stripe-signature")
    );

    let edited_body = r#"{"id":"evt_edited","type":"payment_intent.succeeded","data":{"object":{"amount":4242}}}"#;
    let edited: Value = c
        .post(
            &format!("/api/deliveries/{original}/replay"),
            json!({"body": edited_body, "headers": [["Content-Type", "application/json"], ["X-Edited", "yes"]]}),
        )
        .send()
        .await
        .map(json_of)
        .unwrap()
        .await;
    assert_eq!(edited["replay_of"], original.as_str(), "{edited}");
    let got = rx.next();
    assert_eq!(got.body, edited_body.as_bytes());
    assert_eq!(got.header("x-edited"), Some("yes"));
    // Re-signed by default because the body changed, with the config's secret.
    assert_stripe_signed(&got);
    assert_ne!(
        got.header("stripe-signature"),
        first.header("stripe-signature")
    );
    // The new records are in the list, newest first.
    let ids = c.ids("/api/deliveries?source=replay").await;
    assert_eq!(
        ids,
        [
            edited["id"].as_str().unwrap(),
            replay["id"].as_str().unwrap()
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_replay_sends_every_record_of_the_filter_at_the_rate_asked() {
    let env = Env::new();
    let rx = Receiver::start();
    let originals: Vec<String> = (0..3)
        .map(|_| env.trigger("stripe.payment_intent.succeeded", &rx.url("/hook")))
        .collect();
    env.trigger("stripe.charge.failed", &rx.url("/hook"));
    for _ in 0..4 {
        rx.next();
    }
    let c = Console::start(&env, &[]);
    let started = Instant::now();
    let resp = c
        .post(
            "/api/replay",
            json!({"filter": "event=payment_intent.*", "rate": 10.0, "resign": true}),
        )
        .send()
        .await
        .unwrap();
    let body: Value = json_of(resp).await;
    assert_eq!(body["replayed"], 3, "{body}");
    assert_eq!(body["delivered"], 3);
    // Three starts at 10 a second: the last no sooner than 0.2 s after the first.
    assert!(started.elapsed() >= Duration::from_millis(200));
    let mut linked: Vec<String> = body["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["replay_of"].as_str().unwrap().to_string())
        .collect();
    linked.sort();
    let mut want = originals.clone();
    want.sort();
    assert_eq!(linked, want);
    for _ in 0..3 {
        assert_stripe_signed(&rx.next());
    }
    let none = c
        .post("/api/replay", json!({"filter": "event=nothing.*"}))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 400);
}

#[tokio::test(flavor = "multi_thread")]
async fn diff_lists_changed_added_and_removed_json_paths_and_ignores_moved_keys() {
    let env = Env::new();
    let a = env.stored(
        "invoice.paid",
        Status::Received,
        Source::Listen,
        r#"{"type":"invoice.paid","data":{"amount":100,"currency":"usd","note":"x"}}"#,
    );
    let b = env.stored(
        "invoice.paid",
        Status::Received,
        Source::Listen,
        r#"{"data":{"currency":"usd","amount":250,"tags":["vip"]},"type":"invoice.paid"}"#,
    );
    let text_a = env.stored(
        "t",
        Status::Received,
        Source::Listen,
        "line one\nline two\n",
    );
    let text_b = env.stored("t", Status::Received, Source::Listen, "line one\nline 2\n");
    let c = Console::start(&env, &[]);
    let d = c.json(&format!("/api/diff?a={a}&b={b}")).await;
    assert_eq!(d["same"], false);
    assert_eq!(
        d["body"],
        json!({"kind": "json", "changes": [
            {"at": "data.amount", "kind": "changed", "before": 100, "after": 250},
            {"at": "data.note", "kind": "removed", "before": "x"},
            {"at": "data.tags", "kind": "added", "after": ["vip"]},
        ]})
    );
    let d = c.json(&format!("/api/diff?a={text_a}&b={text_b}")).await;
    assert_eq!(d["body"]["kind"], "text");
    let unified = d["body"]["unified"].as_str().unwrap();
    assert!(
        unified.contains("-line two") && unified.contains("+line 2"),
        "{unified}"
    );
    let same = c.json(&format!("/api/diff?a={a}&b={a}")).await;
    assert_eq!(same["same"], true);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_stream_delivers_a_record_written_by_another_process_and_keeps_to_its_filter() {
    let env = Env::new();
    let rx = Receiver::start();
    let c = Console::start(&env, &[]);
    let mut all = c.get("/api/stream").send().await.unwrap();
    assert_eq!(
        all.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let mut pushes = c.get("/api/stream?event=push").send().await.unwrap();
    // Two other processes write, a Stripe event first, then a GitHub push.
    let trigger = |event: &'static str| {
        let to = rx.url("/hook");
        let env_dir = env.dir.path().to_path_buf();
        tokio::task::spawn_blocking(move || {
            let out = common::hookctl(&env_dir)
                .args(["--json", "trigger", event, "--to", &to])
                .output()
                .unwrap();
            common::stdout_json(&out)["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
    };
    let stripe = trigger("stripe.payment_intent.succeeded").await.unwrap();
    let push = trigger("github.push").await.unwrap();
    let seen_all = read_until(&mut all, &push).await;
    assert!(seen_all.contains(&stripe), "{seen_all}");
    assert!(seen_all.contains("event: delivery"), "{seen_all}");
    let seen_pushes = read_until(&mut pushes, &push).await;
    assert!(
        !seen_pushes.contains(&stripe),
        "the filter let through {stripe}: {seen_pushes}"
    );
}

/// What a stream carries until a record with `id`, waiting up to 10 s.
async fn read_until(stream: &mut reqwest::Response, id: &str) -> String {
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !seen.contains(&format!("\"id\":\"{id}\"")) {
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = tokio::time::timeout(left, stream.chunk())
            .await
            .unwrap_or_else(|_| panic!("the stream did not carry {id} within 10 s: {seen}"))
            .unwrap()
            .expect("the stream ended");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    seen
}

#[tokio::test(flavor = "multi_thread")]
async fn the_testing_console_searches_the_catalog_checks_a_payload_and_sends_it_signed() {
    let env = Env::new();
    let rx = Receiver::start();
    let c = Console::start(&env, &[]);
    let found = c.json("/api/catalog?q=stripe%20payment_intent").await;
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "stripe.payment_intent.succeeded"),
        "{found}"
    );
    let event = c.json("/api/catalog/stripe.payment_intent.succeeded").await;
    let sample = event["sample"]["body"].as_str().unwrap().to_string();
    assert!(event["schema"]["properties"].is_object(), "{event}");
    let lint: Value = c
        .post(
            "/api/catalog/stripe.payment_intent.succeeded/lint",
            json!({"body": sample}),
        )
        .send()
        .await
        .map(json_of)
        .unwrap()
        .await;
    assert_eq!(lint["valid"], true, "{lint}");
    // Stripe publishes its events' shapes: the check names the definition it used.
    assert!(
        lint["definition"]
            .as_str()
            .is_some_and(|d| d.contains("stripe")),
        "{lint}"
    );
    let lint: Value = c
        .post(
            "/api/catalog/stripe.payment_intent.succeeded/lint",
            json!({"body": "{\"id\": 5}"}),
        )
        .send()
        .await
        .map(json_of)
        .unwrap()
        .await;
    assert_eq!(lint["valid"], false);
    let sent = c
        .post(
            "/api/send",
            json!({"event": "stripe.payment_intent.succeeded", "to": rx.url("/hook"), "body": sample}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    let record: Value = json_of(sent).await;
    let got = rx.next();
    assert_eq!(got.body, sample.as_bytes());
    assert_stripe_signed(&got);
    let listed = c.ids("/api/deliveries?limit=1").await;
    assert_eq!(listed, [record["id"].as_str().unwrap()]);
    let unknown = c.get("/api/catalog/no.such.event").send().await.unwrap();
    assert_eq!(unknown.status(), 404);
    let unknown = c
        .post("/api/catalog/no.such.event/lint", json!({"body": sample}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_token_every_call_is_403_and_the_tokens_url_sets_a_cookie_that_lets_the_page_in()
 {
    let env = Env::new();
    let c = Console::start(&env, &[]);
    for path in ["/api/deliveries", "/", "/api/stream"] {
        let resp = c
            .client
            .get(format!("{}{path}", c.base))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "{path}");
    }
    let wrong = c
        .client
        .get(format!("{}/api/deliveries", c.base))
        .bearer_auth("0".repeat(64))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 403);
    let by_query = c
        .client
        .get(format!("{}/api/deliveries?token={}", c.base, c.token))
        .send()
        .await
        .unwrap();
    assert_eq!(by_query.status(), 200);
    // The page: the token in the URL becomes an HttpOnly, SameSite=Strict cookie, and leaves the URL.
    let first = c
        .client
        .get(format!("{}/?token={}", c.base, c.token))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], "/");
    let cookie = first.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    let page = c
        .client
        .get(format!("{}/", c.base))
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let api = c
        .client
        .get(format!("{}/api/deliveries", c.base))
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_host_is_refused_even_with_the_token_and_a_form_post_is_refused() {
    let env = Env::new();
    let rx = Receiver::start();
    let id = env.trigger("stripe.payment_intent.succeeded", &rx.url("/hook"));
    rx.next();
    let c = Console::start(&env, &[]);
    // What a DNS-rebinding page's requests carry: its own name as the Host.
    let rebound = c
        .get("/api/deliveries")
        .header(
            "Host",
            format!("attacker.example:{}", c.base.rsplit(':').next().unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status(), 403);
    let form = c
        .client
        .post(format!("{}/api/deliveries/{id}/replay", c.base))
        .bearer_auth(&c.token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("to=http://evil.example/")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 415);
    assert!(rx.drain().is_empty(), "a refused call sent nothing");
}

#[test]
fn the_ready_file_holds_the_url_with_its_token_and_a_taken_port_moves_to_the_next() {
    let env = Env::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let c = Console::start(&env, &["--port", &port]);
    assert!(c.base.starts_with("http://127.0.0.1:"), "{}", c.base);
    assert_ne!(c.base, format!("http://127.0.0.1:{port}"));
    assert_eq!(c.token.len(), 64);
    assert!(
        c.line.contains(&format!("(port {port} was taken)")) && c.line.contains(&c.token),
        "{}",
        c.line
    );
}

#[test]
fn a_console_reachable_from_other_machines_says_so() {
    let env = Env::new();
    let ready = env.dir.path().join("r.txt");
    let mut child = env
        .command()
        .args([
            "inspect",
            "--no-open",
            "--listen",
            "0.0.0.0:0",
            "--ready-file",
        ])
        .arg(&ready)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_line(&ready);
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("warning:") && first.contains("other machines"),
        "{first}"
    );
}

#[test]
fn listen_serves_the_console_unless_told_not_to() {
    let env = Env::new();
    let run = |extra: &[&str]| -> String {
        let ready = env.dir.path().join(format!("listen-{}.txt", rand_suffix()));
        let mut child = env
            .command()
            .args(["listen", "--port", "0", "--ready-file"])
            .arg(&ready)
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        wait_for_line(&ready);
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut said = String::new();
        let mut line = String::new();
        while stderr.read_line(&mut line).unwrap() > 0 {
            said.push_str(&line);
            if line.starts_with("Ready:") {
                break;
            }
            line.clear();
        }
        let _ = child.kill();
        let _ = child.wait();
        said
    };
    let said = run(&["--inspect", "127.0.0.1:0"]);
    let url = said
        .lines()
        .find_map(|l| l.strip_prefix("Console: "))
        .unwrap_or_else(|| panic!("no console line: {said}"));
    assert!(
        url.starts_with("http://127.0.0.1:") && url.contains("/?token="),
        "{url}"
    );
    let said = run(&["--no-inspect"]);
    assert!(!said.contains("Console:"), "{said}");
}
