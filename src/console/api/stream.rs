//! `GET /api/stream`: Server-Sent Events, one `delivery` event per record as any process writes
//! it (its data: the record in the shape of `logs --json`) that passes the list's filters given
//! as the same query parameters, and `lagged` when this subscriber fell so far behind that
//! records were skipped (reload the list).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

use super::error::ApiError;
use super::params::ListParams;
use super::shown;
use crate::console::state::State as Console;

/// A comment line this often keeps proxies and the browser from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub async fn stream(
    State(state): State<Arc<Console>>,
    RawQuery(query): RawQuery,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let params = Arc::new(ListParams::parse(query.as_deref(), 0)?);
    let rx = state.feed.subscribe();
    let events = futures_util::stream::unfold((rx, params), |(mut rx, params)| async move {
        let event = loop {
            match rx.recv().await {
                Ok(r) if !params.admits(&r) => continue,
                other => break other,
            }
        };
        let event = match event {
            Ok(r) => Event::default()
                .event("delivery")
                .id(r.id.clone())
                .data(String::from_utf8(shown::to_json(&r)).expect("JSON is UTF-8")),
            Err(RecvError::Lagged(n)) => Event::default().event("lagged").data(n.to_string()),
            Err(RecvError::Closed) => return None,
        };
        Some((Ok(event), (rx, params)))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}
