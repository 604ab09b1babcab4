//! Three relay nodes on one real Redis (`--cluster`): a request to any node reaches a tunnel held
//! by another byte-exact both ways; tokens and reserved names made through one node hold on every
//! node; requests buffered through one node are delivered in order through another; and a node
//! killed with `kill -9` while it delivers the buffer loses none of it; and a node that lost Redis
//! says so and buffers nothing it could not keep.

mod common;
#[path = "http_get/mod.rs"]
mod http_get;
#[path = "redis/mod.rs"]
mod redis_server;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::*;
use hookctl_relay::client::{ClientError, ClientOptions};
use http_body_util::{BodyExt, Full};
use http_get::{free_port, http_get, metric};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use redis_server::Redis;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A node in-process on a port-0 listener, `--node-url` its own bound address, once it serves.
async fn node(redis: &Redis, extra: &[&str]) -> Relay {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let own = format!("http://{}", listener.local_addr().unwrap());
    let cluster = redis.url();
    let mut flags = vec!["--cluster", &cluster, "--node-url", &own];
    flags.extend_from_slice(extra);
    let relay = Relay::on(listener, opts(&flags));
    // A node answers once it has joined the cluster (its tokens are the cluster's by then).
    let (status, _, body) = send(&relay.url(), "GET", "/healthz", &[], Bytes::new()).await;
    let health = String::from_utf8_lossy(&body);
    assert_eq!(status, 200, "{health}");
    assert!(health.contains("cluster: redis reachable"), "{health}");
    relay
}

async fn three(redis: &Redis) -> Vec<Relay> {
    let mut nodes = Vec::new();
    for _ in 0..3 {
        nodes.push(node(redis, &[]).await);
    }
    nodes
}

fn named(relay: &str, name: &str, token: Option<&str>, key: Option<&str>) -> ClientOptions {
    let mut o = ClientOptions::new(relay);
    o.name = Some(name.into());
    o.token = token.map(String::from);
    o.key = key.map(String::from);
    o
}

fn refusal(r: Result<Listener, ClientError>) -> String {
    match r {
        Err(ClientError::Refused(why)) => why,
        Err(e) => panic!("expected a refusal, got {e}"),
        Ok(_) => panic!("expected a refusal, got a tunnel"),
    }
}

/// 5 MiB in which every byte value occurs, in no repeating text-like pattern.
fn binary_body() -> Vec<u8> {
    (0u32..5 * 1024 * 1024)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

#[test]
fn the_test_redis_keeps_acknowledged_writes_across_kill_9_and_restart() {
    let mut r = Redis::start();
    let client = redis::Client::open(r.url()).unwrap();
    let mut c = client.get_connection().unwrap();
    let _: () = redis::cmd("SET").arg("k").arg("v").query(&mut c).unwrap();
    r.kill9();
    assert!(!r.ping(), "a killed Redis still answered");
    r.restart();
    let mut c = client.get_connection().unwrap();
    let v: String = redis::cmd("GET").arg("k").query(&mut c).unwrap();
    assert_eq!(v, "v", "the AOF lost an acknowledged write");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_to_any_node_reaches_a_tunnel_held_by_another_byte_exact_both_ways() {
    let redis = Redis::start();
    let nodes = three(&redis).await;
    let target = Target::start().await;
    let mut tunnels = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let o = named(&n.url(), &format!("held-by-{i}"), None, None);
        tunnels.push(Listener::start(o, &target.url()).await);
    }
    let body = binary_body();
    let sent = [
        ("content-type", "application/octet-stream"),
        ("x-first", "a"),
        ("x-rep", "1"),
        ("x-rep", "2"),
        ("x-rep", "3"),
        ("x-last", "z"),
    ];
    for (i, n) in nodes.iter().enumerate() {
        let holder = (i + 1) % 3;
        let path = format!("/t/held-by-{holder}/from/{i}?q=a%20b&q=2");
        let (status, headers, echoed) =
            send(&n.url(), "POST", &path, &sent, Bytes::from(body.clone())).await;
        assert_eq!(status, 201, "node {i} to the tunnel on node {holder}");
        assert!(
            echoed == body,
            "the answer's body changed on its way back ({} bytes)",
            echoed.len()
        );
        let echo: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n == "x-echo")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(echo, ["one", "two"], "the answer's repeated header");

        let seen = target.seen.lock().unwrap().last().cloned().unwrap();
        assert_eq!(seen.target, format!("/from/{i}?q=a%20b&q=2"));
        assert!(seen.body == body, "the request's body changed on its way");
        let ours: Vec<(&str, &str)> = seen
            .headers
            .iter()
            .filter(|(n, _)| sent.iter().any(|(s, _)| s == n))
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(ours, sent, "headers in order, repeats kept");
    }
    assert_eq!(target.count(), 3);
    for l in &tunnels {
        assert_eq!(
            l.handled.lock().unwrap().len(),
            1,
            "only the holder handled each"
        );
    }
    // Each node counts the tunnel it holds and the one forward it made.
    for n in &nodes {
        assert_eq!(n.metric("hookctl_relay_cluster_tunnels_held").await, 1.0);
        assert_eq!(n.metric("hookctl_relay_cluster_forwards_total").await, 1.0);
    }
    for l in tunnels {
        l.stop().await;
    }
    for n in &nodes {
        n.wait_metric("hookctl_relay_cluster_tunnels_held", 0.0)
            .await;
    }
    for n in nodes {
        n.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_from_one_nodes_tokens_file_and_a_name_reserved_through_one_node_hold_on_every_node()
 {
    let redis = Redis::start();
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "alpha\nbeta\n").unwrap();
    let a = node(&redis, &["--tokens-file", tokens.to_str().unwrap()]).await;
    let b = node(&redis, &[]).await;
    let c = node(&redis, &[]).await;
    let target = Target::start().await;

    // The tokens seeded by a's file are the cluster's: b and c know them and close the door
    // to clients without one, or with another.
    for n in [&b, &c] {
        let why = refusal(
            Listener::try_start(named(&n.url(), "demo", Some("wrong"), None), &target.url()).await,
        );
        assert!(why.contains("refused the token"), "{why}");
        let why =
            refusal(Listener::try_start(named(&n.url(), "demo", None, None), &target.url()).await);
        assert!(why.contains("requires a token"), "{why}");
    }
    // alpha reserves "demo" through b ...
    let l = Listener::start(named(&b.url(), "demo", Some("alpha"), None), &target.url()).await;
    assert_eq!(l.url, format!("{}/t/demo", b.url()));
    l.stop().await;
    b.wait_metric("hookctl_relay_tunnels_connected", 0.0).await;
    // ... and it stays alpha's on every node, including the one that seeded the tokens.
    for n in [&a, &b, &c] {
        let why = refusal(
            Listener::try_start(named(&n.url(), "demo", Some("beta"), None), &target.url()).await,
        );
        assert!(why.contains("reserved"), "{why}");
    }
    let l = Listener::start(named(&c.url(), "demo", Some("alpha"), None), &target.url()).await;
    let (status, _, _) = send(&a.url(), "POST", "/t/demo/x", &[], Bytes::new()).await;
    assert_eq!(
        status, 201,
        "a request through a reaches alpha's tunnel on c"
    );
    l.stop().await;
    for n in [a, b, c] {
        n.shutdown().await;
    }
}

/// A token lives while a node that has it runs: that node renews it, and one no node has any more
/// lapses (as deleting a line revokes a token on a single relay), while the cluster stays closed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_no_running_node_has_lapses_and_one_a_node_has_is_renewed() {
    use hookctl_relay::shared::names::hash;
    let redis = Redis::start();
    let a = node(&redis, &["--token", "alpha"]).await;
    let b = node(&redis, &["--token", "beta"]).await;
    let target = Target::start().await;
    a.shutdown().await;
    // Past both tokens' lapse dates, as if their time to live had gone by.
    let client = redis::Client::open(redis.url()).unwrap();
    let mut c = client.get_connection().unwrap();
    for token in ["alpha", "beta"] {
        let _: () = redis::cmd("ZADD")
            .arg("hookctl:relay:tokens")
            .arg(1)
            .arg(hash(token))
            .query(&mut c)
            .unwrap();
    }
    let now_ms = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as f64
    };
    wait_until("b to renew beta", || {
        let lapses: Option<f64> = redis::cmd("ZSCORE")
            .arg("hookctl:relay:tokens")
            .arg(hash("beta"))
            .query(&mut c)
            .unwrap();
        lapses.is_some_and(|t| t > now_ms())
    })
    .await;
    let l = Listener::start(named(&b.url(), "kept", Some("beta"), None), &target.url()).await;
    l.stop().await;
    let why = refusal(
        Listener::try_start(named(&b.url(), "gone", Some("alpha"), None), &target.url()).await,
    );
    assert!(why.contains("refused the token"), "{why}");
    let why =
        refusal(Listener::try_start(named(&b.url(), "open", None, None), &target.url()).await);
    assert!(why.contains("requires a token"), "still closed: {why}");
    b.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_buffered_through_one_node_are_delivered_in_order_through_another() {
    let redis = Redis::start();
    let nodes = three(&redis).await;
    let (a, b, c) = (&nodes[0], &nodes[1], &nodes[2]);
    let target = Target::start().await;
    let first = Listener::start(named(&a.url(), "buf", None, Some("key-buf")), &target.url()).await;
    first.stop().await;
    a.wait_metric("hookctl_relay_tunnels_connected", 0.0).await;

    for i in 0..20 {
        let (status, _, body) = send(
            &a.url(),
            "POST",
            &format!("/t/buf/e/{i}"),
            &[("x-n", &i.to_string())],
            Bytes::from(format!("body {i}")),
        )
        .await;
        assert_eq!(status, 202, "{}", String::from_utf8_lossy(&body));
    }
    assert_eq!(
        target.count(),
        0,
        "nothing delivered while the client is away"
    );

    let back = Listener::start(named(&b.url(), "buf", None, Some("key-buf")), &target.url()).await;
    assert_eq!(back.url, format!("{}/t/buf", b.url()));
    wait_until("the 20 buffered requests at the target", || {
        target.count() >= 20
    })
    .await;
    let seen = target.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 20, "each buffered request exactly once");
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s.target, format!("/e/{i}"), "in the order they were sent");
        assert_eq!(s.body, Bytes::from(format!("body {i}")));
        assert_eq!(s.all("x-n"), [i.to_string().as_str()]);
    }
    assert!(
        back.handled.lock().unwrap().iter().all(|h| h.1.is_some()),
        "buffered requests carry a delivery id"
    );
    for n in &nodes {
        n.wait_metric("hookctl_relay_buffered_requests", 0.0).await;
    }
    // Live traffic through the third node once the buffer is empty.
    let (status, _, _) = send(&c.url(), "POST", "/t/buf/live", &[], Bytes::new()).await;
    assert_eq!(status, 201);
    assert_eq!(target.count(), 21);
    back.stop().await;
    for n in nodes {
        n.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_killed_while_it_delivers_the_buffer_loses_none_and_the_tunnel_is_served_through_another()
 {
    let redis = Redis::start();
    let dir = tempfile::tempdir().unwrap();
    let mut a = Proc::spawn(&redis, &dir.path().join("a"));
    let b = Proc::spawn(&redis, &dir.path().join("b"));
    let target = Held::start().await;
    let key = Some("key-k");

    let first = Listener::start(named(&a.url(), "k", None, key), &target.url()).await;
    first.stop().await;
    wait_until("node a to let its client go", || {
        a.metric("hookctl_relay_tunnels_connected") == Some(0.0)
    })
    .await;
    for i in 0..10 {
        let (status, _, body) = send(
            &b.url(),
            "POST",
            &format!("/t/k/{i}"),
            &[],
            Bytes::from(format!("{i}")),
        )
        .await;
        assert_eq!(
            status,
            202,
            "request {i}: {}",
            String::from_utf8_lossy(&body)
        );
    }

    // The client comes back to a, which starts delivering; the target holds the first answer,
    // and a dies with that delivery unacknowledged.
    target.pause(true);
    let doomed = Listener::start(named(&a.url(), "k", None, key), &target.url()).await;
    wait_until("a's first delivery at the target", || target.arrived() >= 1).await;
    a.kill9();
    doomed.stop().await;
    let in_flight = target.arrived();
    target.pause(false);

    // While a's lease lasts b turns senders away with Retry-After, or buffers once it expired.
    let (status, headers, _) = send(&b.url(), "POST", "/t/k/10", &[], Bytes::from("10")).await;
    assert!(status == 202 || status == 503, "{status}");
    if status == 503 {
        assert!(
            headers.iter().any(|(n, _)| n == "retry-after"),
            "{headers:?}"
        );
    }
    let expected = if status == 202 { 11 } else { 10 };

    // The client reconnects to b with the same name as soon as b lets it.
    let deadline = Instant::now() + Duration::from_secs(30);
    let back = loop {
        match Listener::try_start(named(&b.url(), "k", None, key), &target.url()).await {
            Ok(l) => break l,
            Err(e) => assert!(
                Instant::now() < deadline,
                "b never served tunnel k after a died: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(back.url, format!("{}/t/k", b.url()));
    wait_until("every buffered request at the target", || {
        target.distinct().len() >= expected
    })
    .await;
    let order = target.distinct();
    let want: Vec<String> = (0..expected).map(|i| format!("/{i}")).collect();
    assert_eq!(order, want, "each buffered request, in order");
    let all = target.all();
    let repeated: Vec<&String> = want
        .iter()
        .filter(|p| all.iter().filter(|s| s == p).count() > 1)
        .collect();
    // a never acknowledged what reached the target before it died: b adopted it and sent it
    // again (this test's client keeps no delivery log; `hookctl listen` would skip it).
    let first = &all[0];
    assert!(
        all.iter().filter(|p| *p == first).count() >= 2,
        "{first}, unacknowledged when a died, was not delivered again: {all:?}"
    );
    assert!(
        repeated.len() <= in_flight,
        "only what reached the target before a died may come twice: {repeated:?} ({in_flight} in flight)"
    );
    wait_until("b's buffer empty", || {
        b.metric("hookctl_relay_buffered_requests") == Some(0.0)
    })
    .await;
    back.stop().await;
}

/// Polls `done` every 50 ms for up to 30 s.
async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A node as a `hookctl-relay` process, so that it can die with `kill -9`.
struct Proc {
    child: Child,
    port: u16,
}

impl Proc {
    fn spawn(redis: &Redis, dir: &Path) -> Proc {
        std::fs::create_dir_all(dir).unwrap();
        let port = free_port();
        let log = |name: &str| Stdio::from(std::fs::File::create(dir.join(name)).unwrap());
        let child = Command::new(env!("CARGO_BIN_EXE_hookctl-relay"))
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .args(["--cluster", &redis.url()])
            .args(["--node-url", &format!("http://127.0.0.1:{port}")])
            .env_remove("HOOKCTL_RELAY_TOKEN")
            .stdout(log("out.log"))
            .stderr(log("err.log"))
            .spawn()
            .unwrap();
        let mut p = Proc { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while http_get(port, "/healthz").map(|(s, _)| s) != Some(200) {
            if let Ok(Some(status)) = p.child.try_wait() {
                panic!(
                    "hookctl-relay exited {status}: {}",
                    std::fs::read_to_string(dir.join("err.log")).unwrap_or_default()
                );
            }
            assert!(Instant::now() < deadline, "node on {port} never healthy");
            std::thread::sleep(Duration::from_millis(50));
        }
        p
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn metric(&self, name: &str) -> Option<f64> {
        metric(self.port, name)
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// A target that records each request's path as it arrives and, while paused, holds its answer.
struct Held {
    url: String,
    seen: Arc<Mutex<Vec<String>>>,
    open: watch::Sender<bool>,
}

impl Held {
    async fn start() -> Held {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen: Arc<Mutex<Vec<String>>> = Arc::default();
        let (open, rx) = watch::channel(true);
        let s = seen.clone();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (s, rx) = (s.clone(), rx.clone());
                tokio::spawn(async move {
                    let svc = service_fn(move |req: http::Request<hyper::body::Incoming>| {
                        let (s, mut rx) = (s.clone(), rx.clone());
                        async move {
                            let path = req.uri().path().to_string();
                            let _ = req.into_body().collect().await;
                            s.lock().unwrap().push(path);
                            let _ = rx.wait_for(|open| *open).await;
                            Ok::<_, std::convert::Infallible>(http::Response::new(Full::new(
                                Bytes::from_static(b"ok"),
                            )))
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(tcp), svc)
                        .await;
                });
            }
        });
        Held { url, seen, open }
    }

    fn url(&self) -> String {
        self.url.clone()
    }

    fn pause(&self, paused: bool) {
        self.open.send_replace(!paused);
    }

    fn arrived(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    fn all(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }

    /// Paths in the order they first arrived.
    fn distinct(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in self.all() {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_that_lost_redis_says_so_and_buffers_nothing_until_redis_is_back() {
    let mut redis = Redis::start();
    let a = node(&redis, &[]).await;
    let target = Target::start().await;
    let first = Listener::start(
        named(&a.url(), "away", None, Some("key-away")),
        &target.url(),
    )
    .await;
    first.stop().await;
    a.wait_metric("hookctl_relay_tunnels_connected", 0.0).await;

    redis.kill9();
    let (status, _, body) = send(&a.url(), "GET", "/healthz", &[], Bytes::new()).await;
    let health = String::from_utf8_lossy(&body);
    assert_eq!(status, 503, "{health}");
    assert!(health.starts_with("redis unreachable"), "{health}");
    // What it could not keep, it does not accept: the sender keeps the request and retries.
    let (status, headers, body) = send(
        &a.url(),
        "POST",
        "/t/away/e",
        &[],
        Bytes::from("kept by its sender"),
    )
    .await;
    assert_eq!(status, 503, "{}", String::from_utf8_lossy(&body));
    assert!(
        headers.iter().any(|(n, _)| n == "retry-after"),
        "{headers:?}"
    );

    redis.restart();
    // Asked without blocking: the node runs on this test's runtime.
    let deadline = Instant::now() + Duration::from_secs(30);
    while send(&a.url(), "GET", "/healthz", &[], Bytes::new()).await.0 != 200 {
        assert!(
            Instant::now() < deadline,
            "gave up waiting for the node to reach Redis again"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, _, body) = send(
        &a.url(),
        "POST",
        "/t/away/e",
        &[],
        Bytes::from("buffered now"),
    )
    .await;
    assert_eq!(status, 202, "{}", String::from_utf8_lossy(&body));
    let back = Listener::start(
        named(&a.url(), "away", None, Some("key-away")),
        &target.url(),
    )
    .await;
    wait_until("the buffered request at the target", || target.count() == 1).await;
    assert_eq!(
        target.seen.lock().unwrap()[0].body,
        Bytes::from("buffered now"),
        "only the request answered 202 was kept"
    );
    back.stop().await;
    a.shutdown().await;
}

/// A holder that cannot be reached without refusing (a partition, an overloaded node) may be
/// alive: its lease stands and the sender is told to retry, where a refused port (a dead node)
/// gives the lease up and buffers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holder_that_does_not_answer_keeps_its_lease_and_the_sender_is_told_to_retry() {
    let redis = Redis::start();
    let a = node(&redis, &[]).await;
    // A port whose accept queue is full: connections to it neither succeed nor are refused.
    let silent = tokio::net::TcpSocket::new_v4().unwrap();
    silent.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let silent = silent.listen(0).unwrap();
    let silent_addr = silent.local_addr().unwrap();
    let _queued = std::net::TcpStream::connect(silent_addr).unwrap();
    let lease = format!(
        r#"{{"node":"another-node","url":"http://{silent_addr}","epoch":1,"owner":null,"key":null}}"#
    );
    let client = redis::Client::open(redis.url()).unwrap();
    let mut c = client.get_connection().unwrap();
    let key = "hookctl:relay:{away}:lease";
    let _: () = redis::cmd("SET")
        .arg(key)
        .arg(&lease)
        .arg("PX")
        .arg(30_000)
        .query(&mut c)
        .unwrap();

    let (status, headers, body) = send(&a.url(), "POST", "/t/away/e", &[], Bytes::from("x")).await;
    assert_eq!(status, 503, "{}", String::from_utf8_lossy(&body));
    assert!(
        headers.iter().any(|(n, _)| n == "retry-after"),
        "{headers:?}"
    );
    let kept: Option<String> = redis::cmd("GET").arg(key).query(&mut c).unwrap();
    assert_eq!(
        kept.as_deref(),
        Some(lease.as_str()),
        "the lease was given up"
    );
    a.shutdown().await;
}
