//! The laptop side of a relay of one's own, through the real binary: `init --relay --token`
//! saves the relay (the token beside the log, not in the config) and `listen` uses both; without
//! `--name` the URL stays the same across runs; `trigger` without `--to` finds the running
//! listen, lists several, and says what to do when none runs.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use common::{Receiver, hookctl};
use tokio_util::sync::CancellationToken;

/// A `hookctl listen` running with its log and config in a folder.
struct Listen {
    child: Child,
    url: String,
    _stderr: mpsc::Receiver<String>,
}

impl Listen {
    /// Starts `hookctl listen --port 0 ARGS` with its log and config in `dir`, and waits for its
    /// `Ready:` line.
    fn start(dir: &Path, args: &[&str]) -> Listen {
        let mut child = Command::new(cargo_bin("hookctl"))
            .args(["listen", "--port", "0"])
            .args(args)
            .env("HOOKCTL_CONFIG", dir.join("config.toml"))
            .env("HOOKCTL_DB", dir.join("deliveries.db"))
            .env_remove("HOOKCTL_RELAY")
            .env_remove("HOOKCTL_RELAY_TOKEN")
            .env_remove("HOOKCTL_SECRET")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut seen = Vec::new();
        let url = loop {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => match line.strip_prefix("Ready: ") {
                    Some(rest) => break rest.split(" -> ").next().unwrap().to_string(),
                    None => seen.push(line),
                },
                Err(_) => panic!("listen {args:?} never said Ready: {seen:?}"),
            }
        };
        Listen {
            child,
            url,
            _stderr: rx,
        }
    }

    /// The tunnel name in its URL.
    fn name(&self) -> &str {
        self.url.rsplit("/t/").next().unwrap()
    }

    /// Ctrl-C, as a user stops it; it must exit 0.
    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let status = self.child.wait().unwrap();
        assert!(status.success(), "listen exited {status}");
    }
}

/// A real relay in-process on 127.0.0.1 port 0, with these flags; its base URL.
fn relay(rt: &tokio::runtime::Runtime, flags: &[&str], stop: &CancellationToken) -> String {
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let opts = hookctl_relay::server::options::RelayOptions::from_flags(flags).unwrap();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    format!("http://{addr}")
}

fn trigger(dir: &Path, args: &[&str]) -> std::process::Output {
    hookctl(dir)
        .args(["trigger", "github.push", "--retries", "0"])
        .args(args)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap()
}

#[test]
fn listen_without_name_gets_the_same_url_run_after_run() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let stop = CancellationToken::new();
    let base = relay(&rt, &[], &stop);
    let dir = tempfile::tempdir().unwrap();

    let first = Listen::start(dir.path(), &["--relay", &base]);
    let url = first.url.clone();
    assert!(url.starts_with(&format!("{base}/t/")), "{url}");
    first.stop();
    let again = Listen::start(dir.path(), &["--relay", &format!("{base}/")]);
    assert_eq!(
        again.url, url,
        "a restart keeps the URL a provider was given"
    );
    again.stop();

    // The embedded relay keeps its name too (its port is --port's, here a free one each run).
    let a = Listen::start(dir.path(), &[]);
    let name = a.name().to_string();
    a.stop();
    let b = Listen::start(dir.path(), &[]);
    assert_eq!(b.name(), name);
    assert_ne!(
        name,
        url.rsplit("/t/").next().unwrap(),
        "one name per relay"
    );
    b.stop();
    stop.cancel();
}

#[test]
fn init_saves_the_relay_in_the_config_and_its_token_beside_the_log_and_listen_uses_them() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let stop = CancellationToken::new();
    let base = relay(&rt, &["--token", "team-token-1"], &stop);
    let dir = tempfile::tempdir().unwrap();

    let out = hookctl(dir.path())
        .args([
            "--json",
            "init",
            "--relay",
            &base,
            "--token",
            "team-token-1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json = common::stdout_json(&out);
    assert_eq!(json["relay"], base.as_str());
    let token_file = dir.path().join("relay-tokens.json");
    assert_eq!(json["relay_token_file"], token_file.to_str().unwrap());
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        config.contains(&format!("[relay]\nurl = \"{base}\"")),
        "{config}"
    );
    assert!(
        !config.contains("team-token-1"),
        "the token leaked into the config:\n{config}"
    );
    let saved = std::fs::read_to_string(&token_file).unwrap();
    assert!(saved.contains("team-token-1"), "{saved}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&token_file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // No --relay, no --token: the saved ones.
    let target = Receiver::start();
    let l = Listen::start(dir.path(), &["--forward-to", &target.url("/hooks")]);
    assert!(l.url.starts_with(&format!("{base}/t/")), "{}", l.url);
    let out = trigger(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(target.next().target, "/hooks");
    l.stop();

    // --token alone replaces the saved relay's token; the relay now refuses listen (exit 3).
    let out = hookctl(dir.path())
        .args(["init", "--token", "rotated"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let saved = std::fs::read_to_string(&token_file).unwrap();
    assert!(
        saved.contains("rotated") && !saved.contains("team-token-1"),
        "{saved}"
    );
    let refused = hookctl(dir.path())
        .args(["listen", "--port", "0"])
        .env_remove("HOOKCTL_RELAY")
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("refused the token"));

    // --relay overrides the saved one: the embedded relay stays one flag away.
    let other = relay(&rt, &[], &stop);
    let l = Listen::start(dir.path(), &["--relay", &other]);
    assert!(l.url.starts_with(&format!("{other}/t/")), "{}", l.url);
    l.stop();
    stop.cancel();
}

#[test]
fn trigger_without_to_reaches_the_running_listens_target_through_the_relay() {
    let dir = tempfile::tempdir().unwrap();
    let none = trigger(dir.path(), &[]);
    assert_eq!(none.status.code(), Some(2));
    let err = String::from_utf8_lossy(&none.stderr);
    assert_eq!(
        err.trim_end(),
        "error: no `hookctl listen` is running on this machine: start `hookctl listen --forward-to URL` in another terminal, or pass --to URL"
    );

    let target = Receiver::start();
    let l = Listen::start(dir.path(), &["--forward-to", &target.url("/webhooks")]);
    let out = trigger(dir.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let line = common::stdout_json(&out);
    assert_eq!(
        line["target"],
        l.url.as_str(),
        "sent to listen's public URL"
    );
    let got = target.next();
    assert_eq!(got.target, "/webhooks");
    assert_eq!(got.header("x-github-event"), Some("push"));
    // The relay's mark: the delivery took the path a provider's takes.
    assert_eq!(got.header("x-forwarded-for"), Some("127.0.0.1"));
    l.stop();

    let after = trigger(dir.path(), &[]);
    assert_eq!(
        after.status.code(),
        Some(2),
        "a stopped listen is not found"
    );
}

#[test]
fn with_two_listens_running_trigger_lists_them_and_name_picks_one() {
    let dir = tempfile::tempdir().unwrap();
    let (ta, tb) = (Receiver::start(), Receiver::start());
    let a = Listen::start(dir.path(), &["--forward-to", &ta.url("/a")]);
    // No --name either: the kept name is a's while a runs, so b takes one for this run.
    let b = Listen::start(dir.path(), &["--forward-to", &tb.url("/b")]);
    assert_ne!(a.name(), b.name());

    let out = trigger(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("2 `hookctl listen`s are running: pass --name"),
        "{err}"
    );
    for l in [&a, &b] {
        assert!(err.contains(&format!("{} at {}", l.name(), l.url)), "{err}");
    }

    let out = trigger(dir.path(), &["--name", b.name()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(tb.next().target, "/b");
    assert!(ta.drain().is_empty());

    let out = trigger(dir.path(), &["--name", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no running `hookctl listen` has tunnel 'nobody'"),
        "{err}"
    );
    a.stop();
    b.stop();
}

#[test]
fn a_listen_killed_without_cleaning_up_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut l = Listen::start(dir.path(), &[]);
    let running = dir.path().join("running");
    assert_eq!(std::fs::read_dir(&running).unwrap().count(), 1);
    l.child.kill().unwrap(); // SIGKILL: no chance to remove its file
    l.child.wait().unwrap();
    assert_eq!(std::fs::read_dir(&running).unwrap().count(), 1);
    let out = trigger(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no `hookctl listen` is running"));
    assert_eq!(
        std::fs::read_dir(&running).unwrap().count(),
        0,
        "the dead one's file is removed"
    );
}

#[test]
fn init_saves_a_list_of_relays_and_listen_uses_the_first_s_token_on_the_one_that_answers() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let stop = CancellationToken::new();
    let base = relay(&rt, &["--token", "team-token-2"], &stop);
    // A relay that is gone: a port held for the whole test that never listens.
    let refusing = common::refusing_port();
    let gone = refusing.url("");
    let dir = tempfile::tempdir().unwrap();
    let list = format!("{gone}/,{base}");
    let out = hookctl(dir.path())
        .args([
            "--json",
            "init",
            "--relay",
            &list,
            "--token",
            "team-token-2",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json = common::stdout_json(&out);
    assert_eq!(json["relay"], format!("{gone},{base}").as_str());

    let target = Receiver::start();
    let l = Listen::start(dir.path(), &["--forward-to", &target.url("/hooks")]);
    assert!(l.url.starts_with(&format!("{base}/t/")), "{}", l.url);
    let out = trigger(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(target.next().target, "/hooks");
    l.stop();
    stop.cancel();
}
