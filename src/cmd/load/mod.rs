//! `hookctl load`: load-test an endpoint with unique, correctly signed deliveries — closed or open
//! loop, HDR latencies corrected for coordinated omission, thresholds for CI.

mod assertions;
mod conn;
mod h1;
mod logged;
mod payload;
mod progress;
mod report;
mod schedule;
mod stats;
mod worker;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use colored::Colorize;

use super::Ctx;
use super::shared::input::{parse_duration, parse_timeout};
use crate::bail_usage;
use crate::cli::LoadArgs;
use crate::http::target_url;
use crate::output::{self, Exit, usage};
use assertions::Assertion;
use conn::{Conn, ConnectError, Link, SharedH2, Target};
use logged::Logged;
use payload::Payloads;
use report::{AssertionResult, Summary};
use schedule::{DEFAULT_REQUESTS, Plan, Schedule};
use worker::{Mode, Run};

/// HTTP/2 streams one connection carries before another is opened: under the 100–128 that
/// servers allow at once by default.
const STREAMS_PER_CONNECTION: usize = 100;

pub fn run(args: LoadArgs, ctx: &Ctx) -> Result<Exit> {
    let url = target_url(&args.url, "URL").map_err(usage)?;
    let timeout = parse_timeout(&args.timeout, "--timeout")?;
    let extra_roots = super::shared::endpoints::ca_certs(&args.ca_cert)?;
    let duration = args
        .duration
        .as_deref()
        .map(|d| parse_duration(d, "-d/--duration"))
        .transpose()?;
    if duration.is_some_and(|d| d.is_zero()) {
        bail_usage!("-d 0 would send nothing: give a duration above 0, e.g. -d 30s");
    }
    let asserts = args
        .asserts
        .iter()
        .map(|a| Assertion::parse(a))
        .collect::<Result<Vec<_>>>()?;
    let open = args.rate.is_some() || !args.stages.is_empty();
    if !open && !args.bursts.is_empty() {
        bail_usage!("--burst belongs to the open loop: add --rate RPS (or --stage)");
    }
    let schedule = open
        .then(|| {
            Schedule::new(Plan {
                rate: args.rate,
                stages: &args.stages,
                bursts: &args.bursts,
                duration,
                requests: args.requests,
            })
        })
        .transpose()?;
    let payloads = Payloads::from_args(&args, url.as_str(), ctx)?;
    // One request's content up front: a key the scheme rejects, or a signature header HTTP
    // cannot carry (a generic scheme's name from config.toml), is found before the run.
    let first = payloads.prepare(0, chrono::Utc::now().timestamp())?;
    for (n, v) in first.headers.iter() {
        if !payload::sendable(n, v) {
            bail_usage!("header '{n}' cannot be sent in HTTP: check the scheme's header name");
        }
    }
    let logged = Logged::new(
        args.log_sample,
        payloads.event_type.clone(),
        payloads.provider.clone(),
    );
    // Opened now so that a bad --db fails before the load, not after it.
    let store = (args.log_sample > 0).then(|| ctx.store()).transpose()?;

    let mode = match schedule {
        Some(s) => Mode::Open(s),
        None => Mode::Closed {
            requests: match duration {
                Some(_) => None,
                None => Some(args.requests.unwrap_or(DEFAULT_REQUESTS)),
            },
            duration,
        },
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let setup = Setup {
        url,
        extra_roots,
        http2: args.http2,
        concurrency: args.concurrency,
        timeout,
    };
    let mode_name = if open { "open" } else { "closed" };
    let (run, elapsed) = runtime.block_on(drive(setup, payloads, logged, mode, ctx))?;

    let mut summary = Summary::new(&run.snapshot(), elapsed, mode_name);
    summary.assertions = asserts
        .iter()
        .map(|a| AssertionResult {
            expr: a.expr.clone(),
            passed: a.holds(&summary),
            measured: a.measured(&summary),
            unit: a.unit(),
        })
        .collect();
    if let Some(store) = &store {
        let kept = run.logged.write(store)?;
        if kept > 0 && !ctx.style.quiet && !ctx.style.json {
            eprintln!("kept {kept} of the deliveries in the log: hookctl logs --source load");
        }
    }
    if ctx.style.json {
        output::json(&summary)?;
    } else {
        output::bytes(summary.human().as_bytes())?;
    }
    if let Some(why) = summary.nothing_succeeded(args.http2) {
        // A negative verdict (exit 1), as a failed --assert is: the report above has the figures.
        eprintln!("{} no request succeeded: {why}", "error:".red().bold());
        return Ok(Exit::Negative);
    }
    Ok(if summary.assertions.iter().all(|a| a.passed) {
        Exit::Ok
    } else {
        Exit::Negative
    })
}

/// What the run needs besides the content and the pacing.
struct Setup {
    url: url::Url,
    /// `--ca-cert`: trusted besides the system's roots.
    extra_roots: Vec<rustls::pki_types::CertificateDer<'static>>,
    http2: bool,
    concurrency: usize,
    timeout: Duration,
}

/// Connects, runs the workers to the end, and hands back the run (its measurements and its log
/// sample) and how long it took.
async fn drive(
    setup: Setup,
    payloads: Payloads,
    logged: Logged,
    mode: Mode,
    ctx: &Ctx,
) -> Result<(Arc<Run>, Duration)> {
    let target =
        Arc::new(Target::resolve(setup.url.clone(), setup.http2, &setup.extra_roots).await?);
    // An endpoint that cannot be reached at all is a failure to run, not a measurement.
    let first = target.connect().await.map_err(|e| match e {
        ConnectError::Tcp(t) => anyhow::anyhow!("{t}: is the endpoint up at {}?", setup.url),
        ConnectError::Tls(t) => anyhow::anyhow!(t),
    })?;
    let links = open_connections(&target, first, setup.concurrency).await;

    let total = match &mode {
        Mode::Closed { requests, .. } => *requests,
        Mode::Open(s) => Some(s.total()),
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = Arc::new(Run::new(
        target,
        payloads,
        logged,
        setup.timeout,
        mode,
        (threads * 4).min(setup.concurrency),
    )?);
    let bar = progress::start(run.clone(), total, ctx);
    let mut workers = tokio::task::JoinSet::new();
    for (i, link) in links.into_iter().enumerate() {
        workers.spawn(worker::work(run.clone(), i, link));
    }
    let mut failed = None;
    while let Some(done) = workers.join_next().await {
        match done {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failed = failed.or(Some(e)),
            Err(e) => failed = failed.or(Some(anyhow::anyhow!("a load worker stopped: {e}"))),
        }
    }
    let elapsed = run.start.elapsed();
    if let Some((bar, task)) = bar {
        task.abort();
        bar.finish_and_clear();
    }
    if let Some(e) = failed {
        return Err(e);
    }
    // The progress task may still hold the run for a moment after abort(): share it, don't
    // unwrap it.
    Ok((run, elapsed))
}

/// One connection per worker for HTTP/1.1; for HTTP/2, workers share a connection per
/// `STREAMS_PER_CONNECTION`. Opened concurrently (a thousand in a row would delay the start by a
/// thousand round trips); one that cannot be opened now is retried by its worker (for HTTP/2, by
/// the first of the workers sharing it).
async fn open_connections(target: &Arc<Target>, first: Conn, workers: usize) -> Vec<Link> {
    let wanted = if target.http2 {
        workers.div_ceil(STREAMS_PER_CONNECTION)
    } else {
        workers
    };
    let mut pending = tokio::task::JoinSet::new();
    for _ in 1..wanted {
        let t = target.clone();
        pending.spawn(async move { t.connect().await.ok() });
    }
    let mut opened = vec![Some(first)];
    while let Some(c) = pending.join_next().await {
        opened.push(c.ok().flatten());
    }
    if !target.http2 {
        return opened.into_iter().map(Link::own).collect();
    }
    let shared: Vec<_> = opened.into_iter().map(SharedH2::new).collect();
    (0..workers)
        .map(|i| Link::share(&shared[i % shared.len()]))
        .collect()
}
