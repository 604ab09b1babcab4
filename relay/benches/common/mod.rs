//! What the relay's benchmarks share: a local target, an HTTP client, processes that die with the
//! bench, and readings of /proc (RSS, CPU) and of latencies.

// Each bench uses part of what is here.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};

pub type Http = Client<HttpConnector, Full<Bytes>>;

/// A Stripe-like event of 110 bytes, the body every bench posts.
pub const EVENT: &[u8] = br#"{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"amount":2000,"currency":"usd"}}}"#;

pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A target that reads each body whole and answers 200 `ok`.
pub async fn target() -> SocketAddr {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = l.accept().await {
            let _ = tcp.set_nodelay(true);
            tokio::spawn(async move {
                let svc = service_fn(|req: http::Request<hyper::body::Incoming>| async move {
                    let _ = req.into_body().collect().await;
                    Ok::<_, std::convert::Infallible>(http::Response::new(Full::new(
                        Bytes::from_static(b"ok"),
                    )))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(tcp), svc)
                    .await;
            });
        }
    });
    addr
}

/// A client on connections with TCP_NODELAY, as every socket on the measured path has: a request
/// written in two segments must not wait for a delayed ACK, whichever way it goes.
pub fn http(keep_alive: bool) -> Http {
    let mut tcp = HttpConnector::new();
    tcp.set_nodelay(true);
    let mut b = Client::builder(TokioExecutor::new());
    if !keep_alive {
        b.pool_max_idle_per_host(0);
    }
    b.build(tcp)
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Posts `body` and reads the answer whole; whether it was a 2xx.
pub async fn post(client: &Http, url: &str, body: Bytes) -> bool {
    let mut req = http::Request::new(Full::new(body));
    *req.method_mut() = http::Method::POST;
    *req.uri_mut() = url.parse().unwrap();
    req.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    match client.request(req).await {
        Ok(r) => {
            let ok = r.status().is_success();
            let _ = r.into_body().collect().await;
            ok
        }
        Err(_) => false,
    }
}

/// CPU time (user + system, µs) a process has used so far. /proc counts it in USER_HZ ticks,
/// which Linux fixes at 100 a second for user space.
pub fn cpu_us(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces), from the 3rd on.
    let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) * 10_000
}

/// The CPU time some processes use from a start, to be shared out among the requests made since.
pub struct CpuMeter<const N: usize>([(u32, u64); N]);

impl<const N: usize> CpuMeter<N> {
    pub fn start(pids: [u32; N]) -> Self {
        Self(pids.map(|pid| (pid, cpu_us(pid))))
    }

    /// The µs each process used per request since the start.
    pub fn per_request(&self, requests: f64) -> [f64; N] {
        self.0
            .map(|(pid, before)| (cpu_us(pid) - before) as f64 / requests.max(1.0))
    }
}

/// Quantiles `ps` (0..1) of latencies.
pub fn quantiles<const N: usize>(mut lat: Vec<f64>, ps: [f64; N]) -> [f64; N] {
    lat.sort_by(f64::total_cmp);
    ps.map(|p| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)])
}

/// Resident memory of a process, KiB (`VmRSS` in /proc/PID/status).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Child processes killed when the bench ends, however it ends.
#[derive(Default)]
pub struct Procs(pub Vec<Child>);

impl Drop for Procs {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

pub async fn wait_http(url: &str) {
    assert!(answers_within(url, 500).await, "{url} never answered");
}

/// Whether `url` answers within `tries` × 20 ms.
pub async fn answers_within(url: &str, tries: u32) -> bool {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    for _ in 0..tries {
        if client.get(url.parse().unwrap()).await.is_ok() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

/// Moves every thread of these processes onto `cpus` (a list as `taskset -c` takes it), so
/// the one-core measure sees each hop's CPU without cross-core wakeups. False when `taskset` is
/// not there or refuses.
pub fn pin(pids: &[u32], cpus: &str) -> bool {
    pids.iter().all(|pid| {
        Command::new("taskset")
            .args(["-a", "-p", "-c", cpus, &pid.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The CPUs this process may run on, as `taskset -c` takes them.
pub fn allowed_cpus() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))
        .map(|l| l.trim().to_string())
}
