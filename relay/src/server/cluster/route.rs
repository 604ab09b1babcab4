//! A request for a tunnel this node does not hold: forwarded in one hop to the node that holds
//! it; buffered while no node does; refused (503) while the lease points at this node but the
//! tunnel is not here (it is moving), Redis cannot be reached, or the holder cannot be reached
//! without refusing (a partition: its lease stands). A holder whose port is closed
//! died: its lease is given up for it, and the request is buffered at once rather than refused
//! until the lease runs out; so is a lease naming this node's own address under an earlier id
//! (the node restarted).

use std::sync::Arc;

use bytes::Bytes;
use http::{Response, StatusCode};
use http_body_util::Full;
use hyper::body::Incoming;

use crate::server::answer::{Answer, Forwarded, body_limits};
use crate::server::cluster::Cluster;
use crate::server::cluster::lease::Lease;
use crate::server::cluster::proxy::{Forward, HopError, Lent, failed_status};
use crate::server::cluster::stream::{Appended, Entry};
use crate::server::options::OfflineMode;
use crate::server::state::now_ms;
use crate::shared::body::{RelayBody, body as boxed};
use crate::shared::mux::Limited;

/// The body on its way: still streaming from the sender, or read whole for the buffer.
enum Held {
    Streaming(RelayBody),
    Read(Bytes),
}

/// Serves a request for a tunnel not held here. `hop`: it came from another node, which must
/// not get it back.
pub async fn elsewhere(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: Vec<(String, String)>,
    body: Incoming,
    cluster: &Cluster,
    hop: bool,
) -> Response<RelayBody> {
    let state = answer.state;
    let mut held = Held::Streaming(boxed(body));
    // A round ends in an answer, or finds the holder gone or a holder appeared while buffering.
    for _ in 0..3 {
        let holder = match cluster.holder(&req.tunnel).await {
            Ok(h) => h,
            Err(e) => return redis_down(answer, &e),
        };
        match holder {
            // This node's address under another id: a node here before a restart, whose
            // connections died with it.
            Some((lease, raw)) if lease.node != cluster.node && lease.url == cluster.node_url => {
                tracing::info!(tunnel = %req.tunnel, "giving up a lease this node held before it restarted");
                let _ = cluster.release(&req.tunnel, &raw).await;
            }
            Some((lease, raw)) if lease.node != cluster.node && !hop => {
                match forward(answer, req, &headers, held, cluster, &lease).await {
                    Ok(resp) => return resp,
                    Err(Failure::Refused(why, back)) => {
                        tracing::warn!(tunnel = %req.tunnel, node = %lease.url, "the tunnel's node refused the connection ({why}): giving up its lease");
                        let _ = cluster.release(&req.tunnel, &raw).await;
                        held = back;
                    }
                    Err(Failure::Failed(HopError::NotConnected(why))) => {
                        tracing::warn!(tunnel = %req.tunnel, node = %lease.url, "the tunnel's node cannot be reached ({why}): its lease stands");
                        return answer.retry_after(
                            StatusCode::SERVICE_UNAVAILABLE,
                            1,
                            "the relay node holding the tunnel cannot be reached: retry shortly\n",
                        );
                    }
                    Err(Failure::Failed(e)) => {
                        let why = match &e {
                            HopError::Timeout => format!(
                                "the tunnel's client did not answer within {} (--request-timeout)\n",
                                humantime::format_duration(state.opts.request_timeout)
                            ),
                            HopError::Failed(w)
                            | HopError::Refused(w)
                            | HopError::NotConnected(w) => {
                                format!("the relay node holding the tunnel failed: {w}\n")
                            }
                        };
                        return answer.plain(failed_status(&e), &why);
                    }
                }
            }
            Some(_) => {
                return answer.retry_after(
                    StatusCode::SERVICE_UNAVAILABLE,
                    1,
                    "the tunnel is moving between relay nodes: retry shortly\n",
                );
            }
            // Refused without reading a body that would not be kept.
            None if state.offline == OfflineMode::Reject => {
                return offline_refusal(answer, cluster, &req.tunnel).await;
            }
            None => {
                let bytes = match held {
                    Held::Read(b) => b,
                    Held::Streaming(b) => match read_whole(answer, b).await {
                        Ok(b) => b,
                        Err(resp) => return resp,
                    },
                };
                match buffer(answer, req, &headers, bytes.clone(), None).await {
                    Some(resp) => return resp,
                    None => held = Held::Read(bytes),
                }
            }
        }
    }
    answer.retry_after(
        StatusCode::SERVICE_UNAVAILABLE,
        1,
        "the tunnel is moving between relay nodes: retry shortly\n",
    )
}

/// Why a forward gave no answer.
enum Failure {
    /// The holder's port is closed; the body, untouched, comes back.
    Refused(String, Held),
    Failed(HopError),
}

/// Forwards to the holder. On failure the body comes back only when the holder could not be
/// reached: nothing of it left, so it can still be buffered.
async fn forward(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: &[(String, String)],
    held: Held,
    cluster: &Cluster,
    lease: &Lease,
) -> Result<Response<RelayBody>, Failure> {
    let state = answer.state;
    let (lent, slot) = match held {
        Held::Streaming(b) => Lent::new(b),
        Held::Read(b) => Lent::new(boxed(Full::new(b))),
    };
    let sent = Forward {
        node_url: &lease.url,
        secret: cluster.secret(),
        tunnel: &req.tunnel,
        method: &req.method,
        target: &req.target,
        headers,
        // The holder answers 504 itself at --request-timeout: a moment more for its answer.
        timeout: state.opts.request_timeout + std::time::Duration::from_secs(1),
    }
    .send(&cluster.hop, lent)
    .await;
    match sent {
        Ok((resp, took)) => {
            state.metrics.forwarded(took.as_secs_f64());
            Ok(resp)
        }
        Err(e) => {
            let back = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
            match (e, back) {
                (HopError::Refused(w), Some(b)) => Err(Failure::Refused(w, Held::Streaming(b))),
                // Part of the body left: it cannot be sent anywhere else.
                (HopError::Refused(w), None) => Err(Failure::Failed(HopError::Failed(w))),
                (other, _) => Err(Failure::Failed(other)),
            }
        }
    }
}

/// The whole body, within the relay's limits, for the buffer.
pub async fn read_whole(
    answer: &Answer<'_>,
    body: RelayBody,
) -> Result<Bytes, Response<RelayBody>> {
    let mut limited = Limited::new(body, body_limits(answer.state));
    let mut all = bytes::BytesMut::new();
    loop {
        match limited.data().await {
            Ok(Some(d)) => all.extend_from_slice(&d),
            Ok(None) => return Ok(all.freeze()),
            Err(e) => return Err(answer.body_failed(&e)),
        }
    }
}

/// Buffers a request in the tunnel's stream: as the holder (`lease` is this node's) or while
/// no node holds it. None when a node holds it after all (or took this node's lease): the
/// request goes there.
pub async fn buffer(
    answer: &Answer<'_>,
    req: &Forwarded,
    headers: &[(String, String)],
    body: Bytes,
    lease: Option<&str>,
) -> Option<Response<RelayBody>> {
    let state = answer.state;
    let cluster: &Arc<Cluster> = state.cluster.as_ref().expect("a cluster relay");
    let entry = Entry {
        id: String::new(),
        delivery_id: uuid::Uuid::now_v7().simple().to_string(),
        method: req.method.clone(),
        target: req.target.clone(),
        headers: headers.to_vec(),
        body,
        received_ms: now_ms(),
    };
    if lease.is_none() && state.offline == OfflineMode::Reject {
        return Some(offline_refusal(answer, cluster, &req.tunnel).await);
    }
    let size = entry.body.len() as u64;
    match cluster
        .append(&req.tunnel, lease, state.opts.buffer_max, &entry)
        .await
    {
        Ok(Appended::Ok) => {
            // The buffered gauge is the sweeper's: the cluster-wide depth, read from Redis.
            state.metrics.bytes_in.inc_by(size);
            Some(answer.plain(
                StatusCode::ACCEPTED,
                "buffered: the tunnel's client is offline; it gets this request when it reconnects\n",
            ))
        }
        Ok(Appended::Unknown) => Some(unknown(answer)),
        Ok(Appended::Full) => Some(answer.retry_after(
            StatusCode::SERVICE_UNAVAILABLE,
            60,
            "the tunnel's client is offline and its buffer is full (--buffer-max): retry later\n",
        )),
        Ok(Appended::Leased) => None,
        Err(e) => Some(redis_down(answer, &e)),
    }
}

/// `--offline reject`: a known tunnel whose client is away is retried later.
async fn offline_refusal(
    answer: &Answer<'_>,
    cluster: &Cluster,
    tunnel: &str,
) -> Response<RelayBody> {
    match cluster.known(tunnel).await {
        Ok(true) => answer.retry_after(
            StatusCode::SERVICE_UNAVAILABLE,
            30,
            "the tunnel's client is offline: retry later\n",
        ),
        Ok(false) => unknown(answer),
        Err(e) => redis_down(answer, &e),
    }
}

fn unknown(answer: &Answer<'_>) -> Response<RelayBody> {
    answer.plain(
        StatusCode::NOT_FOUND,
        "unknown tunnel: no client holds this tunnel name\n",
    )
}

/// Redis cannot be reached: nothing is accepted that could not be kept.
pub fn redis_down(answer: &Answer<'_>, e: &redis::RedisError) -> Response<RelayBody> {
    tracing::error!("redis: {e}");
    answer.retry_after(
        StatusCode::SERVICE_UNAVAILABLE,
        5,
        "the relay cannot reach its cluster store (Redis): retry later\n",
    )
}
