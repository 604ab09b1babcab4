//! `hookctl monitor`: probe endpoints on an interval, keep availability and latency over a
//! sliding window, alert once when one goes down or degrades and once when it recovers, keep
//! every probe in a history, and serve Prometheus metrics.

pub mod alert;
pub mod display;
pub mod history;
pub mod metrics;
pub mod report;
pub mod servers;
pub mod state;
pub mod watch;

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::json;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::Ctx;
use super::shared::answer::Answer;
use super::shared::endpoints::{self, Endpoint, Wanted};
use super::shared::input::{parse_duration, parse_timeout};
use crate::cli::{MonitorArgs, MonitorCommand, ProbeKind, SmsOn};
use crate::http::{Outgoing, Sender};
use crate::message::Headers;
use crate::output::{Exit, usage};
use crate::signature::{KeyMaterial, Registry};
use crate::store::Source;
use alert::{Alert, Channel, Kind, Outbox, Outcome, Post, Signer};
use display::{Display, Mode};
use state::{Health, Sample, Thresholds, Tracker};
use watch::{ProbeFn, Schedule};

/// Everything a run needs, resolved from the flags before anything is sent.
pub struct Plan {
    pub endpoints: Vec<Arc<Endpoint>>,
    pub schedule: Schedule,
    pub timeout: Duration,
    pub thresholds: Thresholds,
    pub channels: Vec<Channel>,
    pub outbox: Arc<Outbox>,
    pub sms_on_degraded: bool,
    /// Sends the probes.
    pub sender: Sender,
    pub metrics: Option<std::net::SocketAddr>,
    /// Where probes and alerts are kept, and for how long.
    pub history: std::path::PathBuf,
    pub keep: Duration,
}

pub fn run(args: MonitorArgs, ctx: &Ctx) -> Result<Exit> {
    if let Some(MonitorCommand::Report(r)) = &args.command {
        return report::run(r, ctx);
    }
    let plan = plan(&args, ctx)?;
    let mode = if ctx.style.json {
        Mode::Json
    } else if ctx.style.quiet {
        Mode::Quiet
    } else if std::io::stdout().is_terminal() && !plan.schedule.once {
        Mode::Table
    } else {
        Mode::Lines
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = match &plan.metrics {
            Some(addr) => {
                let l = tokio::net::TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("cannot listen on --metrics {addr}"))?;
                if !ctx.style.quiet {
                    eprintln!("Metrics on http://{}/metrics", l.local_addr()?);
                }
                Some(l)
            }
            None => None,
        };
        let shutdown = CancellationToken::new();
        let on_signal = shutdown.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                on_signal.cancel();
            }
        });
        if mode != Mode::Json && !ctx.style.quiet && !plan.schedule.once {
            eprintln!(
                "Monitoring {} endpoint(s) every {}; Ctrl-C to stop.",
                plan.endpoints.len(),
                humantime::format_duration(plan.schedule.interval)
            );
        }
        let once = plan.schedule.once;
        let health = execute(plan, shutdown, listener, Display::new(mode)).await?;
        Ok(if once && health.contains(&Health::Down) {
            Exit::Negative
        } else {
            Exit::Ok
        })
    })
}

/// Resolves the flags into a plan; every mistake is a usage error.
pub fn plan(args: &MonitorArgs, ctx: &Ctx) -> Result<Plan> {
    let interval = parse_timeout(&args.interval, "--interval")?;
    let timeout = parse_timeout(&args.timeout, "--timeout")?;
    let degraded = parse_duration(&args.degraded, "--degraded")?;
    let channels = args
        .alerts
        .iter()
        .map(|a| Channel::parse(a))
        .collect::<Result<Vec<_>>>()?;
    // The relay's reading of an address, host names included, resolved once.
    let metrics = args
        .metrics
        .as_deref()
        .map(|m| {
            hookctl_relay::values::parse_listen_addr(m)
                .map_err(|e| usage(format!("--metrics: {e}")))
        })
        .transpose()?;
    let keep = parse_timeout(&args.keep, "--keep")?;
    if keep_from(chrono::Utc::now(), keep).is_none() {
        crate::bail_usage!(
            "--keep '{}' reaches back before any date: give days or years, e.g. 90d",
            args.keep
        );
    }
    let roots: Vec<Vec<u8>> = endpoints::ca_certs(&args.ca_cert)?
        .iter()
        .map(|c| c.to_vec())
        .collect();
    let wants = |k: Kind| channels.iter().any(|c| c.kind == k);
    let config = if wants(Kind::Email) || wants(Kind::Sms) {
        ctx.config()?
    } else {
        Default::default()
    };
    let smtp = if wants(Kind::Email) {
        Some(servers::smtp(&args.servers, &config, &roots)?)
    } else {
        None
    };
    let twilio = if wants(Kind::Sms) {
        Some(servers::twilio(&args.servers, &config)?)
    } else {
        None
    };
    let endpoints = endpoints::resolve(
        &Wanted {
            targets: &args.targets,
            event: args.event.as_deref(),
            sample: &args.sample,
            probe: args.probe,
            always_sign: false,
        },
        ctx,
    )?;
    let signer = if wants(Kind::Webhook) {
        Some(alert_signer(args.alert_secret.as_deref(), ctx)?)
    } else {
        None
    };
    // Probes are not recorded in the delivery log (a monitor left running for weeks would fill
    // it with health checks): they go to the probe history beside it.
    let sender = Sender::with_roots(None, &roots)?;
    Ok(Plan {
        endpoints: endpoints.into_iter().map(Arc::new).collect(),
        schedule: Schedule {
            interval,
            once: args.once,
        },
        timeout,
        thresholds: Thresholds {
            // --once has one probe to judge by: a failed one is down (README "Keep watching").
            down_after: if args.once { 1 } else { args.down_after },
            degraded_ms: degraded.as_secs_f64() * 1000.0,
            window: args.window,
        },
        channels,
        outbox: Arc::new(Outbox {
            post: Post {
                sender: sender.clone(),
                timeout,
            },
            signer,
            smtp,
            twilio,
        }),
        sms_on_degraded: args.servers.sms_on == SmsOn::Degraded,
        sender,
        metrics,
        history: history::path(&crate::store::path(ctx.global.db.as_deref())?),
        keep,
    })
}

/// One alert's fate, as the task that sent it tells it.
struct Sent {
    alert: Alert,
    channel: Channel,
    outcome: Outcome,
}

/// The probe history as the run writes it: a write that fails is told once on stderr and
/// the monitor goes on, since alerts matter more than the record of them.
struct Keeper {
    history: history::History,
    keep: Duration,
    pruned: Option<std::time::Instant>,
    warned: bool,
}

/// The history is pruned at the start and then hourly.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// The oldest moment `--keep` keeps, seen from `now`; none when it reaches back past any date.
fn keep_from(
    now: chrono::DateTime<chrono::Utc>,
    keep: Duration,
) -> Option<chrono::DateTime<chrono::Utc>> {
    now.checked_sub_signed(chrono::Duration::from_std(keep).ok()?)
}

impl Keeper {
    fn write(&mut self, r: Result<()>) {
        if let Err(e) = r
            && !std::mem::replace(&mut self.warned, true)
        {
            eprintln!("hookctl: cannot write the probe history (monitoring goes on): {e:#}");
        }
        if self.pruned.is_none_or(|t| t.elapsed() >= PRUNE_EVERY) {
            self.pruned = Some(std::time::Instant::now());
            let before = keep_from(chrono::Utc::now(), self.keep)
                .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
            let r = self.history.prune(before).map(|_| ());
            self.write(r);
        }
    }

    fn probe(
        &mut self,
        at: chrono::DateTime<chrono::Utc>,
        ep: &Endpoint,
        s: &Sample,
        state: Health,
    ) {
        let r = self.history.record_probe(&history::Probe {
            at,
            endpoint: ep.name.clone(),
            url: ep.shown_url.clone(),
            ok: s.ok,
            status: s.status,
            latency_ms: s.ms,
            error: (!s.ok).then(|| s.detail.clone()),
            state,
        });
        self.write(r);
    }

    fn alert(&mut self, sent: &Sent) {
        let r = self.history.record_alert(&history::SentAlert {
            at: sent.alert.at,
            endpoint: sent.alert.endpoint.clone(),
            url: sent.alert.url.clone(),
            event: sent.alert.event_type().into(),
            channel: sent.channel.label().into(),
            target: sent.channel.recipient().unwrap_or_default().into(),
            delivered: sent.outcome.delivered,
            attempts: sent.outcome.attempts,
            detail: sent.outcome.detail.clone(),
        });
        self.write(r);
    }
}

/// Tells of an alert's fate on the display and keeps it in the history.
fn settle(sent: &Sent, display: &mut Display, keeper: &mut Keeper) -> Result<()> {
    keeper.alert(sent);
    let (a, o) = (&sent.alert, &sent.outcome);
    let verb = if o.delivered { "sent" } else { "NOT delivered" };
    display.note(
        format!(
            "{} alert for {} {verb} to {}: {}",
            a.event_type(),
            a.endpoint,
            sent.channel.label(),
            o.detail
        ),
        json!({"type": "alert", "event": a.event_type(), "endpoint": a.endpoint,
            "channel": sent.channel.label(), "delivered": o.delivered, "detail": o.detail}),
    )
}

/// Probes until `shutdown` (or one round with `once`), alerting, keeping the history and
/// serving metrics; returns each endpoint's final health. Alerts still in flight are awaited
/// before returning.
pub async fn execute(
    plan: Plan,
    shutdown: CancellationToken,
    metrics_listener: Option<tokio::net::TcpListener>,
    mut display: Display,
) -> Result<Vec<Health>> {
    let mut keeper = Keeper {
        history: history::History::open(&plan.history)?,
        keep: plan.keep,
        pruned: None,
        warned: false,
    };
    let metrics = metrics::Metrics::new();
    let server = metrics_listener.map(|l| {
        let stop = CancellationToken::new();
        let task = tokio::spawn(metrics::serve(l, metrics.clone(), stop.clone()));
        (stop, task)
    });
    let mut trackers: Vec<Tracker> = plan
        .endpoints
        .iter()
        .map(|_| Tracker::new(plan.thresholds))
        .collect();
    // When each endpoint's current state began, once a change has been seen; and the first
    // failure of its current streak, where an outage begins (as `monitor report` counts it).
    let mut since: Vec<Option<chrono::DateTime<chrono::Utc>>> = vec![None; plan.endpoints.len()];
    let mut streak: Vec<Option<chrono::DateTime<chrono::Utc>>> = vec![None; plan.endpoints.len()];
    let probe = probe_fn(&plan);
    let (notes_tx, mut notes_rx) = mpsc::unbounded_channel::<Sent>();
    let mut alerts = tokio::task::JoinSet::new();
    let mut failure: Option<anyhow::Error> = None;

    watch::watch(
        plan.endpoints.len(),
        plan.schedule,
        probe,
        shutdown,
        &mut notes_rx,
        |heard| {
            let (i, sample) = match heard {
                watch::Heard::Probe(i, sample) => (i, sample),
                // An alert's send ended: told and kept now, not at the next probe.
                watch::Heard::Note(sent) => {
                    let shown = settle(&sent, &mut display, &mut keeper);
                    if let Err(e) = shown
                        && failure.is_none()
                    {
                        failure = Some(e);
                    }
                    return;
                }
            };
            // Alerts whose sends ended are reaped, so a monitor running for weeks holds none.
            while alerts.try_join_next().is_some() {}
            let ep = &plan.endpoints[i];
            let t = &mut trackers[i];
            let now = chrono::Utc::now();
            if sample.ok {
                streak[i] = None;
            } else {
                streak[i].get_or_insert(now);
            }
            let change = t.record(sample.clone());
            keeper.probe(now, ep, &sample, t.health);
            metrics.observe(&ep.name, &sample, t);
            let url = &ep.shown_url;
            let mut shown = display.probe(&ep.name, url, &sample, t);
            if let Some(change) = change {
                let text = format!(
                    "{} is {} (was {}): {}",
                    ep.name,
                    change.to.as_str(),
                    change.from.as_str(),
                    sample.detail
                );
                let at = now;
                let j = json!({"type": "change", "time": crate::output::time(at),
                    "endpoint": ep.name, "url": url, "state": change.to,
                    "previous_state": change.from, "detail": sample.detail});
                shown = shown.and_then(|_| display.note(text, j));
                let a = Alert {
                    endpoint: ep.name.clone(),
                    url: url.clone(),
                    change,
                    detail: sample.detail.clone(),
                    last_ms: sample.ms,
                    failures: t.failures_in_row(),
                    availability: t.availability(),
                    p95_ms: t.p95(),
                    window: t.window_len(),
                    at,
                    since: since[i].replace(match change.to {
                        Health::Down => streak[i].unwrap_or(at),
                        _ => at,
                    }),
                };
                for channel in &plan.channels {
                    if !channel.fires_for(change, plan.sms_on_degraded) {
                        continue;
                    }
                    let (outbox, channel, alert, notes) = (
                        plan.outbox.clone(),
                        channel.clone(),
                        a.clone(),
                        notes_tx.clone(),
                    );
                    alerts.spawn(async move {
                        let outcome = alert::send(&outbox, &channel, &alert).await;
                        let _ = notes.send(Sent {
                            alert,
                            channel,
                            outcome,
                        });
                    });
                }
            }
            let rows: Vec<(&str, &Tracker)> = plan
                .endpoints
                .iter()
                .map(|e| e.name.as_str())
                .zip(trackers.iter())
                .collect();
            shown = shown.and_then(|_| display.table(&rows));
            // A closed stdout ends the run (the pipe reader is gone); remember why.
            if let Err(e) = shown
                && failure.is_none()
            {
                failure = Some(e);
            }
        },
    )
    .await;
    while alerts.join_next().await.is_some() {}
    drop(notes_tx);
    while let Some(sent) = notes_rx.recv().await {
        settle(&sent, &mut display, &mut keeper)?;
    }
    let rows: Vec<(&str, &Tracker)> = plan
        .endpoints
        .iter()
        .map(|e| e.name.as_str())
        .zip(trackers.iter())
        .collect();
    display.table(&rows)?;
    if let Some((stop, task)) = server {
        stop.cancel();
        let _ = task.await;
    }
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(trackers.iter().map(|t| t.health).collect())
}

/// The real probe: a signed test event (up: 2xx) or a GET (up: any answer below 500).
fn probe_fn(plan: &Plan) -> ProbeFn {
    let endpoints = plan.endpoints.clone();
    let sender = plan.sender.clone();
    let default_timeout = plan.timeout;
    Arc::new(move |i| {
        let ep = endpoints[i].clone();
        let sender = sender.clone();
        Box::pin(async move {
            let timeout = ep.timeout.unwrap_or(default_timeout);
            match probe(&ep, &sender, timeout).await {
                Ok(s) => s,
                Err(e) => Sample {
                    ok: false,
                    ms: None,
                    status: None,
                    detail: format!("{e:#}"),
                },
            }
        })
    })
}

async fn probe(ep: &Endpoint, sender: &Sender, timeout: Duration) -> Result<Sample> {
    let mut out = match (ep.probe, &ep.sampler) {
        (ProbeKind::Signed, Some(s)) => {
            let d = s.sign(&s.fresh()?, &ep.url, chrono::Utc::now().timestamp())?;
            s.outgoing(d, &ep.url, Source::Validate)
        }
        _ => Outgoing::new(Source::Validate, "GET", &ep.url, Headers::new(), Vec::new()),
    };
    out.timeout = timeout;
    Ok(match Answer::of(&sender.send(out).await?) {
        Answer::Http { status, ms, .. } => Sample {
            ok: match ep.probe {
                ProbeKind::Signed => (200..300).contains(&status),
                ProbeKind::Get => status < 500,
            },
            ms: Some(ms),
            status: Some(status),
            detail: format!("answered {status}"),
        },
        Answer::Error(e) => Sample {
            ok: false,
            ms: None,
            status: None,
            detail: e,
        },
    })
}

/// The Standard Webhooks secret webhook: alerts are signed with.
fn alert_signer(secret: Option<&str>, ctx: &Ctx) -> Result<Signer> {
    let scheme = Registry::builtin()
        .get("standard-webhooks")
        .context("the standard-webhooks scheme is missing")?;
    let secret = match secret {
        Some(s) => s.to_string(),
        None => super::shared::key_lookup::key_for(
            scheme.as_ref(),
            None,
            None,
            super::shared::key_lookup::NewKey::ThisRun,
            ctx,
        )?
        .secret
        .context("no standard-webhooks secret to sign alerts with: pass --alert-secret")?,
    };
    let key = KeyMaterial {
        secret: Some(secret),
        ..Default::default()
    };
    Ok(Signer { scheme, key })
}
