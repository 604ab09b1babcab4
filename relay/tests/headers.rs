//! Which headers cross the relay: those a message's `Connection` header names stay on their hop
//! in the answer too, and `X-Forwarded-Host` reaches the client for HTTP/2 senders as well.

mod common;

use bytes::Bytes;
use common::*;
use hookctl_relay::client::{self, BoxFuture, Handler, TunnelRequest, TunnelResponse};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

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

#[tokio::test]
async fn an_http2_sender_gets_x_forwarded_host_from_its_authority() {
    let relay = Relay::start(&[]).await;
    let target = Target::start().await;
    let listener = Listener::start(client_opts(&relay.url()), &target.url()).await;
    // HTTP/2 with prior knowledge (h2c), which the relay's server takes as it does h2 over TLS:
    // the host travels as :authority, and there is no Host header.
    let h2: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .http2_only(true)
        .build_http();
    let mut req = http::Request::new(Full::new(Bytes::from_static(b"two")));
    *req.method_mut() = http::Method::POST;
    *req.uri_mut() = format!("{}/h2", listener.url).parse().unwrap();
    let resp = h2.request(req).await.unwrap();
    assert_eq!(resp.version(), http::Version::HTTP_2);
    assert_eq!(resp.status(), 201);
    resp.into_body().collect().await.unwrap();
    let seen = target.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.body, Bytes::from_static(b"two"));
    assert_eq!(
        seen.all("x-forwarded-host"),
        [relay.addr.to_string().as_str()]
    );
    listener.stop().await;
    relay.shutdown().await;
}
