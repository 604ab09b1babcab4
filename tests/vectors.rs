//! Every signature vector — the providers' official ones and our own known-answer vectors built
//! independently from each provider's documentation — gives the expected verdict, and `sign`
//! reproduces the deterministic ones exactly.

use std::path::Path;

use hookctl::message::{Delivery, Headers};
use hookctl::signature::{Keys, Reason, Registry, SignRequest, VerifyOptions};
use serde_json::Value;

/// Reasons the evidence in a single delivery can establish; other official reasons (say "the
/// key was the wrong one") describe how a vector was made, which no verifier can see.
const DERIVABLE: &[&str] = &[
    "missing_header",
    "malformed_header",
    "expired_timestamp",
    "future_timestamp",
];

fn vectors() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        out.extend(list.into_iter().map(|v| (name.clone(), v)));
    }
    out
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn delivery(v: &Value) -> Delivery {
    let headers: Headers = match &v["headers"] {
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect(),
        Value::Array(a) => a
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_string(),
                    p[1].as_str().unwrap().to_string(),
                )
            })
            .collect(),
        _ => Headers::new(),
    };
    let body = match text(v, "body_base64") {
        Some(b) => hookctl::signature::crypto::decode_base64(&b).unwrap(),
        None => text(v, "body").unwrap_or_default().into_bytes(),
    };
    Delivery {
        method: text(v, "method").unwrap_or_else(|| "POST".into()),
        url: text(v, "url"),
        headers,
        body,
    }
}

#[test]
fn every_vector_gives_its_expected_verdict() {
    let reg = Registry::builtin();
    let mut failures = Vec::new();
    let all = vectors();
    assert!(all.len() >= 30, "the official vectors are missing");
    for (file, v) in &all {
        let id = text(v, "id").unwrap();
        let provider = text(v, "provider").unwrap();
        let Some(scheme) = reg.get(&provider) else {
            failures.push(format!("{file}/{id}: unknown provider {provider}"));
            continue;
        };
        let keys = Keys {
            secrets: ["secret", "secondary_secret"]
                .iter()
                .filter_map(|k| text(v, k))
                .collect(),
            public_key: text(v, "public_key"),
        };
        let opts = VerifyOptions {
            now: v["now"].as_i64().unwrap(),
            tolerance: v["tolerance_seconds"].as_u64(),
        };
        let verdict = scheme.verify(&delivery(v), &keys, &opts);
        let expected_valid = text(v, "expected").unwrap() == "valid";
        if verdict.is_valid() != expected_valid {
            failures.push(format!(
                "{file}/{id}: expected {}, got {} ({})",
                text(v, "expected").unwrap(),
                verdict.reason.as_str(),
                verdict.detail
            ));
            continue;
        }
        if let Some(reason) = text(v, "reason") {
            let ours = file != "official.json";
            if (ours || DERIVABLE.contains(&reason.as_str())) && verdict.reason.as_str() != reason {
                failures.push(format!(
                    "{file}/{id}: expected reason {reason}, got {} ({})",
                    verdict.reason.as_str(),
                    verdict.detail
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The sign inputs a deterministic vector implies: its timestamp, message id and variant headers.
fn sign_request(v: &Value, d: &Delivery) -> SignRequest {
    let sign = v.get("sign").cloned().unwrap_or(Value::Null);
    let header_ts = d
        .headers
        .iter()
        .find(|(n, _)| n.to_ascii_lowercase().contains("timestamp"))
        .and_then(|(_, t)| t.parse::<i64>().ok());
    let timestamp = sign["timestamp"]
        .as_i64()
        .or(header_ts.map(|t| if t > 100_000_000_000 { t / 1000 } else { t }))
        .unwrap_or(0);
    let id = text(&sign, "id")
        .or_else(|| {
            d.headers
                .iter()
                .find(|(n, _)| n.to_ascii_lowercase().ends_with("-id"))
                .map(|(_, v)| v.to_string())
        })
        .unwrap_or_default();
    let variant = text(&sign, "variant").or_else(|| {
        d.headers
            .get("X-HubSpot-Signature-Version")
            .map(str::to_string)
    });
    SignRequest {
        body: d.body.clone(),
        timestamp,
        id,
        method: d.method.clone(),
        url: d.url.clone(),
        headers: d.headers.clone(),
        secret: text(v, "secret"),
        private_key: text(v, "private_key"),
        key_id: text(&sign, "key_id"),
        variant,
    }
}

#[test]
fn sign_reproduces_every_deterministic_vector() {
    let reg = Registry::builtin();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, v) in vectors() {
        if v["deterministic"] != Value::Bool(true)
            || text(&v, "expected").as_deref() != Some("valid")
        {
            continue;
        }
        let id = text(&v, "id").unwrap();
        let provider = text(&v, "provider").unwrap();
        let Some(scheme) = reg.get(&provider) else {
            failures.push(format!("{file}/{id}: unknown provider {provider}"));
            continue;
        };
        let d = delivery(&v);
        match scheme.sign(&sign_request(&v, &d)) {
            Err(e) => failures.push(format!("{file}/{id}: sign failed: {e}")),
            Ok(signed) => {
                let mut compared = 0;
                // Schemes that sign inside the body (Mailgun) or change the URL (Twilio's
                // bodySHA256) must reproduce those too.
                if let Some(body) = &signed.body {
                    compared += 1;
                    if body != &d.body {
                        failures.push(format!(
                            "{file}/{id}: signed body differs from the vector's"
                        ));
                    }
                }
                if let (Some(url), Some(expected)) = (&signed.url, &d.url) {
                    compared += 1;
                    if url != expected {
                        failures.push(format!(
                            "{file}/{id}: signed URL {url}, vector has {expected}"
                        ));
                    }
                }
                for (name, value) in signed.headers.iter() {
                    if let Some(expected) = d.headers.get(name) {
                        compared += 1;
                        if expected != value {
                            failures.push(format!(
                                "{file}/{id}: {name}: expected {expected}, signed {value}"
                            ));
                        }
                    }
                }
                if compared == 0 {
                    failures.push(format!(
                        "{file}/{id}: sign produced none of the vector's headers: {:?}",
                        signed.headers
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 15,
        "only {checked} deterministic vectors were checked"
    );
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn invalid_reasons_are_known_names() {
    for (file, v) in vectors() {
        if let Some(r) = text(&v, "reason") {
            let known: Result<Reason, _> = serde_json::from_value(Value::String(r.clone()));
            assert!(
                known.is_ok() || file == "official.json",
                "{file}: unknown reason {r}"
            );
        }
    }
}
