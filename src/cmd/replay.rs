//! `hookctl replay`: send stored deliveries again — byte-exact, or re-signed with a fresh
//! timestamp — to their original URL or any other, each recorded as a new delivery.

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use super::shared::batch::{self, Pace, Totals};
use super::shared::resend::{self, Edit, KeyFlags, Resign};
use super::shared::selection::Selection;
use super::shared::{input, record_lookup};
use crate::bail_usage;
use crate::cli::{LogFilters, ReplayArgs};
use crate::http::{Outgoing, Sender, on_the_wire};
use crate::output::{self, Exit};
use crate::signature::crypto::human_seconds;
use crate::store::{Record, Store, credentials};

pub fn run(args: ReplayArgs, ctx: &Ctx) -> Result<Exit> {
    let timeout = input::parse_timeout(&args.timeout, "--timeout")?;
    let store = ctx.store()?;
    let records = select(&store, &args)?;
    if records.is_empty() {
        bail_usage!("no stored delivery matches: check the ids or filters with `hookctl logs`");
    }
    let resign = if args.resign {
        Some(resigner(&args, ctx, &records)?)
    } else {
        None
    };

    let edit = Edit {
        to: args.to.clone(),
        ..Default::default()
    };
    let mut plan = Vec::with_capacity(records.len());
    for r in &records {
        plan.push(resend::prepare(r, &edit, resign.as_ref(), timeout)?);
    }
    if args.dry_run {
        for out in &plan {
            print_dry_run(out, args.reveal, ctx)?;
        }
        return Ok(Exit::Ok);
    }

    let sender = Sender::new(Some(store))?;
    let pace = Pace {
        concurrency: args.concurrency,
        rate: args.rate,
    };
    let runtime = tokio::runtime::Runtime::new()?;
    let results = runtime.block_on(batch::run(
        plan,
        pace,
        "replaying",
        ctx,
        |out| {
            let sender = sender.clone();
            async move { sender.send(out).await }
        },
        report,
    ))?;
    if !args.resign
        && !ctx.style.quiet
        && let Some(hint) = resign_hint(&records, &results, chrono::Utc::now())
    {
        eprintln!("{hint}");
    }
    let totals = Totals::of(results.iter().map(std::slice::from_ref));
    // One replay's line already says everything; `--json` stays one object a replay, as
    // scripts read it.
    if results.len() > 1 && !ctx.style.json {
        totals.report("replays", ctx)?;
    }
    Ok(if totals.delivered == totals.deliveries {
        Exit::Ok
    } else {
        Exit::Negative
    })
}

/// The answers with which receivers refuse a signature (Stripe's own examples answer 400).
const REFUSED: [u16; 3] = [400, 401, 403];

/// When a byte-exact replay was refused and its stored signature carries a time older than the
/// provider's window, the one line saying `--resign` is the way: receivers reject a stale
/// timestamp as they reject a forged signature, and the answer alone does not say which.
fn resign_hint(
    originals: &[Record],
    replays: &[Record],
    now: chrono::DateTime<chrono::Utc>,
) -> Option<String> {
    originals
        .iter()
        .zip(replays)
        .filter(|(_, r)| {
            r.response
                .as_ref()
                .is_some_and(|a| REFUSED.contains(&a.status))
        })
        .find_map(|(original, replay)| {
            let scheme = resend::signed_by(original)?;
            let window = scheme.info().tolerance_seconds?;
            let age = (now - original.created_at).num_seconds();
            (age > window as i64).then(|| {
                format!(
                    "hint: the stored {} signature was made {} ago, past the {} its receivers allow, which may be why it was answered {}: add --resign to sign it anew",
                    scheme.info().name,
                    human_seconds(age),
                    human_seconds(window as i64),
                    replay.response.as_ref().map_or(0, |a| a.status),
                )
            })
        })
}

/// The records to replay, oldest first: the ids given (each must exist), or those the filters
/// select, exactly as `logs` would list them.
fn select(store: &Store, args: &ReplayArgs) -> Result<Vec<Record>> {
    let filtered = has_filters(&args.filters);
    let mut out = Vec::new();
    match (args.ids.is_empty(), filtered) {
        (false, true) => bail_usage!(
            "give delivery ids or filters, not both: `hookctl logs` with the same filters shows what they select"
        ),
        (true, false) => bail_usage!(
            "which deliveries? give ids (`hookctl replay dlv_…`) or filters (`hookctl replay --status failed --since 1h`)"
        ),
        (false, false) => {
            for id in &args.ids {
                out.push(record_lookup::record(store, id)?);
            }
        }
        (true, true) => {
            let selection = Selection::from_flags(&args.filters)?;
            selection.scan(store, args.limit.unwrap_or(0), |_, r| {
                out.push(r);
                Ok(true)
            })?;
        }
    }
    out.sort_by_key(|r| r.created_at);
    Ok(out)
}

fn has_filters(f: &LogFilters) -> bool {
    !f.events.is_empty()
        || f.status.is_some()
        || f.source.is_some()
        || f.since.is_some()
        || f.until.is_some()
        || !f.conditions.is_empty()
}

/// How to re-sign the batch: `--provider`, else the provider the records name.
fn resigner(args: &ReplayArgs, ctx: &Ctx, records: &[Record]) -> Result<Resign> {
    let provider = match (
        &args.provider,
        records.iter().find_map(|r| r.provider.clone()),
    ) {
        (Some(p), _) => p.clone(),
        (None, Some(p)) => p,
        (None, None) => bail_usage!(
            "--resign needs --provider ID: the stored deliveries do not say which provider signed them"
        ),
    };
    let flags = KeyFlags {
        secret: args.secret.clone(),
        private_key: args.private_key.clone(),
        key_id: args.key_id.clone(),
    };
    Resign::new(&provider, &flags, ctx)
}

/// One line per replay (JSON: the new record), credentials masked as `logs` shows them.
fn report(r: &Record, ctx: &Ctx) -> Result<()> {
    let mut shown = r.clone();
    crate::store::credentials::mask(&mut shown);
    let r = &shown;
    if ctx.style.json {
        return output::json(r);
    }
    let (status, ms, error) = batch::outcome(r);
    output::line(format_args!(
        "{status} {ms:>9}  {} ← {}  {} {}{error}",
        r.id,
        r.replay_of.as_deref().unwrap_or("?").dimmed(),
        r.request.method,
        r.request.url
    ))
}

/// What the real replay would send, exactly: the same request the sender writes, Host,
/// Content-Length and the headers it adds included.
/// Credentials are masked unless `reveal`, as in every other view of the log.
fn print_dry_run(out: &Outgoing, reveal: bool, ctx: &Ctx) -> Result<()> {
    let mut sent = on_the_wire(out)?.sent;
    if !reveal {
        credentials::mask_headers(&mut sent.headers);
        sent.url = credentials::mask_userinfo(&sent.url).into_owned();
    }
    if ctx.style.json {
        return output::json(&serde_json::json!({
            "replay_of": out.replay_of,
            "method": sent.method,
            "url": sent.url,
            "headers": sent.headers,
            "body": String::from_utf8_lossy(&sent.body.0),
        }));
    }
    output::line(format_args!(
        "{} {} {} (replay of {})",
        "would send".bold(),
        sent.method,
        sent.url,
        out.replay_of.as_deref().unwrap_or("?")
    ))?;
    for (n, v) in sent.headers.iter() {
        output::line(format_args!("  {n}: {v}"))?;
    }
    output::line(format_args!("  ({} body bytes)", sent.body.0.len()))
}
