//! Development keys derived from a seed: deterministic, so tests and `trigger` get the same key
//! for the same seed, and separate per label, so publishing one key reveals no other.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use rsa::RsaPrivateKey;
use sha2::{Digest, Sha256};

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
