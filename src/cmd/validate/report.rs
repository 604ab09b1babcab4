//! The report card a person reads: one line a check as it completes, then a verdict.

use colored::Colorize;

use super::check::{Outcome, Status};
use super::suite::Report;
use crate::cmd::shared::answer::ms_text;
use crate::output;

/// The line above an endpoint's checks.
pub fn header(name: &str, url: &str, provider: &str, event: &str) -> anyhow::Result<()> {
    let what = if name == url {
        url.bold().to_string()
    } else {
        format!("{} {}", name.bold(), url)
    };
    output::line(format_args!(
        "{what}  {}",
        format!("(signed as {provider}, event {event})").dimmed()
    ))
}

/// One check's line.
pub fn line(o: &Outcome) -> anyhow::Result<()> {
    let mark = match o.status {
        Status::Pass => "✓ pass".green(),
        Status::Warn => "! warn".yellow(),
        Status::Fail => "✗ fail".red().bold(),
        Status::Skip => "- skip".dimmed(),
        Status::Info => "i info".blue(),
        Status::Advice => "~ advice".cyan(),
    };
    output::line(format_args!(
        "  {mark}  {:<26} {}  {}",
        o.id,
        o.detail,
        ms_text(o.duration_ms).dimmed()
    ))
}

/// Counts and the verdict.
pub fn summary(r: &Report, strict: bool) -> anyhow::Result<()> {
    let count = |s: Status| r.checks.iter().filter(|c| c.status == s).count();
    let mut parts = vec![format!("{} passed", count(Status::Pass))];
    for (s, word) in [
        (Status::Advice, "advised"),
        (Status::Warn, "warned"),
        (Status::Fail, "failed"),
        (Status::Skip, "skipped"),
    ] {
        if count(s) > 0 {
            parts.push(format!("{} {word}", count(s)));
        }
    }
    let verdict = if r.passed {
        "PASSED".green().bold()
    } else if strict && count(Status::Fail) == 0 {
        "FAILED (--strict: warnings fail)".red().bold()
    } else {
        "FAILED".red().bold()
    };
    output::line(format_args!("  {}: {verdict}", parts.join(", ")))
}
