//! DNS and TCP: does the host resolve, and does something listen on the port.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;

/// The addresses `host` resolves to (an IP literal resolves to itself), or why it does not.
pub async fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
    // url::Url keeps the brackets of an IPv6 literal; the resolver wants the bare address.
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match tokio::net::lookup_host((bare, port)).await {
        Ok(addrs) => {
            let addrs: Vec<SocketAddr> = addrs.collect();
            if addrs.is_empty() {
                Err(format!("{host} has no address records"))
            } else {
                Ok(addrs)
            }
        }
        Err(e) => Err(format!(
            "cannot resolve {host}: {e}; check the host name and your DNS"
        )),
    }
}

/// A TCP connection to the first address that accepts one within `timeout`.
pub async fn connect(
    addrs: &[SocketAddr],
    timeout: Duration,
) -> Result<(TcpStream, SocketAddr), String> {
    let mut last = String::from("no address to connect to");
    for addr in addrs {
        match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => return Ok((stream, *addr)),
            Ok(Err(e)) => last = describe(*addr, &e),
            Err(_) => {
                last = format!(
                    "no answer from {addr} within {}: a firewall may be dropping the packets",
                    humantime::format_duration(timeout)
                )
            }
        }
    }
    Err(last)
}

fn describe(addr: SocketAddr, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => format!(
            "connection refused by {addr}: nothing is listening on port {}; is the server running?",
            addr.port()
        ),
        std::io::ErrorKind::TimedOut => format!("connecting to {addr} timed out"),
        _ => format!("cannot connect to {addr}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_closed_port_is_refused_with_the_port_named() {
        // Bind then drop: the port was free a moment ago and nothing listens on it now.
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let err = connect(&[addr], Duration::from_secs(5)).await.unwrap_err();
        assert!(err.contains("connection refused"), "{err}");
        assert!(err.contains(&addr.port().to_string()), "{err}");
    }

    #[tokio::test]
    async fn ip_literals_resolve_to_themselves() {
        let a = resolve("127.0.0.1", 80).await.unwrap();
        assert_eq!(a, vec!["127.0.0.1:80".parse().unwrap()]);
        let a = resolve("[::1]", 443).await.unwrap();
        assert_eq!(a, vec!["[::1]:443".parse().unwrap()]);
        assert!(resolve("no-such-host.invalid", 80).await.is_err());
    }
}
