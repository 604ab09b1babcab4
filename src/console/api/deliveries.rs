//! `GET /api/deliveries` (a page of the log, filtered as `logs` filters) and
//! `GET /api/deliveries/{id}` (one record).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::params::{DEFAULT_LIMIT, ListParams, pairs};
use super::shown;
use crate::cmd::shared::formats;
use crate::console::state::State as Console;
use crate::store::Found;

/// A page of records, newest first, as a JSON array in the shape of `logs --json`.
pub async fn list(
    State(state): State<Arc<Console>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(query.as_deref(), DEFAULT_LIMIT)?;
    let bytes = state
        .db
        .run(move |store| {
            let mut out = b"[".to_vec();
            params.scan(store, |r| {
                if out.len() > 1 {
                    out.push(b',');
                }
                out.extend(shown::to_json(&r));
                Ok(())
            })?;
            out.push(b']');
            Ok(out)
        })
        .await?;
    Ok(shown::json_response(bytes))
}

/// One record by id (or a unique prefix, or `last`), masked but for the `reveal` headers.
pub async fn detail(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let reveal: Vec<String> = pairs(query.as_deref())
        .into_iter()
        .filter(|(k, _)| k == "reveal")
        .map(|(_, v)| v)
        .collect();
    let record = find(&state, id).await?;
    let bytes = serde_json::to_vec(&shown::masked(&record, &reveal)).expect("a record serialises");
    Ok(shown::json_response(bytes))
}

/// One record as `logs show --format` gives it: `curl` (a command line that re-sends it),
/// `raw` (the HTTP/1.1 request) or `har` (HAR 1.2), masked but for the `reveal` headers.
pub async fn export(
    State(state): State<Arc<Console>>,
    Path((id, format)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let reveal: Vec<String> = pairs(query.as_deref())
        .into_iter()
        .filter(|(k, _)| k == "reveal")
        .map(|(_, v)| v)
        .collect();
    let record = shown::masked(&find(&state, id).await?, &reveal);
    let (content_type, bytes) = match format.as_str() {
        "curl" => (
            "text/plain; charset=utf-8",
            formats::curl(&record).into_bytes(),
        ),
        "raw" => ("message/http", formats::raw(&record)),
        "har" => (
            "application/json",
            serde_json::to_vec_pretty(&formats::har([&record])).expect("HAR serialises"),
        ),
        other => {
            return Err(ApiError::not_found(format!(
                "no format '{other}': give curl, raw or har"
            )));
        }
    };
    Ok(([(axum::http::header::CONTENT_TYPE, content_type)], bytes).into_response())
}

/// Every attempt of the delivery this record is one attempt of (its first and the retries),
/// oldest first.
pub async fn attempts(
    State(state): State<Arc<Console>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let record = find(&state, id).await?;
    let first = record.retry_of.clone().unwrap_or(record.id);
    let all = state.db.run(move |s| s.attempts(&first)).await?;
    let shown: Vec<_> = all.iter().map(|r| shown::masked(r, &[])).collect();
    Ok(shown::json_response(
        serde_json::to_vec(&shown).expect("records serialise"),
    ))
}

/// The record a path names, or a 404 saying so.
pub async fn find(state: &Arc<Console>, id: String) -> Result<crate::store::Record, ApiError> {
    let name = id.clone();
    match state.db.run(move |s| s.find(&name)).await? {
        Found::One(r) => Ok(*r),
        Found::Nothing => Err(ApiError::not_found(format!("no record '{id}' in the log"))),
        Found::Many(ids) => Err(ApiError::bad_request(format!(
            "'{id}' is the start of {} ids: give more of it",
            ids.len()
        ))),
    }
}
