//! 10,000 idle tunnels on one node: the node's resident memory per tunnel, and whether a request
//! to one tunnel (through its node, and through another node) takes longer when 10,000 are
//! connected than when 10 are. A plain relay without a cluster is measured the same way.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use hookctl_relay::protocol::{self, ClientMessage, PROTOCOL_VERSION, RelayMessage};
use tokio::sync::{Semaphore, oneshot};
use tokio_tungstenite::tungstenite::Message;

use crate::common::{CpuMeter, EVENT, env_u64, http, post, quantiles, rss_kib, target};
use crate::nodes::{Bed, Node, Redis, metric, wait_reachable};

const QS: [f64; 3] = [0.50, 0.90, 0.99];

pub async fn run() {
    let tunnels = env_u64("TUNNELS", 10_000) as usize;
    let n = env_u64("N", 2000) as usize;
    let settle = Duration::from_secs(env_u64("SETTLE", 20));
    let target = format!("http://{}", target().await);

    let mut bed = Bed::new();
    let single = bed.node(None).await;
    let plain = measure(&mut bed, &single, None, &target, tunnels, n, settle).await;
    drop(bed);

    let mut bed = Bed::new();
    let redis = bed.redis().await;
    let a = bed.node(Some(&redis)).await;
    let b = bed.node(Some(&redis)).await;
    let cluster = measure(
        &mut bed,
        &a,
        Some((&b, &redis)),
        &target,
        tunnels,
        n,
        settle,
    )
    .await;

    println!(
        "{tunnels} idle tunnels on one node (RSS read after {} s idle; relay and clients ping every 15 s)",
        settle.as_secs()
    );
    println!();
    println!(
        "| relay | RSS, 10 tunnels | RSS, {tunnels} tunnels | per tunnel | 10 again, after the rest closed | connect rate |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for (what, m) in [("cluster node", &cluster), ("single relay", &plain)] {
        println!(
            "| {what} | {:.1} MiB | {:.1} MiB | **{:.1} KiB** | {:.1} MiB | {:.0} tunnels/s |",
            m.rss.0 as f64 / 1024.0,
            m.rss.1 as f64 / 1024.0,
            m.per_tunnel_kib(tunnels),
            m.rss.2 as f64 / 1024.0,
            m.connect_rate
        );
    }
    println!();
    println!(
        "| one request at a time to one tunnel ({n} each) | p50 / p90 / p99, 10 tunnels | {tunnels} tunnels | 10 again |"
    );
    println!("| --- | --- | --- | --- |");
    for (what, m) in [
        ("cluster, same node", cluster.path(|l| Some(l.same))),
        ("cluster, cross-node", cluster.path(|l| l.cross)),
        ("single relay", plain.path(|l| Some(l.same))),
        (
            "cluster, same node, all on CPU 0",
            cluster.path(|l| l.core.map(|c| c.0)),
        ),
        (
            "cluster, cross-node, all on CPU 0",
            cluster.path(|l| l.core.and_then(|c| c.1)),
        ),
        (
            "single relay, all on CPU 0",
            plain.path(|l| l.core.map(|c| c.0)),
        ),
    ] {
        let Some(phases) = m else { continue };
        let cells: Vec<String> = phases
            .iter()
            .map(|q| format!("{:.0} / {:.0} / {:.0} µs", q[0], q[1], q[2]))
            .collect();
        println!("| {what} | {} |", cells.join(" | "));
    }
    println!();
    for (what, m) in [("cluster node", &cluster), ("single relay", &plain)] {
        println!(
            "{what} idle for {} s: CPU {:.2} % of a core with 10 tunnels, {:.2} % with {tunnels}",
            settle.as_secs(),
            m.idle_cpu.0,
            m.idle_cpu.1
        );
    }
    if let Some((few, many)) = &cluster.redis {
        println!(
            "Redis while the cluster node idled: {:.1} commands/s and {:.2} % of a core with 10 tunnels, {:.1} commands/s and {:.2} % with {tunnels} (commands inside scripts counted); {} script calls taking {:.0} µs each with 10 tunnels, {} taking {:.0} µs each with {tunnels}",
            few.commands_per_s,
            few.cpu_pct,
            many.commands_per_s,
            many.cpu_pct,
            few.script_calls,
            few.script_us,
            many.script_calls,
            many.script_us
        );
    }
    let per = cluster.per_tunnel_kib(tunnels);
    let verdict = if per < 32.0 { "met" } else { "not met" };
    println!("target: under 32 KiB per idle tunnel on a cluster node: {verdict} ({per:.1} KiB)");
}

/// What one relay showed with 10 and with `tunnels` tunnels.
struct Measured {
    /// KiB, with 10 tunnels, with all of them, and with 10 again after the rest closed.
    rss: (u64, u64, u64),
    connect_rate: f64,
    /// Requests to one tunnel with 10 tunnels, with all, and with 10 again.
    lookups: [Lookups; 3],
    /// The node's CPU while idle, in % of one core, with 10 tunnels and with all.
    idle_cpu: (f64, f64),
    redis: Option<(RedisIdle, RedisIdle)>,
}

/// Latency quantiles of requests to one tunnel, through the node holding it and (cluster only)
/// through another; and the same with every process on one core.
#[derive(Clone, Copy)]
struct Lookups {
    same: [f64; 3],
    cross: Option<[f64; 3]>,
    core: Option<([f64; 3], Option<[f64; 3]>)>,
}

impl Measured {
    /// One path's quantiles in each of the three phases, if measured in all.
    fn path(&self, pick: impl Fn(&Lookups) -> Option<[f64; 3]>) -> Option<Vec<[f64; 3]>> {
        self.lookups.iter().map(pick).collect()
    }

    fn per_tunnel_kib(&self, tunnels: usize) -> f64 {
        (self.rss.1 as f64 - self.rss.0 as f64) / (tunnels - 10) as f64
    }
}

/// Idle figures over `settle`: the node's CPU (% of a core), and Redis's commands a second with
/// the mean time of a script call (lease renewals are one script for all a node's leases).
async fn idle(node: &Node, redis: Option<&Redis>, settle: Duration) -> (f64, Option<RedisIdle>) {
    let before = redis.map(|r| (r.commands(), r.scripts()));
    let meter = CpuMeter::start([node.pid]);
    let redis_meter = redis.map(|r| CpuMeter::start([r.pid]));
    tokio::time::sleep(settle).await;
    let [cpu] = meter.per_request(1.0);
    let pct = |us: f64| us / settle.as_secs_f64() / 1e4;
    let redis = redis.zip(before).map(|(r, (commands, (calls, usec)))| {
        let (calls_now, usec_now) = r.scripts();
        let [redis_cpu] = redis_meter.as_ref().expect("with redis").per_request(1.0);
        RedisIdle {
            cpu_pct: pct(redis_cpu),
            commands_per_s: (r.commands() - commands) as f64 / settle.as_secs_f64(),
            script_calls: calls_now - calls,
            script_us: (usec_now - usec) as f64 / (calls_now - calls).max(1) as f64,
        }
    });
    (pct(cpu), redis)
}

/// What Redis did while a cluster node sat idle.
struct RedisIdle {
    /// Redis's CPU, in % of one core.
    cpu_pct: f64,
    commands_per_s: f64,
    script_calls: u64,
    /// Mean µs a script call took.
    script_us: f64,
}

async fn measure(
    bed: &mut Bed,
    node: &Node,
    other: Option<(&Node, &Redis)>,
    target: &str,
    tunnels: usize,
    n: usize,
    settle: Duration,
) -> Measured {
    bed.listen(node, "probe", target).await;
    let same_url = format!("{}/t/probe/hooks", node.url);
    let cross_url = other.map(|(b, _)| format!("{}/t/probe/hooks", b.url));
    if let Some(u) = &cross_url {
        wait_reachable(u).await;
    }
    let redis = other.map(|(_, r)| r);
    let mut few = Idlers::default();
    let started = Instant::now();
    few.connect(&node.url, 9).await;

    let (cpu_few, redis_few) = idle(node, redis, settle).await;
    let rss_few = rss_kib(node.pid);
    let few_lookups = lookups(bed, &same_url, cross_url.as_deref(), n).await;

    eprintln!(
        "connecting {} more idle tunnels to {}…",
        tunnels - 10,
        node.url
    );
    let t = Instant::now();
    let mut many = Idlers::default();
    many.connect(&node.url, tunnels - 10).await;
    let connect_rate = (tunnels - 10) as f64 / t.elapsed().as_secs_f64();
    eprintln!(
        "{} idle tunnels up; idle for {} s…",
        10 + many.welcomed.load(Ordering::Relaxed),
        settle.as_secs()
    );
    let (cpu_many, redis_many) = idle(node, redis, settle).await;
    let rss_many = rss_kib(node.pid);
    let many_lookups = lookups(bed, &same_url, cross_url.as_deref(), n).await;
    let alive = |i: &Idlers| i.welcomed.load(Ordering::Relaxed) - i.lost.load(Ordering::Relaxed);
    assert_eq!(
        (alive(&few) + alive(&many)) as usize,
        tunnels - 1,
        "idle tunnels were dropped during the measure ({:.0} s in)",
        started.elapsed().as_secs_f64()
    );

    // Back to 10 tunnels, so a drift of the machine between the two measures shows.
    eprintln!("closing {} idle tunnels…", tunnels - 10);
    many.stop().await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while metric(node, "hookctl_relay_tunnels_connected").await != Some(10.0) {
        assert!(
            Instant::now() < deadline,
            "the node never went back to 10 tunnels"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss_closed = rss_kib(node.pid);
    let again_lookups = lookups(bed, &same_url, cross_url.as_deref(), n).await;
    few.stop().await;
    Measured {
        rss: (rss_few, rss_many, rss_closed),
        connect_rate,
        lookups: [few_lookups, many_lookups, again_lookups],
        idle_cpu: (cpu_few, cpu_many),
        redis: redis_few.zip(redis_many),
    }
}

/// Requests to one tunnel, as they come and then with every process on one core.
async fn lookups(bed: &Bed, same: &str, cross: Option<&str>, n: usize) -> Lookups {
    let (same_q, cross_q) = timed(same, cross, n).await;
    let core = Bed::on_one_core(&bed.pids(), timed(same, cross, n)).await;
    Lookups {
        same: same_q,
        cross: cross_q,
        core,
    }
}

/// Sequential requests to one tunnel through its own node and (when given) another, in turn:
/// latency quantiles of each.
async fn timed(same: &str, cross: Option<&str>, n: usize) -> ([f64; 3], Option<[f64; 3]>) {
    let urls: Vec<&str> = std::iter::once(same).chain(cross).collect();
    let clients: Vec<_> = urls.iter().map(|_| http(true)).collect();
    let mut lat = vec![Vec::with_capacity(n); urls.len()];
    for round in 0..n + 100 {
        for k in 0..urls.len() {
            let i = (round + k) % urls.len();
            let t = Instant::now();
            assert!(
                post(&clients[i], urls[i], Bytes::from_static(EVENT)).await,
                "{} failed",
                urls[i]
            );
            // The first 100 rounds warm the connections up.
            if round >= 100 {
                lat[i].push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    let mut q = lat.into_iter().map(|l| quantiles(l, QS));
    (q.next().unwrap(), q.next())
}

/// Tunnel clients that say hello, answer pings and nothing else: the lightest client the
/// protocol allows, so the bench process stays small next to the node it measures.
#[derive(Default)]
struct Idlers {
    welcomed: Arc<AtomicU64>,
    lost: Arc<AtomicU64>,
    stops: Vec<oneshot::Sender<()>>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Idlers {
    /// Connects `count` more clients to `relay`, at most 256 handshakes at a time, and returns
    /// once every one of them is welcomed.
    async fn connect(&mut self, relay: &str, count: usize) {
        let url = format!("{}/connect", relay.replacen("http://", "ws://", 1));
        let gate = Arc::new(Semaphore::new(256));
        let mut handshakes = Vec::with_capacity(count);
        for _ in 0..count {
            let (stop_tx, stop_rx) = oneshot::channel();
            let (up_tx, up_rx) = oneshot::channel();
            self.stops.push(stop_tx);
            handshakes.push(up_rx);
            let (url, gate, welcomed, lost) = (
                url.clone(),
                gate.clone(),
                self.welcomed.clone(),
                self.lost.clone(),
            );
            self.tasks.push(tokio::spawn(async move {
                let permit = gate.acquire_owned().await.unwrap();
                let (mut ws, _) = tokio_tungstenite::connect_async_with_config(
                    url.as_str(),
                    Some(protocol::ws_config()),
                    true,
                )
                .await
                .unwrap_or_else(|e| panic!("an idle tunnel could not connect to {url}: {e}"));
                let hello = ClientMessage::Hello {
                    version: PROTOCOL_VERSION,
                    token: None,
                    name: None,
                    key: None,
                };
                ws.send(Message::text(serde_json::to_string(&hello).unwrap()))
                    .await
                    .unwrap();
                match ws.next().await {
                    Some(Ok(Message::Text(t)))
                        if matches!(
                            serde_json::from_str(&t),
                            Ok(RelayMessage::Welcome { .. })
                        ) => {}
                    other => panic!("an idle tunnel was not welcomed: {other:?}"),
                }
                welcomed.fetch_add(1, Ordering::Relaxed);
                drop(permit);
                let _ = up_tx.send(());
                let mut stop_rx = stop_rx;
                loop {
                    tokio::select! {
                        _ = &mut stop_rx => break,
                        m = ws.next() => match m {
                            Some(Ok(Message::Text(t))) => {
                                if let Ok(RelayMessage::Ping { nonce }) = serde_json::from_str(&t) {
                                    let pong = serde_json::to_string(&ClientMessage::Pong { nonce }).unwrap();
                                    if ws.send(Message::text(pong)).await.is_err() {
                                        lost.fetch_add(1, Ordering::Relaxed);
                                        return;
                                    }
                                }
                            }
                            Some(Ok(_)) => {}
                            _ => {
                                lost.fetch_add(1, Ordering::Relaxed);
                                return;
                            }
                        },
                    }
                }
                let _ = ws.close(None).await;
            }));
        }
        for h in handshakes {
            h.await
                .expect("an idle tunnel's task ended before its welcome");
        }
    }

    async fn stop(self) {
        for s in self.stops {
            let _ = s.send(());
        }
        for t in self.tasks {
            let _ = t.await;
        }
    }
}
