//! One published JSON Schema document, parsed once, and a payload checked against one of its
//! definitions with every `$ref` resolved inside the document.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};

use super::checked::Problem;
use crate::events::event::violations;

/// Whether a string is of a format.
pub type FormatCheck = fn(&str) -> bool;

/// A provider's schema document (JSON Schema with `definitions`, or OpenAPI's
/// `components/schemas`), embedded in the binary. Keep one per provider in a `LazyLock`: parsing
/// and compiling happen once per process, and each definition's validator is compiled on first use.
pub struct Document {
    uri: &'static str,
    root: &'static Value,
    draft: Draft,
    registry: Registry<'static>,
    formats: Vec<(&'static str, FormatCheck)>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

impl Document {
    /// Parses `text`, the document, under a name (`uri`) its `$ref`s resolve against; `draft` is
    /// the JSON Schema draft the document is written in.
    pub fn parse(uri: &'static str, text: &str, draft: Draft) -> Result<Document, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("{uri} is not JSON: {e}"))?;
        // Leaked on purpose: one document per provider lives as long as the process, and the
        // registry borrows it for that long.
        let root: &'static Value = Box::leak(Box::new(value));
        let registry = Registry::new()
            .draft(draft)
            .add(uri, root)
            .and_then(|b| b.prepare())
            .map_err(|e| format!("{uri} cannot be loaded as a JSON Schema: {e}"))?;
        Ok(Document {
            uri,
            root,
            draft,
            registry,
            formats: Vec::new(),
            validators: Mutex::new(HashMap::new()),
        })
    }

    /// Checks `format: name` with `check` instead of the JSON Schema rule: for a document its
    /// publisher validates with another reading of a format (Octokit's `date-time` is
    /// ajv-formats', which GitHub's deliveries are checked against).
    pub fn with_format(mut self, name: &'static str, check: FormatCheck) -> Self {
        self.formats.push((name, check));
        self
    }

    /// The value at a JSON pointer (`/definitions/push$event`), if the document has one.
    pub fn get(&self, pointer: &str) -> Option<&'static Value> {
        self.root.pointer(pointer)
    }

    /// Checks `payload` against the definition at `pointer` (`/definitions/push$event`,
    /// `/components/schemas/invoice`); an empty list means it matches. Formats (`date-time`,
    /// `uri`, `email`) are checked: a real delivery carries well-formed values.
    pub fn check(&self, pointer: &str, payload: &Value) -> Vec<Problem> {
        match self.validator(pointer) {
            Ok(v) => v
                .iter_errors(payload)
                .flat_map(|e| violations(&e))
                .collect(),
            Err(message) => vec![Problem {
                path: "$".into(),
                message,
            }],
        }
    }

    fn validator(&self, pointer: &str) -> Result<Arc<Validator>, String> {
        let mut cache = self
            .validators
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(v) = cache.get(pointer) {
            return Ok(v.clone());
        }
        if self.get(pointer).is_none() {
            return Err(format!("{} has no definition at {pointer}", self.uri));
        }
        let fragment = pointer.replace('%', "%25").replace('#', "%23");
        let schema = json!({ "$ref": format!("{}#{fragment}", self.uri) });
        let mut options = jsonschema::options()
            .with_draft(self.draft)
            .with_registry(&self.registry)
            .should_validate_formats(true);
        for &(name, check) in &self.formats {
            options = options.with_format(name, check);
        }
        let validator = options
            .build(&schema)
            .map_err(|e| format!("{}#{pointer} cannot be compiled: {e}", self.uri))?;
        let validator = Arc::new(validator);
        cache.insert(pointer.to_string(), validator.clone());
        Ok(validator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_is_checked_with_its_refs_resolved_in_the_document() {
        let doc = Document::parse(
            "https://hookctl.invalid/test.json",
            r##"{"definitions": {
                "user": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}},
                "e$opened": {"type": "object", "required": ["sender"], "properties": {"sender": {"$ref": "#/definitions/user"}}}
            }}"##,
            Draft::Draft7,
        )
        .unwrap();
        assert!(
            doc.check("/definitions/e$opened", &json!({"sender": {"login": "a"}}))
                .is_empty()
        );
        let p = doc.check("/definitions/e$opened", &json!({"sender": {"login": 1}}));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "sender.login");
        let p = doc.check("/definitions/nope", &json!({}));
        assert!(p[0].message.contains("no definition"), "{p:?}");
    }
}
