//! The key listen proves its tunnel names with on a relay without tokens: made once, then kept
//! beside the delivery log (0600), the machine's own state, not in the config a team shares.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::folder::beside_log;

/// The key's file: `listen.key` in the delivery log's folder.
pub fn path(db: &Path) -> PathBuf {
    beside_log(db).join("listen.key")
}

/// The key kept at `path`, made and saved on first use.
pub fn load_or_create(path: &Path) -> Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) if !text.trim().is_empty() => return Ok(text.trim().to_string()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read listen's key {}", path.display()));
        }
    }
    let key = hookctl_relay::shared::names::random_key();
    if let Some(dir) = path.parent() {
        hookctl_relay::private::create_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    hookctl_relay::private::write_file(path, format!("{key}\n").as_bytes())
        .with_context(|| format!("cannot save listen's key {}", path.display()))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_then_kept_0600() {
        let dir = tempfile::tempdir().unwrap();
        let p = path(&dir.path().join("sub/deliveries.db"));
        let first = load_or_create(&p).unwrap();
        assert_eq!(load_or_create(&p).unwrap(), first);
        assert!(first.len() >= 32, "{first}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
}
