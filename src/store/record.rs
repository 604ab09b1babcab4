//! The delivery record: one request sent or received, its answer, and where it came from. The
//! JSON form is an API (README "The delivery log"): `logs --json`, `logs show --json` and JSONL export all use it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::message::{Delivery, Headers};

/// Which command sent or received a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Trigger,
    Listen,
    Replay,
    Validate,
    Load,
}

/// What became of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Sent and answered 2xx.
    Delivered,
    /// Sent and answered non-2xx, or the connection failed; may be retried.
    Failed,
    /// Failed on its last retry.
    Dead,
    /// Received by `listen`.
    Received,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Trigger => "trigger",
            Source::Listen => "listen",
            Source::Replay => "replay",
            Source::Validate => "validate",
            Source::Load => "load",
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Delivered => "delivered",
            Status::Failed => "failed",
            Status::Dead => "dead",
            Status::Received => "received",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        <Self as clap::ValueEnum>::from_str(s, true).ok()
    }

    /// How a delivery with attempts of these two statuses ended: delivered if any attempt was,
    /// else dead if its retries gave up, else failed (stopped between retries).
    pub fn settle(self, other: Status) -> Status {
        let rank = |s| match s {
            Status::Delivered => 2,
            Status::Dead => 1,
            _ => 0,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

impl Source {
    pub fn parse(s: &str) -> Option<Self> {
        <Self as clap::ValueEnum>::from_str(s, true).ok()
    }
}

/// An HTTP request as sent or received: headers in order with repeats, body byte-exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestPart {
    pub method: String,
    pub url: String,
    pub headers: Headers,
    #[serde(flatten)]
    pub body: Body,
}

/// The one conversion between a logged request and the message the signing core reads, so
/// `verify --log`, `replay` and `listen` never copy the four fields by hand.
impl From<RequestPart> for Delivery {
    fn from(r: RequestPart) -> Self {
        Delivery {
            method: r.method,
            url: Some(r.url),
            headers: r.headers,
            body: r.body.0,
        }
    }
}

/// A delivery whose URL is unknown is logged with an empty one.
impl From<Delivery> for RequestPart {
    fn from(d: Delivery) -> Self {
        RequestPart {
            method: d.method,
            url: d.url.unwrap_or_default(),
            headers: d.headers,
            body: Body(d.body),
        }
    }
}

/// An HTTP response: status, headers, body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsePart {
    pub status: u16,
    pub headers: Headers,
    #[serde(flatten)]
    pub body: Body,
}

/// Body bytes; in JSON, text when they are UTF-8 and base64 otherwise (`body_encoding`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body(pub Vec<u8>);

#[derive(Serialize, Deserialize)]
struct BodyJson {
    body: String,
    body_encoding: String,
}

impl Serialize for Body {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let j = match std::str::from_utf8(&self.0) {
            Ok(text) => BodyJson {
                body: text.to_string(),
                body_encoding: "utf8".into(),
            },
            Err(_) => BodyJson {
                body: STANDARD.encode(&self.0),
                body_encoding: "base64".into(),
            },
        };
        j.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let j = BodyJson::deserialize(d)?;
        match j.body_encoding.as_str() {
            "utf8" => Ok(Body(j.body.into_bytes())),
            "base64" => STANDARD
                .decode(&j.body)
                .map(Body)
                .map_err(serde::de::Error::custom),
            other => Err(serde::de::Error::custom(format!(
                "unknown body_encoding '{other}' (utf8 or base64)"
            ))),
        }
    }
}

/// One delivery in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(serialize_with = "rfc3339_millis")]
    pub created_at: DateTime<Utc>,
    pub source: Source,
    pub event_type: Option<String>,
    pub provider: Option<String>,
    pub target: String,
    pub attempt: u32,
    pub status: Status,
    pub duration_ms: Option<f64>,
    pub error: Option<String>,
    pub request: RequestPart,
    pub response: Option<ResponsePart>,
    pub replay_of: Option<String>,
    /// On a retry: the id of its delivery's first attempt (absent from older logs and exports).
    pub retry_of: Option<String>,
    pub tunnel: Option<String>,
}

fn rfc3339_millis<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

/// A fresh delivery id: `dlv_` and a UUIDv7, so ids sort by creation time.
pub fn new_id() -> String {
    format!("dlv_{}", uuid::Uuid::now_v7().simple())
}

/// How much of an id `listen` shows: `dlv_` and a UUIDv7's first 24 hex digits — its
/// millisecond clock, version and 42-bit counter. Ids one process makes in the same millisecond
/// differ only in the counter's last bits, so anything shorter could name two records.
const SHORT_ID: usize = 28;

/// An id's short form, a prefix `logs show` accepts; an id of another shape stays whole.
pub fn short_id(id: &str) -> &str {
    id.get(..SHORT_ID).unwrap_or(id)
}

impl Record {
    /// A new record for a request about to be sent or just received; the rest is filled in as
    /// the delivery goes.
    pub fn new(source: Source, request: RequestPart) -> Self {
        Record {
            id: new_id(),
            created_at: Utc::now(),
            source,
            event_type: None,
            provider: None,
            target: request.url.clone(),
            attempt: 1,
            status: Status::Failed,
            duration_ms: None,
            error: None,
            request,
            response: None,
            replay_of: None,
            retry_of: None,
            tunnel: None,
        }
    }

    /// The request body parsed as JSON, for `--where` and pretty views.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.request.body.0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(body: &[u8]) -> Record {
        let mut r = Record::new(
            Source::Trigger,
            RequestPart {
                method: "POST".into(),
                url: "http://127.0.0.1:4000/hooks?x=1".into(),
                headers: [
                    ("Content-Type", "application/json"),
                    ("X-A", "1"),
                    ("x-a", "2"),
                ]
                .into_iter()
                .collect(),
                body: Body(body.to_vec()),
            },
        );
        r.event_type = Some("payment.succeeded".into());
        r
    }

    #[test]
    fn json_form_matches_the_spec_and_round_trips() {
        let r = sample(br#"{"a":1}"#);
        let v = serde_json::to_value(&r).unwrap();
        assert!(v["id"].as_str().unwrap().starts_with("dlv_"));
        assert_eq!(v["source"], "trigger");
        assert_eq!(v["status"], "failed");
        assert_eq!(v["request"]["body_encoding"], "utf8");
        assert_eq!(v["request"]["headers"][2], serde_json::json!(["x-a", "2"]));
        assert!(v["response"].is_null() && v["replay_of"].is_null() && v["tunnel"].is_null());
        assert!(v["created_at"].as_str().unwrap().ends_with('Z'));
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back.request, r.request);
    }

    #[test]
    fn binary_bodies_travel_as_base64() {
        let r = sample(&[0xff, 0x00, 0xfe]);
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["request"]["body_encoding"], "base64");
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back.request.body.0, vec![0xff, 0x00, 0xfe]);
    }

    #[test]
    fn ids_sort_by_creation() {
        let a = new_id();
        let b = new_id();
        assert!(a < b, "{a} !< {b}");
    }

    #[test]
    fn ids_made_in_one_burst_keep_distinct_short_forms() {
        // Thousands within a few milliseconds: most share their clock with a neighbour.
        let ids: Vec<String> = (0..20_000).map(|_| new_id()).collect();
        let short: std::collections::HashSet<&str> = ids.iter().map(|i| short_id(i)).collect();
        assert_eq!(short.len(), ids.len());
        assert!(ids.iter().all(|i| i.starts_with(short_id(i))));
        assert_eq!(
            short_id("dlv_a"),
            "dlv_a",
            "an id of another shape stays whole"
        );
    }
}
