//! A blocking `GET` for tests that poll a server from plain code (a process starting, `/healthz`,
//! `/metrics`): no runtime needed; and a free port for a server process. Shared by the relay's
//! tests and `hookctl`'s (tests/relay_cluster_faults.rs, tests/common/listen.rs); a test that
//! also includes redis/mod.rs declares it as `http_get` at the crate root, where that finds it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// `GET path` on 127.0.0.1:`port` with `Connection: close`: status and body, None when nothing
/// answered.
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).ok()?;
    tcp.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        tcp,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = Vec::new();
    tcp.read_to_end(&mut out).ok()?;
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

/// The value of metric `name` (without labels) on 127.0.0.1:`port`'s `/metrics`; None when
/// nothing answered or it has no such metric.
pub fn metric(port: u16, name: &str) -> Option<f64> {
    let (_, text) = http_get(port, "/metrics")?;
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

/// A port free now on 127.0.0.1, for a server process that binds it itself (redis-server, a
/// relay given `--listen`) and so cannot take a bound socket.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
