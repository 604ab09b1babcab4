//! `hookctl events list|show|lint`: the event catalog, one event in detail, and payload checks.

use std::io::{IsTerminal, Read};

use anyhow::Result;
use colored::Colorize;
use serde_json::json;

use super::Ctx;
use super::shared::{input, provider_lookup};
use crate::bail_usage;
use crate::cli::{EventsArgs, EventsCommand, EventsLintArgs, EventsListArgs, EventsShowArgs};
use crate::events::{Catalog, Event, user_dirs};
use crate::output::{self, Exit, usage};
use crate::signature::registry::closest;

pub fn run(args: EventsArgs, ctx: &Ctx) -> Result<Exit> {
    let dirs = user_dirs(&ctx.config_path()?, args.catalog.as_deref());
    let catalog = Catalog::load(&dirs, &provider_lookup::registry(&ctx.config()?)?)?;
    // `events --provider X` is `events list --provider X`.
    let top = args.list;
    match args.command {
        None => list(top, &catalog, ctx),
        Some(EventsCommand::List(a)) => list(
            EventsListArgs {
                provider: a.provider.or(top.provider),
            },
            &catalog,
            ctx,
        ),
        Some(_) if top.provider.is_some() => {
            bail_usage!(
                "--provider filters `events list`: write `hookctl events list --provider ID`"
            )
        }
        Some(EventsCommand::Show(a)) => show(a, &catalog, ctx),
        Some(EventsCommand::Lint(a)) => lint(a, &catalog, ctx),
    }
}

fn list(args: EventsListArgs, catalog: &Catalog, ctx: &Ctx) -> Result<Exit> {
    let selected: Vec<&Event> = match &args.provider {
        None => catalog.events().iter().collect(),
        Some(p) => {
            let p = p.to_ascii_lowercase();
            let found: Vec<&Event> = catalog
                .events()
                .iter()
                .filter(|e| e.provider.as_deref() == Some(p.as_str()) || e.pack == p)
                .collect();
            if found.is_empty() {
                let mut names: Vec<&str> = catalog
                    .events()
                    .iter()
                    .flat_map(|e| [Some(e.pack.as_str()), e.provider.as_deref()])
                    .flatten()
                    .collect();
                names.sort_unstable();
                names.dedup();
                match closest(&p, names.iter().copied()) {
                    Some(n) => bail_usage!("no events for '{p}': did you mean '{n}'?"),
                    None => bail_usage!("no events for '{p}': choose one of {}", names.join(", ")),
                }
            }
            found
        }
    };
    if ctx.style.json {
        let rows: Vec<_> = selected
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "provider": e.provider,
                    "pack": e.pack,
                    "description": e.description,
                })
            })
            .collect();
        output::json(&rows)?;
        return Ok(Exit::Ok);
    }
    let id_width = selected.iter().map(|e| e.id.len()).max().unwrap_or(2);
    let pack_width = selected
        .iter()
        .map(|e| e.pack.len())
        .max()
        .unwrap_or(4)
        .max(4);
    output::line(format_args!(
        "{:<id_width$}  {:<pack_width$}  {}",
        "EVENT".bold(),
        "PACK".bold(),
        "DESCRIPTION".bold()
    ))?;
    for e in &selected {
        output::line(format_args!(
            "{:<id_width$}  {:<pack_width$}  {}",
            e.id, e.pack, e.description
        ))?;
    }
    if !ctx.style.quiet {
        eprintln!(
            "{} events; `hookctl events show EVENT` for a sample and its headers",
            selected.len()
        );
    }
    Ok(Exit::Ok)
}

fn show(args: EventsShowArgs, catalog: &Catalog, ctx: &Ctx) -> Result<Exit> {
    let event = catalog.find(&args.event)?;
    let sample = event.generate(&mut rand::thread_rng());
    let schema = event.schema();
    if ctx.style.json {
        output::json(&json!({
            "id": event.id,
            "provider": event.provider,
            "pack": event.pack,
            "description": event.description,
            "type": event.event_type,
            "signed_with": event.signed_with(),
            "content_type": event.encoding.content_type(),
            "headers": sample.headers,
            "schema": schema,
            "sample": sample.payload,
        }))?;
        return Ok(Exit::Ok);
    }
    output::line(format_args!("{}", event.id.bold()))?;
    output::line(format_args!("  {}", event.description))?;
    output::line(format_args!(
        "  provider    {}",
        event.provider.as_deref().unwrap_or("none (domain pack)")
    ))?;
    output::line(format_args!("  pack        {}", event.pack))?;
    output::line(format_args!("  type        {}", event.event_type))?;
    output::line(format_args!(
        "  signed with {} (`hookctl providers {}`)",
        event.signed_with(),
        event.signed_with()
    ))?;
    output::line("")?;
    output::line("Sample payload:".bold())?;
    output::line(indent(&serde_json::to_string_pretty(&sample.payload)?))?;
    if sample.encoding == crate::events::Encoding::Form {
        output::line(format_args!(
            "  (sent form-encoded: {})",
            String::from_utf8_lossy(&sample.body)
        ))?;
    }
    output::line("")?;
    output::line("Headers (the signature headers are added when it is signed):".bold())?;
    for (name, value) in sample.headers.iter() {
        output::line(format_args!("  {name}: {value}"))?;
    }
    // The schema runs to hundreds of lines: it would bury the sample most readers came for.
    if args.schema {
        output::line("")?;
        output::line("Schema:".bold())?;
        output::line(indent(&serde_json::to_string_pretty(&schema)?))?;
    } else if !ctx.style.quiet {
        eprintln!(
            "`hookctl events show {} --schema` adds its JSON Schema",
            event.id
        );
    }
    Ok(Exit::Ok)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn lint(args: EventsLintArgs, catalog: &Catalog, ctx: &Ctx) -> Result<Exit> {
    let event = catalog.find(&args.event)?;
    let bytes = if args.file.as_os_str() == "-" {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            bail_usage!("no payload given: pass a FILE, or '-' with the payload piped on stdin");
        }
        let mut buf = Vec::new();
        stdin
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| usage(format!("cannot read the payload from stdin: {e}")))?;
        buf
    } else {
        input::read_file(&args.file, "FILE")?
    };
    let violations = event.lint(&bytes)?;
    if ctx.style.json {
        output::json(&json!({
            "event": event.id,
            "valid": violations.is_empty(),
            "violations": violations,
        }))?;
    } else {
        for v in &violations {
            output::line(format_args!("{}: {}", v.path, v.message))?;
        }
        if !ctx.style.quiet {
            if violations.is_empty() {
                eprintln!("{} matches the schema of {}", args.file.display(), event.id);
            } else {
                eprintln!(
                    "{} violation{} of the schema of {} (`hookctl events show {}`)",
                    violations.len(),
                    if violations.len() == 1 { "" } else { "s" },
                    event.id,
                    event.id
                );
            }
        }
    }
    Ok(if violations.is_empty() {
        Exit::Ok
    } else {
        Exit::Negative
    })
}
