//! `hookctl trigger`: send realistic, correctly signed sample events — offline, no account —
//! retrying as a real provider does, every attempt in the delivery log.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use super::shared::batch::{self, Pace, Totals};
use super::shared::input;
use super::shared::sample::{self, Sampler};
use crate::bail_usage;
use crate::cli::TriggerArgs;
use crate::http::{Sender, target_url};
use crate::machine::folder;
use crate::machine::running::{self, Running};
use crate::output::{self, Exit, usage};
use crate::retry::{self, Policy};
use crate::store::{Record, Source};

/// What every delivery of one run shares.
struct Plan {
    sampler: Sampler,
    url: String,
    policy: Policy,
    timeout: Duration,
}

pub fn run(args: TriggerArgs, ctx: &Ctx) -> Result<Exit> {
    let event_id = match &args.event {
        Some(e) => e.clone(),
        None if ctx.style.interactive => pick(&args, ctx)?,
        None => bail_usage!(
            "missing EVENT: name the event to send, e.g. `hookctl trigger stripe.payment_intent.succeeded` (`hookctl events list` shows them all)"
        ),
    };
    let url = match &args.to {
        Some(to) => target_url(to, "--to").map_err(usage)?.to_string(),
        None => running_listen(args.name.as_deref(), ctx)?,
    };
    let policy = Policy {
        retries: args.retries,
        base: input::parse_duration(&args.backoff, "--backoff")?,
        max: input::parse_duration(&args.max_backoff, "--max-backoff")?,
    };
    let timeout = input::parse_timeout(&args.timeout, "--timeout")?;
    let plan = Arc::new(Plan {
        sampler: Sampler::from_args(&event_id, &args.sample, ctx)?,
        url,
        policy,
        timeout,
    });

    let sender = Sender::new(Some(ctx.store()?))?;
    let pace = Pace {
        concurrency: args.concurrency,
        rate: None,
    };
    let runtime = tokio::runtime::Runtime::new()?;
    let deliveries = runtime.block_on(batch::run(
        vec![(); args.count as usize],
        pace,
        "sending",
        ctx,
        |()| deliver(sender.clone(), plan.clone()),
        |attempts: &Vec<Record>, ctx| report(attempts, ctx),
    ))?;
    let totals = Totals::of(deliveries.iter().map(Vec::as_slice));
    // One delivery's line already says everything; a single `--json` object stays alone.
    if deliveries.len() > 1 {
        totals.report("deliveries", ctx)?;
    }
    Ok(if totals.delivered == totals.deliveries {
        Exit::Ok
    } else {
        Exit::Negative
    })
}

/// Without `--to`: the public URL of the listen running on this machine (the one named `name`
/// when several run), so the delivery takes the real path, through the relay.
fn running_listen(name: Option<&str>, ctx: &Ctx) -> Result<String> {
    let db = crate::store::path(ctx.global.db.as_deref())?;
    let all = running::live(&folder::beside_log(&db))?;
    let list = |rs: &[&Running]| {
        rs.iter()
            .map(|r| format!("{} at {} -> {}", r.name, r.public_url, r.targets))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if all.is_empty() {
        bail_usage!(
            "no `hookctl listen` is running on this machine: start `hookctl listen --forward-to URL` in another terminal, or pass --to URL"
        );
    }
    let picked: Vec<&Running> = all
        .iter()
        .filter(|r| name.is_none_or(|n| r.name == n))
        .collect();
    match (picked.as_slice(), name) {
        ([one], _) => Ok(target_url(&one.public_url, "the running listen's URL")
            .map_err(usage)?
            .to_string()),
        ([], Some(n)) => bail_usage!(
            "no running `hookctl listen` has tunnel '{n}' (running: {}): pass one of their names, or --to URL",
            list(&all.iter().collect::<Vec<_>>())
        ),
        (several, _) => bail_usage!(
            "{} `hookctl listen`s are running: pass --name to pick one ({}), or --to URL",
            several.len(),
            list(several)
        ),
    }
}

/// On a terminal with no EVENT: a fuzzy picker over the catalog.
fn pick(args: &TriggerArgs, ctx: &Ctx) -> Result<String> {
    let catalog = sample::catalog(&args.sample, ctx)?;
    let items: Vec<String> = catalog
        .events()
        .iter()
        .map(|e| format!("{:<45} {}", e.id, e.description))
        .collect();
    let i = dialoguer::FuzzySelect::new()
        .with_prompt("Event to send (type to filter)")
        .max_length(12)
        .items(&items)
        .interact()?;
    Ok(catalog.events()[i].id.clone())
}

/// One delivery with its retries. Each attempt is signed anew with the time it is sent (a
/// provider retrying minutes later signs with a fresh timestamp) under the same delivery id.
async fn deliver(sender: Sender, plan: Arc<Plan>) -> Result<Vec<Record>> {
    let unsigned = plan.sampler.fresh()?;
    retry::deliver(plan.policy, |attempt, retries_left, first| {
        let sender = sender.clone();
        let plan = plan.clone();
        let signed = plan
            .sampler
            .sign(&unsigned, &plan.url, chrono::Utc::now().timestamp());
        async move {
            let mut out = plan.sampler.outgoing(signed?, &plan.url, Source::Trigger);
            out.attempt = attempt;
            out.retries_left = retries_left;
            out.retry_of = first;
            out.timeout = plan.timeout;
            sender.send(out).await
        }
    })
    .await
}

/// One line per delivery, about its last attempt (JSON: one object per delivery).
fn report(attempts: &[Record], ctx: &Ctx) -> Result<()> {
    let Some(last) = attempts.last() else {
        return Ok(());
    };
    if ctx.style.json {
        return output::json(&serde_json::json!({
            "id": last.id,
            "event": last.event_type,
            "provider": last.provider,
            "target": last.target,
            "status": last.status,
            "http_status": last.response.as_ref().map(|r| r.status),
            "attempts": last.attempt,
            "duration_ms": last.duration_ms,
            "error": last.error,
        }));
    }
    let (status, ms, error) = batch::outcome(last);
    let tries = match last.attempt {
        1 => String::new(),
        n => format!("  after {n} attempts"),
    };
    output::line(format_args!(
        "{status} {ms:>9}  {:<10} {:<26} {}{tries}{error}",
        last.status.as_str(),
        last.event_type.as_deref().unwrap_or(""),
        last.id.dimmed(),
    ))
}
