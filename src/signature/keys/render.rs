//! Writing keys in the forms providers publish them: PKCS#8 PEM, base64 SPKI, JWK, and the JWK
//! thumbprint that names a key by itself.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::pkcs8::{EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::key::{PrivateKey, PublicKey};

/// PKCS#8 PEM, the form `--private-key` documents for P-256 and RSA.
pub fn private_pem(key: &PrivateKey) -> String {
    let doc = match key {
        PrivateKey::Ed25519(k) => k.to_pkcs8_pem(Default::default()).map(|p| p.to_string()),
        PrivateKey::P256(k) => p256::SecretKey::from(k)
            .to_pkcs8_pem(Default::default())
            .map(|p| p.to_string()),
        PrivateKey::Rsa(k) => k.to_pkcs8_pem(Default::default()).map(|p| p.to_string()),
    };
    doc.expect("encoding a valid in-memory key as PKCS#8 cannot fail")
}

/// Base64 DER SubjectPublicKeyInfo: what SendGrid shows in its settings.
pub fn public_der_base64(key: &PublicKey) -> String {
    let der = match key {
        PublicKey::Ed25519(k) => k.to_public_key_der().map(|d| d.into_vec()),
        PublicKey::P256(k) => k.to_public_key_der().map(|d| d.into_vec()),
        PublicKey::Rsa(k) => k.to_public_key_der().map(|d| d.into_vec()),
    };
    STANDARD.encode(der.expect("encoding a valid in-memory key as SPKI cannot fail"))
}

/// The key as a JWK (members in lexicographic order, as RFC 7638 thumbprints list them).
pub fn public_jwk(key: &PublicKey, kid: Option<&str>) -> String {
    let mut v = match key {
        PublicKey::Ed25519(k) => {
            serde_json::json!({"crv": "Ed25519", "kty": "OKP", "x": URL_SAFE_NO_PAD.encode(k.as_bytes())})
        }
        PublicKey::P256(k) => {
            let point = k.to_encoded_point(false);
            serde_json::json!({
                "alg": "ES256", "crv": "P-256", "kty": "EC", "use": "sig",
                "x": URL_SAFE_NO_PAD.encode(point.x().map(|x| x.as_slice()).unwrap_or_default()),
                "y": URL_SAFE_NO_PAD.encode(point.y().map(|y| y.as_slice()).unwrap_or_default()),
            })
        }
        PublicKey::Rsa(k) => serde_json::json!({
            "alg": "RS256", "e": URL_SAFE_NO_PAD.encode(k.e().to_bytes_be()), "kty": "RSA",
            "n": URL_SAFE_NO_PAD.encode(k.n().to_bytes_be()), "use": "sig",
        }),
    };
    if let (Some(kid), Some(obj)) = (kid, v.as_object_mut()) {
        obj.insert("kid".into(), kid.into());
    }
    v.to_string()
}

/// The key's RFC 7638 thumbprint (base64url SHA-256 of its required JWK members in order): a key
/// id that follows from the key itself, so a token and the JWK published for it agree on it.
pub fn jwk_thumbprint(key: &PublicKey) -> String {
    let full: Value =
        serde_json::from_str(&public_jwk(key, None)).expect("public_jwk writes a JSON object");
    let required: &[&str] = match key {
        PublicKey::Ed25519(_) => &["crv", "kty", "x"],
        PublicKey::P256(_) => &["crv", "kty", "x", "y"],
        PublicKey::Rsa(_) => &["e", "kty", "n"],
    };
    let members: serde_json::Map<String, Value> = required
        .iter()
        .map(|m| (m.to_string(), full[m].clone()))
        .collect();
    URL_SAFE_NO_PAD.encode(Sha256::digest(Value::Object(members).to_string()))
}
