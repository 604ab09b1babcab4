//! The relay's limits on a request head (hyper's `max_buf_size` of 64 KiB and `max_headers` of
//! 200, set in server.rs): past either the sender gets 431, and the relay goes on serving.

mod common;

use bytes::Bytes;
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Writes `head` on a new connection and returns all the relay answered before it closed.
/// A refused head is not read to its end, so the relay's close may come as a reset after its
/// answer: what arrived before that is kept, as are write errors ignored.
async fn raw(relay: &Relay, head: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(relay.addr).await.unwrap();
    let _ = s.write_all(head.as_bytes()).await;
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// A GET of /healthz with `extra` more header lines, each `x-hN: value`, besides Host and
/// Connection.
fn get_with(extra: usize, value: &str) -> String {
    let mut head = String::from("GET /healthz HTTP/1.1\r\nHost: r\r\nConnection: close\r\n");
    for i in 0..extra {
        head.push_str(&format!("x-h{i}: {value}\r\n"));
    }
    head + "\r\n"
}

#[tokio::test]
async fn a_head_over_64_kib_is_431_and_the_relay_keeps_serving() {
    let relay = Relay::start(&[]).await;
    let under = raw(&relay, &get_with(1, &"a".repeat(60 * 1024))).await;
    assert!(under.starts_with("HTTP/1.1 200"), "{under:.80}");
    // hyper checks the limit only while the head is incomplete and reads into all the room its
    // buffer has, which can take a little more than 64 KiB in one read: well over is always
    // refused.
    let over = raw(&relay, &get_with(1, &"a".repeat(256 * 1024))).await;
    assert!(over.starts_with("HTTP/1.1 431"), "{over:.80}");
    let (status, _, body) = send(&relay.url(), "GET", "/healthz", &[], Bytes::new()).await;
    assert_eq!((status, &body[..]), (200, &b"ok"[..]));
    relay.shutdown().await;
}

#[tokio::test]
async fn more_than_200_headers_is_431_and_the_relay_keeps_serving() {
    let relay = Relay::start(&[]).await;
    // Host and Connection count: 198 more make 200.
    let at = raw(&relay, &get_with(198, "1")).await;
    assert!(at.starts_with("HTTP/1.1 200"), "{at:.80}");
    let over = raw(&relay, &get_with(199, "1")).await;
    assert!(over.starts_with("HTTP/1.1 431"), "{over:.80}");
    let (status, _, body) = send(&relay.url(), "GET", "/healthz", &[], Bytes::new()).await;
    assert_eq!((status, &body[..]), (200, &b"ok"[..]));
    relay.shutdown().await;
}
