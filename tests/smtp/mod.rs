//! A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd) running
//! tests/smtp/server.py in the test's own temp dir, on a free port, with AUTH and STARTTLS (or
//! TLS from the first byte) required and a certificate from a CA made for the test; every
//! session event comes back as JSON.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::Value;

/// Debian's interpreter, where python3-aiosmtpd installs (a pyenv or venv python may lack it).
const PYTHON: &str = "/usr/bin/python3";

pub const USER: &str = "alerts@example.com";
pub const PASSWORD: &str = "s3cret-smtp-pass";

pub struct Smtp {
    child: Child,
    pub port: u16,
    events: Arc<Mutex<Vec<Value>>>,
    /// The CA that signed the server's certificate, for --ca-cert.
    pub ca: PathBuf,
    _dir: tempfile::TempDir,
}

fn pem(label: &str, der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        lines.join("\n")
    )
}

impl Smtp {
    /// Starts the server: `mode` is "starttls" or "tls"; the first `refuse` messages are
    /// answered 451 (try again later).
    pub fn start(mode: &str, refuse: u32) -> Smtp {
        let dir = tempfile::tempdir().unwrap();
        let (ca_pem, leaf) = crate::endpoints::certs::from_ca(30);
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, ca_pem).unwrap();
        let cert = dir.path().join("cert.pem");
        std::fs::write(&cert, pem("CERTIFICATE", &leaf.chain[0])).unwrap();
        let key = dir.path().join("key.pem");
        std::fs::write(&key, pem("PRIVATE KEY", &leaf.key)).unwrap();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/server.py");
        let mut child = Command::new(PYTHON)
            .arg(&script)
            .args([&cert, &key])
            .args([USER, PASSWORD, mode, &refuse.to_string()])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot run {PYTHON} ({e}): install python3-aiosmtpd (scripts/install-test-deps)")
            });
        let events = Arc::new(Mutex::new(Vec::new()));
        let stdout = child.stdout.take().unwrap();
        let sink = events.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str::<Value>(&line) {
                    sink.lock().unwrap().push(v);
                }
            }
        });
        let mut smtp = Smtp {
            child,
            port: 0,
            events,
            ca,
            _dir: dir,
        };
        let ready = smtp.wait_for("ready", 1, Duration::from_secs(20));
        smtp.port = ready[0]["port"].as_u64().unwrap() as u16;
        smtp
    }

    /// Every event of this kind so far, waiting until there are `n` of them.
    pub fn wait_for(&mut self, event: &str, n: usize, within: Duration) -> Vec<Value> {
        let deadline = Instant::now() + within;
        loop {
            let seen = self.events(event);
            if seen.len() >= n {
                return seen;
            }
            if Instant::now() > deadline || self.child.try_wait().unwrap().is_some() {
                let _ = self.child.kill();
                let mut err = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                panic!(
                    "the SMTP server saw {} '{event}' event(s), not {n}; events {:?}; its stderr: {err} \
                     (is python3-aiosmtpd installed? scripts/install-test-deps installs it)",
                    seen.len(),
                    self.all()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn events(&self, event: &str) -> Vec<Value> {
        self.all()
            .into_iter()
            .filter(|v| v["event"] == event)
            .collect()
    }

    pub fn all(&self) -> Vec<Value> {
        self.events.lock().unwrap().clone()
    }

    /// `smtp://user:pass@127.0.0.1:port` (or smtps://).
    pub fn url(&self, scheme: &str) -> String {
        format!(
            "{scheme}://{}:{PASSWORD}@127.0.0.1:{}",
            USER.replace('@', "%40"),
            self.port
        )
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
