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
