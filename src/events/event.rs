//! One catalog event: what it generates (body, event headers, the id and time to sign with),
//! the headers it carries, and the schema its payloads are checked against.

use std::path::PathBuf;

use anyhow::Result;
use chrono::Utc;
use rand::Rng;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::path::{PathError, set_path};
use super::template::{self, SchemaScope, Scope};
use crate::message::Headers;
use crate::output::usage;

/// The signature provider of domain-pack events (README "Events": who signs a domain pack's events).
pub const DEFAULT_PROVIDER: &str = "standard-webhooks";

/// How a body is encoded on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    #[default]
    Json,
    /// `application/x-www-form-urlencoded` (Twilio, Slack slash commands): the payload is a flat
    /// object; nested values are sent as JSON text.
    Form,
}

impl Encoding {
    pub fn content_type(self) -> &'static str {
        match self {
            Encoding::Json => "application/json",
            Encoding::Form => "application/x-www-form-urlencoded",
        }
    }
}

/// Where an event was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin(&'static str),
    User(PathBuf),
}

/// One catalog event.
#[derive(Debug, Clone)]
pub struct Event {
    /// e.g. `stripe.payment_intent.succeeded`, `github.push`, `ticket.created`.
    pub id: String,
    /// The provider whose deliveries it imitates; `None` for domain-pack events.
    pub provider: Option<String>,
    /// The provider's name or the domain pack's.
    pub pack: String,
    pub description: String,
    /// The provider's own name for it (`payment_intent.succeeded`, `push`, `orders/create`).
    pub event_type: String,
    pub encoding: Encoding,
    pub origin: Origin,
    pub(super) message_id: String,
    pub(super) vars: Vec<(String, Value)>,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Value,
    pub(super) schema: Option<Value>,
}

/// One generated delivery, before signing.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The body as sent: compact JSON, or a form for form-encoded events.
    pub body: Vec<u8>,
    /// The same body as a value (what `--set` edits; call [`Generated::encode`] after editing).
    pub payload: Value,
    /// The provider's event headers, Content-Type first; never the signature (sign with
    /// `signature::Registry` using `message_id` and `timestamp`).
    pub headers: Headers,
    /// The delivery's id, as the payload and headers carry it; sign with it.
    pub message_id: String,
    /// Unix seconds the payload's timestamps are based on; sign with it.
    pub timestamp: i64,
    pub encoding: Encoding,
}

impl Generated {
    /// `--set path=value`: edits the payload and re-encodes the body.
    pub fn set(&mut self, path: &str, raw: &str) -> Result<(), PathError> {
        set_path(&mut self.payload, path, raw)?;
        self.encode();
        Ok(())
    }

    /// Re-encodes `body` from `payload`.
    pub fn encode(&mut self) {
        self.body = encode(&self.payload, self.encoding);
    }
}

fn encode(payload: &Value, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Json => serde_json::to_vec(payload).unwrap_or_default(),
        Encoding::Form => {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            if let Value::Object(map) = payload {
                for (k, v) in map {
                    form.append_pair(k, &template::as_text(v));
                }
            }
            form.finish().into_bytes()
        }
    }
}

/// One schema violation: a dotted path into the payload (`$` for the whole) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pub path: String,
    pub message: String,
}

impl Event {
    /// The provider that signs it: its own, or `standard-webhooks` for domain packs.
    pub fn signed_with(&self) -> &str {
        self.provider.as_deref().unwrap_or(DEFAULT_PROVIDER)
    }

    /// A fresh delivery: new ids, timestamps of now, plausible values.
    pub fn generate<R: Rng + ?Sized>(&self, rng: &mut R) -> Generated {
        let now = Utc::now();
        let mut scope = Scope::new(now);
        scope
            .vars
            .insert("timestamp".into(), json!(now.timestamp()));
        scope
            .vars
            .insert("timestamp_ms".into(), json!(now.timestamp_millis()));
        scope.vars.insert(
            "now".into(),
            json!(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        );
        scope.vars.insert("type".into(), json!(self.event_type));
        scope.vars.insert("event".into(), json!(self.id));
        let message_id = template::as_text(&template::fill_str(&self.message_id, &scope, rng));
        scope
            .vars
            .insert("message_id".into(), json!(message_id.clone()));
        for (name, t) in &self.vars {
            let v = template::fill(t, &scope, rng);
            scope.vars.insert(name.clone(), v);
        }
        let mut payload = template::fill(&self.body, &scope, rng);
        if self.encoding == Encoding::Form {
            // As the receiver parses the form: every field is text.
            payload = as_form_fields(&payload);
        }
        let mut headers = Headers::new();
        headers.push("Content-Type", self.content_type());
        for (name, t) in &self.headers {
            let v = template::as_text(&template::fill_str(t, &scope, rng));
            headers.set(name, v);
        }
        Generated {
            body: encode(&payload, self.encoding),
            payload,
            headers,
            message_id,
            timestamp: now.timestamp(),
            encoding: self.encoding,
        }
    }

    fn content_type(&self) -> String {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| self.encoding.content_type().to_string())
    }

    /// The header names and templates, as the file gives them.
    pub fn header_templates(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The payload's JSON Schema: the file's own, or the one its template implies.
    pub fn schema(&self) -> Value {
        if let Some(s) = &self.schema {
            return s.clone();
        }
        let scope = SchemaScope {
            vars: &self.vars,
            event_type: &self.event_type,
            form: self.encoding == Encoding::Form,
        };
        let mut s = template::schema(&self.body, &scope);
        if self.encoding == Encoding::Form
            && let Some(Value::Object(props)) = s.get_mut("properties")
        {
            // Nested values travel as JSON text in a form field.
            for v in props.values_mut() {
                if v.get("type") != Some(&json!("string")) {
                    *v = json!({"type": "string"});
                }
            }
        }
        if let Value::Object(map) = &mut s {
            let mut head = Map::new();
            head.insert(
                "$schema".into(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            head.insert("title".into(), json!(self.id));
            head.insert("description".into(), json!(self.description));
            head.append(map);
            *map = head;
        }
        s
    }

    /// Reads a payload as this event's deliveries carry it: JSON, or a form for form events
    /// (a form payload given as JSON is read as JSON).
    pub fn parse_payload(&self, bytes: &[u8]) -> Result<Value, String> {
        match serde_json::from_slice::<Value>(bytes) {
            Ok(v) => Ok(v),
            Err(e) if self.encoding == Encoding::Form && !looks_like_json(bytes) => {
                let _ = e;
                Ok(Value::Object(
                    url::form_urlencoded::parse(bytes)
                        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
                        .collect(),
                ))
            }
            Err(e) => Err(format!("not valid JSON: {e}")),
        }
    }

    /// Checks a payload as bytes (`events lint`, the console's editor): one that cannot be read
    /// is one violation at `$`; an empty list means valid.
    pub fn lint(&self, bytes: &[u8]) -> Result<Vec<Violation>> {
        match self.parse_payload(bytes) {
            Ok(payload) => self.validate(&payload),
            Err(message) => Ok(vec![Violation {
                path: "$".into(),
                message,
            }]),
        }
    }

    /// Checks a payload against the schema; an empty list means valid.
    pub fn validate(&self, payload: &Value) -> Result<Vec<Violation>> {
        let schema = self.schema();
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| usage(format!("the schema of event '{}' is invalid: {e}", self.id)))?;
        Ok(validator
            .iter_errors(payload)
            .map(|e| Violation {
                path: dotted(e.instance_path().as_str()),
                message: e.to_string(),
            })
            .collect())
    }
}

fn as_form_fields(payload: &Value) -> Value {
    match payload {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), Value::String(template::as_text(v))))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn looks_like_json(bytes: &[u8]) -> bool {
    matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

/// `/data/object/0/amount` → `data.object.0.amount`; the root is `$`.
fn dotted(pointer: &str) -> String {
    if pointer.is_empty() || pointer == "/" {
        return "$".into();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_dotted() {
        assert_eq!(dotted(""), "$");
        assert_eq!(dotted("/data/object/0/a~1b"), "data.object.0.a/b");
    }
}
