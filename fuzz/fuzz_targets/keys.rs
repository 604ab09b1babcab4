//! Key parsing: arbitrary text as `--public-key` to `verify`, and as `--private-key` to `sign`,
//! of every provider verified by a key pair (asymmetric and JWT schemes, through
//! `signature::keys`).
//!
//! It goes through the `Scheme` trait, so it follows whatever `keys` does inside and covers each
//! key-pair provider as it joins the registry. To fuzz a `keys` parse function directly as well,
//! call it on `input.key` at the top of the target.
#![no_main]

use hookctl::signature::{KeyKind, Keys, Registry, SignRequest, VerifyOptions};
use hookctl_fuzz::DeliveryInput;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    key: String,
    key_id: Option<String>,
    delivery: DeliveryInput,
    now: i64,
}

fuzz_target!(|input: Input| {
    for scheme in Registry::builtin().all() {
        let info = scheme.info();
        if info.key != KeyKind::KeyPair {
            continue;
        }
        let delivery = input.delivery.delivery_for(info);
        let keys = Keys {
            secrets: vec![],
            public_key: Some(input.key.clone()),
        };
        let verdict = scheme.verify(&delivery, &keys, &VerifyOptions::at(input.now));
        assert!(
            !verdict.detail.is_empty(),
            "{}: a verdict without a detail",
            info.id
        );
        let req = SignRequest {
            body: delivery.body.clone(),
            timestamp: 1_700_000_000,
            id: "msg_1".into(),
            method: "POST".into(),
            url: delivery.url.clone(),
            private_key: Some(input.key.clone()),
            key_id: input.key_id.clone(),
            ..Default::default()
        };
        let _ = scheme.sign(&req);
    }
});
