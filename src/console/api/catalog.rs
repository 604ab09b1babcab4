//! The event catalog for the testing console: `GET /api/catalog?q=…` (search),
//! `GET /api/catalog/{event}` (the event, a freshly generated payload and its schema) and
//! `POST /api/catalog/{event}/lint` (a payload checked against the schema, as `events lint`).

use std::sync::Arc;

use anyhow::Result;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::ApiError;
use super::params::pairs;
use crate::cli::SampleArgs;
use crate::cmd::Ctx;
use crate::cmd::shared::sample;
use crate::console::state::State as Console;
use crate::events::{Catalog, Event};

/// The catalog as `trigger` reads it: built in, plus the user's event files.
async fn load(ctx: &Ctx) -> Result<Catalog, ApiError> {
    let ctx = ctx.clone();
    tokio::task::spawn_blocking(move || read(&ctx))
        .await
        .map_err(|e| ApiError::from(anyhow::Error::new(e)))?
        .map_err(ApiError::from)
}

fn read(ctx: &Ctx) -> Result<Catalog> {
    sample::catalog(&SampleArgs::default(), ctx)
}

fn summary(e: &Event) -> Value {
    json!({
        "id": e.id,
        "provider": e.provider,
        "signed_with": e.signed_with(),
        "pack": e.pack,
        "event_type": e.event_type,
        "description": e.description,
    })
}

/// Whether every word of the search is in the event's id, pack or description (any case).
fn matches(e: &Event, words: &[String]) -> bool {
    let hay = format!("{} {} {}", e.id, e.pack, e.description).to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}

pub async fn search(
    State(state): State<Arc<Console>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let catalog = load(&state.ctx).await?;
    let words: Vec<String> = pairs(query.as_deref())
        .into_iter()
        .filter(|(k, _)| k == "q")
        .flat_map(|(_, v)| {
            v.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let found: Vec<Value> = catalog
        .events()
        .iter()
        .filter(|e| matches(e, &words))
        .map(summary)
        .collect();
    Ok(Json(Value::Array(found)))
}

pub async fn event(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let catalog = load(&state.ctx).await?;
    let event = catalog.find(&id).map_err(not_found)?;
    let generated = event.generate(&mut rand::thread_rng());
    let mut out = summary(event);
    out["content_type"] = json!(event.encoding.content_type());
    out["sample"] = json!({
        "body": String::from_utf8_lossy(&generated.body),
        "payload": generated.payload,
        "headers": generated.headers,
    });
    out["schema"] = event.schema();
    Ok(Json(out))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintRequest {
    /// The payload as it would be sent (JSON text, or a form for form-encoded events).
    pub body: String,
}

pub async fn lint(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
    Json(req): Json<LintRequest>,
) -> Result<Json<Value>, ApiError> {
    let ctx = state.ctx.clone();
    // Off the async threads: the first check against a provider's definitions parses its
    // document (hundreds of KB) and compiles validators, which would stall every other request.
    let report = tokio::task::spawn_blocking(move || -> Result<Value, ApiError> {
        let catalog = read(&ctx)?;
        let event = catalog.find(&id).map_err(not_found)?;
        let linted = crate::events::lint(event, req.body.as_bytes())?;
        Ok(json!({
            "event": event.id,
            "valid": linted.violations.is_empty(),
            "violations": linted.violations,
            "definition": linted.definition,
        }))
    })
    .await
    .map_err(|e| ApiError::from(anyhow::Error::new(e)))??;
    Ok(Json(report))
}

/// An event the catalog does not hold is a missing resource here, whatever `find` says.
fn not_found(e: anyhow::Error) -> ApiError {
    ApiError::not_found(format!("{e:#}"))
}
