//! `hookctl init`: set up the config file — a default provider, named secrets, generic schemes
//! and the relay `listen` uses — by flags, or by prompts on a terminal. What the prompts decide is in plain functions
//! below them, so it is tested without a terminal.

use anyhow::Result;
use dialoguer::{Confirm, FuzzySelect, Input, Password, Select};

use super::Ctx;
use super::shared::provider_lookup;
use crate::bail_usage;
use crate::cli::{GenericArgs, InitArgs};
use crate::config::{Config, ConfigFile};
use crate::machine::{folder, relays};
use crate::output::{self, Exit, usage};
use crate::signature::Registry;
use crate::signature::diagnose::secret_warning;
use crate::signature::hmac_scheme::GenericDef;

pub fn run(args: InitArgs, ctx: &Ctx) -> Result<Exit> {
    let path = ctx.config_path()?;
    let mut file = ConfigFile::open(&path)?;
    let registry = Registry::builtin();

    for pair in &args.secrets {
        let Some((provider, secret)) = pair.split_once('=') else {
            bail_usage!(
                "--secret must be PROVIDER=SECRET, e.g. stripe=whsec_… (the value given has no '=')"
            );
        };
        let provider = provider.trim().to_ascii_lowercase();
        let config = file.config()?;
        if registry.get(&provider).is_none() && !config.schemes.contains_key(&provider) {
            bail_usage!("--secret: unknown provider '{provider}' (`hookctl providers` lists them)");
        }
        // An empty value is an unset variable expanded, not a secret.
        let secret = &crate::cli::values::secret(secret)
            .map_err(|e| usage(format!("--secret {provider}=…: {e}")))?;
        // A secret in use may be what a live receiver checks: replacing it is asked for.
        if !args.force
            && let Some(old) = config.secrets.get(&provider)
            && old != secret
        {
            bail_usage!(
                "--secret {provider}=…: {} already holds a secret for {provider}; pass --force to replace it",
                path.display()
            );
        }
        if let Some(doubt) = secret_doubt(&provider, secret, &config)?
            && !ctx.style.quiet
        {
            eprintln!("warning: --secret {provider}=…: {doubt}");
        }
        file.set_secret(&provider, secret);
    }

    let mut token = None;
    if let Some(relay) = &args.relay {
        file.set_relay_url(&relay_url(relay)?);
    }
    if let Some(t) = &args.token {
        if t.trim().is_empty() {
            bail_usage!("--token is empty or blank: give the relay's token itself");
        }
        let Some(relay) = file.config()?.relay.map(|r| r.url) else {
            bail_usage!(
                "--token is a relay's token: pass --relay URL with it (the relay it is for)"
            );
        };
        token = Some((relay, t.clone()));
    }

    if args.secrets.is_empty() && args.relay.is_none() && args.token.is_none() {
        if !ctx.style.interactive {
            bail_usage!(
                "hookctl init asks questions only on a terminal: pass --secret PROVIDER=SECRET (repeatable) or --relay URL --token T, or edit {}",
                path.display()
            );
        }
        if path.exists()
            && !args.force
            && !Confirm::new()
                .with_prompt(format!("{} exists. Update it?", path.display()))
                .default(true)
                .interact()?
        {
            return Ok(Exit::Ok);
        }
        token = prompt(&mut file, registry)?;
    }

    file.save()?;
    let config = file.config()?;
    let token_file = match token {
        Some((relay, t)) => {
            let db = crate::store::path(ctx.global.db.as_deref())?;
            // listen looks a list's token up by its first relay.
            let first = relay.split(',').next().unwrap_or(&relay);
            Some(relays::save_token(&folder::beside_log(&db), first, &t)?)
        }
        None => None,
    };
    let relay = config.relay.as_ref().map(|r| r.url.as_str());
    if ctx.style.json {
        output::json(&serde_json::json!({
            "path": path,
            "default_provider": config.default_provider,
            "secrets": config.secrets.keys().collect::<Vec<_>>(),
            "schemes": config.schemes.keys().collect::<Vec<_>>(),
            "relay": relay,
            "relay_token_file": token_file,
        }))?;
    } else {
        output::line(format_args!(
            "Wrote {} (mode 0600): {} secret(s), {} scheme(s){}",
            path.display(),
            config.secrets.len(),
            config.schemes.len(),
            relay.map(|r| format!(", relay {r}")).unwrap_or_default()
        ))?;
        if let Some(f) = &token_file {
            output::line(format_args!(
                "Saved the relay's token in {} (mode 0600, beside the delivery log: not in the config, which you may share)",
                f.display()
            ))?;
        }
    }
    Ok(Exit::Ok)
}

/// A relay URL as `listen --relay` takes it, without a trailing slash; or several, comma-separated
/// (the nodes of one relay service).
fn relay_url(text: &str) -> Result<String> {
    let all = hookctl_relay::client::relay_list(&[text]).map_err(|e| usage(e.to_string()))?;
    Ok(all
        .iter()
        .map(|r| r.trim_end_matches('/'))
        .collect::<Vec<_>>()
        .join(","))
}

/// The prompts; what they return is a relay's token to save (relay URL, token).
fn prompt(file: &mut ConfigFile, registry: &Registry) -> Result<Option<(String, String)>> {
    let mut token = None;
    loop {
        let choices = [
            "Save a provider's signing secret",
            "Define a generic HMAC scheme",
            "Choose the default provider (for `sign` without --provider)",
            "Set the relay `listen` connects to (URL and token)",
            "Done",
        ];
        match Select::new()
            .with_prompt("What next?")
            .items(choices)
            .default(0)
            .interact()?
        {
            0 => {
                let ids = provider_choices(registry, &file.config()?);
                let i = FuzzySelect::new()
                    .with_prompt("Provider")
                    .items(&ids)
                    .interact()?;
                ask_secret(file, &ids[i])?;
            }
            1 => {
                let name = define_scheme(file)?;
                if Confirm::new()
                    .with_prompt(format!("Save a secret for {name} now?"))
                    .default(true)
                    .interact()?
                {
                    ask_secret(file, &name)?;
                }
            }
            2 => {
                let ids = provider_choices(registry, &file.config()?);
                let i = FuzzySelect::new()
                    .with_prompt("Default provider")
                    .items(&ids)
                    .interact()?;
                file.set_text("default_provider", &ids[i]);
            }
            3 => {
                let (relay, t) = ask_relay()?;
                file.set_relay_url(&relay);
                token = t.map(|t| (relay, t));
            }
            _ => return Ok(token),
        }
    }
}

/// A relay's URL, asked until it is one, and its token (none for an open relay).
fn ask_relay() -> Result<(String, Option<String>)> {
    let relay = loop {
        let text: String = Input::new()
            .with_prompt("Relay URL (e.g. https://hooks.example.com)")
            .interact_text()?;
        match relay_url(&text) {
            Ok(url) => break url,
            Err(e) => eprintln!("{e}"),
        }
    };
    let token = Password::new()
        .with_prompt("Its token (empty for an open relay)")
        .allow_empty_password(true)
        .interact()?;
    Ok((
        relay,
        (!token.trim().is_empty()).then(|| token.trim().to_string()),
    ))
}

/// Asks for `provider`'s secret and saves it; one that looks wrong (an API key, a missing
/// prefix) is saved only if the user says so after the warning.
fn ask_secret(file: &mut ConfigFile, provider: &str) -> Result<()> {
    let config = file.config()?;
    // As `--secret` needs --force: a saved secret may be what a live receiver checks.
    if config.secrets.contains_key(provider)
        && !Confirm::new()
            .with_prompt(format!("{provider} has a saved secret. Replace it?"))
            .default(false)
            .interact()?
    {
        return Ok(());
    }
    let secret = Password::new()
        .with_prompt(format!("{provider} secret"))
        .interact()?;
    if let Some(doubt) = secret_doubt(provider, &secret, &config)? {
        eprintln!("warning: {doubt}");
        if !Confirm::new()
            .with_prompt("Save it anyway?")
            .default(false)
            .interact()?
        {
            return Ok(());
        }
    }
    file.set_secret(provider, &secret);
    Ok(())
}

fn define_scheme(file: &mut ConfigFile) -> Result<String> {
    let name: String = Input::new()
        .with_prompt("Scheme name (used as --provider NAME)")
        .interact_text()?;
    let name = name.trim().to_ascii_lowercase();
    let def = GenericDef {
        header: Input::new()
            .with_prompt("Signature header")
            .interact_text()?,
        algorithm: pick("Algorithm", &["sha256", "sha1", "sha512"])?,
        encoding: pick("Encoding", &["hex", "base64", "base64url"])?,
        prefix: optional("Prefix before the signature (e.g. sha256=), empty for none")?,
        timestamp_header: optional("Timestamp header, empty for none")?,
        signed_template: optional(
            "Signed template (e.g. {timestamp}.{body}), empty for the default",
        )?,
        ..Default::default()
    };
    def.build(&name).map_err(usage)?;
    file.set_scheme(&name, &def)?;
    Ok(name)
}

/// What the provider prompts offer: the config's own schemes first — one just defined is there,
/// and typing its name finds it before any built-in provider it resembles — then every built-in.
fn provider_choices(registry: &Registry, config: &Config) -> Vec<String> {
    config
        .schemes
        .keys()
        .cloned()
        .chain(registry.all().iter().map(|s| s.info().id.clone()))
        .collect()
}

/// Why `secret` looks wrong for `provider`: the warning `verify` gives for it (an API key pasted
/// for a signing secret, the provider's prefix missing), or None.
fn secret_doubt(provider: &str, secret: &str, config: &Config) -> Result<Option<String>> {
    let scheme = provider_lookup::scheme(provider, &GenericArgs::default(), config)?;
    Ok(secret_warning(scheme.info(), secret))
}

fn pick(prompt: &str, items: &[&str]) -> Result<String> {
    Ok(items[Select::new()
        .with_prompt(prompt)
        .items(items)
        .default(0)
        .interact()?]
    .to_string())
}

fn optional(prompt: &str) -> Result<Option<String>> {
    let s: String = Input::new()
        .with_prompt(prompt)
        .allow_empty(true)
        .interact_text()?;
    Ok((!s.trim().is_empty()).then_some(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_acme() -> Config {
        let mut config = Config::default();
        config.schemes.insert(
            "acme".into(),
            GenericDef {
                header: "X-Acme-Signature".into(),
                algorithm: "sha256".into(),
                encoding: "hex".into(),
                ..Default::default()
            },
        );
        config
    }

    #[test]
    fn a_scheme_just_defined_is_offered_first_and_typing_its_name_picks_it() {
        let registry = Registry::builtin();
        let ids = provider_choices(registry, &with_acme());
        assert_eq!(ids[0], "acme");
        assert!(ids.iter().any(|i| i == "coinbase-commerce"));
        assert!(ids.iter().any(|i| i == "stripe"));
        // What the prompt does with what is typed: the best fuzzy match comes first.
        use fuzzy_matcher::FuzzyMatcher;
        let m = fuzzy_matcher::skim::SkimMatcherV2::default();
        let best = ids
            .iter()
            .filter_map(|i| m.fuzzy_match(i, "acme").map(|s| (s, i)))
            .max_by_key(|(s, _)| *s)
            .unwrap();
        assert_eq!(best.1, "acme");
    }

    #[test]
    fn a_relay_url_is_saved_as_listen_takes_it_and_one_without_a_scheme_is_refused() {
        assert_eq!(
            relay_url(" https://hooks.example.com/ ").unwrap(),
            "https://hooks.example.com"
        );
        assert_eq!(
            relay_url("http://127.0.0.1:8787").unwrap(),
            "http://127.0.0.1:8787"
        );
        for bad in ["hooks.example.com", "ftp://hooks.example.com", "https://"] {
            let e = relay_url(bad).unwrap_err();
            assert!(e.to_string().contains("--relay"), "{bad}: {e}");
        }
    }

    #[test]
    fn an_api_key_pasted_as_a_signing_secret_gets_verifys_warning() {
        let config = with_acme();
        for key in ["sk_live_abc", "sk_test_abc", "rk_live_abc"] {
            let doubt = secret_doubt("stripe", key, &config).unwrap().unwrap();
            assert!(doubt.contains("API key"), "{key}: {doubt}");
        }
        let doubt = secret_doubt("stripe", "no-prefix", &config)
            .unwrap()
            .unwrap();
        assert!(doubt.contains("whsec_"), "{doubt}");
        assert_eq!(secret_doubt("stripe", "whsec_abc", &config).unwrap(), None);
        assert_eq!(secret_doubt("acme", "s3cret", &config).unwrap(), None);
        assert!(
            secret_doubt("acme", "sk_live_x", &config)
                .unwrap()
                .is_some()
        );
    }
}
