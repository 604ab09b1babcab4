//! Verify throughput per provider against a bare HMAC-SHA256 of the same body: the ratio between
//! the two is what hookctl's layer (header parsing, template, decoding, verdict) costs.
//!
//! `cargo bench --bench verify`; `bench/verify.sh micro` also prints the ratios.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use hookctl::message::Delivery;
use hookctl::signature::{Keys, Registry, SignRequest, VerifyOptions};
use sha2::Sha256;

/// The providers measured, when the registry has them (some land in later merges).
const PROVIDERS: [&str; 3] = ["stripe", "github", "standard-webhooks"];
const SIZES: [(&str, usize); 2] = [("1KiB", 1 << 10), ("1MiB", 1 << 20)];
const AT: i64 = 1_700_000_000;

/// A JSON body of exactly `len` bytes, like the event payloads providers send.
fn body(len: usize) -> Vec<u8> {
    let mut b = br#"{"id":"evt_1","type":"payment_intent.succeeded","data":""#.to_vec();
    let tail = br#""}"#;
    b.extend((0..len.saturating_sub(b.len() + tail.len())).map(|i| b'a' + (i % 26) as u8));
    b.extend_from_slice(tail);
    b.truncate(len);
    b
}

/// A delivery as `id` would send it, and the keys that verify it.
fn signed_delivery(id: &str, body: &[u8]) -> Option<(Delivery, Keys)> {
    let Some(scheme) = Registry::builtin().get(id) else {
        eprintln!("verify bench: no provider '{id}' in the registry; skipped");
        return None;
    };
    let key = scheme.new_key(&[7; 32]);
    let req = SignRequest {
        body: body.to_vec(),
        timestamp: AT,
        id: "msg_2Lx1kFzQ4pMRwJ9x".into(),
        method: "POST".into(),
        url: Some("https://example.com/webhooks".into()),
        secret: key.secret.clone(),
        private_key: key.private_key.clone(),
        ..Default::default()
    };
    let signed = scheme
        .sign(&req)
        .unwrap_or_else(|e| panic!("{id}: sign failed: {e}"));
    let mut d = Delivery::new(signed.body.unwrap_or_else(|| req.body.clone()));
    d.url = signed.url.or(req.url);
    d.headers = signed.headers;
    let keys = key.verifying_keys();
    let v = scheme.verify(&d, &keys, &VerifyOptions::at(AT));
    assert!(
        v.is_valid(),
        "{id}: the benchmark's delivery does not verify: {v:?}"
    );
    Some((d, keys))
}

fn verify(c: &mut Criterion) {
    for (label, len) in SIZES {
        let body = body(len);
        let mut group = c.benchmark_group(format!("verify/{label}"));
        group.throughput(Throughput::Bytes(len as u64));
        if len >= 1 << 20 {
            group.sample_size(30);
        }

        let secret = b"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let tag = {
            let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
            m.update(&body);
            m.finalize().into_bytes()
        };
        group.bench_function("hmac-sha256", |b| {
            b.iter(|| {
                let mut m =
                    Hmac::<Sha256>::new_from_slice(black_box(secret)).expect("any key length");
                m.update(black_box(&body));
                m.verify_slice(black_box(&tag)).is_ok()
            })
        });

        for id in PROVIDERS {
            let Some((delivery, keys)) = signed_delivery(id, &body) else {
                continue;
            };
            let scheme = Registry::builtin().get(id).expect("looked up above");
            let opts = VerifyOptions::at(AT);
            group.bench_function(id, |b| {
                b.iter(|| {
                    scheme
                        .verify(black_box(&delivery), black_box(&keys), &opts)
                        .is_valid()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, verify);
criterion_main!(benches);
