//! Finding the scheme `--provider` names: a built-in provider, `generic` with its flags, or a
//! scheme the config file defines, with the closest name suggested for a typo.

use std::sync::Arc;

use anyhow::Result;

use crate::bail_usage;
use crate::cli::GenericArgs;
use crate::config::Config;
use crate::output::usage;
use crate::signature::hmac_scheme::GenericDef;
use crate::signature::{Registry, Scheme};

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
    fn unknown_provider_suggests_the_closest() {
        let e = scheme("strpie", &GenericArgs::default(), &Config::default())
            .err()
            .unwrap();
        assert!(e.to_string().contains("did you mean 'stripe'"), "{e}");
    }
}
