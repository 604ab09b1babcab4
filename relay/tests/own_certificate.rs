//! HTTPS with the operator's own certificate: with `--domain`, a wildcard certificate serves
//! every tunnel subdomain, and a certificate replaced on disk is served to new connections
//! without a restart while an open tunnel goes on.

mod common;
mod pebble;

use std::time::Duration;

use bytes::Bytes;
use common::{Listener, Relay, Target, opts};
use hookctl_relay::client::ClientOptions;
use pebble::{handshake, request, wait_for};
use rustls::pki_types::CertificateDer;

const DOMAIN: &str = "relay.hookctl.test";

/// A self-signed certificate for the domain and its subdomains: (cert PEM, key PEM, DER).
fn wildcard() -> (String, String, Vec<u8>) {
    let c = rcgen::generate_simple_self_signed(vec![DOMAIN.to_string(), format!("*.{DOMAIN}")])
        .unwrap();
    (
        c.cert.pem(),
        c.signing_key.serialize_pem(),
        c.cert.der().to_vec(),
    )
}

fn leaf(port: u16, host: &str, roots: &str) -> Vec<u8> {
    let (_, conn) = handshake(port, host, roots).unwrap();
    conn.peer_certificates().unwrap()[0].to_vec()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wildcard_certificate_serves_subdomains_and_a_replaced_one_is_served_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let (a_pem, a_key, a_der) = wildcard();
    let (b_pem, b_key, b_der) = wildcard();
    std::fs::write(&cert, &a_pem).unwrap();
    std::fs::write(&key, &a_key).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let relay = Relay::on(
        listener,
        opts(&[
            "--domain",
            DOMAIN,
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ]),
    );
    let roots = format!("{a_pem}{b_pem}");
    let target = Target::start().await;
    let mut o = ClientOptions::new(format!("https://{DOMAIN}:{port}"));
    o.name = Some("demo".into());
    o.relay_ip = Some([127, 0, 0, 1].into());
    o.extra_roots = [&a_der, &b_der]
        .map(|d| CertificateDer::from(d.clone()))
        .to_vec();
    let mut l = Listener::start(o, &target.url()).await;
    assert_eq!(l.url, format!("https://{DOMAIN}:{port}/t/demo"));

    let send = |body: &'static [u8]| {
        let roots = roots.clone();
        tokio::task::spawn_blocking(move || {
            let host = format!("demo.{DOMAIN}");
            let mut raw = format!(
                "PUT /whole/path?q=1 HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes();
            raw.extend_from_slice(body);
            request(port, &host, &raw, &roots).unwrap()
        })
    };
    let r = send(b"first").await.unwrap();
    assert_eq!(r.status, 201, "{}", r.head);
    assert_eq!(r.leaf, a_der);
    let seen = target.seen.lock().unwrap().last().unwrap().clone();
    assert_eq!(
        (seen.method.as_str(), seen.target.as_str()),
        ("PUT", "/whole/path?q=1")
    );

    let roots1 = roots.clone();
    let health = tokio::task::spawn_blocking(move || {
        pebble::https_get(port, DOMAIN, "/healthz", &roots1).unwrap()
    })
    .await
    .unwrap();
    let health = String::from_utf8(health.body).unwrap();
    assert!(
        health.starts_with("ok\ncertificate expires ") && !health.contains("renewal"),
        "{health}"
    );

    std::fs::write(&key, &b_key).unwrap();
    std::fs::write(&cert, &b_pem).unwrap();
    let roots2 = roots.clone();
    tokio::task::spawn_blocking(move || {
        wait_for("the replaced certificate", Duration::from_secs(20), || {
            (leaf(port, DOMAIN, &roots2) == b_der).then_some(())
        })
    })
    .await
    .unwrap();
    let r = send(b"second").await.unwrap();
    assert_eq!(r.status, 201, "{}", r.head);
    assert_eq!(
        target.seen.lock().unwrap().last().unwrap().body,
        Bytes::from_static(b"second")
    );
    assert!(
        l.events.try_recv().is_err(),
        "the tunnel client lost its connection when the certificate changed"
    );
    l.stop().await;
    relay.shutdown().await;
}
