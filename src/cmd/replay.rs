//! `hookctl replay`: send stored deliveries again — byte-exact, or re-signed with a fresh
//! timestamp — to their original URL or any other, each recorded as a new delivery.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use super::shared::batch::{self, Pace, Totals};
use super::shared::selection::Selection;
use super::shared::{input, provider_lookup, record_lookup};
use crate::bail_usage;
use crate::cli::{LogFilters, ReplayArgs};
use crate::http::{Outgoing, Sender, on_the_wire, retarget};
use crate::message::Delivery;
use crate::output::{self, Exit, usage};
use crate::signature::crypto::human_seconds;
use crate::signature::{self, KeyMaterial, Scheme};
use crate::store::{Record, Source, Store, credentials};

pub fn run(args: ReplayArgs, ctx: &Ctx) -> Result<Exit> {
    let timeout = input::parse_timeout(&args.timeout, "--timeout")?;
    let store = ctx.store()?;
    let records = select(&store, &args)?;
    if records.is_empty() {
        bail_usage!("no stored delivery matches: check the ids or filters with `hookctl logs`");
    }
    let resign = if args.resign {
        Some(Resign::new(&args, ctx, &records)?)
    } else {
        None
    };

    let mut plan = Vec::with_capacity(records.len());
    for r in &records {
        plan.push(prepare(r, &args, resign.as_ref(), timeout)?);
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
            let scheme = signed_by(original)?;
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

/// The scheme that signed a stored delivery: the one its record names, else the one its
/// headers point to (`listen` without `--verify-provider` records no provider).
fn signed_by(r: &Record) -> Option<signature::registry::SchemeRef> {
    let registry = signature::Registry::builtin();
    match &r.provider {
        Some(p) => registry.get(p),
        None => signature::registry::detect(registry, &r.request.headers)
            .into_iter()
            .next(),
    }
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

/// How to re-sign: the scheme and key material, resolved once for the whole batch.
struct Resign {
    scheme: Arc<dyn Scheme>,
    key: KeyMaterial,
}

impl Resign {
    fn new(args: &ReplayArgs, ctx: &Ctx, records: &[Record]) -> Result<Self> {
        let config = ctx.config()?;
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
        let scheme = provider_lookup::scheme(&provider, &Default::default(), &config)?;
        let mut key = super::shared::key_lookup::key_for(
            scheme.as_ref(),
            args.secret.as_deref(),
            args.private_key.as_deref(),
            super::shared::key_lookup::NewKey::Saved,
            ctx,
        )?;
        key.key_id = args.key_id.clone();
        Ok(Resign { scheme, key })
    }
}

/// The request to send for one stored record.
fn prepare(
    r: &Record,
    args: &ReplayArgs,
    resign: Option<&Resign>,
    timeout: Duration,
) -> Result<Outgoing> {
    let url = retarget(&r.request.url, args.to.as_deref()).map_err(usage)?;
    let mut delivery = Delivery::from(r.request.clone());
    delivery.url = Some(url);
    if let Some(rs) = resign {
        let req = rs
            .key
            .sign_request(chrono::Utc::now().timestamp(), signature::new_message_id());
        signature::attach(rs.scheme.as_ref(), &mut delivery, req).map_err(usage)?;
    } else if let Some((name, _)) = delivery
        .headers
        .iter()
        .find(|(_, v)| v.contains(crate::store::REDACTED))
    {
        bail_usage!(
            "{} carries a credential that was masked in the log ({name}): replay it with --resign --secret",
            r.id
        );
    }
    let mut out = Outgoing::new(
        Source::Replay,
        &delivery.method,
        delivery.url.as_deref().unwrap_or_default(),
        delivery.headers,
        delivery.body,
    );
    out.event_type = r.event_type.clone();
    out.provider = resign
        .map(|rs| rs.scheme.info().id.clone())
        .or_else(|| r.provider.clone());
    out.replay_of = Some(r.id.clone());
    out.timeout = timeout;
    Ok(out)
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
