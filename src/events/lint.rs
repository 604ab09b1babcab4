//! Checking a payload for an event: against the provider's published definition where hookctl
//! carries one, else the catalog's own schema. `events lint` and the console share it.

use anyhow::Result;

use super::definitions::{self, Checked};
use super::event::{Event, Violation};

/// What a payload was checked against, and what was wrong with it (nothing: it matches).
#[derive(Debug)]
pub struct Linted {
    pub violations: Vec<Violation>,
    /// The provider's definition (package and version), or none for the catalog's schema.
    pub definition: Option<&'static str>,
}

/// Checks `bytes` as a payload of `event`; a payload that is not JSON is one violation at `$`.
pub fn lint(event: &Event, bytes: &[u8]) -> Result<Linted> {
    let payload = match event.parse_payload(bytes) {
        Ok(payload) => payload,
        Err(message) => {
            return Ok(Linted {
                violations: vec![Violation {
                    path: "$".into(),
                    message,
                }],
                definition: None,
            });
        }
    };
    Ok(match definitions::check_event(event, &payload) {
        Checked::Checked { source, problems } => Linted {
            violations: problems,
            definition: Some(source),
        },
        Checked::NoDefinition => Linted {
            violations: event.validate(&payload)?,
            definition: None,
        },
    })
}
