//! The catalog: every event hookctl knows, read from the built-in event files, then the user's.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::event::{Event, Origin};
use super::files::{Format, parse_file};
use crate::output::usage;
use crate::signature::Registry;

/// Every event hookctl knows: built-in packs, overridden by the user's files.
#[derive(Debug, Clone)]
pub struct Catalog {
    events: Vec<Event>,
}

/// The built-in event files, embedded in the binary.
const BUILTIN: &[(&str, &str)] = &[
    ("calendly.json", include_str!("data/calendly.json")),
    ("clerk.json", include_str!("data/clerk.json")),
    ("discord.json", include_str!("data/discord.json")),
    ("github.json", include_str!("data/github.json")),
    ("hubspot.json", include_str!("data/hubspot.json")),
    ("intercom.json", include_str!("data/intercom.json")),
    ("linear.json", include_str!("data/linear.json")),
    ("mailgun.json", include_str!("data/mailgun.json")),
    ("paddle.json", include_str!("data/paddle.json")),
    ("pagerduty.json", include_str!("data/pagerduty.json")),
    ("sendgrid.json", include_str!("data/sendgrid.json")),
    ("shopify.json", include_str!("data/shopify.json")),
    ("slack.json", include_str!("data/slack.json")),
    ("square.json", include_str!("data/square.json")),
    (
        "standard-webhooks.json",
        include_str!("data/standard-webhooks.json"),
    ),
    ("stripe.json", include_str!("data/stripe.json")),
    ("svix.json", include_str!("data/svix.json")),
    ("twilio.json", include_str!("data/twilio.json")),
    ("twitch.json", include_str!("data/twitch.json")),
    ("typeform.json", include_str!("data/typeform.json")),
    ("zoom.json", include_str!("data/zoom.json")),
    ("business.json", include_str!("data/business.json")),
    ("crm.json", include_str!("data/crm.json")),
    ("commerce.json", include_str!("data/commerce.json")),
    ("wedding.json", include_str!("data/wedding.json")),
];

/// The user's event directory: `events/` next to the config file.
pub fn default_user_dir(config_path: &Path) -> PathBuf {
    config_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("events")
}

/// The directories to read, in order: the default one if it exists, then `--catalog`.
pub fn user_dirs(config_path: &Path, catalog_flag: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let default = default_user_dir(config_path);
    if default.is_dir() {
        dirs.push(default);
    }
    if let Some(d) = catalog_flag {
        dirs.push(d.to_path_buf());
    }
    dirs
}

impl Catalog {
    /// The built-in catalog alone.
    pub fn builtin() -> Result<Catalog> {
        Self::load(&[], Registry::builtin())
    }

    /// The built-in catalog, then every `*.json`, `*.yaml`, `*.yml` file of each directory in
    /// order (by file name); an event whose id is already known replaces it. A broken file is a
    /// usage error naming the file and what is wrong. A file's `provider` is one of `providers`:
    /// the built-in ones and the user's own schemes.
    pub fn load(user_dirs: &[PathBuf], providers: &Registry) -> Result<Catalog> {
        let mut catalog = Catalog { events: Vec::new() };
        for (name, text) in BUILTIN {
            let events = parse_file(text, Format::Json, Origin::Builtin(name), providers)
                .map_err(|e| anyhow::anyhow!("built-in event file {name}: {e}"))?;
            catalog.events.extend(events);
        }
        for dir in user_dirs {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| usage(format!("cannot read event catalog {}: {e}", dir.display())))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && Format::of(p).is_some())
                .collect();
            files.sort();
            for path in files {
                catalog.add_user_file(&path, providers)?;
            }
        }
        Ok(catalog)
    }

    fn add_user_file(&mut self, path: &Path, providers: &Registry) -> Result<()> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read event file {}: {e}", path.display())))?;
        let format = Format::of(path).unwrap_or(Format::Json);
        let events = parse_file(&text, format, Origin::User(path.to_path_buf()), providers)
            .map_err(|e| usage(format!("event file {} is not valid: {e}", path.display())))?;
        for ev in events {
            match self.events.iter_mut().find(|e| e.id == ev.id) {
                Some(slot) => {
                    tracing::info!("{} overrides event {}", path.display(), ev.id);
                    *slot = ev;
                }
                None => self.events.push(ev),
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Like [`Catalog::get`], with an error that suggests the closest ids (exit 2).
    pub fn find(&self, id: &str) -> Result<&Event> {
        if let Some(e) = self.get(id) {
            return Ok(e);
        }
        let suffix = format!(".{id}");
        let near = self
            .ids()
            .find(|c| c.ends_with(&suffix))
            .map(str::to_string)
            .or_else(|| crate::signature::registry::closest(id, self.ids()));
        Err(usage(match near {
            Some(n) => format!("unknown event '{id}': did you mean '{n}'? (`hookctl events list`)"),
            None => format!("unknown event '{id}': run `hookctl events list` for the catalog"),
        }))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.events.iter().map(|e| e.id.as_str())
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn set_edits_the_payload_and_re_encodes_the_body() {
        let catalog = Catalog::builtin().unwrap();
        let mut rng = rand::thread_rng();
        let mut g = catalog
            .get("stripe.payment_intent.succeeded")
            .unwrap()
            .generate(&mut rng);
        g.set("data.object.amount", "5000").unwrap();
        let body: Value = serde_json::from_slice(&g.body).unwrap();
        assert_eq!(body["data"]["object"]["amount"], json!(5000));
        assert!(g.set("type.nope", "1").is_err());

        let mut g = catalog
            .get("twilio.message.received")
            .unwrap()
            .generate(&mut rng);
        assert!(g.body.starts_with(b"ToCountry="));
        g.set("Body", "hello world").unwrap();
        let text = String::from_utf8(g.body.clone()).unwrap();
        assert!(text.contains("Body=hello+world"), "{text}");
    }
}
