//! The wire protocol between the relay and `hookctl listen`, owned here in one module.
//!
//! One WebSocket per tunnel client. Control messages travel as JSON text frames; request and
//! response bodies travel as binary frames of at most `MAX_CHUNK` bytes, each tagged with the id of
//! the request it belongs to, so many requests share the socket and no body sits whole in memory.
//! A sender may have at most `WINDOW` bytes of one body unacknowledged; the receiver hands bytes
//! back with `credit` messages as it consumes them (flow control per request, as in HTTP/2).

use std::time::Duration;

use serde::{Deserialize, Serialize};

mod flat;

/// Bumped on any incompatible change; the handshake refuses a mismatch with a clear message.
pub const PROTOCOL_VERSION: u32 = 1;

/// The largest WebSocket frame (and message) either side accepts.
pub const MAX_FRAME_SIZE: usize = 1024 * 1024;

/// The largest body chunk in one binary frame (the frame adds `CHUNK_HEADER_LEN` bytes).
pub const MAX_CHUNK: usize = MAX_FRAME_SIZE - CHUNK_HEADER_LEN;

/// The size senders cut bodies into: small enough that requests interleave fairly on the socket.
pub const CHUNK_SIZE: usize = 64 * 1024;

/// Bytes of one body a side may send before the receiver grants more with `credit`. Bounds the
/// memory a request can hold on the receiving side, whatever the sender does.
pub const WINDOW: usize = 1024 * 1024;

/// Request id (8 bytes, big-endian) and flags (1 byte) before a chunk's data.
pub const CHUNK_HEADER_LEN: usize = 9;

/// Set on the last chunk of a body.
pub const FLAG_END: u8 = 1;

/// Set on a last chunk when the body broke off (the sender vanished, the target failed mid-body):
/// the receiver must not treat what it got as the whole body.
pub const FLAG_ABORT: u8 = 2;

/// How often each side pings by default, and when silence means the peer is gone.
pub const HEARTBEAT: Duration = Duration::from_secs(15);

/// A peer silent for this many heartbeats is taken for dead.
pub const MISSED_HEARTBEATS: u32 = 3;

/// Messages from the tunnel client to the relay. Written as internally tagged JSON (`type`
/// first); read through `flat`, which takes the same format without serde's buffering and is
/// where a field is made optional (an `Option` field, or `buffered`, may be left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "flat::FlatClient")]
pub enum ClientMessage {
    /// The first message: who the client is and which tunnel it wants.
    Hello {
        version: u32,
        /// Authenticates the client when the relay has tokens; a named tunnel is reserved for it.
        token: Option<String>,
        /// The tunnel name wanted; none means a fresh random one.
        name: Option<String>,
        /// A secret the client keeps across reconnects and runs. On a relay without tokens a
        /// name is bound to the key that claimed it: only that key takes back a live tunnel
        /// whose connection the relay has not yet seen die, or one holding buffered requests.
        key: Option<String>,
    },
    /// The local target's answer to request `id`; its body follows as chunks.
    ResponseHead {
        id: u64,
        status: u16,
        headers: Vec<(String, String)>,
        /// The body's exact length when known (0: no body), so the relay answers with a
        /// Content-Length, or none, as the target did.
        length: Option<u64>,
    },
    /// The client consumed `bytes` of request `id`'s body: the relay may send that much more.
    Credit {
        id: u64,
        bytes: u64,
    },
    /// The client has recorded buffered request `id`, so the relay may drop it.
    Ack {
        id: u64,
    },
    Ping {
        nonce: u64,
    },
    Pong {
        nonce: u64,
    },
}

impl ClientMessage {
    /// `Credit`, as the flow control's callbacks take it (`Outbox::credit`).
    pub fn credit(id: u64, bytes: u64) -> Self {
        ClientMessage::Credit { id, bytes }
    }
}

/// Messages from the relay to the tunnel client, written and read as `ClientMessage`s are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "flat::FlatRelay")]
pub enum RelayMessage {
    /// The handshake succeeded: the tunnel's name, the URL senders post to, and how many
    /// requests wait in the offline buffer (they follow first, in arrival order).
    Welcome {
        version: u32,
        tunnel: String,
        public_url: String,
        buffered: u64,
        /// `https://{tunnel}.{domain}` when the relay serves tunnels at subdomains; left out
        /// otherwise, and ignored by clients that predate it.
        #[serde(skip_serializing_if = "Option::is_none")]
        subdomain_url: Option<String>,
    },
    /// The handshake failed; `permanent` refusals (a bad token) must not be retried.
    Refused {
        reason: String,
        permanent: bool,
    },
    /// A request arrived for the tunnel; its body follows as chunks.
    RequestHead {
        id: u64,
        method: String,
        /// Path and query after `/t/{tunnel}`, exactly as received (percent-encoding kept);
        /// empty or starting with `/` or `?`.
        target: String,
        headers: Vec<(String, String)>,
        /// The body's exact length when known (0: the sender sent no body), so the client
        /// forwards it framed as it came.
        length: Option<u64>,
        /// Set when the request waited in the offline buffer: a stable id, the same on every
        /// redelivery, so the client records it once even if an `ack` was lost.
        delivery_id: Option<String>,
    },
    /// The relay consumed `bytes` of response `id`'s body: the client may send that much more.
    Credit {
        id: u64,
        bytes: u64,
    },
    /// The sender went away or the relay gave up on request `id`.
    Cancel {
        id: u64,
    },
    Ping {
        nonce: u64,
    },
    Pong {
        nonce: u64,
    },
}

impl RelayMessage {
    /// `Credit`, as the flow control's callbacks take it (`Outbox::credit`).
    pub fn credit(id: u64, bytes: u64) -> Self {
        RelayMessage::Credit { id, bytes }
    }
}

/// One piece of a body, as carried in a binary frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk<'a> {
    pub id: u64,
    pub end: bool,
    /// The body broke off; implies `end`.
    pub abort: bool,
    pub data: &'a [u8],
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProtocolError {
    #[error("binary frame of {0} bytes is shorter than its {CHUNK_HEADER_LEN}-byte header")]
    ShortFrame(usize),
    #[error("body chunk of {0} bytes is over the {MAX_CHUNK}-byte limit")]
    ChunkTooLarge(usize),
    #[error(
        "protocol version {theirs} is not supported (this side speaks {PROTOCOL_VERSION}): upgrade the older of hookctl and hookctl-relay"
    )]
    Version { theirs: u32 },
}

impl<'a> Chunk<'a> {
    pub fn data(id: u64, data: &'a [u8]) -> Self {
        Chunk {
            id,
            end: false,
            abort: false,
            data,
        }
    }

    pub fn end(id: u64) -> Chunk<'static> {
        Chunk {
            id,
            end: true,
            abort: false,
            data: &[],
        }
    }

    pub fn abort(id: u64) -> Chunk<'static> {
        Chunk {
            id,
            end: true,
            abort: true,
            data: &[],
        }
    }

    /// The binary frame for this chunk.
    pub fn encode(&self) -> Result<Vec<u8>, ProtocolError> {
        if self.data.len() > MAX_CHUNK {
            return Err(ProtocolError::ChunkTooLarge(self.data.len()));
        }
        let mut frame = Vec::with_capacity(CHUNK_HEADER_LEN + self.data.len());
        frame.extend_from_slice(&self.id.to_be_bytes());
        let mut flags = 0;
        if self.end {
            flags |= FLAG_END;
        }
        if self.abort {
            flags |= FLAG_END | FLAG_ABORT;
        }
        frame.push(flags);
        frame.extend_from_slice(self.data);
        Ok(frame)
    }

    /// Reads a binary frame without copying its data.
    pub fn decode(frame: &'a [u8]) -> Result<Self, ProtocolError> {
        if frame.len() < CHUNK_HEADER_LEN {
            return Err(ProtocolError::ShortFrame(frame.len()));
        }
        if frame.len() - CHUNK_HEADER_LEN > MAX_CHUNK {
            return Err(ProtocolError::ChunkTooLarge(frame.len() - CHUNK_HEADER_LEN));
        }
        let mut id = [0u8; 8];
        id.copy_from_slice(&frame[..8]);
        let abort = frame[8] & FLAG_ABORT != 0;
        Ok(Chunk {
            id: u64::from_be_bytes(id),
            end: abort || frame[8] & FLAG_END != 0,
            abort,
            data: &frame[CHUNK_HEADER_LEN..],
        })
    }
}

/// Checks the peer's version from its first message.
pub fn check_version(theirs: u32) -> Result<(), ProtocolError> {
    if theirs == PROTOCOL_VERSION {
        Ok(())
    } else {
        Err(ProtocolError::Version { theirs })
    }
}

/// The `version` field of a first message, read before the rest so that a peer speaking another
/// version gets the version error rather than a parse error about a field it does not know.
pub fn peek_version(text: &str) -> Option<u32> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    v.get("version")?.as_u64().map(|n| n as u32)
}

/// The most a WebSocket read asks the socket for. tungstenite zero-fills this much of its buffer
/// before every read: at its default of 128 KiB that was ~2.3 µs of memset per read, one or two
/// reads per request on each side, and the larger part of the relay's instructions per request
/// (callgrind). 16 KiB holds a typical webhook's head and body in one read, and a 64 KiB chunk
/// takes four reads instead of one, a few µs on a transfer of milliseconds.
pub const READ_BUFFER: usize = 16 * 1024;

/// The WebSocket settings both sides use: frames and messages capped at `MAX_FRAME_SIZE`.
pub fn ws_config() -> tokio_tungstenite::tungstenite::protocol::WebSocketConfig {
    tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
        .read_buffer_size(READ_BUFFER)
        .max_frame_size(Some(MAX_FRAME_SIZE))
        .max_message_size(Some(MAX_FRAME_SIZE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_round_trip_byte_exact() {
        let data: Vec<u8> = (0..=255).collect();
        let frame = Chunk::data(42, &data).encode().unwrap();
        assert_eq!(Chunk::decode(&frame).unwrap(), Chunk::data(42, &data));
        let end = Chunk::end(7).encode().unwrap();
        assert_eq!(Chunk::decode(&end).unwrap(), Chunk::end(7));
        let abort = Chunk::abort(9).encode().unwrap();
        let back = Chunk::decode(&abort).unwrap();
        assert!(back.abort && back.end && back.data.is_empty());
    }

    #[test]
    fn oversized_and_truncated_frames_are_errors() {
        assert_eq!(Chunk::decode(&[0; 5]), Err(ProtocolError::ShortFrame(5)));
        let big = vec![0u8; MAX_CHUNK + 1];
        assert!(Chunk::data(1, &big).encode().is_err());
        let mut frame = vec![0u8; CHUNK_HEADER_LEN];
        frame.extend_from_slice(&big);
        assert_eq!(
            Chunk::decode(&frame),
            Err(ProtocolError::ChunkTooLarge(MAX_CHUNK + 1))
        );
    }

    #[test]
    fn control_messages_are_tagged_json() {
        let hello = ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            token: None,
            name: Some("demo".into()),
            key: None,
        };
        let text = serde_json::to_string(&hello).unwrap();
        assert!(text.contains(r#""type":"hello""#), "{text}");
        assert_eq!(serde_json::from_str::<ClientMessage>(&text).unwrap(), hello);
        let credit = serde_json::to_string(&RelayMessage::Credit { id: 3, bytes: 10 }).unwrap();
        assert_eq!(credit, r#"{"type":"credit","id":3,"bytes":10}"#);
    }

    #[test]
    fn every_message_reads_back_as_it_was_written() {
        let headers = vec![
            ("x-a".to_string(), "1".to_string()),
            ("x-a".into(), "2".into()),
        ];
        let client = [
            ClientMessage::Hello {
                version: 1,
                token: Some("t".into()),
                name: None,
                key: Some("k".into()),
            },
            ClientMessage::ResponseHead {
                id: 7,
                status: 201,
                headers: headers.clone(),
                length: None,
            },
            ClientMessage::Credit { id: 1, bytes: 2 },
            ClientMessage::Ack { id: 3 },
            ClientMessage::Ping { nonce: 4 },
            ClientMessage::Pong { nonce: 5 },
        ];
        reads_back(client);
        let relay = [
            RelayMessage::Welcome {
                version: 1,
                tunnel: "demo".into(),
                public_url: "http://r/t/demo".into(),
                buffered: 2,
                subdomain_url: Some("https://demo.r".into()),
            },
            RelayMessage::Refused {
                reason: "no".into(),
                permanent: true,
            },
            RelayMessage::RequestHead {
                id: 9,
                method: "POST".into(),
                target: "/hooks?a=é\"\\/".into(),
                headers,
                length: Some(0),
                delivery_id: Some("d".into()),
            },
            RelayMessage::Credit { id: 1, bytes: 2 },
            RelayMessage::Cancel { id: 3 },
            RelayMessage::Ping { nonce: 4 },
            RelayMessage::Pong { nonce: 5 },
        ];
        reads_back(relay);
    }

    fn reads_back<M>(messages: impl IntoIterator<Item = M>)
    where
        M: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for m in messages {
            let text = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<M>(&text).unwrap(), m, "{text}");
        }
    }

    #[test]
    fn fields_come_in_any_order_new_ones_are_ignored_and_missing_ones_or_unknown_types_are_errors()
    {
        // Another writer may put `type` anywhere, leave optional fields out, and add new ones.
        let m: RelayMessage =
            serde_json::from_str(r#"{"id":4,"type":"cancel","since":"a newer relay"}"#).unwrap();
        assert_eq!(m, RelayMessage::Cancel { id: 4 });
        let m: ClientMessage = serde_json::from_str(r#"{"version":1,"type":"hello"}"#).unwrap();
        assert!(matches!(m, ClientMessage::Hello { token: None, .. }));
        let e = serde_json::from_str::<ClientMessage>(r#"{"type":"ack"}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `id`"), "{e}");
        let e = serde_json::from_str::<RelayMessage>(r#"{"type":"shiny","id":1}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `shiny`"), "{e}");
        assert!(serde_json::from_str::<RelayMessage>(r#"{"id":1}"#).is_err());
    }

    #[test]
    fn a_welcome_without_a_subdomain_leaves_the_field_out_and_reads_without_it() {
        let w = RelayMessage::Welcome {
            version: 1,
            tunnel: "demo".into(),
            public_url: "http://r/t/demo".into(),
            buffered: 0,
            subdomain_url: None,
        };
        let text = serde_json::to_string(&w).unwrap();
        assert!(!text.contains("subdomain_url"), "{text}");
        let older = r#"{"type":"welcome","version":1,"tunnel":"demo","public_url":"http://r/t/demo","buffered":0}"#;
        assert_eq!(serde_json::from_str::<RelayMessage>(older).unwrap(), w);
    }

    #[test]
    fn a_version_mismatch_says_what_to_do() {
        let e = check_version(PROTOCOL_VERSION + 1).unwrap_err();
        assert!(e.to_string().contains("upgrade"));
        assert_eq!(
            peek_version(r#"{"type":"hello","version":9,"shiny":true}"#),
            Some(9)
        );
        assert_eq!(peek_version("not json"), None);
    }

    #[test]
    fn chunk_size_fits_the_window_and_the_frame() {
        const { assert!(CHUNK_SIZE <= WINDOW && CHUNK_SIZE <= MAX_CHUNK) };
    }
}
