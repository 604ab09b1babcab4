//! The webhooks' destination: records each webhook's sender and number in the order they arrive,
//! answers 200, and while paused holds its answers.

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use tokio::sync::watch;

pub struct Target {
    pub url: String,
    arrivals: Arc<Mutex<Vec<(u32, u32)>>>,
    open: watch::Sender<bool>,
}

#[derive(Clone)]
struct Shared {
    arrivals: Arc<Mutex<Vec<(u32, u32)>>>,
    open: watch::Receiver<bool>,
}

async fn hook(State(s): State<Shared>, Path((sender, n)): Path<(u32, u32)>) -> StatusCode {
    s.arrivals.lock().unwrap().push((sender, n));
    let mut open = s.open.clone();
    let _ = open.wait_for(|o| *o).await;
    StatusCode::OK
}

impl Target {
    pub async fn start() -> Target {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let arrivals: Arc<Mutex<Vec<(u32, u32)>>> = Arc::default();
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
        self.arrivals.lock().unwrap().clone()
    }
}
