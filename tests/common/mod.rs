//! A real HTTP receiver on 127.0.0.1, port 0, for integration tests: it records every request
//! byte-exact and answers with the statuses it is told to, in order.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// The binary with a private config and log in `dir`, and no secret, colour setting or
/// terminal prompts leaking in from the environment.
pub fn hookctl(dir: &std::path::Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("hookctl").unwrap();
    c.env("HOOKCTL_CONFIG", dir.join("config.toml"))
        .env("HOOKCTL_DB", dir.join("deliveries.db"))
        .env_remove("HOOKCTL_SECRET")
        .env_remove("NO_COLOR")
        .env("CI", "1");
    c
}

/// A loopback port that refuses connections for as long as this lives: a socket bound to it
/// that never listens. A port found free and let go can be taken by another test's server in
/// the meantime, which then answers where a refusal was expected.
pub struct RefusingPort {
    _socket: socket2::Socket,
    pub addr: SocketAddr,
}

impl RefusingPort {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

pub fn refusing_port() -> RefusingPort {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket
        .bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    let addr = socket.local_addr().unwrap().as_socket().unwrap();
    RefusingPort {
        _socket: socket,
        addr,
    }
}

/// A command's stdout as one JSON document.
pub fn stdout_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    /// The provider's verdict on this request, as a receiver at `url` would check it with `keys`.
    pub fn verdict(
        &self,
        provider: &str,
        url: Option<&str>,
        keys: &hookctl::signature::Keys,
    ) -> hookctl::signature::Verdict {
        let scheme = hookctl::signature::Registry::builtin()
            .get(provider)
            .unwrap_or_else(|| panic!("no provider {provider}"));
        let d = hookctl::message::Delivery {
            method: self.method.clone(),
            url: url.map(str::to_string),
            headers: self.headers.iter().cloned().collect(),
            body: self.body.clone(),
        };
        scheme.verify(&d, keys, &hookctl::signature::VerifyOptions::now())
    }

    /// Whether it carries a valid signature of `provider` made with `secret`.
    pub fn assert_signed(&self, provider: &str, secret: &str) {
        let keys = hookctl::signature::Keys {
            secrets: vec![secret.to_string()],
            public_key: None,
        };
        let v = self.verdict(provider, None, &keys);
        assert!(v.is_valid(), "{provider}: {}", v.detail);
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Answers still to give: a status and extra response headers each.
type Script = Arc<Mutex<Vec<(u16, Vec<(String, String)>)>>>;

pub struct Receiver {
    pub addr: SocketAddr,
    rx: mpsc::Receiver<Received>,
    statuses: Script,
}

impl Receiver {
    /// Answers 200 to everything, unless told otherwise with `respond_with`.
    pub fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = mpsc::channel();
        let statuses: Script = Arc::default();
        let script = statuses.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let tx = tx.clone();
                let script = script.clone();
                std::thread::spawn(move || serve(stream, tx, script));
            }
        });
        Receiver { addr, rx, statuses }
    }

    /// The next requests get these statuses (and extra headers), in order; then 200 again.
    pub fn respond_with(&self, answers: &[(u16, &[(&str, &str)])]) {
        let mut s = self.statuses.lock().unwrap();
        for (status, headers) in answers {
            s.push((
                *status,
                headers
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.to_string()))
                    .collect(),
            ));
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The next request received, waiting up to 10 s.
    pub fn next(&self) -> Received {
        self.rx
            .recv_timeout(Duration::from_secs(10))
            .expect("no request reached the receiver within 10 s")
    }

    /// Every request received so far, without waiting.
    pub fn drain(&self) -> Vec<Received> {
        self.rx.try_iter().collect()
    }
}

fn serve(stream: std::net::TcpStream, tx: mpsc::Sender<Received>, script: Script) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.trim_end().splitn(3, ' ');
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end_matches(['\r', '\n']);
            if h.is_empty() {
                break;
            }
            if let Some((n, v)) = h.split_once(':') {
                headers.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let mut body = Vec::new();
        if get("Transfer-Encoding").is_some_and(|v| v.contains("chunked")) {
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).unwrap();
                let n = usize::from_str_radix(size.trim().split(';').next().unwrap(), 16).unwrap();
                let mut chunk = vec![0; n + 2];
                reader.read_exact(&mut chunk).unwrap();
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        } else if let Some(len) = get("Content-Length") {
            body = vec![0; len.parse().unwrap()];
            reader.read_exact(&mut body).unwrap();
        }
        let (status, extra) = {
            let mut s = script.lock().unwrap();
            if s.is_empty() {
                (200, Vec::new())
            } else {
                s.remove(0)
            }
        };
        let _ = tx.send(Received {
            method,
            target,
            headers,
            body,
        });
        let mut resp = format!("HTTP/1.1 {status} X\r\nContent-Length: 2\r\n");
        for (n, v) in extra {
            resp.push_str(&format!("{n}: {v}\r\n"));
        }
        resp.push_str("\r\nok");
        if writer.write_all(resp.as_bytes()).is_err() {
            return;
        }
    }
}
