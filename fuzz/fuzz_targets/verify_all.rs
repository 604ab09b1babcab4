//! Arbitrary header values, body, URL, keys and clock into `verify` of every built-in provider
//! (and `--provider auto` detection): a verdict for each, never a panic.
#![no_main]

use hookctl::signature::{Keys, Registry, VerifyOptions, detect};
use hookctl_fuzz::DeliveryInput;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    delivery: DeliveryInput,
    secrets: Vec<String>,
    public_key: Option<String>,
    now: i64,
    tolerance: Option<u64>,
}

fuzz_target!(|input: Input| {
    let keys = Keys {
        secrets: input.secrets,
        public_key: input.public_key,
    };
    let opts = VerifyOptions {
        now: input.now,
        tolerance: input.tolerance,
    };
    let registry = Registry::builtin();
    for scheme in registry.all() {
        let info = scheme.info();
        let delivery = input.delivery.delivery_for(info);
        let verdict = scheme.verify(&delivery, &keys, &opts);
        assert!(
            !verdict.detail.is_empty(),
            "{}: a verdict without a detail: {verdict:?}",
            info.id
        );
        let _ = detect(registry, &delivery.headers);
    }
});
