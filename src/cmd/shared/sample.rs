//! Signed sample deliveries of a catalog event: what `trigger` sends, and what the commands that
//! probe or load an endpoint send, built one way so they all sign exactly as the provider does.

use std::sync::Arc;

use anyhow::Result;

use super::key_lookup::{self, NewKey};
use super::{input, provider_lookup};
use crate::cli::SampleArgs;
use crate::cmd::Ctx;
use crate::config::Config;
use crate::events::{Catalog, Event, Generated, user_dirs};
use crate::http::Outgoing;
use crate::message::{Delivery, Headers};
use crate::output::usage;
use crate::signature::{self, KeyMaterial, Scheme};
use crate::store::Source;

/// Everything fixed across the deliveries of one run: the event, the scheme and key, the user's
/// overrides. Cheap to share across tasks behind an `Arc`.
pub struct Sampler {
    pub event: Event,
    pub scheme: Arc<dyn Scheme>,
    pub key: KeyMaterial,
    sets: Vec<(String, String)>,
    data: Option<Vec<u8>>,
    extra_headers: Headers,
}

/// One delivery's content before it is signed: sign it (again) for each attempt.
#[derive(Debug, Clone)]
pub struct Unsigned {
    pub body: Vec<u8>,
    pub headers: Headers,
    /// The delivery id the payload and headers carry; a retry keeps it, as providers do.
    pub message_id: String,
}

impl Sampler {
    /// Resolves `event_id` in the catalog and the flags into a sampler; every mistake in the
    /// flags (unknown event or provider, bad --set, unreadable --data) is a usage error found
    /// here, before anything is sent.
    pub fn from_args(event_id: &str, args: &SampleArgs, ctx: &Ctx) -> Result<Sampler> {
        Self::build(event_id, args, ctx, Some(NewKey::Saved))
    }

    /// As [`Sampler::from_args`], for deliveries sent unsigned (`load --no-sign`): no key is
    /// looked up, so no development key is made for a run that signs nothing.
    pub fn unsigned_from_args(event_id: &str, args: &SampleArgs, ctx: &Ctx) -> Result<Sampler> {
        Self::build(event_id, args, ctx, None)
    }

    /// As [`Sampler::from_args`], with the catalog and the config already loaded (one load of
    /// each for many endpoints), for commands that only read the config: a development key
    /// they need is made for the run, not saved.
    pub fn from_catalog(
        catalog: &Catalog,
        config: &Config,
        event_id: &str,
        args: &SampleArgs,
        ctx: &Ctx,
    ) -> Result<Sampler> {
        Self::build_in(catalog, config, event_id, args, ctx, Some(NewKey::ThisRun))
    }

    /// `sign`: where a development key goes, or None for a run that signs nothing.
    fn build(
        event_id: &str,
        args: &SampleArgs,
        ctx: &Ctx,
        sign: Option<NewKey>,
    ) -> Result<Sampler> {
        Self::build_in(
            &catalog(args, ctx)?,
            &ctx.config()?,
            event_id,
            args,
            ctx,
            sign,
        )
    }

    fn build_in(
        catalog: &Catalog,
        config: &Config,
        event_id: &str,
        args: &SampleArgs,
        ctx: &Ctx,
        sign: Option<NewKey>,
    ) -> Result<Sampler> {
        let event = catalog.find(event_id)?.clone();
        let provider = args
            .provider
            .clone()
            .unwrap_or_else(|| event.signed_with().to_string());
        let scheme = scheme_for(&provider, args, config, sign.is_some())?;
        let sets = args
            .set
            .iter()
            .map(|s| match s.split_once('=') {
                Some((path, value)) if !path.trim().is_empty() => {
                    Ok((path.trim().to_string(), value.to_string()))
                }
                _ => Err(usage(format!(
                    "--set '{s}' must be PATH=VALUE, e.g. --set data.object.amount=5000"
                ))),
            })
            .collect::<Result<Vec<_>>>()?;
        let data = args
            .data
            .as_deref()
            .map(|p| input::read_file(p, "--data"))
            .transpose()?;
        let mut sampler = Sampler {
            event,
            scheme,
            key: KeyMaterial::default(),
            sets,
            data,
            extra_headers: input::parse_headers(&args.headers)?,
        };
        // One payload up front, so a bad --set path is reported before anything is sent, and
        // before a development key is made for a run that was never going to happen.
        sampler.fresh()?;
        sampler.key = key_for(sampler.scheme.as_ref(), args, ctx, sign)?;
        Ok(sampler)
    }

    /// A new delivery: generated payload (or --data), overrides applied, the event's headers
    /// then the user's.
    pub fn fresh(&self) -> Result<Unsigned> {
        let mut g: Generated = self.event.generate(&mut rand::thread_rng());
        if let Some(data) = &self.data {
            g.body = data.clone();
            if !self.sets.is_empty() {
                g.payload = serde_json::from_slice(data).map_err(|_| {
                    usage("--set edits a JSON payload, but the --data file is not JSON")
                })?;
                g.encoding = crate::events::Encoding::Json;
            }
        }
        for (path, value) in &self.sets {
            g.set(path, value)
                .map_err(|e| usage(format!("--set {path}={value}: {e}")))?;
        }
        let mut headers = g.headers;
        for (name, value) in self.extra_headers.iter() {
            headers.set(name, value);
        }
        Ok(Unsigned {
            body: g.body,
            headers,
            message_id: g.message_id,
        })
    }

    /// `unsigned` signed for `url` at `timestamp` (Unix seconds), as the provider would send it.
    pub fn sign(&self, unsigned: &Unsigned, url: &str, timestamp: i64) -> Result<Delivery> {
        self.sign_with(unsigned, url, timestamp, &self.key)
    }

    /// As [`Sampler::sign`], with another key: `validate` signs with a wrong one on purpose.
    pub fn sign_with(
        &self,
        unsigned: &Unsigned,
        url: &str,
        timestamp: i64,
        key: &KeyMaterial,
    ) -> Result<Delivery> {
        let mut delivery = Delivery {
            method: "POST".into(),
            url: Some(url.to_string()),
            headers: unsigned.headers.clone(),
            body: unsigned.body.clone(),
        };
        let req = key.sign_request(timestamp, unsigned.message_id.clone());
        signature::attach(self.scheme.as_ref(), &mut delivery, req).map_err(usage)?;
        Ok(delivery)
    }

    /// A delivery this sampler signed, as a request to send to `url` (or to the URL the scheme
    /// signed), labelled with its event type and provider for the delivery log.
    pub fn outgoing(&self, d: Delivery, url: &str, source: Source) -> Outgoing {
        let url = d.url.unwrap_or_else(|| url.to_string());
        let mut out = Outgoing::new(source, &d.method, &url, d.headers, d.body);
        out.event_type = Some(self.event.event_type.clone());
        out.provider = Some(self.provider().to_string());
        out
    }

    /// The provider id deliveries are signed as (recorded in the log).
    pub fn provider(&self) -> &str {
        &self.scheme.info().id
    }
}

/// The scheme named `provider` (built-in, generic, or named in the config); when it is to
/// `sign`, one that can sign locally.
pub fn scheme_for(
    provider: &str,
    args: &SampleArgs,
    config: &Config,
    sign: bool,
) -> Result<Arc<dyn Scheme>> {
    let scheme = provider_lookup::scheme(provider, &args.generic, config)?;
    if sign && !scheme.info().can_sign {
        crate::bail_usage!(
            "{} deliveries cannot be signed locally; pick another --provider",
            scheme.info().name
        );
    }
    Ok(scheme)
}

/// The key `scheme` signs with: the flags', else the config's, else a development key. None
/// when the run is not to `sign`, so no development key is made for a run that signs nothing. (It reads the config itself: a key it makes is saved there, and the next lookup must
/// see it.)
pub fn key_for(
    scheme: &dyn Scheme,
    args: &SampleArgs,
    ctx: &Ctx,
    sign: Option<NewKey>,
) -> Result<KeyMaterial> {
    let Some(new_key) = sign else {
        return Ok(KeyMaterial::default());
    };
    let mut key = key_lookup::key_for(
        scheme,
        args.secret.as_deref(),
        args.private_key.as_deref(),
        new_key,
        ctx,
    )?;
    key.key_id = args.key_id.clone();
    Ok(key)
}

/// The built-in catalog plus the user's event files and `--catalog`.
pub fn catalog(args: &SampleArgs, ctx: &Ctx) -> Result<Catalog> {
    Catalog::load(
        &user_dirs(&ctx.config_path()?, args.catalog.as_deref()),
        &provider_lookup::registry(&ctx.config()?)?,
    )
}
