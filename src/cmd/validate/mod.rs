//! `hookctl validate`: a conformance suite for webhook endpoints — transport, TLS, signature
//! enforcement, replay protection, idempotency, size and latency — as a report card, JSON or
//! JUnit XML.

pub mod accepts;
pub mod check;
pub mod junit;
pub mod probe;
pub mod rejects;
pub mod report;
pub mod suite;
pub mod transport;

use anyhow::Result;

use super::Ctx;
use super::shared::endpoints::{self, Wanted};
use super::shared::input::{parse_duration, parse_timeout};
use crate::cli::{ProbeKind, ValidateArgs};
use crate::http::Sender;
use crate::output::{self, Exit, usage};

pub fn run(args: ValidateArgs, ctx: &Ctx) -> Result<Exit> {
    let checks = check::select(&args.checks, &args.skip)?;
    let timeout = parse_timeout(&args.timeout, "--timeout")?;
    let slow = parse_duration(&args.slow, "--slow")?;
    let large_payload = hookctl_relay::values::parse_size(&args.large_payload)
        .map_err(|e| usage(format!("--large-payload {e}")))? as usize;
    let extra_roots = endpoints::ca_certs(&args.ca_cert)?;
    let endpoints = endpoints::resolve(
        &Wanted {
            targets: &args.targets,
            event: args.event.as_deref(),
            sample: &args.sample,
            probe: ProbeKind::Signed,
            always_sign: true,
        },
        ctx,
    )?;
    let opts = suite::Options {
        timeout,
        slow,
        probes: args.probes,
        large_payload,
        require_https: args.require_https,
        strict: args.strict,
        checks,
        extra_roots: extra_roots.clone(),
    };
    let ders: Vec<Vec<u8>> = extra_roots.iter().map(|c| c.to_vec()).collect();
    let sender = Sender::with_roots(Some(ctx.store()?), &ders)?;
    let human = !ctx.style.json;
    let verbose = human && !ctx.style.quiet;

    let runtime = tokio::runtime::Runtime::new()?;
    let mut reports = Vec::new();
    for (i, ep) in endpoints.iter().enumerate() {
        if verbose {
            if i > 0 {
                output::line("")?;
            }
            if let Some(s) = &ep.sampler {
                report::header(&ep.name, &ep.url, s.provider(), &s.event.id)?;
            }
        }
        let r = runtime.block_on(suite::run(ep, &opts, &sender, |o| {
            if verbose { report::line(o) } else { Ok(()) }
        }))?;
        if human {
            if ctx.style.quiet {
                output::line(&r.url)?;
            }
            report::summary(&r, args.strict)?;
        }
        reports.push(r);
    }
    if let Some(path) = &args.junit {
        junit::write(path, &reports, args.strict)?;
    }
    if ctx.style.json {
        // One URL on the command line: the documented object; several or a config file: an array.
        if args.targets.len() == 1 && reports.len() == 1 {
            output::json(&reports[0])?;
        } else {
            output::json(&reports)?;
        }
    }
    Ok(if reports.iter().all(|r| r.passed) {
        Exit::Ok
    } else {
        Exit::Negative
    })
}
