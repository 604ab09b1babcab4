//! The trait every signature scheme implements, and the requests, keys and answers it trades in.

use serde::Serialize;

use super::keys;
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

/// What `hookctl providers` shows, and what `--provider auto` and the explanations read.
#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub id: String,
    /// Display name, e.g. "GitHub".
    #[serde(skip)]
    pub name: String,
    /// e.g. "HMAC-SHA256 (hex)", "Ed25519", "ES256 JWT".
    pub algorithm: String,
    /// What is signed, e.g. "{timestamp}.{body}".
    pub signed: String,
    /// The headers the scheme reads or writes, signature header first.
    pub headers: Vec<String>,
    /// The provider's documented timestamp window; `None` where the scheme signs no time.
    pub tolerance_seconds: Option<u64>,
    pub can_sign: bool,
    /// Variants `sign --variant` accepts; the first is the default. Empty when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// Headers whose presence says a delivery came from this provider (`--provider auto`).
    #[serde(skip)]
    pub detect: Vec<String>,
    /// What kind of key verifies it.
    #[serde(skip)]
    pub key: KeyKind,
    /// The prefix of a correct secret, e.g. `whsec_` (used to explain a wrong secret).
    #[serde(skip)]
    pub secret_prefix: Option<String>,
    /// Where to read about the scheme.
    #[serde(skip)]
    pub docs: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyKind {
    /// A shared secret (`--secret`).
    #[default]
    Secret,
    /// A public key verifies (`--public-key`); a private key signs (`--private-key`).
    KeyPair,
}

/// Everything `sign` needs to produce the headers of one delivery.
#[derive(Debug, Clone, Default)]
pub struct SignRequest {
    pub body: Vec<u8>,
    /// Unix seconds; the scheme renders it in its own form.
    pub timestamp: i64,
    /// Message / delivery id where the scheme signs one.
    pub id: String,
    pub method: String,
    pub url: Option<String>,
    /// Request headers the scheme signs or reads (Content-Type, Contentful's signed headers).
    pub headers: Headers,
    pub secret: Option<String>,
    pub private_key: Option<String>,
    pub key_id: Option<String>,
    pub variant: Option<String>,
}

impl SignRequest {
    /// The shared secret, or the error that tells the user to pass one.
    pub fn require_secret(&self, info: &Info) -> Result<&str, SignError> {
        self.secret
            .as_deref()
            .ok_or_else(|| SignError::MissingSecret(info.name.clone()))
    }
}

/// The keys a verification may use. Several secrets: valid if any verifies (rotation).
#[derive(Debug, Clone, Default)]
pub struct Keys {
    pub secrets: Vec<String>,
    pub public_key: Option<String>,
}

/// The clock and window a verification runs under.
#[derive(Debug, Clone, Copy)]
pub struct VerifyOptions {
    /// Current time, Unix seconds.
    pub now: i64,
    /// Overrides the provider's default window.
    pub tolerance: Option<u64>,
}

impl VerifyOptions {
    pub fn at(now: i64) -> Self {
        VerifyOptions {
            now,
            tolerance: None,
        }
    }
    pub fn now() -> Self {
        Self::at(chrono::Utc::now().timestamp())
    }
}

/// What `sign` produces: the headers to send, and the body where the scheme signs inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signed {
    pub headers: Headers,
    /// `Some` only for schemes whose signature lives in the body (Mailgun).
    pub body: Option<Vec<u8>>,
    /// `Some` only where the scheme changes the URL to send to (Twilio's `bodySHA256`).
    pub url: Option<String>,
}

impl From<Headers> for Signed {
    fn from(headers: Headers) -> Self {
        Signed {
            headers,
            body: None,
            url: None,
        }
    }
}

/// Why `sign` could not produce a signature: always the caller's input (exit 2).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignError {
    #[error("{0} signs with a shared secret: pass --secret (or set HOOKCTL_SECRET)")]
    MissingSecret(String),
    #[error("{0} signs with a private key: pass --private-key")]
    MissingPrivateKey(String),
    #[error("{0} signs the request URL: pass --url")]
    MissingUrl(String),
    #[error("{provider} has no variant '{variant}'; choose one of: {choices}")]
    UnknownVariant {
        provider: String,
        variant: String,
        choices: String,
    },
    #[error("{0}")]
    BadKey(String),
    #[error("{0}")]
    Unsupported(String),
}

/// One signature scheme. Implementations keep no state between calls.
pub trait Scheme: Send + Sync {
    fn info(&self) -> &Info;

    /// The headers a real delivery of `req.body` would carry: signature, plus the timestamp and
    /// id headers the scheme uses. Same inputs, same output.
    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError>;

    /// Checks a received delivery. Must compare in constant time and never panic on any input.
    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict;

    /// A fresh key in the form this provider issues, made from 32 random bytes the caller
    /// supplies: the development secret `trigger` creates, and the keys tests sign with.
    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        let prefix = self.info().secret_prefix.clone().unwrap_or_default();
        KeyMaterial {
            secret: Some(format!("{prefix}{}", hex::encode(seed))),
            ..Default::default()
        }
    }
}

/// Key material in the forms the CLI takes: `--secret`, or `--private-key` with `--public-key`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyMaterial {
    pub secret: Option<String>,
    pub private_key: Option<String>,
    pub public_key: Option<String>,
    /// The key id tokens name (`--key-id`) [default: the public JWK's `kid`].
    pub key_id: Option<String>,
}

impl KeyMaterial {
    /// A request to sign with this key at `timestamp` (Unix seconds) under message id `id`;
    /// [`attach`] fills in the delivery's body, URL, method and headers. Without a key id given,
    /// a public JWK's `kid` is the one its tokens name, so that receivers find the key by it.
    pub fn sign_request(&self, timestamp: i64, id: String) -> SignRequest {
        SignRequest {
            timestamp,
            id,
            secret: self.secret.clone(),
            private_key: self.private_key.clone(),
            key_id: self
                .key_id
                .clone()
                .or_else(|| self.public_key.as_deref().and_then(keys::jwk_kid)),
            ..Default::default()
        }
    }

    /// The keys that verify what this material signs.
    pub fn verifying_keys(&self) -> Keys {
        Keys {
            secrets: self.secret.iter().cloned().collect(),
            public_key: self.public_key.clone(),
        }
    }
}

/// A message id for a delivery signed afresh (`replay --resign`, alerts): ids sort by time.
pub fn new_message_id() -> String {
    format!("msg_{}", uuid::Uuid::now_v7().simple())
}

/// Signs a request in place for sending: the scheme's own headers (old signature, timestamp, id)
/// are replaced by fresh ones, and the body or URL too where the scheme signs inside them. `req`
/// carries the key material, timestamp and id; its body, URL and method are taken from `delivery`.
pub fn attach(
    scheme: &dyn Scheme,
    delivery: &mut Delivery,
    mut req: SignRequest,
) -> Result<(), SignError> {
    for h in &scheme.info().headers {
        delivery.headers.remove(h);
    }
    // Lent to the request and taken back, not copied: `load` signs every request it sends.
    req.body = std::mem::take(&mut delivery.body);
    req.url = delivery.url.take();
    req.method = std::mem::take(&mut delivery.method);
    req.headers = std::mem::take(&mut delivery.headers);
    let signed = scheme.sign(&req);
    delivery.body = req.body;
    delivery.url = req.url;
    delivery.method = req.method;
    delivery.headers = req.headers;
    let signed = signed?;
    // Moved, not copied.
    for (name, value) in signed.headers.0 {
        delivery.headers.set(name, value);
    }
    if let Some(body) = signed.body {
        delivery.body = body;
    }
    if let Some(url) = signed.url {
        delivery.url = Some(url);
    }
    Ok(())
}
