//! One line per delivery on stdout: coloured for people, JSON Lines with `--json`.

use colored::Colorize;

use super::outcome::{Handling, Shown};
use crate::output;

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
