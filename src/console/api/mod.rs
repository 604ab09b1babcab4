//! The console's API, shared by the page and by scripts: one file per resource, all answering
//! JSON, errors as `{"error": "…"}` with a 4xx for what the caller can fix.

mod deliveries;
mod error;
mod params;
mod shown;
mod stream;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

pub use error::ApiError;

pub fn routes() -> Router<Arc<crate::console::state::State>> {
    Router::new()
        .route("/deliveries", get(deliveries::list))
        .route("/deliveries/{id}", get(deliveries::detail))
        .route("/stream", get(stream::stream))
        .fallback(|| async {
            ApiError::not_found("no such API path: see the README's Web console section")
        })
}
