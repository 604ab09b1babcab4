//! `hookctl providers`: every scheme hookctl knows, as a table or JSON.

use anyhow::Result;
use colored::Colorize;

use super::{Ctx, input};
use crate::bail_usage;
use crate::cli::ProvidersArgs;
use crate::output::{self, Exit};
use crate::signature::registry::closest;
use crate::table;

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
    let header = ["ID", "ALGORITHM", "WINDOW", "SIGNATURE HEADER"].map(String::from);
    let rows: Vec<Vec<String>> = std::iter::once(header.to_vec())
        .chain(selected.iter().map(|s| {
            let i = s.info();
            vec![
                i.id.clone(),
                i.algorithm.clone(),
                window(i.tolerance_seconds),
                i.headers.first().cloned().unwrap_or_default(),
            ]
        }))
        .collect();
    let mut lines = table::layout(&rows, table::stdout_width()).into_iter();
    if let Some(first) = lines.next() {
        output::line(first.bold())?;
    }
    for line in lines {
        output::line(line)?;
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
