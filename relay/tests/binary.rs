//! The `hookctl-relay` binary keeps the CLI's contract for bad input: one error line, exit 2.

use std::process::Command;

#[test]
fn bad_input_is_one_line_and_exit_2() {
    for args in [
        &["--offline", "buffer"][..],
        &["--offline", "sometimes"],
        &["--max-body", "lots"],
        &["--threads", "0"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        // One error line, clap's own errors included.
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn negative_numbers_and_durations_are_out_of_range_not_unknown_flags() {
    for args in [
        &["--buffer-max", "-1"][..],
        &["--max-in-flight", "-1"],
        &["--threads", "-1"],
        &["--max-body", "-1"],
        &["--request-timeout", "-1s"],
        &["--buffer-ttl", "-1h"],
        &["--header-timeout", "-5s"],
        &["--listen", "127.0.0.1:-1"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("out of range"), "{args:?}: {err}");
        assert!(
            err.contains("see 'hookctl-relay --help'"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn an_empty_or_blank_token_is_bad_input_not_an_open_relay() {
    // (flag, environment): `--token "$UNSET"` and `HOOKCTL_RELAY_TOKEN=` must not open the relay.
    for (flag, env) in [
        (Some(""), None),
        (Some("   "), None),
        (None, Some("")),
        (None, Some("  ")),
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"));
        cmd.args(["--listen", "127.0.0.1:0"])
            .env_remove("HOOKCTL_RELAY_TOKEN")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(t) = flag {
            cmd.args(["--token", t]);
        }
        if let Some(t) = env {
            cmd.env("HOOKCTL_RELAY_TOKEN", t);
        }
        let mut child = cmd.spawn().unwrap();
        // A relay that starts anyway would serve until stopped: give it a few seconds.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
        }
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag:?} {env:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{flag:?} {env:?}: {err}");
        assert!(
            err.starts_with("error: ") && err.contains("HOOKCTL_RELAY_TOKEN"),
            "{flag:?} {env:?}: {err}"
        );
    }
}

#[test]
fn help_and_version_print_in_full_and_exit_0() {
    for flag in ["--help", "--version"] {
        let out = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
            .arg(flag)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(out.stderr.is_empty(), "{flag}");
        assert!(!out.stdout.is_empty(), "{flag}");
    }
}

/// `--listen localhost:PORT` binds the name's IPv4 address, as `curl localhost:PORT` reaches it.
#[test]
fn listen_takes_a_host_name_and_binds_its_ipv4_address() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
        .args(["--listen", "localhost:0"])
        .env("RUST_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let line = lines
        .find_map(|l| l.ok().filter(|l| l.contains("listening on")))
        .unwrap_or_default();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(line.contains("listening on 127.0.0.1:"), "{line}");
}
