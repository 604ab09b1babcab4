//! The console's API, shared by the page and by scripts: one file per resource, all answering
//! JSON, errors as `{"error": "…"}` with a 4xx for what the caller can fix.

mod catalog;
mod deliveries;
mod diff;
mod error;
mod params;
mod replay;
mod send;
mod shown;
mod signature;
mod stream;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

pub use error::ApiError;

pub fn routes() -> Router<Arc<crate::console::state::State>> {
    Router::new()
        .route("/deliveries", get(deliveries::list))
        .route("/deliveries/{id}", get(deliveries::detail))
        .route("/deliveries/{id}/signature", get(signature::signature))
        .route("/deliveries/{id}/attempts", get(deliveries::attempts))
        .route("/deliveries/{id}/as/{format}", get(deliveries::export))
        .route("/deliveries/{id}/replay", post(replay::one))
        .route("/replay", post(replay::bulk))
        .route("/diff", get(diff::compare))
        .route("/catalog", get(catalog::search))
        .route("/catalog/{event}", get(catalog::event))
        .route("/catalog/{event}/lint", post(catalog::lint))
        .route("/send", post(send::send))
        .route("/stream", get(stream::stream))
        .fallback(|| async {
            ApiError::not_found("no such API path: see the README's Web console section")
        })
}
