//! Which key signs what hookctl sends: the flags, else the config file, else a development key
//! created once per provider, saved, and shown the first time — so a receiver is configured once,
//! like Stripe's stable `whsec_`. And which keys verify what it receives (`verify`, `listen`).

use std::sync::Arc;

use anyhow::Result;

use crate::cmd::Ctx;
use crate::config::{Config, ConfigFile, KeyPair};
use crate::signature::{KeyKind, KeyMaterial, Keys, Scheme, Verdict};

/// Where a development key goes when neither the flags nor the config give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKey {
    /// Saved in the config, so the receiver is configured once: commands that send (`trigger`,
    /// `replay --resign`, `load`, `sign`).
    Saved,
    /// Made for this run and shown, the config left as it is: commands that only read the
    /// config (`validate`, `monitor`) never write it.
    ThisRun,
}

/// The key material for `scheme`. `secret` / `private_key` come from the flags.
pub fn key_for(
    scheme: &dyn Scheme,
    secret: Option<&str>,
    private_key: Option<&str>,
    new_key: NewKey,
    ctx: &Ctx,
) -> Result<KeyMaterial> {
    if secret.is_some() || private_key.is_some() {
        let private_key = private_key.map(super::input::key_text).transpose()?;
        return Ok(KeyMaterial {
            secret: secret.map(str::to_string),
            private_key,
            ..Default::default()
        });
    }
    let path = ctx.config_path()?;
    let config = Config::load(&path)?;
    let id = scheme.info().id.clone();
    if let Some(s) = config.secrets.get(&id) {
        return Ok(KeyMaterial {
            secret: Some(configured_secret(s, &id)?),
            ..Default::default()
        });
    }
    if let Some(k) = config.keys.get(&id) {
        return Ok(KeyMaterial {
            private_key: Some(k.private_key.clone()),
            public_key: Some(k.public_key.clone()),
            ..Default::default()
        });
    }
    let key = scheme.new_key(&rand::random::<[u8; 32]>());
    let shown = match (&key.secret, &key.public_key) {
        (Some(secret), _) => format!("a development secret for {id}: {secret}"),
        (None, Some(public)) => {
            format!("a development key pair for {id}; verify with the public key: {public}")
        }
        _ => anyhow::bail!(
            "{} has no key form hookctl can create: pass --secret or --private-key",
            scheme.info().name
        ),
    };
    if new_key == NewKey::ThisRun {
        if !ctx.style.quiet {
            eprintln!(
                "No key for {id} in {}: signing with {shown} (made for this run only; `hookctl init --secret {id}=…` or --secret keeps one)",
                path.display()
            );
        }
        return Ok(key);
    }
    let mut file = ConfigFile::open(&path)?;
    match (scheme.info().key, &key) {
        (
            KeyKind::KeyPair,
            KeyMaterial {
                private_key: Some(private_key),
                public_key: Some(public_key),
                ..
            },
        ) => file.set_key_pair(
            &id,
            &KeyPair {
                private_key: private_key.clone(),
                public_key: public_key.clone(),
            },
        ),
        (
            _,
            KeyMaterial {
                secret: Some(secret),
                ..
            },
        ) => file.set_secret(&id, secret),
        _ => anyhow::bail!(
            "{} has no key form hookctl can create: pass --secret or --private-key",
            scheme.info().name
        ),
    }
    file.save()?;
    if !ctx.style.quiet {
        // Shown once: this is how the developer configures their receiver.
        eprintln!("Created {shown}, saved in {}", path.display());
    }
    Ok(key)
}

/// A secret from the config file: blank is a mistake there as on the command line.
pub fn configured_secret(secret: &str, id: &str) -> Result<String> {
    crate::cli::values::secret(secret).map_err(|_| {
        crate::output::usage(format!(
            "the config file's secret for {id} is empty: set one with `hookctl init --secret {id}=…`, or pass --secret"
        ))
    })
}

/// The keys that verify deliveries of `scheme`: the secrets given (repeatable, for rotation), else
/// `HOOKCTL_SECRET`, else the provider's secret in the config; the public key given (already read
/// with `input::key_text`), else the public half of the key pair saved in the config — the one
/// hookctl made to sign for this provider, so what it signs it can verify with no flags.
pub fn verify_keys(
    scheme: &dyn Scheme,
    secrets: &[String],
    public_key: Option<String>,
    config: &Config,
) -> Result<Keys> {
    let id = &scheme.info().id;
    let mut secrets = secrets.to_vec();
    if secrets.is_empty() {
        if let Ok(s) = std::env::var("HOOKCTL_SECRET") {
            // Blank is a mistake (an unset variable expanded), as it is for --secret.
            let s = crate::cli::values::secret(&s)
                .map_err(|e| crate::output::usage(format!("HOOKCTL_SECRET: {e}")))?;
            secrets.push(s);
        } else if let Some(s) = config.secrets.get(id) {
            secrets.push(configured_secret(s, id)?);
        }
    }
    let public_key = public_key.or_else(|| config.keys.get(id).map(|k| k.public_key.clone()));
    Ok(Keys {
        secrets,
        public_key,
    })
}

/// A scheme and its verdict on a delivery.
pub type Judged = (Arc<dyn Scheme>, Verdict);

/// The first candidate whose verdict from `check` is valid; failing that, the first candidate's
/// verdict, as the most likely provider's explains best. `verify` and `listen --verify-provider`
/// both decide this way among the schemes `--provider auto` detects.
/// `check` may fail (`verify` stops on a secret it cannot use) or not (`listen` turns that into
/// the delivery's verdict, with `E = Infallible`).
pub fn first_valid<E>(
    candidates: &[Arc<dyn Scheme>],
    mut check: impl FnMut(&dyn Scheme) -> Result<Verdict, E>,
) -> Result<Option<Judged>, E> {
    let mut first = None;
    for scheme in candidates {
        let verdict = check(scheme.as_ref())?;
        if verdict.is_valid() {
            return Ok(Some((scheme.clone(), verdict)));
        }
        first.get_or_insert((scheme.clone(), verdict));
    }
    Ok(first)
}

/// Whether `keys` hold what `scheme` verifies with: a public key for key-pair schemes; a secret,
/// or a public key for a secret scheme's asymmetric variant (Standard Webhooks `v1a`), otherwise.
pub fn can_verify(scheme: &dyn Scheme, keys: &Keys) -> bool {
    match scheme.info().key {
        KeyKind::KeyPair => keys.public_key.is_some(),
        KeyKind::Secret => !keys.secrets.is_empty() || keys.public_key.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Registry;

    #[test]
    fn flags_come_first_then_the_config_and_key_pairs_give_their_public_half() {
        let discord = Registry::builtin().get("discord").unwrap();
        let mut config = Config::default();
        config.keys.insert(
            "discord".into(),
            KeyPair {
                private_key: "private".into(),
                public_key: "saved-public".into(),
            },
        );
        let keys = verify_keys(discord.as_ref(), &[], None, &config).unwrap();
        assert_eq!(keys.public_key.as_deref(), Some("saved-public"));
        assert!(can_verify(discord.as_ref(), &keys));
        let keys = verify_keys(discord.as_ref(), &[], Some("given".into()), &config).unwrap();
        assert_eq!(keys.public_key.as_deref(), Some("given"));
        let none = verify_keys(discord.as_ref(), &[], None, &Config::default()).unwrap();
        assert!(!can_verify(discord.as_ref(), &none));

        let stripe = Registry::builtin().get("stripe").unwrap();
        config.secrets.insert("stripe".into(), "whsec_saved".into());
        let given = verify_keys(stripe.as_ref(), &["whsec_a".into()], None, &config).unwrap();
        assert_eq!(given.secrets, ["whsec_a"]);
        assert!(can_verify(stripe.as_ref(), &given));
    }
}
