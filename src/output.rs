//! Output rules in one place: the exit-code contract, error kinds, colour and TTY decisions, and
//! writing to stdout so that a closed pipe ends the program quietly.

use std::fmt::Display;
use std::io::{IsTerminal, Write};

use colored::ColoredString;

use crate::cli::{ColorChoice, Global};

/// The exit codes, one definition for hookctl and `hookctl-relay`.
pub use hookctl_relay::exit::Exit;

/// An error caused by the user's input (exit 2). Anything else that fails is a runtime error (3).
#[derive(Debug)]
pub struct UsageError(pub String);

impl Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// `bail_usage!("...")`: return a usage error (exit 2) from a function returning anyhow::Result.
#[macro_export]
macro_rules! bail_usage {
    ($($arg:tt)*) => {
        return Err(anyhow::Error::new($crate::output::UsageError(format!($($arg)*))))
    };
}

/// Turns any error into a usage error (exit 2), keeping its message.
pub fn usage(e: impl Display) -> anyhow::Error {
    anyhow::Error::new(UsageError(e.to_string()))
}

/// What an error means for the exit code, and the one line the user sees.
pub fn classify(err: &anyhow::Error) -> (Exit, Option<String>) {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return (Exit::Ok, None);
        }
    }
    let code = if err.chain().any(|c| c.is::<UsageError>()) {
        Exit::Usage
    } else {
        Exit::Runtime
    };
    // anyhow's `{:#}` joins the context chain with ": "; a cause whose own message spans lines
    // (a parser's excerpt of the input) is folded too, so the error is one line whatever it is.
    let message = format!("{err:#}")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (code, Some(message))
}

/// How this run prints: decided once from the flags, the environment and the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub json: bool,
    pub quiet: bool,
    pub color: bool,
    /// Whether what goes to stderr may be coloured (decided for stderr, which may be a file).
    pub stderr_color: bool,
    /// Whether prompts are allowed (a TTY, no CI, no --no-input).
    pub interactive: bool,
}

/// Whether to colour what goes to a stream: `--color always|never` decides; `auto` colours a
/// terminal unless NO_COLOR is set. Asked per stream: `2>log` at a terminal wants no codes in log.
pub fn color_for(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

impl Style {
    pub fn from_global(g: &Global) -> Self {
        let color = color_for(g.color, std::io::stdout().is_terminal()) && !g.json;
        colored::control::set_override(color);
        let interactive = !g.no_input
            && std::env::var_os("CI").is_none()
            && std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal();
        Style {
            json: g.json,
            quiet: g.quiet,
            color,
            stderr_color: color_for(g.color, std::io::stderr().is_terminal()),
            interactive,
        }
    }

    /// `text` for stderr: painted only when stderr takes colour. colored's one switch follows
    /// stdout (the user's output), so this paints only when both do.
    pub fn stderr_paint(&self, text: &str, paint: impl Fn(&str) -> ColoredString) -> String {
        if self.color && self.stderr_color {
            paint(text).to_string()
        } else {
            text.to_string()
        }
    }
}

/// Writes one line to stdout; an error (a closed pipe) propagates so `main` can exit quietly.
pub fn line(text: impl Display) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

/// Writes a JSON document to stdout on one line.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    // Through io::Error, so that a closed pipe is seen as one (serde_json's error hides it).
    serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// A time in JSON output, in the form the delivery log's records use: RFC 3339, UTC, milliseconds.
pub fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Writes raw bytes to stdout (bodies are printed byte-exact).
pub fn bytes(data: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(data)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_anywhere_in_the_chain_exits_zero() {
        let e = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
            .context("writing");
        assert_eq!(classify(&e).0, Exit::Ok);
    }

    #[test]
    fn stderr_is_painted_only_when_stderr_takes_colour() {
        use colored::Colorize;
        // Whether the paint is asked for, not its codes: colored's switch is global to the tests.
        let painted = |stderr_color| {
            let style = Style {
                json: false,
                quiet: false,
                color: true,
                stderr_color,
                interactive: false,
            };
            let asked = std::cell::Cell::new(false);
            let text = style.stderr_paint("Lost", |t| {
                asked.set(true);
                t.yellow()
            });
            (asked.get(), text)
        };
        assert_eq!(painted(false), (false, "Lost".to_string()));
        assert!(painted(true).0);
        assert!(!color_for(ColorChoice::Auto, false));
        assert!(color_for(ColorChoice::Always, false));
        assert!(!color_for(ColorChoice::Never, true));
    }

    #[test]
    fn usage_errors_exit_two_and_others_three() {
        let e = anyhow::Error::new(UsageError("bad flag".into())).context("reading input");
        assert_eq!(
            classify(&e),
            (Exit::Usage, Some("reading input: bad flag".into()))
        );
        assert_eq!(classify(&anyhow::anyhow!("disk")).0, Exit::Runtime);
    }

    #[test]
    fn a_message_spanning_lines_is_folded_into_one() {
        let e = anyhow::anyhow!("line 2:\n  |\n2 | x =\n  |    ^\n").context("reading c.toml");
        assert_eq!(
            classify(&e).1.unwrap(),
            "reading c.toml: line 2: | 2 | x = |    ^"
        );
    }
}
