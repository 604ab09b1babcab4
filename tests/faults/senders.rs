//! The senders: each posts its numbered webhooks one after another (the next once the previous
//! got its answer), to the three nodes in turn, paced to span the fault schedule; every answer
//! is kept for the verdict.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx other than 202: delivered live through the tunnel.
    Live,
    /// 202: written to the cluster's buffer.
    Buffered,
    /// 503: turned away (a lost lease, Redis down, a full buffer).
    Refused503,
    /// No answer: connection refused or reset (a node down or dying).
    NoAnswer,
    /// Any other status.
    Other(u16),
}

impl Outcome {
    /// Whether the cluster took responsibility for the webhook.
    pub fn acknowledged(self) -> bool {
        matches!(self, Outcome::Live | Outcome::Buffered)
    }
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub sender: u32,
    pub n: u32,
    pub outcome: Outcome,
}

/// Runs `senders` senders of `each` webhooks to tunnel `tunnel` on the nodes at `ports`, paced
/// so that their webhooks spread over `span`.
pub async fn run(
    ports: Vec<u16>,
    tunnel: &str,
    senders: u32,
    each: u32,
    span: Duration,
) -> Vec<Sent> {
    let start = Instant::now();
    let interval = span / each.max(1);
    let mut tasks = Vec::new();
    for s in 0..senders {
        let ports = ports.clone();
        let tunnel = tunnel.to_string();
        // Staggered, so that the senders do not all post at the same instant.
        let offset = interval * s / senders;
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::with_capacity(each as usize);
            for n in 0..each {
                let due = start + offset + interval * n;
                tokio::time::sleep_until(due.into()).await;
                let port = ports[((s + n) % ports.len() as u32) as usize];
                let outcome = post(port, &format!("/t/{tunnel}/{s}/{n}"), s, n).await;
                out.push(Sent {
                    sender: s,
                    n,
                    outcome,
                });
            }
            out
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all
}

/// One webhook on a fresh connection, as a provider sends it.
async fn post(port: u16, path: &str, sender: u32, n: u32) -> Outcome {
    let attempt = async {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .ok()?;
        let (mut conn, driver) = hyper::client::conn::http1::handshake(TokioIo::new(tcp))
            .await
            .ok()?;
        tokio::spawn(driver);
        let body = format!(r#"{{"sender":{sender},"n":{n}}}"#);
        let req = http::Request::post(path)
            .header("host", format!("127.0.0.1:{port}"))
            .header("content-type", "application/json")
            .header("x-fault-sender", sender.to_string())
            .header("x-fault-n", n.to_string())
            .body(Full::new(Bytes::from(body)))
            .unwrap();
        let resp = conn.send_request(req).await.ok()?;
        let status = resp.status().as_u16();
        // The answer counts once it arrived whole.
        resp.into_body().collect().await.ok()?;
        Some(status)
    };
    // Longer than the relay's own 30 s request timeout: the relay, not the sender, gives up.
    match tokio::time::timeout(Duration::from_secs(45), attempt).await {
        Ok(Some(202)) => Outcome::Buffered,
        Ok(Some(s)) if (200..300).contains(&s) => Outcome::Live,
        Ok(Some(503)) => Outcome::Refused503,
        Ok(Some(s)) => Outcome::Other(s),
        Ok(None) | Err(_) => Outcome::NoAnswer,
    }
}
