//! Catalog fidelity: every sample of a provider that publishes definitions of its events matches
//! them (GitHub: `@octokit/webhooks-schemas`, Stripe: stripe-node's types, the others: the
//! documents `scripts/definitions/` extracts), several generated instances per event since values
//! vary, and `events lint` checks a payload against the same definitions. What each provider's
//! definition catches (a field dropped, a wrong type) is held in `stripe_definitions.rs` and
//! `catalog_fidelity_providers.rs`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::stdout_json;
use hookctl::events::Catalog;
use hookctl::events::definitions::{Checked, check_event};
use serde_json::Value;

/// Generated instances checked per event: values (choices, nulls, counts) vary between instances.
const INSTANCES: usize = 8;

/// The providers whose samples are checked against their published definitions. A provider whose
/// definition stopped loading or lost its events would check nothing, and drop out of this list.
const WITH_DEFINITIONS: &[&str] = &[
    "clerk", "discord", "github", "intercom", "linear", "paddle", "slack", "square", "stripe",
    "svix",
];

/// Events of a provider that publishes definitions, but none of these: (event, why).
const NOT_DEFINED: &[(&str, &str)] = &[
    (
        "slack.url_verification",
        "Bolt answers the handshake itself and types no url_verification",
    ),
    (
        "intercom.ping",
        "Intercom's spec defines the objects a notification carries; a ping carries none",
    ),
];

#[derive(Default)]
struct Tally {
    events: usize,
    samples: usize,
    valid: usize,
    source: Option<&'static str>,
    without_definition: BTreeSet<String>,
}

#[test]
fn every_sample_of_a_provider_that_publishes_definitions_matches_them() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for event in catalog.events() {
        let Some(provider) = &event.provider else {
            continue;
        };
        let tally = tallies.entry(provider.clone()).or_default();
        tally.events += 1;
        let mut failed = 0;
        let mut first_failure = None;
        for _ in 0..INSTANCES {
            let payload = event.generate(&mut rng).payload;
            match check_event(event, &payload) {
                Checked::NoDefinition => {
                    tally.without_definition.insert(event.id.clone());
                    break;
                }
                Checked::Checked { source, problems } => {
                    tally.source = Some(source);
                    tally.samples += 1;
                    if problems.is_empty() {
                        tally.valid += 1;
                    } else {
                        failed += 1;
                        let listed: Vec<String> = problems
                            .iter()
                            .take(4)
                            .map(|p| format!("    {}: {}", p.path, p.message))
                            .collect();
                        first_failure.get_or_insert(format!(
                            "{source}, {} problems, e.g.:\n{}",
                            problems.len(),
                            listed.join("\n")
                        ));
                    }
                }
            }
        }
        if let Some(first) = first_failure {
            failures.push(format!(
                "{}: {failed} of {INSTANCES} samples do not match {first}",
                event.id
            ));
        }
    }
    println!(
        "{:<18} {:>6} {:>8} {:>6}  definition",
        "provider", "events", "samples", "valid"
    );
    for (provider, t) in &tallies {
        let Some(source) = t.source else { continue };
        println!(
            "{provider:<18} {:>6} {:>8} {:>6}  {source}",
            t.events, t.samples, t.valid
        );
        // A provider that publishes definitions has one for every event we imitate: an event
        // left unchecked would drift unnoticed.
        for id in &t.without_definition {
            if NOT_DEFINED.iter().any(|(e, _)| e == id) {
                continue;
            }
            failures.push(format!("{id}: {source} has no definition of it"));
        }
    }
    let checked: Vec<&str> = tallies
        .iter()
        .filter(|(_, t)| t.source.is_some())
        .map(|(provider, _)| provider.as_str())
        .collect();
    assert_eq!(
        checked, WITH_DEFINITIONS,
        "the providers whose samples were checked against a definition"
    );
    for provider in WITH_DEFINITIONS {
        let t = &tallies[*provider];
        assert_eq!(
            t.samples,
            (t.events - t.without_definition.len()) * INSTANCES,
            "{provider}: every event but {:?} is checked, {INSTANCES} samples each",
            t.without_definition
        );
    }
    // An event listed as not defined that is defined now is checked again: take it off the list.
    let without: BTreeSet<&str> = tallies
        .values()
        .flat_map(|t| t.without_definition.iter().map(String::as_str))
        .collect();
    for (id, _) in NOT_DEFINED {
        assert!(
            without.contains(id),
            "{id} is checked against a definition now: remove it from NOT_DEFINED"
        );
    }
    assert!(
        tallies["github"].events >= 100,
        "every GitHub event is checked"
    );
    assert_eq!(
        tallies["stripe"].events, 41,
        "the issue names 41 stripe.* events"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_github_sample_missing_a_field_its_definition_requires_fails_naming_where() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let mut passed = Vec::new();
    for event in catalog
        .events()
        .iter()
        .filter(|e| e.provider.as_deref() == Some("github"))
    {
        // A field GitHub always sends inside an object every delivery of the event carries.
        let mut payload = event.generate(&mut rng).payload;
        let (object, field) = [
            ("sender", "node_id"),
            ("repository", "node_id"),
            ("security_advisory", "ghsa_id"),
        ]
        .into_iter()
        .find(|(o, _)| payload.get(o).is_some())
        .unwrap_or_else(|| panic!("{}: no sender, repository or advisory", event.id));
        let removed = payload[object].as_object_mut().unwrap().remove(field);
        assert!(removed.is_some(), "{}: {object}.{field}", event.id);
        let Checked::Checked { problems, .. } = check_event(event, &payload) else {
            panic!("{} has no definition", event.id);
        };
        if !problems
            .iter()
            .any(|p| p.path == object && p.message.contains(field))
        {
            passed.push(format!("{}: {problems:?}", event.id));
        }
    }
    assert!(
        passed.is_empty(),
        "a sample missing a required field was not caught:\n{}",
        passed.join("\n")
    );
}

fn hookctl(dir: &tempfile::TempDir) -> assert_cmd::Command {
    common::hookctl(dir.path())
}

/// `events lint FILE --event EVENT --json`: the exit code and the JSON report.
fn lint(dir: &tempfile::TempDir, event: &str, payload: &Value) -> (Option<i32>, Value) {
    let file = dir.path().join("payload.json");
    std::fs::write(&file, serde_json::to_vec(payload).unwrap()).unwrap();
    let out = hookctl(dir)
        .args(["events", "lint", "--json"])
        .arg(&file)
        .args(["--event", event])
        .output()
        .unwrap();
    (out.status.code(), stdout_json(&out))
}

#[test]
fn events_lint_checks_a_github_payload_against_octokits_schema_and_names_a_missing_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["events", "show", "github.pull_request.opened", "--json"])
        .output()
        .unwrap();
    let mut payload = stdout_json(&out)["sample"].clone();
    let (code, report) = lint(&dir, "github.pull_request.opened", &payload);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["valid"], true);
    assert!(
        report["definition"]
            .as_str()
            .unwrap()
            .starts_with("@octokit/webhooks-schemas "),
        "{report}"
    );

    // Truncated: the head commit's sha is gone.
    payload["pull_request"]["head"]
        .as_object_mut()
        .unwrap()
        .remove("sha");
    let file = dir.path().join("truncated.json");
    std::fs::write(&file, serde_json::to_vec(&payload).unwrap()).unwrap();
    let out = hookctl(&dir)
        .args(["events", "lint"])
        .arg(&file)
        .args(["--event", "github.pull_request.opened"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("pull_request.head: ") && l.contains("\"sha\"")),
        "{text}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("@octokit/webhooks-schemas"),
        "the verdict names the definition"
    );

    // An action GitHub never sends with this event is named, with the ones it does.
    payload["action"] = "teleported".into();
    let (code, report) = lint(&dir, "github.pull_request.opened", &payload);
    assert_eq!(code, Some(1));
    let first = &report["violations"][0];
    assert_eq!(first["path"], "action", "{report}");
    assert!(first["message"].as_str().unwrap().contains("synchronize"));

    // Another action's delivery matches its own definition, but it is not this event.
    let out = hookctl(&dir)
        .args(["events", "show", "github.pull_request.closed", "--json"])
        .output()
        .unwrap();
    let closed = stdout_json(&out)["sample"].clone();
    let (code, report) = lint(&dir, "github.pull_request.closed", &closed);
    assert_eq!(code, Some(0), "{report}");
    let (code, report) = lint(&dir, "github.pull_request.opened", &closed);
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(
        report["violations"],
        serde_json::json!([{"path": "action", "message": "\"closed\" is not the action of github.pull_request.opened, which is \"opened\""}])
    );
}

#[test]
fn events_lint_falls_back_to_the_catalogs_schema_where_no_definition_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["events", "show", "ticket.created", "--json"])
        .output()
        .unwrap();
    let payload = stdout_json(&out)["sample"].clone();
    let (code, report) = lint(&dir, "ticket.created", &payload);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["definition"], Value::Null);
}

#[test]
fn events_lint_passes_octokits_example_github_deliveries_and_fails_them_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let recorded =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/definitions/github");
    for (file, event) in [
        ("pull_request.opened.json", "github.pull_request.opened"),
        ("push.json", "github.push"),
        ("check_run.rerequested.json", "github.check_run.rerequested"),
    ] {
        let delivery: Value =
            serde_json::from_slice(&std::fs::read(recorded.join(file)).unwrap()).unwrap();
        let (code, report) = lint(&dir, event, &delivery);
        assert_eq!(code, Some(0), "{file}: {report}");
        assert_eq!(report["violations"], serde_json::json!([]), "{file}");

        let mut truncated = delivery.clone();
        truncated["repository"]
            .as_object_mut()
            .unwrap()
            .remove("full_name");
        let (code, report) = lint(&dir, event, &truncated);
        assert_eq!(code, Some(1), "{file}: {report}");
        assert_eq!(
            report["violations"],
            serde_json::json!([{"path": "repository", "message": "\"full_name\" is a required property"}]),
            "{file}"
        );
    }
}
