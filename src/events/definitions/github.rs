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
    .map(|doc| doc.with_format("date-time", date_time))
});

/// `date-time` as ajv-formats reads it, the check Octokit runs its schemas with: RFC 3339's
/// date and time, joined by `T` or a space (RFC 3339 allows the space), the zone optional.
/// GitHub has sent app timestamps as `2018-04-25 20:42:10`; a strict reading fails those
/// deliveries although their publisher's check passes them.
fn date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't', ' ']) else {
        return false;
    };
    if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() || date.len() != 10 {
        return false;
    }
    let zone_at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(zone_at);
    let clock_ok = chrono::NaiveTime::parse_from_str(clock, "%H:%M:%S%.f").is_ok()
        && clock.as_bytes().get(2) == Some(&b':');
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] => match zone[1..].split_once(':') {
            Some((h, m)) => two_digits(h, 23) && two_digits(m, 59),
            None if zone.len() == 5 => {
                two_digits(zone.get(1..3).unwrap_or(""), 23)
                    && two_digits(zone.get(3..).unwrap_or(""), 59)
            }
            None => two_digits(&zone[1..], 23),
        },
        _ => false,
    };
    clock_ok && zone_ok
}

fn two_digits(s: &str, max: u8) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u8>().is_ok_and(|n| n <= max)
}

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

    #[test]
    fn date_times_read_as_octokit_reads_them() {
        for ok in [
            "2026-12-05T13:00:00Z",
            "2026-12-05T13:00:00.123+01:00",
            "2018-04-25 20:42:10",
            "2018-04-25T20:42:10-0700",
        ] {
            assert!(date_time(ok), "{ok}");
        }
        for bad in [
            "2026-12-05",
            "2026-13-05T13:00:00Z",
            "2026-12-05T25:00:00Z",
            "2026-12-05T13:00Z",
            "2026-12-05T13:00:00+5",
            "2026-12-05T13:00:00+1é1",
            "yesterday",
        ] {
            assert!(!date_time(bad), "{bad}");
        }
    }
}
