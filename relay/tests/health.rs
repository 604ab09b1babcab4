//! The relay serves on a bound port-0 listener and stops cleanly when told to.

use clap::Parser;
use hookctl_relay::server::options::RelayOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

#[derive(Parser)]
struct Args {
    #[command(flatten)]
    relay: RelayOptions,
}

async fn get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    out
}

#[tokio::test]
async fn healthz_answers_ok_and_unknown_tunnels_404_until_shutdown() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let opts = Args::parse_from(["relay"]).relay;
    let stop = CancellationToken::new();
    let server = tokio::spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    let health = get(addr, "/healthz").await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.ends_with("ok"), "{health}");
    assert!(
        get(addr, "/t/nobody/hook")
            .await
            .starts_with("HTTP/1.1 404")
    );
    stop.cancel();
    server.await.unwrap().unwrap();
}

#[test]
fn bad_flags_are_rejected_by_the_parser() {
    assert!(Args::try_parse_from(["relay", "--max-body", "lots"]).is_err());
    assert!(Args::try_parse_from(["relay", "--listen", "127.0.0.1:70000"]).is_err());
    let ok = Args::try_parse_from(["relay", "--data-dir", "/tmp/x"])
        .unwrap()
        .relay;
    assert_eq!(
        ok.offline_mode(),
        hookctl_relay::server::options::OfflineMode::Buffer
    );
}
