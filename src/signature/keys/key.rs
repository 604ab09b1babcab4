//! The key types: algorithms, public and private keys, a key with its id, and the error that
//! says why a key could not be read.

use rsa::{RsaPrivateKey, RsaPublicKey};

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
