//! `hookctl listen`: receive webhooks on this machine through a relay (an embedded one by
//! default), forward them to local targets, record every delivery, and reconnect by itself.

// A delivery goes through these in order: `receive` (filter, forward, or answer here),
// `pass_back` (the target's answer on its way back), `respond` (record, then answer), `finish`
// (verify, record, report), `print` (its line). `event` and `tee` serve them; `defaults` fills
// in the relay, token and name the flags leave out.
mod defaults;
mod event;
mod finish;
mod pass_back;
mod print;
mod receive;
mod respond;
mod tee;
mod turns;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use colored::Colorize;
use globset::Glob;
use hookctl_relay::client::forward::{Forwarder, Routes};
use hookctl_relay::client::{self, ClientError, ClientOptions, Event};
use hookctl_relay::server::options::{OfflineMode, RelayOptions};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::Ctx;
use super::shared::{input, key_lookup, provider_lookup, ready_file};
use crate::bail_usage;
use crate::cli::{GenericArgs, ListenArgs};
use crate::console;
use crate::machine::running::{self, Running};
use crate::machine::{folder, key, relays};
use crate::output::{Exit, usage};
use crate::signature::KeyKind;
use crate::store::writer::{self, LogWriter};
use finish::{Shared, Shown, Verifier};
use receive::ListenHandler;

pub fn run(args: ListenArgs, ctx: &Ctx) -> Result<Exit> {
    let routes = Routes::parse(&args.forward_to).map_err(usage)?;
    let timeout = input::parse_timeout(&args.timeout, "--timeout")?;
    let mut events = Vec::new();
    for g in &args.events {
        let glob = Glob::new(g)
            .map_err(|e| usage(format!("--events '{g}' is not a glob pattern: {e}")))?;
        events.push(glob.compile_matcher());
    }
    hookctl_relay::shared::names::check_tokens(args.token.as_slice()).map_err(usage)?;
    if let Some(n) = &args.name {
        hookctl_relay::shared::names::check_name(n).map_err(|e| usage(format!("--name: {e}")))?;
    }
    let mut args = args;
    args.relay = client::relay_list(&args.relay).map_err(usage)?;
    let verify = match &args.verify_provider {
        Some(id) => Some(Arc::new(verifier(id, &args, ctx)?)),
        None => None,
    };
    let db = crate::store::path(ctx.global.db.as_deref())?;
    let folder = folder::beside_log(&db);
    let args = defaults::fill(args, ctx, &folder)?;
    let key = key::load_or_create(&key::path(&db))?;
    let store = ctx.store()?;
    let forwarder = Forwarder::new(timeout).map_err(|e| anyhow::anyhow!(e))?;
    // One thread owns the log and writes what has queued in one transaction. Whatever is queued
    // when listen stops (Ctrl-C, a refused relay, an error) is written before it exits.
    let (log, log_thread) = writer::spawn(store, |n, e| {
        eprintln!(
            "{} {n} deliver{} not recorded in the delivery log: {e:#}",
            "error:".red().bold(),
            if n == 1 { "y" } else { "ies" }
        );
    })
    .context("cannot start the delivery log's writer")?;
    let (shown, to_print) = mpsc::unbounded_channel();
    let printing_failed = CancellationToken::new();
    let printer = print::spawn(to_print, ctx.style.json, printing_failed.clone())
        .context("cannot start the printer")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    let result = runtime.block_on(listen(
        args,
        ctx,
        routes,
        events,
        verify,
        log,
        forwarder,
        timeout,
        shown,
        printing_failed,
        key,
        &folder,
    ));
    // Deliveries still under way are dropped with the runtime, and with them the last writers
    // and the last lines to print.
    drop(runtime);
    let printed = printer
        .join()
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the printer failed")));
    log_thread.finish();
    // A printing failure (a closed pipe included) is what stopped listen, if it stopped it.
    printed?;
    result
}

fn verifier(id: &str, args: &ListenArgs, ctx: &Ctx) -> Result<Verifier> {
    let config = ctx.config()?;
    let public_key = args
        .public_key
        .as_deref()
        .map(input::key_text)
        .transpose()?;
    if id == "auto" {
        // As `verify` does: the provider is told per delivery, from its headers.
        return Ok(Verifier::Auto {
            registry: provider_lookup::registry(&config)?,
            secrets: args.secret.iter().cloned().collect(),
            public_key,
            config,
        });
    }
    let scheme = provider_lookup::scheme(id, &GenericArgs::default(), &config)?;
    let keys =
        key_lookup::verify_keys(scheme.as_ref(), args.secret.as_slice(), public_key, &config)?;
    if !key_lookup::can_verify(scheme.as_ref(), &keys) {
        match scheme.info().key {
            KeyKind::Secret => bail_usage!(
                "--verify-provider {id} needs its secret: pass --secret (or set HOOKCTL_SECRET, or save one with `hookctl init`)"
            ),
            KeyKind::KeyPair => bail_usage!(
                "--verify-provider {id} verifies with the provider's public key: pass --public-key (hex, base64, PEM or JWK, or a file holding it)"
            ),
        }
    }
    Ok(Verifier::Fixed { scheme, keys })
}

/// How long stopping waits for deliveries under way to finish and be recorded.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The relay options of the embedded relay: the relay's documented defaults, no buffer (the client lives in
/// the same process, so it is never away while the relay runs).
fn embedded_options(addr: SocketAddr, timeout: Duration) -> Result<RelayOptions> {
    let mut opts = RelayOptions::from_flags(&[])?;
    opts.listen = addr;
    // The local target's own timeout answers first, with a clearer message.
    opts.request_timeout = timeout + Duration::from_secs(5);
    opts.offline = Some(OfflineMode::Reject);
    Ok(opts)
}

#[allow(clippy::too_many_arguments)]
async fn listen(
    args: ListenArgs,
    ctx: &Ctx,
    routes: Routes,
    events: Vec<globset::GlobMatcher>,
    verify: Option<Arc<Verifier>>,
    log: LogWriter,
    forwarder: Forwarder,
    timeout: Duration,
    shown: mpsc::UnboundedSender<Shown>,
    printing_failed: CancellationToken,
    key: String,
    folder: &Path,
) -> Result<Exit> {
    // Ctrl-C, or SIGTERM from a service manager: either way listen stops cleanly and writes
    // every delivery it answered to the log before it exits.
    let extra_roots = super::shared::endpoints::ca_certs(&args.ca_cert)?;
    let stop = hookctl_relay::server::run::on_signal();
    let relay_stop = CancellationToken::new();
    let relay_urls = match args.relay.as_slice() {
        [_, ..] => args.relay.clone(),
        [] => {
            let addr = SocketAddr::from(([127, 0, 0, 1], args.port));
            let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
                format!("cannot listen on {addr} for the embedded relay (pick another --port, or 0 for any)")
            })?;
            let bound = listener.local_addr()?;
            let opts = embedded_options(bound, timeout)?;
            let stop = relay_stop.clone();
            let style = ctx.style;
            tokio::spawn(async move {
                if let Err(e) = hookctl_relay::server::serve(listener, opts, stop).await {
                    let error = style.stderr_paint("error:", |t| t.red().bold());
                    eprintln!("{error} the embedded relay stopped: {e}");
                }
            });
            vec![format!("http://{bound}")]
        }
    };
    let targets = if routes.is_empty() {
        format!("(receive only, answering {})", args.respond)
    } else {
        routes
            .iter()
            .map(|r| {
                if r.prefix.is_empty() {
                    r.url.clone()
                } else {
                    format!("{}={}", r.prefix, r.url)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let working = TaskTracker::new();
    let handler = Arc::new(ListenHandler::new(
        routes,
        args.respond,
        events,
        forwarder,
        Shared {
            verify,
            log,
            shown,
            working: working.clone(),
            turns: Default::default(),
            quiet: ctx.style.quiet,
        },
    ));
    let mut opts = ClientOptions::with_relays(relay_urls);
    opts.token = args.token.clone();
    opts.name = args.name.clone();
    opts.key = Some(key);
    opts.extra_roots = extra_roots;
    opts.relay_ip = args.relay_ip;
    let (tx, mut client_events) = mpsc::unbounded_channel();
    let mut client = tokio::spawn(client::run(opts, handler, tx, stop.clone()));
    let quiet = ctx.style.quiet;
    // Where `trigger` finds this listen, from its first connection until it exits.
    let mut _findable = None;
    // The public URL the ready file and `trigger` know, which changes when listen moves relays.
    let mut shown_url: Option<String> = None;
    let started = chrono::Utc::now().to_rfc3339();
    let several = args.relay.len() > 1;
    let outcome = loop {
        tokio::select! {
            done = &mut client => break done,
            _ = printing_failed.cancelled() => {
                // The printer returns its error once it is joined; listen just stops.
                stop.cancel();
                relay_stop.cancel();
                let _ = client.await;
                return Ok(Exit::Ok);
            }
            Some(e) = client_events.recv() => match e {
                Event::Connected { relay, public_url, buffered, again, tunnel, subdomain_url } => {
                    let via = several.then(|| format!("via {relay}"));
                    if !again && !args.no_inspect {
                        // Once receiving: a listen refused by its relay prints its one error line only.
                        serve_console(args.inspect, ctx, relay_stop.clone()).await;
                    }
                    // Another relay gives another public URL: the file and `trigger` follow it.
                    if shown_url.as_deref() != Some(public_url.as_str()) {
                        // The file first: whoever saw the line may look for the file at once.
                        if let Some(f) = &args.ready_file {
                            ready_file::write(f, &public_url)?;
                        }
                        // The old entry goes first: the new one takes its file name.
                        drop(_findable.take());
                        let me = Running {
                            pid: std::process::id(),
                            name: tunnel.clone(),
                            public_url: public_url.clone(),
                            targets: targets.clone(),
                            relay: if args.relay.is_empty() { relays::EMBEDDED.into() } else { relay },
                            started: started.clone(),
                        };
                        match running::record(folder, &me) {
                            Ok(entry) => _findable = Some(entry),
                            Err(e) => eprintln!(
                                "{} `hookctl trigger` cannot find this listen: {e:#}",
                                "warning:".yellow()
                            ),
                        }
                        shown_url = Some(public_url.clone());
                    }
                    if again {
                        let also = via.as_deref().map(|v| format!(", {v}")).unwrap_or_default();
                        eprintln!("Reconnected: {public_url} -> {targets} (tunnel '{tunnel}' kept{also})");
                    } else {
                        eprintln!("Ready: {public_url} -> {targets}");
                        if let Some(via) = via {
                            eprintln!("Connected {via}: listen moves to the next of its {} relays when it is gone", args.relay.len());
                        }
                        if let Some(sub) = subdomain_url {
                            eprintln!("Also at: {sub} -> {targets} (the whole path goes to the target)");
                        }
                    }
                    if buffered > 0 {
                        eprintln!("{buffered} deliveries waited in the relay's buffer: they come first, in order");
                    }
                }
                Event::Lost { reason } => eprintln!("{} {reason}; reconnecting…", ctx.style.stderr_paint("Lost the relay:", |t| t.yellow())),
                Event::Retrying { reason, retry_in, next } => {
                    if !quiet {
                        if retry_in.is_zero() {
                            eprintln!("  trying {next} now ({reason})");
                        } else {
                            let next = if several { format!(" {next}") } else { String::new() };
                            eprintln!("  retrying{next} in {:.1} s ({reason})", retry_in.as_secs_f64());
                        }
                    }
                }
            },
        }
    };
    // Deliveries under way finish and are recorded before listen exits (the relay connection is
    // gone, so they end quickly unless a target is slow to answer).
    working.close();
    if tokio::time::timeout(SHUTDOWN_GRACE, working.wait())
        .await
        .is_err()
    {
        eprintln!(
            "{} {} deliveries were still under way after {} s and are not recorded",
            "warning:".yellow(),
            working.len(),
            SHUTDOWN_GRACE.as_secs()
        );
    }
    relay_stop.cancel();
    match outcome {
        Ok(Ok(())) => Ok(Exit::Ok),
        Ok(Err(ClientError::Usage(m))) => Err(usage(m)),
        Ok(Err(e)) => Err(anyhow::anyhow!(e)),
        Err(e) => Err(anyhow::anyhow!("the tunnel client failed: {e}")),
    }
}

/// The web console beside listen, as ngrok's inspector sits beside its tunnel: its URL printed,
/// stopped with the relay. One that cannot start is said and skipped; listen goes on receiving.
async fn serve_console(addr: SocketAddr, ctx: &Ctx, stop: CancellationToken) {
    let started = async {
        let bound = console::bind::bind(addr).await?;
        let c = console::Console::new(ctx.clone(), bound.addr)?;
        Ok::<_, anyhow::Error>((bound, c))
    };
    match started.await {
        Ok((bound, c)) => {
            if let Some(w) = console::bind::exposure_warning(bound.addr) {
                eprintln!("{}", ctx.style.stderr_paint(&w, |t| t.yellow()));
            }
            eprintln!("{}", console::bind::url_line(&c.url(), bound.moved_from));
            tokio::spawn(async move {
                if let Err(e) = c.serve(bound.listener, stop).await {
                    eprintln!("warning: the web console stopped: {e:#}");
                }
            });
        }
        Err(e) => eprintln!(
            "{} no web console: {e:#} (--inspect ADDR moves it, --no-inspect turns it off)",
            ctx.style.stderr_paint("warning:", |t| t.yellow())
        ),
    }
}
