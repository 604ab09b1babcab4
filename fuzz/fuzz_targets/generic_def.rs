//! A `[schemes.NAME]` table from the config file: TOML text → `GenericDef` → `build`, and every
//! scheme that builds must verify what it signs.
#![no_main]

use hookctl::message::{Delivery, Headers};
use hookctl::signature::hmac_scheme::GenericDef;
use hookctl::signature::{Keys, Scheme, SignRequest, VerifyOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(def) = toml::from_str::<GenericDef>(text) else {
        return;
    };
    let Ok(scheme) = def.build("fuzzed") else {
        return;
    };
    let info = scheme.info();
    assert_eq!(info.id, "fuzzed");
    assert!(!info.headers.is_empty());

    let at = 1_700_000_000;
    let req = SignRequest {
        body: br#"{"event":"fuzz"}"#.to_vec(),
        timestamp: at,
        id: "msg_1".into(),
        method: "POST".into(),
        url: Some("https://example.com/hook".into()),
        headers: Headers::from_iter([("Content-Type", "application/json")]),
        secret: Some("fuzz-secret".into()),
        ..Default::default()
    };
    // A `{header:Name}` the request does not carry is a sign error, not a crash.
    let Ok(signed) = scheme.sign(&req) else {
        return;
    };
    let mut delivery = Delivery::new(req.body.clone());
    delivery.url = req.url.clone();
    delivery.headers = signed.headers.clone();
    delivery.headers.0.extend(req.headers.0.iter().cloned());
    let keys = Keys {
        secrets: vec!["fuzz-secret".into()],
        public_key: None,
    };
    let verdict = scheme.verify(&delivery, &keys, &VerifyOptions::at(at));
    assert!(
        verdict.is_valid(),
        "scheme built from {def:?} does not verify its own signature {:?}: {verdict:?}",
        signed.headers
    );
});
