//! `hookctl logs`: list and follow the delivery log; its subcommands live beside this file.

mod masking;
mod show;
mod stats;
mod transfer;

use std::collections::HashSet;
use std::io::Write;
use std::time::Duration;

use anyhow::Result;
use chrono::SecondsFormat;
use colored::Colorize;

use super::Ctx;
use super::shared::selection::{Selection, ago};
use crate::bail_usage;
use crate::cli::{LogFilters, LogsArgs, LogsCommand, LogsPruneArgs};
use crate::output::{self, Exit};
use crate::store::{Record, Status};
use masking::Masking;

/// How often `--follow` looks for records other processes wrote.
const FOLLOW_POLL: Duration = Duration::from_millis(200);

pub fn run(args: LogsArgs, ctx: &Ctx) -> Result<Exit> {
    match args.command {
        Some(LogsCommand::Show(a)) => show::run(a, ctx),
        Some(LogsCommand::Tail(a)) => list(
            &a.filters,
            a.limit,
            true,
            &Masking::new(&[], a.reveal)?,
            ctx,
        ),
        Some(LogsCommand::Stats(a)) => stats::run(a, ctx),
        Some(LogsCommand::Export(a)) => transfer::export(a, ctx),
        Some(LogsCommand::Import(a)) => transfer::import(a, ctx),
        Some(LogsCommand::Prune(a)) => prune(a, ctx),
        None => list(
            &args.filters,
            args.limit,
            args.follow,
            &Masking::new(&[], args.reveal)?,
            ctx,
        ),
    }
}

fn limit_arg(limit: i64) -> Result<usize> {
    if limit < 0 {
        bail_usage!(
            "--limit {limit} is out of range: a count cannot be negative; give 0 for every record"
        );
    }
    Ok(usize::try_from(limit).unwrap_or(usize::MAX))
}

fn status_cell(s: Status) -> colored::ColoredString {
    let w = format!("{:<9}", s.as_str());
    match s {
        Status::Delivered => w.green(),
        Status::Failed => w.yellow(),
        Status::Dead => w.red(),
        Status::Received => w.cyan(),
    }
}

/// One line a record: time, id, source, event, status, HTTP status, duration, target.
fn summary_line(r: &Record) -> String {
    let http = match &r.response {
        Some(resp) if (200..300).contains(&resp.status) => resp.status.to_string().green(),
        Some(resp) => resp.status.to_string().red(),
        None => "---".dimmed(),
    };
    let dur = r
        .duration_ms
        .map(|d| format!("{d:.1}ms"))
        .unwrap_or_else(|| "-".into());
    format!(
        "{}  {}  {:<8}  {:<28}  {}  {}  {:>9}  {}",
        r.created_at
            .to_rfc3339_opts(SecondsFormat::Millis, true)
            .dimmed(),
        r.id.bold(),
        r.source.as_str(),
        r.event_type.as_deref().unwrap_or("-"),
        status_cell(r.status),
        http,
        dur,
        r.target
    )
}

/// One record to stdout, which flushes at each newline (what `--follow` needs).
fn print_record(r: Record, masking: &Masking, ctx: &Ctx) -> Result<()> {
    write_record(&mut std::io::stdout().lock(), r, masking, ctx)
}

/// One record to a writer, masked: serialised first, so a closed pipe surfaces as the
/// `io::Error` that `main` recognises (serde_json's own error hides it).
fn write_record(out: &mut impl Write, mut r: Record, masking: &Masking, ctx: &Ctx) -> Result<()> {
    masking.apply(&mut r);
    let r = &r;
    if ctx.style.json {
        let mut line = serde_json::to_vec(r)?;
        line.push(b'\n');
        out.write_all(&line)?;
    } else {
        writeln!(out, "{}", summary_line(r))?;
    }
    Ok(())
}

fn list(
    filters: &LogFilters,
    limit: i64,
    follow: bool,
    masking: &Masking,
    ctx: &Ctx,
) -> Result<Exit> {
    let limit = limit_arg(limit)?;
    let sel = Selection::from_flags(filters)?;
    let store = ctx.store()?;
    if follow {
        return follow_log(&sel, limit, &store, masking, ctx);
    }
    // Buffered: a line-flushed stdout costs a write per record (twice the time on 100k).
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut n = 0usize;
    sel.scan(&store, limit, |_, r| {
        n += 1;
        write_record(&mut out, r, masking, ctx)?;
        Ok(true)
    })?;
    out.flush()?;
    if n == 0 && !ctx.style.quiet && !ctx.style.json {
        eprintln!("no records match (the log holds {})", store.count()?);
    }
    Ok(Exit::Ok)
}

/// The last `limit` matching records oldest first, then every new one as it is committed, by
/// this or any other process, polling the log's sequence numbers.
fn follow_log(
    sel: &Selection,
    limit: usize,
    store: &crate::store::Store,
    masking: &Masking,
    ctx: &Ctx,
) -> Result<Exit> {
    let start = store.last_seq()?;
    let mut recent = Vec::new();
    sel.scan(store, limit, |seq, r| {
        recent.push((seq, r));
        Ok(true)
    })?;
    recent.reverse();
    // Written between `last_seq` and the scan: already printed, so not again from the poll.
    let mut shown: HashSet<String> = recent
        .iter()
        .filter(|(seq, _)| *seq > start)
        .map(|(_, r)| r.id.clone())
        .collect();
    for (_, r) in recent {
        print_record(r, masking, ctx)?;
    }
    if !ctx.style.quiet && !ctx.style.json {
        let note = "following the delivery log; Ctrl-C to stop";
        eprintln!("{}", ctx.style.stderr_paint(note, |t| t.dimmed()));
    }
    let mut cursor = start;
    loop {
        for (seq, r) in store.after(cursor, &sel.query)? {
            cursor = cursor.max(seq);
            if shown.remove(&r.id) || !sel.filter.matches(&r) {
                continue;
            }
            print_record(r, masking, ctx)?;
        }
        std::thread::sleep(FOLLOW_POLL);
    }
}

fn prune(args: LogsPruneArgs, ctx: &Ctx) -> Result<Exit> {
    let cutoff = ago(&args.older_than, "--older-than")?;
    let store = ctx.store()?;
    let n = if args.dry_run {
        store.count_before(cutoff)?
    } else {
        store.prune(cutoff)? as u64
    };
    let remaining = store.count()?;
    if ctx.style.json {
        output::json(&serde_json::json!({
            "pruned": if args.dry_run { 0 } else { n },
            "cutoff": cutoff.to_rfc3339_opts(SecondsFormat::Millis, true),
            "remaining": remaining,
            "dry_run": args.dry_run,
            "would_prune": args.dry_run.then_some(n),
        }))?;
    } else if args.dry_run {
        output::line(format_args!(
            "would prune {n} record{} older than {} ({} would be left); nothing deleted",
            if n == 1 { "" } else { "s" },
            args.older_than.trim(),
            remaining.saturating_sub(n)
        ))?;
    } else {
        output::line(format_args!(
            "pruned {n} record{} older than {} ({remaining} left)",
            if n == 1 { "" } else { "s" },
            args.older_than.trim(),
        ))?;
    }
    Ok(Exit::Ok)
}
