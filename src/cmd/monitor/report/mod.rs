//! `hookctl monitor report`: the probe history summed up per endpoint — availability, latency,
//! incidents and alerts — as a table, Markdown for a status review, or JSON for a dashboard.

pub mod render;
pub mod summary;

use anyhow::Result;
use chrono::Utc;

use super::history::{self, History};
use crate::bail_usage;
use crate::cli::ReportArgs;
use crate::cmd::Ctx;
use crate::cmd::shared::selection::time_arg;
use crate::output::Exit;
use summary::summarise;

pub fn run(args: &ReportArgs, ctx: &Ctx) -> Result<Exit> {
    let since = time_arg(&args.since, "--since")?;
    let until = match &args.until {
        Some(u) => time_arg(u, "--until")?,
        None => Utc::now(),
    };
    if since >= until {
        bail_usage!(
            "--since is not before --until: give an earlier --since (e.g. 7d) or a later --until"
        );
    }
    if args.markdown && ctx.style.json {
        bail_usage!("--markdown and --json ask for two formats: pick one");
    }
    let path = history::path(&crate::store::path(ctx.global.db.as_deref())?);
    let (probes, alerts) = if path.exists() {
        let h = History::open(&path)?;
        (h.probes(since, until)?, h.alerts(since, until)?)
    } else {
        (Vec::new(), Vec::new())
    };
    let report = summarise(&probes, &alerts, since, until, args.min_availability);
    if ctx.style.json {
        crate::output::json(&report)?;
    } else if args.markdown {
        crate::output::line(render::markdown(&report))?;
    } else {
        crate::output::line(render::text(&report, crate::table::stdout_width()))?;
    }
    if report.endpoints.is_empty() && !ctx.style.quiet {
        eprintln!(
            "No probes between {} and {} in {}: run `hookctl monitor` to record some.",
            crate::output::time(since),
            crate::output::time(until),
            path.display()
        );
    }
    Ok(match args.min_availability {
        // Nothing to judge is not a pass: a check in cron would hide a monitor that stopped.
        Some(_) if report.endpoints.is_empty() => Exit::Negative,
        Some(_)
            if report
                .endpoints
                .iter()
                .any(|e| e.below_minimum == Some(true)) =>
        {
            Exit::Negative
        }
        _ => Exit::Ok,
    })
}
