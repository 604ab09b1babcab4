//! Reading control messages without serde's buffering. A derived internally tagged enum first
//! copies the whole message into a generic tree (every header name and value allocated twice)
//! to find its `type`; that was a sixth of `listen`'s instructions per request (callgrind). The
//! messages are read instead into one flat struct per direction, every field optional, and
//! checked into their variant by `type`. The wire format is the derived one, unchanged.
//!
//! One rule follows for whoever adds to the protocol: a field name has one type across all the
//! messages of a direction (`id` is a number wherever it appears), since each name is read with
//! its one type whatever the `type`. A new field with a new name is ignored by older readers.

use serde::Deserialize;
use serde::de::Error as _;

use super::{ClientMessage, RelayMessage};

type Headers = Vec<(String, String)>;

/// A field the message's `type` requires.
fn need<T>(value: Option<T>, field: &'static str) -> Result<T, serde_json::Error> {
    value.ok_or_else(|| serde_json::Error::missing_field(field))
}

fn unknown(kind: &str, expected: &'static [&'static str]) -> serde_json::Error {
    serde_json::Error::unknown_variant(kind, expected)
}

/// Every field a `ClientMessage` may carry.
#[derive(Deserialize)]
pub struct FlatClient {
    #[serde(rename = "type")]
    kind: String,
    version: Option<u32>,
    token: Option<String>,
    name: Option<String>,
    key: Option<String>,
    id: Option<u64>,
    status: Option<u16>,
    headers: Option<Headers>,
    length: Option<u64>,
    bytes: Option<u64>,
    nonce: Option<u64>,
}

impl TryFrom<FlatClient> for ClientMessage {
    type Error = serde_json::Error;

    fn try_from(m: FlatClient) -> Result<Self, Self::Error> {
        Ok(match m.kind.as_str() {
            "hello" => ClientMessage::Hello {
                version: need(m.version, "version")?,
                token: m.token,
                name: m.name,
                key: m.key,
            },
            "response_head" => ClientMessage::ResponseHead {
                id: need(m.id, "id")?,
                status: need(m.status, "status")?,
                headers: need(m.headers, "headers")?,
                length: m.length,
            },
            "credit" => ClientMessage::Credit {
                id: need(m.id, "id")?,
                bytes: need(m.bytes, "bytes")?,
            },
            "ack" => ClientMessage::Ack {
                id: need(m.id, "id")?,
            },
            "ping" => ClientMessage::Ping {
                nonce: need(m.nonce, "nonce")?,
            },
            "pong" => ClientMessage::Pong {
                nonce: need(m.nonce, "nonce")?,
            },
            other => {
                return Err(unknown(
                    other,
                    &["hello", "response_head", "credit", "ack", "ping", "pong"],
                ));
            }
        })
    }
}

/// Every field a `RelayMessage` may carry.
#[derive(Deserialize)]
pub struct FlatRelay {
    #[serde(rename = "type")]
    kind: String,
    version: Option<u32>,
    tunnel: Option<String>,
    public_url: Option<String>,
    buffered: Option<u64>,
    subdomain_url: Option<String>,
    reason: Option<String>,
    permanent: Option<bool>,
    id: Option<u64>,
    method: Option<String>,
    target: Option<String>,
    headers: Option<Headers>,
    length: Option<u64>,
    delivery_id: Option<String>,
    bytes: Option<u64>,
    nonce: Option<u64>,
}

impl TryFrom<FlatRelay> for RelayMessage {
    type Error = serde_json::Error;

    fn try_from(m: FlatRelay) -> Result<Self, Self::Error> {
        Ok(match m.kind.as_str() {
            "welcome" => RelayMessage::Welcome {
                version: need(m.version, "version")?,
                tunnel: need(m.tunnel, "tunnel")?,
                public_url: need(m.public_url, "public_url")?,
                buffered: m.buffered.unwrap_or_default(),
                subdomain_url: m.subdomain_url,
            },
            "refused" => RelayMessage::Refused {
                reason: need(m.reason, "reason")?,
                permanent: need(m.permanent, "permanent")?,
            },
            "request_head" => RelayMessage::RequestHead {
                id: need(m.id, "id")?,
                method: need(m.method, "method")?,
                target: need(m.target, "target")?,
                headers: need(m.headers, "headers")?,
                length: m.length,
                delivery_id: m.delivery_id,
            },
            "credit" => RelayMessage::Credit {
                id: need(m.id, "id")?,
                bytes: need(m.bytes, "bytes")?,
            },
            "cancel" => RelayMessage::Cancel {
                id: need(m.id, "id")?,
            },
            "ping" => RelayMessage::Ping {
                nonce: need(m.nonce, "nonce")?,
            },
            "pong" => RelayMessage::Pong {
                nonce: need(m.nonce, "nonce")?,
            },
            other => {
                return Err(unknown(
                    other,
                    &[
                        "welcome",
                        "refused",
                        "request_head",
                        "credit",
                        "cancel",
                        "ping",
                        "pong",
                    ],
                ));
            }
        })
    }
}
