//! `hookctl sign`: the signature headers a real delivery of a body would carry.

use std::collections::BTreeMap;

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::Ctx;
use super::shared::{input, provider_lookup};
use crate::bail_usage;
use crate::cli::SignArgs;
use crate::output::{self, Exit, usage};
use crate::signature::SignRequest;

pub fn run(args: SignArgs, ctx: &Ctx) -> Result<Exit> {
    let config = ctx.config()?;
    let Some(provider) = args.provider.as_ref().or(config.default_provider.as_ref()) else {
        bail_usage!(
            "sign needs --provider ID (`hookctl providers` lists them), or a default provider saved with `hookctl init`"
        );
    };
    let scheme = provider_lookup::scheme(provider, &args.generic, &config)?;
    let info = scheme.info();
    if !info.can_sign {
        bail_usage!(
            "{} deliveries cannot be signed: {} (verify works)",
            info.name,
            info.signed
        );
    }
    let body = input::read_body(&args.source)?;
    let timestamp = args
        .timestamp
        .unwrap_or_else(|| chrono::Utc::now().timestamp());
    // A stable default id keeps `sign` deterministic: same inputs, same output.
    let id = args.id.clone().unwrap_or_else(|| {
        let digest = Sha256::new()
            .chain_update(timestamp.to_string())
            .chain_update(&body)
            .finalize();
        format!("msg_{}", &hex::encode(digest)[..24])
    });
    let secret = match &args.secret {
        Some(s) => Some(s.clone()),
        None => config
            .secrets
            .get(&info.id)
            .map(|s| super::shared::key_lookup::configured_secret(s, &info.id))
            .transpose()?,
    };
    let private_key = args
        .private_key
        .as_deref()
        .map(input::key_text)
        .transpose()?;
    let req = SignRequest {
        body,
        timestamp,
        id,
        method: args.method.to_ascii_uppercase(),
        url: args.url.clone(),
        headers: input::parse_headers(&args.headers)?,
        secret,
        private_key,
        key_id: args.key_id.clone(),
        variant: args.variant.clone(),
    };
    let signed = scheme.sign(&req).map_err(usage)?;

    if ctx.style.json {
        let headers: BTreeMap<&str, &str> = signed.headers.iter().collect();
        let mut doc = serde_json::json!({ "headers": headers });
        if let Some(url) = &signed.url {
            doc["url"] = url.as_str().into();
        }
        if let Some(body) = &signed.body {
            doc["body"] = String::from_utf8_lossy(body).into();
        }
        output::json(&doc)?;
        return Ok(Exit::Ok);
    }
    for (name, value) in signed.headers.iter() {
        output::line(format_args!("{name}: {value}"))?;
    }
    if let Some(url) = &signed.url
        && !ctx.style.quiet
    {
        eprintln!("note: the scheme signs the URL; send to {url}");
    }
    if let Some(body) = &signed.body {
        output::line("")?;
        output::bytes(body)?;
    }
    Ok(Exit::Ok)
}
