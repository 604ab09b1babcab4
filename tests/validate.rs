//! `hookctl validate` against real endpoints on loopback: strict, lax, slow, redirecting, a closed
//! port, and HTTPS with self-signed, expired and CA-issued certificates.

mod common;
mod endpoints;

use std::time::Duration;

use common::{hookctl, stdout_json};
use endpoints::{SECRET, Strictness, certs, sdk, serve, serve_tls};
use serde_json::Value;

const DOCUMENTED_IDS: &[&str] = &[
    "reachable",
    "tls",
    "signed_delivery",
    "rejects_bad_signature",
    "rejects_missing_signature",
    "rejects_stale_timestamp",
    "rejects_future_timestamp",
    "rejects_modified_body",
    "duplicate_delivery",
    "large_payload",
    "no_redirect",
    "latency",
];

fn status<'a>(report: &'a Value, id: &str) -> &'a str {
    check(report, id)["status"].as_str().unwrap()
}

fn detail<'a>(report: &'a Value, id: &str) -> &'a str {
    check(report, id)["detail"].as_str().unwrap()
}

fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report}"))
}

#[test]
fn a_strict_endpoint_passes_every_check_and_each_probe_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::strict(Strictness::default()));
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--probes", "3", "--json"])
        .output()
        .unwrap();
    let report = stdout_json(&out);
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!(report["url"], server.url("/hook"));
    assert_eq!(report["passed"], true);
    for id in DOCUMENTED_IDS {
        let want = if *id == "tls" { "warn" } else { "pass" };
        assert_eq!(status(&report, id), want, "{id}: {}", detail(&report, id));
    }
    assert_eq!(status(&report, "health_probe"), "info");
    assert!(detail(&report, "tls").contains("plain http"));
    assert!(detail(&report, "latency").contains("over 3 probes"));
    // The documented shape: every check has exactly these fields, with the statuses it names.
    for c in report["checks"].as_array().unwrap() {
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, ["id", "status", "detail", "duration_ms"]);
        assert!(c["duration_ms"].as_f64().unwrap() >= 0.0);
        assert!(["pass", "warn", "fail", "skip", "info"].contains(&c["status"].as_str().unwrap()));
    }

    let logs = hookctl(dir.path())
        .args(["logs", "--source", "validate", "--limit", "0", "--json"])
        .output()
        .unwrap();
    let records: Vec<Value> = String::from_utf8(logs.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 3 latency probes + signed, 5 forgeries, 2 duplicates, large, redirect, HEAD and GET.
    assert_eq!(records.len(), 3 + 1 + 5 + 2 + 1 + 1 + 2, "{records:#?}");
    assert!(records.iter().all(|r| r["source"] == "validate"));
    assert!(
        records
            .iter()
            .any(|r| r["response"]["status"] == 401 && r["provider"] == "standard-webhooks")
    );
}

#[test]
fn a_lax_endpoint_fails_every_signature_check() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::lax());
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--probes", "2", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(report["passed"], false);
    assert_eq!(status(&report, "signed_delivery"), "pass");
    for id in [
        "rejects_bad_signature",
        "rejects_missing_signature",
        "rejects_stale_timestamp",
        "rejects_future_timestamp",
        "rejects_modified_body",
    ] {
        assert_eq!(status(&report, id), "fail", "{id}");
        assert!(detail(&report, id).contains("accepted"), "{id}");
    }
    assert!(detail(&report, "rejects_bad_signature").contains("anyone can forge"));
    assert!(detail(&report, "rejects_missing_signature").contains("webhook-signature"));
}

#[test]
fn an_endpoint_refusing_everything_earns_no_credit_for_refusing_forgeries() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::refusing());
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--probes", "2", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(status(&report, "signed_delivery"), "fail");
    assert!(detail(&report, "signed_delivery").contains("401"));
    for id in [
        "rejects_bad_signature",
        "rejects_missing_signature",
        "rejects_stale_timestamp",
        "rejects_future_timestamp",
        "rejects_modified_body",
    ] {
        assert_eq!(status(&report, id), "skip", "{id}: {}", detail(&report, id));
        assert!(
            detail(&report, id).contains("correctly signed delivery was refused"),
            "{id}: {}",
            detail(&report, id)
        );
    }
}

#[test]
fn choosing_only_forgery_checks_still_gives_no_credit_to_an_endpoint_refusing_everything() {
    let dir = tempfile::tempdir().unwrap();
    let checks = "rejects_bad_signature,rejects_modified_body";
    for (router, want) in [
        (endpoints::refusing(), "skip"),
        (endpoints::strict(Strictness::default()), "pass"),
    ] {
        let server = serve(router);
        let out = hookctl(dir.path())
            .args(["validate", &server.url("/hook"), "--secret", SECRET])
            .args(["--checks", checks, "--json"])
            .output()
            .unwrap();
        let report = stdout_json(&out);
        let ids: Vec<&str> = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["rejects_bad_signature", "rejects_modified_body"]);
        for id in ids {
            assert_eq!(status(&report, id), want, "{id}: {}", detail(&report, id));
        }
    }
}

#[test]
fn a_slow_endpoint_warns_on_latency_and_strict_makes_that_fail() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::strict(Strictness {
        delay: Some(Duration::from_millis(300)),
    }));
    let run = |strict: bool| {
        let mut c = hookctl(dir.path());
        c.args(["validate", &server.url("/hook"), "--secret", SECRET])
            .args(["--checks", "signed_delivery,latency"])
            .args(["--slow", "150ms", "--probes", "2", "--json"]);
        if strict {
            c.arg("--strict");
        }
        c.output().unwrap()
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    assert_eq!(report["checks"].as_array().unwrap().len(), 2);
    assert_eq!(status(&report, "signed_delivery"), "warn");
    assert!(detail(&report, "signed_delivery").contains("slower than 150.0 ms"));
    assert_eq!(status(&report, "latency"), "warn");
    assert!(detail(&report, "latency").contains("p95"));
    let out = run(true);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_json(&out)["passed"], false);
}

#[test]
fn a_redirecting_endpoint_fails() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::redirecting());
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--checks", "signed_delivery,no_redirect", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(status(&report, "signed_delivery"), "fail");
    assert_eq!(status(&report, "no_redirect"), "fail");
    assert!(
        detail(&report, "no_redirect")
            .contains("answered 301 (to https://example.invalid/new-hook)")
    );
}

#[test]
fn a_closed_port_fails_reachable_with_the_reason_and_skips_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/hook");
    let out = hookctl(dir.path())
        .args(["validate", &url, "--secret", SECRET, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "✗ fail  reachable                  connection refused by 127.0.0.1:{port}: nothing is listening"
        )),
        "{text}"
    );
    assert!(
        text.contains("- skip  signed_delivery            not run: the endpoint is not reachable")
    );
    assert!(
        text.contains("1 passed, 1 failed, 12 skipped: FAILED"),
        "{text}"
    );
}

#[test]
fn a_self_signed_certificate_fails_tls_and_nothing_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let leaf = certs::self_signed();
    let server = serve_tls(endpoints::lax(), leaf.chain, leaf.key);
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--checks", "reachable,tls,signed_delivery", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(status(&report, "reachable"), "pass");
    assert_eq!(status(&report, "tls"), "fail");
    assert!(detail(&report, "tls").contains("self-signed"), "{report}");
    assert_eq!(status(&report, "signed_delivery"), "skip");
    let logged = hookctl(dir.path())
        .args(["logs", "--source", "validate", "--json"])
        .output()
        .unwrap();
    assert!(
        logged.stdout.is_empty(),
        "a probe was sent past a failed tls check"
    );
}

#[test]
fn an_expired_certificate_fails_tls_naming_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let leaf = certs::expired();
    let server = serve_tls(endpoints::lax(), leaf.chain, leaf.key);
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--checks", "tls", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(status(&report, "tls"), "fail");
    let d = detail(&report, "tls");
    assert!(d.contains("expired on") && d.contains("days ago"), "{d}");
}

#[test]
fn a_ca_issued_certificate_near_expiry_warns_and_deliveries_go_over_https() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, leaf) = certs::from_ca(5);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let server = serve_tls(
        endpoints::strict(Strictness::default()),
        leaf.chain,
        leaf.key,
    );
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--checks", "tls,signed_delivery,rejects_bad_signature"])
        .arg("--ca-cert")
        .arg(&ca)
        .arg("--json")
        .output()
        .unwrap();
    let report = stdout_json(&out);
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!(status(&report, "tls"), "warn");
    let d = detail(&report, "tls");
    assert!(
        d.starts_with("TLS 1.3") && d.contains("renew it now"),
        "{d}"
    );
    assert_eq!(status(&report, "signed_delivery"), "pass");
    assert_eq!(status(&report, "rejects_bad_signature"), "pass");
}

#[test]
fn junit_output_parses_as_junit_xml_with_one_testcase_per_check() {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::lax());
    let junit = dir.path().join("report.xml");
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--probes", "1", "--json", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    let checks = report["checks"].as_array().unwrap();
    let fails = checks.iter().filter(|c| c["status"] == "fail").count();
    assert!(fails >= 5);

    let xml = std::fs::read_to_string(&junit).unwrap();
    let mut reader = Reader::from_str(&xml);
    let mut stack: Vec<String> = Vec::new();
    let (mut cases, mut failures, mut root) = (Vec::new(), 0, None);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if stack.is_empty() {
                    let attr =
                        |k: &str| e.try_get_attribute(k).unwrap().map(|a| a.value.to_string());
                    root = Some((name.clone(), attr("tests"), attr("failures")));
                }
                if name == "testcase" {
                    let n = e.try_get_attribute("name").unwrap().unwrap();
                    cases.push(n.value.to_string());
                }
                if name == "failure" {
                    assert_eq!(stack.last().map(String::as_str), Some("testcase"));
                    failures += 1;
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                assert!(!stack.is_empty(), "empty element outside the root");
                drop(e);
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unbalanced XML");
    let (root, tests, root_failures) = root.unwrap();
    assert_eq!(root, "testsuites");
    assert_eq!(tests, Some(checks.len().to_string()));
    assert_eq!(root_failures, Some(fails.to_string()));
    assert_eq!(failures, fails);
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(cases, ids);
}

#[test]
fn an_endpoints_file_checks_each_endpoint_with_its_own_provider_and_secret() {
    let dir = tempfile::tempdir().unwrap();
    let strict = serve(endpoints::strict(Strictness::default()));
    let lax = serve(endpoints::lax());
    let file = dir.path().join("endpoints.toml");
    std::fs::write(
        &file,
        format!(
            "[[endpoint]]\nname = \"orders\"\nurl = \"{}\"\nsecret_env = \"ORDERS_SECRET\"\n\n\
             [[endpoint]]\nname = \"legacy\"\nurl = \"{}\"\nprovider = \"stripe\"\nsecret = \"whsec_other\"\n",
            strict.url("/hook"),
            lax.url("/hook")
        ),
    )
    .unwrap();
    let out = hookctl(dir.path())
        .env("ORDERS_SECRET", SECRET)
        .arg("--config")
        .arg(&file)
        .args(["validate", "--probes", "1", "--json"])
        .args(["--checks", "signed_delivery,rejects_bad_signature"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let reports = stdout_json(&out);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["name"], "orders");
    assert_eq!(reports[0]["passed"], true, "{:#}", reports[0]);
    assert_eq!(reports[0]["provider"], "standard-webhooks");
    assert_eq!(reports[1]["name"], "legacy");
    assert_eq!(reports[1]["provider"], "stripe");
    assert!(reports[1]["event"].as_str().unwrap().starts_with("stripe."));
    assert_eq!(reports[1]["passed"], false);

    // One endpoint by name, from the same file: the single-object form.
    let out = hookctl(dir.path())
        .env("ORDERS_SECRET", SECRET)
        .arg("--config")
        .arg(&file)
        .args([
            "validate",
            "orders",
            "--checks",
            "signed_delivery",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["name"], "orders");

    // Without the variable the file names, nothing is sent.
    let out = hookctl(dir.path())
        .env_remove("ORDERS_SECRET")
        .arg("--config")
        .arg(&file)
        .args(["validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("endpoint 'orders': secret_env names ORDERS_SECRET, which is not set"),
        "{err}"
    );
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["validate", "http://127.0.0.1:1/", "--checks", "sigs"],
            "unknown check 'sigs'",
        ),
        (
            &["validate", "ftp://127.0.0.1/x"],
            "use http:// or https://",
        ),
        (&["validate", "nowhere"], "neither a URL nor an endpoint"),
        (&["validate"], "no endpoint to check"),
        (
            &["validate", "http://127.0.0.1:1/", "--provider", "strpe"],
            "strpe",
        ),
        (
            &["validate", "http://127.0.0.1:1/", "--event", "no.such"],
            "no.such",
        ),
        (
            &["validate", "http://127.0.0.1:1/", "--large-payload", "big"],
            "--large-payload",
        ),
        (
            &["validate", "http://127.0.0.1:1/", "--timeout", "soon"],
            "--timeout 'soon'",
        ),
        (
            &[
                "validate",
                "http://127.0.0.1:1/",
                "--ca-cert",
                "/no/such.pem",
            ],
            "--ca-cert",
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
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
    let bad = dir.path().join("endpoints.toml");
    std::fs::write(&bad, "[[endpoint]]\nurl = \"http://x\"\nsecrett = 1\n").unwrap();
    let out = hookctl(dir.path())
        .arg("--config")
        .arg(&bad)
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("line 3"));
    // A configured timeout of 0 would fail every probe, as --timeout 0 would.
    std::fs::write(
        &bad,
        "[[endpoint]]\nname = \"zero\"\nurl = \"http://127.0.0.1:1/\"\ntimeout = \"0s\"\n",
    )
    .unwrap();
    let out = hookctl(dir.path())
        .arg("--config")
        .arg(&bad)
        .args(["validate", "--secret", SECRET])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("endpoint 'zero': timeout"), "{err}");
    assert!(err.contains("longer than zero"), "{err}");
    // An empty secret in a table signs with no key at all.
    std::fs::write(
        &bad,
        "[[endpoint]]\nname = \"blank\"\nurl = \"http://127.0.0.1:1/\"\nsecret = \" \"\n",
    )
    .unwrap();
    let out = hookctl(dir.path())
        .arg("--config")
        .arg(&bad)
        .arg("validate")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("endpoint 'blank': the secret is empty"),
        "{err}"
    );
}

#[test]
fn the_report_card_prints_each_check_and_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::strict(Strictness::default()));
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--secret", SECRET])
        .args(["--probes", "2", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with(&server.url("/hook")), "{first}");
    assert!(first.contains("signed as standard-webhooks, event standard-webhooks.contact.created"));
    assert!(text.contains("✓ pass  rejects_stale_timestamp    rejected a delivery signed 15 min ago (the window is 5 min): answered 401"), "{text}");
    assert!(
        text.contains("✓ pass  duplicate_delivery         answered 2xx both times"),
        "{text}"
    );
    assert!(
        text.contains("i info  health_probe               HEAD answered 405"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("12 passed, 1 warned: PASSED"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "colour with --color never");
}

#[test]
fn validate_only_reads_the_config_file_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let lax = serve(endpoints::lax());
    let file = dir.path().join("endpoints.toml");
    // No secret for the endpoint: validate signs with a key made for the run, and says so.
    let text = format!(
        "# staging endpoints, shared with the team\n\n[[endpoint]]\nname = \"orders\"   # the orders service\nurl = \"{}\"\nprovider = \"stripe\"\n",
        lax.url("/hook")
    );
    std::fs::write(&file, &text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    for quiet in [false, true] {
        let mut cmd = hookctl(dir.path());
        cmd.arg("--config").arg(&file);
        if quiet {
            cmd.arg("-q");
        }
        let out = cmd
            .args(["validate", "--probes", "1", "--checks", "signed_delivery"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "quiet {quiet}: {err}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            text,
            "quiet {quiet}: validate rewrote the file"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "quiet {quiet}");
        }
        assert_eq!(
            err.contains("made for this run only"),
            !quiet,
            "quiet {quiet}: {err}"
        );
    }
}

/// Runs the whole suite with `--strict` against an HTTPS endpoint (plain http would warn) for
/// `provider`, signed with `secret`; latency is not what these tests judge.
fn validate_strict(
    dir: &std::path::Path,
    ca: &std::path::Path,
    url: &str,
    provider: &str,
    secret: &str,
) -> (Option<i32>, Value) {
    let out = hookctl(dir)
        .args(["validate", url, "--provider", provider, "--secret", secret])
        .args(["--strict", "--probes", "2", "--slow", "10s", "--json"])
        .arg("--ca-cert")
        .arg(ca)
        .output()
        .unwrap();
    (out.status.code(), stdout_json(&out))
}

#[test]
fn strict_validate_passes_endpoints_that_check_what_their_providers_sdk_checks() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, leaf) = certs::from_ca(365);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    for (provider, secret, rule, future) in [
        ("stripe", "whsec_stripe_test", sdk::STRIPE_SDK, "advice"),
        (
            "standard-webhooks",
            SECRET,
            sdk::STANDARD_WEBHOOKS_SDK,
            "pass",
        ),
        ("github", "s3cret", sdk::GITHUB_SDK, "skip"),
    ] {
        let server = serve_tls(
            sdk::endpoint(provider, secret, rule),
            leaf.chain.clone(),
            leaf.key.clone(),
        );
        let (code, report) =
            validate_strict(dir.path(), &ca, &server.url("/hook"), provider, secret);
        assert_eq!(code, Some(0), "{provider}: {report:#}");
        assert_eq!(report["passed"], true);
        assert_eq!(
            status(&report, "rejects_future_timestamp"),
            future,
            "{provider}: {}",
            detail(&report, "rejects_future_timestamp")
        );
        for c in report["checks"].as_array().unwrap() {
            assert!(
                !["fail", "warn"].contains(&c["status"].as_str().unwrap()),
                "{provider}: {c}"
            );
        }
    }
}

#[test]
fn accepting_a_future_timestamp_is_advice_where_the_sdk_accepts_it_and_a_failure_where_it_does_not()
{
    let dir = tempfile::tempdir().unwrap();
    let stripe = serve(sdk::endpoint(
        "stripe",
        "whsec_stripe_test",
        sdk::STRIPE_SDK,
    ));
    let out = hookctl(dir.path())
        .args(["validate", &stripe.url("/hook"), "--provider", "stripe"])
        .args(["--secret", "whsec_stripe_test", "--json"])
        .args([
            "--checks",
            "rejects_stale_timestamp,rejects_future_timestamp",
        ])
        .output()
        .unwrap();
    let report = stdout_json(&out);
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!(status(&report, "rejects_stale_timestamp"), "pass");
    assert_eq!(status(&report, "rejects_future_timestamp"), "advice");
    let d = detail(&report, "rejects_future_timestamp");
    assert!(
        d.starts_with("accepted a delivery signed 15 min in the future")
            && d.contains("Stripe's official SDK accepts future timestamps")
            && d.contains("protects against a signing clock that runs ahead"),
        "{d}"
    );
    let card = hookctl(dir.path())
        .args(["validate", &stripe.url("/hook"), "--provider", "stripe"])
        .args(["--secret", "whsec_stripe_test", "--color", "never"])
        .args([
            "--checks",
            "rejects_stale_timestamp,rejects_future_timestamp",
        ])
        .output()
        .unwrap();
    let card = String::from_utf8(card.stdout).unwrap();
    assert!(
        card.contains("  ~ advice  rejects_future_timestamp   accepted a delivery")
            && card.contains("1 passed, 1 advised: PASSED"),
        "{card}"
    );

    // Standard Webhooks' SDK refuses a future timestamp: a handler that skips that fails.
    let lenient = serve(sdk::endpoint("standard-webhooks", SECRET, sdk::STRIPE_SDK));
    let out = hookctl(dir.path())
        .args([
            "validate",
            &lenient.url("/hook"),
            "--secret",
            SECRET,
            "--json",
        ])
        .args([
            "--checks",
            "rejects_stale_timestamp,rejects_future_timestamp",
        ])
        .output()
        .unwrap();
    let report = stdout_json(&out);
    assert_eq!(out.status.code(), Some(1), "{report:#}");
    assert_eq!(status(&report, "rejects_stale_timestamp"), "pass");
    assert_eq!(status(&report, "rejects_future_timestamp"), "fail");
    assert!(
        detail(&report, "rejects_future_timestamp")
            .contains("as Standard Webhooks' official SDK does"),
        "{report:#}"
    );
}

#[test]
fn strict_validate_still_fails_an_endpoint_that_checks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, leaf) = certs::from_ca(365);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let server = serve_tls(endpoints::lax(), leaf.chain, leaf.key);
    let (code, report) = validate_strict(
        dir.path(),
        &ca,
        &server.url("/hook"),
        "stripe",
        "whsec_stripe_test",
    );
    assert_eq!(code, Some(1), "{report:#}");
    assert_eq!(report["passed"], false);
    for id in [
        "rejects_bad_signature",
        "rejects_missing_signature",
        "rejects_stale_timestamp",
        "rejects_modified_body",
    ] {
        assert_eq!(status(&report, id), "fail", "{id}");
    }
}

#[test]
fn the_timestamp_checks_say_why_they_skip_a_scheme_that_signs_its_time_in_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(endpoints::lax());
    let out = hookctl(dir.path())
        .args(["validate", &server.url("/hook"), "--provider", "linear"])
        .args(["--secret", "lin_wh_test", "--json"])
        .args([
            "--checks",
            "rejects_stale_timestamp,rejects_future_timestamp",
        ])
        .output()
        .unwrap();
    let report = stdout_json(&out);
    for id in ["rejects_stale_timestamp", "rejects_future_timestamp"] {
        assert_eq!(status(&report, id), "skip", "{id}");
        let d = detail(&report, id);
        assert!(
            d.starts_with("Linear signs its time inside the body")
                && !d.contains("signs no timestamp"),
            "{d}"
        );
    }
}
