//! `GET /api/deliveries/{id}/signature`: the verify core's verdict on a stored delivery, as it
//! stood when the delivery was recorded, with its explanation — the provider the record names or
//! its headers point to, the secrets from the config (never sent to the page).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::deliveries::find;
use super::error::ApiError;
use crate::cmd::shared::judge::{self, GivenKeys};
use crate::cmd::shared::provider_lookup;
use crate::console::state::State as Console;
use crate::message::Delivery;
use crate::signature::{Scheme, VerifyOptions, detect};

pub async fn signature(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let record = find(&state, id).await?;
    let ctx = state.ctx.clone();
    let verdict = tokio::task::spawn_blocking(move || -> anyhow::Result<Value> {
        let config = ctx.config()?;
        let registry = provider_lookup::registry(&config)?;
        let candidates: Vec<Arc<dyn Scheme>> = match record
            .provider
            .as_deref()
            .and_then(|p| provider_lookup::scheme(p, &Default::default(), &config).ok())
        {
            Some(s) => vec![s],
            None => detect(&registry, &record.request.headers),
        };
        // Judged at the time it was recorded: a delivery of last week was not late then.
        let opts = VerifyOptions {
            now: record.created_at.timestamp(),
            tolerance: None,
        };
        let checked_at = record.created_at;
        let delivery = Delivery::from(record.request);
        let Some(j) = judge::judge(
            &delivery,
            &candidates,
            &GivenKeys::default(),
            &config,
            &opts,
        )?
        else {
            return Ok(json!({
                "provider": null,
                "valid": null,
                "reason": null,
                "detail": "no provider hookctl knows signs with these headers",
                "hints": [],
                "tried": [],
                "checked_at": checked_at,
            }));
        };
        let info = j.scheme.info();
        Ok(json!({
            "provider": info.id,
            "name": info.name,
            "valid": j.verdict.is_valid(),
            "reason": j.verdict.reason,
            "detail": j.verdict.detail,
            "header": j.verdict.header,
            "hints": j.verdict.hints,
            "docs": info.docs,
            "tried": j.tried,
            "checked_at": checked_at,
        }))
    })
    .await
    .map_err(|e| ApiError::from(anyhow::Error::new(e)))??;
    Ok(Json(verdict))
}
