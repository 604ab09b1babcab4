//! Let's Encrypt's test CA on loopback for the ACME tests: Debian's `pebble`, validating
//! challenges for real against the relay, with `pebble-challtestsrv` as its DNS server answering
//! every name with 127.0.0.1. Ports are picked free at start and written into pebble's config in
//! the test's own folder; readiness is polled, never slept for. Shared by the relay's tests and
//! `hookctl`'s (tests/relay_https.rs includes this file).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};

/// A port free now on 127.0.0.1 (for servers that cannot take a bound socket: pebble, and
/// the ports pebble must be told to validate on).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Polls `f` every 50 ms until it gives a value, failing the test after `limit` with `what`.
pub fn wait_for<T>(what: &str, limit: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub struct Pebble {
    children: Vec<Child>,
    /// The ACME directory URL.
    pub directory: String,
    /// The CA that signed pebble's own HTTPS certificate: `--acme-ca-cert`.
    pub ca_file: PathBuf,
    ca_pem: String,
    management: u16,
}

impl Drop for Pebble {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn tool(name: &str) -> Command {
    let path = Path::new("/usr/bin").join(name);
    assert!(
        path.exists(),
        "{name} is missing: apt-get install pebble (scripts/install-test-deps does)"
    );
    Command::new(path)
}

impl Pebble {
    /// Starts pebble validating TLS-ALPN-01 on `tls_port` and HTTP-01 on `http_port` (where
    /// the relay under test listens), issuing certificates valid for `validity` (pebble's
    /// default, five years, when none).
    pub fn start(dir: &Path, tls_port: u16, http_port: u16, validity: Option<Duration>) -> Pebble {
        Pebble::start_resolving(dir, tls_port, http_port, validity, "127.0.0.1")
    }

    /// As `start`, with every name resolving to `ipv4` (another loopback address than the
    /// relay's makes DNS point elsewhere).
    pub fn start_resolving(
        dir: &Path,
        tls_port: u16,
        http_port: u16,
        validity: Option<Duration>,
        ipv4: &str,
    ) -> Pebble {
        let dir = dir.join("pebble");
        std::fs::create_dir_all(&dir).unwrap();
        // Pebble's own HTTPS certificate, from a CA of the test's making.
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "hookctl test ACME server CA");
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
        let key = KeyPair::generate().unwrap();
        let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".into()])
            .unwrap()
            .signed_by(&key, &ca)
            .unwrap();
        let ca_file = dir.join("acme-ca.pem");
        std::fs::write(&ca_file, ca.pem()).unwrap();
        std::fs::write(dir.join("cert.pem"), leaf.pem()).unwrap();
        std::fs::write(dir.join("key.pem"), key.serialize_pem()).unwrap();

        // Pebble and its DNS server bind ports they are told, picked free a moment before: a
        // port another process took meanwhile makes one exit at start, and a start is tried
        // again on fresh ports.
        let mut tries = 0;
        loop {
            tries += 1;
            match Pebble::launch(
                &dir,
                tls_port,
                http_port,
                validity,
                ipv4,
                ca_file.clone(),
                ca.pem(),
            ) {
                Ok(p) => return p,
                Err(why) if why.contains("address already in use") && tries < 4 => continue,
                Err(why) => panic!("{why}"),
            }
        }
    }

    /// One start on freshly picked ports; Err with the exited program's own words.
    fn launch(
        dir: &Path,
        tls_port: u16,
        http_port: u16,
        validity: Option<Duration>,
        ipv4: &str,
        ca_file: PathBuf,
        ca_pem: String,
    ) -> Result<Pebble, String> {
        let (dns, challtest_mgmt, acme, management) =
            (free_port(), free_port(), free_port(), free_port());
        let mut config = serde_json::json!({"pebble": {
            "listenAddress": format!("127.0.0.1:{acme}"),
            "managementListenAddress": format!("127.0.0.1:{management}"),
            "certificate": dir.join("cert.pem"),
            "privateKey": dir.join("key.pem"),
            "httpPort": http_port,
            "tlsPort": tls_port,
            "ocspResponderURL": "",
            "externalAccountBindingRequired": false
        }});
        if let Some(v) = validity {
            config["pebble"]["certificateValidityPeriod"] = v.as_secs().into();
        }
        std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
        let log = |name: &str| Stdio::from(std::fs::File::create(dir.join(name)).unwrap());
        let challtestsrv = tool("pebble-challtestsrv")
            .args(["-defaultIPv4", ipv4, "-defaultIPv6", ""])
            .args(["-dns01", &format!("127.0.0.1:{dns}")])
            .args(["-http01", "", "-https01", "", "-tlsalpn01", ""])
            .args(["-management", &format!("127.0.0.1:{challtest_mgmt}")])
            .stdout(log("challtestsrv.log"))
            .stderr(log("challtestsrv.err"))
            .spawn()
            .unwrap();
        let pebble = tool("pebble")
            .arg("-config")
            .arg(dir.join("config.json"))
            .args(["-dnsserver", &format!("127.0.0.1:{dns}")])
            // Validate at once rather than after a random pause of up to 15 s, and never
            // refuse a good nonce: the challenge is still really validated.
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .stdout(log("pebble.log"))
            .stderr(log("pebble.err"))
            .spawn()
            .unwrap();
        let mut p = Pebble {
            children: vec![challtestsrv, pebble],
            directory: format!("https://127.0.0.1:{acme}/dir"),
            ca_file,
            ca_pem,
            management,
        };
        let ca_pem = p.ca_pem.clone();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            // Either program exiting says why in its logs (dropping `p` stops the other).
            for (c, name) in p.children.iter_mut().zip(["pebble-challtestsrv", "pebble"]) {
                if let Ok(Some(status)) = c.try_wait() {
                    let words: String = ["log", "err"]
                        .iter()
                        .map(|ext| {
                            std::fs::read_to_string(
                                dir.join(format!("{}.{ext}", name.trim_start_matches("pebble-"))),
                            )
                            .unwrap_or_default()
                        })
                        .collect();
                    return Err(format!("{name} exited ({status}): {words}"));
                }
            }
            let dns_up = TcpStream::connect(("127.0.0.1", dns)).is_ok();
            if dns_up
                && https_get(acme, "127.0.0.1", "/dir", &ca_pem).is_ok_and(|r| r.status == 200)
            {
                return Ok(p);
            }
            assert!(
                Instant::now() < deadline,
                "gave up waiting for pebble's directory"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The root certificates pebble issues under (made afresh at each start), PEM.
    pub fn root_pem(&self) -> String {
        let r = https_get(self.management, "127.0.0.1", "/roots/0", &self.ca_pem).unwrap();
        assert_eq!(r.status, 200);
        String::from_utf8(r.body).unwrap()
    }
}

/// An HTTPS answer, and the certificate the server presented.
pub struct Fetched {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
    pub leaf: Vec<u8>,
}

fn client(roots_pem: &str) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_slice_iter(roots_pem.as_bytes()) {
        roots.add(c.unwrap()).unwrap();
    }
    Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth(),
    )
}

/// A TLS handshake with 127.0.0.1:`port` asking for `host`, trusting only `roots_pem`: the
/// leaf certificate served, or why the handshake failed.
pub fn handshake(
    port: u16,
    host: &str,
    roots_pem: &str,
) -> Result<(TcpStream, rustls::ClientConnection), String> {
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let name = ServerName::try_from(host.to_string()).unwrap();
    let mut conn = rustls::ClientConnection::new(client(roots_pem), name).unwrap();
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| e.to_string())?;
    }
    Ok((tcp, conn))
}

/// `GET path` over HTTPS to 127.0.0.1:`port` with SNI and Host `host`.
pub fn https_get(port: u16, host: &str, path: &str, roots_pem: &str) -> Result<Fetched, String> {
    request(
        port,
        host,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").into_bytes(),
        roots_pem,
    )
}

/// Sends `raw` (a whole HTTP/1.1 request) over HTTPS and reads the answer to its end.
pub fn request(port: u16, host: &str, raw: &[u8], roots_pem: &str) -> Result<Fetched, String> {
    let (tcp, conn) = handshake(port, host, roots_pem)?;
    let leaf = conn
        .peer_certificates()
        .and_then(|c| c.first())
        .map(|c| c.to_vec())
        .unwrap_or_default();
    let mut tls = rustls::StreamOwned::new(conn, tcp);
    tls.write_all(raw).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    // A server may close without close_notify; what was read is the answer.
    let _ = tls.read_to_end(&mut out);
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no HTTP answer: {:?}", String::from_utf8_lossy(&out)))?;
    let head = String::from_utf8_lossy(&out[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in {head:?}"))?;
    Ok(Fetched {
        status,
        head,
        body: out[split + 4..].to_vec(),
        leaf,
    })
}

/// POSTs `body` as an octet stream over HTTPS, the way a provider delivers a webhook.
pub fn post(https: u16, host: &str, path: &str, body: &[u8], root: &str) -> Fetched {
    let mut raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(body);
    request(https, host, &raw, root).unwrap()
}
