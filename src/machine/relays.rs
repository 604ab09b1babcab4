//! Per relay, what `listen` keeps on this machine: the token `init --token` saved for it (a
//! credential: 0600 beside the delivery log, never in the config a team shares) and the tunnel
//! name made once, so that the URL a provider was given survives restarts and reboots.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Tokens by relay, one JSON object, mode 0600.
const TOKENS: &str = "relay-tokens.json";
/// Tunnel names by relay, one JSON object.
const NAMES: &str = "listen-names.json";
/// What the embedded relay is known by: its address changes with `--port`, and since it lives
/// and dies with listen, any name is this machine's own.
pub const EMBEDDED: &str = "embedded";

/// What a relay is known by in these files: its `/connect` URL, so that `https://r.example` and
/// `https://r.example/` are one relay; `None` is the embedded one.
pub fn key(relay: Option<&str>) -> String {
    match relay {
        None => EMBEDDED.to_string(),
        Some(r) => hookctl_relay::client::connect_url(r)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| r.to_string()),
    }
}

/// The file `init` saves tokens in, in `folder`.
pub fn tokens_file(folder: &Path) -> PathBuf {
    folder.join(TOKENS)
}

/// The token saved for `relay`, if any. It is only ever handed to the relay it was saved for.
pub fn token(folder: &Path, relay: &str) -> Result<Option<String>> {
    Ok(read(&tokens_file(folder))?.remove(&key(Some(relay))))
}

/// Saves `token` for `relay`, replacing the one it had; returns the file.
pub fn save_token(folder: &Path, relay: &str, token: &str) -> Result<PathBuf> {
    let path = tokens_file(folder);
    let mut all = read(&path)?;
    all.insert(key(Some(relay)), token.to_string());
    write(folder, &path, &all)?;
    Ok(path)
}

/// The tunnel name kept for `relay` (`None`: the embedded one), made and saved on first use.
pub fn stable_name(folder: &Path, relay: Option<&str>) -> Result<String> {
    let path = folder.join(NAMES);
    let mut all = read(&path)?;
    let key = key(relay);
    if let Some(name) = all.get(&key)
        && hookctl_relay::shared::names::check_name(name).is_ok()
    {
        return Ok(name.clone());
    }
    let name = hookctl_relay::shared::names::random_name();
    all.insert(key, name.clone());
    write(folder, &path, &all)?;
    Ok(name)
}

/// A missing file is an empty one; a broken one says which file to fix.
fn read(path: &Path) -> Result<BTreeMap<String, String>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a JSON object of relay URLs: fix or remove it",
            path.display()
        )
    })
}

/// Written whole under another name, then renamed, so that a reader never sees half a file.
fn write(folder: &Path, path: &Path, all: &BTreeMap<String, String>) -> Result<()> {
    hookctl_relay::private::create_dir(folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let text = serde_json::to_string_pretty(all)? + "\n";
    hookctl_relay::private::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relay_is_known_by_its_connect_url_whatever_its_spelling() {
        assert_eq!(
            key(Some("https://r.example")),
            key(Some("https://r.example/"))
        );
        assert_eq!(key(Some("https://r.example")), key(Some("wss://r.example")));
        assert_ne!(
            key(Some("https://r.example")),
            key(Some("https://s.example"))
        );
        assert_eq!(key(None), EMBEDDED);
    }

    #[test]
    fn a_name_is_made_once_per_relay_and_a_token_goes_only_to_its_relay() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("state");
        let a = stable_name(&folder, Some("https://a.example")).unwrap();
        assert_eq!(stable_name(&folder, Some("https://a.example/")).unwrap(), a);
        assert_ne!(stable_name(&folder, Some("https://b.example")).unwrap(), a);
        assert_eq!(
            stable_name(&folder, None).unwrap(),
            stable_name(&folder, None).unwrap()
        );

        assert_eq!(token(&folder, "https://a.example").unwrap(), None);
        let file = save_token(&folder, "https://a.example/", "t1").unwrap();
        save_token(&folder, "https://b.example", "t2").unwrap();
        assert_eq!(
            token(&folder, "https://a.example").unwrap().as_deref(),
            Some("t1")
        );
        assert_eq!(token(&folder, "https://c.example").unwrap(), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        std::fs::write(&file, "not json").unwrap();
        let err = token(&folder, "https://a.example").unwrap_err();
        assert!(format!("{err:#}").contains("relay-tokens.json"), "{err:#}");
    }
}
