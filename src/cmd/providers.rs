//! `hookctl providers`: every scheme hookctl knows, as a table or JSON.

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use crate::bail_usage;
use crate::cli::ProvidersArgs;
use crate::output::{self, Exit};
use crate::signature::sdk::{self, SdkChecks};
use crate::signature::{Info, Registry, registry::closest};

/// A provider as `--json` shows it: its scheme, and what its official SDK checks.
#[derive(serde::Serialize)]
struct Described<'a> {
    #[serde(flatten)]
    info: &'a Info,
    sdk_checks: SdkChecks,
}

pub fn run(args: ProvidersArgs, ctx: &Ctx) -> Result<Exit> {
    let registry = Registry::builtin();
    let all = registry.all();
    let selected: Vec<_> = match &args.id {
        None => all.iter().collect(),
        Some(id) => match registry.get(id) {
            Some(_) => all
                .iter()
                .filter(|s| s.info().id == id.to_ascii_lowercase())
                .collect(),
            None => match closest(id, all.iter().map(|s| s.info().id.as_str())) {
                Some(near) => bail_usage!("unknown provider '{id}': did you mean '{near}'?"),
                None => {
                    bail_usage!("unknown provider '{id}': run `hookctl providers` for the list")
                }
            },
        },
    };
    if ctx.style.json {
        let infos: Vec<_> = selected
            .iter()
            .map(|s| Described {
                info: s.info(),
                sdk_checks: sdk::checks(s.info()),
            })
            .collect();
        output::json(&infos)?;
        return Ok(Exit::Ok);
    }
    if args.id.is_some() {
        for s in selected {
            let i = s.info();
            output::line(format_args!("{} ({})", i.name.bold(), i.id))?;
            output::line(format_args!("  algorithm  {}", i.algorithm))?;
            output::line(format_args!("  signs      {}", i.signed))?;
            output::line(format_args!("  headers    {}", i.headers.join(", ")))?;
            output::line(format_args!("  window     {}", window(i.tolerance_seconds)))?;
            let sdk = sdk::checks(i);
            output::line(format_args!("  sdk checks {}", sdk_summary(&sdk)))?;
            output::line(format_args!("  read from  {}", sdk.source))?;
            if !i.variants.is_empty() {
                output::line(format_args!(
                    "  variants   {} (default {})",
                    i.variants.join(", "),
                    i.variants[0]
                ))?;
            }
            output::line(format_args!(
                "  can sign   {}",
                if i.can_sign {
                    "yes"
                } else {
                    "no (verify only)"
                }
            ))?;
            output::line(format_args!("  docs       {}", i.docs))?;
        }
        return Ok(Exit::Ok);
    }
    let id_width = selected
        .iter()
        .map(|s| s.info().id.len())
        .max()
        .unwrap_or(2);
    let alg_width = selected
        .iter()
        .map(|s| s.info().algorithm.chars().count().min(34))
        .max()
        .unwrap_or(9);
    output::line(format_args!(
        "{:<id_width$}  {:<alg_width$}  {:<8}  {}",
        "ID".bold(),
        "ALGORITHM".bold(),
        "WINDOW".bold(),
        "SIGNATURE HEADER".bold()
    ))?;
    for s in &selected {
        let i = s.info();
        let alg: String = i.algorithm.chars().take(34).collect();
        output::line(format_args!(
            "{:<id_width$}  {:<alg_width$}  {:<8}  {}",
            i.id,
            alg,
            window(i.tolerance_seconds),
            i.headers.first().map(String::as_str).unwrap_or("")
        ))?;
    }
    if !ctx.style.quiet {
        eprintln!(
            "{} providers; `hookctl providers ID` for details, `--provider generic` for your own scheme",
            selected.len()
        );
    }
    Ok(Exit::Ok)
}

fn window(t: Option<u64>) -> String {
    match t {
        Some(s) if s % 60 == 0 && s > 0 => format!("{} min", s / 60),
        Some(s) => format!("{s} s"),
        None => "none".into(),
    }
}

/// What a handler on the provider's SDK checks of the time and id, in words.
fn sdk_summary(c: &SdkChecks) -> String {
    let w = window(c.window_seconds);
    let time = match (c.timestamp_lower_bound, c.timestamp_upper_bound) {
        (true, true) if c.future_window_seconds.is_some() => format!(
            "a timestamp not older than {w} and not more than {} ahead",
            window(c.future_window_seconds)
        ),
        (true, true) => format!("a timestamp within {w} either way"),
        (true, false) => format!("a timestamp not older than {w}; a future one is accepted"),
        (false, true) => format!("a timestamp not more than {w} ahead; an old one is accepted"),
        (false, false) => "no timestamp".to_string(),
    };
    let id = if c.dedup_by_id {
        "each message id once"
    } else {
        "no id de-duplication"
    };
    format!("{time}; {id}")
}
