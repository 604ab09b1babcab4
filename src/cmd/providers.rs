//! `hookctl providers`: every scheme hookctl knows, as a table or JSON.

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use super::shared::provider_lookup;
use crate::bail_usage;
use crate::cli::ProvidersArgs;
use crate::output::{self, Exit};
use crate::signature::sdk::{self, SdkChecks};
use crate::signature::{Info, registry::closest};
use crate::table;

/// A provider as `--json` shows it: its scheme, where it is defined, and what its official SDK
/// checks (none for a scheme of the user's config).
#[derive(serde::Serialize)]
struct Described<'a> {
    #[serde(flatten)]
    info: &'a Info,
    source: &'static str,
    sdk_checks: Option<SdkChecks>,
}

pub fn run(args: ProvidersArgs, ctx: &Ctx) -> Result<Exit> {
    // The config's schemes are providers like the built-in ones, marked as the user's.
    let registry = provider_lookup::registry(&ctx.config()?)?;
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
        let infos: Vec<_> = selected
            .iter()
            .map(|s| Described {
                info: s.info(),
                source: source(&s.info().id),
                sdk_checks: (!registry.is_custom(&s.info().id)).then(|| sdk::checks(s.info())),
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
            if !registry.is_custom(&i.id) {
                let sdk = sdk::checks(i);
                output::line(format_args!("  sdk checks {}", sdk_summary(&sdk)))?;
                output::line(format_args!("  read from  {}", sdk.source))?;
            }
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
