//! A real Redis on loopback for the cluster tests: Debian's `redis-server` on a free port with its
//! own temporary directory and the append-only file fsynced on every write, so that a `kill -9`
//! and a restart on the same port and directory keep everything Redis acknowledged. Readiness is
//! polled with PING, never slept for. Shared by the relay's tests and `hookctl`'s
//! (tests/relay_cluster_faults.rs includes this file); each also declares http_get/mod.rs as
//! `http_get` at its crate root.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http_get::free_port;

const SERVER: &str = "/usr/bin/redis-server";

pub struct Redis {
    child: Option<Child>,
    pub port: u16,
    dir: PathBuf,
    /// Held so the directory (and the AOF in it) lives as long as the server.
    _tmp: Option<tempfile::TempDir>,
    /// How many times the server was started (its logs are numbered by it).
    starts: u32,
}

impl Redis {
    /// Starts a Redis in a temporary directory of its own.
    pub fn start() -> Redis {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let mut r = Redis::start_in(&dir);
        r._tmp = Some(tmp);
        r
    }

    /// Starts a Redis keeping its data in `dir`, on a free port.
    pub fn start_in(dir: &Path) -> Redis {
        assert!(
            Path::new(SERVER).exists(),
            "{SERVER} is missing: scripts/install-test-deps installs it (apt-get install redis-server)"
        );
        std::fs::create_dir_all(dir).unwrap();
        let mut r = Redis {
            child: None,
            port: free_port(),
            dir: dir.to_path_buf(),
            _tmp: None,
            starts: 0,
        };
        r.launch();
        r
    }

    /// `redis://127.0.0.1:PORT`, what `--cluster` takes.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Whether the server answers PING with PONG now (not while it loads its AOF).
    pub fn ping(&self) -> bool {
        ping(self.port)
    }

    /// Kills the server with SIGKILL, as a crash would: no shutdown, no last save.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts the server again on the same port and directory (after `kill9`), and waits until
    /// it has loaded its AOF and answers.
    pub fn restart(&mut self) {
        self.kill9();
        self.launch();
    }

    fn launch(&mut self) {
        self.starts += 1;
        let log = |ext: &str| {
            Stdio::from(
                std::fs::File::create(self.dir.join(format!("redis-{}.{ext}", self.starts)))
                    .unwrap(),
            )
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut child = Command::new(SERVER)
                .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
                .arg("--dir")
                .arg(&self.dir)
                .args([
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "always",
                    "--save",
                    "",
                ])
                .args(["--daemonize", "no", "--protected-mode", "yes"])
                .stdout(log("log"))
                .stderr(log("err"))
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {SERVER}: {e}"));
            let up = loop {
                if ping(self.port) {
                    break true;
                }
                // A restart right after a kill may find the port not yet free: try again.
                if let Ok(Some(_)) = child.try_wait() {
                    break false;
                }
                assert!(
                    Instant::now() < deadline,
                    "redis-server on port {} did not answer PING within 30 s: {}",
                    self.port,
                    self.log_tail()
                );
                std::thread::sleep(Duration::from_millis(20));
            };
            if up {
                self.child = Some(child);
                return;
            }
            assert!(
                Instant::now() < deadline,
                "redis-server on port {} kept exiting: {}",
                self.port,
                self.log_tail()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(self.dir.join(format!("redis-{}.log", self.starts)))
            .unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(5)..].join(" | ")
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// One PING in Redis's wire protocol; true on `+PONG` (a loading server answers `-LOADING`).
fn ping(port: u16) -> bool {
    let Ok(mut tcp) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(2)));
    if tcp.write_all(b"*1\r\n$4\r\nPING\r\n").is_err() {
        return false;
    }
    let mut buf = [0u8; 64];
    let mut got = Vec::new();
    while !got.ends_with(b"\r\n") {
        match tcp.read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    got.starts_with(b"+PONG")
}
