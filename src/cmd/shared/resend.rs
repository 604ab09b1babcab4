//! Sending a stored delivery again — byte-exact, or re-signed with a fresh timestamp, to its URL
//! or another, its headers and body edited or not — as a new record linked to the original:
//! the one path `replay` and the web console's replays take.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use super::{key_lookup, provider_lookup};
use crate::bail_usage;
use crate::cmd::Ctx;
use crate::http::{Outgoing, retarget};
use crate::message::{Delivery, Headers};
use crate::output::usage;
use crate::signature::{self, KeyMaterial, Scheme};
use crate::store::{Record, Source};

/// How to re-sign: the scheme and key material, resolved once for a whole batch.
pub struct Resign {
    pub scheme: Arc<dyn Scheme>,
    pub key: KeyMaterial,
}

/// Where the key comes from: the flags (`replay --secret`), else the config, else a
/// development key saved there, as `trigger` signs.
#[derive(Debug, Clone, Default)]
pub struct KeyFlags {
    pub secret: Option<String>,
    pub private_key: Option<String>,
    pub key_id: Option<String>,
}

impl Resign {
    pub fn new(provider: &str, flags: &KeyFlags, ctx: &Ctx) -> Result<Resign> {
        let config = ctx.config()?;
        let scheme = provider_lookup::scheme(provider, &Default::default(), &config)?;
        let mut key = key_lookup::key_for(
            scheme.as_ref(),
            flags.secret.as_deref(),
            flags.private_key.as_deref(),
            key_lookup::NewKey::Saved,
            ctx,
        )?;
        key.key_id = flags.key_id.clone();
        Ok(Resign { scheme, key })
    }
}

/// The scheme that signed a stored delivery: the one its record names, else the one its
/// headers point to (`listen` without `--verify-provider` records no provider).
pub fn signed_by(r: &Record) -> Option<signature::registry::SchemeRef> {
    let registry = signature::Registry::builtin();
    match &r.provider {
        Some(p) => registry.get(p),
        None => signature::registry::detect(registry, &r.request.headers)
            .into_iter()
            .next(),
    }
}

/// What to change before sending: nothing, for a byte-exact replay.
#[derive(Debug, Clone, Default)]
pub struct Edit {
    /// Another URL, or a base URL whose path the original's replaces (`http::retarget`).
    pub to: Option<String>,
    /// The headers instead of the stored ones.
    pub headers: Option<Headers>,
    /// The body instead of the stored one.
    pub body: Option<Vec<u8>>,
}

/// The request to send again for one stored record.
pub fn prepare(
    r: &Record,
    edit: &Edit,
    resign: Option<&Resign>,
    timeout: Duration,
) -> Result<Outgoing> {
    let url = retarget(&r.request.url, edit.to.as_deref()).map_err(usage)?;
    let mut delivery = Delivery::from(r.request.clone());
    delivery.url = Some(url);
    if let Some(h) = &edit.headers {
        delivery.headers = h.clone();
    }
    if let Some(b) = &edit.body {
        delivery.body = b.clone();
    }
    if let Some(rs) = resign {
        let req = rs
            .key
            .sign_request(chrono::Utc::now().timestamp(), signature::new_message_id());
        signature::attach(rs.scheme.as_ref(), &mut delivery, req).map_err(usage)?;
    } else if let Some((name, _)) = delivery
        .headers
        .iter()
        .find(|(_, v)| v.contains(crate::store::REDACTED))
    {
        bail_usage!(
            "{} carries a credential that was masked in the log ({name}): replay it with --resign --secret",
            r.id
        );
    }
    let mut out = Outgoing::new(
        Source::Replay,
        &delivery.method,
        delivery.url.as_deref().unwrap_or_default(),
        delivery.headers,
        delivery.body,
    );
    out.event_type = r.event_type.clone();
    out.provider = resign
        .map(|rs| rs.scheme.info().id.clone())
        .or_else(|| r.provider.clone());
    out.replay_of = Some(r.id.clone());
    out.timeout = timeout;
    Ok(out)
}
