//! The catalog: event files (built in, then the user's) read into events that generate payloads,
//! carry their provider's headers and check payloads against their schema.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::Utc;
use rand::Rng;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::path::{PathError, set_path};
use super::template::{self, SchemaScope, Scope, VarNames};
use crate::message::Headers;
use crate::output::usage;
use crate::signature::Registry;

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

/// One event file, as written (JSON or YAML).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    pack: String,
    #[serde(default)]
    provider: Option<String>,
    #[serde(default)]
    message_id: Option<String>,
    #[serde(default)]
    encoding: Option<Encoding>,
    #[serde(default)]
    vars: Map<String, Value>,
    #[serde(default)]
    headers: Map<String, Value>,
    #[serde(default)]
    envelope: Option<Value>,
    /// Named object templates that payloads reuse with `{"$extends": "name", "a.b": override}`.
    #[serde(default)]
    templates: Map<String, Value>,
    events: Vec<EventDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDef {
    id: String,
    #[serde(rename = "type", default)]
    event_type: Option<String>,
    description: String,
    #[serde(default)]
    vars: Map<String, Value>,
    #[serde(default)]
    headers: Map<String, Value>,
    #[serde(default)]
    encoding: Option<Encoding>,
    /// The payload is the whole body: the file's envelope is not applied.
    #[serde(default)]
    raw: bool,
    payload: Value,
    #[serde(default)]
    schema: Option<Value>,
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
    message_id: String,
    vars: Vec<(String, Value)>,
    headers: Vec<(String, String)>,
    body: Value,
    schema: Option<Value>,
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

/// Every event hookctl knows: built-in packs, overridden by the user's files.
#[derive(Debug, Clone)]
pub struct Catalog {
    events: Vec<Event>,
}

/// The built-in event files, embedded in the binary.
const BUILTIN: &[(&str, &str)] = &[
    ("calendly.json", include_str!("data/calendly.json")),
    ("clerk.json", include_str!("data/clerk.json")),
    ("discord.json", include_str!("data/discord.json")),
    ("github.json", include_str!("data/github.json")),
    ("hubspot.json", include_str!("data/hubspot.json")),
    ("intercom.json", include_str!("data/intercom.json")),
    ("linear.json", include_str!("data/linear.json")),
    ("mailgun.json", include_str!("data/mailgun.json")),
    ("paddle.json", include_str!("data/paddle.json")),
    ("pagerduty.json", include_str!("data/pagerduty.json")),
    ("sendgrid.json", include_str!("data/sendgrid.json")),
    ("shopify.json", include_str!("data/shopify.json")),
    ("slack.json", include_str!("data/slack.json")),
    ("square.json", include_str!("data/square.json")),
    (
        "standard-webhooks.json",
        include_str!("data/standard-webhooks.json"),
    ),
    ("stripe.json", include_str!("data/stripe.json")),
    ("svix.json", include_str!("data/svix.json")),
    ("twilio.json", include_str!("data/twilio.json")),
    ("twitch.json", include_str!("data/twitch.json")),
    ("typeform.json", include_str!("data/typeform.json")),
    ("zoom.json", include_str!("data/zoom.json")),
    ("business.json", include_str!("data/business.json")),
    ("crm.json", include_str!("data/crm.json")),
    ("commerce.json", include_str!("data/commerce.json")),
    ("wedding.json", include_str!("data/wedding.json")),
];

/// The user's event directory: `events/` next to the config file.
pub fn default_user_dir(config_path: &Path) -> PathBuf {
    config_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("events")
}

/// The directories to read, in order: the default one if it exists, then `--catalog`.
pub fn user_dirs(config_path: &Path, catalog_flag: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let default = default_user_dir(config_path);
    if default.is_dir() {
        dirs.push(default);
    }
    if let Some(d) = catalog_flag {
        dirs.push(d.to_path_buf());
    }
    dirs
}

impl Catalog {
    /// The built-in catalog alone.
    pub fn builtin() -> Result<Catalog> {
        Self::load(&[], Registry::builtin())
    }

    /// The built-in catalog, then every `*.json`, `*.yaml`, `*.yml` file of each directory in
    /// order (by file name); an event whose id is already known replaces it. A broken file is a
    /// usage error naming the file and what is wrong. A file's `provider` is one of `providers`:
    /// the built-in ones and the user's own schemes.
    pub fn load(user_dirs: &[PathBuf], providers: &Registry) -> Result<Catalog> {
        let mut catalog = Catalog { events: Vec::new() };
        for (name, text) in BUILTIN {
            let events = parse_file(text, Format::Json, Origin::Builtin(name), providers)
                .map_err(|e| anyhow::anyhow!("built-in event file {name}: {e}"))?;
            catalog.events.extend(events);
        }
        for dir in user_dirs {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| usage(format!("cannot read event catalog {}: {e}", dir.display())))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && Format::of(p).is_some())
                .collect();
            files.sort();
            for path in files {
                catalog.add_user_file(&path, providers)?;
            }
        }
        Ok(catalog)
    }

    fn add_user_file(&mut self, path: &Path, providers: &Registry) -> Result<()> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read event file {}: {e}", path.display())))?;
        let format = Format::of(path).unwrap_or(Format::Json);
        let events = parse_file(&text, format, Origin::User(path.to_path_buf()), providers)
            .map_err(|e| usage(format!("event file {} is not valid: {e}", path.display())))?;
        for ev in events {
            match self.events.iter_mut().find(|e| e.id == ev.id) {
                Some(slot) => {
                    tracing::info!("{} overrides event {}", path.display(), ev.id);
                    *slot = ev;
                }
                None => self.events.push(ev),
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Like [`Catalog::get`], with an error that suggests the closest ids (exit 2).
    pub fn find(&self, id: &str) -> Result<&Event> {
        if let Some(e) = self.get(id) {
            return Ok(e);
        }
        let suffix = format!(".{id}");
        let near = self
            .ids()
            .find(|c| c.ends_with(&suffix))
            .map(str::to_string)
            .or_else(|| crate::signature::registry::closest(id, self.ids()));
        Err(usage(match near {
            Some(n) => format!("unknown event '{id}': did you mean '{n}'? (`hookctl events list`)"),
            None => format!("unknown event '{id}': run `hookctl events list` for the catalog"),
        }))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.events.iter().map(|e| e.id.as_str())
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

#[derive(Debug, Clone, Copy)]
enum Format {
    Json,
    Yaml,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }
}

fn parse_file(
    text: &str,
    format: Format,
    origin: Origin,
    registry: &Registry,
) -> Result<Vec<Event>, String> {
    let def: FileDef = match format {
        Format::Json => serde_json::from_str(text).map_err(|e| e.to_string())?,
        Format::Yaml => serde_norway::from_str(text).map_err(|e| e.to_string())?,
    };
    if def.pack.trim().is_empty() {
        return Err("\"pack\" is empty: name the provider or domain pack".into());
    }
    if let Some(p) = &def.provider
        && registry.get(p).is_none()
    {
        let hint = registry
            .suggest(p)
            .map(|s| format!(": did you mean '{s}'?"))
            .unwrap_or_else(|| ": see `hookctl providers`".into());
        return Err(format!("unknown provider '{p}'{hint}"));
    }
    let mut names = VarNames::default();
    let mut file_vars = Vec::new();
    for (name, t) in &def.vars {
        template::check(t, &names, &format!("vars.{name}"))?;
        names.0.push(name.clone());
        file_vars.push((name.clone(), t.clone()));
    }
    let message_id = def
        .message_id
        .clone()
        .unwrap_or_else(|| "{{id:msg_:24}}".into());
    template::check_str(&message_id, &VarNames::default())
        .map_err(|e| format!("message_id: {e}"))?;
    let file_headers = headers_of(&def.headers, "headers")?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for ev in def.events {
        let at = |e: String| format!("event '{}': {e}", ev.id);
        if ev.id.trim().is_empty() || ev.id.contains(char::is_whitespace) {
            return Err(format!(
                "event id '{}' must be non-empty without spaces",
                ev.id
            ));
        }
        if !seen.insert(ev.id.clone()) {
            return Err(format!("event '{}' is defined twice", ev.id));
        }
        let mut names = names.clone();
        let mut vars = file_vars.clone();
        for (name, t) in &ev.vars {
            template::check(t, &names, &format!("vars.{name}")).map_err(at)?;
            names.0.push(name.clone());
            vars.push((name.clone(), t.clone()));
        }
        let mut headers = file_headers.clone();
        for (name, value) in headers_of(&ev.headers, "headers").map_err(at)? {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
            headers.push((name, value));
        }
        for (name, value) in &headers {
            template::check_str(value, &names).map_err(|e| at(format!("headers.{name}: {e}")))?;
        }
        let mut payload = ev.payload.clone();
        resolve_extends(&mut payload, &def.templates, 0).map_err(at)?;
        template::check(&payload, &names, "payload").map_err(at)?;
        let body = match (&def.envelope, ev.raw) {
            (Some(env), false) => {
                let mut body = env.clone();
                let n = substitute_payload(&mut body, &payload);
                if n != 1 {
                    return Err(format!(
                        "\"envelope\" must hold \"{{{{$payload}}}}\" exactly once as a value (found {n})"
                    ));
                }
                template::check(&body, &names, "envelope").map_err(at)?;
                body
            }
            _ => payload,
        };
        let encoding = ev.encoding.or(def.encoding).unwrap_or_default();
        if encoding == Encoding::Form && !body.is_object() {
            return Err(at("a form-encoded payload must be an object".into()));
        }
        if let Some(s) = &ev.schema {
            jsonschema::options()
                .build(s)
                .map_err(|e| at(format!("\"schema\" is not a valid JSON Schema: {e}")))?;
        }
        let event_type = ev.event_type.clone().unwrap_or_else(|| {
            let prefix = format!("{}.", def.pack);
            ev.id.strip_prefix(&prefix).unwrap_or(&ev.id).to_string()
        });
        out.push(Event {
            id: ev.id,
            provider: def.provider.as_ref().map(|p| p.to_ascii_lowercase()),
            pack: def.pack.clone(),
            description: ev.description,
            event_type,
            encoding,
            origin: origin.clone(),
            message_id: message_id.clone(),
            vars,
            headers,
            body,
            schema: ev.schema,
        });
    }
    Ok(out)
}

fn headers_of(map: &Map<String, Value>, at: &str) -> Result<Vec<(String, String)>, String> {
    map.iter()
        .map(|(name, v)| match v {
            Value::String(s) => {
                Headers::parse_line(&format!("{name}: x")).map_err(|e| format!("{at}: {e}"))?;
                Ok((name.clone(), s.clone()))
            }
            other => Err(format!(
                "{at}.{name} must be a string (a header value template), not {other}"
            )),
        })
        .collect()
}

/// Expands `{"$extends": "name", "path.to.key": value, ...}`: the file's template `name`, with
/// each other key set by its dotted path (nested `$extends` expand too).
fn resolve_extends(
    v: &mut Value,
    templates: &Map<String, Value>,
    depth: usize,
) -> Result<(), String> {
    if depth > 8 {
        return Err("\"$extends\" nests more than 8 deep (a template extends itself?)".into());
    }
    match v {
        Value::Object(map) => {
            if let Some(base) = map.remove("$extends") {
                let name = base
                    .as_str()
                    .ok_or_else(|| "\"$extends\" must name a template".to_string())?;
                let mut out = templates.get(name).cloned().ok_or_else(|| {
                    let known: Vec<&str> = templates.keys().map(String::as_str).collect();
                    format!(
                        "\"$extends\": no template '{name}' (the file's \"templates\": {})",
                        known.join(", ")
                    )
                })?;
                resolve_extends(&mut out, templates, depth + 1)?;
                for (path, mut val) in std::mem::take(map) {
                    resolve_extends(&mut val, templates, depth + 1)?;
                    super::path::set_value(&mut out, &path, val)
                        .map_err(|e| format!("\"$extends\": {e}"))?;
                }
                *v = out;
                return Ok(());
            }
            for val in map.values_mut() {
                resolve_extends(val, templates, depth)?;
            }
            Ok(())
        }
        Value::Array(items) => {
            for val in items {
                resolve_extends(val, templates, depth)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Replaces each `"{{$payload}}"` value with the payload template; returns how many.
fn substitute_payload(t: &mut Value, payload: &Value) -> usize {
    match t {
        Value::String(s) if s.trim() == "{{$payload}}" => {
            *t = payload.clone();
            1
        }
        Value::Array(items) => items
            .iter_mut()
            .map(|v| substitute_payload(v, payload))
            .sum(),
        Value::Object(map) => map
            .values_mut()
            .map(|v| substitute_payload(v, payload))
            .sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_dotted() {
        assert_eq!(dotted(""), "$");
        assert_eq!(dotted("/data/object/0/a~1b"), "data.object.0.a/b");
    }

    #[test]
    fn a_yaml_file_with_an_envelope_generates_and_validates() {
        let yaml = r#"
pack: acme
provider: null
headers:
  X-Acme-Event: "{{$type}}"
  X-Acme-Delivery: "{{$message_id}}"
envelope:
  type: "{{$type}}"
  data: "{{$payload}}"
events:
  - id: acme.thing.made
    description: A thing was made.
    payload:
      id: "{{id:thg_}}"
      email: "{{email}}"
"#;
        let evs = parse_file(
            yaml,
            Format::Yaml,
            Origin::Builtin("t"),
            Registry::builtin(),
        )
        .unwrap();
        let ev = &evs[0];
        assert_eq!(ev.event_type, "thing.made");
        let g = ev.generate(&mut rand::thread_rng());
        assert_eq!(
            g.headers.get("X-Acme-Delivery"),
            Some(g.message_id.as_str())
        );
        assert_eq!(g.payload["type"], "thing.made");
        assert!(ev.validate(&g.payload).unwrap().is_empty());
        let bad = json!({"type": "thing.made", "data": {"id": 1, "email": "nope"}});
        let v = ev.validate(&bad).unwrap();
        assert!(v.iter().any(|v| v.path == "data.id"), "{v:?}");
        assert!(v.iter().any(|v| v.path == "data.email"), "{v:?}");
    }

    #[test]
    fn set_edits_the_payload_and_re_encodes_the_body() {
        let catalog = Catalog::builtin().unwrap();
        let mut rng = rand::thread_rng();
        let mut g = catalog
            .get("stripe.payment_intent.succeeded")
            .unwrap()
            .generate(&mut rng);
        g.set("data.object.amount", "5000").unwrap();
        let body: Value = serde_json::from_slice(&g.body).unwrap();
        assert_eq!(body["data"]["object"]["amount"], json!(5000));
        assert!(g.set("type.nope", "1").is_err());

        let mut g = catalog
            .get("twilio.message.received")
            .unwrap()
            .generate(&mut rng);
        assert!(g.body.starts_with(b"ToCountry="));
        g.set("Body", "hello world").unwrap();
        let text = String::from_utf8(g.body.clone()).unwrap();
        assert!(text.contains("Body=hello+world"), "{text}");
    }

    #[test]
    fn extends_copies_a_template_and_sets_dotted_paths() {
        let text = r#"{"pack": "p", "templates": {"t": {"a": 1, "b": {"c": "x"}}}, "events": [
            {"id": "p.e", "description": "d", "payload": {"$extends": "t", "b.c": "{{int:7:7}}", "d": true}}]}"#;
        let evs = parse_file(
            text,
            Format::Json,
            Origin::Builtin("t"),
            Registry::builtin(),
        )
        .unwrap();
        let g = evs[0].generate(&mut rand::thread_rng());
        assert_eq!(g.payload, json!({"a": 1, "b": {"c": 7}, "d": true}));
        let bad = text.replace("\"$extends\": \"t\"", "\"$extends\": \"nope\"");
        let e = parse_file(
            &bad,
            Format::Json,
            Origin::Builtin("t"),
            Registry::builtin(),
        )
        .unwrap_err();
        assert!(e.contains("no template 'nope'"), "{e}");
    }

    #[test]
    fn broken_files_say_what_is_wrong() {
        let err = |text: &str| {
            parse_file(
                text,
                Format::Json,
                Origin::Builtin("t"),
                Registry::builtin(),
            )
            .unwrap_err()
        };
        assert!(err("{").contains("EOF"));
        assert!(err(r#"{"pack":"x","events":[],"extra":1}"#).contains("extra"));
        assert!(err(r#"{"pack":"x","provider":"strpe","events":[]}"#).contains("stripe"));
        let e = err(
            r#"{"pack":"x","events":[{"id":"a","description":"d","payload":{"e":"{{emial}}"}}]}"#,
        );
        assert!(e.contains("event 'a'") && e.contains("payload.e"), "{e}");
        assert!(e.contains("did you mean '{{email}}'"), "{e}");
    }
}
