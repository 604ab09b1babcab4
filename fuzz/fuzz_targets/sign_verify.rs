//! Every provider that can sign: a key it issues (`new_key`), an arbitrary delivery signed with
//! it, then `verify` with the matching keys at the signing time must say valid; then the same
//! delivery under an arbitrary clock and window (the timestamp checks run only once a signature
//! has matched, which `verify_all` cannot reach by guessing), where it must not panic.
#![no_main]

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use hookctl::message::{Delivery, Headers};
use hookctl::signature::{KeyKind, KeyMaterial, Registry, Scheme, SignRequest, VerifyOptions};
use hookctl_fuzz::pick_variant;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

/// 9999-12-31T23:59:59Z: the last second every timestamp form (RFC 3339 included) can write.
const LAST_SECOND: u64 = 253_402_300_799;

/// Key pairs per provider, made once: RSA generation takes seconds under the sanitizer, and the
/// key is not what this target explores (the `keys` target is). Secrets still come from the input.
static KEY_PAIRS: LazyLock<Mutex<HashMap<String, KeyMaterial>>> = LazyLock::new(Default::default);

fn key_for(scheme: &dyn Scheme, seed: &[u8; 32]) -> KeyMaterial {
    if scheme.info().key != KeyKind::KeyPair {
        return scheme.new_key(seed);
    }
    let mut cache = KEY_PAIRS.lock().expect("one thread");
    cache
        .entry(scheme.info().id.clone())
        .or_insert_with(|| scheme.new_key(&[7; 32]))
        .clone()
}

/// Only headers `-H` accepts (a token name): an empty or spaced name can't be sent over HTTP.
fn sendable(headers: &[(String, String)]) -> Headers {
    headers
        .iter()
        .filter(|(n, v)| {
            Headers::parse_line(&format!("{n}: {v}")).ok().as_ref() == Some(&(n.clone(), v.clone()))
        })
        .cloned()
        .collect()
}

#[derive(Debug, Arbitrary)]
struct Input {
    seed: [u8; 32],
    body: Vec<u8>,
    timestamp: u64,
    /// Any i64, signed only (no verify): `sign --timestamp` takes any integer.
    wild_timestamp: i64,
    id: String,
    method: String,
    /// Appended to `https://example.com/`, for the schemes that sign the URL.
    path: Option<String>,
    headers: Vec<(String, String)>,
    variant: u8,
    /// `--now` and `--tolerance` for the second verify.
    now: i64,
    tolerance: Option<u64>,
}

fuzz_target!(|input: Input| {
    let timestamp = (input.timestamp % (LAST_SECOND + 1)) as i64;
    let url = input
        .path
        .as_ref()
        .map(|p| format!("https://example.com/{p}"));
    for scheme in Registry::builtin().all() {
        let info = scheme.info();
        if !info.can_sign {
            continue;
        }
        let key = key_for(scheme.as_ref(), &input.seed);
        let mut req = SignRequest {
            body: input.body.clone(),
            timestamp: input.wild_timestamp,
            id: input.id.clone(),
            // A delivery always has a method, and the CLI's default is POST.
            method: if input.method.is_empty() {
                "POST".into()
            } else {
                input.method.clone()
            },
            url: url.clone(),
            headers: sendable(&input.headers),
            secret: key.secret.clone(),
            private_key: key.private_key.clone(),
            key_id: None,
            variant: pick_variant(info, input.variant),
        };
        let _ = scheme.sign(&req);

        req.timestamp = timestamp;
        // Missing URL, a header the scheme signs, a body it cannot sign: errors, not crashes.
        let Ok(signed) = scheme.sign(&req) else {
            continue;
        };
        let mut delivery = Delivery::new(signed.body.clone().unwrap_or_else(|| req.body.clone()));
        delivery.method = req.method.clone();
        delivery.url = signed.url.clone().or_else(|| req.url.clone());
        // The signature headers first: where a request header has the same name, the first
        // value is the one a receiver reads, and it is the one the provider sent.
        delivery.headers = signed.headers.clone();
        delivery.headers.0.extend(req.headers.0.iter().cloned());
        let verdict = scheme.verify(
            &delivery,
            &key.verifying_keys(),
            &VerifyOptions::at(timestamp),
        );
        assert!(
            verdict.is_valid(),
            "{}: its own signature does not verify.\nrequest: {req:?}\nsigned: {signed:?}\nverdict: {verdict:?}",
            info.id
        );
        let opts = VerifyOptions {
            now: input.now,
            tolerance: input.tolerance,
        };
        let verdict = scheme.verify(&delivery, &key.verifying_keys(), &opts);
        assert!(
            !verdict.detail.is_empty(),
            "{}: a verdict without a detail",
            info.id
        );
    }
});
