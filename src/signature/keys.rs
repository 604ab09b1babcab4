//! Key material: public and private keys parsed from the forms users paste, and dev key pairs.
//!
//! Public keys come as hex, base64, base64 DER (SPKI), PEM (SPKI, PKCS#1 or an X.509
//! certificate), a Standard Webhooks `whpk_` key, or a JWK (one key, a JWK set, Plaid's
//! `{"key": …}` response, or Google's `{kid: PEM certificate}` map). Private keys come as a hex
//! Ed25519 seed (or P-256 scalar), a `whsk_` key, PKCS#8 / SEC1 / PKCS#1 PEM or DER, or a JWK
//! with `d`. Every function here returns an error sentence instead of panicking: a fuzz target
//! calls them with arbitrary input.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::der::pem;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::crypto;

/// The signature algorithms whose keys hookctl reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlg {
    Ed25519,
    P256,
    Rsa,
}

impl KeyAlg {
    pub fn name(self) -> &'static str {
        match self {
            KeyAlg::Ed25519 => "Ed25519",
            KeyAlg::P256 => "P-256 (ECDSA)",
            KeyAlg::Rsa => "RSA",
        }
    }
}

/// A key that verifies signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    Rsa(RsaPublicKey),
}

impl PublicKey {
    pub fn alg(&self) -> KeyAlg {
        match self {
            PublicKey::Ed25519(_) => KeyAlg::Ed25519,
            PublicKey::P256(_) => KeyAlg::P256,
            PublicKey::Rsa(_) => KeyAlg::Rsa,
        }
    }
}

/// A parsed public key and the key id it was published under, where the form carries one (JWK).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedKey {
    pub key: PublicKey,
    pub kid: Option<String>,
}

/// A key that signs.
#[derive(Clone)]
pub enum PrivateKey {
    Ed25519(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
    Rsa(Box<RsaPrivateKey>),
}

impl std::fmt::Debug for PrivateKey {
    // Never print key material, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey::{}(…)", self.alg().name())
    }
}

impl PrivateKey {
    pub fn alg(&self) -> KeyAlg {
        match self {
            PrivateKey::Ed25519(_) => KeyAlg::Ed25519,
            PrivateKey::P256(_) => KeyAlg::P256,
            PrivateKey::Rsa(_) => KeyAlg::Rsa,
        }
    }

    pub fn public_key(&self) -> PublicKey {
        match self {
            PrivateKey::Ed25519(k) => PublicKey::Ed25519(k.verifying_key()),
            PrivateKey::P256(k) => PublicKey::P256(*k.verifying_key()),
            PrivateKey::Rsa(k) => PublicKey::Rsa(k.to_public_key()),
        }
    }
}

/// Why a key could not be read: one sentence saying what form was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct KeyError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, KeyError> {
    Err(KeyError(msg.into()))
}

const PUBLIC_FORMS: &str = "hex, base64, base64 DER (SPKI), PEM, a whpk_ key, or a JWK / JWK set";
const PRIVATE_FORMS: &str =
    "a hex Ed25519 seed, a whsk_ key, PKCS#8 PEM (or SEC1/PKCS#1 PEM), or a JWK with \"d\"";

// ---------------------------------------------------------------------------------------------
// Public keys
// ---------------------------------------------------------------------------------------------

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
fn certificate_spki(der: &[u8]) -> Option<&[u8]> {
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
fn der_tlv(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
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

// ---------------------------------------------------------------------------------------------
// Private keys
// ---------------------------------------------------------------------------------------------

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

fn p256_from_scalar(bytes: &[u8]) -> Result<PrivateKey, KeyError> {
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

// ---------------------------------------------------------------------------------------------
// Rendering and development keys
// ---------------------------------------------------------------------------------------------

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

/// The `kid` of a key given as a JWK (private or public); `None` for every other form.
pub fn jwk_kid(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.starts_with('{') {
        return None;
    }
    let jwk: Value = serde_json::from_str(text).ok()?;
    jwk.get("kid").and_then(Value::as_str).map(str::to_string)
}

/// `SHA-256(label ‖ seed)`: separate keys from one seed, so that publishing one reveals no other.
pub fn derive_seed(label: &str, seed: &[u8; 32]) -> [u8; 32] {
    Sha256::new()
        .chain_update(label.as_bytes())
        .chain_update(seed)
        .finalize()
        .into()
}

/// An Ed25519 key whose seed is derived from `seed`.
pub fn ed25519_from_seed(seed: &[u8; 32]) -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(seed)
}

/// A P-256 key derived from `seed` (re-hashed in the 2^-128 case that it is not a valid scalar).
pub fn p256_from_seed(seed: &[u8; 32]) -> p256::ecdsa::SigningKey {
    let mut candidate = *seed;
    loop {
        if let Ok(k) = p256::SecretKey::from_slice(&candidate) {
            return k.into();
        }
        candidate = derive_seed("hookctl p-256 retry", &candidate);
    }
}

/// A 2048-bit RSA key derived deterministically from `seed`.
///
/// Prime generation is slow (seconds in a debug build), and tests and `trigger` ask for the same
/// seed's key repeatedly, so each seed's key is made once per process and cached.
pub fn rsa_from_seed(seed: &[u8; 32]) -> RsaPrivateKey {
    static CACHE: LazyLock<Mutex<HashMap<[u8; 32], RsaPrivateKey>>> =
        LazyLock::new(Default::default);
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(*seed)
        .or_insert_with(|| {
            let mut rng = SeededRng::new(seed);
            RsaPrivateKey::new(&mut rng, 2048)
                .expect("2048-bit RSA generation from a working RNG succeeds")
        })
        .clone()
}

/// A SHA-256 counter-mode stream: deterministic bytes for deriving development keys from a seed.
/// It is only ever fed the caller's 32 random (or fixed test) bytes, never used for nonces.
struct SeededRng {
    seed: [u8; 32],
    counter: u64,
    buf: [u8; 32],
    used: usize,
}

impl SeededRng {
    fn new(seed: &[u8; 32]) -> Self {
        SeededRng {
            seed: derive_seed("hookctl rsa", seed),
            counter: 0,
            buf: [0; 32],
            used: 32,
        }
    }
}

impl rsa::rand_core::RngCore for SeededRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for byte in dest {
            if self.used == self.buf.len() {
                self.buf = Sha256::new()
                    .chain_update(self.seed)
                    .chain_update(self.counter.to_be_bytes())
                    .finalize()
                    .into();
                self.counter += 1;
                self.used = 0;
            }
            *byte = self.buf[self.used];
            self.used += 1;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rsa::rand_core::CryptoRng for SeededRng {}

#[cfg(test)]
mod tests {
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
