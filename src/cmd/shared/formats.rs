//! Views of a record for `logs show`, `logs export`, `logs import` and the web console: the raw HTTP/1.1 request,
//! a curl command line that re-sends it byte-exact, HAR 1.2 (out and back in), the pretty view.

use std::fmt::Write as _;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, SecondsFormat, Utc};
use colored::Colorize;
use serde_json::{Value, json};

use crate::json_path::Path;
use crate::message::Headers;
use crate::message::raw::{is_framing, target_and_host, write_request};
use crate::signature::Registry;
use crate::store::{Body, Record, RequestPart, ResponsePart, Source, Status};

/// What a redacted JSON value becomes.
pub const REDACTED_VALUE: &str = "[redacted]";

/// Masks each path in the request and response bodies (when they are JSON). A body is
/// re-serialised only when a path matched; otherwise its bytes stay exactly as they were.
pub fn redact(r: &mut Record, paths: &[Path]) {
    if paths.is_empty() {
        return;
    }
    let mask = |body: &mut Body| {
        let Ok(mut v) = serde_json::from_slice::<Value>(&body.0) else {
            return;
        };
        let with = Value::String(REDACTED_VALUE.into());
        let n: usize = paths.iter().map(|p| p.replace(&mut v, &with)).sum();
        if n > 0 {
            body.0 = serde_json::to_vec(&v).expect("a JSON value serialises");
        }
    };
    mask(&mut r.request.body);
    if let Some(resp) = &mut r.response {
        mask(&mut resp.body);
    }
}

/// The request as an HTTP/1.1 message, byte-exact as logged.
pub fn raw(r: &Record) -> Vec<u8> {
    let req = &r.request;
    write_request(&req.method, &req.url, &req.headers, &req.body.0)
}

/// A word for bash: bare when it is safe, `'…'` when printable, `$'…'` with escapes otherwise.
pub fn sh_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c))
    {
        return s.to_string();
    }
    if !s.chars().any(|c| c.is_control()) {
        return format!("'{}'", s.replace('\'', r"'\''"));
    }
    let mut out = String::from("$'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\'' => out.push_str(r"\'"),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Always quoted, so a header or URL reads as one word at a glance.
fn sh_quoted(s: &str) -> String {
    if s.chars().any(|c| c.is_control()) {
        sh_quote(s)
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Bodies up to this size go on the command line; larger ones through a pipe (Linux refuses an
/// exec argument over 128 KiB, and `printf` is a bash builtin, so it has no such limit).
const INLINE_BODY_MAX: usize = 64 * 1024;

/// One bash command line that re-sends the request byte-exact with curl: the stored headers in
/// order, and none of curl's own (`Accept`, `User-Agent`, a form `Content-Type`, `Expect`) that
/// the record did not carry. Binary bodies travel as base64 through `base64 -d`.
pub fn curl(r: &Record) -> String {
    let req = &r.request;
    let mut args: Vec<String> = vec!["curl".into(), "--globoff".into(), "--path-as-is".into()];
    args.push("-X".into());
    args.push(sh_quote(&req.method));
    for (n, v) in req.headers.iter() {
        if is_framing(n) {
            continue;
        }
        // `Name;` is curl's way to send a header with an empty value.
        let h = if v.is_empty() {
            format!("{n};")
        } else {
            format!("{n}: {v}")
        };
        args.push("-H".into());
        args.push(sh_quoted(&h));
    }
    for default in ["Accept", "User-Agent", "Content-Type", "Expect"] {
        if !req.headers.contains(default) {
            args.push("-H".into());
            args.push(sh_quoted(&format!("{default}:")));
        }
    }
    let body = &req.body.0;
    let mut pipe = String::new();
    if !body.is_empty() {
        args.push("--data-binary".into());
        match std::str::from_utf8(body) {
            Ok(text)
                if !text.contains('\0')
                    && !text.starts_with('@')
                    && body.len() <= INLINE_BODY_MAX =>
            {
                args.push(sh_quote(text));
            }
            Ok(text) if !text.contains('\0') => {
                pipe = format!("printf '%s' {} | ", sh_quote(text));
                args.push("@-".into());
            }
            _ => {
                pipe = format!("printf '%s' {} | base64 -d | ", STANDARD.encode(body));
                args.push("@-".into());
            }
        }
    }
    args.push(sh_quoted(&req.url));
    format!("{pipe}{}", args.join(" "))
}

fn har_headers(h: &Headers) -> Value {
    Value::Array(
        h.iter()
            .map(|(n, v)| json!({"name": n, "value": v}))
            .collect(),
    )
}

/// HAR `content`/`postData` text: UTF-8 as is, anything else base64 with `encoding`.
fn har_text(body: &[u8], mime: &str) -> Value {
    match std::str::from_utf8(body) {
        Ok(t) => json!({"mimeType": mime, "text": t}),
        Err(_) => json!({"mimeType": mime, "text": STANDARD.encode(body), "encoding": "base64"}),
    }
}

fn reason_phrase(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// One HAR 1.2 entry. hookctl's own fields (id, source, status …) ride in `_hookctl`, which HAR
/// allows for custom data, so a HAR export imports back to the same records.
pub fn har_entry(r: &Record) -> Value {
    let req = &r.request;
    let query: Vec<Value> = url::Url::parse(&req.url)
        .map(|u| {
            u.query_pairs()
                .map(|(n, v)| json!({"name": n, "value": v}))
                .collect()
        })
        .unwrap_or_default();
    let mut request = json!({
        "method": req.method,
        "url": req.url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": har_headers(&req.headers),
        "queryString": query,
        "headersSize": -1,
        "bodySize": req.body.0.len(),
    });
    if !req.body.0.is_empty() {
        let mime = req.headers.get("Content-Type").unwrap_or("");
        request["postData"] = har_text(&req.body.0, mime);
    }
    let response = match &r.response {
        Some(resp) => {
            let mut content =
                har_text(&resp.body.0, resp.headers.get("Content-Type").unwrap_or(""));
            content["size"] = json!(resp.body.0.len());
            json!({
                "status": resp.status,
                "statusText": reason_phrase(resp.status),
                "httpVersion": "HTTP/1.1",
                "cookies": [],
                "headers": har_headers(&resp.headers),
                "content": content,
                "redirectURL": resp.headers.get("Location").unwrap_or(""),
                "headersSize": -1,
                "bodySize": resp.body.0.len(),
            })
        }
        // HAR has no "no response": browsers write status 0 for a request that got none.
        None => json!({
            "status": 0, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [],
            "headers": [], "content": {"size": 0, "mimeType": ""}, "redirectURL": "",
            "headersSize": -1, "bodySize": -1,
        }),
    };
    let wait = r.duration_ms.unwrap_or(0.0);
    let mut entry = json!({
        "startedDateTime": r.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        "time": wait,
        "request": request,
        "response": response,
        "cache": {},
        "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": wait, "receive": 0},
        "_hookctl": {
            "id": r.id, "source": r.source, "event_type": r.event_type, "provider": r.provider,
            "target": r.target, "attempt": r.attempt, "status": r.status,
            "duration_ms": r.duration_ms, "error": r.error, "replay_of": r.replay_of,
            "retry_of": r.retry_of, "tunnel": r.tunnel, "has_response": r.response.is_some(),
        },
    });
    if let Some(e) = &r.error {
        entry["comment"] = json!(e);
    }
    entry
}

/// The HAR document's opening, up to the entries array.
pub fn har_open() -> String {
    format!(
        "{{\"log\":{{\"version\":\"1.2\",\"creator\":{{\"name\":\"hookctl\",\"version\":\"{}\"}},\"entries\":[",
        env!("CARGO_PKG_VERSION")
    )
}

pub const HAR_CLOSE: &str = "]}}";

/// A whole HAR document for some records.
pub fn har<'a>(records: impl IntoIterator<Item = &'a Record>) -> Value {
    json!({"log": {
        "version": "1.2",
        "creator": {"name": "hookctl", "version": env!("CARGO_PKG_VERSION")},
        "entries": records.into_iter().map(har_entry).collect::<Vec<_>>(),
    }})
}

fn har_body(v: Option<&Value>) -> Result<Body, String> {
    let Some(v) = v else {
        return Ok(Body::default());
    };
    let text = v.get("text").and_then(Value::as_str).unwrap_or("");
    match v.get("encoding").and_then(Value::as_str) {
        Some("base64") => STANDARD
            .decode(text)
            .map(Body)
            .map_err(|e| format!("body is not valid base64 ({e})")),
        None | Some("") => Ok(Body(text.as_bytes().to_vec())),
        Some(other) => Err(format!("unknown encoding '{other}'")),
    }
}

fn har_header_list(v: Option<&Value>) -> Result<Headers, String> {
    let mut h = Headers::new();
    for item in v.and_then(Value::as_array).into_iter().flatten() {
        let n = item.get("name").and_then(Value::as_str);
        let val = item.get("value").and_then(Value::as_str);
        match (n, val) {
            // HTTP/2 pseudo-headers (`:authority`) from a browser's HAR are not headers to send.
            (Some(n), Some(_)) if n.starts_with(':') => {}
            (Some(n), Some(v)) => h.push(n, v),
            _ => return Err("a header without name or value".into()),
        }
    }
    Ok(h)
}

/// A record from a HAR entry: exact when hookctl wrote it (`_hookctl`), otherwise a request
/// captured elsewhere (a browser, a proxy), kept as `source: listen`, `status: received`.
pub fn from_har_entry(e: &Value) -> Result<Record, String> {
    let req = e.get("request").ok_or("no request")?;
    let method = req
        .get("method")
        .and_then(Value::as_str)
        .ok_or("request has no method")?;
    let url = req
        .get("url")
        .and_then(Value::as_str)
        .ok_or("request has no url")?;
    let request = RequestPart {
        method: method.to_string(),
        url: url.to_string(),
        headers: har_header_list(req.get("headers"))?,
        body: har_body(req.get("postData"))?,
    };
    let resp = e.get("response");
    let status = resp
        .and_then(|r| r.get("status"))
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let response = if status > 0 {
        let r = resp.expect("status came from it");
        Some(ResponsePart {
            status: u16::try_from(status).map_err(|_| "response status out of range")?,
            headers: har_header_list(r.get("headers"))?,
            body: har_body(r.get("content"))?,
        })
    } else {
        None
    };
    let created_at = e
        .get("startedDateTime")
        .and_then(Value::as_str)
        .ok_or("no startedDateTime")?;
    let created_at = DateTime::parse_from_rfc3339(created_at)
        .map_err(|err| format!("startedDateTime '{created_at}' is not ISO 8601 ({err})"))?
        .with_timezone(&Utc);
    let mut r = Record::new(Source::Listen, request);
    r.created_at = created_at;
    r.status = Status::Received;
    r.duration_ms = e.get("time").and_then(Value::as_f64).filter(|t| *t >= 0.0);
    r.response = response;
    if let Some(h) = e.get("_hookctl") {
        let meta: HarMeta =
            serde_json::from_value(h.clone()).map_err(|err| format!("_hookctl: {err}"))?;
        r.id = meta.id;
        r.source = meta.source;
        r.event_type = meta.event_type;
        r.provider = meta.provider;
        r.target = meta.target;
        r.attempt = meta.attempt;
        r.status = meta.status;
        r.duration_ms = meta.duration_ms;
        r.error = meta.error;
        r.replay_of = meta.replay_of;
        r.retry_of = meta.retry_of;
        r.tunnel = meta.tunnel;
        if !meta.has_response {
            r.response = None;
        }
    }
    Ok(r)
}

#[derive(serde::Deserialize)]
struct HarMeta {
    id: String,
    source: Source,
    event_type: Option<String>,
    provider: Option<String>,
    target: String,
    attempt: u32,
    status: Status,
    duration_ms: Option<f64>,
    error: Option<String>,
    replay_of: Option<String>,
    #[serde(default)]
    retry_of: Option<String>,
    tunnel: Option<String>,
    has_response: bool,
}

/// Which providers sign with a header: its lower-case name → ids (signature header first in each
/// provider's list, so only that one is named a signature).
fn signature_owners(record_provider: Option<&str>, name: &str) -> Vec<String> {
    let mut ids: Vec<String> = Registry::builtin()
        .all()
        .iter()
        .map(|s| s.info())
        .filter(|i| {
            i.headers
                .first()
                .is_some_and(|h| h.eq_ignore_ascii_case(name))
        })
        .map(|i| i.id.clone())
        .collect();
    if let Some(p) = record_provider
        && ids.iter().any(|i| i == p)
    {
        ids = vec![p.to_string()];
    }
    ids
}

/// A hex dump, 16 bytes a line with the printable characters beside them.
pub fn hex_dump(data: &[u8], max: usize) -> String {
    let mut out = String::new();
    for (i, chunk) in data[..data.len().min(max)].chunks(16).enumerate() {
        let _ = write!(out, "{:08x}  ", i * 16);
        for j in 0..16 {
            match chunk.get(j) {
                Some(b) => {
                    let _ = write!(out, "{b:02x} ");
                }
                None => out.push_str("   "),
            }
            if j == 7 {
                out.push(' ');
            }
        }
        out.push_str(" |");
        out.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                '.'
            }
        }));
        out.push_str("|\n");
    }
    if data.len() > max {
        let _ = writeln!(
            out,
            "… {} more bytes (`--format raw` prints them all)",
            data.len() - max
        );
    }
    out
}

/// A body for a person: JSON pretty-printed, text as is, anything else as a hex dump.
fn pretty_body(body: &[u8]) -> String {
    if body.is_empty() {
        return "(empty body)".dimmed().to_string();
    }
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        return serde_json::to_string_pretty(&v).expect("a JSON value serialises");
    }
    match std::str::from_utf8(body) {
        Ok(t) if !t.chars().any(|c| c.is_control() && !c.is_whitespace()) => t.to_string(),
        _ => format!(
            "{} ({} bytes, binary)\n{}",
            "hex".dimmed(),
            body.len(),
            hex_dump(body, 4096).trim_end()
        ),
    }
}

fn status_word(s: Status) -> colored::ColoredString {
    match s {
        Status::Delivered => s.as_str().green(),
        Status::Failed => s.as_str().yellow(),
        Status::Dead => s.as_str().red(),
        Status::Received => s.as_str().cyan(),
    }
}

/// The record for a terminal: a summary, the request with signature headers named, the body
/// pretty-printed (or as hex), the response, the timing.
pub fn pretty(r: &Record) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}  {}  {}  {}{}  attempt {}",
        r.id.bold(),
        status_word(r.status).bold(),
        r.source.as_str(),
        r.event_type.as_deref().unwrap_or("-"),
        r.provider
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default(),
        r.attempt
    );
    let _ = writeln!(
        o,
        "{}  {}",
        r.created_at
            .to_rfc3339_opts(SecondsFormat::Millis, true)
            .dimmed(),
        r.target.dimmed()
    );
    if let Some(p) = &r.replay_of {
        let _ = writeln!(o, "replay of {p}");
    }
    if let Some(p) = &r.retry_of {
        let _ = writeln!(o, "retry of {p}");
    }
    if let Some(t) = &r.tunnel {
        let _ = writeln!(o, "tunnel {t}");
    }
    let _ = writeln!(o);
    let (target, _) = target_and_host(&r.request.url);
    let _ = writeln!(
        o,
        "{} {} {}",
        r.request.method.bold().magenta(),
        target.bold(),
        "HTTP/1.1".dimmed()
    );
    for (n, v) in r.request.headers.iter() {
        let owners = signature_owners(r.provider.as_deref(), n);
        let mark = if owners.is_empty() {
            String::new()
        } else {
            let mut names = owners
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if owners.len() > 3 {
                names.push_str(", …");
            }
            format!("  {}", format!("← signature ({names})").yellow())
        };
        let _ = writeln!(o, "{}: {v}{mark}", n.cyan());
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", pretty_body(&r.request.body.0));
    let _ = writeln!(o);
    match &r.response {
        Some(resp) => {
            let code = resp.status.to_string();
            let code = if (200..300).contains(&resp.status) {
                code.green()
            } else {
                code.red()
            };
            let _ = writeln!(
                o,
                "{} {} {}",
                "HTTP/1.1".dimmed(),
                code.bold(),
                reason_phrase(resp.status)
            );
            for (n, v) in resp.headers.iter() {
                let _ = writeln!(o, "{}: {v}", n.cyan());
            }
            let _ = writeln!(o);
            let _ = writeln!(o, "{}", pretty_body(&resp.body.0));
        }
        None => {
            let _ = writeln!(o, "{}", "(no response)".dimmed());
        }
    }
    if let Some(e) = &r.error {
        let _ = writeln!(o, "{} {e}", "error:".red());
    }
    let _ = writeln!(
        o,
        "\n{} {}",
        "time".dimmed(),
        r.duration_ms
            .map(|d| format!("{d:.1} ms"))
            .unwrap_or_else(|| "-".into())
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(body: &[u8]) -> Record {
        let mut r = Record::new(
            Source::Trigger,
            RequestPart {
                method: "POST".into(),
                url: "http://127.0.0.1:4000/hooks?a=1&b=two".into(),
                headers: [
                    ("Content-Type", "application/json"),
                    ("Stripe-Signature", "t=1,v1=ab"),
                ]
                .into_iter()
                .collect(),
                body: Body(body.to_vec()),
            },
        );
        r.provider = Some("stripe".into());
        r
    }

    #[test]
    fn raw_adds_host_and_length_and_keeps_the_body() {
        let r = sample(b"{\"a\":1}");
        let raw = raw(&r);
        let text = String::from_utf8(raw).unwrap();
        assert!(text.starts_with("POST /hooks?a=1&b=two HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n"));
        assert!(
            text.ends_with("Content-Length: 7\r\n\r\n{\"a\":1}"),
            "{text}"
        );
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(sh_quote("abc"), "abc");
        assert_eq!(sh_quote("a b"), "'a b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote("a\nb'"), r"$'a\nb\''");
    }

    #[test]
    fn curl_pipes_binary_bodies_through_base64() {
        let c = curl(&sample(&[0, 1, 255]));
        assert!(c.starts_with("printf '%s' AAH/ | base64 -d | curl "), "{c}");
        assert!(c.contains("--data-binary @-"));
        assert!(c.contains("-H 'Accept:'") && !c.contains("-H 'Content-Type:'"));
    }

    #[test]
    fn har_entry_round_trips() {
        let mut r = sample(&[0, 1, 255]);
        r.duration_ms = Some(3.5);
        r.created_at = DateTime::parse_from_rfc3339("2025-01-01T00:00:00.123Z")
            .unwrap()
            .with_timezone(&Utc);
        let e = har_entry(&r);
        assert_eq!(e["request"]["postData"]["encoding"], "base64");
        assert_eq!(e["request"]["queryString"][1]["value"], "two");
        let back = from_har_entry(&e).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn signature_headers_are_named() {
        colored::control::set_override(false);
        let p = pretty(&sample(b"{}"));
        assert!(
            p.contains("Stripe-Signature: t=1,v1=ab  ← signature (stripe)"),
            "{p}"
        );
    }
}
