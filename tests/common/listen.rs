//! `hookctl listen` as a process for tests: started with its own log and config, waited for
//! until Ready, stopped as Ctrl-C would or killed with -9; and a relay's metrics, read and waited
//! for. Shared through `#[path]` by the test files that run listen.

#![allow(dead_code)]

#[path = "../../relay/tests/http_get/mod.rs"]
mod http_get;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use hookctl::store::{Query, Store};

pub struct Listen {
    pub child: Child,
    stderr: mpsc::Receiver<String>,
    pub url: String,
    pub db: std::path::PathBuf,
    pub dir: tempfile::TempDir,
}

impl Listen {
    /// Starts `hookctl listen ARGS --port 0` and waits for its Ready line.
    pub fn start(args: &[&str]) -> Listen {
        Listen::start_in(tempfile::tempdir().unwrap(), args)
    }

    /// As `start`, with the delivery log and config in `dir` (`log.db`, `config.toml`).
    pub fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Listen {
        let db = dir.path().join("log.db");
        let ready = dir.path().join("ready.txt");
        let mut child = Command::new(cargo_bin("hookctl"))
            .args([
                "--json",
                "--db",
                db.to_str().unwrap(),
                "listen",
                "--port",
                "0",
            ])
            .args(["--ready-file", ready.to_str().unwrap()])
            .args(args)
            .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
            .env_remove("HOOKCTL_SECRET")
            .env_remove("HOOKCTL_RELAY_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, stderr) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut l = Listen {
            child,
            stderr,
            url: String::new(),
            db,
            dir,
        };
        let ready_line = l.wait_stderr("Ready: ");
        let url = ready_line
            .strip_prefix("Ready: ")
            .unwrap()
            .split(" -> ")
            .next()
            .unwrap()
            .to_string();
        assert_eq!(
            std::fs::read_to_string(&ready).unwrap(),
            format!("{url}\n"),
            "--ready-file holds the URL alone on one line"
        );
        l.url = url;
        l
    }

    /// The first stderr line starting with `prefix`, within 15 s of the one before.
    pub fn wait_stderr(&mut self, prefix: &str) -> String {
        self.wait_stderr_within(prefix, Duration::from_secs(15))
    }

    pub fn wait_stderr_within(&mut self, prefix: &str, patience: Duration) -> String {
        loop {
            match self.stderr.recv_timeout(patience) {
                Ok(line) if line.starts_with(prefix) => return line,
                Ok(_) => {}
                Err(_) => panic!("no stderr line starting with {prefix:?}"),
            }
        }
    }

    /// Stops listen (SIGINT as Ctrl-C would), returns its stdout lines as JSON.
    pub fn stop(self) -> Vec<serde_json::Value> {
        self.stop_keeping_dir().0
    }

    /// Kills listen with SIGKILL (nothing of it runs on), keeping the folder of its log.
    pub fn kill(mut self) -> tempfile::TempDir {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        self.dir
    }

    /// As `stop`, keeping the folder that holds the delivery log.
    pub fn stop_keeping_dir(mut self) -> (Vec<serde_json::Value>, tempfile::TempDir) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let status = self.child.wait().unwrap();
        assert!(status.success(), "listen exited {status}");
        let mut out = String::new();
        self.child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let lines = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, self.dir)
    }

    /// The log once it holds `n` records: the sender can have its answer (Content-Length says
    /// it is whole) a moment before listen has finished writing the record.
    pub fn records_when(&self, n: usize) -> Vec<hookctl::store::Record> {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let all = self.records();
            if all.len() >= n || std::time::Instant::now() > deadline {
                return all;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn records(&self) -> Vec<hookctl::store::Record> {
        let store = Store::open(&self.db).unwrap();
        let mut all = Vec::new();
        store
            .scan(
                &Query {
                    oldest_first: true,
                    ..Default::default()
                },
                |_, r| {
                    all.push(r);
                    Ok(true)
                },
            )
            .unwrap();
        all
    }
}

/// Sends one HTTP/1.1 request; returns the status and body.
pub fn post(url: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, Vec<u8>) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, base) = rest.split_once('/').unwrap();
    let mut s = TcpStream::connect(host).unwrap();
    let mut req = format!(
        "POST /{base}{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (n, v) in headers {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let head_end = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = String::from_utf8_lossy(&out[9..12]).parse().unwrap();
    (status, out[head_end + 4..].to_vec())
}

/// A metric of the relay at `addr` (on 127.0.0.1), read from `/metrics`.
pub fn metric(addr: std::net::SocketAddr, name: &str) -> f64 {
    http_get::metric(addr.port(), name)
        .unwrap_or_else(|| panic!("no metric {name} in {addr}'s /metrics"))
}

/// Polls a relay metric until it has `want`: the relay updates it just after the event.
pub fn wait_metric(addr: std::net::SocketAddr, name: &str, want: f64) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while metric(addr, name) != want {
        assert!(
            std::time::Instant::now() < deadline,
            "{name} never reached {want}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn relay_opts() -> hookctl_relay::server::options::RelayOptions {
    hookctl_relay::server::options::RelayOptions::from_flags(&[]).unwrap()
}
