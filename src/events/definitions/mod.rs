//! The providers' published definitions of their events, and checking a payload against them.
//!
//! The definitions are data embedded from each provider's own package or spec (see
//! `data/*/SOURCE.md`). Most providers' data is written by `scripts/definitions/typescript.mjs` or
//! `openapi.py` in one shape, and `extracted.rs` checks them all from one table; GitHub and Stripe,
//! whose documents are shaped their own way, have a file each (`github.rs`, `stripe.rs`) with a
//! `check` that picks the definition of an event. `Document` is the shared way to check a value
//! against one definition of a JSON Schema document. A provider with no definitions has
//! `NoDefinition`, and `events lint` falls back to the catalog's own schema.
//!
//! Adding a provider: a config in `scripts/definitions/providers/<provider>.json`, which one of
//! those scripts turns into `data/<provider>/` (`schema.json`, `SOURCE.md`, `LICENSE`), and the
//! provider's name in the table of `extracted.rs`. Only definitions that cannot take that shape
//! need a file `<provider>.rs` with a `SOURCE` and a `check(event_type, payload) -> Checked` (see
//! `github.rs`) and an arm in [`check`]. `tests/catalog_fidelity.rs` then checks its samples.

mod checked;
mod document;
mod extracted;
mod github;
mod stripe;

use serde_json::Value;

use crate::events::event::Event;

pub use checked::{Checked, Problem};
pub use document::Document;

/// Checks `payload` against `provider`'s published definition of `event_type` (the provider's own
/// name for the event, as `Event::event_type` holds it, or the key [`check_event`] picks where one
/// name has two definitions).
pub fn check(provider: &str, event_type: &str, payload: &Value) -> Checked {
    match provider {
        "github" => github::check(event_type, payload),
        "stripe" => stripe::check(event_type, payload),
        _ => extracted::check(provider, event_type, payload),
    }
}

/// [`check`] for a catalog event: its provider's definition of its type; a domain-pack event has
/// no provider, so no definition. An event whose id names an action (`github.pull_request.closed`)
/// also wants that action: another action's delivery may match its own definition, but it is not
/// this event.
pub fn check_event(event: &Event, payload: &Value) -> Checked {
    let Some(provider) = &event.provider else {
        return Checked::NoDefinition;
    };
    let mut checked = check(provider, definition_key(event), payload);
    if let Checked::Checked { problems, .. } = &mut checked
        && let Some(action) = event.named_action()
        && let Some(sent) = payload.get("action").and_then(Value::as_str)
        && sent != action
    {
        problems.push(Problem {
            path: "action".into(),
            message: format!(
                "\"{sent}\" is not the action of {}, which is \"{action}\"",
                event.id
            ),
        });
    }
    checked
}

/// The key of an event's definition: its type, except where a provider gives one type two shapes.
/// Discord sends `PING` both to the interactions endpoint (an interaction, type 1, with a token)
/// and to the webhook events URL (type 0, no token); its document keys the second `PING$webhook`.
/// The event the user names picks the definition, never the payload: a payload that lost a field
/// would otherwise be checked against the other shape and pass, or fail for the wrong reason.
fn definition_key(event: &Event) -> &str {
    match event.id.as_str() {
        "discord.webhook.ping" => "PING$webhook",
        _ => &event.event_type,
    }
}
