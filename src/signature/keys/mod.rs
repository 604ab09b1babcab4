//! Key material: public and private keys parsed from the forms users paste, and dev key pairs.
//!
//! Public keys come as hex, base64, base64 DER (SPKI), PEM (SPKI, PKCS#1 or an X.509
//! certificate), a Standard Webhooks `whpk_` key, or a JWK (one key, a JWK set, Plaid's
//! `{"key": …}` response, or Google's `{kid: PEM certificate}` map). Private keys come as a hex
//! Ed25519 seed (or P-256 scalar), a `whsk_` key, PKCS#8 / SEC1 / PKCS#1 PEM or DER, or a JWK
//! with `d`. Every parsing function returns an error sentence instead of panicking: a fuzz target
//! calls them with arbitrary input.
//!
//! `key` holds the types; `parse` reads the pasted forms, `render` writes the forms providers
//! publish, and `generate` derives development keys from a seed.

mod generate;
mod key;
mod parse;
mod render;

pub use generate::{derive_seed, ed25519_from_seed, p256_from_seed, rsa_from_seed};
pub use key::{KeyAlg, KeyError, NamedKey, PrivateKey, PublicKey};
pub use parse::{jwk_kid, parse_private_key, parse_public_keys, public_key_for};
pub use render::{jwk_thumbprint, private_pem, public_der_base64, public_jwk};

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;

    use super::parse::{certificate_spki, der_tlv, p256_from_scalar};
    use super::*;

    const ED_HEX: &str = "c2eccfacac4f7d6a494ac5e0ca0fcc128306be3b394a30cee1a77a5f8658aaa8";

    #[test]
    fn thumbprints_follow_rfc_7638() {
        // RFC 7638 §3.1's example key and its published thumbprint.
        let jwk = r#"{"kty":"RSA","e":"AQAB","kid":"2011-04-29","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}"#;
        let key = public_key_for(jwk, KeyAlg::Rsa, None).unwrap();
        assert_eq!(
            jwk_thumbprint(&key),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
        assert_eq!(jwk_kid(jwk).as_deref(), Some("2011-04-29"));
        assert_eq!(jwk_kid(ED_HEX), None);
    }

    #[test]
    fn ed25519_public_keys_in_every_pasted_form() {
        let whpk = "whpk_wuzPrKxPfWpJSsXgyg/MEoMGvjs5SjDO4ad6X4ZYqqg=";
        let expected = public_key_for(whpk, KeyAlg::Ed25519, None).unwrap();
        assert_eq!(
            public_key_for(ED_HEX, KeyAlg::Ed25519, None).unwrap(),
            expected
        );
        let spki = public_der_base64(&expected);
        assert_eq!(
            public_key_for(&spki, KeyAlg::Ed25519, None).unwrap(),
            expected
        );
        let pem = format!("-----BEGIN PUBLIC KEY-----\n{spki}\n-----END PUBLIC KEY-----\n");
        assert_eq!(
            public_key_for(&pem, KeyAlg::Ed25519, None).unwrap(),
            expected
        );
        let jwk = public_jwk(&expected, Some("k1"));
        assert_eq!(
            public_key_for(&jwk, KeyAlg::Ed25519, Some("k1")).unwrap(),
            expected
        );
    }

    #[test]
    fn jwk_sets_pick_by_kid() {
        let a = PrivateKey::P256(p256_from_seed(&[1; 32])).public_key();
        let b = PrivateKey::P256(p256_from_seed(&[2; 32])).public_key();
        let set = format!(
            "{{\"keys\":[{},{}]}}",
            public_jwk(&a, Some("a")),
            public_jwk(&b, Some("b"))
        );
        assert_eq!(public_key_for(&set, KeyAlg::P256, Some("b")).unwrap(), b);
        assert!(
            public_key_for(&set, KeyAlg::P256, Some("c"))
                .unwrap_err()
                .0
                .contains("kid 'c'")
        );
        assert!(public_key_for(&set, KeyAlg::P256, None).is_err());
        let plaid = format!(
            "{{\"key\":{},\"request_id\":\"x\"}}",
            public_jwk(&a, Some("a"))
        );
        assert_eq!(public_key_for(&plaid, KeyAlg::P256, Some("a")).unwrap(), a);
    }

    #[test]
    fn wrong_algorithm_and_wrong_half_are_explained() {
        let e = public_key_for(ED_HEX, KeyAlg::P256, None).unwrap_err();
        assert!(e.0.contains("P-256") && e.0.contains("Ed25519"), "{e}");
        let pem = private_pem(&PrivateKey::P256(p256_from_seed(&[3; 32])));
        assert!(
            parse_public_keys(&pem)
                .unwrap_err()
                .0
                .contains("private key")
        );
        assert!(
            parse_private_key("whpk_AAAA", KeyAlg::Ed25519)
                .unwrap_err()
                .0
                .contains("public")
        );
        assert!(
            parse_public_keys("whsk_AAAA")
                .unwrap_err()
                .0
                .contains("whpk_")
        );
    }

    #[test]
    fn private_keys_in_every_usual_form() {
        let seed = [5u8; 32];
        let ed = ed25519_from_seed(&seed);
        let from_hex = parse_private_key(&hex::encode(seed), KeyAlg::Ed25519).unwrap();
        assert_eq!(
            from_hex.public_key(),
            PublicKey::Ed25519(ed.verifying_key())
        );
        let whsk = format!("whsk_{}", STANDARD.encode(seed));
        assert_eq!(
            parse_private_key(&whsk, KeyAlg::Ed25519)
                .unwrap()
                .public_key(),
            from_hex.public_key()
        );
        let long = format!("whsk_{}", STANDARD.encode(ed.to_keypair_bytes()));
        assert_eq!(
            parse_private_key(&long, KeyAlg::Ed25519)
                .unwrap()
                .public_key(),
            from_hex.public_key()
        );
        let pem = private_pem(&from_hex);
        assert_eq!(
            parse_private_key(&pem, KeyAlg::Rsa).unwrap().public_key(),
            from_hex.public_key()
        );
        let p = PrivateKey::P256(p256_from_seed(&seed));
        let sec1 = p256::SecretKey::from(match &p {
            PrivateKey::P256(k) => k,
            _ => unreachable!(),
        })
        .to_sec1_pem(Default::default())
        .unwrap();
        assert_eq!(
            parse_private_key(&sec1, KeyAlg::P256).unwrap().public_key(),
            p.public_key()
        );
    }

    #[test]
    fn certificates_yield_their_public_key() {
        // A self-signed P-256 certificate (private scalar 1234567) made with python cryptography.
        let cert = "-----BEGIN CERTIFICATE-----
MIIBGjCBwaADAgECAgEqMAoGCCqGSM49BAMCMBcxFTATBgNVBAMMDGhvb2tjdGwg
dGVzdDAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBcxFTATBgNVBAMM
DGhvb2tjdGwgdGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGXeFf7LfsPN
+1cPqHq3HOHxjonVl2sHBXzbv/X/hbdgZ9hQmLaQO62CvrDJiPefHylenBKFxYCx
mYNhIO0bv34wCgYIKoZIzj0EAwIDSAAwRQIgVQ0I95j8KnsOnvtbsSgS+q+Cstwl
c/BQ0HwqYpaihvACIQCtmXZJhaMYcUNr5FRap7Lh5AMsoeng8hPDZBeBjx1zTA==
-----END CERTIFICATE-----";
        let keys = parse_public_keys(cert).unwrap();
        let mut scalar = [0u8; 32];
        scalar[29..].copy_from_slice(&[0x12, 0xd6, 0x87]);
        assert_eq!(keys[0].key, p256_from_scalar(&scalar).unwrap().public_key());
        let map = serde_json::json!({"abc": cert}).to_string();
        assert_eq!(
            parse_public_keys(&map).unwrap()[0].kid.as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn garbage_is_an_error_never_a_panic() {
        for s in [
            "",
            "{",
            "{}",
            "[]",
            "zz",
            "whpk_",
            "whsk_!!",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            "{\"keys\":[1]}",
            "{\"kty\":\"RSA\",\"n\":\"\",\"e\":\"\"}",
            "\u{0}\u{202e}",
        ] {
            assert!(parse_public_keys(s).is_err(), "{s:?}");
            assert!(parse_private_key(s, KeyAlg::Ed25519).is_err(), "{s:?}");
        }
        assert!(der_tlv(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]).is_none());
        assert!(certificate_spki(&[0x30, 0x03, 0x30, 0x01, 0x00]).is_none());
    }
}
