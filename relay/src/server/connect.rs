//! `/connect`: the WebSocket a tunnel client holds. Upgrades the request, runs the handshake
//! (version, token, name), then reads the client's messages until the connection ends.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::SplitStream;
use futures_util::{SinkExt, StreamExt};
use http::{Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::Role;

use crate::protocol::{
    self, Chunk, ClientMessage, MISSED_HEARTBEATS, PROTOCOL_VERSION, RelayMessage,
};
use crate::server::state::{State, now_ms};
use crate::server::store::Claim;
use crate::server::tunnel::Tunnel;
use crate::shared::body::{RelayBody, text_response};
use crate::shared::mux::{Outbox, write_loop};
use crate::shared::names::{self, check_name, random_name};

/// How long a client has to say hello after the upgrade.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

type Ws = WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;

/// Answers the upgrade request and runs the session on the upgraded connection.
pub fn upgrade(state: Arc<State>, mut req: Request<Incoming>) -> Response<RelayBody> {
    let is_ws = req
        .headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    let key = req.headers().get(header::SEC_WEBSOCKET_KEY).cloned();
    let (true, Some(key)) = (is_ws, key) else {
        return text_response(
            StatusCode::UPGRADE_REQUIRED,
            "/connect is the WebSocket for `hookctl listen`; senders post to /t/{tunnel}/...\n",
        );
    };
    let on_upgrade = hyper::upgrade::on(&mut req);
    let tasks = state.tasks.clone();
    tasks.spawn(async move {
        match on_upgrade.await {
            Ok(upgraded) => {
                let ws = WebSocketStream::from_raw_socket(
                    TokioIo::new(upgraded),
                    Role::Server,
                    Some(protocol::ws_config()),
                )
                .await;
                session(state, ws).await;
            }
            Err(e) => tracing::debug!("a tunnel client's upgrade failed: {e}"),
        }
    });
    let mut resp = Response::new(RelayBody::default());
    *resp.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = resp.headers_mut();
    h.insert(header::CONNECTION, "upgrade".parse().expect("static"));
    h.insert(header::UPGRADE, "websocket".parse().expect("static"));
    if let Ok(v) = derive_accept_key(key.as_bytes()).parse() {
        h.insert(header::SEC_WEBSOCKET_ACCEPT, v);
    }
    resp
}

async fn refuse(ws: &mut Ws, reason: String, permanent: bool) {
    tracing::info!("refused a tunnel client: {reason}");
    let msg = RelayMessage::Refused { reason, permanent };
    let _ = ws.send(crate::shared::mux::text(&msg)).await;
    let _ = ws.close(None).await;
}

/// What the hello asked for, once checked.
struct Accepted {
    name: String,
    owner: Option<String>,
    key: Option<String>,
}

async fn handshake(state: &State, ws: &mut Ws) -> Option<Accepted> {
    let first = match tokio::time::timeout(HELLO_TIMEOUT, ws.next()).await {
        Ok(Some(Ok(Message::Text(t)))) => t,
        Ok(_) => {
            refuse(ws, "expected a hello message first".into(), true).await;
            return None;
        }
        Err(_) => {
            let _ = ws.close(None).await;
            return None;
        }
    };
    if let Some(v) = protocol::peek_version(&first)
        && let Err(e) = protocol::check_version(v)
    {
        refuse(ws, e.to_string(), true).await;
        return None;
    }
    let Ok(ClientMessage::Hello {
        version: _,
        token,
        name,
        key,
    }) = serde_json::from_str::<ClientMessage>(&first)
    else {
        refuse(
            ws,
            format!("the first message must be a hello of protocol version {PROTOCOL_VERSION}"),
            true,
        )
        .await;
        return None;
    };
    let accepted = match &state.cluster {
        Some(cluster) => match cluster.accepts(token.as_deref()).await {
            Ok(a) => a,
            Err(e) => {
                tracing::error!("redis: {e}");
                refuse(ws, "the relay cannot reach its cluster store".into(), false).await;
                return None;
            }
        },
        None => state.tokens.accepts(token.as_deref()),
    };
    if !accepted {
        let why = if token.is_some() {
            "the relay refused the token: check --token (or HOOKCTL_RELAY_TOKEN)"
        } else {
            "the relay requires a token: pass --token (or set HOOKCTL_RELAY_TOKEN)"
        };
        refuse(ws, why.into(), true).await;
        return None;
    }
    let owner = token.as_deref().map(names::hash);
    let key = key.as_deref().map(names::hash);
    let name = match name {
        Some(n) => {
            if let Err(e) = check_name(&n) {
                refuse(ws, e, true).await;
                return None;
            }
            n
        }
        None => random_name(),
    };
    // Before the claim: a client refused here must not rebind the name to its key.
    if let Some(live) = state.registry.get(&name) {
        let same = names::same_client(
            (live.owner.as_deref(), live.key.as_deref()),
            (owner.as_deref(), key.as_deref()),
        );
        if !same {
            // A name live with a token is reserved for it (the claim below would say so).
            let (why, permanent) = match live.owner {
                Some(_) => (reserved(&name), true),
                None => (
                    format!("tunnel name '{name}' is in use by another client"),
                    false,
                ),
            };
            refuse(ws, why, permanent).await;
            return None;
        }
    }
    if let Some(cluster) = &state.cluster {
        match cluster.holder(&name).await {
            Ok(Some((lease, _))) if lease.node != cluster.node => {
                let same = names::same_client(
                    (lease.owner.as_deref(), lease.key.as_deref()),
                    (owner.as_deref(), key.as_deref()),
                );
                if !same && lease.owner.is_none() {
                    refuse(
                        ws,
                        format!("tunnel name '{name}' is in use by another client"),
                        false,
                    )
                    .await;
                    return None;
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::error!("redis: {e}");
                refuse(ws, "the relay cannot reach its cluster store".into(), false).await;
                return None;
            }
        }
    }
    let claim = match &state.cluster {
        Some(cluster) => cluster
            .claim(&name, owner.as_deref(), key.as_deref(), now_ms())
            .await
            .map_err(|e| format!("redis: {e}")),
        None => {
            let (name, owner, key) = (name.clone(), owner.clone(), key.clone());
            state
                .db(move |s| s.claim(&name, owner.as_deref(), key.as_deref(), now_ms()))
                .await
        }
    };
    match claim {
        Ok(Claim::Ok) => {}
        Ok(Claim::Reserved) => {
            refuse(ws, reserved(&name), true).await;
            return None;
        }
        Ok(Claim::Held) => {
            refuse(
                ws,
                format!("tunnel name '{name}' holds requests buffered for the client that made it, and this client is another: choose another --name"),
                true,
            )
            .await;
            return None;
        }
        Err(e) => {
            tracing::error!("{e}");
            let store = match state.cluster {
                Some(_) => "the relay cannot reach its cluster's Redis",
                None => "the relay cannot read its data dir",
            };
            refuse(ws, store.into(), false).await;
            return None;
        }
    }
    Some(Accepted { name, owner, key })
}

fn reserved(name: &str) -> String {
    format!("tunnel name '{name}' is reserved by another token: choose another --name")
}

async fn session(state: Arc<State>, mut ws: Ws) {
    let Some(acc) = handshake(&state, &mut ws).await else {
        return;
    };
    // In a cluster the tunnel is this node's from here on: other nodes forward to it, and buffer
    // for it no more — so the buffer's length read after this is all there is to deliver first,
    // deliveries another node left unacknowledged included (an entry leaves only when acknowledged).
    let lease = match &state.cluster {
        Some(cluster) => {
            let taken = cluster
                .acquire(&acc.name, acc.owner.clone(), acc.key.clone())
                .await;
            match taken {
                Ok(l) => {
                    state.metrics.tunnels_held.inc();
                    Some(l)
                }
                Err(e) => {
                    tracing::error!("redis: {e}");
                    refuse(
                        &mut ws,
                        "the relay cannot reach its cluster store".into(),
                        false,
                    )
                    .await;
                    return;
                }
            }
        }
        None => None,
    };
    // Unknown (Redis just went away): deliver from the buffer first anyway, the safe side for order.
    let (buffered, drain_first) = match &state.cluster {
        Some(cluster) => match cluster.depth(&acc.name).await {
            Ok(n) => (n, n > 0),
            Err(_) => (0, true),
        },
        None => {
            let name = acc.name.clone();
            let n = state.db(move |s| s.count(&name)).await.unwrap_or(0);
            (n, n > 0)
        }
    };
    let (outbox, rx) = Outbox::new();
    let mut tunnel = Tunnel::new(
        acc.name.clone(),
        acc.owner,
        acc.key,
        outbox.clone(),
        state.opts.max_in_flight,
        drain_first,
    );
    tunnel.lease = lease;
    let tunnel = Arc::new(tunnel);
    // Welcome goes first: the writer is not running yet, and the control lane is served first.
    outbox.control(&RelayMessage::Welcome {
        version: PROTOCOL_VERSION,
        tunnel: acc.name.clone(),
        public_url: state.tunnel_url(&acc.name),
        buffered,
        subdomain_url: state.subdomain_url(&acc.name),
    });
    if let Some(old) = state.registry.insert(tunnel.clone()) {
        tracing::info!(tunnel = %acc.name, "a new connection replaces the old one");
        old.outbox
            .close("replaced by a newer connection for this tunnel");
        old.closed.cancel();
    }
    state.metrics.tunnels.inc();
    tracing::info!(tunnel = %acc.name, buffered, "tunnel client connected");

    let (sink, stream) = ws.split();
    let heartbeat = state.opts.heartbeat;
    // The writer runs in this task, not a task of its own: tokio-tungstenite wakes the writing
    // side too whenever the socket can be read, and a second task woken per frame is a second
    // wakeup (with --threads above 1, often of another worker).
    let writing = write_loop(
        sink,
        rx,
        heartbeat,
        |nonce| crate::shared::mux::text(&RelayMessage::Ping { nonce }),
        tunnel.closed.clone(),
    );
    if drain_first {
        crate::server::drain::start(&state, &tunnel);
    }

    let reading = read_frames(&state, &tunnel, stream, heartbeat * MISSED_HEARTBEATS);
    tokio::join!(reading, writing);
}

/// Reads the client's frames until it goes (or the relay closes it), then takes the tunnel out
/// of service: requests from then on are buffered or refused, those in flight fail.
async fn read_frames(
    state: &State,
    tunnel: &Arc<Tunnel>,
    mut stream: SplitStream<Ws>,
    silent: Duration,
) {
    let why = loop {
        let next = tokio::select! {
            _ = tunnel.closed.cancelled() => break "closed",
            _ = state.sessions.cancelled() => {
                tunnel.outbox.close("the relay is shutting down");
                break "relay shutting down";
            }
            n = tokio::time::timeout(silent, stream.next()) => n,
        };
        match next {
            Err(_) => break "silent past three heartbeats",
            Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Message::Close(_)))) => {
                break "disconnected";
            }
            Ok(Some(Ok(Message::Text(t)))) => match serde_json::from_str::<ClientMessage>(&t) {
                Ok(msg) => tunnel.on_message(msg),
                Err(e) => tracing::debug!("ignoring a message the relay does not know: {e}"),
            },
            Ok(Some(Ok(Message::Binary(b)))) => {
                let b: Bytes = b;
                match Chunk::decode(&b) {
                    Ok(chunk) => {
                        if let Err(e) = tunnel.on_chunk(&chunk, &b) {
                            tunnel.outbox.close(&e.to_string());
                            break "protocol violation";
                        }
                    }
                    Err(e) => {
                        tunnel.outbox.close(&e.to_string());
                        break "protocol violation";
                    }
                }
            }
            Ok(Some(Ok(_))) => {}
        }
    };
    tracing::info!(tunnel = %tunnel.name, "tunnel client gone: {why}");
    // Out of the registry first, so new requests are buffered or refused rather than sent here.
    state.registry.remove(tunnel);
    // The lease goes with the connection: requests for the tunnel are buffered from now on.
    if let (Some(cluster), Some(lease)) = (&state.cluster, &tunnel.lease) {
        state.metrics.tunnels_held.dec();
        if let Err(e) = cluster.release(&tunnel.name, lease).await {
            tracing::warn!("redis: cannot give up the lease on {}: {e}", tunnel.name);
        }
    }
    tunnel.fail_all();
    state.metrics.tunnels.dec();
    // A queued closing frame (shutdown, protocol violation) gets a moment to go out.
    let _ = tokio::time::timeout(Duration::from_millis(200), tunnel.closed.cancelled()).await;
    tunnel.closed.cancel();
}
