//! The user's path to a public HTTPS relay: `hookctl relay --domain` gets its certificate from
//! pebble (Let's Encrypt's test CA, on loopback), `hookctl listen --ca-cert` connects to it over
//! `wss://` and prints the tunnel's subdomain, and a webhook sent to the `/t/NAME/` URL and to
//! the `NAME.` subdomain reaches a local target byte-exact.

mod common;
#[path = "../relay/tests/pebble/mod.rs"]
mod pebble;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use pebble::{Pebble, free_port, https_get, post, wait_for};

const DOMAIN: &str = "relay.hookctl.test";

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn listen_with_ca_cert_reaches_an_acme_relay_over_wss_and_webhooks_arrive_by_path_and_by_subdomain()
{
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    let p = Pebble::start(dir.path(), https, free_port(), None);
    let relay = Running(
        Command::new(cargo_bin("hookctl"))
            .args(["relay", "--listen", &format!("127.0.0.1:{https}")])
            .args(["--domain", DOMAIN, "--data-dir"])
            .arg(dir.path().join("relay-data"))
            .args(["--acme-directory", &p.directory, "--acme-ca-cert"])
            .arg(&p.ca_file)
            .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("relay.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    let root = p.root_pem();
    wait_for("the relay's certificate", Duration::from_secs(90), || {
        https_get(https, DOMAIN, "/healthz", &root)
            .ok()
            .filter(|r| r.status == 200)
    });
    let root_file = dir.path().join("pebble-root.pem");
    std::fs::write(&root_file, &root).unwrap();

    let target = common::Receiver::start();
    let relay_url = format!("https://{DOMAIN}:{https}");
    let mut cmd = Command::new(cargo_bin("hookctl"));
    cmd.args(["--db"])
        .arg(dir.path().join("log.db"))
        .args(["listen", "--relay", &relay_url, "--relay-ip", "127.0.0.1"])
        .arg("--ca-cert")
        .arg(&root_file)
        .args(["--name", "demo", "--forward-to", &target.url("/hooks")])
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env_remove("HOOKCTL_RELAY")
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let err = child.stderr.take().unwrap();
    let _listen = Running(child);
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut seen = Vec::new();
    let mut next_line = |prefix: &str| loop {
        match lines.recv_timeout(Duration::from_secs(30)) {
            Ok(l) if l.starts_with(prefix) => return l,
            Ok(l) => seen.push(l),
            Err(_) => panic!("listen printed no {prefix:?} line; it printed {seen:?}"),
        }
    };
    let ready = next_line("Ready: ");
    assert!(
        ready.starts_with(&format!("Ready: {relay_url}/t/demo -> ")),
        "{ready}"
    );
    let also = next_line("Also at: ");
    assert!(
        also.starts_with(&format!("Also at: https://demo.{DOMAIN}:{https} -> ")),
        "{also}"
    );

    let body: Vec<u8> = (0..=255u8)
        .chain(b"{\"a\": 1}\r\n".iter().copied())
        .collect();
    let r = post(https, DOMAIN, "/t/demo/stripe?x=1", &body, &root);
    assert_eq!(r.status, 200, "{}", r.head);
    let got = target.next();
    assert_eq!(
        (got.target.as_str(), &got.body),
        ("/hooks/stripe?x=1", &body)
    );

    let r = post(
        https,
        &format!("demo.{DOMAIN}"),
        "/github/push?y=2",
        &body,
        &root,
    );
    assert_eq!(r.status, 200, "{}", r.head);
    let got = target.next();
    assert_eq!(
        (got.target.as_str(), &got.body),
        ("/hooks/github/push?y=2", &body)
    );

    // Without --ca-cert the system's roots alone do not vouch for pebble's: refused, exit 3.
    let out = common::hookctl(dir.path())
        .args(["listen", "--relay", &relay_url, "--relay-ip", "127.0.0.1"])
        .args(["--name", "other"])
        .env_remove("HOOKCTL_RELAY")
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("TLS") && err.contains("certificate"), "{err}");
    drop(relay);
}
