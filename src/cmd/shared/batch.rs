//! Sending many deliveries at once: bounded concurrency, an optional rate, a progress bar on a
//! terminal, and one report line per result — shared by `trigger` and `replay`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use colored::Colorize;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::Semaphore;

use crate::cmd::Ctx;
use crate::output;
use crate::store::{Record, Status};

/// How fast to go.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// Items in flight at once (at least 1).
    pub concurrency: usize,
    /// Items started per second at most.
    pub rate: Option<f64>,
}

/// Runs `work` on every item under `pace`, calling `report` on each result as it completes (after
/// the progress bar is cleared, when there is one). Returns the results in the items' order.
pub async fn run<T, R, F, Fut>(
    items: Vec<T>,
    pace: Pace,
    verb: &str,
    ctx: &Ctx,
    work: F,
    report: impl Fn(&R, &Ctx) -> Result<()>,
) -> Result<Vec<R>>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> Fut,
    Fut: Future<Output = Result<R>> + Send + 'static,
{
    let bar = progress(items.len(), verb, ctx);
    let permits = Arc::new(Semaphore::new(pace.concurrency.max(1)));
    let mut ticks = pace.rate.map(|r| {
        let mut i = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
        i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        i
    });
    let mut tasks = tokio::task::JoinSet::new();
    for (order, item) in items.into_iter().enumerate() {
        if let Some(t) = ticks.as_mut() {
            t.tick().await;
        }
        let permit = permits.clone().acquire_owned().await?;
        let job = work(item);
        tasks.spawn(async move {
            let r = job.await;
            drop(permit);
            (order, r)
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (order, result) = joined?;
        let result = result?;
        match &bar {
            Some(b) => b.inc(1),
            None => report(&result, ctx)?,
        }
        done.push((order, result));
    }
    if let Some(b) = bar {
        b.finish_and_clear();
        for (_, r) in &done {
            report(r, ctx)?;
        }
    }
    done.sort_by_key(|(o, _)| *o);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}

/// A bar on stderr for batches of two or more, when a person is watching.
fn progress(n: usize, verb: &str, ctx: &Ctx) -> Option<ProgressBar> {
    use std::io::IsTerminal;
    if n < 2 || ctx.style.json || ctx.style.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(n as u64);
    let template =
        format!("{{spinner}} {verb} {{pos}}/{{len}} [{{bar:30}}] {{per_sec}} eta {{eta}}");
    bar.set_style(ProgressStyle::with_template(&template).ok()?);
    Some(bar)
}

/// The answer part of a report line: HTTP status (green for 2xx), duration, and the error of an
/// undelivered record.
pub fn outcome(r: &Record) -> (String, String, String) {
    let status = match &r.response {
        Some(resp) if (200..300).contains(&resp.status) => {
            resp.status.to_string().green().to_string()
        }
        Some(resp) => resp.status.to_string().red().to_string(),
        None => "---".red().to_string(),
    };
    let ms = r
        .duration_ms
        .map(|d| format!("{d:.1} ms"))
        .unwrap_or_default();
    let error = r
        .error
        .as_deref()
        .filter(|_| r.status != Status::Delivered)
        .map(|e| format!("  {}", e.red()))
        .unwrap_or_default();
    (status, ms, error)
}

/// How a batch's deliveries ended, as `logs stats` settles them, and how many attempts they
/// took: the last line of `trigger -n N` and of a `replay` of several records.
#[derive(Debug, Default, serde::Serialize)]
pub struct Totals {
    pub deliveries: usize,
    pub delivered: usize,
    pub failed: usize,
    pub dead: usize,
    pub attempts: usize,
}

impl Totals {
    /// From each delivery's attempts, in the order they were made.
    pub fn of<'a>(deliveries: impl IntoIterator<Item = &'a [Record]>) -> Totals {
        let mut t = Totals::default();
        for attempts in deliveries {
            t.deliveries += 1;
            t.attempts += attempts.len();
            match attempts.iter().map(|r| r.status).reduce(Status::settle) {
                Some(Status::Delivered) => t.delivered += 1,
                Some(Status::Dead) => t.dead += 1,
                _ => t.failed += 1,
            }
        }
        t
    }

    /// One line (`3 deliveries: …`, `noun` naming what was sent), or `{"totals": …}` with --json.
    pub fn report(&self, noun: &str, ctx: &Ctx) -> Result<()> {
        if ctx.style.json {
            return output::json(&serde_json::json!({ "totals": self }));
        }
        let line = format!(
            "{} {noun}: {} delivered, {} failed, {} dead ({} attempts)",
            self.deliveries, self.delivered, self.failed, self.dead, self.attempts
        );
        output::line(if self.delivered == self.deliveries {
            line.bold()
        } else {
            line.red().bold()
        })
    }
}
