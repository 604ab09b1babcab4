//! Tunnel names and tokens: what a valid name is, fresh unguessable names, and token checks in
//! constant time (tokens are kept only as SHA-256 hashes).

use rand::Rng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A DNS-label-like name, so it also works as a subdomain behind a wildcard proxy.
pub fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "tunnel name '{name}' is not valid: use 1-63 lower-case letters, digits and inner dashes"
        ))
    }
}

/// 16 characters from 36: about 82 bits, so a random tunnel's URL cannot be guessed.
pub fn random_name() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    (0..16)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A random secret for `Hello.key`.
pub fn random_key() -> String {
    hex::encode(rand::random::<[u8; 24]>())
}

pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Whether two connections come from the same client: the same token (a reserved name's
/// owner), or, without tokens, the same key.
pub fn same_client(
    (owner_a, key_a): (Option<&str>, Option<&str>),
    (owner_b, key_b): (Option<&str>, Option<&str>),
) -> bool {
    match (owner_a, owner_b, key_a, key_b) {
        (Some(a), Some(b), _, _) => same_hash(a, b),
        (None, None, Some(a), Some(b)) => same_hash(a, b),
        _ => false,
    }
}

/// Refuses a blank token, from `--token` or `HOOKCTL_RELAY_TOKEN` (clap hands an empty variable
/// over as an empty value): `--token "$UNSET"` must not quietly open a relay, or connect without
/// one. An open relay is only what no token at all asks for. The error is one line for the user.
pub fn check_tokens(given: &[String]) -> Result<(), String> {
    if given.iter().any(|t| t.trim().is_empty()) {
        return Err(
            "the token (--token or HOOKCTL_RELAY_TOKEN) is empty or blank: give the token itself, or leave both out for an open relay"
                .to_string(),
        );
    }
    Ok(())
}

/// The tokens a relay accepts, as hashes. Empty: the relay is open.
#[derive(Debug, Clone, Default)]
pub struct Tokens(Vec<String>);

impl Tokens {
    pub fn new(tokens: impl IntoIterator<Item = String>) -> Tokens {
        Tokens(
            tokens
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| hash(&t))
                .collect(),
        )
    }

    /// Tokens from `--token` and `--tokens-file` (one a line; blank lines and `#` comments skipped).
    pub fn load(flags: &[String], file: Option<&std::path::Path>) -> Result<Tokens, String> {
        let mut all: Vec<String> = flags.to_vec();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                format!(
                    "cannot read --tokens-file {}: {e} (one token a line)",
                    path.display()
                )
            })?;
            all.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(String::from),
            );
            if all.is_empty() {
                return Err(format!(
                    "--tokens-file {} holds no token: put one a line",
                    path.display()
                ));
            }
        }
        Ok(Tokens::new(all))
    }

    /// The accepted tokens' hashes.
    pub fn hashes(&self) -> &[String] {
        &self.0
    }

    pub fn is_open(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `token` is one of ours; every stored hash is compared, in constant time each.
    pub fn accepts(&self, token: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(t) = token else { return false };
        let h = hash(t);
        self.0
            .iter()
            .fold(false, |found, mine| found | same_hash(mine, &h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_dns_labels() {
        assert!(check_name("demo-1").is_ok());
        for bad in ["", "-a", "a-", "Demo", "a/b", "a.b", &"x".repeat(64)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        let n = random_name();
        assert!(check_name(&n).is_ok() && n.len() == 16);
        assert_ne!(random_name(), n);
    }

    #[test]
    fn tokens_accept_only_their_own() {
        let t = Tokens::new(["alpha".to_string(), "beta".to_string()]);
        assert!(t.accepts(Some("beta")));
        assert!(!t.accepts(Some("gamma")) && !t.accepts(None));
        assert!(Tokens::default().accepts(None));
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("tokens");
        std::fs::write(&f, "# team\none\n\ntwo\n").unwrap();
        let t = Tokens::load(&[], Some(&f)).unwrap();
        assert!(t.accepts(Some("two")) && !t.accepts(Some("# team")));
        std::fs::write(&f, "\n").unwrap();
        assert!(Tokens::load(&[], Some(&f)).is_err());
        assert!(Tokens::load(&[], Some(&dir.path().join("missing"))).is_err());
    }
}
