//! Payload templates: JSON with typed `{{placeholders}}` that are filled with fresh values on each
//! generation, and the JSON Schema the same template implies.
//!
//! A string that is exactly one placeholder becomes a typed value (`"{{int:1:9}}"` → `4`); a
//! placeholder inside other text is rendered into the string (`"https://x.io/{{slug}}"`). An array
//! whose first element is `"{{repeat:MIN:MAX}}"` repeats its second element MIN..=MAX times.
//! `{{$name}}` reads a variable: one of the built-ins below or one the event file defines, so that
//! one generated value (a delivery id, an order number) can appear in the payload and the headers.
//! `{{text:$name}}` reads it as a string, for a provider that sends the same value as a number in
//! one field and as text in another (Stripe's `amount` and `amount_decimal`).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rand::Rng;
use rand::seq::SliceRandom;
use serde_json::{Map, Value, json};

use super::fake;

/// Variables every template can read.
pub const BUILTIN_VARS: &[&str] = &[
    "message_id",
    "timestamp",
    "timestamp_ms",
    "now",
    "type",
    "event",
];

/// Every placeholder kind, with its arguments, for error messages and the README.
pub const KINDS: &[&str] = &[
    "id:PREFIX[:LEN]",
    "uuid",
    "hex[:LEN]",
    "base62[:LEN]",
    "digits:LEN",
    "int:MIN:MAX",
    "float:MIN:MAX",
    "money[:MIN:MAX]",
    "price[:MIN:MAX]",
    "bool",
    "choice:A|B|C",
    "unix[:MIN:MAX]",
    "unix_ms[:MIN:MAX]",
    "rfc3339[:MIN:MAX]",
    "rfc3339_ms[:MIN:MAX]",
    "date[:MIN_DAYS:MAX_DAYS]",
    "name",
    "first_name",
    "last_name",
    "username",
    "email",
    "phone",
    "company",
    "domain",
    "url",
    "ip",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "timezone",
    "user_agent",
    "word",
    "words:N",
    "slug",
    "sentence",
    "title",
    "product",
    "text:$VARIABLE",
    "$VARIABLE",
];

/// A kind's bare name, as written before its arguments: `id:PREFIX[:LEN]` → `id`.
fn kind_name(usage: &str) -> &str {
    usage.split([':', '[']).next().unwrap_or(usage)
}

/// Whether `kind` is a placeholder kind ([`KINDS`] without its `$VARIABLE` entry).
fn is_kind(kind: &str) -> bool {
    KINDS
        .iter()
        .any(|k| !k.starts_with('$') && kind_name(k) == kind)
}

/// One `{{kind:arg:arg}}`.
#[derive(Debug, Clone, PartialEq)]
struct Placeholder<'a> {
    kind: &'a str,
    args: Vec<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
enum Piece<'a> {
    Text(&'a str),
    Hole(Placeholder<'a>),
}

fn parse(s: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        if start > 0 {
            pieces.push(Piece::Text(&rest[..start]));
        }
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| format!("'{{{{' without a closing '}}}}' in \"{s}\""))?;
        let inner = after[..end].trim();
        let (kind, args) = match inner.split_once(':') {
            // A choice's options may hold ':' themselves.
            Some(("choice", rest)) => ("choice", vec![rest]),
            Some((k, rest)) => (k, rest.split(':').collect()),
            None => (inner, Vec::new()),
        };
        pieces.push(Piece::Hole(Placeholder { kind, args }));
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

fn num_arg(p: &Placeholder, i: usize) -> Result<Option<i64>, String> {
    match p.args.get(i) {
        None => Ok(None),
        Some(a) => a
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("'{{{{{}}}}}': argument '{a}' is not a whole number", p.kind)),
    }
}

fn range(p: &Placeholder, default: (i64, i64)) -> Result<(i64, i64), String> {
    let lo = num_arg(p, 0)?.unwrap_or(default.0);
    let hi = num_arg(p, 1)?.unwrap_or(if p.args.is_empty() { default.1 } else { lo });
    if lo > hi {
        return Err(format!(
            "'{{{{{}:{lo}:{hi}}}}}': the minimum is above the maximum",
            p.kind
        ));
    }
    Ok((lo, hi))
}

/// Where templates look up `{{$name}}`: the names defined so far, in order.
#[derive(Debug, Clone, Default)]
pub struct VarNames(pub Vec<String>);

/// Checks every placeholder in a template; `path` names the place in error messages.
pub fn check(template: &Value, vars: &VarNames, path: &str) -> Result<(), String> {
    match template {
        Value::String(s) => check_str(s, vars).map_err(|e| format!("{path}: {e}")),
        Value::Array(items) => {
            if let Some(Value::String(first)) = items.first()
                && let Some(p) = repeat_marker(first)
            {
                range(&p, (1, 1)).map_err(|e| format!("{path}: {e}"))?;
                if items.len() != 2 {
                    return Err(format!(
                        "{path}: a '{{{{repeat:MIN:MAX}}}}' array holds exactly one template after the marker"
                    ));
                }
                return check(&items[1], vars, &format!("{path}.0"));
            }
            for (i, v) in items.iter().enumerate() {
                check(v, vars, &format!("{path}.{i}"))?;
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                check(v, vars, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn repeat_marker(s: &str) -> Option<Placeholder<'_>> {
    match parse(s).ok()?.as_slice() {
        [Piece::Hole(p)] if p.kind == "repeat" => Some(p.clone()),
        _ => None,
    }
}

/// Checks one template string (also used for header values).
pub fn check_str(s: &str, vars: &VarNames) -> Result<(), String> {
    for piece in parse(s)? {
        let Piece::Hole(p) = piece else { continue };
        if let Some(name) = p.kind.strip_prefix('$') {
            check_var(name, vars)?;
            continue;
        }
        if !is_kind(p.kind) {
            let names = KINDS
                .iter()
                .filter(|k| !k.starts_with('$'))
                .map(|k| kind_name(k));
            let hint = crate::signature::registry::closest(p.kind, names)
                .map(|k| format!("did you mean '{{{{{k}}}}}'? "))
                .unwrap_or_default();
            return Err(format!(
                "unknown placeholder '{{{{{}}}}}': {hint}known kinds: {}",
                p.kind,
                KINDS.join(", ")
            ));
        }
        match p.kind {
            "id" if p.args.is_empty() => {
                return Err("'{{id:PREFIX}}' needs a prefix, e.g. '{{id:evt_}}'".into());
            }
            "int" | "float" if p.args.len() != 2 => {
                return Err(format!(
                    "'{{{{{}}}}}' needs a range: '{{{{{}:MIN:MAX}}}}'",
                    p.kind, p.kind
                ));
            }
            "digits" | "words" if p.args.len() != 1 => {
                return Err(format!(
                    "'{{{{{}}}}}' needs a length: '{{{{{}:N}}}}'",
                    p.kind, p.kind
                ));
            }
            "choice" if p.args.first().is_none_or(|a| a.is_empty()) => {
                return Err("'{{choice}}' needs options: '{{choice:a|b|c}}'".into());
            }
            "text" => match p.args.as_slice() {
                [arg] if arg.starts_with('$') => check_var(&arg[1..], vars)?,
                _ => {
                    return Err(
                        "'{{text}}' reads a variable as text: '{{text:$NAME}}', e.g. '{{text:$amount}}'"
                            .into(),
                    );
                }
            },
            _ => {}
        }
        match p.kind {
            "id" => {
                num_arg(&p, 1)?;
            }
            "hex" | "base62" | "digits" | "words" => {
                num_arg(&p, 0)?;
            }
            "int" | "float" | "money" | "price" | "unix" | "unix_ms" | "rfc3339" | "rfc3339_ms"
            | "date" => {
                range(&p, (0, 0))?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_var(name: &str, vars: &VarNames) -> Result<(), String> {
    if BUILTIN_VARS.contains(&name) || vars.0.iter().any(|v| v == name) {
        return Ok(());
    }
    let known: Vec<&str> = BUILTIN_VARS
        .iter()
        .copied()
        .chain(vars.0.iter().map(String::as_str))
        .collect();
    Err(format!(
        "unknown variable '{{{{${name}}}}}': define it under \"vars\" before its use (known: {})",
        known.join(", ")
    ))
}

/// The values in force while one body is generated.
pub struct Scope {
    pub now: DateTime<Utc>,
    pub vars: BTreeMap<String, Value>,
}

impl Scope {
    pub fn new(now: DateTime<Utc>) -> Self {
        Scope {
            now,
            vars: BTreeMap::new(),
        }
    }
}

/// Fills a checked template with fresh values.
pub fn fill<R: Rng + ?Sized>(template: &Value, scope: &Scope, rng: &mut R) -> Value {
    match template {
        Value::String(s) => fill_str(s, scope, rng),
        Value::Array(items) => {
            if let Some(Value::String(first)) = items.first()
                && let Some(p) = repeat_marker(first)
            {
                let (lo, hi) = range(&p, (1, 1)).unwrap_or((1, 1));
                let n = rng.gen_range(lo.max(0)..=hi.max(0));
                return Value::Array(
                    (0..n)
                        .filter_map(|_| items.get(1).map(|t| fill(t, scope, rng)))
                        .collect(),
                );
            }
            Value::Array(items.iter().map(|v| fill(v, scope, rng)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill(v, scope, rng)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Fills a template string: typed when it is one placeholder, else a string.
pub fn fill_str<R: Rng + ?Sized>(s: &str, scope: &Scope, rng: &mut R) -> Value {
    let Ok(pieces) = parse(s) else {
        return Value::String(s.to_string());
    };
    if let [Piece::Hole(p)] = pieces.as_slice() {
        return value(p, scope, rng);
    }
    let mut out = String::new();
    for piece in &pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Hole(p) => match value(p, scope, rng) {
                Value::String(v) => out.push_str(&v),
                v => out.push_str(&v.to_string()),
            },
        }
    }
    Value::String(out)
}

/// A value as a header or form field carries it.
pub fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn value<R: Rng + ?Sized>(p: &Placeholder, scope: &Scope, rng: &mut R) -> Value {
    if let Some(name) = p.kind.strip_prefix('$') {
        return scope.vars.get(name).cloned().unwrap_or(Value::Null);
    }
    let len = |i: usize, d: usize| {
        num_arg(p, i)
            .ok()
            .flatten()
            .map_or(d, |n| n.clamp(1, 256) as usize)
    };
    let between = |rng: &mut R, d: (i64, i64)| {
        let (lo, hi) = range(p, d).unwrap_or(d);
        rng.gen_range(lo..=hi)
    };
    let at = |secs: i64| scope.now + Duration::seconds(secs);
    match p.kind {
        "id" => json!(format!(
            "{}{}",
            p.args.first().copied().unwrap_or_default(),
            fake::base62(rng, len(1, 24))
        )),
        "uuid" => json!(fake::uuid(rng)),
        "hex" => json!(fake::hex(rng, len(0, 32))),
        "base62" => json!(fake::base62(rng, len(0, 24))),
        "digits" => json!(fake::digits(rng, len(0, 8))),
        "int" => json!(between(rng, (0, 100))),
        "float" => {
            let cents = between(rng, (0, 100)) * 100 + rng.gen_range(0..100);
            json!((cents as f64) / 100.0)
        }
        "money" => {
            // Minor units, mostly round-ish amounts as real carts have.
            let v = between(rng, (500, 99_999));
            json!(if rng.gen_bool(0.5) { v / 100 * 100 } else { v })
        }
        "price" => {
            let cents = between(rng, (5, 500)) * 100 + [0, 0, 50, 99, 95][rng.gen_range(0..5)];
            json!(format!("{}.{:02}", cents / 100, cents % 100))
        }
        "bool" => json!(rng.r#gen::<bool>()),
        "choice" => {
            let options: Vec<&str> = p.args.first().map_or(vec![], |a| a.split('|').collect());
            json!(options.choose(rng).copied().unwrap_or_default())
        }
        "unix" => json!(at(between(rng, (0, 0))).timestamp()),
        "unix_ms" => json!(at(between(rng, (0, 0))).timestamp_millis()),
        "rfc3339" => json!(at(between(rng, (0, 0))).to_rfc3339_opts(SecondsFormat::Secs, true)),
        "rfc3339_ms" => {
            json!(at(between(rng, (0, 0))).to_rfc3339_opts(SecondsFormat::Millis, true))
        }
        "date" => json!(
            at(between(rng, (0, 0)) * 86_400)
                .format("%Y-%m-%d")
                .to_string()
        ),
        "name" => json!(fake::name(rng)),
        "first_name" => json!(fake::first_name(rng)),
        "last_name" => json!(fake::last_name(rng)),
        "username" => json!(fake::username(rng)),
        "email" => json!(fake::email(rng)),
        "phone" => json!(fake::phone(rng)),
        "company" => json!(fake::company(rng)),
        "domain" => json!(fake::domain(rng)),
        "url" => json!(fake::url(rng)),
        "ip" => json!(fake::ipv4(rng)),
        "street" => json!(fake::street(rng)),
        "city" => json!(fake::city(rng)),
        "region" => json!(fake::region(rng)),
        "postal_code" => json!(fake::postal_code(rng)),
        "country" => json!(fake::country(rng)),
        "timezone" => json!(fake::timezone(rng)),
        "user_agent" => json!(fake::user_agent(rng)),
        "word" => json!(fake::word(rng)),
        "words" => json!(fake::words(rng, len(0, 3))),
        "slug" => json!(fake::slug(rng)),
        "sentence" => json!(fake::sentence(rng)),
        "title" => json!(fake::title(rng)),
        "product" => json!(fake::product(rng)),
        "text" => {
            let var = p.args.first().and_then(|a| a.strip_prefix('$'));
            json!(as_text(
                var.and_then(|name| scope.vars.get(name))
                    .unwrap_or(&Value::Null)
            ))
        }
        _ => Value::Null,
    }
}

/// The schema of each variable, by name, for templates that read them.
pub struct SchemaScope<'a> {
    pub vars: &'a [(String, Value)],
    /// The event's type, which `{{$type}}` always is: the one value a schema may pin.
    pub event_type: &'a str,
    /// Form bodies carry every value as text.
    pub form: bool,
}

/// The JSON Schema a template implies: the provider's shape (types, required keys, formats), never
/// the generator's values — a placeholder's options or ranges are what a sample draws from, not
/// what the provider allows, so a real payload with other values passes. The one value pinned is
/// the event's own type where the payload carries it (`{{$type}}`): that is what makes it this event.
pub fn schema(template: &Value, scope: &SchemaScope) -> Value {
    match template {
        Value::String(s) => string_schema(s, scope),
        Value::Number(n) if scope.form => {
            let _ = n;
            json!({"type": "string"})
        }
        Value::Number(n) if n.is_i64() || n.is_u64() => json!({"type": "integer"}),
        Value::Number(_) => json!({"type": "number"}),
        Value::Bool(_) if scope.form => json!({"type": "string"}),
        Value::Bool(_) => json!({"type": "boolean"}),
        // A null in a template stands for a field the provider often leaves empty: any value.
        Value::Null => json!({}),
        Value::Array(items) => {
            let item = match items.first() {
                Some(Value::String(first)) if repeat_marker(first).is_some() => {
                    items.get(1).map(|t| schema(t, scope))
                }
                Some(first) => {
                    let s = schema(first, scope);
                    items[1..]
                        .iter()
                        .all(|t| schema(t, scope) == s)
                        .then_some(s)
                }
                None => None,
            };
            match item {
                Some(i) => json!({"type": "array", "items": i}),
                None => json!({"type": "array"}),
            }
        }
        Value::Object(map) => {
            let mut props = Map::new();
            for (k, v) in map {
                props.insert(k.clone(), schema(v, scope));
            }
            json!({
                "type": "object",
                "properties": props,
                "required": map.keys().collect::<Vec<_>>(),
            })
        }
    }
}

fn string_schema(s: &str, scope: &SchemaScope) -> Value {
    let Ok(pieces) = parse(s) else {
        return json!({"type": "string"});
    };
    let [Piece::Hole(p)] = pieces.as_slice() else {
        return json!({"type": "string"});
    };
    if let Some(name) = p.kind.strip_prefix('$') {
        if let Some((_, t)) = scope.vars.iter().rev().find(|(n, _)| n == name) {
            return schema(t, scope);
        }
        return match name {
            "type" => json!({"type": "string", "const": scope.event_type}),
            "timestamp" | "timestamp_ms" if !scope.form => json!({"type": "integer"}),
            "now" => json!({"type": "string", "format": "date-time"}),
            _ => json!({"type": "string"}),
        };
    }
    let typed = |t: &str| {
        if scope.form {
            json!({"type": "string"})
        } else {
            json!({"type": t})
        }
    };
    let format = |f: &str| json!({"type": "string", "format": f});
    match p.kind {
        "int" | "money" | "unix" | "unix_ms" => typed("integer"),
        "float" => typed("number"),
        "bool" => typed("boolean"),
        "uuid" => format("uuid"),
        "email" => format("email"),
        "url" => format("uri"),
        // The generator draws IPv4; providers send either.
        "ip" => json!({"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}),
        "rfc3339" | "rfc3339_ms" => format("date-time"),
        "date" => format("date"),
        _ => json!({"type": "string"}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> Scope {
        let mut s = Scope::new(Utc::now());
        s.vars.insert("message_id".into(), json!("msg_1"));
        s
    }

    #[test]
    fn a_lone_placeholder_is_typed_and_an_embedded_one_is_text() {
        let mut rng = rand::thread_rng();
        let t = json!({"n": "{{int:5:5}}", "s": "n={{int:5:5}}", "b": "{{bool}}", "id": "{{$message_id}}"});
        let v = fill(&t, &scope(), &mut rng);
        assert_eq!(v["n"], json!(5));
        assert_eq!(v["s"], json!("n=5"));
        assert!(v["b"].is_boolean());
        assert_eq!(v["id"], json!("msg_1"));
    }

    #[test]
    fn repeat_arrays_repeat_their_template() {
        let mut rng = rand::thread_rng();
        let t = json!(["{{repeat:3:3}}", {"sku": "{{hex:6}}"}]);
        let v = fill(&t, &scope(), &mut rng);
        assert_eq!(v.as_array().unwrap().len(), 3);
        let s = schema(
            &t,
            &SchemaScope {
                vars: &[],
                event_type: "t",
                form: false,
            },
        );
        assert_eq!(s["items"]["properties"]["sku"]["type"], "string");
    }

    #[test]
    fn text_reads_a_variable_as_a_string_typed_so_in_the_schema() {
        let mut rng = rand::thread_rng();
        let mut scope = scope();
        scope.vars.insert("amount".into(), json!(1250));
        let t = json!({"amount": "{{$amount}}", "decimal": "{{text:$amount}}", "id": "{{text:$message_id}}"});
        let v = fill(&t, &scope, &mut rng);
        assert_eq!(v, json!({"amount": 1250, "decimal": "1250", "id": "msg_1"}));
        let vars = [("amount".to_string(), json!("{{money}}"))];
        let s = schema(
            &t,
            &SchemaScope {
                vars: &vars,
                event_type: "t",
                form: false,
            },
        );
        assert_eq!(s["properties"]["amount"]["type"], "integer");
        assert_eq!(s["properties"]["decimal"]["type"], "string");

        let names = VarNames(vec!["amount".into()]);
        assert!(check(&t, &names, "p").is_ok());
        let e = check(&json!("{{text:$nope}}"), &names, "p").unwrap_err();
        assert!(e.contains("nope"), "{e}");
        let e = check(&json!("{{text:amount}}"), &names, "p").unwrap_err();
        assert!(e.contains("{{text:$NAME}}"), "{e}");
        assert!(check(&json!("{{text}}"), &names, "p").is_err());
    }

    #[test]
    fn unknown_kinds_and_variables_are_named() {
        let vars = VarNames(vec![]);
        let e = check(&json!({"a": "{{emial}}"}), &vars, "payload").unwrap_err();
        assert!(e.contains("payload.a") && e.contains("email"), "{e}");
        let e = check(&json!("{{$nope}}"), &vars, "payload").unwrap_err();
        assert!(e.contains("nope"), "{e}");
        assert!(check(&json!("{{int:9:1}}"), &vars, "p").is_err());
        assert!(check(&json!("{{int}}"), &vars, "p").is_err());
        assert!(check(&json!("{{choice:a|b}}"), &vars, "p").is_ok());
    }
}
