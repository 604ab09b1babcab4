//! The verdict on a delivery's signature among candidate schemes, explained: what `verify`
//! reports and what the web console shows beside a stored delivery.

use std::sync::Arc;

use anyhow::Result;

use super::key_lookup;
use crate::config::Config;
use crate::message::Delivery;
use crate::signature::{Scheme, Verdict, VerifyOptions, diagnose};

/// The keys to verify with beyond the config's: `verify`'s flags (none for the console).
#[derive(Debug, Clone, Default)]
pub struct GivenKeys {
    pub secrets: Vec<String>,
    pub public_key: Option<String>,
}

/// The scheme that judged, its verdict, and the schemes the headers fitted.
pub struct Judgement {
    pub scheme: Arc<dyn Scheme>,
    pub verdict: Verdict,
    pub tried: Vec<String>,
}

/// The first candidate that finds `d` valid, else the first's verdict, explained; with several
/// candidates, a failure says which others fit. `None` when there is no candidate.
pub fn judge(
    d: &Delivery,
    candidates: &[Arc<dyn Scheme>],
    given: &GivenKeys,
    config: &Config,
    opts: &VerifyOptions,
) -> Result<Option<Judgement>> {
    let Some((scheme, mut verdict)) = key_lookup::first_valid(candidates, |scheme| {
        let keys =
            key_lookup::verify_keys(scheme, &given.secrets, given.public_key.clone(), config)?;
        let verdict = scheme.verify(d, &keys, opts);
        Ok::<_, anyhow::Error>(diagnose::explain(scheme, d, &keys, opts, verdict))
    })?
    else {
        return Ok(None);
    };
    let tried: Vec<String> = candidates.iter().map(|s| s.info().id.clone()).collect();
    if !verdict.is_valid() && tried.len() > 1 {
        verdict.hints.push(format!(
            "the headers fit {}; this report is for {}: pass --provider to pick another",
            tried.join(", "),
            scheme.info().id
        ));
    }
    Ok(Some(Judgement {
        scheme,
        verdict,
        tried,
    }))
}
