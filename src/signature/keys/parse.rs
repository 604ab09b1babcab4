//! Reading keys from the forms users paste: every function returns an error sentence instead of
//! panicking, since a fuzz target calls them with arbitrary input.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::der::pem;
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use serde_json::Value;

use super::key::{KeyAlg, KeyError, NamedKey, PrivateKey, PublicKey};
use crate::signature::crypto;

fn err<T>(msg: impl Into<String>) -> Result<T, KeyError> {
    Err(KeyError(msg.into()))
}

const PUBLIC_FORMS: &str = "hex, base64, base64 DER (SPKI), PEM, a whpk_ key, or a JWK / JWK set";
const PRIVATE_FORMS: &str =
    "a hex Ed25519 seed, a whsk_ key, PKCS#8 PEM (or SEC1/PKCS#1 PEM), or a JWK with \"d\"";

/// Every public key in `text` (a JWK set or certificate map holds several), with its key id.
pub fn parse_public_keys(text: &str) -> Result<Vec<NamedKey>, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return err(format!("the public key is empty: expected {PUBLIC_FORMS}"));
    }
    if text.starts_with('{') {
        return parse_jwk_text(text);
    }
    if text.contains("-----BEGIN") {
        return parse_pem_blocks(text, false).map(|keys| keys.into_iter().map(unnamed).collect());
    }
    if let Some(rest) = text.strip_prefix("whsk_") {
        let _ = rest;
        return err(
            "that is a whsk_ secret key: --public-key takes the whpk_ key (the secret key signs, with --private-key)",
        );
    }
    if let Some(rest) = text.strip_prefix("whpk_") {
        let bytes = crypto::decode_base64(rest)
            .ok_or_else(|| KeyError("the whpk_ key is not base64 after its prefix".into()))?;
        return ed25519_from_raw(&bytes).map(|k| vec![unnamed(k)]);
    }
    let bytes = decode_text(text).ok_or_else(|| {
        KeyError(format!(
            "the public key is not in a form hookctl reads: expected {PUBLIC_FORMS}"
        ))
    })?;
    public_from_bytes(&bytes).map(|k| vec![unnamed(k)])
}

/// The one public key of algorithm `alg` to verify with: by `kid` when the text holds several.
pub fn public_key_for(text: &str, alg: KeyAlg, kid: Option<&str>) -> Result<PublicKey, KeyError> {
    let keys = parse_public_keys(text)?;
    let of_alg: Vec<&NamedKey> = keys.iter().filter(|k| k.key.alg() == alg).collect();
    if of_alg.is_empty() {
        let found: Vec<&str> = keys.iter().map(|k| k.key.alg().name()).collect();
        return err(format!(
            "this needs an {} public key, but the key given is {}",
            alg.name(),
            found.join(", ")
        ));
    }
    if let Some(kid) = kid {
        if let Some(k) = of_alg.iter().find(|k| k.kid.as_deref() == Some(kid)) {
            return Ok(k.key.clone());
        }
        // A lone key without an id is the user's choice; a set without this id is not.
        if of_alg.len() == 1 && of_alg[0].kid.is_none() {
            return Ok(of_alg[0].key.clone());
        }
        let kids: Vec<&str> = of_alg.iter().filter_map(|k| k.kid.as_deref()).collect();
        return err(format!(
            "no key with kid '{kid}' among the keys given ({}): fetch the provider's current keys",
            if kids.is_empty() {
                "none has a kid".to_string()
            } else {
                kids.join(", ")
            }
        ));
    }
    if of_alg.len() > 1 {
        return err(
            "the key set holds several keys and the signature names none: pass the one key to use",
        );
    }
    Ok(of_alg[0].key.clone())
}

fn unnamed(key: PublicKey) -> NamedKey {
    NamedKey { key, kid: None }
}

/// Hex or any base64 dialect; hex first, since a hex string is also valid base64.
fn decode_text(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.split_whitespace().collect();
    let hexed = compact.strip_prefix("0x").unwrap_or(&compact);
    if hexed.len().is_multiple_of(2) && hexed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex::decode(hexed).ok();
    }
    crypto::decode_base64(&compact)
}

/// Raw bytes: 32 are an Ed25519 key, 33/65 a SEC1 P-256 point, anything else DER.
fn public_from_bytes(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    match bytes.len() {
        32 => ed25519_from_raw(bytes),
        33 | 65 => p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map(PublicKey::P256)
            .or_else(|_| err("the key is 33 or 65 bytes but not a point on P-256")),
        _ => public_from_der(bytes),
    }
}

fn ed25519_from_raw(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    let arr: [u8; 32] = bytes.try_into().map_err(|_| {
        KeyError(format!(
            "an Ed25519 public key is 32 bytes, this one is {}",
            bytes.len()
        ))
    })?;
    ed25519_dalek::VerifyingKey::from_bytes(&arr)
        .map(PublicKey::Ed25519)
        .or_else(|_| err("the 32 bytes are not a valid Ed25519 public key"))
}

/// DER: SubjectPublicKeyInfo of any of the three algorithms, a PKCS#1 RSA key, or a certificate.
fn public_from_der(der: &[u8]) -> Result<PublicKey, KeyError> {
    if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_der(der) {
        return Ok(PublicKey::Ed25519(k));
    }
    if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_der(der) {
        return Ok(PublicKey::P256(k));
    }
    if let Ok(k) = RsaPublicKey::from_public_key_der(der) {
        return Ok(PublicKey::Rsa(k));
    }
    if let Ok(k) = RsaPublicKey::from_pkcs1_der(der) {
        return Ok(PublicKey::Rsa(k));
    }
    if let Some(spki) = certificate_spki(der) {
        return public_from_der(spki);
    }
    if private_from_der(der, None).is_ok() {
        return err(
            "that is a private key: --public-key takes the public half (the private key signs, with --private-key)",
        );
    }
    err(format!(
        "the key decodes to {} bytes that are not an Ed25519, P-256 or RSA public key: expected {PUBLIC_FORMS}",
        der.len()
    ))
}

/// PEM blocks in order; `private` selects which kind of key the caller wants.
fn parse_pem_blocks(text: &str, private: bool) -> Result<Vec<PublicKey>, KeyError> {
    let mut out = Vec::new();
    for block in pem_blocks(text) {
        let (label, der) = pem::decode_vec(block.as_bytes()).map_err(|e| {
            KeyError(format!(
                "the PEM block is damaged ({e}): paste it whole, with its BEGIN and END lines"
            ))
        })?;
        if private {
            continue;
        }
        let key = match label {
            "PUBLIC KEY" => public_from_der(&der)?,
            "RSA PUBLIC KEY" => RsaPublicKey::from_pkcs1_der(&der)
                .map(PublicKey::Rsa)
                .map_err(|_| {
                    KeyError("the RSA PUBLIC KEY block does not hold a PKCS#1 RSA key".into())
                })?,
            "CERTIFICATE" => {
                let spki = certificate_spki(&der).ok_or_else(|| {
                    KeyError(
                        "the CERTIFICATE block is not an X.509 certificate hookctl can read".into(),
                    )
                })?;
                public_from_der(spki)?
            }
            l if l.contains("PRIVATE KEY") => {
                return err(
                    "that is a private key: --public-key takes the public half (the private key signs, with --private-key)",
                );
            }
            other => {
                return err(format!(
                    "a PEM '{other}' block holds no public key: expected PUBLIC KEY or CERTIFICATE"
                ));
            }
        };
        out.push(key);
    }
    if out.is_empty() && !private {
        return err("the PEM text has no complete -----BEGIN … -----END … block");
    }
    Ok(out)
}

/// Splits text into its `-----BEGIN X----- … -----END X-----` blocks.
fn pem_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start..];
        let Some(end_marker) = after.find("-----END ") else {
            break;
        };
        let tail = &after[end_marker + 9..];
        let Some(close) = tail.find("-----") else {
            break;
        };
        let len = end_marker + 9 + close + 5;
        // Editors and JSON strings leave stray indentation and CRLFs; PEM parsing wants neither.
        let block: String = after[..len]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        blocks.push(block + "\n");
        rest = &after[len..];
    }
    blocks
}

/// The SubjectPublicKeyInfo inside an X.509 certificate (Google's v1 certs are these).
pub(super) fn certificate_spki(der: &[u8]) -> Option<&[u8]> {
    let (tag, cert, _) = der_tlv(der)?;
    if tag != 0x30 {
        return None;
    }
    let (tag, mut tbs, _) = der_tlv(cert)?;
    if tag != 0x30 {
        return None;
    }
    // version [0] is optional; then serial, signature algorithm, issuer, validity, subject.
    let mut skipped = 0;
    while skipped < 5 {
        let (tag, _, whole) = der_tlv(tbs)?;
        tbs = &tbs[whole.len()..];
        if tag != 0xa0 {
            skipped += 1;
        }
    }
    let (tag, _, whole) = der_tlv(tbs)?;
    (tag == 0x30).then_some(whole)
}

/// One DER element: (tag, contents, the whole element), or `None` if it overruns the input.
pub(super) fn der_tlv(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *data.first()?;
    let first = *data.get(1)? as usize;
    let (len, header) = if first < 0x80 {
        (first, 2)
    } else {
        let n = first & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | *data.get(2 + i)? as usize;
        }
        (len, 2 + n)
    };
    let end = header.checked_add(len)?;
    Some((tag, data.get(header..end)?, data.get(..end)?))
}

fn b64url(text: &str) -> Result<Vec<u8>, KeyError> {
    URL_SAFE_NO_PAD
        .decode(text.trim().trim_end_matches('='))
        .or_else(|_| STANDARD.decode(text.trim()))
        .map_err(|_| KeyError("a JWK member is not base64url".into()))
}

fn jwk_str<'a>(jwk: &'a Value, name: &str) -> Result<&'a str, KeyError> {
    jwk.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError(format!("the JWK has no \"{name}\" member")))
}

fn parse_jwk_text(text: &str) -> Result<Vec<NamedKey>, KeyError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        KeyError(format!(
            "the key looks like JSON but does not parse ({e}): expected a JWK or a JWK set"
        ))
    })?;
    let Value::Object(obj) = &value else {
        return err("the JSON key must be an object: a JWK, or a JWK set {\"keys\": [...]}");
    };
    if let Some(keys) = obj.get("keys") {
        let Some(list) = keys.as_array() else {
            return err("\"keys\" in the JWK set is not a list");
        };
        let mut out = Vec::new();
        for jwk in list {
            // Sets mix algorithms and uses; a member hookctl cannot read is not the one wanted.
            if let Ok(k) = jwk_public(jwk) {
                out.push(k);
            }
        }
        if out.is_empty() {
            return err("the JWK set holds no Ed25519, P-256 or RSA public key");
        }
        return Ok(out);
    }
    if let Some(key) = obj.get("key").filter(|k| k.is_object()) {
        // Plaid's /webhook_verification_key/get response, pasted whole.
        return Ok(vec![jwk_public(key)?]);
    }
    if obj.contains_key("kty") {
        return Ok(vec![jwk_public(&value)?]);
    }
    if !obj.is_empty()
        && obj
            .values()
            .all(|v| v.as_str().is_some_and(|s| s.contains("-----BEGIN")))
    {
        // Google's oauth2/v1/certs: {kid: PEM certificate}.
        let mut out = Vec::new();
        for (kid, pem_text) in obj {
            for key in parse_pem_blocks(pem_text.as_str().unwrap_or_default(), false)? {
                out.push(NamedKey {
                    key,
                    kid: Some(kid.clone()),
                });
            }
        }
        return Ok(out);
    }
    err("the JSON is neither a JWK (no \"kty\") nor a JWK set (no \"keys\")")
}

fn jwk_public(jwk: &Value) -> Result<NamedKey, KeyError> {
    let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_string);
    let key = match jwk_str(jwk, "kty")? {
        "OKP" => {
            if jwk.get("crv").and_then(Value::as_str) != Some("Ed25519") {
                return err("the OKP JWK is not an Ed25519 key (crv must be Ed25519)");
            }
            ed25519_from_raw(&b64url(jwk_str(jwk, "x")?)?)?
        }
        "EC" => {
            if jwk.get("crv").and_then(Value::as_str) != Some("P-256") {
                return err("the EC JWK is not on P-256 (crv must be P-256)");
            }
            let (x, y) = (b64url(jwk_str(jwk, "x")?)?, b64url(jwk_str(jwk, "y")?)?);
            if x.len() != 32 || y.len() != 32 {
                return err("a P-256 JWK has 32-byte x and y coordinates");
            }
            let mut sec1 = vec![4u8];
            sec1.extend_from_slice(&x);
            sec1.extend_from_slice(&y);
            p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1)
                .map(PublicKey::P256)
                .map_err(|_| KeyError("the JWK's x and y are not a point on P-256".into()))?
        }
        "RSA" => {
            let n = BigUint::from_bytes_be(&b64url(jwk_str(jwk, "n")?)?);
            let e = BigUint::from_bytes_be(&b64url(jwk_str(jwk, "e")?)?);
            RsaPublicKey::new(n, e)
                .map(PublicKey::Rsa)
                .map_err(|e| KeyError(format!("the RSA JWK is not a usable key: {e}")))?
        }
        other => {
            return err(format!(
                "JWK key type '{other}' is not supported: use OKP (Ed25519), EC (P-256) or RSA"
            ));
        }
    };
    Ok(NamedKey { key, kid })
}

/// The private key in `text`. `alg` says what a bare 32-byte value (hex or base64) is: an
/// Ed25519 seed or a P-256 scalar; structured forms carry their own algorithm.
pub fn parse_private_key(text: &str, alg: KeyAlg) -> Result<PrivateKey, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return err(format!(
            "the private key is empty: expected {PRIVATE_FORMS}"
        ));
    }
    if text.starts_with("whpk_") {
        return err("that is a whpk_ public key: --private-key takes the whsk_ secret key");
    }
    if let Some(rest) = text.strip_prefix("whsk_") {
        let bytes = crypto::decode_base64(rest)
            .ok_or_else(|| KeyError("the whsk_ key is not base64 after its prefix".into()))?;
        return ed25519_from_secret_bytes(&bytes);
    }
    if text.starts_with('{') {
        let jwk: Value = serde_json::from_str(text).map_err(|e| {
            KeyError(format!(
                "the key looks like JSON but does not parse ({e}): expected a JWK with \"d\""
            ))
        })?;
        return jwk_private(&jwk);
    }
    if text.contains("-----BEGIN") {
        let Some(block) = pem_blocks(text).into_iter().next() else {
            return err("the PEM text has no complete -----BEGIN … -----END … block");
        };
        let (label, der) = pem::decode_vec(block.as_bytes()).map_err(|e| {
            KeyError(format!(
                "the PEM block is damaged ({e}): paste it whole, with its BEGIN and END lines"
            ))
        })?;
        return match label {
            "PRIVATE KEY" | "EC PRIVATE KEY" | "RSA PRIVATE KEY" => {
                private_from_der(&der, Some(alg))
            }
            "ENCRYPTED PRIVATE KEY" => err(
                "the private key is encrypted: decrypt it first (openssl pkcs8 -in key.pem -nocrypt -topk8)",
            ),
            l if l.contains("PUBLIC KEY") || l == "CERTIFICATE" => {
                err("that is a public key: --private-key takes the private key that signs")
            }
            other => err(format!(
                "a PEM '{other}' block holds no private key: expected PRIVATE KEY"
            )),
        };
    }
    let bytes = decode_text(text).ok_or_else(|| {
        KeyError(format!(
            "the private key is not in a form hookctl reads: expected {PRIVATE_FORMS}"
        ))
    })?;
    match (bytes.len(), alg) {
        (32 | 64, KeyAlg::Ed25519) => ed25519_from_secret_bytes(&bytes),
        (32, KeyAlg::P256) => p256_from_scalar(&bytes),
        _ => private_from_der(&bytes, Some(alg)),
    }
}

/// A 32-byte seed, or the 64-byte seed‖public form libsodium and Go print (checked for agreement).
fn ed25519_from_secret_bytes(bytes: &[u8]) -> Result<PrivateKey, KeyError> {
    let seed: [u8; 32] = bytes
        .get(..32)
        .and_then(|s| s.try_into().ok())
        .filter(|_| bytes.len() == 32 || bytes.len() == 64)
        .ok_or_else(|| KeyError(format!("an Ed25519 private key is a 32-byte seed (or 64 bytes seed and public key), this one is {} bytes", bytes.len())))?;
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    if bytes.len() == 64 && !crypto::ct_eq(&bytes[32..], key.verifying_key().as_bytes()) {
        return err(
            "the 64-byte Ed25519 key's second half is not the public key of its first half: the key is damaged",
        );
    }
    Ok(PrivateKey::Ed25519(key))
}

pub(super) fn p256_from_scalar(bytes: &[u8]) -> Result<PrivateKey, KeyError> {
    p256::SecretKey::from_slice(bytes)
        .map(|k| PrivateKey::P256(k.into()))
        .or_else(|_| err("the 32 bytes are not a valid P-256 private scalar"))
}

fn private_from_der(der: &[u8], alg: Option<KeyAlg>) -> Result<PrivateKey, KeyError> {
    if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_der(der) {
        return Ok(PrivateKey::Ed25519(k));
    }
    if let Ok(k) = p256::SecretKey::from_pkcs8_der(der) {
        return Ok(PrivateKey::P256(k.into()));
    }
    if let Ok(k) = p256::SecretKey::from_sec1_der(der) {
        return Ok(PrivateKey::P256(k.into()));
    }
    if let Ok(k) = RsaPrivateKey::from_pkcs8_der(der) {
        return Ok(PrivateKey::Rsa(Box::new(k)));
    }
    if let Ok(k) = RsaPrivateKey::from_pkcs1_der(der) {
        return Ok(PrivateKey::Rsa(Box::new(k)));
    }
    let wanted = alg
        .map(|a| format!(" (this provider signs with {})", a.name()))
        .unwrap_or_default();
    err(format!(
        "the private key is not an Ed25519, P-256 or RSA key hookctl reads{wanted}: expected {PRIVATE_FORMS}"
    ))
}

fn jwk_private(jwk: &Value) -> Result<PrivateKey, KeyError> {
    let d = b64url(jwk_str(jwk, "d").map_err(|_| {
        KeyError(
            "the JWK has no \"d\": it is a public key, and --private-key needs the private one"
                .into(),
        )
    })?)?;
    match jwk_str(jwk, "kty")? {
        "OKP" => ed25519_from_secret_bytes(&d),
        "EC" => p256_from_scalar(&d),
        "RSA" => {
            let num = |name: &str| -> Result<BigUint, KeyError> {
                Ok(BigUint::from_bytes_be(&b64url(jwk_str(jwk, name)?)?))
            };
            let key = RsaPrivateKey::from_components(
                num("n")?,
                num("e")?,
                BigUint::from_bytes_be(&d),
                vec![num("p")?, num("q")?],
            )
            .map_err(|e| KeyError(format!("the RSA JWK is not a usable private key: {e}")))?;
            Ok(PrivateKey::Rsa(Box::new(key)))
        }
        other => err(format!(
            "JWK key type '{other}' is not supported: use OKP (Ed25519), EC (P-256) or RSA"
        )),
    }
}

/// The `kid` of a key given as a JWK (private or public); `None` for every other form.
pub fn jwk_kid(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.starts_with('{') {
        return None;
    }
    let jwk: Value = serde_json::from_str(text).ok()?;
    jwk.get("kid").and_then(Value::as_str).map(str::to_string)
}
