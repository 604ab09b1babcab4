//! `POST /api/send`: a catalog event, its payload generated or edited, signed as its provider
//! signs (or not), sent through the one way out — so it lands in the log, and in the list.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::error::ApiError;
use super::shown;
use crate::cli::SampleArgs;
use crate::cmd::shared::sample::Sampler;
use crate::console::state::State as Console;
use crate::http::target_url;
use crate::message::{Delivery, Headers};
use crate::store::Source;

/// How long the target may take to answer.
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    /// The catalog event (`stripe.payment_intent.succeeded`).
    pub event: String,
    /// Where to send it.
    pub to: String,
    /// The payload as edited; a freshly generated one when absent.
    pub body: Option<String>,
    /// Headers added to (or replacing) the event's own.
    pub headers: Option<Headers>,
    /// Sign as another provider than the event's.
    pub provider: Option<String>,
    /// Sign it (the default), or send it unsigned.
    pub sign: Option<bool>,
}

pub async fn send(
    State(state): State<Arc<Console>>,
    Json(req): Json<SendRequest>,
) -> Result<Response, ApiError> {
    let to = target_url(&req.to, "to")
        .map_err(crate::output::usage)?
        .to_string();
    let sign = req.sign.unwrap_or(true);
    let args = SampleArgs {
        provider: req.provider.clone(),
        ..Default::default()
    };
    let ctx = state.ctx.clone();
    let event = req.event.clone();
    let sampler = tokio::task::spawn_blocking(move || {
        if sign {
            Sampler::from_args(&event, &args, &ctx)
        } else {
            Sampler::unsigned_from_args(&event, &args, &ctx)
        }
    })
    .await
    .map_err(|e| ApiError::from(anyhow::Error::new(e)))??;
    let mut unsigned = sampler.fresh()?;
    if let Some(b) = req.body {
        unsigned.body = b.into_bytes();
    }
    for (name, value) in req.headers.iter().flat_map(|h| h.iter()) {
        unsigned.headers.set(name, value);
    }
    let delivery = if sign {
        sampler.sign(&unsigned, &to, chrono::Utc::now().timestamp())?
    } else {
        Delivery {
            method: "POST".into(),
            url: Some(to.clone()),
            headers: unsigned.headers,
            body: unsigned.body,
        }
    };
    let mut out = sampler.outgoing(delivery, &to, Source::Trigger);
    if !sign {
        out.provider = None;
    }
    out.timeout = TIMEOUT;
    let record = state.sender.send(out).await?;
    Ok(shown::json_response(shown::to_json(&record)))
}
