//! `GET /api/diff?a=ID&b=ID`: two deliveries compared (credentials masked on both sides).

use std::sync::Arc;

use axum::Json;
use axum::extract::{RawQuery, State};

use super::deliveries::find;
use super::error::ApiError;
use super::params::pairs;
use super::shown;
use crate::console::diff::{Diff, diff};
use crate::console::state::State as Console;

pub async fn compare(
    State(state): State<Arc<Console>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Diff>, ApiError> {
    let q = pairs(query.as_deref());
    let get = |name: &str| {
        q.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "give the two records as ?a=ID&b=ID (missing '{name}')"
                ))
            })
    };
    let (a, b) = (get("a")?, get("b")?);
    let a = shown::masked(&find(&state, a).await?, &[]);
    let b = shown::masked(&find(&state, b).await?, &[]);
    Ok(Json(diff(&a, &b)))
}
