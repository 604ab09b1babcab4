//! The processes under test: three `hookctl relay` nodes on one Redis with AOF, and `hookctl
//! listen` connected through all three URLs; each dies by `kill -9` and starts again where it
//! was (same port, same data), as after a crash and a supervisor's restart.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::http_get::{free_port, http_get, metric};
use crate::redis_server::Redis;

/// What says a process is ready to work.
enum Ready {
    /// `GET /healthz` on this port answers 200.
    Healthz(u16),
    /// Its stderr has a line starting with `Ready: `.
    ReadyLine,
}

/// A `hookctl` process that can be killed and started again with the same arguments.
pub struct Daemon {
    name: String,
    args: Vec<String>,
    dir: PathBuf,
    child: Option<Child>,
    starts: u32,
    ready: Ready,
}

impl Daemon {
    fn new(name: &str, args: Vec<String>, dir: &Path, ready: Ready) -> Daemon {
        Daemon {
            name: name.into(),
            args,
            dir: dir.to_path_buf(),
            child: None,
            starts: 0,
            ready,
        }
    }

    fn log(&self, ext: &str) -> PathBuf {
        self.dir
            .join(format!("{}-{}.{ext}", self.name, self.starts))
    }

    /// Starts it and waits (up to 60 s) until it is ready; a restart right after a kill may find
    /// its port not yet free, and tries again.
    pub fn start(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            self.starts += 1;
            let file = |p: PathBuf| Stdio::from(std::fs::File::create(p).unwrap());
            let mut child = Command::new(env!("CARGO_BIN_EXE_hookctl"))
                .args(&self.args)
                .env("HOOKCTL_CONFIG", self.dir.join("config.toml"))
                .env("HOOKCTL_DB", self.dir.join("deliveries.db"))
                .env_remove("HOOKCTL_RELAY")
                .env_remove("HOOKCTL_RELAY_TOKEN")
                .env_remove("HOOKCTL_RELAY_CLUSTER")
                .env_remove("HOOKCTL_RELAY_NODE_URL")
                .env_remove("HOOKCTL_SECRET")
                .env("CI", "1")
                .stdout(file(self.log("out")))
                .stderr(file(self.log("err")))
                .spawn()
                .unwrap();
            let exited = loop {
                let ready = match self.ready {
                    Ready::Healthz(port) => http_get(port, "/healthz").is_some_and(|r| r.0 == 200),
                    Ready::ReadyLine => std::fs::read_to_string(self.log("err"))
                        .unwrap_or_default()
                        .lines()
                        .any(|l| l.starts_with("Ready: ")),
                };
                if ready {
                    self.child = Some(child);
                    return;
                }
                if let Ok(Some(status)) = child.try_wait() {
                    break status;
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    panic!("{} was not ready within 60 s: {}", self.name, self.tail());
                }
                std::thread::sleep(Duration::from_millis(20));
            };
            assert!(
                Instant::now() < deadline,
                "{} kept exiting ({exited}): {}",
                self.name,
                self.tail()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// SIGKILL: no shutdown, no flush. False when it was not running.
    pub fn kill9(&mut self) -> bool {
        match self.child.take() {
            Some(mut c) => {
                let running = matches!(c.try_wait(), Ok(None));
                let _ = c.kill();
                let _ = c.wait();
                running
            }
            None => false,
        }
    }

    /// How it ended, if it ended by itself.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten())
    }

    /// The last lines of its current stderr.
    pub fn tail(&self) -> String {
        let text = std::fs::read_to_string(self.log("err")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(8)..].join("\n")
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Redis, three nodes and listen, each in a folder of its own under one temporary directory.
pub struct Cluster {
    pub redis: Redis,
    pub nodes: Vec<Daemon>,
    pub ports: Vec<u16>,
    pub listen: Daemon,
    pub dir: tempfile::TempDir,
}

/// The tunnel's name: a fixed one, so that a restarted listen takes its tunnel back.
pub const TUNNEL: &str = "faults";

impl Cluster {
    pub fn start(target: &str) -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        let redis = Redis::start_in(&dir.path().join("redis"));
        // Chosen before they start: each node is told its own URL (--node-url), and a node
        // restarted after kill -9 comes back where the others and listen know it.
        let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
        let nodes = ports
            .iter()
            .enumerate()
            .map(|(i, port)| {
                let home = dir.path().join(format!("node{i}"));
                std::fs::create_dir_all(&home).unwrap();
                let mut d = Daemon::new(
                    &format!("node{i}"),
                    vec![
                        "relay".into(),
                        "--listen".into(),
                        format!("127.0.0.1:{port}"),
                        "--cluster".into(),
                        redis.url(),
                        "--node-url".into(),
                        format!("http://127.0.0.1:{port}"),
                    ],
                    &home,
                    Ready::Healthz(*port),
                );
                d.start();
                d
            })
            .collect();
        let relays: Vec<String> = ports
            .iter()
            .map(|p| format!("http://127.0.0.1:{p}"))
            .collect();
        let home = dir.path().join("listen");
        std::fs::create_dir_all(&home).unwrap();
        let mut listen = Daemon::new(
            "listen",
            vec![
                "listen".into(),
                "--relay".into(),
                relays.join(","),
                "--name".into(),
                TUNNEL.into(),
                "--forward-to".into(),
                target.into(),
                "--no-inspect".into(),
            ],
            &home,
            Ready::ReadyLine,
        );
        listen.start();
        Cluster {
            redis,
            nodes,
            ports,
            listen,
            dir,
        }
    }

    /// The processes that ended on their own, with why.
    pub fn dead(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        for d in self
            .nodes
            .iter_mut()
            .chain(std::iter::once(&mut self.listen))
        {
            if let Some(status) = d.exited() {
                out.push(format!(
                    "{} exited by itself ({status}): {}",
                    d.name(),
                    d.tail()
                ));
            }
        }
        if !self.redis.ping() {
            out.push("redis does not answer PING".into());
        }
        out
    }

    /// A metric from each node's /metrics (None from a node that did not answer).
    pub fn metric(&self, name: &str) -> Vec<Option<f64>> {
        self.ports.iter().map(|p| metric(*p, name)).collect()
    }

    /// The listen's delivery log, as `hookctl logs --json` prints it.
    pub fn log(&self) -> Vec<serde_json::Value> {
        let home = self.dir.path().join("listen");
        let out = Command::new(env!("CARGO_BIN_EXE_hookctl"))
            .args(["logs", "--json", "--limit", "0", "--source", "listen"])
            .env("HOOKCTL_CONFIG", home.join("config.toml"))
            .env("HOOKCTL_DB", home.join("deliveries.db"))
            .env("CI", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "hookctl logs: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}
