//! What a person or a script sees while the monitor runs: a compact table redrawn in place on a
//! terminal, one line per probe otherwise, or JSON lines.

use std::io::Write;

use colored::Colorize;
use serde_json::json;

use super::state::{Health, Sample, Tracker};

/// How results are shown, decided once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A live table on a terminal.
    Table,
    /// One line per probe (logs, pipes).
    Lines,
    /// One JSON object per probe or alert.
    Json,
    /// Nothing but errors (`-q`, tests).
    Quiet,
}

/// Recent happenings shown under the table.
const NOTES: usize = 5;

pub struct Display {
    pub mode: Mode,
    drawn: usize,
    notes: Vec<String>,
}

impl Display {
    pub fn new(mode: Mode) -> Self {
        Display {
            mode,
            drawn: 0,
            notes: Vec::new(),
        }
    }

    pub fn probe(&mut self, name: &str, url: &str, s: &Sample, t: &Tracker) -> anyhow::Result<()> {
        match self.mode {
            Mode::Json => crate::output::json(&json!({
                "type": "probe",
                "time": crate::output::time(chrono::Utc::now()),
                "endpoint": name,
                "url": url,
                "ok": s.ok,
                "status": s.status,
                "latency_ms": s.ms,
                "state": t.health,
                "availability": t.availability(),
                "detail": s.detail,
            })),
            Mode::Lines => crate::output::line(format_args!(
                "{}  {:<24} {:<9} {}",
                chrono::Local::now().format("%H:%M:%S"),
                name,
                health(t.health),
                s.detail
            )),
            Mode::Table | Mode::Quiet => Ok(()),
        }
    }

    /// A state change, an alert's fate, a warning: a line, a JSON object, or a note under the table.
    /// A JSON note without a `time` gets the time it is shown.
    pub fn note(&mut self, text: String, mut json: serde_json::Value) -> anyhow::Result<()> {
        match self.mode {
            Mode::Json => {
                if let Some(o) = json.as_object_mut() {
                    o.entry("time")
                        .or_insert_with(|| crate::output::time(chrono::Utc::now()).into());
                }
                crate::output::json(&json)
            }
            Mode::Lines => crate::output::line(format_args!(
                "{}  {text}",
                chrono::Local::now().format("%H:%M:%S")
            )),
            Mode::Table => {
                self.notes.push(format!(
                    "{}  {text}",
                    chrono::Local::now().format("%H:%M:%S")
                ));
                if self.notes.len() > NOTES {
                    self.notes.remove(0);
                }
                Ok(())
            }
            Mode::Quiet => Ok(()),
        }
    }

    /// Redraws the table over the previous one.
    pub fn table(&mut self, rows: &[(&str, &Tracker)]) -> anyhow::Result<()> {
        if self.mode != Mode::Table {
            return Ok(());
        }
        let mut out = String::new();
        if self.drawn > 0 {
            // Up to the first line drawn last time, then clear to the end of the screen.
            out.push_str(&format!("\x1b[{}A\x1b[J", self.drawn));
        }
        let mut lines = vec![
            format!(
                "{:<28} {:<9} {:>6} {:>9} {:>9}  {}",
                "ENDPOINT", "STATE", "AVAIL", "LAST", "P95", "LAST ANSWER"
            )
            .bold()
            .to_string(),
        ];
        for (name, t) in rows {
            let last = t.last();
            let ms = |v: Option<f64>| {
                v.map(|m| format!("{m:.0} ms"))
                    .unwrap_or_else(|| "-".into())
            };
            let name: String = if name.chars().count() > 28 {
                name.chars().take(27).collect::<String>() + "…"
            } else {
                name.to_string()
            };
            lines.push(format!(
                "{:<28} {:<9} {:>5.0}% {:>9} {:>9}  {}",
                name,
                health(t.health),
                t.availability() * 100.0,
                ms(last.and_then(|s| s.ms)),
                ms(t.p95()),
                last.map(|s| s.detail.as_str()).unwrap_or("")
            ));
        }
        lines.extend(self.notes.iter().cloned());
        for l in &lines {
            out.push_str(l);
            out.push('\n');
        }
        self.drawn = lines.len();
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(out.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }
}

/// The state word, coloured (padding applies to the plain text width on a terminal too, since
/// the escape codes are outside the padded field).
fn health(h: Health) -> String {
    let word = format!("{:<9}", h.as_str());
    match h {
        Health::Up => word.green().to_string(),
        Health::Degraded => word.yellow().to_string(),
        Health::Down => word.red().bold().to_string(),
        Health::Unknown => word.dimmed().to_string(),
    }
}
