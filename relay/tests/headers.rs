//! Which headers cross the relay: those a message's `Connection` header names stay on their hop
//! in the answer too.

mod common;

use bytes::Bytes;
use common::*;
use hookctl_relay::client::{self, BoxFuture, Handler, TunnelRequest, TunnelResponse};
use http_body_util::Full;

/// A client's handler that answers every request 200 with the same headers.
struct Answers(Vec<(&'static str, &'static str)>);

impl Handler for Answers {
    fn handle(&self, _req: TunnelRequest) -> BoxFuture<TunnelResponse> {
        let headers = self
            .0
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        Box::pin(async move {
            TunnelResponse {
                status: 200,
                headers,
                body: client::body(Full::new(Bytes::from_static(b"ok"))),
            }
        })
    }
}

#[tokio::test]
async fn headers_the_answer_names_in_connection_do_not_reach_the_sender() {
    let relay = Relay::start(&[]).await;
    let (stop, url) = client_with(
        &relay.url(),
        Answers(vec![
            ("Connection", "x-hop, X-Other-Hop"),
            ("x-hop", "1"),
            ("x-other-hop", "2"),
            ("x-kept", "3"),
        ]),
    )
    .await;
    let (status, headers, body) = send(&url, "POST", "/h", &[], Bytes::new()).await;
    assert_eq!((status, &body[..]), (200, &b"ok"[..]));
    let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"x-kept"), "{names:?}");
    for hop in ["x-hop", "x-other-hop"] {
        assert!(!names.contains(&hop), "{hop} was forwarded: {names:?}");
    }
    stop.cancel();
    relay.shutdown().await;
}
