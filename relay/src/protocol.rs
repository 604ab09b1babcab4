//! The wire protocol between the relay and `hookctl listen`, owned here in one module.
//!
//! One WebSocket per tunnel client. Control messages travel as JSON text frames; request and
//! response bodies travel as binary frames of at most `MAX_CHUNK` bytes, each tagged with the id of
//! the request it belongs to, so many requests share the socket and no body sits whole in memory.

use serde::{Deserialize, Serialize};

/// Bumped on any incompatible change; the handshake refuses a mismatch with a clear message.
pub const PROTOCOL_VERSION: u32 = 1;

/// The largest WebSocket frame either side accepts.
pub const MAX_FRAME_SIZE: usize = 1024 * 1024;

/// The largest body chunk in one binary frame (the frame adds `CHUNK_HEADER_LEN` bytes).
pub const MAX_CHUNK: usize = MAX_FRAME_SIZE - CHUNK_HEADER_LEN;

/// Request id (8 bytes, big-endian) and flags (1 byte) before a chunk's data.
pub const CHUNK_HEADER_LEN: usize = 9;

/// Set on the last chunk of a body.
pub const FLAG_END: u8 = 1;

/// Messages from the tunnel client to the relay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    /// The first message: who the client is and which tunnel it wants.
    Hello {
        version: u32,
        token: Option<String>,
        name: Option<String>,
    },
    /// The local target's answer to request `id`; its body follows as chunks.
    ResponseHead {
        id: u64,
        status: u16,
        headers: Vec<(String, String)>,
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

/// Messages from the relay to the tunnel client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RelayMessage {
    /// The handshake succeeded: the tunnel's name and the URL senders post to.
    Welcome {
        version: u32,
        tunnel: String,
        public_url: String,
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
        /// Path and query exactly as received (percent-encoding kept).
        target: String,
        headers: Vec<(String, String)>,
        /// Set when the request waited in the offline buffer.
        buffered: bool,
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

/// One piece of a body, as carried in a binary frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk<'a> {
    pub id: u64,
    pub end: bool,
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
    /// The binary frame for this chunk.
    pub fn encode(&self) -> Result<Vec<u8>, ProtocolError> {
        if self.data.len() > MAX_CHUNK {
            return Err(ProtocolError::ChunkTooLarge(self.data.len()));
        }
        let mut frame = Vec::with_capacity(CHUNK_HEADER_LEN + self.data.len());
        frame.extend_from_slice(&self.id.to_be_bytes());
        frame.push(if self.end { FLAG_END } else { 0 });
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
        let id = u64::from_be_bytes(frame[..8].try_into().expect("8 bytes"));
        Ok(Chunk {
            id,
            end: frame[8] & FLAG_END != 0,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_round_trip_byte_exact() {
        let data: Vec<u8> = (0..=255).collect();
        let frame = Chunk {
            id: 42,
            end: true,
            data: &data,
        }
        .encode()
        .unwrap();
        assert_eq!(
            Chunk::decode(&frame).unwrap(),
            Chunk {
                id: 42,
                end: true,
                data: &data
            }
        );
    }

    #[test]
    fn oversized_and_truncated_frames_are_errors() {
        assert_eq!(Chunk::decode(&[0; 5]), Err(ProtocolError::ShortFrame(5)));
        let big = vec![0u8; MAX_CHUNK + 1];
        assert!(
            Chunk {
                id: 1,
                end: false,
                data: &big
            }
            .encode()
            .is_err()
        );
    }

    #[test]
    fn control_messages_are_tagged_json() {
        let hello = ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            token: None,
            name: Some("demo".into()),
        };
        let text = serde_json::to_string(&hello).unwrap();
        assert!(text.contains(r#""type":"hello""#), "{text}");
        assert_eq!(serde_json::from_str::<ClientMessage>(&text).unwrap(), hello);
    }

    #[test]
    fn a_version_mismatch_says_what_to_do() {
        let e = check_version(PROTOCOL_VERSION + 1).unwrap_err();
        assert!(e.to_string().contains("upgrade"));
    }
}
