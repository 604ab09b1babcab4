//! Where this machine's own state lives: the delivery log's folder.

use std::path::{Path, PathBuf};

/// The folder holding the delivery log `db` (the current one for a bare file name).
pub fn beside_log(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}
