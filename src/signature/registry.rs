//! The table of providers: built-in schemes plus the user's named generic schemes.

use std::sync::{Arc, LazyLock};

use super::scheme::Scheme;
use crate::message::Headers;

pub type SchemeRef = Arc<dyn Scheme>;

pub struct Registry {
    schemes: Vec<SchemeRef>,
    /// Ids of the schemes the user defined (the config file's), as opposed to built-in ones.
    custom: Vec<String>,
}

static BUILTIN: LazyLock<Registry> = LazyLock::new(|| {
    // The families are gathered in any order, then sorted by id: `providers` lists them in that
    // order, and `detect`'s sorts are stable, so among equally likely providers the earlier id is
    // tried first. Which provider `--provider auto` tries first is `detect`'s rule, not this list's.
    let mut schemes: Vec<SchemeRef> = Vec::new();
    schemes.extend(super::standard_webhooks::providers());
    schemes.extend(super::hmac_providers::providers());
    schemes.extend(super::hmac_look_alikes::providers());
    schemes.extend(super::twilio::providers());
    schemes.extend(super::hubspot::providers());
    schemes.extend(super::body_fields::providers());
    schemes.extend(super::contentful::providers());
    schemes.extend(super::box_signature::providers());
    schemes.extend(super::asymmetric::providers());
    schemes.extend(super::jwt::providers());
    schemes.extend(super::token::providers());
    schemes.sort_by_key(|s| s.info().id.clone());
    // A user's handler runs the provider's SDK: verdicts follow what it enforces.
    Registry {
        schemes: schemes.into_iter().map(super::faithful::faithful).collect(),
        custom: Vec::new(),
    }
});

impl Registry {
    /// The built-in providers.
    pub fn builtin() -> &'static Registry {
        &BUILTIN
    }

    /// The built-in providers, then the user's `custom` schemes, each listed, detected and
    /// found by id like a built-in one. A custom scheme named like a built-in replaces it, as
    /// `--provider NAME` picks the config's scheme first.
    pub fn with_custom(custom: Vec<SchemeRef>) -> Registry {
        let ids: Vec<String> = custom.iter().map(|s| s.info().id.clone()).collect();
        let mut schemes: Vec<SchemeRef> = Self::builtin()
            .schemes
            .iter()
            .filter(|s| !ids.contains(&s.info().id))
            .cloned()
            .collect();
        schemes.extend(custom);
        Registry {
            schemes,
            custom: ids,
        }
    }

    pub fn all(&self) -> &[SchemeRef] {
        &self.schemes
    }

    /// Whether `id` is one of the user's schemes rather than a built-in provider.
    pub fn is_custom(&self, id: &str) -> bool {
        self.custom.iter().any(|c| c == id)
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

/// The providers a delivery may come from, most likely first: those whose identifying headers
/// are all present; failing that, those whose signature header is present (a pasted delivery
/// often lacks the event headers), providers that can be told apart ahead of look-alikes.
/// The caller verifies each in turn, so a shared header name cannot give a wrong verdict.
pub fn detect(registry: &Registry, headers: &Headers) -> Vec<SchemeRef> {
    let select = |pred: &dyn Fn(&super::scheme::Info) -> bool| -> Vec<SchemeRef> {
        registry
            .all()
            .iter()
            .filter(|s| pred(s.info()))
            .cloned()
            .collect()
    };
    let mut found =
        select(&|i| !i.detect.is_empty() && i.detect.iter().all(|h| headers.contains(h)));
    if found.is_empty() {
        found = select(&|i| i.headers.first().is_some_and(|h| headers.contains(h)));
        found.sort_by_key(|s| s.info().detect.is_empty());
    } else {
        // The more headers a provider needs to match, the more specific the match, and only the
        // most specific are candidates: a GitHub delivery (X-GitHub-Event) whose sha256
        // signature fails is invalid, not valid as Intercom's sha1 on GitHub's legacy header.
        found.sort_by_key(|s| std::cmp::Reverse(s.info().detect.len()));
        let most = found.first().map_or(0, |s| s.info().detect.len());
        found.retain(|s| s.info().detect.len() == most || registry.is_custom(&s.info().id));
    }
    // A scheme the user defined is what they expect on a header it shares with a built-in one.
    found.sort_by_key(|s| !registry.is_custom(&s.info().id));
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
    fn detects_by_identifying_headers_then_by_signature_header() {
        let reg = Registry::builtin();
        let ids = |h: &[(&str, &str)]| -> Vec<String> {
            detect(reg, &h.iter().copied().collect())
                .iter()
                .map(|s| s.info().id.clone())
                .collect()
        };
        assert_eq!(ids(&[("Stripe-Signature", "t=1,v1=a")]), ["stripe"]);
        assert_eq!(
            ids(&[
                ("X-Hub-Signature-256", "sha256=a"),
                ("X-GitHub-Event", "push")
            ])[0],
            "github"
        );
        // Without X-GitHub-Event, GitHub still comes ahead of Meta's look-alike scheme.
        let bare = ids(&[("X-Hub-Signature-256", "sha256=a")]);
        assert_eq!(bare[0], "github", "{bare:?}");
        assert!(bare.contains(&"facebook".to_string()));
        assert!(ids(&[("X-Nothing", "1")]).is_empty());
    }

    #[test]
    fn custom_schemes_are_listed_detected_first_and_replace_a_built_in_of_their_name() {
        let def = |header: &str| crate::signature::hmac_scheme::GenericDef {
            header: header.into(),
            algorithm: "sha256".into(),
            encoding: "hex".into(),
            ..Default::default()
        };
        let mine: SchemeRef = Arc::new(def("X-Hub-Signature-256").build("mine").unwrap());
        let stripe: SchemeRef = Arc::new(def("X-Not-Stripe").build("stripe").unwrap());
        let reg = Registry::with_custom(vec![mine, stripe]);
        assert!(reg.is_custom("mine") && !reg.is_custom("github"));
        assert_eq!(reg.all().len(), Registry::builtin().all().len() + 1);
        assert_eq!(reg.get("stripe").unwrap().info().headers[0], "X-Not-Stripe");
        let found = detect(
            &reg,
            &[("X-Hub-Signature-256", "sha256=a")].into_iter().collect(),
        );
        assert_eq!(found[0].info().id, "mine");
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
