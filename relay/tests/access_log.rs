//! The real `hookctl-relay` binary writes one access line per request on stderr at its default
//! level, with tunnel, method, path and status, and never a body, a query or a header value; in
//! colour only on a terminal.

mod common;

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bytes::Bytes;
use common::*;
use tokio::sync::mpsc;

/// The running binary, killed when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The next stderr line that contains `needle`, within 10 s.
async fn line_with(lines: &mut mpsc::UnboundedReceiver<String>, needle: &str) -> String {
    tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let line = lines.recv().await.expect("the relay's stderr ended");
            if line.contains(needle) {
                return line;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no stderr line with {needle:?} within 10 s"))
}

#[tokio::test]
async fn the_access_line_names_the_request_and_holds_no_body_query_or_header_value() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
        .args(["--listen", "127.0.0.1:0"])
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _running = Running(child);
    let (tx, mut lines) = mpsc::unbounded_channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    let started = line_with(&mut lines, "listening on ").await;
    let addr = started
        .split("listening on ")
        .nth(1)
        .and_then(|rest| rest.split(": ").next())
        .unwrap();

    let target = Target::start().await;
    let listener = Listener::start(client_opts(&format!("http://{addr}")), &target.url()).await;
    let tunnel = listener.url.rsplit("/t/").next().unwrap().to_string();
    let (status, _, _) = send(
        &listener.url,
        "POST",
        "/hooks/in?token=query-s3cret",
        &[("x-api-key", "header-s3cret")],
        Bytes::from_static(b"{\"card\":\"body-s3cret\"}"),
    )
    .await;
    assert_eq!(status, 201);

    let line = line_with(&mut lines, "hookctl_relay::access").await;
    // stderr is a pipe here, as under a service manager: no colour codes in what is logged.
    assert!(!line.contains('\u{1b}'), "colour codes in: {line:?}");
    for field in [
        format!("tunnel=\"{tunnel}\""),
        "method=\"POST\"".into(),
        "path=\"/hooks/in\"".into(),
        "status=201".into(),
    ] {
        assert!(line.contains(&field), "no {field} in: {line}");
    }
    for secret in ["query-s3cret", "header-s3cret", "body-s3cret", "token="] {
        assert!(!line.contains(secret), "{secret} in: {line}");
    }
    listener.stop().await;
}
