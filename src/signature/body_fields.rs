//! Schemes whose signature travels inside the body rather than in a header: Mailgun.

use std::sync::Arc;

use super::crypto::{self, Algorithm};
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

/// Where the signature is read from: there is no header, so verdicts and `providers` name this.
const FIELD: &str = "signature (JSON body field)";
const DOCS: &str =
    "https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks";
/// Mailgun's tokens are 50 characters long.
const TOKEN_LEN: usize = 50;

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![Arc::new(Mailgun::new())]
}

/// Hex HMAC-SHA256 of `timestamp + token` with the webhook signing key, posted in the body as
/// `{"signature": {"timestamp", "token", "signature"}, "event-data": …}` (or as form fields of the
/// same names in legacy webhooks).
pub struct Mailgun {
    info: Info,
}

/// The three fields as the delivery carries them.
struct Fields {
    timestamp: String,
    token: String,
    signatures: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Form,
    Multipart,
}

impl Mailgun {
    fn new() -> Self {
        Mailgun {
            info: Info {
                id: "mailgun".into(),
                name: "Mailgun".into(),
                algorithm: "HMAC-SHA256 (hex)".into(),
                signed: "{timestamp}{token} (both from the body's signature object; the event data is not signed)".into(),
                headers: vec![FIELD.into()],
                // "Optionally, you can check if the timestamp is not too far from the current
                // time": Mailgun documents no window, so none applies unless --tolerance sets one.
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                detect: vec![],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: DOCS.into(),
            },
        }
    }

    fn format(headers: &Headers, body: &[u8]) -> Format {
        let ct = headers
            .get("Content-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ct.contains("json") {
            Format::Json
        } else if ct.contains("multipart/form-data") {
            Format::Multipart
        } else if ct.contains("x-www-form-urlencoded") {
            Format::Form
        } else {
            match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') | None => Format::Json,
                Some(_) => Format::Form,
            }
        }
    }

    fn fields(&self, d: &Delivery) -> Result<Fields, Verdict> {
        match Self::format(&d.headers, &d.body) {
            Format::Json => json_fields(&d.body),
            Format::Form => {
                let get = |name: &str| {
                    url::form_urlencoded::parse(&d.body)
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.into_owned())
                };
                form_fields(get)
            }
            Format::Multipart => {
                let ct = d.headers.get("Content-Type").unwrap_or_default();
                let boundary = multipart_boundary(ct).ok_or_else(|| {
                    Verdict::malformed_header(
                        "Content-Type",
                        "is multipart/form-data without a boundary",
                    )
                })?;
                form_fields(|name| multipart_field(&d.body, &boundary, name))
            }
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let f = self.fields(d)?;
        let given: Vec<Vec<u8>> = f
            .signatures
            .iter()
            .filter_map(|s| hex::decode(s.trim()).ok())
            .collect();
        if given.is_empty() {
            return Err(Verdict::new(
                Reason::MalformedHeader,
                "the body's signature field does not hold a hex HMAC-SHA256",
            )
            .header(FIELD));
        }
        let at = crypto::parse_unix(&f.timestamp).ok_or_else(|| {
            Verdict::new(
                Reason::MalformedHeader,
                format!(
                    "the body's signature timestamp '{}' is not a Unix time in seconds",
                    f.timestamp
                ),
            )
            .header(FIELD)
        })?;
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let signed = [f.timestamp.as_bytes(), f.token.as_bytes()].concat();
        for secret in &keys.secrets {
            let mac = Algorithm::Sha256.hmac(
                secret.as_bytes(),
                &[f.timestamp.as_bytes(), f.token.as_bytes()],
            );
            if given.iter().any(|g| crypto::ct_eq(g, &mac)) {
                let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                if let Some(v) = crypto::check_timestamp(at, opts.now, tolerance, FIELD) {
                    return Ok(v.signed(signed));
                }
                return Ok(Verdict::ok("the body's signature matches HMAC-SHA256 of its timestamp and token")
                    .header(FIELD)
                    .signed(signed)
                    .hint("Mailgun signs only the timestamp and token, not the event data: reject a token seen before to stop replays"));
            }
        }
        Ok(Verdict::new(
            Reason::BadSignature,
            "the body's signature does not match HMAC-SHA256 of its timestamp and token with the given key",
        )
        .header(FIELD)
        .signed(signed)
        .hint("Mailgun signs with the HTTP webhook signing key (Sending → Webhooks), not the API key"))
    }
}

fn json_fields(body: &[u8]) -> Result<Fields, Verdict> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Verdict::new(
            Reason::MalformedHeader,
            format!("the body is not JSON ({e}), so it carries no Mailgun signature object"),
        )
        .header(FIELD)
    })?;
    let Some(sig) = value.get("signature") else {
        return Err(Verdict::new(
            Reason::MissingHeader,
            "the body has no \"signature\" object: Mailgun posts {\"signature\": {\"timestamp\", \"token\", \"signature\"}, \"event-data\": …}",
        )
        .header(FIELD));
    };
    if !sig.is_object() {
        return Err(Verdict::new(
            Reason::MalformedHeader,
            "the body's \"signature\" is not an object",
        )
        .header(FIELD));
    }
    let text = |name: &str| -> Result<Option<String>, Verdict> {
        match sig.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            // Some senders write the timestamp as a number: its JSON text is what is signed.
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(Verdict::new(
                Reason::MalformedHeader,
                format!("signature.{name} in the body is not a string"),
            )
            .header(FIELD)),
        }
    };
    let need = |name: &str| -> Result<String, Verdict> {
        text(name)?.ok_or_else(|| {
            Verdict::new(
                Reason::MissingHeader,
                format!("the body's signature object has no \"{name}\""),
            )
            .header(FIELD)
        })
    };
    let timestamp = need("timestamp")?;
    let token = need("token")?;
    let mut signatures = vec![need("signature")?];
    // Events of a subaccount also carry the primary account's signature.
    signatures.extend(text("parent-signature")?);
    Ok(Fields {
        timestamp,
        token,
        signatures,
    })
}

fn form_fields(get: impl Fn(&str) -> Option<String>) -> Result<Fields, Verdict> {
    let need = |name: &str| {
        get(name).ok_or_else(|| {
            Verdict::new(
                Reason::MissingHeader,
                format!("the form body has no \"{name}\" field: Mailgun posts timestamp, token and signature"),
            )
            .header(FIELD)
        })
    };
    Ok(Fields {
        timestamp: need("timestamp")?,
        token: need("token")?,
        signatures: vec![need("signature")?],
    })
}

fn multipart_boundary(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// One simple text field of a multipart/form-data body.
fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    for part in text.split(delimiter.as_str()).skip(1) {
        let Some(part) = part
            .strip_prefix("\r\n")
            .or_else(|| part.strip_prefix('\n'))
        else {
            continue;
        };
        let Some((head, value)) = part
            .split_once("\r\n\r\n")
            .or_else(|| part.split_once("\n\n"))
        else {
            continue;
        };
        let named = head.lines().any(|line| {
            let lower = line.to_ascii_lowercase();
            lower.starts_with("content-disposition:")
                && line.split(';').any(|p| {
                    p.trim() == format!("name=\"{name}\"") || p.trim() == format!("name={name}")
                })
        });
        if named {
            let value = value
                .strip_suffix("\r\n")
                .or_else(|| value.strip_suffix('\n'))
                .unwrap_or(value);
            return Some(value.to_string());
        }
    }
    None
}

/// The byte ranges of a JSON object's top-level members: (key, member start, value start,
/// value end). The text must already be known to be valid JSON.
fn top_level_members(text: &str) -> Option<Vec<(String, usize, usize, usize)>> {
    let b = text.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let string_end = |start: usize| {
        // `start` is at the opening quote; returns the index after the closing quote.
        let mut i = start + 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    };
    let mut i = skip_ws(0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(i + 1);
    let mut members = Vec::new();
    if b.get(i) == Some(&b'}') {
        return Some(members);
    }
    loop {
        let member_start = i;
        let key_end = string_end(i)?;
        let key: String = serde_json::from_str(&text[i..key_end]).ok()?;
        i = skip_ws(key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let value_start = skip_ws(i + 1);
        let mut depth = 0usize;
        i = value_start;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    i = string_end(i)?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => depth -= 1,
                b',' | b'}' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        let mut value_end = i;
        while value_end > value_start && b[value_end - 1].is_ascii_whitespace() {
            value_end -= 1;
        }
        members.push((key, member_start, value_start, value_end));
        match b.get(i) {
            Some(b',') => i = skip_ws(i + 1),
            Some(b'}') => return Some(members),
            _ => return None,
        }
    }
}

/// The body with its signature object set, every other byte as given.
fn with_json_signature(body: &[u8], object: &str) -> Result<Vec<u8>, SignError> {
    let not_object = || {
        SignError::Unsupported(
            "Mailgun puts its signature in a JSON object body ({\"event-data\": …}): pass a JSON object, or a form-encoded body with -H 'Content-Type: application/x-www-form-urlencoded'"
                .into(),
        )
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(format!("{{\"signature\":{object}}}").into_bytes());
    }
    let text = std::str::from_utf8(body).map_err(|_| not_object())?;
    let parsed: serde_json::Value = serde_json::from_str(text).map_err(|_| not_object())?;
    if !parsed.is_object() {
        return Err(not_object());
    }
    let members = top_level_members(text).ok_or_else(not_object)?;
    let existing: Vec<_> = members.iter().filter(|(k, ..)| k == "signature").collect();
    let out = match existing.as_slice() {
        [] => {
            let open = text.find('{').ok_or_else(not_object)?;
            let sep = if members.is_empty() { "" } else { "," };
            format!(
                "{}\"signature\":{object}{sep}{}",
                &text[..=open],
                &text[open + 1..]
            )
        }
        [(_, _, start, end)] => format!("{}{object}{}", &text[..*start], &text[*end..]),
        _ => {
            return Err(SignError::Unsupported(
                "the body has more than one top-level \"signature\" member: keep one".into(),
            ));
        }
    };
    Ok(out.into_bytes())
}

/// The form body with its timestamp, token and signature fields set (appended, replacing any).
fn with_form_signature(body: &[u8], timestamp: &str, token: &str, signature: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    let mut kept: Vec<&str> = text
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = url::form_urlencoded::parse(p.as_bytes())
                .next()
                .map(|(k, _)| k.into_owned())
                .unwrap_or_default();
            !matches!(key.as_str(), "timestamp" | "token" | "signature")
        })
        .collect();
    let fields: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("timestamp", timestamp)
        .append_pair("token", token)
        .append_pair("signature", signature)
        .finish();
    kept.push(&fields);
    kept.join("&").into_bytes()
}

impl Scheme for Mailgun {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        let timestamp = req.timestamp.to_string();
        // --id gives the token; without it one is derived from the inputs, so that signing twice
        // gives the same body.
        let token = if req.id.is_empty() {
            let seed = Algorithm::Sha256.digest(&[timestamp.as_bytes(), b".", &req.body]);
            hex::encode(seed)[..TOKEN_LEN].to_string()
        } else {
            req.id.clone()
        };
        let signature = hex::encode(
            Algorithm::Sha256.hmac(secret.as_bytes(), &[timestamp.as_bytes(), token.as_bytes()]),
        );
        let mut headers = Headers::new();
        let body = match Self::format(&req.headers, &req.body) {
            Format::Json => {
                let object = format!(
                    "{{\"token\":{},\"timestamp\":{},\"signature\":{}}}",
                    serde_json::Value::String(token.clone()),
                    serde_json::Value::String(timestamp.clone()),
                    serde_json::Value::String(signature.clone())
                );
                headers.push("Content-Type", "application/json");
                with_json_signature(&req.body, &object)?
            }
            Format::Form => {
                headers.push("Content-Type", "application/x-www-form-urlencoded");
                with_form_signature(&req.body, &timestamp, &token, &signature)
            }
            Format::Multipart => {
                return Err(SignError::Unsupported(
                    "signing a multipart/form-data Mailgun body is not supported: sign a JSON body (Mailgun's current webhooks) or a form-encoded one"
                        .into(),
                ));
            }
        };
        Ok(Signed {
            headers,
            body: Some(body),
            url: None,
        })
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    fn json_headers() -> Headers {
        let mut h = Headers::new();
        h.push("Content-Type", "application/json");
        h
    }

    #[test]
    fn members_are_found_with_their_exact_spans() {
        let text = r#" { "a" : [1,{"b":"}"}] , "signature":{"x":"y"} ,"c":"\"," } "#;
        let m = top_level_members(text).unwrap();
        let keys: Vec<&str> = m.iter().map(|(k, ..)| k.as_str()).collect();
        assert_eq!(keys, ["a", "signature", "c"]);
        assert_eq!(&text[m[0].2..m[0].3], r#"[1,{"b":"}"}]"#);
        assert_eq!(&text[m[1].2..m[1].3], r#"{"x":"y"}"#);
        assert_eq!(&text[m[2].2..m[2].3], r#""\",""#);
    }

    #[test]
    fn signing_keeps_every_other_byte_of_the_body() {
        let body = b"{\n  \"event-data\": {\"event\": \"delivered\"}\n}";
        let out = with_json_signature(body, "{}").unwrap();
        assert_eq!(
            out,
            b"{\"signature\":{},\n  \"event-data\": {\"event\": \"delivered\"}\n}"
        );
        let again = with_json_signature(&out, "{\"t\":1}").unwrap();
        assert_eq!(
            again,
            b"{\"signature\":{\"t\":1},\n  \"event-data\": {\"event\": \"delivered\"}\n}"
        );
        assert_eq!(
            with_json_signature(b"", "{}").unwrap(),
            b"{\"signature\":{}}"
        );
        assert!(with_json_signature(b"[1]", "{}").is_err());
    }

    #[test]
    fn json_and_form_round_trip() {
        let s = Mailgun::new();
        for (ct, body) in [
            ("application/json", &b"{\"event-data\":{}}"[..]),
            ("application/x-www-form-urlencoded", b"a=1&token=old"),
        ] {
            let mut headers = Headers::new();
            headers.push("Content-Type", ct);
            let req = SignRequest {
                body: body.to_vec(),
                timestamp: 1000,
                secret: Some("key".into()),
                headers: headers.clone(),
                ..Default::default()
            };
            let signed = s.sign(&req).unwrap();
            let d = Delivery {
                method: "POST".into(),
                url: None,
                headers,
                body: signed.body.unwrap(),
            };
            assert!(
                s.verify(&d, &keys("key"), &VerifyOptions::at(5000))
                    .is_valid(),
                "{ct}"
            );
            assert_eq!(
                s.verify(&d, &keys("other"), &VerifyOptions::at(5000))
                    .reason,
                Reason::BadSignature
            );
            let windowed = VerifyOptions {
                now: 5000,
                tolerance: Some(60),
            };
            assert_eq!(
                s.verify(&d, &keys("key"), &windowed).reason,
                Reason::ExpiredTimestamp
            );
        }
    }

    /// The vector harness compares signed headers only; the body is what Mailgun's signing makes.
    #[test]
    fn sign_reproduces_the_known_answer_bodies() {
        let vectors: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/vectors/code_schemes.json")).unwrap();
        let mut checked = 0;
        for v in vectors
            .iter()
            .filter(|v| v["provider"] == "mailgun" && v["deterministic"] == true)
        {
            let body = v["body"].as_str().unwrap();
            let mut headers = Headers::new();
            for (k, val) in v["headers"].as_object().unwrap() {
                headers.push(k, val.as_str().unwrap());
            }
            let req = SignRequest {
                body: body.as_bytes().to_vec(),
                timestamp: v["sign"]["timestamp"].as_i64().unwrap(),
                id: v["sign"]["id"].as_str().unwrap().into(),
                headers,
                secret: Some(v["secret"].as_str().unwrap().into()),
                ..Default::default()
            };
            let signed = Mailgun::new().sign(&req).unwrap().body.unwrap();
            assert_eq!(String::from_utf8(signed).unwrap(), body, "{}", v["id"]);
            checked += 1;
        }
        assert!(checked >= 2);
    }

    #[test]
    fn multipart_fields_are_read() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"timestamp\"\r\n\r\n1000\r\n--XyZ\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\ntok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"signature\"\r\n\r\n";
        let sig = hex::encode(Algorithm::Sha256.hmac(b"key", &[b"1000tok"]));
        let mut full = body.to_vec();
        full.extend_from_slice(sig.as_bytes());
        full.extend_from_slice(b"\r\n--XyZ--\r\n");
        let mut d = Delivery::new(full);
        d.headers
            .push("Content-Type", "multipart/form-data; boundary=XyZ");
        assert!(
            Mailgun::new()
                .verify(&d, &keys("key"), &VerifyOptions::at(0))
                .is_valid()
        );
    }

    #[test]
    fn missing_and_malformed_fields_have_their_reasons() {
        let s = Mailgun::new();
        let check = |body: &str| {
            s.verify(
                &Delivery {
                    headers: json_headers(),
                    ..Delivery::new(body)
                },
                &keys("k"),
                &VerifyOptions::at(0),
            )
            .reason
        };
        assert_eq!(check("{}"), Reason::MissingHeader);
        assert_eq!(
            check(r#"{"signature":{"timestamp":"1","token":"t"}}"#),
            Reason::MissingHeader
        );
        assert_eq!(
            check(r#"{"signature":{"timestamp":"1","token":"t","signature":"zz"}}"#),
            Reason::MalformedHeader
        );
        assert_eq!(
            check(r#"{"signature":{"timestamp":"soon","token":"t","signature":"00"}}"#),
            Reason::MalformedHeader
        );
        assert_eq!(check("not json"), Reason::MalformedHeader);
        assert_eq!(check(r#"{"signature":[]}"#), Reason::MalformedHeader);
    }
}
