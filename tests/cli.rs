//! The command-line contract through the real binary: exit codes, `--json` shapes, explanations,
//! config, bad input — what scripts and users rely on (the README).

mod common;

use common::stdout_json;

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const BODY: &str =
    r#"{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"amount":2000}}}"#;
const NOW: &str = "1700000010";

fn hookctl(dir: &tempfile::TempDir) -> Command {
    common::hookctl(dir.path())
}

fn stripe_header(dir: &tempfile::TempDir, secret: &str, body: &str, ts: &str) -> String {
    let out = hookctl(dir)
        .args([
            "sign",
            "--provider",
            "stripe",
            "--secret",
            secret,
            "--body",
            body,
            "--timestamp",
            ts,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn providers_json_lists_every_provider_with_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["providers", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list = stdout_json(&out);
    let list = list.as_array().unwrap();
    assert!(list.len() >= 40, "only {} providers", list.len());
    for p in list {
        for field in [
            "id",
            "algorithm",
            "headers",
            "tolerance_seconds",
            "can_sign",
        ] {
            assert!(p.get(field).is_some(), "{p} has no {field}");
        }
    }
    let stripe = list.iter().find(|p| p["id"] == "stripe").unwrap();
    assert_eq!(stripe["tolerance_seconds"], 300);
    assert_eq!(stripe["headers"][0], "Stripe-Signature");
    let by_id = |id: &str| &list.iter().find(|p| p["id"] == id).unwrap()["sdk_checks"];
    // What each official SDK checks, read from its source: Stripe's only the age, Standard
    // Webhooks' both ways, GitHub's no time at all.
    let stripe_sdk = by_id("stripe");
    assert_eq!(stripe_sdk["timestamp_lower_bound"], true);
    assert_eq!(stripe_sdk["timestamp_upper_bound"], false);
    assert_eq!(stripe_sdk["window_seconds"], 300);
    assert_eq!(stripe_sdk["dedup_by_id"], false);
    assert!(
        stripe_sdk["source"]
            .as_str()
            .unwrap()
            .contains("stripe/_webhook.py")
    );
    assert_eq!(by_id("standard-webhooks")["timestamp_upper_bound"], true);
    assert_eq!(by_id("github")["window_seconds"], Value::Null);
    assert_eq!(by_id("github")["timestamp_lower_bound"], false);
    for p in list {
        let sdk = &p["sdk_checks"];
        for field in [
            "timestamp_lower_bound",
            "timestamp_upper_bound",
            "window_seconds",
            "dedup_by_id",
            "source",
        ] {
            assert!(
                sdk.get(field).is_some(),
                "{} has no sdk_checks.{field}",
                p["id"]
            );
        }
    }
}

#[test]
fn providers_table_on_a_pipe_shows_every_algorithm_and_header_whole() {
    let dir = tempfile::tempdir().unwrap();
    let list = stdout_json(
        &hookctl(&dir)
            .args(["providers", "--json"])
            .output()
            .unwrap(),
    );
    let out = hookctl(&dir).arg("providers").output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('…'), "a pipe got a cut table:\n{table}");
    for p in list.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let line = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no row for {id}"));
        for field in [&p["algorithm"], &p["headers"][0]] {
            let field = field.as_str().unwrap_or_default();
            assert!(
                line.contains(field),
                "{id}: '{field}' not whole in '{line}'"
            );
        }
    }
}

#[test]
fn json_flag_is_accepted_before_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["--json", "providers", "stripe"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stdout_json(&out)[0]["id"], "stripe");
}

#[test]
fn sign_prints_header_lines_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let line = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    assert!(
        line.starts_with("Stripe-Signature: t=1700000000,v1="),
        "{line}"
    );
    let out = hookctl(&dir)
        .args([
            "sign",
            "--json",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            BODY,
            "--timestamp",
            "1700000000",
        ])
        .output()
        .unwrap();
    let doc = stdout_json(&out);
    assert_eq!(
        format!(
            "Stripe-Signature: {}",
            doc["headers"]["Stripe-Signature"].as_str().unwrap()
        ),
        line
    );
}

#[test]
fn verify_valid_exits_0_with_the_json_shape() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    let out = hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            NOW,
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["provider"], "stripe");
    assert_eq!(v["reason"], "ok");
    assert!(v["detail"].as_str().unwrap().len() > 10);
}

#[test]
fn verify_invalid_exits_1_and_explains_which_header_and_what_was_signed() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "sk_test_123",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            NOW,
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("bad_signature"))
        .stdout(predicate::str::contains("Stripe-Signature"))
        .stdout(predicate::str::contains("1700000000.{"))
        .stdout(predicate::str::contains("Stripe secret API key"));
}

#[test]
fn verify_explains_a_re_serialized_body() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(BODY).unwrap()).unwrap();
    let out = hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            &pretty,
            "-H",
            &header,
            "--now",
            NOW,
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert_eq!(v["reason"], "body_modified");
    assert!(
        v["detail"].as_str().unwrap().contains("compact form"),
        "{v}"
    );
}

#[test]
fn verify_reports_clock_skew_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            "1700003600",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("expired_timestamp"))
        .stdout(predicate::str::contains("3600 s"));
    // --tolerance widens the window.
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            "1700003600",
            "--tolerance",
            "2h",
        ])
        .assert()
        .code(0);
}

#[test]
fn verify_takes_a_stripe_delivery_ten_minutes_ahead_as_stripes_sdk_does_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000600");
    let args = [
        "verify",
        "--provider",
        "stripe",
        "--secret",
        "whsec_test",
        "--body",
        BODY,
        "-H",
        &header,
        "--now",
        "1700000000",
    ];
    let out = hookctl(&dir).args(args).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["valid"], true, "{v}");
    assert_eq!(v["reason"], "ok");
    let hint = v["hints"][0].as_str().unwrap();
    assert!(
        hint.contains("dated 10m (600 s) in the future")
            && hint.contains("Stripe's official SDK accepts future timestamps"),
        "{hint}"
    );
    hookctl(&dir)
        .args(args)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Stripe signature is valid"))
        .stdout(predicate::str::contains(
            "protects against a signing clock that runs ahead",
        ));
}

#[test]
fn verify_refuses_a_standard_webhooks_delivery_ten_minutes_ahead_as_its_sdk_does() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let signed = hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "standard-webhooks",
            "--secret",
            secret,
        ])
        .args(["--body", BODY, "--timestamp", "1700000600", "--id", "msg_1"])
        .output()
        .unwrap();
    assert!(signed.status.success());
    let mut verify = hookctl(&dir);
    verify.args([
        "verify",
        "--provider",
        "standard-webhooks",
        "--secret",
        secret,
    ]);
    verify.args(["--body", BODY, "--now", "1700000000", "--json"]);
    for line in String::from_utf8(signed.stdout).unwrap().lines() {
        verify.args(["-H", line]);
    }
    let out = verify.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert_eq!(v["valid"], false, "{v}");
    assert_eq!(v["reason"], "future_timestamp");
}

#[test]
fn verify_accepts_any_of_several_secrets_and_the_env_secret() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_new", BODY, "1700000000");
    hookctl(&dir)
        .args([
            "verify",
            "--secret",
            "whsec_old",
            "--secret",
            "whsec_new",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            NOW,
        ])
        .assert()
        .code(0);
    hookctl(&dir)
        .env("HOOKCTL_SECRET", "whsec_new")
        .args(["verify", "--body", BODY, "-H", &header, "--now", NOW])
        .assert()
        .code(0);
}

#[test]
fn verify_detects_the_provider_and_reads_stdin_byte_exact() {
    let dir = tempfile::tempdir().unwrap();
    let body = "line one\r\nline two\n";
    let header = stripe_header(&dir, "whsec_test", body, "1700000000");
    let out = hookctl(&dir)
        .args([
            "verify",
            "--json",
            "--secret",
            "whsec_test",
            "-H",
            &header,
            "--now",
            NOW,
        ])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_eq!(stdout_json(&out)["provider"], "stripe");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn verify_reads_a_raw_http_request_file() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    let path = dir.path().join("req.http");
    let raw = format!(
        "POST /webhooks HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n{header}\r\nContent-Length: {}\r\n\r\n{BODY}",
        BODY.len()
    );
    std::fs::write(&path, raw).unwrap();
    hookctl(&dir)
        .args([
            "verify",
            "--secret",
            "whsec_test",
            "--now",
            NOW,
            "--request",
        ])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn generic_schemes_from_flags_and_from_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let flags = [
        "--header",
        "X-Acme-Signature",
        "--algorithm",
        "sha512",
        "--encoding",
        "base64",
        "--prefix",
        "sha512=",
        "--timestamp-header",
        "X-Acme-Timestamp",
    ];
    let out = hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "generic",
            "--secret",
            "k",
            "--body",
            BODY,
            "--timestamp",
            "1700000000",
        ])
        .args(flags)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = String::from_utf8(out.stdout).unwrap();
    let headers: Vec<&str> = lines.lines().collect();
    assert!(headers[0].starts_with("X-Acme-Signature: sha512="));
    let mut verify = hookctl(&dir);
    verify
        .args([
            "verify",
            "--provider",
            "generic",
            "--secret",
            "k",
            "--body",
            BODY,
            "--now",
            NOW,
        ])
        .args(flags);
    for h in &headers {
        verify.args(["-H", h]);
    }
    verify.assert().code(0);

    std::fs::write(
        dir.path().join("config.toml"),
        "[secrets]\nacme = \"k\"\n\n[schemes.acme]\nheader = \"X-Acme-Signature\"\nalgorithm = \"sha512\"\nencoding = \"base64\"\nprefix = \"sha512=\"\ntimestamp_header = \"X-Acme-Timestamp\"\n",
    )
    .unwrap();
    let mut named = hookctl(&dir);
    named.args(["verify", "--provider", "acme", "--body", BODY, "--now", NOW]);
    for h in &headers {
        named.args(["-H", h]);
    }
    named.assert().code(0);
}

#[test]
fn init_writes_a_0600_config_without_prompting_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    hookctl(&dir)
        .args(["init"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--secret PROVIDER=SECRET"));
    hookctl(&dir)
        .args(["init", "--secret", "stripe=whsec_abc"])
        .assert()
        .code(0);
    let path = dir.path().join("config.toml");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("whsec_abc")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // The saved secret is used when --secret is absent.
    let header = stripe_header(&dir, "whsec_abc", BODY, "1700000000");
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            NOW,
        ])
        .assert()
        .code(0);
}

/// Each bad input: exit 2, one line on stderr naming the problem, no panic.
#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let huge = format!("Stripe-Signature: {}", "a".repeat(100_000));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["verify", "--provider", "nosuch", "--body", "x"],
            "unknown provider",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body-file",
                "/nonexistent/file",
            ],
            "cannot read --body-file",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "-H",
                "no colon here",
            ],
            "Name: value",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "-H",
                &huge,
            ],
            "64 KiB",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--body",
                "x",
                "-H",
                "Stripe-Signature: t=1,v1=00",
            ],
            "--secret",
        ),
        (
            vec!["verify", "--body", "x", "-H", "X-Unknown: 1"],
            "cannot tell the provider",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "--tolerance",
                "soon",
            ],
            "not a duration",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--request",
                "/nonexistent.http",
            ],
            "cannot read --request",
        ),
        (
            vec!["sign", "--provider", "stripe", "--body", "x"],
            "--secret",
        ),
        (
            vec![
                "sign",
                "--provider",
                "generic",
                "--secret",
                "s",
                "--body",
                "x",
            ],
            "--header",
        ),
        (
            vec![
                "sign",
                "--provider",
                "generic",
                "--secret",
                "s",
                "--body",
                "x",
                "--header",
                "X-S",
                "--algorithm",
                "md5",
            ],
            "sha1, sha256 or sha512",
        ),
        (
            vec![
                "sign",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "--timestamp",
                "-5",
            ],
            "out of range",
        ),
        (
            vec!["verify", "--provider", "stripe", "--unknown-flag"],
            "unexpected argument",
        ),
    ];
    for (args, needle) in cases {
        let out = hookctl(&dir).args(&args).write_stdin("").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(needle),
            "{args:?}: stderr lacks {needle:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: not one line: {err}");
    }
}

/// clap's own errors keep the contract: one line saying what is wrong, what to do, and which
/// `--help` says more.
#[test]
fn clap_errors_are_one_line_naming_what_to_do_and_the_commands_help() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["logs", "--status", "bogus"],
            "invalid value 'bogus' for '--status <S>': expected one of delivered, failed, dead, received; see 'hookctl logs --help'",
        ),
        (
            vec!["lgos"],
            "unrecognized subcommand 'lgos': a similar subcommand exists: 'logs'; see 'hookctl --help'",
        ),
        (vec!["load"], "missing <URL>; see 'hookctl load --help'"),
        (
            vec!["verify", "--request", "r.http", "--body", "x"],
            "the argument '--request <FILE>' cannot be used with '--body <STRING>'; see 'hookctl verify --help'",
        ),
        (
            vec!["logs", "show"],
            "missing <ID>; see 'hookctl logs show --help'",
        ),
        (
            vec!["--color", "sometimes", "providers"],
            "invalid value 'sometimes' for '--color <WHEN>': expected one of auto, always, never; see 'hookctl providers --help'",
        ),
    ];
    for (args, want) in cases {
        let out = hookctl(&dir).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("error: {want}\n"),
            "{args:?}"
        );
    }
}

/// What the user asked to read is printed in full: help and version are not errors.
#[test]
fn help_and_version_still_print_in_full_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["logs", "--help"][..], &["--version"], &["help", "sign"]] {
        let out = hookctl(&dir).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let help = hookctl(&dir).args(["logs", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).lines().count() > 10);
}

/// A negative number or duration is a value out of range, on every numeric, duration and size
/// flag, not "unexpected argument '-1' found".
#[test]
fn negative_numbers_are_out_of_range_on_every_numeric_flag() {
    let dir = tempfile::tempdir().unwrap();
    let url = "http://127.0.0.1:9/";
    let sign = [
        "sign",
        "--provider",
        "stripe",
        "--secret",
        "s",
        "--body",
        "x",
    ];
    let verify = [
        "verify",
        "--provider",
        "stripe",
        "--secret",
        "s",
        "--body",
        "x",
    ];
    let cases: Vec<Vec<&str>> = vec![
        vec!["trigger", "payment.succeeded", "--to", url, "-n", "-1"],
        vec!["trigger", "payment.succeeded", "--to", url, "-c", "-1"],
        vec![
            "trigger",
            "payment.succeeded",
            "--to",
            url,
            "--retries",
            "-1",
        ],
        vec![
            "trigger",
            "payment.succeeded",
            "--to",
            url,
            "--backoff",
            "-1s",
        ],
        vec![
            "trigger",
            "payment.succeeded",
            "--to",
            url,
            "--max-backoff",
            "-1s",
        ],
        vec![
            "trigger",
            "payment.succeeded",
            "--to",
            url,
            "--timeout",
            "-1s",
        ],
        vec!["replay", "--limit", "-1"],
        vec!["replay", "--rate", "-1"],
        vec!["replay", "-c", "-1"],
        vec!["replay", "--timeout", "-5s"],
        vec!["logs", "--since", "-5m"],
        vec!["logs", "--until", "-1h"],
        vec!["logs", "--limit", "-1"],
        vec!["logs", "prune", "--older-than", "-1h"],
        vec!["load", url, "-c", "-1"],
        vec!["load", url, "-n", "-1"],
        vec!["load", url, "-d", "-5s"],
        vec!["load", url, "--rate", "-1"],
        vec!["load", url, "--timeout", "-1s"],
        vec!["load", url, "--log-sample", "-1"],
        vec!["load", url, "--rate", "10", "--stage", "-5s:100"],
        vec!["load", url, "--rate", "10", "--stage", "5s:-100"],
        vec!["load", url, "--rate", "10", "--burst", "-1@5s"],
        vec!["load", url, "--rate", "10", "--burst", "5@-1s"],
        vec!["validate", url, "--probes", "-1"],
        vec!["validate", url, "--timeout", "-1s"],
        vec!["validate", url, "--slow", "-1s"],
        vec!["validate", url, "--large-payload", "-1"],
        vec!["monitor", url, "--interval", "-1s"],
        vec!["monitor", url, "--timeout", "-1s"],
        vec!["monitor", url, "--down-after", "-1"],
        vec!["monitor", url, "--window", "-1"],
        vec!["monitor", url, "--degraded", "-1s"],
        vec!["listen", "--port", "-1"],
        vec!["listen", "--respond", "-1"],
        vec!["listen", "--timeout", "-1s"],
        vec!["relay", "--buffer-max", "-1"],
        vec!["relay", "--max-in-flight", "-1"],
        vec!["relay", "--max-body", "-1"],
        vec!["relay", "--threads", "-1"],
        vec!["relay", "--request-timeout", "-1s"],
        vec!["relay", "--buffer-ttl", "-1h"],
        vec!["relay", "--header-timeout", "-1s"],
        [&sign[..], &["--timestamp", "-1"]].concat(),
        [&verify[..], &["--now", "-1"]].concat(),
        [&verify[..], &["--tolerance", "-5m"]].concat(),
    ];
    for args in cases {
        let out = hookctl(&dir)
            .args(&args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("out of range"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

/// A value that cannot be right is refused before anything is signed or sent: an empty secret
/// (often an unset variable), a URL that is not one, a method with a space.
#[test]
fn empty_secrets_partial_urls_and_spaced_methods_are_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "sign",
                "--provider",
                "stripe",
                "--secret",
                "",
                "--body",
                "x",
            ],
            "the secret is empty",
        ),
        (
            vec![
                "sign",
                "--provider",
                "stripe",
                "--secret",
                "  ",
                "--body",
                "x",
            ],
            "the secret is empty",
        ),
        (
            vec![
                "sign",
                "--provider",
                "twilio",
                "--secret",
                "s",
                "--body",
                "x",
                "--url",
                "not a url",
            ],
            "is not a full http(s) URL",
        ),
        (
            vec![
                "sign",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "--method",
                "GE T",
            ],
            "is not an HTTP method",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "",
                "--body",
                "x",
            ],
            "the secret is empty",
        ),
        (
            vec![
                "verify",
                "--provider",
                "twilio",
                "--secret",
                "s",
                "--body",
                "x",
                "--url",
                "/webhooks",
            ],
            "is not a full http(s) URL",
        ),
        (
            vec![
                "verify",
                "--provider",
                "stripe",
                "--secret",
                "s",
                "--body",
                "x",
                "--method",
                "GE T",
            ],
            "is not an HTTP method",
        ),
        (
            vec![
                "trigger",
                "payment.succeeded",
                "--to",
                "http://127.0.0.1:9/",
                "--secret",
                "",
            ],
            "the secret is empty",
        ),
        (
            vec!["replay", "--resign", "--secret", ""],
            "the secret is empty",
        ),
        (
            vec!["validate", "http://127.0.0.1:9/", "--secret", " "],
            "the secret is empty",
        ),
        (
            vec!["listen", "--verify-provider", "stripe", "--secret", ""],
            "the secret is empty",
        ),
        (vec!["init", "--secret", "stripe="], "the secret is empty"),
        (vec!["init", "--secret", "stripe= "], "the secret is empty"),
    ];
    for (args, needle) in cases {
        let out = hookctl(&dir).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed a result");
    }
    // An empty HOOKCTL_SECRET is the same mistake as an empty --secret.
    for cmd in ["sign", "verify"] {
        let out = hookctl(&dir)
            .args([cmd, "--provider", "stripe", "--body", "x"])
            .env("HOOKCTL_SECRET", "")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("empty"), "{cmd}: {err}");
    }
    // And so is an empty secret in the config file.
    std::fs::write(dir.path().join("config.toml"), "[secrets]\nstripe = \"\"\n").unwrap();
    for args in [
        &["sign", "--provider", "stripe", "--body", "x"][..],
        &["verify", "--provider", "stripe", "--body", "x"],
        &[
            "trigger",
            "stripe.charge.succeeded",
            "--to",
            "http://127.0.0.1:9/",
        ],
    ] {
        let out = hookctl(&dir).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("the config file's secret for stripe is empty"),
            "{args:?}: {err}"
        );
    }
}

/// A header value with CR or LF would smuggle in another header; a timeout of 0 fails every
/// request. Both are refused as bad input on every command that takes them.
#[test]
fn header_injection_and_zero_timeouts_are_bad_input_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let url = "http://127.0.0.1:9/";
    let bad = "X-A: a\r\nInjected: 1";
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "sign",
            "--provider",
            "stripe",
            "--secret",
            "s",
            "--body",
            "x",
            "-H",
            bad,
        ],
        vec![
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "s",
            "--body",
            "x",
            "-H",
            bad,
        ],
        vec!["trigger", "payment.succeeded", "--to", url, "-H", bad],
        vec!["load", url, "-H", bad],
        vec!["validate", url, "-H", bad],
        vec!["monitor", url, "--once", "-H", bad],
        vec![
            "trigger",
            "payment.succeeded",
            "--to",
            url,
            "--timeout",
            "0",
        ],
        vec!["replay", "--timeout", "0"],
        vec!["load", url, "--timeout", "0"],
        vec!["validate", url, "--timeout", "0s"],
        vec!["monitor", url, "--interval", "0"],
        vec!["monitor", url, "--timeout", "0"],
        vec!["listen", "--timeout", "0"],
        vec!["relay", "--request-timeout", "0"],
        vec!["relay", "--header-timeout", "0s"],
        vec!["relay", "--buffer-ttl", "0"],
    ];
    for args in cases {
        let out = hookctl(&dir)
            .args(&args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("control character") || err.contains("longer than zero"),
            "{args:?}: {err}"
        );
    }
    // Refused before sending: nothing reached the log.
    let out = hookctl(&dir).args(["logs", "--json"]).output().unwrap();
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn empty_stdin_is_bad_input_but_an_explicit_empty_body_is_not() {
    let dir = tempfile::tempdir().unwrap();
    hookctl(&dir)
        .args(["sign", "--provider", "stripe", "--secret", "s"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stdin was empty"));
    hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "stripe",
            "--secret",
            "s",
            "--body",
            "",
        ])
        .assert()
        .code(0);
}

#[test]
fn an_invalid_config_file_is_exit_2_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[secrets]\nstripe = \"x\"\nbroken = \n",
    )
    .unwrap();
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--body",
            "x",
            "-H",
            "Stripe-Signature: t=1,v1=00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml"))
        .stderr(predicate::str::contains("line 3"));
}

#[test]
fn a_closed_stdout_pipe_exits_0_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookctl"))
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .args(["completions", "bash"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_color_and_never_keep_escape_codes_out() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_test", BODY, "1700000000");
    for (env, flag) in [(Some("1"), "--color=auto"), (None, "--color=never")] {
        let mut c = hookctl(&dir);
        if let Some(v) = env {
            c.env("NO_COLOR", v);
        }
        let out = c
            .args([
                "verify", flag, "--secret", "wrong", "--body", BODY, "-H", &header, "--now", NOW,
            ])
            .output()
            .unwrap();
        assert!(!out.stdout.contains(&0x1b), "escape codes with {flag}");
    }
    let out = hookctl(&dir)
        .args([
            "verify",
            "--color=always",
            "--secret",
            "wrong",
            "--body",
            BODY,
            "-H",
            &header,
            "--now",
            NOW,
        ])
        .output()
        .unwrap();
    assert!(
        out.stdout.contains(&0x1b),
        "--color=always printed no colour"
    );
}

#[test]
fn secrets_never_appear_in_output() {
    let dir = tempfile::tempdir().unwrap();
    let header = stripe_header(&dir, "whsec_topsecret", BODY, "1700000000");
    for extra in [vec![], vec!["--json"]] {
        let out = hookctl(&dir)
            .args([
                "verify",
                "--secret",
                "whsec_topsecret_wrong",
                "--body",
                BODY,
                "-H",
                &header,
                "--now",
                NOW,
            ])
            .args(&extra)
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !String::from_utf8_lossy(&all).contains("topsecret"),
            "secret leaked"
        );
    }
    let mut input = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookctl"));
    let _ = input
        .arg("--help")
        .output()
        .map(|o| std::io::sink().write_all(&o.stdout));
}

#[test]
fn asymmetric_schemes_sign_with_a_private_key_and_verify_with_a_public_key_file() {
    let dir = tempfile::tempdir().unwrap();
    for provider in ["discord", "sendgrid", "standard-webhooks"] {
        let scheme = hookctl::signature::Registry::builtin()
            .get(provider)
            .unwrap();
        let key = scheme.new_key(&[5; 32]);
        let (Some(private), Some(public)) = (key.private_key, key.public_key) else {
            panic!("{provider}: no key pair")
        };
        let key_file = dir.path().join(format!("{provider}.pub"));
        std::fs::write(&key_file, &public).unwrap();
        let mut sign = hookctl(&dir);
        sign.args([
            "sign",
            "--provider",
            provider,
            "--private-key",
            &private,
            "--body",
            BODY,
            "--timestamp",
            "1700000000",
        ]);
        if provider == "standard-webhooks" {
            sign.args(["--variant", "v1a"]);
        }
        let out = sign.output().unwrap();
        assert!(
            out.status.success(),
            "{provider}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut verify = hookctl(&dir);
        verify
            .args([
                "verify",
                "--provider",
                provider,
                "--body",
                BODY,
                "--now",
                NOW,
                "--public-key",
            ])
            .arg(&key_file);
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            verify.args(["-H", line]);
        }
        verify.assert().code(0);
    }
}

#[test]
fn an_unreadable_key_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "discord",
            "--private-key",
            "zzzz",
            "--body",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("private key"));
    let scheme = hookctl::signature::Registry::builtin()
        .get("discord")
        .unwrap();
    let key = scheme.new_key(&[5; 32]);
    let out = hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "discord",
            "--private-key",
            key.private_key.as_deref().unwrap(),
            "--body",
            "x",
            "--timestamp",
            "1700000000",
        ])
        .output()
        .unwrap();
    let mut verify = hookctl(&dir);
    verify.args([
        "verify",
        "--provider",
        "discord",
        "--public-key",
        "not-a-key",
        "--body",
        "x",
        "--now",
        NOW,
    ]);
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        verify.args(["-H", line]);
    }
    verify
        .assert()
        .code(2)
        .stderr(predicate::str::contains("public key"));
}

#[test]
fn providers_shows_one_scheme_in_detail() {
    let dir = tempfile::tempdir().unwrap();
    hookctl(&dir)
        .args(["providers", "hubspot"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("variants"))
        .stdout(predicate::str::contains("X-HubSpot-Signature-v3"));
    hookctl(&dir)
        .args(["providers", "stripe"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "sdk checks a timestamp not older than 5 min; a future one is accepted",
        ))
        .stdout(predicate::str::contains("read from  stripe 16.1.0 (PyPI)"));
    hookctl(&dir)
        .args(["providers", "hubspto"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'hubspot'"));
}

#[test]
fn init_secret_over_a_saved_one_needs_force_and_keeps_the_files_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let text = "# team defaults\n[secrets]\nstripe = \"whsec_live_receiver\"  # do not rotate on Fridays\n";
    std::fs::write(&path, text).unwrap();
    let out = hookctl(&dir)
        .args(["init", "--secret", "stripe=whsec_new"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // The same value again changes nothing, so it needs no --force.
    hookctl(&dir)
        .args(["init", "--secret", "stripe=whsec_live_receiver"])
        .assert()
        .code(0);
    hookctl(&dir)
        .args(["init", "--secret", "stripe=whsec_new", "--force"])
        .args(["--secret", "github=gh_secret"])
        .assert()
        .code(0);
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.starts_with("# team defaults\n[secrets]\n"), "{now}");
    assert!(
        now.contains("stripe = \"whsec_new\"  # do not rotate on Fridays\n"),
        "{now}"
    );
    assert!(now.contains("github = \"gh_secret\""), "{now}");
}

#[test]
fn sign_without_provider_uses_the_default_provider_init_saves() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["sign", "--body", BODY])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--provider") && err.contains("hookctl init"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("config.toml"),
        "default_provider = \"stripe\"  # what this shop uses\n[secrets]\nstripe = \"whsec_abc\"\n",
    )
    .unwrap();
    let out = hookctl(&dir)
        .args(["sign", "--body", BODY, "--timestamp", "1700000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        stripe_header(&dir, "whsec_abc", BODY, "1700000000")
    );
}

#[test]
fn init_warns_when_an_api_key_is_saved_as_a_signing_secret() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["init", "--secret", "stripe=sk_live_abc"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning:") && err.contains("Stripe secret API key"),
        "{err}"
    );
}
