//! Which key signs what hookctl sends: the flags, else the config file, else a development key
//! created once per provider, saved, and shown the first time — so a receiver is configured once,
//! like Stripe's stable `whsec_`.

use anyhow::Result;

use super::Ctx;
use crate::config::{Config, KeyPair};
use crate::signature::{KeyKind, KeyMaterial, Scheme};

/// The key material for `scheme`. `secret` / `private_key` come from the flags.
pub fn key_for(
    scheme: &dyn Scheme,
    secret: Option<&str>,
    private_key: Option<&str>,
    ctx: &Ctx,
) -> Result<KeyMaterial> {
    if secret.is_some() || private_key.is_some() {
        let private_key = private_key.map(super::input::key_text).transpose()?;
        return Ok(KeyMaterial {
            secret: secret.map(str::to_string),
            private_key,
            public_key: None,
        });
    }
    let path = ctx.config_path()?;
    let mut config = Config::load(&path)?;
    let id = scheme.info().id.clone();
    if let Some(s) = config.secrets.get(&id) {
        return Ok(KeyMaterial {
            secret: Some(s.clone()),
            ..Default::default()
        });
    }
    if let Some(k) = config.keys.get(&id) {
        return Ok(KeyMaterial {
            secret: None,
            private_key: Some(k.private_key.clone()),
            public_key: Some(k.public_key.clone()),
        });
    }
    let key = scheme.new_key(&rand::random::<[u8; 32]>());
    match (scheme.info().key, &key) {
        (
            KeyKind::KeyPair,
            KeyMaterial {
                private_key: Some(private_key),
                public_key: Some(public_key),
                ..
            },
        ) => {
            config.keys.insert(
                id.clone(),
                KeyPair {
                    private_key: private_key.clone(),
                    public_key: public_key.clone(),
                },
            );
        }
        (
            _,
            KeyMaterial {
                secret: Some(secret),
                ..
            },
        ) => {
            config.secrets.insert(id.clone(), secret.clone());
        }
        _ => anyhow::bail!(
            "{} has no key form hookctl can create: pass --secret or --private-key",
            scheme.info().name
        ),
    }
    config.save(&path)?;
    if !ctx.style.quiet {
        // Shown once: this is how the developer configures their receiver.
        match (&key.secret, &key.public_key) {
            (Some(secret), _) => eprintln!(
                "Created a development secret for {id}, saved in {}: {secret}",
                path.display()
            ),
            (None, Some(public)) => eprintln!(
                "Created a development key pair for {id}, saved in {}; verify with the public key: {public}",
                path.display()
            ),
            _ => {}
        }
    }
    Ok(key)
}
