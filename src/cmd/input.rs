//! Reading what the user hands a command: bodies, header lines, durations, keys, schemes and
//! delivery log ids.
//! Every failure here is bad input (exit 2) with a message that says what to do.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::bail_usage;
use crate::cli::{BodySource, GenericArgs};
use crate::config::Config;
use crate::message::Headers;
use crate::output::usage;
use crate::signature::hmac_scheme::GenericDef;
use crate::signature::{Registry, Scheme};
use crate::store::{Found, Record, Store};

/// The body from `--body-file`, `--body`, or stdin (byte-exact in every case).
pub fn read_body(src: &BodySource) -> Result<Vec<u8>> {
    if let Some(path) = &src.body_file {
        return read_file(path, "--body-file");
    }
    if let Some(b) = &src.body {
        return Ok(b.as_bytes().to_vec());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        bail_usage!(
            "no body given: pass --body-file FILE or --body STRING, or pipe the body on stdin"
        );
    }
    let mut buf = Vec::new();
    stdin
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| usage(format!("cannot read the body from stdin: {e}")))?;
    // An empty pipe almost always means the body was forgotten; `--body ''` says it on purpose.
    if buf.is_empty() {
        bail_usage!(
            "stdin was empty: pipe the body in, or pass --body-file FILE, or --body '' for an empty body"
        );
    }
    Ok(buf)
}

pub fn read_file(path: &Path, flag: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| usage(format!("cannot read {flag} {}: {e}", path.display())))
}

/// Servers reject header blocks past 8–64 KiB; a longer value is a paste gone wrong.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// `-H 'Name: value'` lines, in order.
pub fn parse_headers(lines: &[String]) -> Result<Headers> {
    let mut h = Headers::new();
    for l in lines {
        if l.len() > MAX_HEADER_LINE {
            let name: String = l.split(':').next().unwrap_or("").chars().take(40).collect();
            bail_usage!(
                "header '{name}' is {} bytes long, over the 64 KiB that HTTP servers accept: check what was pasted",
                l.len()
            );
        }
        let (n, v) = Headers::parse_line(l).map_err(usage)?;
        h.push(n, v);
    }
    Ok(h)
}

/// `300`, `300s`, `5m`, `250ms`, `1h30m`: the relay's reading, so both binaries agree.
pub fn parse_duration(text: &str, flag: &str) -> Result<Duration> {
    hookctl_relay::values::parse_duration(text).map_err(|e| usage(format!("{flag} {e}")))
}

/// A timeout or an interval: a duration longer than zero (0 would fail every request or spin).
pub fn parse_timeout(text: &str, flag: &str) -> Result<Duration> {
    hookctl_relay::values::parse_positive_duration(text).map_err(|e| usage(format!("{flag} {e}")))
}

/// A key given inline or as a path to a file holding it (PEM files, JWK sets).
pub fn key_text(value: &str) -> Result<String> {
    let looks_inline = value.contains("-----BEGIN") || value.trim_start().starts_with('{');
    let path = Path::new(value);
    if !looks_inline && value.len() < 4096 && path.is_file() {
        let bytes = read_file(path, "key file")?;
        return String::from_utf8(bytes).map_err(|_| {
            usage(format!(
                "key file {value} is not text: give a PEM, JWK, hex or base64 key"
            ))
        });
    }
    Ok(value.to_string())
}

/// The scheme for `--provider`: a built-in id, `generic` with its flags, or a scheme named in the
/// config file.
pub fn scheme(id: &str, generic: &GenericArgs, config: &Config) -> Result<Arc<dyn Scheme>> {
    let registry = Registry::builtin();
    let generic_given = generic.header.is_some()
        || generic.algorithm.is_some()
        || generic.encoding.is_some()
        || generic.prefix.is_some()
        || generic.timestamp_header.is_some()
        || generic.signed_template.is_some();
    if id == "generic" {
        let Some(header) = &generic.header else {
            bail_usage!(
                "--provider generic needs --header NAME (and optionally --algorithm, --encoding, --prefix, --timestamp-header, --signed-template)"
            );
        };
        let def = GenericDef {
            header: header.clone(),
            algorithm: generic.algorithm.clone().unwrap_or_else(|| "sha256".into()),
            encoding: generic.encoding.clone().unwrap_or_else(|| "hex".into()),
            prefix: generic.prefix.clone(),
            timestamp_header: generic.timestamp_header.clone(),
            signed_template: generic.signed_template.clone(),
            ..Default::default()
        };
        return Ok(Arc::new(def.build("generic").map_err(usage)?));
    }
    if generic_given {
        bail_usage!(
            "--header, --algorithm, --encoding, --prefix, --timestamp-header and --signed-template define a scheme: use them with --provider generic"
        );
    }
    if let Some(def) = config.schemes.get(id) {
        return config_scheme(id, def);
    }
    if let Some(s) = registry.get(id) {
        return Ok(s);
    }
    let names = registry
        .all()
        .iter()
        .map(|s| s.info().id.as_str())
        .chain(config.schemes.keys().map(String::as_str));
    match crate::signature::registry::closest(id, names) {
        Some(near) => bail_usage!(
            "unknown provider '{id}': did you mean '{near}'? (`hookctl providers` lists them all)"
        ),
        None => bail_usage!(
            "unknown provider '{id}': `hookctl providers` lists them all, and `--provider generic` defines your own"
        ),
    }
}

/// How many of an ambiguous prefix's ids a message names.
const AMBIGUOUS_SHOWN: usize = 3;

/// The record an id names, as `logs show`, `replay` and `verify --log` take it: the full id, a
/// unique prefix of one (`dlv_0193a1c2e5`, or the short form `listen` prints), or `last`.
pub fn record(store: &Store, id: &str) -> Result<Record> {
    let id = id.trim();
    match store.find(id)? {
        Found::One(r) => Ok(*r),
        Found::Nothing if id == crate::store::LAST => {
            bail_usage!("the delivery log is empty: there is no last record")
        }
        Found::Nothing => bail_usage!(
            "no record '{id}' in the delivery log: `hookctl logs` lists the ids (a unique prefix or `last` will do)"
        ),
        Found::Many(ids) => {
            let more = if ids.len() > AMBIGUOUS_SHOWN {
                ", …"
            } else {
                ""
            };
            bail_usage!(
                "'{id}' is the start of {} ids ({}{more}): give more of the id",
                ids.len(),
                ids[..ids.len().min(AMBIGUOUS_SHOWN)].join(", ")
            )
        }
    }
}

/// Every provider `--provider auto` and `hookctl providers` know: the built-in ones and the
/// schemes named in the config file. A config scheme that does not build is bad input naming it.
pub fn registry(config: &Config) -> Result<Registry> {
    let custom = config
        .schemes
        .iter()
        .map(|(id, def)| config_scheme(id, def))
        .collect::<Result<Vec<_>>>()?;
    Ok(Registry::with_custom(custom))
}

fn config_scheme(id: &str, def: &GenericDef) -> Result<Arc<dyn Scheme>> {
    def.build(id)
        .map(|s| Arc::new(s) as Arc<dyn Scheme>)
        .map_err(|e| usage(format!("config file: {e:#} (fix [schemes.{id}])")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_documented_form() {
        assert_eq!(
            parse_duration("300", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("300s", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("5m", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("250ms", "--t").unwrap(),
            Duration::from_millis(250)
        );
        assert_eq!(
            parse_duration("1h30m", "--t").unwrap(),
            Duration::from_secs(5400)
        );
        assert!(parse_duration("-5", "--t").is_err());
        assert!(parse_timeout("0", "--t").is_err());
        assert!(parse_duration("soon", "--t").is_err());
    }

    #[test]
    fn unknown_provider_suggests_the_closest() {
        let e = scheme("strpie", &GenericArgs::default(), &Config::default())
            .err()
            .unwrap();
        assert!(e.to_string().contains("did you mean 'stripe'"), "{e}");
    }
}
