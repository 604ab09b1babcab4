//! End to end through a real relay, a real tunnel client and a real local target, all on
//! 127.0.0.1 port 0: bytes arrive as sent both ways, many requests share one tunnel, and the
//! relay answers 404, 413, 503 and 504 where the README says.

mod common;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use common::*;
use futures_util::future::join_all;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn bodies_headers_and_queries_arrive_byte_exact_both_ways() {
    let relay = Relay::start(&[]).await;
    let target = Target::start().await;
    let listener = Listener::start(
        client_opts(&relay.url()),
        &format!("{}/hooks", target.url()),
    )
    .await;
    let json = "{\"url\":\"https:\\/\\/example.com\\/a\",\"name\":\"Zoë ☃ \\u00e9\",\"n\":1.50}";
    let binary: Vec<u8> = (0..=255u8).rev().chain(0..=255).collect();
    let cases: Vec<(&str, &str, Bytes)> = vec![
        (
            "application/json",
            "/stripe?x=1&x=2&q=%20a%2Fb",
            Bytes::from(json),
        ),
        (
            "application/x-www-form-urlencoded",
            "/form",
            Bytes::from_static(b"a=1&b=%E2%98%83&c=x+y&a=2&empty="),
        ),
        (
            "application/octet-stream",
            "/bin/%7Efile",
            Bytes::from(binary),
        ),
        ("text/plain", "", Bytes::new()),
    ];
    for (i, (ctype, path, body)) in cases.into_iter().enumerate() {
        let (status, headers, back) = send(
            &listener.url,
            "POST",
            path,
            &[
                ("content-type", ctype),
                ("x-rep", "first"),
                ("x-other", "o"),
                ("x-rep", "second, with comma"),
                ("stripe-signature", "t=1,v1=abc"),
            ],
            body.clone(),
        )
        .await;
        assert_eq!(status, 201, "case {i}");
        assert_eq!(back, body, "case {i}: the answer's body changed");
        let echo: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n == "x-echo")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(echo, ["one", "two"], "case {i}");
        let seen = target.seen.lock().unwrap()[i].clone();
        assert_eq!(seen.method, "POST");
        let expected_target = if path.is_empty() {
            "/hooks".to_string()
        } else {
            format!("/hooks{path}")
        };
        assert_eq!(seen.target, expected_target, "case {i}");
        assert_eq!(seen.body, body, "case {i}: the request's body changed");
        assert_eq!(seen.all("x-rep"), ["first", "second, with comma"]);
        assert_eq!(seen.all("stripe-signature"), ["t=1,v1=abc"]);
        assert_eq!(seen.all("content-type"), [ctype]);
        // Framed as the sender framed it: hyper sends no Content-Length for an empty body.
        if body.is_empty() {
            assert!(seen.all("content-length").is_empty());
        } else {
            assert_eq!(
                seen.all("content-length"),
                [body.len().to_string().as_str()]
            );
        }
        assert!(seen.all("transfer-encoding").is_empty());
        assert_eq!(seen.all("x-forwarded-for"), ["127.0.0.1"]);
        assert_eq!(seen.all("x-forwarded-proto"), ["http"]);
        assert_eq!(
            seen.all("x-forwarded-host"),
            [relay.addr.to_string().as_str()]
        );
        assert_eq!(seen.all("host"), [target.addr.to_string().as_str()]);
    }
    for method in ["GET", "PUT", "DELETE", "PATCH"] {
        let (status, _, _) = send(&listener.url, method, "/m", &[], Bytes::new()).await;
        assert_eq!(status, 201);
        assert_eq!(target.seen.lock().unwrap().last().unwrap().method, method);
    }
    listener.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn a_25_mib_body_goes_through_whole_both_ways() {
    let relay = Relay::start(&[]).await;
    let target = Target::start().await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    let body: Vec<u8> = (0..25 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let body = Bytes::from(body);
    let (status, _, back) = send(&listener.url, "POST", "/big", &[], body.clone()).await;
    assert_eq!(status, 201);
    assert!(back == body, "the echoed 25 MiB body differs");
    assert!(target.seen.lock().unwrap()[0].body == body);
    // One byte over --max-body (25 MiB by default) is refused before anything is forwarded.
    let over = Bytes::from(vec![0u8; 25 * 1024 * 1024 + 1]);
    let (status, _, _) = send(&listener.url, "POST", "/big", &[], over).await;
    assert_eq!(status, 413);
    assert_eq!(target.count(), 1);
    listener.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn two_hundred_requests_are_in_flight_at_once_through_one_tunnel() {
    two_hundred_in_flight().await;
}

/// The same with relay, client and senders on tokio's multi-threaded runtime (`--threads 2`),
/// where a request's tasks run on either thread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_requests_are_in_flight_at_once_on_two_threads() {
    two_hundred_in_flight().await;
}

async fn two_hundred_in_flight() {
    let relay = Relay::start(&[]).await;
    // The target answers none until all 200 are waiting inside it at the same time.
    let gate = Arc::new(tokio::sync::Barrier::new(200));
    let target = Target::start_gated(Some(gate)).await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    let sends = (0..200).map(|i| {
        let url = listener.url.clone();
        async move {
            let body = Bytes::from(format!("{{\"n\":{i}}}"));
            let (status, _, back) = send(&url, "POST", &format!("/r/{i}"), &[], body.clone()).await;
            (status, back == body)
        }
    });
    let results = tokio::time::timeout(Duration::from_secs(60), join_all(sends))
        .await
        .expect("the 200 requests did not all get through together");
    assert!(results.iter().all(|(s, same)| *s == 201 && *same));
    assert_eq!(target.count(), 200);
    listener.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn unknown_tunnels_are_404_and_health_and_metrics_answer() {
    let relay = Relay::start(&[]).await;
    let (status, _, body) = send(&relay.url(), "POST", "/t/nobody/x", &[], Bytes::new()).await;
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("unknown tunnel"));
    let (status, _, _) = send(&relay.url(), "POST", "/t/Bad_Name/x", &[], Bytes::new()).await;
    assert_eq!(status, 404);
    let (status, _, body) = send(&relay.url(), "GET", "/healthz", &[], Bytes::new()).await;
    assert_eq!((status, &body[..]), (200, &b"ok"[..]));
    assert_eq!(relay.metric("hookctl_relay_tunnels_connected").await, 0.0);
    let target = Target::start().await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    assert_eq!(relay.metric("hookctl_relay_tunnels_connected").await, 1.0);
    send(
        &listener.url,
        "POST",
        "/",
        &[],
        Bytes::from_static(b"12345"),
    )
    .await;
    assert_eq!(
        relay
            .metric("hookctl_relay_requests_total{status=\"201\"}")
            .await,
        1.0
    );
    assert_eq!(relay.metric("hookctl_relay_request_bytes_total").await, 5.0);
    assert_eq!(
        relay.metric("hookctl_relay_response_bytes_total").await,
        5.0
    );
    assert_eq!(
        relay
            .metric("hookctl_relay_requests_total{status=\"404\"}")
            .await,
        2.0
    );
    listener.stop().await;
    relay
        .wait_metric("hookctl_relay_tunnels_connected", 0.0)
        .await;
    relay.shutdown().await;
}

#[tokio::test]
async fn a_chunked_body_over_max_body_is_413() {
    let relay = Relay::start(&["--max-body", "1KiB"]).await;
    let target = Target::start().await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    // No Content-Length: the relay finds out while streaming.
    let addr = relay.addr;
    let path = listener
        .url
        .split(&addr.to_string())
        .nth(1)
        .unwrap()
        .to_string();
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let chunk = "a".repeat(800);
    let req = format!(
        "POST {path}/x HTTP/1.1\r\nHost: r\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n320\r\n{chunk}\r\n320\r\n{chunk}\r\n0\r\n\r\n"
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out).await;
    assert!(out.starts_with("HTTP/1.1 413"), "{out}");
    let (status, _, _) = send(
        &listener.url,
        "POST",
        "/x",
        &[],
        Bytes::from(vec![1u8; 1024]),
    )
    .await;
    assert_eq!(status, 201, "exactly --max-body is accepted");
    listener.stop().await;
    relay.shutdown().await;
}

/// A client whose handler never answers: the sender gets 504 after --request-timeout.
struct Silent;

impl hookctl_relay::client::Handler for Silent {
    fn handle(
        &self,
        _req: hookctl_relay::client::TunnelRequest,
    ) -> hookctl_relay::client::BoxFuture<hookctl_relay::client::TunnelResponse> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_silent_client_is_504_and_past_max_in_flight_is_503() {
    let relay = Relay::start(&["--request-timeout", "300ms", "--max-in-flight", "2"]).await;
    let (stop, url) = client_with(&relay.url(), Silent).await;
    let started = std::time::Instant::now();
    let (status, _, body) = send(&url, "POST", "/slow", &[], Bytes::new()).await;
    assert_eq!(status, 504, "{}", String::from_utf8_lossy(&body));
    assert!(started.elapsed() >= Duration::from_millis(300));
    // Two requests hold both slots; the third is turned away at once.
    let a = tokio::spawn(send_owned(url.clone()));
    let b = tokio::spawn(send_owned(url.clone()));
    relay
        .wait_metric("hookctl_relay_requests_total{status=\"504\"}", 1.0)
        .await;
    let mut third = None;
    for _ in 0..500 {
        let (status, headers, _) = send(&url, "POST", "/c", &[], Bytes::new()).await;
        if status == 503 {
            third = Some(headers);
            break;
        }
        // The two holders had not both reached the relay yet.
    }
    let headers = third.expect("never got 503 past --max-in-flight");
    assert!(headers.iter().any(|(n, _)| n == "retry-after"));
    assert_eq!(a.await.unwrap(), 504);
    assert_eq!(b.await.unwrap(), 504);
    stop.cancel();
    relay.shutdown().await;
}

async fn send_owned(url: String) -> u16 {
    send(&url, "POST", "/hold", &[], Bytes::new()).await.0
}

#[tokio::test]
async fn a_slowloris_sender_is_cut_off_and_does_not_hold_the_relay() {
    let relay = Relay::start(&["--header-timeout", "300ms"]).await;
    let target = Target::start().await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    let mut slow = Vec::new();
    for _ in 0..50 {
        let mut s = tokio::net::TcpStream::connect(relay.addr).await.unwrap();
        s.write_all(b"POST /t/x/ HTTP/1.1\r\nHost: r\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(s);
    }
    // Meanwhile others are served.
    let (status, _, _) = send(&listener.url, "POST", "/ok", &[], Bytes::from_static(b"x")).await;
    assert_eq!(status, 201);
    let started = std::time::Instant::now();
    for mut s in slow {
        let mut buf = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut buf)).await;
        assert!(read.is_ok(), "a slow sender was not cut off");
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    listener.stop().await;
    relay.shutdown().await;
}

#[tokio::test]
async fn shutdown_finishes_requests_in_flight() {
    let relay = Relay::start(&[]).await;
    let gate = Arc::new(tokio::sync::Barrier::new(2));
    let target = Target::start_gated(Some(gate.clone())).await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    let url = listener.url.clone();
    let pending =
        tokio::spawn(
            async move { send(&url, "POST", "/late", &[], Bytes::from_static(b"late")).await },
        );
    // Once the request is inside the target, stop the relay, then let the target answer.
    loop {
        let arrived = target.arrived.notified();
        if target.count() == 1 {
            break;
        }
        arrived.await;
    }
    relay.stop.cancel();
    gate.wait().await;
    let (status, _, body) = pending.await.unwrap();
    assert_eq!((status, &body[..]), (201, &b"late"[..]));
    relay.task.await.unwrap().unwrap();
    listener.stop().await;
}
