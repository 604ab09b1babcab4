//! `hookctl monitor`: probe endpoints on an interval, keep availability and latency over a
//! sliding window, alert once when one goes down or degrades and once when it recovers, and
//! serve Prometheus metrics.

pub mod alert;
pub mod display;
pub mod metrics;
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
use crate::cli::{MonitorArgs, ProbeKind};
use crate::http::{Outgoing, Sender};
use crate::message::Headers;
use crate::output::{Exit, usage};
use crate::signature::{KeyMaterial, Registry};
use crate::store::Source;
use alert::{Alert, Channel, Signer};
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
    pub signer: Option<Arc<Signer>>,
    pub sender: Sender,
    pub metrics: Option<std::net::SocketAddr>,
}

pub fn run(args: MonitorArgs, ctx: &Ctx) -> Result<Exit> {
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
    let signer = if channels.iter().any(|c| c.kind == alert::Kind::Webhook) {
        Some(Arc::new(alert_signer(args.alert_secret.as_deref(), ctx)?))
    } else {
        None
    };
    let roots: Vec<Vec<u8>> = endpoints::ca_certs(&args.ca_cert)?
        .iter()
        .map(|c| c.to_vec())
        .collect();
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
        signer,
        // Probes are not recorded: a monitor left running for weeks would fill the delivery log
        // with health checks.
        sender: Sender::with_roots(None, &roots)?,
        metrics,
    })
}

/// Probes until `shutdown` (or one round with `once`), alerting and serving metrics; returns
/// each endpoint's final health. Alerts still in flight are awaited before returning.
pub async fn execute(
    plan: Plan,
    shutdown: CancellationToken,
    metrics_listener: Option<tokio::net::TcpListener>,
    mut display: Display,
) -> Result<Vec<Health>> {
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
    let probe = probe_fn(&plan);
    let (notes_tx, mut notes_rx) = mpsc::unbounded_channel::<(String, serde_json::Value)>();
    let mut alerts = tokio::task::JoinSet::new();
    let mut failure: Option<anyhow::Error> = None;

    watch::watch(
        plan.endpoints.len(),
        plan.schedule,
        probe,
        shutdown,
        |i, sample| {
            let ep = &plan.endpoints[i];
            let t = &mut trackers[i];
            let change = t.record(sample.clone());
            metrics.observe(&ep.name, &sample, t);
            let mut shown = display.probe(&ep.name, &ep.url, &sample, t);
            if let Some(change) = change {
                let text = format!(
                    "{} is {} (was {}): {}",
                    ep.name,
                    change.to.as_str(),
                    change.from.as_str(),
                    sample.detail
                );
                let at = chrono::Utc::now();
                let j = json!({"type": "change", "time": crate::output::time(at),
                    "endpoint": ep.name, "url": ep.url, "state": change.to,
                    "previous_state": change.from, "detail": sample.detail});
                shown = shown.and_then(|_| display.note(text, j));
                let a = Alert {
                    endpoint: ep.name.clone(),
                    url: ep.url.clone(),
                    change,
                    detail: sample.detail.clone(),
                    availability: t.availability(),
                    p95_ms: t.p95(),
                    window: t.window_len(),
                    at,
                };
                for channel in &plan.channels {
                    let (sender, channel, a, signer, notes, timeout) = (
                        plan.sender.clone(),
                        channel.clone(),
                        a.clone(),
                        plan.signer.clone(),
                        notes_tx.clone(),
                        plan.timeout,
                    );
                    alerts.spawn(async move {
                        let r =
                            alert::send(&sender, &channel, &a, signer.as_deref(), timeout).await;
                        let (ok, said) = match r {
                            Ok(v) => v,
                            Err(e) => (false, format!("{e:#}")),
                        };
                        let verb = if ok { "sent" } else { "NOT delivered" };
                        let _ = notes.send((
                            format!(
                                "{} alert for {} {verb} to {}: {said}",
                                a.event_type(),
                                a.endpoint,
                                channel.label()
                            ),
                            json!({"type": "alert", "event": a.event_type(), "endpoint": a.endpoint,
                                "channel": channel.label(), "delivered": ok, "detail": said}),
                        ));
                    });
                }
            }
            while let Ok((text, j)) = notes_rx.try_recv() {
                shown = shown.and_then(|_| display.note(text, j));
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
    while let Some((text, j)) = notes_rx.recv().await {
        display.note(text, j)?;
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
