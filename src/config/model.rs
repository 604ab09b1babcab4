//! What the config file holds (named secrets, generic schemes, keys, endpoints, the relay), where it lives, and reading it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use serde::{Deserialize, Serialize};

use crate::output::usage;
use crate::signature::hmac_scheme::GenericDef;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The provider `sign` signs as when `--provider` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_provider: Option<String>,
    /// Secrets by provider id or scheme name: used when `--secret` is not given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, String>,
    /// User-defined HMAC schemes, used as `--provider NAME`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub schemes: BTreeMap<String, GenericDef>,
    /// Key pairs by provider id, for asymmetric schemes (Discord, SendGrid, Plaid, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, KeyPair>,
    /// Webhook endpoints that `validate` and `monitor` check (`[[endpoint]]` tables).
    #[serde(default, rename = "endpoint", skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<EndpointDef>,
    /// The SMTP server `monitor`'s email alerts go through (boxed: a config is carried whole
    /// by value, and most have neither table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<Box<SmtpDef>>,
    /// The Twilio account `monitor`'s SMS alerts go through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twilio: Option<Box<TwilioDef>>,
    /// The relay `listen` connects to without `--relay` (`[relay]`, written by `init --relay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay: Option<RelayDef>,
}

/// `[smtp]`: a file a team shares names the server and where its password is, not the password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpDef {
    /// smtp://[user@]host:port or smtps://[user@]host:port.
    pub url: Option<String>,
    /// The sender, e.g. `hookctl <alerts@example.com>`.
    pub from: Option<String>,
    /// An environment variable holding the SMTP password.
    pub password_env: Option<String>,
}

/// `[twilio]`: the account and sender; the auth token stays in the environment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwilioDef {
    /// The account SID (AC…).
    pub account: Option<String>,
    /// The number texts come from, in E.164.
    pub from: Option<String>,
    /// An environment variable holding the auth token [default: TWILIO_AUTH_TOKEN].
    pub token_env: Option<String>,
    /// The API's base URL [default: https://api.twilio.com].
    pub api: Option<String>,
}

/// The relay `listen` uses by default. Its token is a credential and is not here: `init` keeps
/// it beside the delivery log (0600), since this file may be shared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayDef {
    pub url: String,
}

/// One endpoint to check: where it is, and how deliveries to it are signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointDef {
    /// A short name for reports and alerts [default: the URL].
    pub name: Option<String>,
    pub url: String,
    /// Provider id or scheme name [default: the event's own; domain packs: standard-webhooks].
    pub provider: Option<String>,
    pub secret: Option<String>,
    /// An environment variable holding the secret (keeps it out of the file).
    pub secret_env: Option<String>,
    pub private_key: Option<String>,
    /// The catalog event to send.
    pub event: Option<String>,
    /// Extra request headers, 'Name: value' each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// `monitor`: `signed` (a signed test event) or `get` (a plain GET).
    pub probe: Option<String>,
    /// How long to wait for an answer, e.g. `5s`.
    pub timeout: Option<String>,
}

/// A signing key and the public key a receiver verifies with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPair {
    pub private_key: String,
    pub public_key: String,
}

/// The file's text; a missing file is an empty one.
pub(super) fn read(path: &Path) -> Result<String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(usage(format!(
            "cannot read config file {}: {e}",
            path.display()
        ))),
    }
}

/// The config file in force: `--config` / `HOOKCTL_CONFIG`, else the platform's config dir.
pub fn path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    let dir = dirs::config_dir()
        .context("cannot find a config directory: set XDG_CONFIG_HOME or pass --config")?;
    Ok(dir.join("hookctl").join("config.toml"))
}

impl Config {
    /// Loads the file; a missing file is an empty config, a broken one a usage error naming the
    /// file and line.
    pub fn load(path: &Path) -> Result<Config> {
        Self::parse_file(path, &read(path)?)
    }

    /// `text`, read from `path`, as a config; a broken one is a usage error naming the line.
    pub(super) fn parse_file(path: &Path, text: &str) -> Result<Config> {
        Self::parse(text).map_err(|e| usage(format!("config file {} {e}", path.display())))
    }

    fn parse(text: &str) -> std::result::Result<Config, String> {
        toml::from_str::<Config>(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    // Newlines before the error, plus one: an error at the start of a line
                    // is on that line, not the one before.
                    format!(
                        "line {}",
                        text[..s.start.min(text.len())].matches('\n').count() + 1
                    )
                })
                .unwrap_or_default();
            let msg = e.message().trim().to_string();
            format!("is not valid: {at}: {msg} (fix or remove the file)")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_the_line() {
        let err = Config::parse("[secrets]\nstripe = \"a\"\nbroken =\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(Config::parse("unknown = 1").is_err());
    }

    #[test]
    fn round_trips_secrets_and_schemes() {
        let text = "[secrets]\nstripe = \"whsec_x\"\n\n[schemes.acme]\nheader = \"X-Acme-Signature\"\nprefix = \"sha256=\"\n";
        let c = Config::parse(text).unwrap();
        assert_eq!(c.schemes["acme"].algorithm, "sha256");
        let again = Config::parse(&toml::to_string_pretty(&c).unwrap()).unwrap();
        assert_eq!(c, again);
    }

    #[test]
    fn endpoints_are_tables_with_their_own_scheme() {
        let text = "[[endpoint]]\nname = \"orders\"\nurl = \"https://x.test/hook\"\nprovider = \"stripe\"\nsecret_env = \"ORDERS_SECRET\"\n\n[[endpoint]]\nurl = \"http://127.0.0.1:1/\"\nprobe = \"get\"\n";
        let c = Config::parse(text).unwrap();
        assert_eq!(c.endpoints.len(), 2);
        assert_eq!(c.endpoints[0].provider.as_deref(), Some("stripe"));
        assert_eq!(c.endpoints[1].probe.as_deref(), Some("get"));
        assert_eq!(
            Config::parse(&toml::to_string_pretty(&c).unwrap()).unwrap(),
            c
        );
        let err = Config::parse("[[endpoint]]\nurl = \"x\"\nsecrett = \"y\"\n").unwrap_err();
        assert!(err.contains("line 3") && err.contains("secrett"), "{err}");
    }

    #[test]
    fn smtp_and_twilio_tables_name_where_the_secrets_are_not_the_secrets() {
        let text = "[smtp]\nurl = \"smtp://alerts@mail.example.com:587\"\nfrom = \"hookctl <alerts@example.com>\"\npassword_env = \"SMTP_PASSWORD\"\n\n[twilio]\naccount = \"AC0123\"\nfrom = \"+14155550199\"\ntoken_env = \"TWILIO_AUTH_TOKEN\"\n";
        let c = Config::parse(text).unwrap();
        let smtp = c.smtp.as_deref().unwrap();
        assert_eq!(smtp.password_env.as_deref(), Some("SMTP_PASSWORD"));
        assert_eq!(
            c.twilio.as_deref().unwrap().from.as_deref(),
            Some("+14155550199")
        );
        assert_eq!(
            Config::parse(&toml::to_string_pretty(&c).unwrap()).unwrap(),
            c
        );
        let err = Config::parse("[twilio]\ntoken = \"abc\"\n").unwrap_err();
        assert!(err.contains("token"), "{err}");
    }
}
