//! One line per delivery on stdout: coloured for people, JSON Lines with `--json`.

use std::thread::JoinHandle;

use colored::Colorize;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::outcome::{Handling, Shown};
use crate::output;

/// Prints each delivery's line on a thread of its own until every sender is gone: listen runs
/// on one thread, and a reader that stops reading stdout (a pager, a paused pipe) must hold up
/// the printing, never the deliveries. A failure to print cancels `failed` and is returned.
pub fn spawn(
    mut shown: mpsc::UnboundedReceiver<Shown>,
    json: bool,
    failed: CancellationToken,
) -> std::io::Result<JoinHandle<anyhow::Result<()>>> {
    std::thread::Builder::new()
        .name("printer".into())
        .spawn(move || {
            while let Some(s) = shown.blocking_recv() {
                if let Err(e) = delivery(&s, json) {
                    failed.cancel();
                    return Err(e);
                }
            }
            Ok(())
        })
}

pub fn delivery(s: &Shown, json: bool) -> anyhow::Result<()> {
    if json {
        return output::json(s);
    }
    let status = s.status.to_string();
    let status = match (s.outcome, s.status) {
        (Handling::Failed, _) => status.red().bold(),
        (_, 200..=299) => status.green(),
        (_, 400..) => status.red(),
        _ => status.yellow(),
    };
    let outcome = match s.outcome {
        Handling::Skipped => " skipped (--events)".dimmed().to_string(),
        Handling::Received => " received".cyan().to_string(),
        Handling::Forwarded | Handling::Failed => String::new(),
    };
    let signature = match &s.signature {
        Some(v) if v.valid => format!("  {} {}", "✓ signature".green(), v.provider),
        Some(v) => format!(
            "  {} {} ({})",
            "✗ signature".red().bold(),
            v.provider,
            v.reason
        ),
        None => String::new(),
    };
    let path = if s.path.is_empty() { "/" } else { &s.path };
    let mut line = format!(
        "{}  {:<6} {}  {}  {} {:>8.1} ms{outcome}{signature}",
        s.time.format("%H:%M:%S").to_string().dimmed(),
        s.method,
        path,
        s.event_type.as_deref().unwrap_or("-"),
        status,
        s.duration_ms,
    );
    if s.buffered {
        line.push_str(&format!("  {}", "(from the relay's buffer)".dimmed()));
    }
    if let Some(e) = &s.error {
        line.push_str(&format!("  {}", e.red()));
    }
    output::line(line)
}
