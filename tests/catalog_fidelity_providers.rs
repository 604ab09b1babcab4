//! The providers checked against a definition extracted from their SDK types or OpenAPI spec
//! (Clerk, Discord, Intercom, Linear, Paddle, Slack, Square, Svix): the check is not vacuous, and
//! picks the definition of the event named. That every sample of theirs is checked, and matches,
//! is `catalog_fidelity::every_sample_of_a_provider_that_publishes_definitions_matches_them`.

use hookctl::events::Catalog;
use hookctl::events::definitions::{Checked, check, check_event};
use serde_json::Value;

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

#[test]
fn a_discord_ping_is_checked_against_the_definition_of_the_event_named_not_the_payloads_shape() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let interaction = catalog.get("discord.interaction.ping").unwrap();
    let webhook = catalog.get("discord.webhook.ping").unwrap();
    let problems = |event, payload: &Value| match check_event(event, payload) {
        Checked::Checked { problems, .. } => problems,
        Checked::NoDefinition => panic!("discord pings have a definition"),
    };

    // The webhook events URL's ping is not an interaction: it lacks the token an answer needs.
    let webhook_ping = webhook.generate(&mut rng).payload;
    assert_eq!(problems(webhook, &webhook_ping), []);
    let found = problems(interaction, &webhook_ping);
    assert!(
        found.iter().any(|p| p.message.contains("\"token\"")),
        "a webhook ping passed as an interaction ping: {found:?}"
    );

    // An interaction ping that lost its token is missing the token, whatever else it looks like.
    let mut tokenless = interaction.generate(&mut rng).payload;
    tokenless.as_object_mut().unwrap().remove("token");
    let found = problems(interaction, &tokenless);
    assert!(
        found.iter().any(|p| p.message.contains("\"token\"")),
        "{found:?}"
    );
    assert!(!found.iter().any(|p| p.path == "type"), "{found:?}");
}
