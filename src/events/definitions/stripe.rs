//! Stripe: the event envelope and the schema of the object each event carries in `data.object`,
//! extracted from stripe-node's declarations of Stripe's OpenAPI spec (`data/stripe/SOURCE.md`).

use std::borrow::Cow;
use std::sync::LazyLock;

use jsonschema::Draft;
use serde_json::{Value, json};

use super::checked::{Checked, Problem};
use super::document::Document;

/// Keep in step with `data/stripe/SOURCE.md` (`scripts/definitions/stripe.sh` writes both); a
/// test holds it to the API version the document was extracted for.
pub const SOURCE: &str =
    "Stripe API 2026-11-18.endive (stripe-node 23.2.0 types, from Stripe's OpenAPI spec v2602)";

static DOCUMENT: LazyLock<Result<Document, String>> = LazyLock::new(|| {
    Document::parse(
        "https://hookctl.invalid/definitions/stripe/schema.json",
        include_str!("data/stripe/schema.json"),
        Draft::Draft202012,
    )
});

/// The API version the definitions describe: what Stripe sends an account pinned to it.
pub fn api_version() -> Option<&'static str> {
    DOCUMENT.as_ref().ok()?.get("/x-api-version")?.as_str()
}

/// Checks a whole delivery: the envelope, and `data.object` against the schema of the object
/// `event_type` carries, every property present (null where Stripe has nothing to say) and none
/// that Stripe's schema lacks.
pub fn check(event_type: &str, payload: &Value) -> Checked {
    let doc = match &*DOCUMENT {
        Ok(doc) => doc,
        Err(message) => return checked(vec![problem("$", message.clone())]),
    };
    let Some(object) = doc
        .get("/x-events")
        .and_then(|events| events.get(event_type))
        .and_then(Value::as_str)
    else {
        return Checked::NoDefinition;
    };
    let mut problems = doc.check("/$defs/Event", payload);
    if let Some(sent) = payload.get("type").and_then(Value::as_str)
        && sent != event_type
    {
        problems.push(problem(
            "type",
            format!("\"{sent}\" is not {event_type}, the event checked"),
        ));
    }
    if let (Some(sent), Some(ours)) = (
        payload.get("api_version").and_then(Value::as_str),
        api_version(),
    ) && sent != ours
    {
        problems.push(problem(
            "api_version",
            format!(
                "sent at API version {sent}, checked against {ours}: fields differ between versions, so what follows may be the version's doing"
            ),
        ));
    }
    let data = payload.get("data");
    if let Some(value) = data.and_then(|d| d.get("object")) {
        let value = with_upcoming_id(event_type, value);
        problems.extend(
            doc.check(&format!("/$defs/{object}"), &value)
                .into_iter()
                .map(|p| under("data.object", p)),
        );
    }
    let previous = data.and_then(|d| d.get("previous_attributes"));
    if event_type.ends_with(".updated") && previous.is_none() {
        problems.push(problem(
            "data",
            format!(
                "a {event_type} event carries data.previous_attributes: the values of the fields that changed, before the change"
            ),
        ));
    }
    if let Some(Value::Object(previous)) = previous {
        let properties = doc.get(&format!("/$defs/{object}/properties"));
        for key in previous.keys() {
            if properties.and_then(|p| p.get(key)).is_none() {
                problems.push(problem(
                    &format!("data.previous_attributes.{key}"),
                    format!("Stripe's {object} has no property \"{key}\" that could have changed"),
                ));
            }
        }
    }
    checked(problems)
}

/// Stripe documents that the invoice an `invoice.upcoming` event carries has no id yet (it does
/// not exist until it is created); every other field is checked as for any invoice. Only that
/// event's object is copied: the others are checked as sent.
fn with_upcoming_id<'a>(event_type: &str, object: &'a Value) -> Cow<'a, Value> {
    if event_type == "invoice.upcoming"
        && let Value::Object(map) = object
        && !map.contains_key("id")
    {
        let mut map = map.clone();
        map.insert("id".into(), json!("in_upcoming"));
        return Cow::Owned(Value::Object(map));
    }
    Cow::Borrowed(object)
}

fn under(prefix: &str, p: Problem) -> Problem {
    let path = if p.path == "$" {
        prefix.to_string()
    } else {
        format!("{prefix}.{}", p.path)
    };
    Problem { path, ..p }
}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        path: path.into(),
        message,
    }
}

fn checked(problems: Vec<Problem>) -> Checked {
    Checked::Checked {
        source: SOURCE,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_names_the_api_version_the_document_was_extracted_for() {
        let version = api_version().expect("the document parses and names its API version");
        assert!(SOURCE.contains(version), "{SOURCE} vs {version}");
    }

    #[test]
    fn only_an_upcoming_invoice_without_an_id_is_copied_to_be_given_one() {
        let invoice = json!({"object": "invoice"});
        let upcoming = with_upcoming_id("invoice.upcoming", &invoice);
        assert!(matches!(upcoming, Cow::Owned(_)));
        assert_eq!(upcoming["id"], "in_upcoming");
        assert!(matches!(
            with_upcoming_id("invoice.paid", &invoice),
            Cow::Borrowed(_)
        ));
        let with_id = json!({"id": "in_1"});
        assert_eq!(with_upcoming_id("invoice.upcoming", &with_id)["id"], "in_1");
    }

    #[test]
    fn an_event_without_a_definition_is_not_checked() {
        assert_eq!(check("no_such.event", &json!({})), Checked::NoDefinition);
    }

    #[test]
    fn a_removed_field_a_missing_field_and_a_wrong_enum_are_each_a_problem() {
        let Checked::Checked { problems, .. } = check(
            "payout.paid",
            &json!({"type": "payout.paid", "data": {"object": {"object": "payout", "status": "paid", "type": "boat", "paid_out": true}}}),
        ) else {
            panic!("payout.paid has a definition");
        };
        let text = format!("{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.path == "data.object" && p.message.contains("paid_out")),
            "{text}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.path == "data.object" && p.message.contains("\"arrival_date\"")),
            "{text}"
        );
        assert!(
            problems.iter().any(|p| p.path == "data.object.type"),
            "{text}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.path == "$" && p.message.contains("\"livemode\"")),
            "{text}"
        );
    }

    #[test]
    fn an_amount_with_a_fraction_is_a_problem_as_stripe_sends_integers() {
        let Checked::Checked { problems, .. } = check(
            "payout.paid",
            &json!({"data": {"object": {"amount": 12.5, "application_fee_amount": 7}}}),
        ) else {
            panic!("payout.paid has a definition");
        };
        assert!(
            problems.iter().any(|p| p.path == "data.object.amount"),
            "{problems:?}"
        );
        assert!(
            !problems
                .iter()
                .any(|p| p.path == "data.object.application_fee_amount"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_updated_event_without_previous_attributes_is_a_problem() {
        let Checked::Checked { problems, .. } =
            check("customer.updated", &json!({"data": {"object": {}}}))
        else {
            panic!("customer.updated has a definition");
        };
        assert!(
            problems
                .iter()
                .any(|p| p.path == "data" && p.message.contains("previous_attributes")),
            "{problems:?}"
        );
    }
}
