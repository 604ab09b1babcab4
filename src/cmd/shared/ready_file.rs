//! `--ready-file`: the URL a command serves, written once it answers, for CI steps that wait on it.

use std::path::Path;

use anyhow::{Context, Result};

/// Written whole, then renamed, so a CI step polling for the file never reads half a URL.
pub fn write(path: &Path, url: &str) -> Result<()> {
    let tmp = path.with_extension("hookctl-tmp");
    std::fs::write(&tmp, format!("{url}\n"))
        .and_then(|()| std::fs::rename(&tmp, path))
        .with_context(|| format!("cannot write --ready-file {}", path.display()))
}
