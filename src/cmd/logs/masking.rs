//! How records leave the log in every view of `logs`: credentials masked, `--redact` paths masked.

use anyhow::Result;

use crate::cmd::shared::formats;
use crate::json_path::Path;
use crate::output::usage;
use crate::store::{Record, credentials};

/// How records leave the log: credentials masked unless `--reveal`, and the `--redact` paths
/// masked in the bodies. Every view — the list, `--follow`, `show` in each format, `export` —
/// goes through it; the log itself keeps what was sent.
pub struct Masking {
    paths: Vec<Path>,
    reveal: bool,
}

impl Masking {
    /// From the `--redact` paths (parsed here) and `--reveal`.
    pub fn new(redact: &[String], reveal: bool) -> Result<Masking> {
        let paths = redact
            .iter()
            .map(|t| {
                Path::parse(t).map_err(|e| {
                    usage(format!(
                        "--redact '{t}': {e}; give a JSON path such as data.email or data.items[*].card"
                    ))
                })
            })
            .collect::<Result<_>>()?;
        Ok(Masking { paths, reveal })
    }

    pub fn apply(&self, r: &mut Record) {
        if !self.reveal {
            credentials::mask(r);
        }
        formats::redact(r, &self.paths);
    }
}
