//! The listens running on this machine, for `trigger` to find: one small file each in `running/`
//! beside the delivery log, locked by its listen while it lives and removed when it stops. A
//! listen that could not clean up (killed with -9, a crash, a reboot) leaves a file nobody locks:
//! readers skip it and remove it. The lock, not the pid, says who is alive: the operating system
//! drops it with the process, and unlike a pid it is never handed to another process.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// Where a running listen can be reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    pub pid: u32,
    /// Its tunnel name.
    pub name: String,
    /// The URL senders use: through the relay, as a provider's delivery goes.
    pub public_url: String,
    /// Where it forwards, as its `Ready:` line says.
    pub targets: String,
    /// The relay it is connected to (`embedded` for its own).
    pub relay: String,
    /// RFC 3339.
    pub started: String,
}

/// A listen's file, kept (and locked) while the value lives; dropping it removes the file.
#[derive(Debug)]
pub struct Entry {
    file: Option<File>,
    path: PathBuf,
}

impl Drop for Entry {
    fn drop(&mut self) {
        // Closed first: some systems do not remove a file that is open.
        drop(self.file.take());
        let _ = std::fs::remove_file(&self.path);
    }
}

fn dir(folder: &Path) -> PathBuf {
    folder.join("running")
}

/// Records `me` in `folder` until the returned entry is dropped.
pub fn record(folder: &Path, me: &Running) -> Result<Entry> {
    let dir = dir(folder);
    hookctl_relay::private::create_dir(&dir)
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(format!("{}-{}.json", me.name, me.pid));
    let tmp = path.with_extension("tmp");
    let text = serde_json::to_string_pretty(me)? + "\n";
    hookctl_relay::private::write_file(&tmp, text.as_bytes())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    // Locked before it takes its name, so no reader ever sees it unlocked and removes it.
    let file = File::open(&tmp).with_context(|| format!("cannot open {}", tmp.display()))?;
    file.try_lock()
        .map_err(|e| anyhow::anyhow!("cannot lock {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Entry {
        file: Some(file),
        path,
    })
}

/// The listens running now, oldest first; the files of those that died are removed.
pub fn live(folder: &Path) -> Result<Vec<Running>> {
    let dir = dir(folder);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue; // removed meanwhile by its listen
        };
        let Ok(r) = std::fs::read_to_string(&path)
            .map_err(|_| ())
            .and_then(|t| serde_json::from_str::<Running>(&t).map_err(|_| ()))
        else {
            continue; // half written, or not ours
        };
        let alive = match file.try_lock_shared() {
            // Nobody holds it: its listen is gone.
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            // A file system without locks: the pid says, where /proc can tell.
            Err(std::fs::TryLockError::Error(_)) => {
                !Path::new("/proc/self").exists() || Path::new(&format!("/proc/{}", r.pid)).exists()
            }
        };
        if alive {
            out.push(r);
        } else {
            drop(file);
            let _ = std::fs::remove_file(&path);
        }
    }
    out.sort_by(|a, b| (&a.started, a.pid).cmp(&(&b.started, b.pid)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(name: &str) -> Running {
        Running {
            pid: std::process::id(),
            name: name.into(),
            public_url: format!("http://127.0.0.1:1/t/{name}"),
            targets: "http://127.0.0.1:2/".into(),
            relay: "embedded".into(),
            started: chrono::Utc::now().to_rfc3339(),
        }
    }

    #[test]
    fn a_recorded_listen_is_live_until_its_entry_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        assert!(live(dir.path()).unwrap().is_empty());
        let a = record(dir.path(), &me("a")).unwrap();
        let b = record(dir.path(), &me("b")).unwrap();
        let names = |v: Vec<Running>| v.into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names(live(dir.path()).unwrap()), ["a", "b"]);
        drop(a);
        assert_eq!(names(live(dir.path()).unwrap()), ["b"]);
        drop(b);
        assert!(live(dir.path()).unwrap().is_empty());
        assert_eq!(
            std::fs::read_dir(dir.path().join("running"))
                .unwrap()
                .count(),
            0
        );
    }

    #[test]
    fn a_file_whose_listen_died_is_skipped_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let running = dir.path().join("running");
        std::fs::create_dir_all(&running).unwrap();
        // What a listen killed with -9 leaves: its file, with no lock on it.
        let stale = running.join("gone-4000000.json");
        std::fs::write(&stale, serde_json::to_string(&me("gone")).unwrap()).unwrap();
        let _kept = record(dir.path(), &me("here")).unwrap();
        let all = live(dir.path()).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "here");
        assert!(!stale.exists());
    }
}
