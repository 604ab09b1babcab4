//! The command-line contract through the real binary: exit codes, `--json` shapes, explanations,
//! config, bad input — what scripts and users rely on (SPEC.md).

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
        if !args.contains(&"--unknown-flag") {
            assert_eq!(
                err.trim().lines().count(),
                1,
                "{args:?}: not one line: {err}"
            );
        }
    }
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
