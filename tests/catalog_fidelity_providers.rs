//! Every sample of the providers checked against a definition extracted from their SDK types or
//! OpenAPI spec (Clerk, Discord, Intercom, Linear, Paddle, Slack, Square, Svix) matches it, over several
//! generated instances since values vary; and the check is not vacuous.

use std::collections::BTreeMap;

use hookctl::events::Catalog;
use hookctl::events::definitions::{Checked, check, check_event};
use serde_json::Value;

/// The providers whose definitions `scripts/definitions/` extracts (GitHub and Stripe have their
/// own tests).
const PROVIDERS: &[&str] = &[
    "clerk", "discord", "intercom", "linear", "paddle", "slack", "square", "svix",
];

/// Generated instances per event: values (choices, nulls, counts) vary between instances.
const INSTANCES: usize = 8;

/// Where a provider's published types disagree with what the provider really sends, the sample
/// follows the deliveries, and the disagreement is named here: (event id prefix, path, why). A
/// path matches itself and what lies under it; `*name` matches any field whose name ends so.
const KNOWN_DISAGREEMENTS: &[(&str, &str, &str)] = &[
    (
        "clerk.user.",
        "data.email_addresses.0.verification",
        "@clerk/backend's VerificationJSON requires an `id` and an `object` among its resource \
         names; Clerk's deliveries carry `object: verification_otp` and no id",
    ),
    (
        "slack.",
        "context_enterprise_id",
        "@slack/bolt's EnvelopedEvent types it as a string; Slack sends null outside Enterprise Grid",
    ),
    (
        "discord.",
        "*flags",
        "discord-api-types types bit fields (UserFlags, GuildMemberFlags, ChannelFlags, RoleFlags…) \
         as enums of single bits; Discord sends 0 when no flag is set",
    ),
];

fn known(event: &str, path: &str) -> bool {
    KNOWN_DISAGREEMENTS.iter().any(|(e, pattern, _)| {
        event.starts_with(e)
            && match pattern.strip_prefix('*') {
                Some(suffix) => path.rsplit('.').next().is_some_and(|f| f.ends_with(suffix)),
                None => path == *pattern || path.starts_with(&format!("{pattern}.")),
            }
    })
}

#[derive(Default)]
struct Tally {
    events: usize,
    no_definition: Vec<String>,
    samples: usize,
    valid: usize,
    /// Valid only once a `KNOWN_DISAGREEMENTS` entry is set aside.
    valid_with_known: usize,
    source: &'static str,
}

#[test]
fn every_sample_of_the_extracted_providers_matches_the_providers_definition() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    // One line per event and path: generated values vary, the defect does not.
    let mut failures: BTreeMap<(String, String), String> = BTreeMap::new();
    for event in catalog.events() {
        let Some(provider) = PROVIDERS
            .iter()
            .find(|p| event.provider.as_deref() == Some(**p))
        else {
            continue;
        };
        let tally = tallies.entry(provider).or_default();
        tally.events += 1;
        for _ in 0..INSTANCES {
            let generated = event.generate(&mut rng);
            match check_event(event, &generated.payload) {
                Checked::NoDefinition => {
                    tally.no_definition.push(event.id.clone());
                    break;
                }
                Checked::Checked { source, problems } => {
                    tally.source = source;
                    tally.samples += 1;
                    let real: Vec<_> = problems
                        .iter()
                        .filter(|p| !known(&event.id, &p.path))
                        .collect();
                    if real.is_empty() {
                        tally.valid += 1;
                        if !problems.is_empty() {
                            tally.valid_with_known += 1;
                        }
                    } else {
                        for p in real {
                            failures
                                .entry((event.id.clone(), p.path.clone()))
                                .or_insert_with(|| p.message.chars().take(240).collect());
                        }
                    }
                }
            }
        }
    }
    println!(
        "provider   events  samples checked  valid  (of which with a known disagreement)  definition"
    );
    for (provider, t) in &tallies {
        println!(
            "{provider:<10} {:>6}  {:>15}  {:>5}  {:>36}  {}{}",
            t.events,
            t.samples,
            t.valid,
            t.valid_with_known,
            t.source,
            if t.no_definition.is_empty() {
                String::new()
            } else {
                format!(" (none for {})", t.no_definition.join(", "))
            }
        );
    }
    for provider in PROVIDERS {
        let t = &tallies[provider];
        assert!(
            t.samples >= INSTANCES,
            "{provider}: no sample was checked against a definition"
        );
    }
    let lines: Vec<String> = failures
        .iter()
        .map(|((id, path), message)| format!("{id}: {path}: {message}"))
        .collect();
    assert!(
        lines.is_empty(),
        "{} samples depart from the provider's definition:\n{}",
        lines.len(),
        lines.join("\n")
    );
}

#[test]
fn a_sample_missing_a_field_the_definition_requires_fails_the_check() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    for (id, path) in [
        ("clerk.organization.created", "/data/slug"),
        ("svix.endpoint.created", "/data/endpointId"),
        ("linear.issue.create", "/data/identifier"),
    ] {
        let event = catalog.get(id).unwrap();
        let mut payload = event.generate(&mut rng).payload;
        let (parent, field) = path.rsplit_once('/').unwrap();
        let removed = payload
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .and_then(|o| o.remove(field));
        assert!(removed.is_some(), "{id} has no {path}");
        let Checked::Checked { problems, .. } = check_event(event, &payload) else {
            panic!("{id} has no definition");
        };
        assert!(
            problems.iter().any(|p| p.message.contains(field)),
            "{id} without {path} passed: {problems:?}"
        );
    }
}

#[test]
fn a_payload_of_the_wrong_type_for_a_field_fails_the_check() {
    let payload = serde_json::json!({"type": "payment.created", "data": {"id": 42}});
    let Checked::Checked { problems, source } = check("square", "payment.created", &payload) else {
        panic!("square.payment.created has no definition");
    };
    assert!(
        source.contains("square/connect-api-specification"),
        "{source}"
    );
    assert!(problems.iter().any(|p| p.path == "data.id"), "{problems:?}");
}
