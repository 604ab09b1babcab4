//! Which endpoints `validate` and `monitor` check: URLs from the command line, or `[[endpoint]]`
//! tables from the config file, each resolved to a URL, a signing sampler and its own settings.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use rustls::pki_types::CertificateDer;

use super::input;
use super::sample::{self, Sampler};
use crate::bail_usage;
use crate::cli::{ProbeKind, SampleArgs};
use crate::cmd::Ctx;
use crate::config::{Config, EndpointDef};
use crate::events::{Catalog, DEFAULT_PROVIDER};
use crate::http::target_url;
use crate::output::usage;
use crate::store::credentials::mask_userinfo;

/// The event signed probes send when neither `--event` nor the endpoint names one: the Standard
/// Webhooks specification's own example.
pub const DEFAULT_EVENT: &str = "standard-webhooks.contact.created";

/// One endpoint, ready to probe.
pub struct Endpoint {
    /// What reports and alerts call it: the name in the config file, else the URL as shown.
    pub name: String,
    pub url: String,
    /// The URL as it may be shown or kept (an alert, the probe history, a report): a password
    /// or token in its userinfo masked, as the delivery log masks it.
    pub shown_url: String,
    /// The endpoint's own timeout, if the config file sets one.
    pub timeout: Option<Duration>,
    pub probe: ProbeKind,
    /// Signs probes; `None` for endpoints probed with a plain GET.
    pub sampler: Option<Arc<Sampler>>,
}

/// What to resolve: the positional arguments and the flags that apply to URLs given on the
/// command line.
pub struct Wanted<'a> {
    pub targets: &'a [String],
    pub event: Option<&'a str>,
    pub sample: &'a SampleArgs,
    pub probe: ProbeKind,
    /// Build a signer even for endpoints whose monitor probe is a plain GET (`validate` signs).
    pub always_sign: bool,
}

/// Resolves every target; all mistakes (bad URL, unknown name, unknown provider or event, a
/// secret_env that is not set) are usage errors found before anything is sent.
pub fn resolve(wanted: &Wanted<'_>, ctx: &Ctx) -> Result<Vec<Endpoint>> {
    let config = ctx.config()?;
    let defs: Vec<EndpointDef> = if wanted.targets.is_empty() {
        if config.endpoints.is_empty() {
            bail_usage!(
                "no endpoint to check: give a URL, or list endpoints as [[endpoint]] tables in a file passed with --config FILE (see README)"
            );
        }
        config.endpoints.clone()
    } else {
        wanted
            .targets
            .iter()
            .map(|t| target(t, &config.endpoints, ctx))
            .collect::<Result<_>>()?
    };
    let catalog = sample::catalog(wanted.sample, ctx)?;
    defs.iter()
        .map(|def| endpoint(def, wanted, &catalog, &config, ctx))
        .collect()
}

/// A positional argument: a URL, or the name of an endpoint in the config file, or else an
/// address without a scheme.
fn target(text: &str, defs: &[EndpointDef], ctx: &Ctx) -> Result<EndpointDef> {
    if text.contains("://") {
        return Ok(EndpointDef {
            url: text.to_string(),
            ..Default::default()
        });
    }
    if let Some(def) = defs.iter().find(|d| d.name.as_deref() == Some(text)) {
        return Ok(def.clone());
    }
    // Not a name: an address without a scheme (`localhost:3000/webhooks`) is http://.
    if text == "localhost" || text.contains(['.', ':', '/']) {
        return Ok(EndpointDef {
            url: hookctl_relay::values::with_default_scheme(text).into_owned(),
            ..Default::default()
        });
    }
    let names: Vec<&str> = defs.iter().filter_map(|d| d.name.as_deref()).collect();
    let known = if names.is_empty() {
        String::new()
    } else {
        format!(" (named endpoints: {})", names.join(", "))
    };
    Err(usage(format!(
        "'{text}' is neither a URL nor an endpoint named in {}{known}: give http://host:port/path",
        ctx.config_path()?.display()
    )))
}

fn endpoint(
    def: &EndpointDef,
    wanted: &Wanted<'_>,
    catalog: &Catalog,
    config: &Config,
    ctx: &Ctx,
) -> Result<Endpoint> {
    let what = def
        .name
        .as_deref()
        .map(|n| format!("endpoint '{n}'"))
        .unwrap_or_else(|| "URL".into());
    let url = target_url(&def.url, &what).map_err(usage)?.to_string();
    let probe = match def.probe.as_deref() {
        None => wanted.probe,
        Some("signed") => ProbeKind::Signed,
        Some("get") => ProbeKind::Get,
        Some(other) => bail_usage!("{what}: probe = '{other}' must be \"signed\" or \"get\""),
    };
    let timeout = def
        .timeout
        .as_deref()
        .map(|t| input::parse_timeout(t, &format!("{what}: timeout")))
        .transpose()?;
    let sampler = match (probe, wanted.always_sign) {
        (ProbeKind::Get, false) => None,
        _ => {
            let args = sample_args(def, wanted.sample, &what)?;
            let event = def
                .event
                .clone()
                .or(wanted.event.map(str::to_string))
                .unwrap_or_else(|| default_event(catalog, args.provider.as_deref()));
            Some(Arc::new(Sampler::from_catalog(
                catalog, config, &event, &args, ctx,
            )?))
        }
    };
    let shown_url = mask_userinfo(&url).into_owned();
    Ok(Endpoint {
        name: def.name.clone().unwrap_or_else(|| shown_url.clone()),
        url,
        shown_url,
        timeout,
        probe,
        sampler,
    })
}

/// The flags, with what the endpoint's table says in their place.
fn sample_args(def: &EndpointDef, flags: &SampleArgs, what: &str) -> Result<SampleArgs> {
    let mut args = flags.clone();
    if def.provider.is_some() {
        // A table that names its provider signs with that provider's key, never with a
        // --secret meant for another scheme.
        args.provider = def.provider.clone();
        args.secret = None;
        args.private_key = None;
    }
    if let Some(env) = &def.secret_env {
        match std::env::var(env) {
            Ok(s) if !s.trim().is_empty() => args.secret = Some(s),
            _ => bail_usage!("{what}: secret_env names {env}, which is not set"),
        }
    }
    if let Some(s) = &def.secret {
        let s = crate::cli::values::secret(s).map_err(|e| usage(format!("{what}: {e}")))?;
        args.secret = Some(s);
    }
    if def.private_key.is_some() {
        args.private_key = def.private_key.clone();
    }
    args.headers.extend(def.headers.iter().cloned());
    Ok(args)
}

/// The provider's own first event, so probes look like what that provider really sends;
/// domain packs and user schemes get the Standard Webhooks example.
pub fn default_event(catalog: &Catalog, provider: Option<&str>) -> String {
    provider
        .filter(|p| *p != DEFAULT_PROVIDER)
        .and_then(|p| {
            catalog
                .events()
                .iter()
                .find(|e| e.provider.as_deref() == Some(p))
        })
        .map(|e| e.id.clone())
        .unwrap_or_else(|| DEFAULT_EVENT.to_string())
}

/// `--ca-cert` files: PEM, one or more certificates each, read as the relay reads its own.
pub fn ca_certs(paths: &[std::path::PathBuf]) -> Result<Vec<CertificateDer<'static>>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(hookctl_relay::shared::trust::read_certs(p, "--ca-cert").map_err(usage)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_event_is_the_providers_own() {
        let c = Catalog::builtin().unwrap();
        assert!(c.get(DEFAULT_EVENT).is_some());
        assert_eq!(default_event(&c, None), DEFAULT_EVENT);
        assert_eq!(default_event(&c, Some("standard-webhooks")), DEFAULT_EVENT);
        assert!(default_event(&c, Some("stripe")).starts_with("stripe."));
        assert!(default_event(&c, Some("github")).starts_with("github."));
        assert_eq!(default_event(&c, Some("my-scheme")), DEFAULT_EVENT);
    }
}
