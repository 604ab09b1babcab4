//! Providers whose definitions `scripts/definitions/` extracts from an SDK's TypeScript types or
//! an OpenAPI spec into one `data/<provider>/schema.json` each: one check serves them all.
//!
//! Each document holds `source` (package and version, or repository and commit), the `definitions` its events
//! reach, and `events`: one schema per event, keyed by the provider's own event type (where one
//! type has two shapes, `check_event` names the second's key).

use std::borrow::Cow;
use std::sync::OnceLock;

use jsonschema::Draft;
use serde_json::Value;

use super::checked::{Checked, Problem};
use super::document::Document;

struct Extracted {
    provider: &'static str,
    uri: &'static str,
    text: &'static str,
    document: OnceLock<Result<Document, String>>,
}

macro_rules! extracted {
    ($($provider:literal),* $(,)?) => {
        [$(Extracted {
            provider: $provider,
            uri: concat!("https://hookctl.invalid/definitions/", $provider, "/schema.json"),
            text: include_str!(concat!("data/", $provider, "/schema.json")),
            document: OnceLock::new(),
        }),*]
    };
}

/// Parsed on first use, one provider at a time: a run checks one or two providers, not all.
static PROVIDERS: [Extracted; 8] = extracted!(
    "clerk", "discord", "intercom", "linear", "paddle", "slack", "square", "svix"
);

/// Checks `payload` against `provider`'s definition of `event_type`; `NoDefinition` when the
/// provider or the event is not in an extracted document.
pub fn check(provider: &str, event_type: &str, payload: &Value) -> Checked {
    let Some(entry) = PROVIDERS.iter().find(|p| p.provider == provider) else {
        return Checked::NoDefinition;
    };
    let document = entry
        .document
        .get_or_init(|| Document::parse(entry.uri, entry.text, Draft::Draft7));
    let doc = match document {
        Ok(doc) => doc,
        Err(message) => {
            return Checked::Checked {
                source: "a definition document that does not load",
                problems: vec![Problem {
                    path: "$".into(),
                    message: message.clone(),
                }],
            };
        }
    };
    let source = doc
        .get("/source")
        .and_then(Value::as_str)
        .unwrap_or(entry.provider);
    let pointer = format!(
        "/events/{}",
        event_type.replace('~', "~0").replace('/', "~1")
    );
    if doc.get(&pointer).is_none() {
        return Checked::NoDefinition;
    }
    Checked::Checked {
        source,
        problems: doc.check(&pointer, &as_sent(provider, payload)),
    }
}

/// The payload as the definition sees it. Slack posts interactions as a form whose `payload`
/// field is a JSON string; Bolt's types describe that JSON, so a delivery read from the form is
/// checked with the field parsed.
fn as_sent<'a>(provider: &str, payload: &'a Value) -> Cow<'a, Value> {
    if provider == "slack"
        && let Some(Value::String(inner)) = payload.get("payload")
        && let Ok(parsed) = serde_json::from_str::<Value>(inner)
    {
        let mut payload = payload.clone();
        payload["payload"] = parsed;
        return Cow::Owned(payload);
    }
    Cow::Borrowed(payload)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_extracted_document_loads_and_names_its_source() {
        for p in &PROVIDERS {
            let doc = Document::parse(p.uri, p.text, Draft::Draft7).unwrap();
            let source = doc.get("/source").and_then(Value::as_str).unwrap_or("");
            assert!(source.contains(' '), "{}: source {source:?}", p.provider);
            assert!(
                doc.get("/events")
                    .and_then(Value::as_object)
                    .is_some_and(|e| !e.is_empty()),
                "{} has no events",
                p.provider
            );
        }
    }

    #[test]
    fn a_slack_interaction_read_from_its_form_is_checked_with_its_json_field_parsed() {
        let form = json!({"payload": "{\"type\":\"block_actions\"}"});
        assert_eq!(as_sent("slack", &form)["payload"]["type"], "block_actions");
        assert_eq!(as_sent("discord", &form), Cow::Borrowed(&form));
    }

    #[test]
    fn an_event_the_provider_does_not_define_has_no_definition() {
        assert_eq!(
            check("svix", "no.such.event", &json!({})),
            Checked::NoDefinition
        );
        assert_eq!(check("nobody", "x", &json!({})), Checked::NoDefinition);
    }
}
