//! `hookctl init`: set up the config file — named secrets and generic schemes — by flags, or by
//! prompts on a terminal.

use anyhow::Result;
use dialoguer::{Confirm, Input, Password, Select};

use super::Ctx;
use crate::bail_usage;
use crate::cli::InitArgs;
use crate::config::Config;
use crate::output::{self, Exit, usage};
use crate::signature::Registry;
use crate::signature::hmac_scheme::GenericDef;

pub fn run(args: InitArgs, ctx: &Ctx) -> Result<Exit> {
    let path = ctx.config_path()?;
    let mut config = ctx.config()?;
    let registry = Registry::builtin();

    for pair in &args.secrets {
        let Some((provider, secret)) = pair.split_once('=') else {
            bail_usage!(
                "--secret must be PROVIDER=SECRET, e.g. stripe=whsec_… (the value given has no '=')"
            );
        };
        let provider = provider.trim().to_ascii_lowercase();
        if registry.get(&provider).is_none() && !config.schemes.contains_key(&provider) {
            bail_usage!("--secret: unknown provider '{provider}' (`hookctl providers` lists them)");
        }
        // An empty value is an unset variable expanded, not a secret.
        let secret = crate::cli::values::secret(secret)
            .map_err(|e| usage(format!("--secret {provider}=…: {e}")))?;
        config.secrets.insert(provider, secret);
    }

    if args.secrets.is_empty() {
        if !ctx.style.interactive {
            bail_usage!(
                "hookctl init asks questions only on a terminal: pass --secret PROVIDER=SECRET (repeatable), or edit {}",
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
        prompt(&mut config, registry)?;
    }

    config.save(&path)?;
    if ctx.style.json {
        output::json(&serde_json::json!({
            "path": path,
            "secrets": config.secrets.keys().collect::<Vec<_>>(),
            "schemes": config.schemes.keys().collect::<Vec<_>>(),
        }))?;
    } else {
        output::line(format_args!(
            "Wrote {} (mode 0600): {} secret(s), {} scheme(s)",
            path.display(),
            config.secrets.len(),
            config.schemes.len()
        ))?;
    }
    Ok(Exit::Ok)
}

fn prompt(config: &mut Config, registry: &Registry) -> Result<()> {
    let ids: Vec<String> = registry.all().iter().map(|s| s.info().id.clone()).collect();
    loop {
        let choices = [
            "Save a provider's signing secret",
            "Define a generic HMAC scheme",
            "Done",
        ];
        match Select::new()
            .with_prompt("What next?")
            .items(choices)
            .default(0)
            .interact()?
        {
            0 => {
                let i = dialoguer::FuzzySelect::new()
                    .with_prompt("Provider")
                    .items(&ids)
                    .interact()?;
                let secret = Password::new()
                    .with_prompt(format!("{} secret", ids[i]))
                    .interact()?;
                config.secrets.insert(ids[i].clone(), secret);
            }
            1 => {
                let name: String = Input::new()
                    .with_prompt("Scheme name (used as --provider NAME)")
                    .interact_text()?;
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
                config.schemes.insert(name, def);
            }
            _ => return Ok(()),
        }
    }
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
