//! One line per delivery on stdout: coloured for people, JSON Lines with `--json`.

use std::thread::JoinHandle;
use std::time::Duration;

use colored::Colorize;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::finish::{Handling, Shown};
use crate::output;

/// How long the printer lets lines gather after the first before it writes them: under load
/// one write holds many lines, and the deliveries rarely wake it (it sleeps rather than waits
/// on the queue). Waking a thread per delivery cost two futex calls and two context switches
/// on listen's hot path; a line shown 10 ms later is not seen by anyone.
const GATHER: Duration = Duration::from_millis(10);

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
            let mut lines = String::new();
            while let Some(first) = shown.blocking_recv() {
                std::thread::sleep(GATHER);
                lines.push_str(&line(&first, json));
                while let Ok(s) = shown.try_recv() {
                    lines.push_str(&line(&s, json));
                }
                if let Err(e) = output::bytes(lines.as_bytes()) {
                    failed.cancel();
                    return Err(e);
                }
                lines.clear();
            }
            Ok(())
        })
}

/// A delivery's line, newline included.
fn line(s: &Shown, json: bool) -> String {
    if json {
        let mut line = serde_json::to_string(s).expect("a Shown serializes");
        line.push('\n');
        return line;
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
        "{}  {}  {:<6} {}  {}  {} {:>8.1} ms{outcome}{signature}",
        s.time.format("%H:%M:%S").to_string().dimmed(),
        crate::store::short_id(&s.id).dimmed(),
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
    line.push('\n');
    line
}
