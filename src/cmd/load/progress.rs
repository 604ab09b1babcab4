//! Live progress on a terminal: elapsed, requests, rate, errors and p99 so far, redrawn a few
//! times a second from a snapshot (the workers never wait for it).

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::worker::Run;
use crate::cmd::Ctx;

/// Redraws until the returned handle is aborted; `None` when nobody is watching.
pub fn start(
    run: Arc<Run>,
    total: Option<u64>,
    ctx: &Ctx,
) -> Option<(ProgressBar, tokio::task::JoinHandle<()>)> {
    if ctx.style.json || ctx.style.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(n) => {
            let b = ProgressBar::new(n);
            b.set_style(
                ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} {msg}").ok()?,
            );
            b
        }
        None => {
            let b = ProgressBar::new_spinner();
            b.set_style(
                ProgressStyle::with_template("{spinner} {elapsed:>4} {pos} sent {msg}").ok()?,
            );
            b
        }
    };
    let b = bar.clone();
    let task = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(250));
        loop {
            tick.tick().await;
            let s = run.snapshot();
            let secs = run.start.elapsed().as_secs_f64().max(1e-3);
            b.set_position(s.requests);
            b.set_message(format!(
                "· {:.0} req/s · {} errors · p99 {:.1} ms",
                s.requests as f64 / secs,
                s.failures(),
                s.quantile_ms(0.99)
            ));
        }
    });
    Some((bar, task))
}
