//! The table of providers: built-in schemes plus the user's named generic schemes.

use std::sync::{Arc, LazyLock};

use super::{Headers, Scheme};

pub type SchemeRef = Arc<dyn Scheme>;

pub struct Registry {
    schemes: Vec<SchemeRef>,
}

static BUILTIN: LazyLock<Registry> = LazyLock::new(|| {
    let mut schemes: Vec<SchemeRef> = Vec::new();
    // Order matters for `--provider auto`: where two providers share a header, the first wins
    // unless the second's signature verifies.
    schemes.extend(super::standard_webhooks::providers());
    schemes.extend(super::hmac_table::providers());
    schemes.extend(super::hmac_more::providers());
    schemes.extend(super::twilio::providers());
    schemes.extend(super::hubspot::providers());
    schemes.extend(super::body_fields::providers());
    schemes.extend(super::request_signing::providers());
    schemes.extend(super::asymmetric::providers());
    schemes.extend(super::jwt::providers());
    schemes.extend(super::token::providers());
    schemes.sort_by_key(|s| s.info().id.clone());
    Registry { schemes }
});

impl Registry {
    /// The built-in providers.
    pub fn builtin() -> &'static Registry {
        &BUILTIN
    }

    pub fn all(&self) -> &[SchemeRef] {
        &self.schemes
    }

    pub fn get(&self, id: &str) -> Option<SchemeRef> {
        let id = id.to_ascii_lowercase();
        self.schemes.iter().find(|s| s.info().id == id).cloned()
    }

    /// The known id closest to a mistyped one, for "did you mean" messages.
    pub fn suggest(&self, id: &str) -> Option<String> {
        closest(id, self.schemes.iter().map(|s| s.info().id.as_str()))
    }
}

/// The providers whose identifying headers are all present, in registry order.
pub fn detect(registry: &Registry, headers: &Headers) -> Vec<SchemeRef> {
    let mut found: Vec<SchemeRef> = registry
        .all()
        .iter()
        .filter(|s| {
            let detect = &s.info().detect;
            !detect.is_empty() && detect.iter().all(|h| headers.contains(h))
        })
        .cloned()
        .collect();
    // The more headers a provider needs to match, the more specific the match.
    found.sort_by_key(|s| std::cmp::Reverse(s.info().detect.len()));
    found
}

/// The candidate closest to `word` by edit distance, if close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let word = word.to_ascii_lowercase();
    candidates
        .map(|c| (edit_distance(&word, c), c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2) || c.starts_with(&word) && word.len() >= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_lowercase_and_described() {
        let reg = Registry::builtin();
        let mut ids: Vec<&str> = reg.all().iter().map(|s| s.info().id.as_str()).collect();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate provider id");
        for s in reg.all() {
            let i = s.info();
            assert_eq!(i.id, i.id.to_ascii_lowercase());
            assert!(!i.headers.is_empty(), "{} lists no headers", i.id);
            assert!(!i.docs.is_empty(), "{} has no docs link", i.id);
        }
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            closest("strpie", ["stripe", "slack"].into_iter()),
            Some("stripe".into())
        );
        assert_eq!(closest("zzzzzz", ["stripe", "slack"].into_iter()), None);
    }
}
