//! The relay benchmark that `bench/relay.sh` runs: release `hookctl-relay` and `hookctl listen`
//! processes between a load generator and a local target in this process, against the target
//! directly and (when `BORE` names a `bore` binary) through a local bore tunnel. Prints one
//! markdown table with the ratios measured in this run. Under `cargo test`/`cargo bench` without
//! `RELAY_BENCH=1` it does nothing, so `--all-targets` stays quick.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;

mod common;

use common::{
    CpuMeter, EVENT, Procs, allowed_cpus, answers_within, env_u64, free_port, http, pin, post,
    quantiles, rss_kib, target, wait_http,
};

/// Requests per second with `conc` workers, a new connection for every request; and how many.
async fn max_rps(url: &str, conc: usize, secs: u64) -> (f64, u64) {
    let client = http(false);
    let done = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let workers: Vec<_> = (0..conc)
        .map(|_| {
            let (client, url, done, stop) =
                (client.clone(), url.to_string(), done.clone(), stop.clone());
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    if post(&client, &url, Bytes::from_static(EVENT)).await {
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        let _ = w.await;
    }
    let n = done.load(Ordering::Relaxed);
    (n as f64 / started.elapsed().as_secs_f64(), n)
}

/// Latencies (µs) at a fixed arrival rate, open loop, over keep-alive connections.
async fn fixed_rate(url: &str, rate: f64, secs: u64) -> (f64, f64) {
    let client = http(true);
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let n = (rate * secs as f64) as usize;
    let mut tasks = Vec::with_capacity(n);
    for _ in 0..n {
        tick.tick().await;
        let (client, url) = (client.clone(), url.to_string());
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let ok = post(&client, &url, Bytes::from_static(EVENT)).await;
            (ok, t.elapsed().as_secs_f64() * 1e6)
        }));
    }
    let mut lat = Vec::with_capacity(n);
    for t in tasks {
        if let Ok((true, us)) = t.await {
            lat.push(us);
        }
    }
    percentiles(lat)
}

/// Latencies (µs) one request at a time over one keep-alive connection: what the hops cost when
/// nothing queues. Also the CPU (µs) each of `hops` (processes on the path) spent per request.
async fn one_at_a_time<const N: usize>(
    url: &str,
    secs: u64,
    hops: [u32; N],
) -> ((f64, f64), [f64; N]) {
    let client = http(true);
    let until = Instant::now() + Duration::from_secs(secs);
    let mut lat = Vec::new();
    let meter = CpuMeter::start(hops);
    while Instant::now() < until {
        let t = Instant::now();
        if post(&client, url, Bytes::from_static(EVENT)).await {
            lat.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    let cpu = meter.per_request(lat.len() as f64);
    (percentiles(lat), cpu)
}

/// The three paths one request at a time: direct, through the relay (with the relay's and
/// listen's CPU per request), through bore (with its server's and client's).
async fn sequential(
    direct: &str,
    relay: &str,
    tunnel: [u32; 2],
    bore: Option<(&str, [u32; 2])>,
    secs: u64,
) -> Sequential {
    let (direct, _) = one_at_a_time(direct, secs, []).await;
    let relay = one_at_a_time(relay, secs, tunnel).await;
    let bore = match bore {
        Some((url, hops)) => Some(one_at_a_time(url, secs, hops).await),
        None => None,
    };
    Sequential {
        direct,
        relay,
        bore,
    }
}

struct Sequential {
    direct: (f64, f64),
    relay: ((f64, f64), [f64; 2]),
    bore: Option<((f64, f64), [f64; 2])>,
}

/// p50 and p99 of latencies.
fn percentiles(lat: Vec<f64>) -> (f64, f64) {
    let [p50, p99] = quantiles(lat, [0.50, 0.99]);
    (p50, p99)
}

/// MB/s for `n` sequential uploads of a 25 MiB body.
async fn throughput(url: &str, n: usize) -> f64 {
    let client = http(true);
    let body = Bytes::from(vec![b'x'; 25 * 1024 * 1024]);
    let started = Instant::now();
    for _ in 0..n {
        assert!(
            post(&client, url, body.clone()).await,
            "a 25 MiB upload failed"
        );
    }
    (25.0 * 1024.0 * 1024.0 * n as f64) / started.elapsed().as_secs_f64() / 1e6
}

/// Peak resident memory (MiB) of two processes while 10 uploads of 25 MiB are in flight at once.
async fn memory(url: &str, relay_pid: u32, listen_pid: u32) -> (f64, f64, f64, f64) {
    let before = (rss_kib(relay_pid), rss_kib(listen_pid));
    let stop = Arc::new(AtomicBool::new(false));
    let peaks = Arc::new((AtomicU64::new(0), AtomicU64::new(0)));
    let sampler = {
        let (stop, peaks) = (stop.clone(), peaks.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                peaks.0.fetch_max(rss_kib(relay_pid), Ordering::Relaxed);
                peaks.1.fetch_max(rss_kib(listen_pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
    };
    let client = http(true);
    let body = Bytes::from(vec![b'y'; 25 * 1024 * 1024]);
    let uploads: Vec<_> = (0..10)
        .map(|_| {
            let (client, url, body) = (client.clone(), url.to_string(), body.clone());
            tokio::spawn(async move { post(&client, &url, body).await })
        })
        .collect();
    for u in uploads {
        assert!(u.await.unwrap(), "a 25 MiB upload failed");
    }
    stop.store(true, Ordering::Relaxed);
    let _ = sampler.await;
    let mib = |k: u64| k as f64 / 1024.0;
    (
        mib(before.0),
        mib(peaks.0.load(Ordering::Relaxed)),
        mib(before.1),
        mib(peaks.1.load(Ordering::Relaxed)),
    )
}

/// The port `bore server` takes its clients' control connections on.
const BORE_CONTROL_PORT: u16 = 7835;

async fn wait_tcp(port: u16) {
    for _ in 0..500 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("nothing listens on 127.0.0.1:{port}");
}

#[tokio::main]
async fn main() {
    if std::env::var("RELAY_BENCH").as_deref() != Ok("1") {
        eprintln!("relay bench: skipped (run bench/relay.sh)");
        return;
    }
    let bin = std::env::var("BIN").unwrap_or_else(|_| "target/release".into());
    let secs = env_u64("SECS", 5);
    let conc = env_u64("CONC", 32) as usize;
    let target = target().await;
    let direct = format!("http://{target}/hooks");
    let dir = tempfile::tempdir().unwrap();
    let mut procs = Procs::default();

    let relay_port = free_port();
    procs.0.push(
        Command::new(format!("{bin}/hookctl-relay"))
            .args(["--listen", &format!("127.0.0.1:{relay_port}")])
            .env("RUST_LOG", "warn")
            .spawn()
            .unwrap(),
    );
    wait_http(&format!("http://127.0.0.1:{relay_port}/healthz")).await;
    let ready = dir.path().join("ready");
    procs.0.push(
        Command::new(format!("{bin}/hookctl"))
            .args(["--db", dir.path().join("log.db").to_str().unwrap()])
            .args([
                "listen",
                "--relay",
                &format!("http://127.0.0.1:{relay_port}"),
            ])
            .args([
                "--name",
                "bench",
                "--forward-to",
                &format!("http://{target}"),
            ])
            .args(["--ready-file", ready.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    while !ready.exists() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let relay = format!("http://127.0.0.1:{relay_port}/t/bench/hooks");
    let (relay_pid, listen_pid) = (procs.0[0].id(), procs.0[1].id());
    let tunnel = [relay_pid, listen_pid];

    let bore = match std::env::var("BORE") {
        Ok(bore) if !bore.is_empty() => {
            procs.0.push(
                Command::new(&bore)
                    .args(["server", "--bind-addr", "127.0.0.1"])
                    .args(["--min-port", "40000", "--max-port", "40100"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap(),
            );
            // bore local gives up at once if its server is not up yet: wait for the control port.
            wait_tcp(BORE_CONTROL_PORT).await;
            // Its public port lies in the kernel's ephemeral range, so right after an earlier
            // run's thousands of connections the one picked may not be free yet: try others.
            let first = 40000 + (std::process::id() % 100) as u16;
            let mut url = None;
            for port in (0..5).map(|i| 40000 + (first - 40000 + i * 17) % 100) {
                let mut local = Command::new(&bore)
                    .args(["local", &target.port().to_string(), "--to", "127.0.0.1"])
                    .args(["--local-host", "127.0.0.1"])
                    .args(["--port", &port.to_string()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                let u = format!("http://127.0.0.1:{port}/hooks");
                if answers_within(&u, 150).await {
                    let hops = [procs.0[2].id(), local.id()];
                    procs.0.push(local);
                    url = Some((u, hops));
                    break;
                }
                let _ = local.kill();
                let _ = local.wait();
            }
            Some(url.expect("bore local never came up on any of five ports"))
        }
        _ => None,
    };

    // bore's URL, and the pids of its server and client for the CPU they spend.
    let (bore, bore_hops) = bore.unzip();
    let bore_path = || bore.as_deref().zip(bore_hops);

    // ONLY=latency,upload (any of rps, latency, idle, one-core, upload, memory) runs a part;
    // RATE fixes the latency measure's rate instead of half the relay's max (which needs rps).
    let only = std::env::var("ONLY").unwrap_or_default();
    let run = |part: &str| only.is_empty() || only.split(',').any(|p| p.trim() == part);
    let fixed: Option<f64> = std::env::var("RATE").ok().and_then(|r| r.parse().ok());

    let mut rps = None;
    if run("rps") {
        eprintln!("max rps, {conc} workers, new connection per request, {secs} s each…");
        let (rps_direct, _) = max_rps(&direct, conc, secs).await;
        let meter = CpuMeter::start(tunnel);
        let (rps_relay, n_relay) = max_rps(&relay, conc, secs).await;
        let cpu = meter.per_request(n_relay as f64);
        let rps_bore = match &bore {
            Some(u) => Some(max_rps(u, conc, secs).await.0),
            None => None,
        };
        rps = Some((rps_direct, rps_relay, cpu, rps_bore));
    }
    let mut latency = None;
    if run("latency") {
        let rate = fixed
            .or(rps.map(|r| r.1 / 2.0))
            .expect("the latency part needs RATE=… or the rps part")
            .max(10.0);
        eprintln!("latency at {rate:.0} req/s…");
        let direct_at = fixed_rate(&direct, rate, secs).await;
        let meter = CpuMeter::start(tunnel);
        let relay_at = fixed_rate(&relay, rate, secs).await;
        let cpu = meter.per_request(rate * secs as f64);
        // What two extra hops cost on this machine anyway, with nothing but bytes copied.
        let bore_at = match &bore {
            Some(u) => Some(fixed_rate(u, rate, secs).await),
            None => None,
        };
        latency = Some((rate, direct_at, relay_at, cpu, bore_at));
    }
    let mut idle = None;
    if run("idle") {
        eprintln!("one request at a time…");
        idle = Some(sequential(&direct, &relay, tunnel, bore_path(), secs).await);
    }
    // The same on one core: every process and thread of the three paths shares CPU 0, so a
    // request's latency is the CPU its hops spend plus same-core switches. It is the steadiest
    // figure on a shared machine, as it leaves out where the scheduler happens to wake each hop.
    let mut one_core = None;
    if run("one-core") {
        let everyone: Vec<u32> = std::iter::once(std::process::id())
            .chain(procs.0.iter().map(|c| c.id()))
            .collect();
        match allowed_cpus() {
            Some(all) => {
                if pin(&everyone, "0") {
                    eprintln!("one request at a time, all on CPU 0…");
                    one_core = Some(sequential(&direct, &relay, tunnel, bore_path(), secs).await);
                } else {
                    eprintln!("one-core measure skipped: `taskset` (util-linux) could not pin");
                }
                // Whatever was pinned, the parts after this one run on every CPU again.
                pin(&everyone, &all);
            }
            None => eprintln!("one-core measure skipped: /proc/self/status gives no CPU list"),
        }
    }
    let mut upload = None;
    if run("upload") {
        eprintln!("25 MiB uploads…");
        upload = Some((throughput(&direct, 3).await, throughput(&relay, 3).await));
    }
    let mut rss = None;
    if run("memory") {
        eprintln!("10 uploads of 25 MiB at once…");
        rss = Some(memory(&relay, relay_pid, listen_pid).await);
    }

    println!("| measure | direct | through the relay | ratio / added |");
    println!("| --- | --- | --- | --- |");
    if let Some((rps_direct, rps_relay, [cpu_relay, cpu_listen], rps_bore)) = rps {
        println!(
            "| max rps (new connection per request, {conc} workers) | {rps_direct:.0} | {rps_relay:.0} | {:.2}× direct |",
            rps_relay / rps_direct
        );
        println!(
            "| CPU per request in that run (user + system) | — | relay {cpu_relay:.0} µs, listen {cpu_listen:.0} µs | — |"
        );
        if let Some(b) = rps_bore {
            println!(
                "| max rps through bore (same load) | — | {b:.0} | relay {:.2}× bore |",
                rps_relay / b
            );
        }
    }
    if let Some((rate, (d50, d99), (r50, r99), [cpu_relay, cpu_listen], bore_at)) = latency {
        println!(
            "| p50 latency at {rate:.0} req/s | {d50:.0} µs | {r50:.0} µs | +{:.0} µs |",
            r50 - d50
        );
        println!(
            "| p99 latency at {rate:.0} req/s | {d99:.0} µs | {r99:.0} µs | +{:.0} µs |",
            r99 - d99
        );
        println!(
            "| CPU per request in that run | — | relay {cpu_relay:.0} µs, listen {cpu_listen:.0} µs | — |"
        );
        if let Some((b50, b99)) = bore_at {
            println!(
                "| p50 / p99 through bore at {rate:.0} req/s | — | {b50:.0} / {b99:.0} µs | bore +{:.0} / +{:.0} µs |",
                b50 - d50,
                b99 - d99
            );
        }
    }
    for (what, measured) in [("", idle), (", on one core", one_core)] {
        let Some(Sequential {
            direct: (d50, d99),
            relay: ((r50, r99), [cpu_relay, cpu_listen]),
            bore,
        }) = measured
        else {
            continue;
        };
        println!(
            "| p50 / p99 one request at a time{what} | {d50:.0} / {d99:.0} µs | {r50:.0} / {r99:.0} µs | +{:.0} / +{:.0} µs |",
            r50 - d50,
            r99 - d99
        );
        println!(
            "| CPU per request in that run | — | relay {cpu_relay:.0} µs, listen {cpu_listen:.0} µs | — |"
        );
        if let Some(((b50, b99), [cpu_server, cpu_local])) = bore {
            println!(
                "| p50 / p99 one at a time through bore{what} | — | {b50:.0} / {b99:.0} µs | bore +{:.0} / +{:.0} µs |",
                b50 - d50,
                b99 - d99
            );
            println!(
                "| CPU per request through bore, same | — | bore server {cpu_server:.0} µs, bore local {cpu_local:.0} µs | — |"
            );
        }
    }
    if let Some((mb_direct, mb_relay)) = upload {
        println!(
            "| 25 MiB upload | {mb_direct:.0} MB/s | {mb_relay:.0} MB/s | {:.2}× direct |",
            mb_relay / mb_direct
        );
    }
    if let Some((rb, rp, lb, lp)) = rss {
        println!(
            "| relay RSS, 10 × 25 MiB in flight | — | {rb:.0} → {rp:.0} MiB | +{:.0} MiB for 250 MiB of bodies |",
            rp - rb
        );
        println!(
            "| listen RSS, same (keeps each body for the delivery log) | — | {lb:.0} → {lp:.0} MiB | +{:.0} MiB |",
            lp - lb
        );
    }
}
