//! `hookctl listen` with several relays and across faults, through the real binary: it starts on
//! the first relay that answers and moves to the next when its relay is gone; a buffered delivery
//! is never forwarded twice unseen — a relay that dies after listen recorded it redelivers, and
//! listen skips it; listen killed (-9) while the target holds its answer forwards the redelivery
//! again and flags it in the log.

mod common;
#[path = "common/listen.rs"]
mod listening;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use common::Receiver;
use hookctl::store::{Status, Store};
use listening::{Listen, metric, post, relay_opts, wait_metric};
use tokio_util::sync::CancellationToken;

/// A relay in this process on its own port-0 listener.
fn relay_in(rt: &tokio::runtime::Runtime, data: Option<&Path>) -> (SocketAddr, CancellationToken) {
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let mut opts = relay_opts();
    opts.data_dir = data.map(Path::to_path_buf);
    let stop = CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    (addr, stop)
}

#[test]
fn listen_moves_to_the_next_relay_when_its_relay_is_gone_and_says_which_it_is_on() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (a, stop_a) = relay_in(&rt, None);
    let (b, stop_b) = relay_in(&rt, None);
    let target = Receiver::start();
    let (a_url, b_url) = (format!("http://{a}"), format!("http://{b}"));
    let mut l = Listen::start(&[
        "--relay",
        &format!("{a_url},{b_url}"),
        "--name",
        "pair",
        "--forward-to",
        &target.url("/"),
    ]);
    assert_eq!(
        l.url,
        format!("{a_url}/t/pair"),
        "the first relay that answers"
    );
    let via = l.wait_stderr("Connected via ");
    assert!(via.contains(&a_url), "{via}");
    assert_eq!(post(&l.url, "/one", &[], b"1").0, 200);
    assert_eq!(target.next().target, "/one");

    stop_a.cancel();
    l.wait_stderr("Lost the relay");
    let moved = l.wait_stderr("Reconnected: ");
    let b_public = format!("{b_url}/t/pair");
    assert!(
        moved.contains(&b_public) && moved.contains(&format!("via {b_url}")),
        "{moved}"
    );
    // The ready file follows the relay: the URL senders reach listen at now.
    let ready = std::fs::read_to_string(l.dir.path().join("ready.txt")).unwrap();
    assert_eq!(ready, format!("{b_public}\n"));
    // So does the entry `hookctl trigger` finds this listen by.
    let running = std::fs::read_dir(l.dir.path().join("running"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<Vec<_>>();
    assert_eq!(running.len(), 1, "{running:?}");
    let entry: serde_json::Value = serde_json::from_str(&running[0]).unwrap();
    assert_eq!(entry["public_url"], b_public.as_str(), "{entry}");
    assert_eq!(entry["relay"], b_url.as_str(), "{entry}");
    assert_eq!(post(&b_public, "/two", &[], b"2").0, 200);
    assert_eq!(target.next().target, "/two");
    let lines = l.stop();
    assert_eq!(lines.len(), 2, "{lines:?}");
    stop_b.cancel();
}

#[test]
fn listen_starts_on_the_first_relay_that_answers_and_exits_3_naming_each_when_none_does() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (live, stop) = relay_in(&rt, None);
    let (down, other_down) = (common::refusing_port(), common::refusing_port());
    let dead = format!("http://{}", down.addr);
    let target = Receiver::start();
    // Repeated --relay: the dead one first.
    let l = Listen::start(&[
        "--relay",
        &dead,
        "--relay",
        &format!("http://{live}"),
        "--name",
        "second",
        "--forward-to",
        &target.url("/"),
    ]);
    assert_eq!(l.url, format!("http://{live}/t/second"));
    assert_eq!(post(&l.url, "/x", &[], b"x").0, 200);
    l.stop();
    stop.cancel();

    let other = format!("http://{}", other_down.addr);
    let dir = tempfile::tempdir().unwrap();
    let out = common::hookctl(dir.path())
        .args(["listen", "--port", "0", "--no-inspect", "--relay"])
        .arg(format!("{dead},{other}"))
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&dead) && err.contains(&other), "{err}");
}

/// A target that holds the first request until told — its answer, or with `before_body` the
/// reading of its body — and answers the others at once. It tells the test each request's path
/// once it has read it whole (and with `before_body`, `head PATH` once it has its head).
struct HeldTarget {
    addr: SocketAddr,
    seen: mpsc::Receiver<String>,
    release: Arc<(Mutex<bool>, Condvar)>,
}

impl HeldTarget {
    fn start() -> HeldTarget {
        Self::holding(false)
    }

    fn holding(before_body: bool) -> HeldTarget {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, seen) = mpsc::channel();
        let release: Arc<(Mutex<bool>, Condvar)> = Arc::default();
        let gate = release.clone();
        std::thread::spawn(move || {
            let mut first = true;
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (tx, gate) = (tx.clone(), gate.clone());
                let hold = std::mem::take(&mut first);
                std::thread::spawn(move || answer(stream, hold, before_body, &tx, &gate));
            }
        });
        HeldTarget {
            addr,
            seen,
            release,
        }
    }

    fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The path of the next request read, within 30 s.
    fn next(&self) -> String {
        self.seen
            .recv_timeout(Duration::from_secs(30))
            .expect("no request reached the target within 30 s")
    }

    fn release(&self) {
        let (lock, cvar) = &*self.release;
        *lock.lock().unwrap() = true;
        cvar.notify_all();
    }
}

fn answer(
    stream: TcpStream,
    hold: bool,
    before_body: bool,
    tx: &mpsc::Sender<String>,
    gate: &(Mutex<bool>, Condvar),
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if let Some((n, v)) = line.split_once(':') {
                assert!(
                    !n.eq_ignore_ascii_case("transfer-encoding"),
                    "this target reads Content-Length bodies only"
                );
                if n.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap();
                }
            }
            if line == "\r\n" {
                break;
            }
        }
        let path = request.split(' ').nth(1).unwrap_or_default().to_string();
        let wait = || {
            let (lock, cvar) = gate;
            let mut released = lock.lock().unwrap();
            while !*released {
                released = cvar.wait(released).unwrap();
            }
        };
        if hold && before_body {
            let _ = tx.send(format!("head {path}"));
            wait();
        }
        if reader.read_exact(&mut vec![0; length]).is_err() {
            return;
        }
        let _ = tx.send(path);
        if hold && !before_body {
            wait();
        }
        // The peer may be gone (a killed listen): nothing more to do then.
        if writer
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            .is_err()
        {
            return;
        }
    }
}

/// A `hookctl relay` process with a data dir (its buffer), that can be killed with -9 and
/// started again on the same port and dir.
struct RelayProcess {
    child: Child,
    /// The address it is bound to, as it logged it.
    addr: SocketAddr,
}

impl RelayProcess {
    /// A relay on a loopback port the system picks.
    fn start_on_any_port(data: &Path) -> RelayProcess {
        RelayProcess::start(SocketAddr::from(([127, 0, 0, 1], 0)), data)
    }

    fn start(addr: SocketAddr, data: &Path) -> RelayProcess {
        let mut child = Command::new(cargo_bin("hookctl"))
            .args(["relay", "--listen", &addr.to_string(), "--data-dir"])
            .arg(data)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        // "hookctl-relay listening on 127.0.0.1:PORT: webhooks to ...": the address it bound,
        // which is the one to come back to when `addr` had port 0.
        let addr = loop {
            let line = lines
                .next()
                .expect("the relay exited before listening")
                .unwrap();
            if let Some((_, rest)) = line.split_once("listening on ") {
                let bound = rest.split_whitespace().next().unwrap_or_default();
                break bound
                    .trim_end_matches(':')
                    .parse::<SocketAddr>()
                    .unwrap_or_else(|e| panic!("no address in {line:?}: {e}"));
            }
        };
        // Read on, so the relay never blocks on a full pipe.
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(drop));
        RelayProcess { child, addr }
    }

    fn kill(mut self) -> SocketAddr {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        self.addr
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The listen's delivery log as `hookctl logs --json` shows it: a JSON record a line.
fn logs_json(db: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(cargo_bin("hookctl"))
        .arg("--db")
        .arg(db)
        .args(["--json", "logs"])
        .env("HOOKCTL_CONFIG", db.with_file_name("config.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_redelivery_after_listen_was_killed_mid_forward_reaches_the_target_again_flagged_in_the_log() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (addr, stop) = relay_in(&rt, Some(data.path()));
    let target = HeldTarget::start();
    let relay = format!("http://{addr}");
    let args = [
        "--relay",
        &relay,
        "--name",
        "held",
        "--forward-to",
        &target.url(),
    ];
    let (_, dir) = Listen::start(&args).stop_keeping_dir();
    wait_metric(addr, "hookctl_relay_tunnels_connected", 0.0);
    let url = format!("{relay}/t/held");
    assert_eq!(post(&url, "/once", &[], b"{\"type\":\"a.b\"}").0, 202);

    // Back with its key and log: the relay delivers, the target holds its answer, listen dies.
    let back = Listen::start_in(dir, &args);
    assert_eq!(target.next(), "/once");
    let dir = back.kill();
    target.release();
    wait_metric(addr, "hookctl_relay_tunnels_connected", 0.0);
    assert_eq!(metric(addr, "hookctl_relay_buffered_requests"), 1.0);

    // The relay delivers it again: listen cannot know whether the target acted on the first, so
    // it forwards (a webhook is never lost) and says the target may have it twice.
    let again = Listen::start_in(dir, &args);
    assert_eq!(target.next(), "/once");
    wait_metric(addr, "hookctl_relay_buffered_requests", 0.0);
    let records = again.records_when(1);
    assert_eq!(records.len(), 1, "one record per delivery id");
    let r = &records[0];
    assert!(r.id.starts_with("dlv_"), "{}", r.id);
    assert_eq!(r.status, Status::Delivered);
    assert_eq!(r.attempt, 2, "the interrupted attempt is counted");
    let db = again.db.clone();
    let (lines, _kept) = again.stop_keeping_dir();
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("may have received this delivery twice")),
        "{lines:?}"
    );
    let logged = logs_json(&db);
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["attempt"], 2, "{logged:?}");
    assert!(
        logged[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("interrupted")),
        "{logged:?}"
    );
    stop.cancel();
}

#[test]
fn a_delivery_recorded_before_its_relay_died_is_not_forwarded_again_when_the_relay_redelivers() {
    let data = tempfile::tempdir().unwrap();
    let relay = RelayProcess::start_on_any_port(data.path());
    let addr = relay.addr;
    let target = HeldTarget::start();
    let relay_url = format!("http://{addr}");
    let args = [
        "--relay",
        &relay_url,
        "--name",
        "kept",
        "--forward-to",
        &target.url(),
    ];
    let (_, dir) = Listen::start(&args).stop_keeping_dir();
    wait_metric(addr, "hookctl_relay_tunnels_connected", 0.0);
    let url = format!("{relay_url}/t/kept");
    assert_eq!(post(&url, "/only-once", &[], b"{}").0, 202);

    let mut l = Listen::start_in(dir, &args);
    assert_eq!(target.next(), "/only-once");
    // The relay dies while the target holds its answer, and comes back with its buffer: it
    // delivers again while listen's first attempt still waits for the target.
    let addr = relay.kill();
    l.wait_stderr("Lost the relay");
    let relay = RelayProcess::start(addr, data.path());
    l.wait_stderr("Reconnected: ");
    let note = l.wait_stderr("note: buffered delivery dlv_");
    assert!(note.contains("waits for that attempt"), "{note}");
    target.release();
    // The first attempt is recorded; the redelivery finds the record and is acknowledged.
    wait_metric(addr, "hookctl_relay_buffered_requests", 0.0);
    let records = l.records_when(1);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].attempt, 1);
    assert!(records[0].error.is_none(), "{:?}", records[0].error);
    let db = l.db.clone();
    let (_, _kept) = l.stop_keeping_dir();
    assert!(
        target.seen.try_recv().is_err(),
        "the target got the delivery twice"
    );
    assert_eq!(Store::open(&db).unwrap().count().unwrap(), 1);
    drop(relay);
}

#[test]
fn a_buffered_delivery_cut_off_by_its_relay_s_death_reaches_the_target_whole_when_it_comes_again() {
    let data = tempfile::tempdir().unwrap();
    let relay = RelayProcess::start_on_any_port(data.path());
    let addr = relay.addr;
    let target = HeldTarget::holding(true);
    let relay_url = format!("http://{addr}");
    let args = [
        "--relay",
        &relay_url,
        "--name",
        "cut",
        "--forward-to",
        &target.url(),
    ];
    let (_, dir) = Listen::start(&args).stop_keeping_dir();
    wait_metric(addr, "hookctl_relay_tunnels_connected", 0.0);
    // Far more than the tunnel's flow-control window and the sockets' buffers: while the target
    // does not read, the relay is still sending when it dies.
    let body: Vec<u8> = (0..8 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let url = format!("{relay_url}/t/cut");
    assert_eq!(post(&url, "/big", &[], &body).0, 202);

    let mut l = Listen::start_in(dir, &args);
    assert_eq!(target.next(), "head /big");
    let addr = relay.kill();
    l.wait_stderr("Lost the relay");
    target.release();
    let _relay = RelayProcess::start(addr, data.path());
    // The cut attempt was not recorded as handled: the relay's next delivery goes through whole.
    assert_eq!(target.next(), "/big");
    wait_metric(addr, "hookctl_relay_buffered_requests", 0.0);
    let records = l.records_when(1);
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(r.status, Status::Delivered);
    assert_eq!(r.request.body.0.len(), body.len());
    assert!(r.request.body.0 == body, "recorded byte-exact");
    assert_eq!(
        r.attempt, 2,
        "the cut attempt is counted: the target saw part of it"
    );
    let (lines, _kept) = l.stop_keeping_dir();
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("not recorded: the relay delivers it again")),
        "{lines:?}"
    );
}
