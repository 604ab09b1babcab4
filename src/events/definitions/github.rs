//! GitHub: the webhook JSON schemas of `@octokit/webhooks-schemas`, one definition per event
//! (`push$event`) or, where the event has actions, per event and action (`pull_request$opened`).

use std::sync::LazyLock;

use jsonschema::Draft;
use serde_json::Value;

use super::checked::{Checked, Problem};
use super::document::Document;

/// Keep in step with `data/github/SOURCE.md` (`scripts/definitions/github.sh` writes both).
pub const SOURCE: &str = "@octokit/webhooks-schemas 7.6.1";

static DOCUMENT: LazyLock<Result<Document, String>> = LazyLock::new(|| {
    Document::parse(
        "https://hookctl.invalid/definitions/github/schema.json",
        include_str!("data/github/schema.json"),
        Draft::Draft7,
    )
});

pub fn check(event_type: &str, payload: &Value) -> Checked {
    let doc = match &*DOCUMENT {
        Ok(doc) => doc,
        Err(message) => {
            return Checked::Checked {
                source: SOURCE,
                problems: vec![Problem {
                    path: "$".into(),
                    message: message.clone(),
                }],
            };
        }
    };
    let problems = match definition(doc, event_type, payload) {
        Some(Ok(pointer)) => doc.check(&pointer, payload),
        Some(Err(problem)) => vec![problem],
        None => return Checked::NoDefinition,
    };
    Checked::Checked {
        source: SOURCE,
        problems,
    }
}

/// The pointer to the definition `payload` is checked against: the event's own (`push$event`), or
/// that of its action (`pull_request$opened`); a problem when the action is not one GitHub sends.
fn definition(
    doc: &Document,
    event_type: &str,
    payload: &Value,
) -> Option<Result<String, Problem>> {
    let whole = format!("/definitions/{event_type}$event");
    if doc.get(&whole).is_some() {
        return Some(Ok(whole));
    }
    // An event with actions: `X_event` is the oneOf of every `X$action`.
    let actions: Vec<&str> = doc
        .get(&format!("/definitions/{event_type}_event/oneOf"))?
        .as_array()?
        .iter()
        .filter_map(|r| r.get("$ref")?.as_str())
        .filter_map(|r| r.strip_prefix(&format!("#/definitions/{event_type}$")))
        .collect();
    let action = payload.get("action").and_then(Value::as_str);
    Some(match action {
        Some(a) if actions.contains(&a) => Ok(format!("/definitions/{event_type}${a}")),
        Some(a) => Err(Problem {
            path: "action".into(),
            message: format!(
                "GitHub sends no {event_type} event with action \"{a}\": it sends {}",
                actions.join(", ")
            ),
        }),
        None => Err(Problem {
            path: "action".into(),
            message: format!(
                "a {event_type} event carries an action, one of {}",
                actions.join(", ")
            ),
        }),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_event_with_actions_is_checked_against_its_actions_definition() {
        let Checked::Checked { problems, .. } =
            check("pull_request", &json!({"action": "teleported"}))
        else {
            panic!("pull_request has a definition");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "action");
        assert!(problems[0].message.contains("opened"), "{problems:?}");
        let Checked::Checked { problems, .. } = check("pull_request", &json!({"action": "opened"}))
        else {
            panic!("pull_request has a definition");
        };
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("\"pull_request\"")),
            "{problems:?}"
        );
        assert_eq!(check("no_such_event", &json!({})), Checked::NoDefinition);
    }
}
