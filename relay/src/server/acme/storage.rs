//! Where ACME's state lives in `--data-dir`: one folder per ACME directory (a switch from
//! staging to production starts afresh, never serving a staging certificate), holding the
//! account key and each name's certificate and key, all 0600.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::private;

pub struct Storage {
    dir: PathBuf,
}

impl Storage {
    /// `DATA_DIR/acme/HOST-HASH` for the directory URL, created 0700.
    pub fn open(data_dir: &Path, directory: &str) -> Result<Storage, String> {
        let host = url::Url::parse(directory)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "acme".into());
        let hash = hex::encode(&Sha256::digest(directory.as_bytes())[..4]);
        let dir = data_dir.join("acme").join(format!("{host}-{hash}"));
        private::create_dir(&dir.join("certs"))
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(Storage { dir })
    }

    fn account_path(&self) -> PathBuf {
        self.dir.join("account.json")
    }

    pub fn account(&self) -> Option<Vec<u8>> {
        std::fs::read(self.account_path()).ok()
    }

    pub fn save_account(&self, json: &[u8]) -> Result<(), String> {
        write(&self.account_path(), json)
    }

    fn cert_paths(&self, name: &str) -> (PathBuf, PathBuf) {
        let certs = self.dir.join("certs");
        (
            certs.join(format!("{name}.crt")),
            certs.join(format!("{name}.key")),
        )
    }

    /// The stored chain and key for `name`, if both are there.
    pub fn cert(&self, name: &str) -> Option<(Vec<u8>, Vec<u8>)> {
        let (c, k) = self.cert_paths(name);
        Some((std::fs::read(c).ok()?, std::fs::read(k).ok()?))
    }

    /// The key first: a crash between the two writes leaves a new key beside an old chain,
    /// which fails to load as a pair and is obtained again, never a chain served with no key.
    pub fn save_cert(&self, name: &str, chain: &[u8], key: &[u8]) -> Result<(), String> {
        let (c, k) = self.cert_paths(name);
        write(&k, key)?;
        write(&c, chain)
    }

    /// The names with a stored certificate, for renewal after a restart.
    pub fn names(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir.join("certs")) else {
            return Vec::new();
        };
        entries
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".crt").map(str::to_string)
            })
            .collect()
    }
}

/// Whole or not at all, so a crash never leaves half a key.
fn write(path: &Path, data: &[u8]) -> Result<(), String> {
    private::write_atomic(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
