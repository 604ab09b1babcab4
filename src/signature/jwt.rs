//! Signatures carried as JWTs: Plaid (ES256 over a body hash) and Google Pub/Sub push (RS256 OIDC).

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::{SignatureEncoding as _, Signer as _, Verifier as _};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::asymmetric::{load_private_key, load_public_key};
use super::crypto;
use super::keys::{self, KeyAlg, PrivateKey, PublicKey};
use super::scheme::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::verdict::Reason;
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![Arc::new(Plaid::new()), Arc::new(Google::new())]
}

/// Plaid rejects tokens whose `iat` is more than five minutes old.
const PLAID_TOLERANCE: u64 = 300;
/// Google's OIDC tokens live one hour (`exp` = `iat` + 3600).
const GOOGLE_LIFETIME: i64 = 3600;
const GOOGLE_ISSUERS: [&str; 2] = ["https://accounts.google.com", "accounts.google.com"];

/// A decoded compact JWS; `signing_input` is `header.payload` exactly as received.
struct Token<'a> {
    header: serde_json::Map<String, Value>,
    claims: serde_json::Map<String, Value>,
    signing_input: &'a [u8],
    signature: Vec<u8>,
}

fn b64url_decode(part: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()
}

fn parse_token<'a>(text: &'a str, header: &str) -> Result<Token<'a>, Verdict> {
    let text = text.trim();
    let malformed = |why: &str| Verdict::malformed_header(header, why);
    let mut parts = text.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed(
            "is not a JWT (three base64url parts separated by dots)",
        ));
    };
    let object = |part: &str, what: &str| -> Result<serde_json::Map<String, Value>, Verdict> {
        let bytes = b64url_decode(part)
            .ok_or_else(|| malformed(&format!("has a JWT {what} that is not base64url")))?;
        match serde_json::from_slice(&bytes) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(malformed(&format!(
                "has a JWT {what} that is not a JSON object"
            ))),
        }
    };
    let signature = b64url_decode(s)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| malformed("has a JWT signature that is not base64url"))?;
    Ok(Token {
        header: object(h, "header")?,
        claims: object(p, "payload")?,
        signing_input: &text.as_bytes()[..h.len() + 1 + p.len()],
        signature,
    })
}

/// `header.payload.signature` with both JSON parts serialized compactly, in the order given.
fn compact(header: &Value, claims: &Value, sign: impl FnOnce(&[u8]) -> Vec<u8>) -> String {
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let sig = sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

/// The JWS header, always with a `kid`: Plaid and Google both name the key in every token, and
/// receivers pick the key to verify with by it. The kid is `--key-id`, else the one the private
/// key carries as a JWK, else the key's RFC 7638 thumbprint — the kid [`dev_key`] publishes.
fn jwt_header(alg: &str, req: &SignRequest, key: &PrivateKey) -> Value {
    let kid = req
        .key_id
        .clone()
        .or_else(|| req.private_key.as_deref().and_then(keys::jwk_kid))
        .unwrap_or_else(|| keys::jwk_thumbprint(&key.public_key()));
    json!({"alg": alg, "kid": kid, "typ": "JWT"})
}

/// A development key pair: PKCS#8 PEM, and the public JWK under the kid tokens signed with it
/// carry, the form both providers publish their keys in.
fn dev_key(k: PrivateKey) -> KeyMaterial {
    let public = k.public_key();
    KeyMaterial {
        public_key: Some(keys::public_jwk(
            &public,
            Some(&keys::jwk_thumbprint(&public)),
        )),
        private_key: Some(keys::private_pem(&k)),
        ..Default::default()
    }
}

fn check_alg(token: &Token, want: &str, header: &str, provider: &str) -> Result<(), Verdict> {
    match token.header.get("alg").and_then(Value::as_str) {
        Some(alg) if alg == want => Ok(()),
        // Accepting another alg is the classic JWT forgery (alg "none", or HS256 keyed with
        // the public key), so anything but the provider's algorithm is refused outright.
        Some(alg) => Err(Verdict::malformed_header(
            header,
            format!("holds a JWT with alg '{alg}', but {provider} signs with {want}"),
        )),
        None => Err(Verdict::malformed_header(
            header,
            "holds a JWT whose header has no alg",
        )),
    }
}

fn int_claim(token: &Token, name: &str, header: &str) -> Result<i64, Verdict> {
    token
        .claims
        .get(name)
        .and_then(|v| v.as_i64().or_else(|| v.as_f64().map(|f| f as i64)))
        .ok_or_else(|| {
            Verdict::malformed_header(
                header,
                format!("holds a JWT with no numeric '{name}' claim"),
            )
        })
}

fn wrong_key(header: &str, provider: &str, kid: Option<&str>, signed: &[u8]) -> Verdict {
    Verdict::new(
        Reason::WrongKey,
        format!(
            "the JWT signature in {header} does not verify with the public key given{}",
            kid.map(|k| format!(" (the token names kid '{k}')"))
                .unwrap_or_default()
        ),
    )
    .header(header)
    .signed(signed.to_vec())
    .hint(format!(
        "pass {provider}'s key for that kid; a token altered after signing fails the same way"
    ))
}

// ---------------------------------------------------------------------------------------------
// Plaid
// ---------------------------------------------------------------------------------------------

pub struct Plaid {
    info: Info,
}

const PLAID_HEADER: &str = "Plaid-Verification";

impl Plaid {
    fn new() -> Self {
        Plaid {
            info: Info {
                id: "plaid".into(),
                name: "Plaid".into(),
                algorithm: "ES256 JWT (P-256 JWK public key)".into(),
                signed: "JWT {iat, request_body_sha256 = hex SHA-256 of {body}}".into(),
                headers: vec![PLAID_HEADER.into()],
                tolerance_seconds: Some(PLAID_TOLERANCE),
                can_sign: true,
                variants: vec![],
                detect: vec![PLAID_HEADER.into()],
                key: KeyKind::KeyPair,
                secret_prefix: None,
                docs: "https://plaid.com/docs/api/webhooks/webhook-verification/".into(),
            },
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let text = d
            .headers
            .get(PLAID_HEADER)
            .ok_or_else(|| Verdict::missing_header(PLAID_HEADER))?;
        let token = parse_token(text, PLAID_HEADER)?;
        check_alg(&token, "ES256", PLAID_HEADER, "Plaid")?;
        let signature = p256::ecdsa::Signature::from_slice(&token.signature).map_err(|_| {
            Verdict::malformed_header(
                PLAID_HEADER,
                "holds a JWT whose signature is not a 64-byte ES256 signature",
            )
        })?;
        let kid = token.header.get("kid").and_then(Value::as_str);
        let PublicKey::P256(key) = load_public_key(keys, "Plaid", KeyAlg::P256, kid)? else {
            return Err(Verdict::new(
                Reason::WrongKey,
                "Plaid signs with a P-256 key",
            ));
        };
        let ok = key.verify(token.signing_input, &signature).is_ok()
            || signature
                .normalize_s()
                .is_some_and(|low| key.verify(token.signing_input, &low).is_ok());
        if !ok {
            return Err(wrong_key(PLAID_HEADER, "Plaid", kid, token.signing_input));
        }
        let iat = int_claim(&token, "iat", PLAID_HEADER)?;
        let claimed = token
            .claims
            .get("request_body_sha256")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                Verdict::malformed_header(
                    PLAID_HEADER,
                    "holds a JWT with no request_body_sha256 claim",
                )
            })?;
        let actual = hex::encode(Sha256::digest(&d.body));
        if !crypto::ct_eq(claimed.to_ascii_lowercase().as_bytes(), actual.as_bytes()) {
            return Ok(Verdict::new(
                Reason::BodyModified,
                format!(
                    "the token is genuine, but the body's SHA-256 is {actual}, not the request_body_sha256 it signs"
                ),
            )
            .header(PLAID_HEADER)
            .signed(d.body.clone())
            .hint("the body was changed after Plaid sent it: re-serialized JSON or changed whitespace breaks it; verify the raw bytes"));
        }
        let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
        if let Some(v) = crypto::check_timestamp(iat, opts.now, tolerance, PLAID_HEADER) {
            return Ok(v.signed(token.signing_input.to_vec()));
        }
        Ok(Verdict::ok(format!(
            "the ES256 JWT in {PLAID_HEADER}{} verifies and signs this body's SHA-256",
            kid.map(|k| format!(" (kid {k})")).unwrap_or_default()
        ))
        .header(PLAID_HEADER)
        .signed(token.signing_input.to_vec()))
    }
}

impl Scheme for Plaid {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let private = load_private_key(req, "Plaid", KeyAlg::P256)?;
        let header = jwt_header("ES256", req, &private);
        let PrivateKey::P256(key) = private else {
            return Err(SignError::BadKey("Plaid signs with a P-256 key".into()));
        };
        let claims = json!({
            "iat": req.timestamp,
            "request_body_sha256": hex::encode(Sha256::digest(&req.body)),
        });
        let token = compact(&header, &claims, |input| {
            let sig: p256::ecdsa::Signature = key.sign(input);
            sig.to_bytes().to_vec()
        });
        let mut headers = Headers::new();
        headers.push(PLAID_HEADER, token);
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }

    /// A PKCS#8 PEM private key and the public key as a JWK, the form Plaid's
    /// /webhook_verification_key/get returns.
    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        dev_key(PrivateKey::P256(keys::p256_from_seed(seed)))
    }
}

// ---------------------------------------------------------------------------------------------
// Google Pub/Sub push
// ---------------------------------------------------------------------------------------------

pub struct Google {
    info: Info,
}

const AUTHORIZATION: &str = "Authorization";

impl Google {
    fn new() -> Self {
        Google {
            info: Info {
                id: "google".into(),
                name: "Google Pub/Sub".into(),
                algorithm: "RS256 OIDC JWT (Google's JWK set or PEM certificates)".into(),
                signed: "JWT {iss, aud = push endpoint URL, iat, exp}; the body is not signed"
                    .into(),
                headers: vec![AUTHORIZATION.into()],
                // The window is the token's own exp (one hour); --tolerance adds clock slack.
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                // Authorization alone says nothing about the sender: never auto-detected.
                detect: vec![],
                key: KeyKind::KeyPair,
                secret_prefix: None,
                docs: "https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions".into(),
            },
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let value = d
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| Verdict::missing_header(AUTHORIZATION))?;
        let text = value
            .trim()
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("bearer "))
            .map(|_| &value.trim()[7..])
            .ok_or_else(|| Verdict::malformed_header(AUTHORIZATION, "is not 'Bearer <JWT>'"))?;
        let token = parse_token(text, AUTHORIZATION)?;
        check_alg(&token, "RS256", AUTHORIZATION, "Google")?;
        let kid = token.header.get("kid").and_then(Value::as_str);
        let PublicKey::Rsa(key) = load_public_key(keys, "Google", KeyAlg::Rsa, kid)? else {
            return Err(Verdict::new(
                Reason::WrongKey,
                "Google signs with an RSA key",
            ));
        };
        let verifier = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key);
        let ok = rsa::pkcs1v15::Signature::try_from(token.signature.as_slice())
            .is_ok_and(|sig| verifier.verify(token.signing_input, &sig).is_ok());
        if !ok {
            return Err(wrong_key(AUTHORIZATION, "Google", kid, token.signing_input));
        }
        let signed = token.signing_input.to_vec();
        let iss = token
            .claims
            .get("iss")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !GOOGLE_ISSUERS.contains(&iss) {
            return Ok(Verdict::new(
                Reason::BadSignature,
                format!("the token verifies but was issued by '{iss}', not Google (https://accounts.google.com)"),
            )
            .header(AUTHORIZATION)
            .signed(signed));
        }
        let aud: Vec<&str> = match token.claims.get("aud") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if let Some(url) = d.url.as_deref()
            && !aud.contains(&url)
        {
            return Ok(Verdict::new(
                    Reason::UrlModified,
                    format!(
                        "the token is for audience '{}', but the delivery was posted to {url}",
                        aud.join("', '")
                    ),
                )
                .header(AUTHORIZATION)
                .signed(signed)
                .hint("the push subscription's audience is another URL: pass that URL with --url, or check which endpoint the subscription targets"));
        }
        let exp = int_claim(&token, "exp", AUTHORIZATION)?;
        let iat = int_claim(&token, "iat", AUTHORIZATION)?;
        let slack = opts.tolerance.unwrap_or(0) as i64;
        if opts.now > exp.saturating_add(slack) {
            return Ok(Verdict::new(
                Reason::ExpiredTimestamp,
                format!(
                    "the token is genuine but expired {} ago",
                    crypto::human_seconds(opts.now.saturating_sub(exp))
                ),
            )
            .header(AUTHORIZATION)
            .signed(signed)
            .hint(format!(
                "pass --now {iat} to check an old delivery, or --tolerance to allow clock skew"
            )));
        }
        if iat > opts.now.saturating_add(slack) {
            return Ok(Verdict::new(
                Reason::FutureTimestamp,
                format!(
                    "the token is genuine but issued {} in the future",
                    crypto::human_seconds(iat.saturating_sub(opts.now))
                ),
            )
            .header(AUTHORIZATION)
            .signed(signed)
            .hint("this machine's clock is behind the sender's: check both clocks (NTP)"));
        }
        let email = token.claims.get("email").and_then(Value::as_str);
        let mut v = Verdict::ok(format!(
            "the RS256 token is genuine, issued by {iss}{} for audience '{}'",
            email.map(|e| format!(" to {e}")).unwrap_or_default(),
            aud.join("', '")
        ))
        .header(AUTHORIZATION)
        .signed(signed);
        if d.url.is_none() {
            v = v.hint("the audience was not checked: pass --url with the push endpoint URL");
        }
        Ok(v.hint("the token authenticates the sender only: Pub/Sub does not sign the body"))
    }
}

impl Scheme for Google {
    fn info(&self) -> &Info {
        &self.info
    }

    /// A token like the one Pub/Sub sends, for the audience `--url`. Google's tokens also carry
    /// the push service account's `email`/`sub`, which hookctl has no way to know, so it leaves
    /// them out.
    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let private = load_private_key(req, "Google Pub/Sub", KeyAlg::Rsa)?;
        let header = jwt_header("RS256", req, &private);
        let PrivateKey::Rsa(key) = private else {
            return Err(SignError::BadKey("Google signs with an RSA key".into()));
        };
        let aud = req
            .url
            .as_deref()
            .ok_or_else(|| SignError::MissingUrl("Google Pub/Sub (the token's audience)".into()))?;
        let claims = json!({
            "aud": aud,
            "exp": req.timestamp.saturating_add(GOOGLE_LIFETIME),
            "iat": req.timestamp,
            "iss": GOOGLE_ISSUERS[0],
        });
        let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new(*key);
        let token = compact(&header, &claims, |input| signer.sign(input).to_vec());
        let mut headers = Headers::new();
        headers.push(AUTHORIZATION, format!("Bearer {token}"));
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }

    /// A 2048-bit RSA key derived from the seed (made once per seed and process: RSA prime
    /// generation takes seconds), as PKCS#8 PEM and a JWK like Google's published set.
    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        dev_key(PrivateKey::Rsa(Box::new(keys::rsa_from_seed(seed))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;

    fn plaid_case() -> (Delivery, KeyMaterial) {
        let s = Registry::builtin().get("plaid").unwrap();
        let km = s.new_key(&[3; 32]);
        let req = SignRequest {
            body: b"{\"webhook_type\":\"ITEM\"}".to_vec(),
            timestamp: 1_700_000_000,
            private_key: km.private_key.clone(),
            ..Default::default()
        };
        let mut d = Delivery::new(req.body.clone());
        d.headers = s.sign(&req).unwrap().headers;
        (d, km)
    }

    #[test]
    fn plaid_checks_the_body_hash_and_the_algorithm() {
        let s = Registry::builtin().get("plaid").unwrap();
        let (d, km) = plaid_case();
        let at = VerifyOptions::at(1_700_000_010);
        assert!(s.verify(&d, &km.verifying_keys(), &at).is_valid());
        let mut changed = d.clone();
        changed.body.push(b'\n');
        assert_eq!(
            s.verify(&changed, &km.verifying_keys(), &at).reason,
            Reason::BodyModified
        );
        // Re-labelled as HS256: refused before any key is tried.
        let jwt = d.headers.get(PLAID_HEADER).unwrap();
        let rest = jwt.split_once('.').unwrap().1;
        let forged = format!(
            "{}.{rest}",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#)
        );
        let mut f = d.clone();
        f.headers.set(PLAID_HEADER, forged);
        assert_eq!(
            s.verify(&f, &km.verifying_keys(), &at).reason,
            Reason::MalformedHeader
        );
        // A JWK set without the token's kid is the wrong key.
        let other = format!(
            "{{\"keys\":[{}]}}",
            keys::public_jwk(
                &keys::parse_public_keys(km.public_key.as_deref().unwrap()).unwrap()[0].key,
                Some("k2")
            )
        );
        let v = s.verify(
            &d,
            &Keys {
                secrets: vec![],
                public_key: Some(other),
            },
            &at,
        );
        assert_eq!(v.reason, Reason::WrongKey, "{}", v.detail);
    }

    #[test]
    fn the_kid_is_the_flag_else_the_private_jwk_s_else_the_key_s_thumbprint() {
        let s = Registry::builtin().get("plaid").unwrap();
        let km = s.new_key(&[3; 32]);
        let kid_of = |req: &SignRequest| -> Value {
            let jwt = s
                .sign(req)
                .unwrap()
                .headers
                .get(PLAID_HEADER)
                .unwrap()
                .to_string();
            let head = b64url_decode(jwt.split('.').next().unwrap()).unwrap();
            serde_json::from_slice::<Value>(&head).unwrap()["kid"].clone()
        };
        let mut req = SignRequest {
            body: b"{}".to_vec(),
            private_key: km.private_key.clone(),
            ..Default::default()
        };
        let published: Value = serde_json::from_str(km.public_key.as_deref().unwrap()).unwrap();
        assert_eq!(kid_of(&req), published["kid"]);
        let mut jwk: Value = serde_json::from_str(
            &p256::SecretKey::from(&keys::p256_from_seed(&[3; 32])).to_jwk_string(),
        )
        .unwrap();
        jwk["kid"] = "from-the-jwk".into();
        req.private_key = Some(jwk.to_string());
        assert_eq!(kid_of(&req), "from-the-jwk");
        req.key_id = Some("from-the-flag".into());
        assert_eq!(kid_of(&req), "from-the-flag");
    }

    #[test]
    fn google_checks_audience_expiry_and_key() {
        let s = Registry::builtin().get("google").unwrap();
        let km = s.new_key(&[7; 32]);
        let url = "https://push.example.com/pubsub";
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            private_key: km.private_key.clone(),
            url: Some(url.into()),
            ..Default::default()
        };
        let mut d = Delivery::new(b"{}".to_vec());
        d.url = Some(url.into());
        d.headers = s.sign(&req).unwrap().headers;
        let keys = km.verifying_keys();
        assert!(
            s.verify(&d, &keys, &VerifyOptions::at(1_700_000_100))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &keys, &VerifyOptions::at(1_700_003_601))
                .reason,
            Reason::ExpiredTimestamp
        );
        let slack = VerifyOptions {
            now: 1_700_003_601,
            tolerance: Some(60),
        };
        assert!(s.verify(&d, &keys, &slack).is_valid());
        assert_eq!(
            s.verify(&d, &keys, &VerifyOptions::at(1_699_999_000))
                .reason,
            Reason::FutureTimestamp
        );
        let mut elsewhere = d.clone();
        elsewhere.url = Some("https://other.example.com/".into());
        assert_eq!(
            s.verify(&elsewhere, &keys, &VerifyOptions::at(1_700_000_100))
                .reason,
            Reason::UrlModified
        );
        let p256 = Registry::builtin()
            .get("plaid")
            .unwrap()
            .new_key(&[1; 32])
            .verifying_keys();
        assert_eq!(
            s.verify(&d, &p256, &VerifyOptions::at(1_700_000_100))
                .reason,
            Reason::WrongKey
        );
        let no_url = SignRequest { url: None, ..req };
        assert!(matches!(s.sign(&no_url), Err(SignError::MissingUrl(_))));
    }

    #[test]
    fn hostile_tokens_never_panic() {
        for s in ["plaid", "google"] {
            let s = Registry::builtin().get(s).unwrap();
            let header = s.info().headers[0].clone();
            for v in [
                "",
                ".",
                "..",
                "a.b.c",
                "Bearer a.b.c",
                "Bearer e30.e30.AA",
                "e30.e30.AA",
                "Bearer .....",
                "Bearer \u{0}",
            ] {
                let mut d = Delivery::new(b"x".to_vec());
                d.headers.push(&header, v);
                let keys = Keys {
                    secrets: vec![],
                    public_key: Some("{\"keys\":[]}".into()),
                };
                assert!(!s.verify(&d, &keys, &VerifyOptions::at(0)).is_valid());
            }
        }
    }
}
