//! `POST /api/deliveries/{id}/replay` (one delivery, as stored or edited) and `POST /api/replay`
//! (every record a filter selects, at a rate): through the same path as `hookctl replay`, each
//! replay a new record linked to its original by `replay_of`.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use axum::extract::{Path, State};
use axum::response::Response;
use base64::Engine;
use serde::Deserialize;

use super::deliveries::find;
use super::error::ApiError;
use super::params::ListParams;
use super::shown;
use crate::cmd::shared::batch::{self, Pace};
use crate::cmd::shared::resend::{self, Edit, KeyFlags, Resign};
use crate::console::state::State as Console;
use crate::message::Headers;
use crate::store::{REDACTED, Record};

/// How long a replayed request may take to answer.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Replays one bulk request sends at most, unless its filter says `limit`.
const BULK_DEFAULT_LIMIT: usize = 100;

/// A replay's options, all optional: byte-exact to the original URL when empty.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplayRequest {
    /// Another URL, or a base URL the original path is appended to.
    pub to: Option<String>,
    /// Sign anew (a fresh timestamp); by default only when the body was changed.
    pub resign: Option<bool>,
    /// The provider to re-sign as, when the record does not name one and its headers do not tell.
    pub provider: Option<String>,
    /// The headers instead of the stored ones, as `[[name, value], …]`. A value still masked as
    /// the console showed it (`[redacted by hookctl]`) is sent as it was stored.
    pub headers: Option<Headers>,
    /// The body instead of the stored one (text, or base64 with `body_encoding`).
    pub body: Option<String>,
    pub body_encoding: Option<String>,
}

/// A bulk replay: the list's filter (as its query string), a rate, and a replay's options.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    /// The list's query string: `event=invoice.*&status=failed&limit=50`.
    #[serde(default)]
    pub filter: String,
    /// Replays started per second at most.
    pub rate: Option<f64>,
    pub to: Option<String>,
    #[serde(default)]
    pub resign: bool,
    pub provider: Option<String>,
}

pub async fn one(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
    body: Option<axum::Json<ReplayRequest>>,
) -> Result<Response, ApiError> {
    let req = body.map(|b| b.0).unwrap_or_default();
    let original = find(&state, id).await?;
    let new_body = match (&req.body, req.body_encoding.as_deref()) {
        (None, _) => None,
        (Some(b), None | Some("utf-8")) => Some(b.clone().into_bytes()),
        (Some(b), Some("base64")) => Some(
            base64::engine::general_purpose::STANDARD
                .decode(b)
                .map_err(|e| ApiError::bad_request(format!("body is not base64: {e}")))?,
        ),
        (Some(_), Some(other)) => {
            return Err(ApiError::bad_request(format!(
                "body_encoding '{other}' is neither utf-8 nor base64"
            )));
        }
    };
    let body_changed = new_body
        .as_ref()
        .is_some_and(|b| *b != original.request.body.0);
    let resign = req.resign.unwrap_or(body_changed);
    let edit = Edit {
        to: req.to.clone(),
        headers: req.headers.map(|h| unmasked(h, &original.request.headers)),
        body: new_body,
    };
    let signer = if resign {
        Some(resigner(&state, req.provider.as_deref(), &original).await?)
    } else {
        None
    };
    let out = resend::prepare(&original, &edit, signer.as_ref(), TIMEOUT)?;
    let record = state.sender.send(out).await?;
    Ok(shown::json_response(shown::to_json(&record)))
}

pub async fn bulk(
    State(state): State<Arc<Console>>,
    axum::Json(req): axum::Json<BulkRequest>,
) -> Result<Response, ApiError> {
    if req.rate.is_some_and(|r| !(r > 0.0 && r.is_finite())) {
        return Err(ApiError::bad_request(
            "rate must be a number of replays per second above 0",
        ));
    }
    let params = ListParams::parse(Some(&req.filter), BULK_DEFAULT_LIMIT)?;
    let mut records: Vec<Record> = state
        .db
        .run(move |store| {
            let mut out = Vec::new();
            params.scan(store, |r| {
                out.push(r);
                Ok(())
            })?;
            Ok(out)
        })
        .await?;
    if records.is_empty() {
        return Err(ApiError::bad_request(
            "no stored delivery matches the filter: check it with GET /api/deliveries",
        ));
    }
    // Oldest first, as `hookctl replay` sends a selection.
    records.sort_by_key(|r| r.created_at);
    let signer = if req.resign {
        Some(Arc::new(
            resigner(&state, req.provider.as_deref(), &records[0]).await?,
        ))
    } else {
        None
    };
    let edit = Edit {
        to: req.to.clone(),
        ..Default::default()
    };
    let mut plan = Vec::with_capacity(records.len());
    for r in &records {
        plan.push(resend::prepare(r, &edit, signer.as_deref(), TIMEOUT)?);
    }
    // No progress bar or report lines on the terminal running the console.
    let mut quiet = state.ctx.clone();
    quiet.style.quiet = true;
    let sender = state.sender.clone();
    let pace = Pace {
        concurrency: 4,
        rate: req.rate,
    };
    let results = batch::run(
        plan,
        pace,
        "replaying",
        &quiet,
        |out| {
            let sender = sender.clone();
            async move { sender.send(out).await }
        },
        |_, _| Ok(()),
    )
    .await?;
    let delivered = results
        .iter()
        .filter(|r| r.status == crate::store::Status::Delivered)
        .count();
    let shown: Vec<Record> = results.iter().map(|r| shown::masked(r, &[])).collect();
    let body = serde_json::json!({
        "replayed": results.len(),
        "delivered": delivered,
        "records": shown,
    });
    Ok(shown::json_response(
        serde_json::to_vec(&body).expect("JSON serialises"),
    ))
}

/// The edited headers, with each value the page only saw masked put back as it was stored (the
/// n-th header of a name for the n-th): the page never holds a credential to send back.
fn unmasked(edited: Headers, stored: &Headers) -> Headers {
    let mut seen: Vec<(String, usize)> = Vec::new();
    edited
        .iter()
        .map(|(n, v)| {
            let nth = match seen.iter_mut().find(|(m, _)| m.eq_ignore_ascii_case(n)) {
                Some((_, k)) => {
                    *k += 1;
                    *k
                }
                None => {
                    seen.push((n.to_string(), 0));
                    0
                }
            };
            let value = match stored.get_all(n).nth(nth) {
                Some(original) if v.contains(REDACTED) => original.to_string(),
                _ => v.to_string(),
            };
            (n.to_string(), value)
        })
        .collect()
}

/// The signer for a re-signed replay: the provider asked for, else the record's, else the one
/// its headers point to; its key from the config, as `hookctl replay --resign` finds it.
async fn resigner(
    state: &Arc<Console>,
    asked: Option<&str>,
    r: &Record,
) -> Result<Resign, ApiError> {
    let provider = match asked.map(str::to_string).or_else(|| r.provider.clone()) {
        Some(p) => p,
        None => match resend::signed_by(r) {
            Some(s) => s.info().id.clone(),
            None => {
                return Err(ApiError::bad_request(format!(
                    "cannot tell which provider signed {}: give \"provider\" to re-sign it",
                    r.id
                )));
            }
        },
    };
    let ctx = state.ctx.clone();
    tokio::task::spawn_blocking(move || Resign::new(&provider, &KeyFlags::default(), &ctx))
        .await
        .map_err(|e| ApiError::from(anyhow::Error::new(e)))?
        .map_err(ApiError::from)
}
