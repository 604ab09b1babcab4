//! Key parsing (`signature::keys`): arbitrary text as a public and a private key, the keys that
//! parse rendered back (SPKI, JWK, PKCS#8) and re-read, and the same text as `--public-key` /
//! `--private-key` to every provider verified by a key pair.
#![no_main]

use hookctl::signature::keys::{self, KeyAlg};
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

const ALGS: [KeyAlg; 3] = [KeyAlg::Ed25519, KeyAlg::P256, KeyAlg::Rsa];

fuzz_target!(|input: Input| {
    if let Ok(found) = keys::parse_public_keys(&input.key) {
        for named in &found {
            let der = keys::public_der_base64(&named.key);
            let again = keys::parse_public_keys(&der).expect("SPKI we rendered parses");
            assert_eq!(again.len(), 1);
            assert_eq!(again[0].key, named.key, "SPKI round trip changed the key");
            let jwk = keys::public_jwk(&named.key, named.kid.as_deref());
            let again = keys::parse_public_keys(&jwk).expect("JWK we rendered parses");
            assert_eq!(again[0].key, named.key, "JWK round trip changed the key");
        }
    }
    for alg in ALGS {
        let _ = keys::public_key_for(&input.key, alg, input.key_id.as_deref());
        if let Ok(private) = keys::parse_private_key(&input.key, alg) {
            let pem = keys::private_pem(&private);
            let again = keys::parse_private_key(&pem, alg).expect("PKCS#8 we rendered parses");
            assert_eq!(
                again.public_key(),
                private.public_key(),
                "PKCS#8 round trip changed the key"
            );
        }
    }

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
