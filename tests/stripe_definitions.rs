//! The stripe.* catalog against Stripe's published definitions: a sample missing any field its
//! object always has fails, a real delivery (Stripe's own fixtures) passes and the same delivery
//! truncated fails. That every sample matches, several generated instances each, is
//! `catalog_fidelity::every_sample_of_a_provider_that_publishes_definitions_matches_them`.

mod common;

use common::stdout_json;
use hookctl::events::Catalog;
use hookctl::events::definitions::{Checked, Problem, check, check_event};
use serde_json::{Value, json};

fn problems(checked: Checked) -> (&'static str, Vec<Problem>) {
    match checked {
        Checked::Checked { source, problems } => (source, problems),
        Checked::NoDefinition => panic!("Stripe has a definition of this event"),
    }
}

/// The extracted definitions, to know which of an object's properties Stripe may leave out.
fn definitions() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/events/definitions/data/stripe/schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn fixtures() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/stripe/fixtures3.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A delivery as Stripe sends it: Stripe's fixture of an event around its fixture of an object.
fn fixture_delivery(event_type: &str, object: &str) -> Value {
    let fixtures = fixtures();
    let mut delivery = fixtures["event"].clone();
    delivery["type"] = event_type.into();
    delivery["data"] = json!({ "object": fixtures[object].clone() });
    delivery
}

#[test]
fn dropping_any_field_stripe_always_sends_from_a_sample_fails_the_check() {
    let catalog = Catalog::builtin().unwrap();
    let defs = definitions();
    let mut rng = rand::thread_rng();
    let mut dropped = 0;
    for event in catalog
        .events()
        .iter()
        .filter(|e| e.provider.as_deref() == Some("stripe"))
    {
        let payload = event.generate(&mut rng).payload;
        let object = defs["x-events"][&event.event_type].as_str().unwrap();
        let required = defs["$defs"][object]["required"].as_array().unwrap();
        let fields: Vec<String> = payload["data"]["object"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for field in fields {
            let always = required.iter().any(|r| r == field.as_str());
            if !always || (event.event_type == "invoice.upcoming" && field == "id") {
                continue;
            }
            let mut truncated = payload.clone();
            truncated["data"]["object"]
                .as_object_mut()
                .unwrap()
                .remove(&field);
            let (_, found) = problems(check_event(event, &truncated));
            assert!(
                found
                    .iter()
                    .any(|p| p.path == "data.object" && p.message.contains(&format!("\"{field}\""))),
                "{} without {field} passed: {found:?}",
                event.id
            );
            dropped += 1;
        }
    }
    eprintln!("stripe: {dropped} samples with one field dropped, each failed");
    assert!(dropped > 41 * 10, "{dropped}");
}

#[test]
fn a_field_dropped_deep_inside_a_sample_fails_the_check() {
    let catalog = Catalog::builtin().unwrap();
    let event = catalog.get("stripe.invoice.paid").unwrap();
    let mut payload = event.generate(&mut rand::thread_rng()).payload;
    payload["data"]["object"]["lines"]["data"][0]["period"]
        .as_object_mut()
        .unwrap()
        .remove("end");
    let (_, found) = problems(check_event(event, &payload));
    assert!(
        found
            .iter()
            .any(|p| p.path == "data.object.lines.data.0.period" && p.message.contains("\"end\"")),
        "{found:?}"
    );
}

#[test]
fn a_field_dropped_inside_an_object_stripe_may_send_as_null_is_named_where_it_is() {
    let catalog = Catalog::builtin().unwrap();
    let event = catalog.get("stripe.charge.succeeded").unwrap();
    let mut payload = event.generate(&mut rand::thread_rng()).payload;
    payload["data"]["object"]["payment_method_details"]["card"]
        .as_object_mut()
        .unwrap()
        .remove("last4");
    let (_, found) = problems(check_event(event, &payload));
    assert!(
        found
            .iter()
            .any(|p| p.path == "data.object.payment_method_details.card"
                && p.message.contains("\"last4\"")),
        "{found:?}"
    );
}

#[test]
fn a_real_stripe_delivery_passes_and_the_same_delivery_truncated_fails() {
    let delivery = fixture_delivery("payout.paid", "payout");
    let (_, found) = problems(check("stripe", "payout.paid", &delivery));
    assert!(found.is_empty(), "{found:#?}");

    let mut truncated = delivery.clone();
    let object = truncated["data"]["object"].as_object_mut().unwrap();
    let keep = object.len() / 2;
    let gone: Vec<String> = object.keys().skip(keep).cloned().collect();
    for key in &gone {
        object.remove(key);
    }
    let (_, found) = problems(check("stripe", "payout.paid", &truncated));
    assert_eq!(
        found.len(),
        gone.len(),
        "one problem per missing field: {found:#?}"
    );
}

#[test]
fn a_field_the_current_api_version_removed_is_a_problem() {
    // Stripe's own invoice fixture still carries `subscription`, which the current version moved
    // to `parent.subscription_details`; the pre-2025 samples also carried `paid`.
    let mut delivery = fixture_delivery("invoice.paid", "invoice");
    delivery["data"]["object"]["paid"] = true.into();
    let (_, found) = problems(check("stripe", "invoice.paid", &delivery));
    for removed in ["subscription", "paid"] {
        assert!(
            found
                .iter()
                .any(|p| p.path == "data.object" && p.message.contains(&format!("'{removed}'"))),
            "{removed}: {found:#?}"
        );
    }
}

#[test]
fn a_sample_at_another_api_version_or_of_another_event_type_is_a_problem() {
    let catalog = Catalog::builtin().unwrap();
    let event = catalog.get("stripe.charge.succeeded").unwrap();
    let mut payload = event.generate(&mut rand::thread_rng()).payload;
    payload["api_version"] = "2024-06-20".into();
    payload["type"] = "charge.failed".into();
    let (_, found) = problems(check_event(event, &payload));
    assert!(found.iter().any(|p| p.path == "api_version"), "{found:?}");
    assert!(found.iter().any(|p| p.path == "type"), "{found:?}");
}

/// `events lint FILE --event EVENT --json`: the exit code and the JSON report.
fn lint(dir: &tempfile::TempDir, event: &str, payload: &Value) -> (Option<i32>, Value) {
    let file = dir.path().join("delivery.json");
    std::fs::write(&file, serde_json::to_vec(payload).unwrap()).unwrap();
    let out = common::hookctl(dir.path())
        .args(["events", "lint", "--json"])
        .arg(&file)
        .args(["--event", event])
        .output()
        .unwrap();
    (out.status.code(), stdout_json(&out))
}

#[test]
fn events_lint_passes_a_real_stripe_delivery_and_fails_it_truncated_naming_stripes_definition() {
    let dir = tempfile::tempdir().unwrap();
    let delivery = fixture_delivery("payout.paid", "payout");
    let (code, report) = lint(&dir, "stripe.payout.paid", &delivery);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report["definition"]
            .as_str()
            .unwrap()
            .starts_with("Stripe API "),
        "{report}"
    );

    let mut truncated = delivery;
    for field in ["arrival_date", "trace_id"] {
        truncated["data"]["object"]
            .as_object_mut()
            .unwrap()
            .remove(field);
    }
    let (code, report) = lint(&dir, "stripe.payout.paid", &truncated);
    assert_eq!(code, Some(1), "{report}");
    let text = report.to_string();
    assert!(
        text.contains("arrival_date") && text.contains("trace_id"),
        "{report}"
    );
}
