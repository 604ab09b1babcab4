//! `trigger` against real receivers on loopback: every catalog provider's delivery verifies with
//! its scheme, overrides land in the payload, retries are recorded attempt by attempt, and bad
//! input is one line with exit 2.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Received, Receiver, hookctl, stdout_json};
use hookctl::config::Config;
use hookctl::events::Catalog;
use hookctl::signature::Keys;
use hookctl::store::{Query, Record, Status, Store};
use serde_json::Value;

/// Every record of the log, oldest first.
fn records(dir: &Path) -> Vec<Record> {
    Store::open(&dir.join("deliveries.db"))
        .unwrap()
        .after(0, &Query::default())
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

/// Checks `got` as the receiver would: with the provider's scheme and the key hookctl saved in
/// the config (the development key it made on first use).
fn verify(dir: &Path, provider: &str, url: &str, got: &Received) -> Result<(), String> {
    let config = Config::load(&dir.join("config.toml")).unwrap();
    let keys = Keys {
        secrets: config.secrets.get(provider).cloned().into_iter().collect(),
        public_key: config.keys.get(provider).map(|k| k.public_key.clone()),
    };
    let v = got.verdict(provider, Some(url), &keys);
    if v.is_valid() { Ok(()) } else { Err(v.detail) }
}

#[test]
fn every_catalog_provider_sends_a_delivery_its_receiver_verifies() {
    let catalog = Catalog::builtin().unwrap();
    // One event per signing provider: each provider's own, and a domain pack's (standard-webhooks).
    let mut per_provider: BTreeMap<String, String> = BTreeMap::new();
    for e in catalog.events() {
        per_provider
            .entry(e.signed_with().to_string())
            .or_insert_with(|| e.id.clone());
    }
    assert!(per_provider.len() >= 21, "{per_provider:?}");
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let mut failures = Vec::new();
    for (provider, event) in &per_provider {
        let url = rx.url(&format!("/hooks/{provider}?source=test"));
        hookctl(dir.path())
            .args(["trigger", event, "--to", &url, "--retries", "0"])
            .assert()
            .code(0);
        let got = rx.next();
        assert_eq!(got.method, "POST");
        if let Err(why) = verify(dir.path(), provider, &url, &got) {
            failures.push(format!("{provider} ({event}): {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "not verified:\n{}",
        failures.join("\n")
    );
    let log = records(dir.path());
    assert_eq!(log.len(), per_provider.len());
    assert!(log.iter().all(|r| r.status == Status::Delivered));
}

#[test]
fn a_delivery_carries_the_providers_event_headers_and_is_logged_with_its_event_type() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let out = hookctl(dir.path())
        .args(["trigger", "github.push", "--to", &rx.url("/gh"), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let got = rx.next();
    assert_eq!(got.header("X-GitHub-Event"), Some("push"));
    assert!(got.header("X-GitHub-Delivery").is_some());
    assert!(got.header("X-Hub-Signature-256").is_some());
    let line = stdout_json(&out);
    assert_eq!(line["event"], "push");
    assert_eq!(line["provider"], "github");
    assert_eq!(line["status"], "delivered");
    assert_eq!(line["http_status"], 200);
    assert_eq!(line["attempts"], 1);
    let log = records(dir.path());
    assert_eq!(log[0].id, line["id"]);
    assert_eq!(log[0].event_type.as_deref(), Some("push"));
    assert_eq!(log[0].request.body.0, got.body);
}

#[test]
fn the_record_holds_every_header_the_receiver_got_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let out = hookctl(dir.path())
        .args(["trigger", "github.push", "--to", &rx.url("/gh")])
        .args(["-H", "X-Extra: 1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let got = rx.next();
    let records = records(dir.path());
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].request.headers.0, got.headers);
    // The client's own additions are in the log too, as `logs show --format raw` prints it.
    assert!(got.header("accept").is_some() && got.header("user-agent").is_some());
    let raw = hookctl(dir.path())
        .args(["logs", "show", &records[0].id, "--format", "raw"])
        .output()
        .unwrap();
    let raw = String::from_utf8_lossy(&raw.stdout);
    for (name, value) in &got.headers {
        assert!(
            raw.contains(&format!("{name}: {value}\r\n")),
            "no '{name}: {value}' in\n{raw}"
        );
    }
}

#[test]
fn credentials_in_the_url_are_recorded_as_the_authorization_header_they_are_sent_as() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let to = format!("http://user:p%40ss@{}/hook", rx.addr);
    let out = hookctl(dir.path())
        .args(["trigger", "github.push", "--to", &to])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let got = rx.next();
    // base64("user:p@ss"): the password percent-decoded, as HTTP clients send it.
    assert_eq!(got.header("authorization"), Some("Basic dXNlcjpwQHNz"));
    let recorded = &records(dir.path())[0].request.headers.0;
    let names = |h: &[(String, String)]| h.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(recorded), names(&got.headers));
    for ((name, kept), (_, sent)) in recorded.iter().zip(&got.headers) {
        // The log may mask a credential; it never shows another value than the one sent.
        assert!(
            kept == sent || (name == "authorization" && kept.contains("redacted")),
            "{name}: recorded '{kept}', sent '{sent}'"
        );
    }
}

#[test]
fn set_overrides_fields_with_typed_values_and_h_adds_headers() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    hookctl(dir.path())
        .args([
            "trigger",
            "stripe.payment_intent.succeeded",
            "--to",
            &rx.url("/s"),
            "--set",
            "data.object.amount=5000",
            "--set",
            "data.object.livemode=true",
            "--set",
            "data.object.metadata={\"order\":\"A1\"}",
            "--set",
            "data.object.currency=\"123\"",
            "-H",
            "X-Test: yes",
            "--secret",
            "whsec_test",
        ])
        .assert()
        .code(0);
    let got = rx.next();
    let body: Value = serde_json::from_slice(&got.body).unwrap();
    assert_eq!(body["data"]["object"]["amount"], 5000);
    assert_eq!(body["data"]["object"]["livemode"], true);
    assert_eq!(body["data"]["object"]["metadata"]["order"], "A1");
    assert_eq!(body["data"]["object"]["currency"], "123");
    assert_eq!(got.header("X-Test"), Some("yes"));
    got.assert_signed("stripe", "whsec_test");
}

#[test]
fn data_replaces_the_payload_byte_exact_and_is_signed_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let file = dir.path().join("payload.json");
    let payload = b"{\"custom\": true,\n \"n\": 1}\n";
    std::fs::write(&file, payload).unwrap();
    let url = rx.url("/d");
    hookctl(dir.path())
        .args(["trigger", "ticket.created", "--to", &url, "--data"])
        .arg(&file)
        .assert()
        .code(0);
    let got = rx.next();
    assert_eq!(got.body, payload);
    verify(dir.path(), "standard-webhooks", &url, &got).unwrap();
}

#[test]
fn a_batch_sends_count_deliveries_each_with_its_own_id() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    hookctl(dir.path())
        .args([
            "trigger",
            "contact.created",
            "--to",
            &rx.url("/b"),
            "-n",
            "6",
            "-c",
            "3",
        ])
        .assert()
        .code(0);
    let ids: std::collections::BTreeSet<String> = (0..6)
        .map(|_| rx.next().header("webhook-id").unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 6, "ids repeated: {ids:?}");
    assert_eq!(records(dir.path()).len(), 6);
}

#[test]
fn a_batch_ends_with_totals_of_deliveries_and_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let run = |json: bool| {
        // One at a time: the first delivery is retried once, the second refused, the third taken.
        rx.respond_with(&[(503, &[]), (200, &[]), (400, &[])]);
        let out = hookctl(dir.path())
            .args([
                "trigger",
                "contact.created",
                "--to",
                &rx.url("/t"),
                "-n",
                "3",
            ])
            .args(["--retries", "1", "--backoff", "1ms", "--color", "never"])
            .args(json.then_some("--json"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "one is dead");
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(false);
    assert_eq!(
        text.lines().last().unwrap(),
        "3 deliveries: 2 delivered, 0 failed, 1 dead (4 attempts)",
        "{text}"
    );
    let text = run(true);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one object a delivery, then the totals");
    assert!(lines[..3].iter().all(|l| l["id"].is_string()));
    assert_eq!(
        lines[3],
        serde_json::json!({"totals": {"deliveries": 3, "delivered": 2, "failed": 0, "dead": 1, "attempts": 4}})
    );
}

#[test]
fn failing_twice_then_succeeding_is_three_recorded_attempts_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    rx.respond_with(&[(503, &[]), (500, &[])]);
    let out = hookctl(dir.path())
        .args([
            "trigger",
            "shopify.orders.create",
            "--to",
            &rx.url("/r"),
            "--retries",
            "3",
            "--backoff",
            "1ms",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<Received> = (0..3).map(|_| rx.next()).collect();
    // A retry is the same delivery: the same id header and body.
    let id = got[0].header("X-Shopify-Webhook-Id").unwrap();
    assert!(
        got.iter()
            .all(|g| g.header("X-Shopify-Webhook-Id") == Some(id))
    );
    assert!(got.iter().all(|g| g.body == got[0].body));
    let log = records(dir.path());
    let seen: Vec<(u32, Status)> = log.iter().map(|r| (r.attempt, r.status)).collect();
    assert_eq!(
        seen,
        [
            (1, Status::Failed),
            (2, Status::Failed),
            (3, Status::Delivered)
        ]
    );
}

#[test]
fn stats_count_a_delivery_delivered_on_its_third_attempt_as_one_success() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    rx.respond_with(&[(503, &[]), (500, &[]), (200, &[]), (500, &[])]);
    hookctl(dir.path())
        .args([
            "trigger",
            "ticket.created",
            "--to",
            &rx.url("/s"),
            "-n",
            "2",
        ])
        .args(["--retries", "2", "--backoff", "1ms"])
        .assert()
        .code(0);
    let log = records(dir.path());
    let first = &log[0].id;
    assert_eq!(
        log[1].retry_of.as_ref(),
        Some(first),
        "a retry names its first attempt"
    );
    assert_eq!(log[2].retry_of.as_ref(), Some(first));
    let out = hookctl(dir.path())
        .args(["logs", "stats", "--json"])
        .output()
        .unwrap();
    let total = &stdout_json(&out)["total"];
    assert_eq!(
        total["deliveries"],
        serde_json::json!({"count": 2, "delivered": 2, "failed": 0, "dead": 0, "success_rate": 1.0})
    );
    assert_eq!(
        (&total["sent"], &total["delivered"]),
        (&5.into(), &2.into())
    );
    assert_eq!(total["success_rate"], 0.4, "per attempt, as before");
    let out = hookctl(dir.path())
        .args(["logs", "stats", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let cells: Vec<&str> = text.lines().last().unwrap().split_whitespace().collect();
    assert_eq!(
        cells[..7],
        ["total", "2", "2", "0", "0", "100.0%", "5"],
        "{text}"
    );
}

#[test]
fn a_receiver_that_always_fails_makes_the_delivery_dead_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    rx.respond_with(&[(500, &[]), (502, &[]), (429, &[("Retry-After", "0")])]);
    hookctl(dir.path())
        .args([
            "trigger",
            "slack.app_mention",
            "--to",
            &rx.url("/f"),
            "--retries",
            "2",
            "--backoff",
            "1ms",
        ])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("dead"));
    let log = records(dir.path());
    let seen: Vec<(u32, Status)> = log.iter().map(|r| (r.attempt, r.status)).collect();
    assert_eq!(
        seen,
        [(1, Status::Failed), (2, Status::Failed), (3, Status::Dead)]
    );
}

#[test]
fn a_client_error_is_not_retried() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    rx.respond_with(&[(400, &[])]);
    hookctl(dir.path())
        .args(["trigger", "stripe.charge.succeeded", "--to", &rx.url("/c")])
        .assert()
        .code(1);
    let log = records(dir.path());
    assert_eq!(log.len(), 1);
    assert_eq!(
        log[0].status,
        Status::Dead,
        "given up: a 4xx is not retried"
    );
    assert_eq!(log[0].response.as_ref().unwrap().status, 400);
}

#[test]
fn bad_input_is_one_line_and_exit_2_with_nothing_sent() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let to = rx.url("/x");
    let cases: &[(&[&str], &str)] = &[
        (
            &["trigger", "stripe.payment_intent.succeded", "--to", &to],
            "did you mean 'stripe.payment_intent.succeeded'",
        ),
        (
            &["trigger", "github.push", "--to", &to, "--set", "a..b=1"],
            "--set a..b=1",
        ),
        (
            &["trigger", "github.push", "--to", &to, "--set", "novalue"],
            "must be PATH=VALUE",
        ),
        (&["trigger", "github.push", "--to", "ftp://x"], "--to"),
        (&["trigger", "github.push", "--to", "not a url"], "--to"),
        (
            &[
                "trigger",
                "github.push",
                "--to",
                &to,
                "--data",
                "/no/such/file",
            ],
            "cannot read --data",
        ),
        (&["trigger", "--to", &to], "missing EVENT"),
        (
            &["trigger", "github.push"],
            "no `hookctl listen` is running on this machine: start `hookctl listen --forward-to URL` in another terminal, or pass --to URL",
        ),
        (
            &["trigger", "github.push", "--to", &to, "--name", "demo"],
            "--name",
        ),
        (
            &["trigger", "github.push", "--to", &to, "--backoff", "soon"],
            "--backoff",
        ),
        (
            &["trigger", "github.push", "--to", &to, "-n", "0"],
            "at least 1",
        ),
        (
            &["trigger", "github.push", "--to", &to, "--provider", "nope"],
            "nope",
        ),
    ];
    for (args, says) in cases {
        let out = hookctl(dir.path()).args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    assert!(rx.drain().is_empty());
}

#[test]
fn a_generic_scheme_named_in_the_config_signs_with_the_config_secret() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[secrets]\nacme = \"acme-secret\"\n\n[schemes.acme]\nheader = \"X-Acme-Signature\"\nalgorithm = \"sha256\"\nencoding = \"hex\"\nprefix = \"sha256=\"\n",
    )
    .unwrap();
    let rx = Receiver::start();
    hookctl(dir.path())
        .args([
            "trigger",
            "contact.created",
            "--provider",
            "acme",
            "--to",
            &rx.url("/a"),
        ])
        .assert()
        .code(0);
    let got = rx.next();
    assert!(
        got.header("webhook-signature").is_none(),
        "signed as the event's default provider"
    );
    // What the receiver computes: sha256= and the hex HMAC-SHA256 of the body with the secret.
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"acme-secret").unwrap();
    mac.update(&got.body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    assert_eq!(got.header("X-Acme-Signature"), Some(expected.as_str()));
    let log = records(dir.path());
    assert_eq!(log[0].provider.as_deref(), Some("acme"));
}

/// `-H` with CR LF in a value would inject a header: refused when parsed, before anything is
/// sent or recorded.
#[test]
fn a_header_with_cr_lf_is_refused_before_anything_is_sent_or_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let out = hookctl(dir.path())
        .args(["trigger", "payment.succeeded", "--to", &rx.url("/w")])
        .args(["-H", "X-A: a\r\nInjected: 1"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("control character"), "{err}");
    assert!(records(dir.path()).is_empty());
    assert!(rx.drain().is_empty());
}

/// `--to localhost:PORT/w` is http://, for every command that sends to a URL it is given.
#[test]
fn addresses_without_a_scheme_are_http_for_every_command_that_sends() {
    let dir = tempfile::tempdir().unwrap();
    let rx = Receiver::start();
    let at = |path: &str| format!("localhost:{}{path}", rx.addr.port());
    hookctl(dir.path())
        .args([
            "trigger",
            "payment.succeeded",
            "--to",
            &at("/t"),
            "--retries",
            "0",
        ])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/t");
    let id = records(dir.path())[0].id.clone();
    hookctl(dir.path())
        .args(["replay", &id, "--to", &at("/r")])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/r");
    hookctl(dir.path())
        .args(["load", &at("/l"), "-n", "1", "-c", "1"])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/l");
    hookctl(dir.path())
        .args(["validate", &at("/v"), "--checks", "signed_delivery"])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/v");
    hookctl(dir.path())
        .args(["monitor", &at("/m"), "--once", "--probe", "get"])
        .assert()
        .code(0);
    assert_eq!(rx.next().target, "/m");
}
