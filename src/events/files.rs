//! Reading one event file (JSON or YAML) into events: its envelope, templates, `$extends` and
//! headers, each mistake reported as a sentence naming where it is.

use std::path::Path;

use anyhow::Result;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::event::{Encoding, Event, Origin};
use super::template::{self, VarNames};
use crate::message::Headers;
use crate::signature::Registry;

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

#[derive(Debug, Clone, Copy)]
pub(super) enum Format {
    Json,
    Yaml,
}

impl Format {
    pub(super) fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }
}

pub(super) fn parse_file(
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
    use serde_json::json;

    use super::*;

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
