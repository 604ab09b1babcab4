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
        // One error line; clap may indent the possible values under it and adds its hint.
        let said: Vec<&str> = err
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with(' '))
            .collect();
        assert!(said[0].starts_with("error: "), "{args:?}: {err}");
        assert!(
            said.len() == 1 || said[1..] == ["For more information, try '--help'."],
            "{args:?}: {err}"
        );
    }
}
