//! The webhooks' destination: records each webhook's sender and number in the order they arrive,
//! answers 200, and while paused holds its answers.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use tokio::sync::watch;

/// (sender, number) and when it arrived, in arrival order.
type Arrivals = Arc<Mutex<Vec<(u32, u32, Instant)>>>;

pub struct Target {
    pub url: String,
    arrivals: Arrivals,
    open: watch::Sender<bool>,
}

#[derive(Clone)]
struct Shared {
    arrivals: Arrivals,
    open: watch::Receiver<bool>,
}

async fn hook(State(s): State<Shared>, Path((sender, n)): Path<(u32, u32)>) -> StatusCode {
    s.arrivals.lock().unwrap().push((sender, n, Instant::now()));
    let mut open = s.open.clone();
    let _ = open.wait_for(|o| *o).await;
    StatusCode::OK
}

impl Target {
    pub async fn start() -> Target {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let arrivals: Arrivals = Arc::default();
        let (open, rx) = watch::channel(true);
        let app = axum::Router::new()
            .route("/{sender}/{n}", axum::routing::post(hook))
            .with_state(Shared {
                arrivals: arrivals.clone(),
                open: rx,
            });
        tokio::spawn(async move { axum::serve(listener, app).await });
        Target {
            url,
            arrivals,
            open,
        }
    }

    pub fn pause(&self, paused: bool) {
        self.open.send_replace(!paused);
    }

    /// (sender, number) of every request that reached the target, in arrival order.
    pub fn arrivals(&self) -> Vec<(u32, u32)> {
        let all = self.arrivals.lock().unwrap();
        all.iter().map(|(s, n, _)| (*s, *n)).collect()
    }

    /// When the last of `these` first arrived (None if one never did).
    pub fn last_first_arrival(&self, these: &HashSet<(u32, u32)>) -> Option<Instant> {
        let all = self.arrivals.lock().unwrap();
        let mut seen = HashSet::new();
        let mut last = None;
        for (s, n, at) in all.iter() {
            if these.contains(&(*s, *n)) && seen.insert((*s, *n)) {
                last = Some(*at);
            }
        }
        (seen.len() == these.len()).then_some(last).flatten()
    }
}
