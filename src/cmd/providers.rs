//! `hookctl providers`: every scheme hookctl knows, as a table or JSON.

use anyhow::Result;
use colored::Colorize;

use super::{Ctx, input};
use crate::bail_usage;
use crate::cli::ProvidersArgs;
use crate::output::{self, Exit};
use crate::signature::registry::closest;

pub fn run(args: ProvidersArgs, ctx: &Ctx) -> Result<Exit> {
    // The config's schemes are providers like the built-in ones, marked as the user's.
    let registry = input::registry(&ctx.config()?)?;
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
    let source = |id: &str| {
        if registry.is_custom(id) {
            "config"
        } else {
            "builtin"
        }
    };
    if ctx.style.json {
        let infos = selected
            .iter()
            .map(|s| {
                let mut v = serde_json::to_value(s.info())?;
                v["source"] = source(&s.info().id).into();
                Ok(v)
            })
            .collect::<Result<Vec<_>>>()?;
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
            if registry.is_custom(&i.id) {
                output::line(format_args!(
                    "  defined    in the config file, [schemes.{}]",
                    i.id
                ))?;
            } else {
                output::line(format_args!("  docs       {}", i.docs))?;
            }
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
        let custom: Vec<&str> = selected
            .iter()
            .map(|s| s.info().id.as_str())
            .filter(|id| registry.is_custom(id))
            .collect();
        let yours = if custom.is_empty() {
            String::new()
        } else {
            format!(" ({} from the config file)", custom.join(", "))
        };
        eprintln!(
            "{} providers{yours}; `hookctl providers ID` for details, `--provider generic` for your own scheme",
            selected.len()
        );
    }
    Ok(Exit::Ok)
}

fn window(t: Option<u64>) -> String {
    match t {
        Some(s) if s % 60 == 0 => format!("{} min", s / 60),
        Some(s) => format!("{s} s"),
        None => "none".into(),
    }
}
