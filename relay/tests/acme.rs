//! Automatic HTTPS end to end against Debian's pebble (Let's Encrypt's test CA), each
//! challenge really validated on loopback: the relay gets its domain's certificate by
//! TLS-ALPN-01 (and HTTP-01 with --http-listen), keeps it across a restart, obtains a tunnel
//! subdomain's at its first handshake only for a tunnel that exists, and renews while a tunnel
//! stays connected.

mod common;
mod pebble;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bytes::Bytes;
use common::{Listener, Target};
use hookctl_relay::client::ClientOptions;
use pebble::{Pebble, free_port, handshake, https_get, post, wait_for};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

const DOMAIN: &str = "relay.hookctl.test";

/// The real `hookctl-relay`, killed when dropped; its log kept for failure messages.
struct RelayProcess {
    child: Child,
    log: PathBuf,
}

impl RelayProcess {
    fn start(dir: &Path, args: &[String]) -> RelayProcess {
        let log = dir.join(format!("relay-{}.log", free_port()));
        let child = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        RelayProcess { child, log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn acme_flags(p: &Pebble, https: u16, data: &Path) -> Vec<String> {
    [
        "--listen",
        &format!("127.0.0.1:{https}"),
        "--domain",
        DOMAIN,
        "--data-dir",
        data.to_str().unwrap(),
        "--acme-directory",
        &p.directory,
        "--acme-ca-cert",
        p.ca_file.to_str().unwrap(),
        "--acme-email",
        "ops@example.com",
    ]
    .map(String::from)
    .to_vec()
}

/// `/healthz` over HTTPS once the relay serves a certificate pebble's root vouches for.
fn healthy(https: u16, root: &str, relay: &RelayProcess) -> pebble::Fetched {
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    loop {
        if let Ok(r) = https_get(https, DOMAIN, "/healthz", root)
            && r.status == 200
        {
            return r;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no certificate within 90 s; the relay's log:\n{}",
            relay.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn metric(https: u16, root: &str, line_start: &str) -> Option<f64> {
    let m = https_get(https, DOMAIN, "/metrics", root).unwrap();
    let text = String::from_utf8(m.body).unwrap();
    text.lines()
        .find(|l| l.starts_with(line_start))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn stored(data: &Path, file: &str) -> PathBuf {
    let acme = data.join("acme");
    let ca = std::fs::read_dir(&acme)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    ca.join(file)
}

#[test]
fn the_relay_gets_its_domains_certificate_by_tls_alpn_01_serves_healthz_and_keeps_it_across_a_restart()
 {
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    let p = Pebble::start(dir.path(), https, free_port(), None);
    let data = dir.path().join("data");
    let relay = RelayProcess::start(dir.path(), &acme_flags(&p, https, &data));
    let root = p.root_pem();
    let health = healthy(https, &root, &relay);
    let first_leaf = health.leaf.clone();
    let body = String::from_utf8(health.body.clone()).unwrap();
    assert!(body.starts_with("ok\ncertificate expires "), "{body}");
    assert!(
        relay.log().contains("challenge=\"tls-alpn-01\"")
            || relay.log().contains("challenge=tls-alpn-01"),
        "{}",
        relay.log()
    );
    assert_eq!(
        metric(https, &root, "hookctl_relay_acme_orders_total"),
        Some(1.0)
    );
    let expiry = metric(
        https,
        &root,
        &format!("hookctl_relay_certificate_expiry_seconds{{name=\"{DOMAIN}\"}}"),
    )
    .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    assert!(expiry > now, "expiry {expiry} is not after now {now}");
    #[cfg(unix)]
    for f in [
        "account.json".to_string(),
        format!("certs/{DOMAIN}.crt"),
        format!("certs/{DOMAIN}.key"),
    ] {
        assert_eq!(mode(&stored(&data, &f)), 0o600, "{f}");
    }
    drop(relay);

    // Restarted, it serves the stored certificate at once and orders nothing.
    let again = RelayProcess::start(dir.path(), &acme_flags(&p, https, &data));
    let health = healthy(https, &root, &again);
    assert_eq!(
        health.leaf, first_leaf,
        "the restarted relay serves another certificate than the one it obtained"
    );
    assert_eq!(
        metric(https, &root, "hookctl_relay_acme_orders_total"),
        Some(0.0)
    );
    let first = std::fs::read(stored(&data, &format!("certs/{DOMAIN}.crt"))).unwrap();
    let served = CertificateDer::pem_slice_iter(&first)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(health.leaf, served.to_vec());
}

#[test]
fn a_certificate_that_cannot_be_saved_is_served_anyway_and_not_ordered_again() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    let p = Pebble::start(dir.path(), https, free_port(), None);
    let data = dir.path().join("data");
    // A folder where the key's file goes: the save fails whoever runs the test (root too).
    let hash = hex::encode(&sha2::Sha256::digest(p.directory.as_bytes())[..4]);
    let certs = data
        .join("acme")
        .join(format!("127.0.0.1-{hash}"))
        .join("certs");
    std::fs::create_dir_all(certs.join(format!("{DOMAIN}.key"))).unwrap();
    let relay = RelayProcess::start(dir.path(), &acme_flags(&p, https, &data));
    let root = p.root_pem();
    healthy(https, &root, &relay);
    assert!(
        relay.log().contains("ordered again after a restart"),
        "{}",
        relay.log()
    );
    assert_eq!(
        metric(https, &root, "hookctl_relay_acme_orders_total"),
        Some(1.0)
    );
    assert!(!certs.join(format!("{DOMAIN}.crt")).exists());
}

#[test]
fn with_http_listen_the_certificate_comes_by_http_01_and_plain_http_is_redirected_to_https() {
    let dir = tempfile::tempdir().unwrap();
    let (https, http) = (free_port(), free_port());
    let p = Pebble::start(dir.path(), https, http, None);
    let mut flags = acme_flags(&p, https, &dir.path().join("data"));
    flags.extend(["--http-listen".into(), format!("127.0.0.1:{http}")]);
    let relay = RelayProcess::start(dir.path(), &flags);
    let root = p.root_pem();
    healthy(https, &root, &relay);
    assert!(relay.log().contains("http-01"), "{}", relay.log());

    let plain = |host: &str| {
        use std::io::{Read, Write};
        let mut tcp = std::net::TcpStream::connect(("127.0.0.1", http)).unwrap();
        let head = format!(
            "POST /t/demo/hook?x=1 HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        tcp.write_all(head.as_bytes()).unwrap();
        let mut answer = String::new();
        tcp.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 308"), "{answer}");
        answer.to_ascii_lowercase()
    };
    let to = |host: &str| format!("location: https://{host}:{https}/t/demo/hook?x=1");
    assert!(plain(DOMAIN).contains(&to(DOMAIN)));
    let sub = format!("demo.{DOMAIN}");
    assert!(plain(&format!("{sub}:80")).contains(&to(&sub)));
    // Never to a host the request names that is not the relay's.
    assert!(plain("evil.example").contains(&to(DOMAIN)));
}

fn client(relay: &str, root: &str, name: &str) -> ClientOptions {
    let mut o = ClientOptions::new(relay);
    o.name = Some(name.into());
    o.relay_ip = Some([127, 0, 0, 1].into());
    o.extra_roots = CertificateDer::pem_slice_iter(root.as_bytes())
        .map(Result::unwrap)
        .collect();
    o
}

#[test]
fn a_subdomain_gets_a_certificate_at_its_first_handshake_only_for_a_tunnel_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    let p = Pebble::start(dir.path(), https, free_port(), None);
    let relay = RelayProcess::start(dir.path(), &acme_flags(&p, https, &dir.path().join("data")));
    let root = p.root_pem();
    healthy(https, &root, &relay);
    let orders = || metric(https, &root, "hookctl_relay_acme_orders_total");
    assert_eq!(orders(), Some(1.0));

    // Made-up names: the handshake fails and no order is placed.
    for host in [
        format!("ghost.{DOMAIN}"),
        format!("a.b.{DOMAIN}"),
        "elsewhere.example".to_string(),
    ] {
        let e = handshake(https, &host, &root).err();
        assert!(e.is_some(), "{host} got a certificate");
    }
    assert_eq!(
        orders(),
        Some(1.0),
        "an order was placed for a made-up name"
    );

    // A tunnel that exists gets its certificate on demand, and the whole path reaches it.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let target = Target::start().await;
        let relay_url = format!("https://{DOMAIN}:{https}");
        let l = Listener::start(client(&relay_url, &root, "demo"), &target.url()).await;
        assert_eq!(l.url, format!("{relay_url}/t/demo"));
        let host = format!("demo.{DOMAIN}");
        let root2 = root.clone();
        let r = tokio::task::spawn_blocking(move || {
            post(https, &host, "/stripe/hook?a=1", b"\x00bytes\xff", &root2)
        })
        .await
        .unwrap();
        assert_eq!(r.status, 201, "{}", r.head);
        let seen = target.seen.lock().unwrap().pop().unwrap();
        assert_eq!(seen.target, "/stripe/hook?a=1");
        assert_eq!(seen.body, Bytes::from_static(b"\x00bytes\xff"));
        l.stop().await;
    });
    assert_eq!(orders(), Some(2.0));
}

#[test]
fn with_http_listen_a_subdomains_first_certificate_comes_by_tls_alpn_01_when_http_01_cannot_pass() {
    let dir = tempfile::tempdir().unwrap();
    let (https, http) = (free_port(), free_port());
    // pebble checks HTTP-01 on the HTTPS port, where plain HTTP gets no answer: as if a firewall
    // kept port 80 closed.
    let p = Pebble::start(dir.path(), https, https, None);
    let mut flags = acme_flags(&p, https, &dir.path().join("data"));
    flags.extend(["--http-listen".into(), format!("127.0.0.1:{http}")]);
    let relay = RelayProcess::start(dir.path(), &flags);
    let root = p.root_pem();
    // The domain's own certificate comes at its retry, by TLS-ALPN-01.
    healthy(https, &root, &relay);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let target = Target::start().await;
        let relay_url = format!("https://{DOMAIN}:{https}");
        let l = Listener::start(client(&relay_url, &root, "demo"), &target.url()).await;
        let root2 = root.clone();
        let got = tokio::task::spawn_blocking(move || {
            handshake(https, &format!("demo.{DOMAIN}"), &root2).map(|_| ())
        })
        .await
        .unwrap();
        assert!(got.is_ok(), "{got:?}; the relay's log:\n{}", relay.log());
        l.stop().await;
    });
}

#[test]
fn a_renewal_swaps_the_certificate_while_a_tunnel_stays_connected() {
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    // Certificates valid for 15 s: renewed 10 s into their life.
    let p = Pebble::start(
        dir.path(),
        https,
        free_port(),
        Some(Duration::from_secs(15)),
    );
    let relay = RelayProcess::start(dir.path(), &acme_flags(&p, https, &dir.path().join("data")));
    let root = p.root_pem();
    let first = healthy(https, &root, &relay).leaf;
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let target = Target::start().await;
        let relay_url = format!("https://{DOMAIN}:{https}");
        let mut l = Listener::start(client(&relay_url, &root, "demo"), &target.url()).await;
        let root2 = root.clone();
        let renewed = tokio::task::spawn_blocking(move || {
            wait_for("a renewed certificate", Duration::from_secs(60), || {
                let leaf = https_get(https, DOMAIN, "/healthz", &root2).ok()?.leaf;
                (leaf != first).then_some(leaf)
            })
        })
        .await
        .unwrap();
        assert!(!renewed.is_empty());
        assert!(
            relay.log().contains("renewed a certificate"),
            "{}",
            relay.log()
        );
        // The tunnel opened under the old certificate is still the same connection, and works.
        let root3 = root.clone();
        let r = tokio::task::spawn_blocking(move || {
            post(
                https,
                DOMAIN,
                "/t/demo/after-renewal",
                b"still here",
                &root3,
            )
        })
        .await
        .unwrap();
        assert_eq!(r.status, 201, "{}", r.head);
        assert_eq!(
            target.seen.lock().unwrap().last().unwrap().body,
            Bytes::from_static(b"still here")
        );
        assert!(
            l.events.try_recv().is_err(),
            "the tunnel client lost its connection during the renewal"
        );
        l.stop().await;
    });
}

#[test]
fn an_unreachable_acme_directory_is_one_line_naming_it_and_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let directory = format!("https://127.0.0.1:{port}/dir");
    let out = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
        .args(["--listen", "127.0.0.1:0", "--domain", DOMAIN, "--data-dir"])
        .arg(dir.path().join("data"))
        .args(["--acme-directory", &directory])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&directory) && err.contains("cannot be reached"),
        "{err}"
    );
}

#[test]
fn a_certificate_the_ca_cannot_validate_is_one_line_saying_why_and_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let https = free_port();
    // DNS sends the CA to 127.0.0.2, where nothing listens: as a record pointing elsewhere.
    let p = Pebble::start_resolving(dir.path(), https, free_port(), None, "127.0.0.2");
    let relay = RelayProcess::start(dir.path(), &acme_flags(&p, https, &dir.path().join("data")));
    let line = wait_for("the relay's failure line", Duration::from_secs(60), || {
        relay
            .log()
            .lines()
            .find(|l| l.contains("no certificate:"))
            .map(str::to_string)
    });
    assert!(
        line.contains(&format!(
            "the CA could not connect to {DOMAIN} (port closed or unreachable"
        )) && line.contains("retrying in 10s"),
        "{line}"
    );
    // Never plain http on the HTTPS port, and no certificate to offer.
    assert!(handshake(https, DOMAIN, &p.root_pem()).is_err());
}
