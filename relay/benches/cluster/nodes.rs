//! A relay cluster on loopback, as users run it: Debian's `redis-server` in a temporary
//! directory, `hookctl-relay --cluster` nodes on it, and `hookctl listen` tunnels held by the
//! node each one connects to. Every process dies with the bench.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};

use crate::common::{Procs, allowed_cpus, free_port, http, pin, post};

/// The processes of one bench run, and the directory their files live in.
pub struct Bed {
    pub bin: String,
    pub dir: tempfile::TempDir,
    pub procs: Procs,
}

/// One relay process: the URL senders and other nodes reach it at, and its pid.
#[derive(Clone)]
pub struct Node {
    pub url: String,
    pub pid: u32,
}

/// The Redis server the nodes share.
pub struct Redis {
    pub port: u16,
    pub pid: u32,
}

impl Bed {
    pub fn new() -> Bed {
        Bed {
            bin: std::env::var("BIN").unwrap_or_else(|_| "target/release".into()),
            dir: tempfile::tempdir().unwrap(),
            procs: Procs::default(),
        }
    }

    /// This process and every process it started: what the one-core measures pin.
    pub fn pids(&self) -> Vec<u32> {
        std::iter::once(std::process::id())
            .chain(self.procs.0.iter().map(|c| c.id()))
            .collect()
    }

    /// Runs `measure` with every thread of `pids` on CPU 0, then lets them run anywhere again:
    /// a request's time is then the CPU its hops spend plus same-core switches, not where the
    /// scheduler of a shared machine happens to wake each hop. `None` if they cannot be pinned.
    pub async fn on_one_core<T>(
        pids: &[u32],
        measure: impl std::future::Future<Output = T>,
    ) -> Option<T> {
        let all = allowed_cpus()?;
        let out = if pin(pids, "0") {
            Some(measure.await)
        } else {
            eprintln!("one-core measure skipped: `taskset` (util-linux) could not pin");
            None
        };
        pin(pids, &all);
        out
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Redis with the settings that make an acknowledgement durable (AOF, fsync on every
    /// write), as the README tells operators to run it.
    pub async fn redis(&mut self) -> Redis {
        let port = free_port();
        let data = self.path(&format!("redis-{port}"));
        std::fs::create_dir_all(&data).unwrap();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--dir", data.to_str().unwrap()])
            .args(["--appendonly", "yes", "--appendfsync", "always", "--save", ""])
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("redis-server could not start ({e}): install it with `apt-get install redis-server`")
            });
        let pid = child.id();
        self.procs.0.push(child);
        let redis = Redis { port, pid };
        let deadline = Instant::now() + Duration::from_secs(30);
        while redis.query(&["PING"]).is_err() {
            assert!(
                Instant::now() < deadline,
                "redis-server never answered PING"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        redis
    }

    /// A relay node: in the cluster on `redis`, or a single relay without one.
    pub async fn node(&mut self, redis: Option<&Redis>) -> Node {
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}");
        let mut cmd = Command::new(format!("{}/hookctl-relay", self.bin));
        cmd.args(["--listen", &format!("127.0.0.1:{port}")]);
        if let Some(r) = redis {
            cmd.args(["--cluster", &format!("redis://127.0.0.1:{}", r.port)])
                .args(["--node-url", &url]);
        }
        let log = std::fs::File::create(self.path(&format!("node-{port}.log"))).unwrap();
        let child = cmd
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let pid = child.id();
        self.procs.0.push(child);
        wait_status(&format!("{url}/healthz"), 200).await;
        Node { url, pid }
    }

    /// `hookctl listen` holding tunnel `name` on `node`, forwarding to `target`; its pid once
    /// the tunnel is up.
    pub async fn listen(&mut self, node: &Node, name: &str, target: &str) -> u32 {
        let ready = self.path(&format!("{name}.ready"));
        let child = Command::new(format!("{}/hookctl", self.bin))
            .env("HOOKCTL_CONFIG", self.path("config.toml"))
            .args(["--db", self.path(&format!("{name}.db")).to_str().unwrap()])
            .args(["listen", "--relay", &node.url, "--name", name])
            .args(["--forward-to", target])
            .args(["--ready-file", ready.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        self.procs.0.push(child);
        wait_file(&ready).await;
        pid
    }
}

impl Redis {
    /// One command's answer, as text.
    pub fn query(&self, args: &[&str]) -> redis::RedisResult<String> {
        let client = redis::Client::open(format!("redis://127.0.0.1:{}", self.port))?;
        let mut con = client.get_connection()?;
        let mut cmd = redis::cmd(args[0]);
        for a in &args[1..] {
            cmd.arg(*a);
        }
        let v: redis::Value = cmd.query(&mut con)?;
        Ok(match v {
            redis::Value::BulkString(b) => String::from_utf8_lossy(&b).into_owned(),
            redis::Value::SimpleString(s) => s,
            other => format!("{other:?}"),
        })
    }

    /// Commands Redis has run since it started (`INFO stats`), this query included.
    pub fn commands(&self) -> u64 {
        let info = self.query(&["INFO", "stats"]).unwrap_or_default();
        info.lines()
            .find_map(|l| l.strip_prefix("total_commands_processed:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Calls of Lua scripts (`EVAL`, `EVALSHA`) Redis has run so far, and the µs they took.
    pub fn scripts(&self) -> (u64, u64) {
        let info = self.query(&["INFO", "commandstats"]).unwrap_or_default();
        let field = |line: &str, name: &str| -> u64 {
            line.split([':', ','])
                .find_map(|f| f.strip_prefix(name))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        info.lines()
            .filter(|l| l.starts_with("cmdstat_eval:") || l.starts_with("cmdstat_evalsha:"))
            .fold((0, 0), |(c, u), l| {
                (c + field(l, "calls="), u + field(l, "usec="))
            })
    }
}

async fn wait_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until a GET of `url` answers `status`.
async fn wait_status(url: &str, status: u16) {
    let client = http(false);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let req = http::Request::get(url)
            .body(Full::new(Bytes::new()))
            .unwrap();
        if let Ok(r) = client.request(req).await
            && r.status().as_u16() == status
        {
            return;
        }
        assert!(Instant::now() < deadline, "{url} never answered {status}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until a post to `url` is answered 2xx: the tunnel is reachable through that node.
pub async fn wait_reachable(url: &str) {
    let client = http(true);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !post(&client, url, Bytes::from_static(b"{}")).await {
        assert!(Instant::now() < deadline, "{url} never answered 2xx");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The sum of a Prometheus counter or gauge over its labels in a node's `/metrics`; `None` when
/// the node does not export it.
pub async fn metric(node: &Node, name: &str) -> Option<f64> {
    let client = http(false);
    let req = http::Request::get(format!("{}/metrics", node.url))
        .body(Full::new(Bytes::new()))
        .unwrap();
    let body = client
        .request(req)
        .await
        .ok()?
        .into_body()
        .collect()
        .await
        .ok()?;
    let text = String::from_utf8_lossy(&body.to_bytes()).into_owned();
    let mut found = None;
    for line in text.lines() {
        let Some(rest) = line.strip_prefix(name) else {
            continue;
        };
        // The name itself, not a longer one that starts with it (`_total` vs `_total_bucket`).
        if !(rest.starts_with(' ') || rest.starts_with('{')) {
            continue;
        }
        if let Some(v) = rest.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()) {
            *found.get_or_insert(0.0) += v;
        }
    }
    found
}
