//! Tunnel sessions over time: tokens and reserved names, isolation between tunnels, the offline
//! buffer across client and relay restarts, reconnection, takeover, heartbeats, protocol
//! versions and TLS.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::*;
use futures_util::{SinkExt, StreamExt};
use hookctl_relay::client::{ClientError, ClientOptions, Event};
use tokio_tungstenite::tungstenite::Message;

fn named(relay: &str, name: &str, token: Option<&str>) -> ClientOptions {
    let mut o = ClientOptions::new(relay);
    o.name = Some(name.into());
    o.token = token.map(String::from);
    o
}

#[tokio::test]
async fn tokens_are_checked_and_a_reserved_name_stays_with_its_token() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let relay = Relay::start(&["--token", "alpha", "--token", "beta", "--data-dir", data]).await;
    let target = Target::start().await;
    let refused = |r: Result<Listener, ClientError>| match r {
        Err(ClientError::Refused(why)) => why,
        Err(e) => panic!("expected a refusal, got {e}"),
        Ok(_) => panic!("expected a refusal, got a tunnel"),
    };
    let why = refused(
        Listener::try_start(named(&relay.url(), "demo", Some("wrong")), &target.url()).await,
    );
    assert!(why.contains("refused the token"), "{why}");
    let why = refused(Listener::try_start(named(&relay.url(), "demo", None), &target.url()).await);
    assert!(why.contains("requires a token"), "{why}");

    let a = Listener::start(named(&relay.url(), "demo", Some("alpha")), &target.url()).await;
    assert_eq!(a.url, format!("{}/t/demo", relay.url()));
    a.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    // Even with its first client gone, and across a relay restart, "demo" is alpha's.
    let why = refused(
        Listener::try_start(named(&relay.url(), "demo", Some("beta")), &target.url()).await,
    );
    assert!(why.contains("reserved"), "{why}");
    let port = relay.addr;
    relay.shutdown().await;
    let relay = Relay::on(
        tokio::net::TcpListener::bind(port).await.unwrap(),
        opts(&["--token", "alpha", "--token", "beta", "--data-dir", data]),
    );
    let why = refused(
        Listener::try_start(named(&relay.url(), "demo", Some("beta")), &target.url()).await,
    );
    assert!(why.contains("reserved"), "{why}");
    let a = Listener::start(named(&relay.url(), "demo", Some("alpha")), &target.url()).await;
    a.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn a_request_for_one_tunnel_never_reaches_another() {
    let relay = Relay::start(&[]).await;
    let (ta, tb) = (Target::start().await, Target::start().await);
    let a = Listener::start(ClientOptions::new(relay.url()), &ta.url()).await;
    let b = Listener::start(ClientOptions::new(relay.url()), &tb.url()).await;
    assert_ne!(a.url, b.url);
    // Random names are long and unguessable.
    let name = a.url.rsplit('/').next().unwrap();
    assert_eq!(name.len(), 16);
    for i in 0..20 {
        let (status, _, _) = send(&a.url, "POST", &format!("/to-a/{i}"), &[], Bytes::new()).await;
        assert_eq!(status, 201);
    }
    // Whatever the path says, a client forwards only to its own target.
    let (status, _, _) = send(
        &a.url,
        "POST",
        "//127.0.0.1:1/evil",
        &[("host", "evil.example")],
        Bytes::new(),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(ta.count(), 21);
    assert_eq!(ta.seen.lock().unwrap()[20].target, "//127.0.0.1:1/evil");
    assert_eq!(tb.count(), 0);
    assert!(b.handled.lock().unwrap().is_empty());
    a.stop().await;
    b.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn buffered_requests_survive_the_client_and_a_relay_restart_and_arrive_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let relay = Relay::start(&["--data-dir", data, "--token", "t"]).await;
    let target = Target::start().await;
    let first = Listener::start(named(&relay.url(), "buf", Some("t")), &target.url()).await;
    let url = first.url.clone();
    first.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;

    for i in 0..5 {
        let (status, _, body) = send(
            &url,
            "POST",
            &format!("/e/{i}?q={i}"),
            &[("x-n", &i.to_string())],
            Bytes::from(format!("body {i}")),
        )
        .await;
        assert_eq!(status, 202, "{}", String::from_utf8_lossy(&body));
    }
    assert_eq!(relay.metric("hookctl_relay_buffered_requests").await, 5.0);
    assert_eq!(target.count(), 0);

    // The relay restarts on the same address: nothing is lost.
    let addr = relay.addr;
    relay.shutdown().await;
    let relay = Relay::on(
        tokio::net::TcpListener::bind(addr).await.unwrap(),
        opts(&["--data-dir", data, "--token", "t"]),
    );
    assert_eq!(relay.metric("hookctl_relay_buffered_requests").await, 5.0);
    let (status, _, _) = send(
        &url,
        "POST",
        "/e/5?q=5",
        &[("x-n", "5")],
        Bytes::from("body 5"),
    )
    .await;
    assert_eq!(status, 202);

    let back = Listener::start(named(&relay.url(), "buf", Some("t")), &target.url()).await;
    assert_eq!(back.url, url, "the same name, the same URL");
    relay
        .wait_metric("hookctl_relay_buffered_requests", 0.0)
        .await;
    let seen = target.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 6, "each buffered request exactly once");
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s.target, format!("/e/{i}?q={i}"));
        assert_eq!(s.body, Bytes::from(format!("body {i}")));
        assert_eq!(s.all("x-n"), [i.to_string().as_str()]);
    }
    let ids: Vec<Option<String>> = back
        .handled
        .lock()
        .unwrap()
        .iter()
        .map(|h| h.1.clone())
        .collect();
    assert!(
        ids.iter().all(Option::is_some),
        "buffered requests carry a delivery id"
    );
    // Live traffic flows again once the buffer is empty.
    let (status, _, _) = send(&url, "POST", "/live", &[], Bytes::new()).await;
    assert_eq!(status, 201);
    // A second reconnection delivers nothing again.
    back.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    let again = Listener::start(named(&relay.url(), "buf", Some("t")), &target.url()).await;
    let (status, _, _) = send(&url, "POST", "/after", &[], Bytes::new()).await;
    assert_eq!(status, 201);
    assert_eq!(target.count(), 8);
    assert_eq!(again.handled.lock().unwrap().len(), 1);
    again.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn reject_mode_answers_503_with_retry_after_for_a_known_offline_tunnel() {
    let relay = Relay::start(&["--offline", "reject"]).await;
    let target = Target::start().await;
    let l = Listener::start(named(&relay.url(), "gone", None), &target.url()).await;
    let url = l.url.clone();
    l.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    let (status, headers, _) = send(&url, "POST", "/x", &[], Bytes::new()).await;
    assert_eq!(status, 503);
    assert!(headers.iter().any(|(n, v)| n == "retry-after" && v == "30"));
    relay.shutdown().await;
}

#[tokio::test]
async fn buffer_max_turns_further_requests_away_rather_than_dropping_any() {
    let dir = tempfile::tempdir().unwrap();
    let relay = Relay::start(&[
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--buffer-max",
        "2",
    ])
    .await;
    let target = Target::start().await;
    let l = Listener::start(named(&relay.url(), "full", None), &target.url()).await;
    let url = l.url.clone();
    l.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(send(&url, "POST", "/x", &[], Bytes::new()).await.0);
    }
    assert_eq!(statuses, [202, 202, 503]);
    relay.shutdown().await;
}

#[tokio::test]
async fn the_listener_is_back_with_the_same_url_within_2s_of_a_relay_restart() {
    let relay = Relay::start(&[]).await;
    let target = Target::start().await;
    let mut l = Listener::start(ClientOptions::new(relay.url()), &target.url()).await;
    let url = l.url.clone();
    let addr = relay.addr;
    relay.shutdown().await;
    let lost = l.next().await;
    assert!(matches!(lost, Event::Lost { .. }), "{lost:?}");
    let relay = Relay::on(
        tokio::net::TcpListener::bind(addr).await.unwrap(),
        opts(&[]),
    );
    let restarted = Instant::now();
    loop {
        match l.next().await {
            Event::Connected {
                public_url, again, ..
            } => {
                assert!(again);
                assert_eq!(public_url, url);
                break;
            }
            Event::Retrying { retry_in, .. } => assert!(retry_in <= Duration::from_secs(2)),
            other => panic!("{other:?}"),
        }
    }
    assert!(
        restarted.elapsed() < Duration::from_secs(2),
        "took {:?}",
        restarted.elapsed()
    );
    let (status, _, _) = send(&url, "POST", "/after", &[], Bytes::new()).await;
    assert_eq!(status, 201);
    l.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn the_same_token_takes_a_live_name_over_and_the_old_client_stops() {
    let relay = Relay::start(&["--token", "tok"]).await;
    let target = Target::start().await;
    let old = Listener::start(named(&relay.url(), "mine", Some("tok")), &target.url()).await;
    let new = Listener::start(named(&relay.url(), "mine", Some("tok")), &target.url()).await;
    let ended = tokio::time::timeout(Duration::from_secs(10), old.task)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(ended, Err(ClientError::Replaced(ref n)) if n == "mine"),
        "{ended:?}"
    );
    let (status, _, _) = send(&new.url, "POST", "/x", &[], Bytes::new()).await;
    assert_eq!(status, 201);
    assert_eq!(new.handled.lock().unwrap().len(), 1);
    new.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn on_an_open_relay_a_stranger_cannot_take_a_live_name() {
    let relay = Relay::start(&[]).await;
    let target = Target::start().await;
    let first = Listener::start(named(&relay.url(), "taken", None), &target.url()).await;
    match Listener::try_start(named(&relay.url(), "taken", None), &target.url()).await {
        Err(ClientError::Refused(why)) => assert!(why.contains("in use"), "{why}"),
        _ => panic!("a second client took a live name"),
    }
    first.stop().await;
    relay.shutdown().await;
}

async fn raw_ws(
    relay: &Relay,
) -> tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>> {
    let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{}/connect", relay.addr))
        .await
        .unwrap();
    ws
}

#[tokio::test]
async fn a_client_of_another_protocol_version_is_told_to_upgrade() {
    let relay = Relay::start(&[]).await;
    let mut ws = raw_ws(&relay).await;
    ws.send(Message::text(
        r#"{"type":"hello","version":99,"future":"field"}"#,
    ))
    .await
    .unwrap();
    let Some(Ok(Message::Text(t))) = ws.next().await else {
        panic!("no answer")
    };
    let v: serde_json::Value = serde_json::from_str(&t).unwrap();
    assert_eq!(v["type"], "refused");
    assert_eq!(v["permanent"], true);
    assert!(v["reason"].as_str().unwrap().contains("upgrade"), "{t}");
    relay.shutdown().await;
}

#[tokio::test]
async fn a_silent_client_is_dropped_after_three_missed_heartbeats() {
    let relay = Relay::start(&["--heartbeat", "100ms"]).await;
    let mut ws = raw_ws(&relay).await;
    ws.send(Message::text(
        r#"{"type":"hello","version":1,"name":"quiet"}"#,
    ))
    .await
    .unwrap();
    let started = Instant::now();
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 1.0)
        .await;
    // Read (and so receive the relay's pings) but never send: the relay hangs up.
    let mut pings = 0;
    while let Some(Ok(m)) = ws.next().await {
        if let Message::Text(t) = m
            && t.contains("\"ping\"")
        {
            pings += 1;
        }
    }
    assert!(pings >= 2, "{pings} pings");
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert!(started.elapsed() < Duration::from_secs(5));
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    relay.shutdown().await;
}

#[tokio::test]
async fn a_tls_relay_serves_https_and_wss() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert_path, key_path) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.signing_key.serialize_pem()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let relay = Relay::on(
        listener,
        opts(&[
            "--tls-cert",
            cert_path.to_str().unwrap(),
            "--tls-key",
            key_path.to_str().unwrap(),
            "--public-url",
            &format!("https://localhost:{port}"),
        ]),
    );
    let target = Target::start().await;
    let mut o = ClientOptions::new(format!("https://localhost:{port}"));
    o.extra_roots = vec![cert.cert.der().clone()];
    let l = Listener::start(o, &target.url()).await;
    assert!(l.url.starts_with(&format!("https://localhost:{port}/t/")));

    // A sender over HTTPS, trusting the same certificate.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert.der().clone()).unwrap();
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_only()
        .enable_http1()
        .build();
    let client: hyper_util::client::legacy::Client<_, http_body_util::Full<Bytes>> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build(https);
    let mut req = http::Request::new(http_body_util::Full::new(Bytes::from_static(b"secure")));
    *req.method_mut() = http::Method::POST;
    *req.uri_mut() = format!("{}/s", l.url).parse().unwrap();
    let resp = client.request(req).await.unwrap();
    assert_eq!(resp.status(), 201);
    let seen = target.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.body, Bytes::from_static(b"secure"));
    assert_eq!(seen.all("x-forwarded-proto"), ["https"]);
    l.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn on_an_open_relay_only_the_client_that_made_a_name_gets_what_was_buffered_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let relay = Relay::start(&["--data-dir", data]).await;
    let (ta, tb) = (Target::start().await, Target::start().await);
    let base = relay.url();
    let keyed = |key: &str| {
        let mut o = named(&base, "mine", None);
        o.key = Some(key.into());
        o
    };
    let a = Listener::start(keyed("key-of-a"), &ta.url()).await;
    let url = a.url.clone();
    a.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    for i in 0..3 {
        let body = Bytes::from(format!("secret {i}"));
        let (status, _, _) = send(&url, "POST", &format!("/{i}"), &[], body).await;
        assert_eq!(status, 202);
    }

    // Another key asking for the name is refused for good, and receives nothing.
    let why = match Listener::try_start(keyed("key-of-b"), &tb.url()).await {
        Err(ClientError::Refused(why)) => why,
        Err(e) => panic!("expected a refusal, got {e}"),
        Ok(_) => panic!("another client got the tunnel and its buffer"),
    };
    assert!(why.contains("'mine'") && why.contains("buffered"), "{why}");
    assert_eq!(why.lines().count(), 1, "{why}");
    assert_eq!(tb.count(), 0);
    assert_eq!(relay.metric("hookctl_relay_buffered_requests").await, 3.0);

    // Its own client, even after a relay restart, gets every one.
    let addr = relay.addr;
    relay.shutdown().await;
    let relay = Relay::on(
        tokio::net::TcpListener::bind(addr).await.unwrap(),
        opts(&["--data-dir", data]),
    );
    assert!(matches!(
        Listener::try_start(keyed("key-of-b"), &tb.url()).await,
        Err(ClientError::Refused(_))
    ));
    let back = Listener::start(keyed("key-of-a"), &ta.url()).await;
    assert_eq!(back.url, url);
    relay
        .wait_metric("hookctl_relay_buffered_requests", 0.0)
        .await;
    let bodies: Vec<Bytes> = ta
        .seen
        .lock()
        .unwrap()
        .iter()
        .map(|s| s.body.clone())
        .collect();
    assert_eq!(bodies, ["secret 0", "secret 1", "secret 2"]);
    assert_eq!(tb.count(), 0);
    back.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn a_client_with_several_relays_dials_the_next_at_once_and_backs_off_only_after_a_whole_round()
 {
    // A relay that is gone: a port bound and held for the whole test, never listening, so
    // connections are refused and no other test can take it.
    let refusing = tokio::net::TcpSocket::new_v4().unwrap();
    refusing.bind(([127, 0, 0, 1], 0).into()).unwrap();
    let dead = format!("http://{}", refusing.local_addr().unwrap());
    let a = Relay::start(&[]).await;
    let target = Target::start().await;
    let (a_url, a_addr) = (a.url(), a.addr);
    let mut o = ClientOptions::with_relays(vec![dead.clone(), a_url.clone()]);
    o.name = Some("rounds".into());
    let mut l = Listener::start(o, &target.url()).await;
    assert_eq!(l.url, format!("{a_url}/t/rounds"), "the first that answers");
    a.shutdown().await;
    assert!(matches!(l.next().await, Event::Lost { .. }));
    // The next relay at once; the one it lost only after a wait, as the whole round failed.
    match l.next().await {
        Event::Retrying { next, retry_in, .. } => {
            assert_eq!((next, retry_in), (dead.clone(), Duration::ZERO))
        }
        other => panic!("{other:?}"),
    }
    match l.next().await {
        Event::Retrying { next, retry_in, .. } => {
            assert_eq!(next, a_url);
            assert!(retry_in > Duration::ZERO, "{retry_in:?}");
        }
        other => panic!("{other:?}"),
    }
    // A relay back at the address it lost: the client is there again, and says which relay.
    let b = Relay::on(
        tokio::net::TcpListener::bind(a_addr).await.unwrap(),
        opts(&[]),
    );
    loop {
        match l.next().await {
            Event::Connected { relay, again, .. } => {
                assert!(again);
                assert_eq!(relay, b.url());
                break;
            }
            Event::Retrying { .. } => {}
            other => panic!("{other:?}"),
        }
    }
    l.stop().await;
    b.shutdown().await;
}
