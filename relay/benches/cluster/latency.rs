//! What a cross-node request adds: two nodes on one Redis, a tunnel held by node A, and
//! sequential requests to the target directly, to A (same node) and to B (one hop more),
//! taken in turn so whatever else loads the machine hits all three alike.

use std::time::Instant;

use bytes::Bytes;

use crate::common::{CpuMeter, EVENT, Http, env_u64, http, post, quantiles, target};
use crate::nodes::{Bed, metric, wait_reachable};

const QS: [f64; 3] = [0.50, 0.90, 0.99];

/// `n` rounds of one request on each path, each round starting with another path so none
/// always follows the same one; the latencies (µs) of each path.
async fn rounds(clients: &[Http; 3], urls: &[String; 3], n: usize) -> [Vec<f64>; 3] {
    let mut lat: [Vec<f64>; 3] = Default::default();
    for round in 0..n {
        for k in 0..3 {
            let i = (round + k) % 3;
            let t = Instant::now();
            assert!(
                post(&clients[i], &urls[i], Bytes::from_static(EVENT)).await,
                "{} failed",
                urls[i]
            );
            lat[i].push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    lat
}

/// The table's rows for one measure: each path, and the differences that matter.
fn table(what: &str, [direct, same, cross]: [[f64; 3]; 3]) {
    let row = |path: &str, q: [f64; 3]| {
        println!(
            "| {path}{what} | {:.0} µs | {:.0} µs | {:.0} µs |",
            q[0], q[1], q[2]
        )
    };
    row("direct to the target", direct);
    row("node A, tunnel on A (same node)", same);
    row("node B, tunnel on A (cross-node)", cross);
    println!(
        "| **cross-node added** (B − A){what} | **+{:.0} µs** | +{:.0} µs | +{:.0} µs |",
        cross[0] - same[0],
        cross[1] - same[1],
        cross[2] - same[2]
    );
    println!(
        "| the tunnel itself (A − direct){what} | +{:.0} µs | +{:.0} µs | +{:.0} µs |",
        same[0] - direct[0],
        same[1] - direct[1],
        same[2] - direct[2]
    );
}

pub async fn run() {
    let n = env_u64("N", 5000) as usize;
    let mut bed = Bed::new();
    let target = target().await;
    let redis = bed.redis().await;
    let a = bed.node(Some(&redis)).await;
    let b = bed.node(Some(&redis)).await;
    let listen = bed.listen(&a, "lat", &format!("http://{target}")).await;
    let urls = [
        format!("http://{target}/hooks"),
        format!("{}/t/lat/hooks", a.url),
        format!("{}/t/lat/hooks", b.url),
    ];
    wait_reachable(&urls[2]).await;

    // One keep-alive connection per path, warmed up before anything is counted.
    let clients = [http(true), http(true), http(true)];
    for _ in 0..200 {
        for (c, u) in clients.iter().zip(&urls) {
            assert!(post(c, u, Bytes::from_static(EVENT)).await, "{u} failed");
        }
    }
    let forwards_before = metric(&b, "hookctl_relay_cluster_forwards_total").await;
    let redis_before = redis.commands();
    let meter = CpuMeter::start([a.pid, b.pid, listen, redis.pid]);
    eprintln!("{n} requests to each of direct, node A (same node), node B (cross-node), in turn…");
    let lat = rounds(&clients, &urls, n).await;
    let [cpu_a, cpu_b, cpu_listen, cpu_redis] = meter.per_request(n as f64);
    let redis_per_round = (redis.commands() - redis_before) as f64 / n as f64;
    // What B adds is the cross-node hop: a request B served some other way would make the
    // comparison meaningless, so each one must be a forward to A.
    let forwards_after = metric(&b, "hookctl_relay_cluster_forwards_total").await;
    let forwards = match (forwards_before, forwards_after) {
        (Some(x), Some(y)) => y - x,
        _ => panic!("node B does not export hookctl_relay_cluster_forwards_total"),
    };
    assert_eq!(
        forwards, n as f64,
        "node B's cross-node forwards for {n} requests to it"
    );
    let [direct, same, cross] = lat.map(|l| quantiles(l, QS));
    eprintln!("the same, all on CPU 0…");
    let pinned = Bed::on_one_core(&bed.pids(), rounds(&clients, &urls, n))
        .await
        .map(|lat| lat.map(|l| quantiles(l, QS)));

    println!("cross-node latency: {n} sequential requests per path, keep-alive, interleaved");
    println!();
    println!("| path | p50 | p90 | p99 |");
    println!("| --- | --- | --- | --- |");
    table("", [direct, same, cross]);
    if let Some(q) = pinned {
        table(", all on CPU 0", q);
    }
    println!();
    println!(
        "CPU per round (one request on each path): node A {cpu_a:.0} µs, node B {cpu_b:.0} µs, listen {cpu_listen:.0} µs, redis {cpu_redis:.0} µs"
    );
    println!(
        "Redis commands per round: {redis_per_round:.2}; node B's cross-node forwards: {forwards:.0} of {n}"
    );
    let verdict = if cross[0] - same[0] < 1000.0 {
        "met"
    } else {
        "not met"
    };
    println!("target: cross-node adds under 1 ms at p50: {verdict}");
}
