//! The tunnel client that `hookctl listen` drives: connects to a relay's `/connect`, says hello,
//! hands each request to a `Handler`, streams the answers back, and reconnects by itself — to the
//! next of its relays in turn, with capped exponential backoff once all have failed — asking for
//! the same tunnel name each time.

pub mod forward;

pub use crate::shared::body::{RelayBody, body};

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_util::sync::CancellationToken;

use crate::protocol::{
    self, Chunk, ClientMessage, MISSED_HEARTBEATS, PROTOCOL_VERSION, RelayMessage,
};
use crate::shared::mux::{
    BodyStream, Inbound, Outbox, PumpLimits, Window, send_body, text, write_loop,
};
use crate::shared::names::random_key;
use crate::shared::requests::Requests;

/// How to reach the relay and which tunnel to ask for.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The relays' base URLs (`http(s)://host:port` or `ws(s)://…`), tried in this order: the
    /// nodes of one relay service, as the same token and name go to each.
    pub relays: Vec<String>,
    pub token: Option<String>,
    pub name: Option<String>,
    /// The client's key (`Hello.key`): kept across runs, it proves on a relay without tokens that
    /// this client made its names [default: a fresh one for this run].
    pub key: Option<String>,
    pub heartbeat: Duration,
    /// The longest wait between reconnection attempts.
    pub backoff_cap: Duration,
    /// Certificates to trust besides the system's roots (a relay with a private CA; tests).
    pub extra_roots: Vec<CertificateDer<'static>>,
    /// The address to connect to instead of looking the relay's host up (a relay whose DNS
    /// record is not in place yet); TLS still checks the certificate for the host name.
    pub relay_ip: Option<std::net::IpAddr>,
}

impl ClientOptions {
    pub fn new(relay: impl Into<String>) -> Self {
        Self::with_relays(vec![relay.into()])
    }

    /// Options for several relays, tried in this order.
    pub fn with_relays(relays: Vec<String>) -> Self {
        ClientOptions {
            relays,
            token: None,
            name: None,
            key: None,
            heartbeat: protocol::HEARTBEAT,
            backoff_cap: Duration::from_secs(2),
            extra_roots: Vec::new(),
            relay_ip: None,
        }
    }
}

/// One request that came through the tunnel.
pub struct TunnelRequest {
    pub tunnel: String,
    pub method: String,
    /// Path and query after `/t/{tunnel}`, as the sender sent them.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: BodyStream,
    /// Set for a request that waited in the relay's buffer: stable across redeliveries.
    pub delivery_id: Option<String>,
}

/// The answer to send back. For a buffered request the relay drops it from its buffer once the
/// body has ended, so a handler ends the body only after it has recorded the delivery.
pub struct TunnelResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: RelayBody,
}

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

pub trait Handler: Send + Sync + 'static {
    fn handle(&self, req: TunnelRequest) -> BoxFuture<TunnelResponse>;
}

/// What the client tells its user as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Connected {
        /// The relay it connected to, as given in the options.
        relay: String,
        tunnel: String,
        public_url: String,
        buffered: u64,
        /// The tunnel's own host, when the relay offers one: `https://{tunnel}.{domain}`.
        subdomain_url: Option<String>,
        /// A reconnection after a loss, not the first connection.
        again: bool,
    },
    Lost {
        reason: String,
    },
    Retrying {
        reason: String,
        retry_in: Duration,
        /// The relay it dials next.
        next: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Bad input: the relay URL.
    #[error("{0}")]
    Usage(String),
    #[error("the relay refused the connection: {0}")]
    Refused(String),
    #[error("cannot reach the relay at {url}: {why}")]
    Unreachable { url: String, why: String },
    #[error("another client took over tunnel '{0}' (same token or key): this one stops")]
    Replaced(String),
}

/// The relay's `/connect` URL for a base URL.
pub fn connect_url(relay: &str) -> Result<url::Url, ClientError> {
    // Unlike a local target, a relay may be across the internet: its token must not go over
    // plain http by a guess, so a missing scheme is asked for.
    if !relay.contains("://") {
        return Err(ClientError::Usage(format!(
            "--relay '{relay}' has no scheme: give http://{relay} for a relay on this machine, or https://{relay}"
        )));
    }
    let mut url = url::Url::parse(relay).map_err(|e| {
        ClientError::Usage(format!(
            "--relay '{relay}' is not a URL ({e}): give e.g. https://relay.example.com"
        ))
    })?;
    let scheme = match url.scheme() {
        "http" | "ws" => "ws",
        "https" | "wss" => "wss",
        other => {
            return Err(ClientError::Usage(format!(
                "--relay '{relay}' uses {other}:, but a relay is reached over http(s) or ws(s)"
            )));
        }
    };
    if url.host_str().is_none() {
        return Err(ClientError::Usage(format!("--relay '{relay}' has no host")));
    }
    url.set_scheme(scheme)
        .map_err(|_| ClientError::Usage(format!("--relay '{relay}' cannot be used")))?;
    let path = format!("{}/connect", url.path().trim_end_matches('/'));
    url.set_path(&path);
    url.set_query(None);
    Ok(url)
}

/// The wait before reconnection attempt `attempt` (0-based): 100 ms doubling up to `cap`,
/// shortened by up to a fifth at random (`jitter` in 0..1) so that clients of a restarted relay
/// do not all knock at once.
pub fn backoff(attempt: u32, cap: Duration, jitter: f64) -> Duration {
    let base = Duration::from_millis(100).saturating_mul(1u32 << attempt.min(16));
    base.min(cap).mul_f64(1.0 - 0.2 * jitter.clamp(0.0, 1.0))
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

type Ws = WebSocketStream<Box<dyn Io>>;

enum Attempt {
    Refused { reason: String, permanent: bool },
    Failed(String),
}

struct Welcome {
    tunnel: String,
    public_url: String,
    buffered: u64,
    subdomain_url: Option<String>,
}

/// One relay of the list, ready to dial: its `/connect` URL and, for `wss://`, its TLS.
struct Dial {
    relay: String,
    url: url::Url,
    tls: Option<tokio_rustls::TlsConnector>,
}

/// The relays to dial, each checked; the TLS config is built once for all and every reconnection.
fn dials(opts: &ClientOptions) -> Result<Vec<Dial>, ClientError> {
    if opts.relays.is_empty() {
        return Err(ClientError::Usage("no relay to connect to".into()));
    }
    if opts.relay_ip.is_some() && opts.relays.len() > 1 {
        return Err(ClientError::Usage(
            "--relay-ip names the address of one relay: give one --relay with it".into(),
        ));
    }
    let mut tls = None;
    let mut out = Vec::with_capacity(opts.relays.len());
    for relay in &opts.relays {
        let url = connect_url(relay)?;
        let tls = match url.scheme() {
            "wss" => {
                if tls.is_none() {
                    tls = Some(tls_connector(opts).map_err(|why| ClientError::Unreachable {
                        url: relay.clone(),
                        why,
                    })?);
                }
                tls.clone()
            }
            _ => None,
        };
        out.push(Dial {
            relay: relay.clone(),
            url,
            tls,
        });
    }
    Ok(out)
}

/// A connection that lasted this long was a working one: what failed before it is forgotten, and
/// the backoff starts again from its shortest wait. Shorter ones count as failures, so relays that
/// accept and drop at once are not dialled in a tight loop.
const STABLE: Duration = Duration::from_secs(5);

/// Runs until `stop` fires (Ok), or a relay refuses for good, or — before the first connection
/// only — no relay of the list can be reached (a clear error rather than silent retries at start).
///
/// On a lost connection or a failed attempt it dials the next relay of the list at once; only
/// once every relay has failed in a row does it wait, with capped exponential backoff.
pub async fn run<H: Handler>(
    opts: ClientOptions,
    handler: Arc<H>,
    events: mpsc::UnboundedSender<Event>,
    stop: CancellationToken,
) -> Result<(), ClientError> {
    let relays = dials(&opts)?;
    let key = opts.key.clone().unwrap_or_else(random_key);
    let mut name = opts.name.clone();
    let mut connected_once = false;
    // Why each relay could not be used, until the first connection.
    let mut at_start: Vec<(String, Attempt)> = Vec::new();
    let mut at = 0usize;
    let mut failures = 0usize;
    let mut rounds = 0u32;
    loop {
        let dial = &relays[at];
        let outcome = tokio::select! {
            _ = stop.cancelled() => return Ok(()),
            o = connect(&dial.url, dial.tls.as_ref(), &opts, &key, name.as_deref()) => o,
        };
        let reason = match outcome {
            Ok((ws, welcome)) => {
                name = Some(welcome.tunnel.clone());
                let _ = events.send(Event::Connected {
                    relay: dial.relay.clone(),
                    tunnel: welcome.tunnel.clone(),
                    public_url: welcome.public_url,
                    buffered: welcome.buffered,
                    subdomain_url: welcome.subdomain_url,
                    again: connected_once,
                });
                connected_once = true;
                let began = tokio::time::Instant::now();
                match session(ws, handler.clone(), &opts, &stop, &welcome.tunnel).await {
                    SessionEnd::Stopped => return Ok(()),
                    SessionEnd::Replaced => return Err(ClientError::Replaced(welcome.tunnel)),
                    SessionEnd::Lost(reason) => {
                        if began.elapsed() >= STABLE {
                            failures = 0;
                            rounds = 0;
                        }
                        let _ = events.send(Event::Lost {
                            reason: reason.clone(),
                        });
                        reason
                    }
                }
            }
            Err(Attempt::Refused {
                reason,
                permanent: true,
            }) => return Err(ClientError::Refused(reason)),
            Err(failed) if !connected_once => {
                at_start.push((dial.relay.clone(), failed));
                if at_start.len() == relays.len() {
                    return Err(none_reached(at_start));
                }
                at = (at + 1) % relays.len();
                continue;
            }
            Err(Attempt::Refused { reason, .. }) | Err(Attempt::Failed(reason)) => reason,
        };
        failures += 1;
        at = (at + 1) % relays.len();
        // Another relay of this round is still untried: it is dialled at once.
        let wait = if failures.is_multiple_of(relays.len()) {
            let w = backoff(rounds, opts.backoff_cap, rand::random::<f64>());
            rounds = rounds.saturating_add(1);
            w
        } else {
            Duration::ZERO
        };
        let _ = events.send(Event::Retrying {
            reason,
            retry_in: wait,
            next: relays[at].relay.clone(),
        });
        tokio::select! {
            _ = stop.cancelled() => return Ok(()),
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

/// The error for a start where no relay could be used: a refusal says more than an unreachable
/// relay, so the first refusal wins; with several relays each is named with what it said.
fn none_reached(tried: Vec<(String, Attempt)>) -> ClientError {
    let several = tried.len() > 1;
    let named = |relay: &str, why: String| {
        if several {
            format!("{relay}: {why}")
        } else {
            why
        }
    };
    let mut whys = Vec::new();
    let mut refused = None;
    let relays: Vec<String> = tried.iter().map(|(r, _)| r.clone()).collect();
    for (relay, attempt) in tried {
        match attempt {
            Attempt::Refused { reason, .. } => {
                refused.get_or_insert_with(|| named(&relay, reason));
            }
            Attempt::Failed(why) => whys.push(named(&relay, why)),
        }
    }
    match refused {
        Some(reason) => ClientError::Refused(reason),
        None => ClientError::Unreachable {
            url: if several {
                format!("any of {}", relays.join(", "))
            } else {
                relays.join("")
            },
            why: whys.join("; "),
        },
    }
}

/// Relay URLs from flags or a config value: each may hold several, comma-separated. Every one
/// is checked, so a typo in the third is bad input at start, not a surprise at failover.
pub fn relay_list<S: AsRef<str>>(values: &[S]) -> Result<Vec<String>, ClientError> {
    let mut out = Vec::new();
    for value in values {
        for relay in value.as_ref().split(',') {
            let relay = relay.trim();
            if relay.is_empty() {
                return Err(ClientError::Usage(format!(
                    "--relay '{}' has an empty URL between its commas: give URLs separated by single commas",
                    value.as_ref()
                )));
            }
            connect_url(relay)?;
            out.push(relay.to_string());
        }
    }
    Ok(out)
}

/// Longest wait for the TCP, TLS and WebSocket handshakes and the relay's welcome.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// TLS for a `wss://` relay: the system's roots plus any the options add (`--ca-cert`).
fn tls_connector(opts: &ClientOptions) -> Result<tokio_rustls::TlsConnector, String> {
    let config = crate::shared::trust::client_config(&opts.extra_roots)?;
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

async fn connect(
    url: &url::Url,
    tls: Option<&tokio_rustls::TlsConnector>,
    opts: &ClientOptions,
    key: &str,
    name: Option<&str>,
) -> Result<(Ws, Welcome), Attempt> {
    match tokio::time::timeout(CONNECT_TIMEOUT, connect_inner(url, tls, opts, key, name)).await {
        Ok(r) => r,
        Err(_) => Err(Attempt::Failed(format!(
            "no answer within {} s",
            CONNECT_TIMEOUT.as_secs()
        ))),
    }
}

async fn connect_inner(
    url: &url::Url,
    tls: Option<&tokio_rustls::TlsConnector>,
    opts: &ClientOptions,
    key: &str,
    name: Option<&str>,
) -> Result<(Ws, Welcome), Attempt> {
    let failed = |e: &dyn std::fmt::Display| Attempt::Failed(e.to_string());
    let host = url.host_str().unwrap_or_default().to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let tcp = match opts.relay_ip {
        Some(ip) => tokio::net::TcpStream::connect((ip, port)).await,
        None => tokio::net::TcpStream::connect((host.trim_matches(['[', ']']), port)).await,
    }
    .map_err(|e| failed(&e))?;
    let _ = tcp.set_nodelay(true);
    let io: Box<dyn Io> = match tls {
        Some(connector) => {
            let server = ServerName::try_from(host.trim_matches(['[', ']']).to_string())
                .map_err(|e| failed(&e))?;
            let tls = connector
                .connect(server, tcp)
                .await
                .map_err(|e| failed(&format!("TLS: {e}")))?;
            Box::new(tls)
        }
        None => Box::new(tcp),
    };
    let request = url.as_str().into_client_request().map_err(|e| failed(&e))?;
    let (mut ws, _) =
        tokio_tungstenite::client_async_with_config(request, io, Some(protocol::ws_config()))
            .await
            .map_err(|e| failed(&e))?;
    let hello = ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        token: opts.token.clone(),
        name: name.map(String::from),
        key: Some(key.to_string()),
    };
    ws.send(crate::shared::mux::text(&hello))
        .await
        .map_err(|e| failed(&e))?;
    loop {
        let Some(msg) = ws.next().await else {
            return Err(Attempt::Failed(
                "the relay closed the connection during the handshake".into(),
            ));
        };
        let text = match msg.map_err(|e| failed(&e))? {
            Message::Text(t) => t,
            Message::Close(_) => {
                return Err(Attempt::Failed(
                    "the relay closed the connection during the handshake".into(),
                ));
            }
            _ => continue,
        };
        return match serde_json::from_str::<RelayMessage>(&text) {
            Ok(RelayMessage::Welcome {
                version,
                tunnel,
                public_url,
                buffered,
                subdomain_url,
            }) => {
                if let Err(e) = protocol::check_version(version) {
                    return Err(Attempt::Refused {
                        reason: e.to_string(),
                        permanent: true,
                    });
                }
                Ok((
                    ws,
                    Welcome {
                        tunnel,
                        public_url,
                        buffered,
                        subdomain_url,
                    },
                ))
            }
            Ok(RelayMessage::Refused { reason, permanent }) => {
                Err(Attempt::Refused { reason, permanent })
            }
            Ok(_) => continue,
            Err(_) => match protocol::peek_version(&text).map(protocol::check_version) {
                Some(Err(e)) => Err(Attempt::Refused {
                    reason: e.to_string(),
                    permanent: true,
                }),
                _ => Err(Attempt::Failed(
                    "the relay answered with something that is not this protocol".into(),
                )),
            },
        };
    }
}

enum SessionEnd {
    Stopped,
    Replaced,
    Lost(String),
}

/// The requests being handled; the client keeps nothing about them beyond the shared table.
type InFlight = Arc<Requests<()>>;

async fn session<H: Handler>(
    ws: Ws,
    handler: Arc<H>,
    opts: &ClientOptions,
    stop: &CancellationToken,
    tunnel: &str,
) -> SessionEnd {
    let (sink, mut stream) = ws.split();
    let (outbox, rx) = Outbox::new();
    let closed = stop.child_token();
    // The writer runs in this task, not a task of its own: tokio-tungstenite wakes the writing
    // side too whenever the socket can be read, and a second task woken per frame is a second
    // wakeup (on a multi-threaded runtime, of another worker).
    let writing = write_loop(
        sink,
        rx,
        opts.heartbeat,
        |nonce| crate::shared::mux::text(&ClientMessage::Ping { nonce }),
        closed.clone(),
    );
    let inflight: InFlight = Arc::default();
    let silent = opts.heartbeat * MISSED_HEARTBEATS;
    let reading = async {
        let end = loop {
            let next = tokio::select! {
                _ = closed.cancelled() => break if stop.is_cancelled() {
                    SessionEnd::Stopped
                } else {
                    SessionEnd::Lost("the connection to the relay failed".into())
                },
                n = tokio::time::timeout(silent, stream.next()) => n,
            };
            let msg = match next {
                Err(_) => break SessionEnd::Lost("the relay went silent".into()),
                Ok(None) => break SessionEnd::Lost("the relay closed the connection".into()),
                Ok(Some(Err(e))) => break SessionEnd::Lost(e.to_string()),
                Ok(Some(Ok(m))) => m,
            };
            if let Some(end) = on_frame(msg, &handler, &outbox, &inflight, tunnel) {
                break end;
            }
        };
        closed.cancel();
        end
    };
    let (end, ()) = tokio::join!(reading, writing);
    // Requests still running finish on their own (and are recorded); their bodies are cut.
    inflight.abort_all();
    end
}

/// Acts on one frame from the relay; `Some` ends the session.
fn on_frame<H: Handler>(
    msg: Message,
    handler: &Arc<H>,
    outbox: &Outbox,
    inflight: &InFlight,
    tunnel: &str,
) -> Option<SessionEnd> {
    match msg {
        Message::Text(t) => match serde_json::from_str::<RelayMessage>(&t) {
            Ok(RelayMessage::RequestHead {
                id,
                method,
                target,
                headers,
                length,
                delivery_id,
            }) => {
                let credit = outbox.credit_for(id, ClientMessage::credit);
                let (inbound, body) = Inbound::new(credit, length);
                let window = inflight.insert(id, Some(inbound), ());
                let req = TunnelRequest {
                    tunnel: tunnel.to_string(),
                    method,
                    target,
                    headers,
                    body,
                    delivery_id,
                };
                tokio::spawn(answer(
                    handler.clone(),
                    req,
                    id,
                    outbox.clone(),
                    window,
                    inflight.clone(),
                ));
            }
            Ok(RelayMessage::Credit { id, bytes }) => inflight.grant(id, bytes),
            Ok(RelayMessage::Cancel { id }) => {
                // The handler goes on and records the delivery as cut short.
                inflight.abort(id);
            }
            Ok(RelayMessage::Ping { nonce }) => {
                outbox.control(&ClientMessage::Pong { nonce });
            }
            Ok(_) => {}
            Err(e) => tracing::debug!("ignoring a message this client does not know: {e}"),
        },
        Message::Binary(b) => {
            let b: Bytes = b;
            let Ok(chunk) = Chunk::decode(&b) else {
                return Some(SessionEnd::Lost("the relay sent a malformed frame".into()));
            };
            let routed = inflight.route(&chunk, &b, |bytes| {
                outbox.credit(chunk.id, bytes, ClientMessage::credit)
            });
            if let Err(e) = routed {
                return Some(SessionEnd::Lost(e.to_string()));
            }
        }
        Message::Close(frame) => {
            let reason = frame.map(|f| f.reason.to_string()).unwrap_or_default();
            return Some(if reason.starts_with("replaced") {
                SessionEnd::Replaced
            } else if reason.is_empty() {
                SessionEnd::Lost("the relay closed the connection".into())
            } else {
                SessionEnd::Lost(format!("the relay closed the connection: {reason}"))
            });
        }
        _ => {}
    }
    None
}

/// Runs the handler for one request and streams its answer back; acknowledges a buffered one
/// once its answer (and so its record) is complete.
async fn answer<H: Handler>(
    handler: Arc<H>,
    req: TunnelRequest,
    id: u64,
    outbox: Outbox,
    window: Window,
    inflight: InFlight,
) {
    let buffered = req.delivery_id.is_some();
    let resp = handler.handle(req).await;
    let head = ClientMessage::ResponseHead {
        id,
        status: resp.status,
        headers: resp.headers,
        length: http_body::Body::size_hint(&resp.body).exact(),
    };
    // The head goes out with the answer's first chunk: a small answer is one write.
    let sent = send_body(
        &outbox,
        id,
        &window,
        resp.body,
        PumpLimits::default(),
        Some(text(&head)),
    )
    .await
    .is_ok();
    if sent && buffered {
        outbox.control(&ClientMessage::Ack { id });
    }
    inflight.remove(id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relay_urls_become_connect_urls() {
        assert_eq!(
            connect_url("http://127.0.0.1:8787").unwrap().as_str(),
            "ws://127.0.0.1:8787/connect"
        );
        assert_eq!(
            connect_url("https://relay.example.com/base/")
                .unwrap()
                .as_str(),
            "wss://relay.example.com/base/connect"
        );
        assert!(matches!(connect_url("ftp://x"), Err(ClientError::Usage(_))));
        assert!(matches!(connect_url("nope"), Err(ClientError::Usage(_))));
        match connect_url("localhost:8787") {
            Err(ClientError::Usage(m)) => assert!(m.contains("http://localhost:8787"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn relay_lists_split_on_commas_across_values_and_refuse_a_bad_or_empty_one() {
        let list = relay_list(&["http://a:1, https://b", "ws://c:3"]).unwrap();
        assert_eq!(list, ["http://a:1", "https://b", "ws://c:3"]);
        assert!(relay_list::<&str>(&[]).unwrap().is_empty());
        match relay_list(&["http://a,,http://b"]) {
            Err(ClientError::Usage(m)) => assert!(m.contains("empty URL"), "{m}"),
            other => panic!("{other:?}"),
        }
        match relay_list(&["http://a", "http://b,c.example"]) {
            Err(ClientError::Usage(m)) => assert!(m.contains("'c.example' has no scheme"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn backoff_doubles_to_its_cap_with_bounded_jitter() {
        let cap = Duration::from_secs(2);
        assert_eq!(backoff(0, cap, 0.0), Duration::from_millis(100));
        assert_eq!(backoff(1, cap, 0.0), Duration::from_millis(200));
        assert_eq!(backoff(3, cap, 0.0), Duration::from_millis(800));
        assert_eq!(backoff(5, cap, 0.0), cap);
        assert_eq!(backoff(60, cap, 0.0), cap);
        assert_eq!(backoff(5, cap, 1.0), Duration::from_millis(1600));
    }
}
