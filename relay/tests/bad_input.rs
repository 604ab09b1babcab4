//! A sweep of bad invocations of the real `hookctl-relay` binary: each exits 2 (bad input) or 3
//! (runtime failure) with exactly one line on stderr, and none panics or hangs (the `hookctl`
//! sweep is tests/bad_input.rs at the root).

use std::path::Path;
use std::time::Duration;

/// `@name` in an argument is a path in the test's directory; `@busy` an address in use.
const CASES: &[&[&str]] = &[
    &["--bogus"],
    &["positional"],
    &["--offline", "buffer"],
    &["--offline", "sometimes"],
    &["--max-body", "lots"],
    &["--max-body", "-1"],
    &["--max-body", "5XB"],
    &["--max-body", "99999999999999GiB"],
    &["--threads", "0"],
    &["--threads", "-1"],
    &["--threads", "2000"],
    &["--threads", "abc"],
    &["--buffer-max", "-1"],
    &["--buffer-max", "abc"],
    &["--max-in-flight", "0"],
    &["--max-in-flight", "-1"],
    &["--request-timeout", "0"],
    &["--request-timeout", "-1s"],
    &["--request-timeout", "soon"],
    &["--buffer-ttl", "0"],
    &["--buffer-ttl", "soon"],
    &["--header-timeout", "-1s"],
    &["--heartbeat", "0"],
    &["--listen", "nowhere"],
    &["--listen", "localhost:-1"],
    &["--listen", "localhost:70000"],
    &["--listen", ":80"],
    &["--listen", "[::1"],
    &["--listen", "@busy"],
    &["--public-url", "not a url"],
    &["--public-url", "ftp://relay.example.com"],
    &["--tokens-file", "@nonexistent"],
    &["--tls-cert", "@nonexistent"],
    &["--tls-cert", "@nonexistent", "--tls-key", "@nonexistent"],
    &["--tls-cert", "@garbage.pem", "--tls-key", "@garbage.pem"],
    &["--data-dir", "@garbage.pem"],
    &["--tls-key", "@nonexistent"],
    &["--domain", "localhost"],
    &["--domain", "10.0.0.1"],
    &["--domain", "*.example.com"],
    &["--domain", "hooks.example.com"],
    &["--acme-directory", "https://acme.example.com/dir"],
    &["--http-listen", "127.0.0.1:0"],
    &[
        "--domain",
        "hooks.example.com",
        "--data-dir",
        "@acme",
        "--acme-directory",
        "ftp://acme.example.com/dir",
    ],
    &[
        "--domain",
        "hooks.example.com",
        "--data-dir",
        "@acme",
        "--acme-directory",
        "https://127.0.0.1:1/dir",
    ],
    &[
        "--domain",
        "hooks.example.com",
        "--data-dir",
        "@acme",
        "--acme-ca-cert",
        "@garbage.pem",
    ],
    &[
        "--domain",
        "hooks.example.com",
        "--data-dir",
        "@acme",
        "--ca-cert",
        "@nonexistent",
    ],
    // Trusting a CA matters only to ACME: without --domain it would be silently ignored.
    &["--listen", "127.0.0.1:0", "--ca-cert", "@garbage.pem"],
    &["--cluster", "redis://127.0.0.1:1"],
    &["--cluster", "not a url", "--node-url", "http://127.0.0.1:1"],
    &["--cluster", "redis://127.0.0.1:1", "--node-url", "nowhere"],
];

#[test]
fn every_bad_invocation_exits_2_or_3_with_one_line_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("garbage.pem"), "not a certificate\n").unwrap();
    // Held for the whole sweep, so that --listen on it fails to bind.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = busy.local_addr().unwrap().to_string();
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            check(dir.path(), &busy, case)
                .err()
                .map(|why| format!("{case:?}: {why}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases broke the contract:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

fn check(dir: &Path, busy: &str, case: &[&str]) -> Result<(), String> {
    let args: Vec<String> = case
        .iter()
        .map(|a| match a.strip_prefix('@') {
            Some("busy") => busy.to_string(),
            Some(name) => dir.join(name).to_string_lossy().into_owned(),
            None => a.to_string(),
        })
        .collect();
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
        .args(&args)
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .timeout(Duration::from_secs(20))
        .output()
        .map_err(|e| format!("did not run: {e}"))?;
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("panicked") {
        return Err(format!("panicked: {err}"));
    }
    match out.status.code() {
        Some(2 | 3) => {}
        other => return Err(format!("exit {other:?} (a timeout shows as None): {err}")),
    }
    if err.lines().count() != 1 || !err.starts_with("error: ") {
        return Err(format!("not one error line: {err:?}"));
    }
    Ok(())
}

/// Runs the relay on a free port with `args`: (exit code, stderr).
fn run_relay(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .envs(env.iter().copied())
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Flags, environment, the exit code expected, and a word the error must name.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], i32, &'a str);

#[test]
fn a_malformed_or_incomplete_cluster_is_bad_input_and_an_unreachable_redis_a_runtime_failure() {
    // A port nothing listens on: Redis is unreachable there.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let redis = format!("redis://127.0.0.1:{dead}");
    let node = "http://127.0.0.1:9";
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_string_lossy().into_owned();
    let cases: &[Case] = &[
        (
            &["--cluster", "not a url", "--node-url", node],
            &[],
            2,
            "--cluster",
        ),
        (
            &["--cluster", "http://127.0.0.1:6379", "--node-url", node],
            &[],
            2,
            "redis://",
        ),
        (
            &["--cluster", "rediss://127.0.0.1:6380", "--node-url", node],
            &[],
            2,
            "not supported",
        ),
        (
            &["--cluster", "redis://", "--node-url", node],
            &[],
            2,
            "--cluster",
        ),
        (&["--cluster", &redis], &[], 2, "--node-url"),
        (&[], &[("HOOKCTL_RELAY_CLUSTER", &redis)], 2, "--node-url"),
        (
            &["--cluster", &redis, "--node-url", "not a url"],
            &[],
            2,
            "--node-url",
        ),
        (&["--cluster", &redis, "--node-url", node], &[], 3, "redis"),
        (
            &[
                "--cluster",
                &redis,
                "--node-url",
                node,
                "--domain",
                "hooks.example.com",
                "--data-dir",
                &data,
            ],
            &[],
            2,
            "load balancer",
        ),
        (
            &[
                "--cluster",
                &redis,
                "--node-url",
                node,
                "--tls-cert",
                "relay.crt",
                "--tls-key",
                "relay.key",
            ],
            &[],
            2,
            "load balancer",
        ),
        (
            &["--node-url", node],
            &[("HOOKCTL_RELAY_CLUSTER", &redis)],
            3,
            "redis",
        ),
    ];
    for (args, env, code, names) in cases {
        let (got, err) = run_relay(args, env);
        assert_eq!(got, Some(*code), "{args:?} {env:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?} {env:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?} {env:?}: {err}");
        assert!(
            err.contains(names),
            "{args:?} {env:?} should name {names}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?} {env:?}: {err}");
    }
}
