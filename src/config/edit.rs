//! Changes to the config file that keep what the user wrote: comments, order, layout and every
//! key hookctl does not touch (a format-preserving TOML editor).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use toml_edit::{DocumentMut, Item, Table, value};

use super::model::{self, Config, KeyPair};
use crate::signature::hmac_scheme::GenericDef;

/// The config file open for changes; nothing is written until [`ConfigFile::save`].
pub struct ConfigFile {
    path: PathBuf,
    doc: DocumentMut,
}

impl ConfigFile {
    /// The file at `path` (empty when missing), which must hold a valid config: a broken one is
    /// the same usage error `Config::load` gives, and is never overwritten.
    pub fn open(path: &Path) -> Result<ConfigFile> {
        let text = model::read(path)?;
        Config::parse_file(path, &text)?;
        let doc = text
            .parse::<DocumentMut>()
            .with_context(|| format!("config file {} cannot be edited", path.display()))?;
        Ok(ConfigFile {
            path: path.to_path_buf(),
            doc,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The config as it stands with the changes made so far.
    pub fn config(&self) -> Result<Config> {
        Config::parse_file(&self.path, &self.doc.to_string())
    }

    pub fn set_secret(&mut self, id: &str, secret: &str) {
        replace(&mut self.table("secrets")[id], secret);
    }

    pub fn set_key_pair(&mut self, id: &str, pair: &KeyPair) {
        let mut t = Table::new();
        t["private_key"] = value(&pair.private_key);
        t["public_key"] = value(&pair.public_key);
        self.table("keys")[id] = Item::Table(t);
    }

    pub fn set_scheme(&mut self, name: &str, def: &GenericDef) -> Result<()> {
        let text = toml::to_string(def).context("cannot write the scheme")?;
        let doc = text
            .parse::<DocumentMut>()
            .context("cannot write the scheme")?;
        self.table("schemes")[name] = Item::Table(doc.as_table().clone());
        Ok(())
    }

    /// `[relay] url`: the relay `listen` uses without `--relay`.
    pub fn set_relay_url(&mut self, url: &str) {
        let relay = self
            .doc
            .entry("relay")
            .or_insert_with(|| Item::Table(Table::new()));
        replace(&mut relay["url"], url);
    }

    /// A top-level `key = "text"`.
    pub fn set_text(&mut self, key: &str, text: &str) {
        replace(&mut self.doc[key], text);
    }

    /// Writes the file 0600 (it holds secrets), creating its folder 0700.
    pub fn save(&self) -> Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            hookctl_relay::private::create_dir(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        hookctl_relay::private::write_file(&self.path, self.doc.to_string().as_bytes())
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// The table `name`, made when missing. A table that only holds others (`[schemes.acme]`) is
    /// written without a header of its own.
    fn table(&mut self, name: &str) -> &mut Item {
        self.doc.entry(name).or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
    }
}

/// Puts `text` in `item`, keeping the spacing and comment around a value it replaces.
fn replace(item: &mut Item, text: &str) {
    let decor = item.as_value().map(|v| v.decor().clone());
    *item = value(text);
    if let (Some(decor), Some(v)) = (decor, item.as_value_mut()) {
        *v.decor_mut() = decor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRITTEN: &str = "# my hookctl setup\n\n[secrets]\n# rotated 2025-01\nstripe = \"whsec_old\"   # live\n\n[[endpoint]]\n# the orders service\nurl = \"https://x.test/hook\"\n";

    #[test]
    fn changes_keep_comments_layout_and_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, WRITTEN).unwrap();
        let mut file = ConfigFile::open(&path).unwrap();
        file.set_secret("github", "gh");
        file.set_secret("stripe", "whsec_new");
        file.set_scheme(
            "acme",
            &GenericDef {
                header: "X-Acme-Signature".into(),
                algorithm: "sha256".into(),
                encoding: "hex".into(),
                ..Default::default()
            },
        )
        .unwrap();
        file.set_key_pair(
            "discord",
            &KeyPair {
                private_key: "p".into(),
                public_key: "q".into(),
            },
        );
        file.set_relay_url("https://hooks.example.com");
        file.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("[relay]\nurl = \"https://hooks.example.com\"\n"),
            "{text}"
        );
        for kept in [
            "# my hookctl setup\n",
            "# rotated 2025-01\nstripe = \"whsec_new\"   # live\n",
            "# the orders service\nurl = \"https://x.test/hook\"\n",
        ] {
            assert!(text.contains(kept), "{kept:?} lost:\n{text}");
        }
        assert!(!text.contains("[schemes]\n"), "{text}");
        let c = Config::load(&path).unwrap();
        assert_eq!(c.secrets["github"], "gh");
        assert_eq!(c.secrets["stripe"], "whsec_new");
        assert_eq!(c.schemes["acme"].header, "X-Acme-Signature");
        assert_eq!(c.keys["discord"].public_key, "q");
        assert_eq!(c.endpoints.len(), 1);
        assert_eq!(c.relay.unwrap().url, "https://hooks.example.com");
    }

    #[test]
    fn a_broken_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[secrets\n").unwrap();
        assert!(ConfigFile::open(&path).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[secrets\n");
    }

    #[cfg(unix)]
    #[test]
    fn saved_with_mode_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/config.toml");
        let mut file = ConfigFile::open(&p).unwrap();
        file.set_secret("stripe", "whsec_x");
        file.save().unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
