//! `hookctl verify`: is this delivery's signature genuine, and if not, why.

use std::sync::Arc;

use anyhow::Result;
use colored::Colorize;

use super::Ctx;
use super::shared::{input, judge, provider_lookup, record_lookup};
use crate::bail_usage;
use crate::cli::VerifyArgs;
use crate::message::Delivery;
use crate::output::{self, Exit, usage};
use crate::signature::{Reason, Scheme, Verdict, VerifyOptions, detect};

pub fn run(args: VerifyArgs, ctx: &Ctx) -> Result<Exit> {
    let config = ctx.config()?;
    let (delivery, logged_provider) = read_delivery(&args, ctx)?;
    let opts = VerifyOptions {
        now: args.now.unwrap_or_else(|| chrono::Utc::now().timestamp()),
        tolerance: args
            .tolerance
            .as_deref()
            .map(|t| input::parse_duration(t, "--tolerance"))
            .transpose()?
            .map(|d| d.as_secs()),
    };
    let public_key = args
        .public_key
        .as_deref()
        .map(input::key_text)
        .transpose()?;

    let candidates: Vec<Arc<dyn Scheme>> = if let (true, Some(p)) =
        (args.provider == "auto", &logged_provider)
    {
        vec![provider_lookup::scheme(p, &args.generic, &config)?]
    } else if args.provider == "auto" {
        let found = detect(&provider_lookup::registry(&config)?, &delivery.headers);
        if found.is_empty() {
            bail_usage!(
                "cannot tell the provider from the headers ({}): pass --provider ID (`hookctl providers` lists them)",
                if delivery.headers.is_empty() {
                    "none given: add them with -H 'Name: value'".to_string()
                } else {
                    format!("got {}", header_names(&delivery))
                }
            );
        }
        found
    } else {
        vec![provider_lookup::scheme(
            &args.provider,
            &args.generic,
            &config,
        )?]
    };

    let given = judge::GivenKeys {
        secrets: args.secret.clone(),
        public_key,
    };
    let judge::Judgement {
        scheme, verdict, ..
    } = judge::judge(&delivery, &candidates, &given, &config, &opts)?
        .expect("at least one candidate");
    let code = if verdict.is_valid() {
        Exit::Ok
    } else if verdict.reason.is_unusable_input() {
        Exit::Usage
    } else {
        Exit::Negative
    };

    if ctx.style.json {
        output::json(&serde_json::json!({
            "valid": verdict.is_valid(),
            "provider": scheme.info().id,
            "reason": verdict.reason,
            "detail": verdict.detail,
            "header": verdict.header,
            "hints": verdict.hints,
        }))?;
    } else if code == Exit::Usage {
        return Err(usage(verdict.detail));
    } else {
        render(scheme.as_ref(), &verdict, ctx.style.quiet)?;
    }
    Ok(code)
}

/// The delivery to check, and the provider the log recorded for it (if it came from the log).
fn read_delivery(args: &VerifyArgs, ctx: &Ctx) -> Result<(Delivery, Option<String>)> {
    let mut logged_provider = None;
    let mut d = match (&args.request, &args.log) {
        (_, Some(id)) => {
            let r = record_lookup::record(&ctx.store()?, id)?;
            logged_provider = r.provider.clone();
            Delivery::from(r.request)
        }
        (Some(path), None) => {
            let raw = input::read_file(path, "--request")?;
            Delivery::from_raw_request(&raw)
                .map_err(|e| usage(format!("--request {}: {e:#}", path.display())))?
        }
        (None, None) => Delivery::new(input::read_body(&args.source)?),
    };
    for (name, value) in input::parse_headers(&args.headers)?.iter() {
        d.headers.push(name, value);
    }
    if let Some(url) = &args.url {
        if url::Url::parse(url).is_err() {
            bail_usage!("--url '{url}' is not an absolute URL: give it as https://host/path?query");
        }
        d.url = Some(url.clone());
    }
    if let Some(m) = &args.method {
        d.method = m.to_ascii_uppercase();
    }
    Ok((d, logged_provider))
}

fn header_names(d: &Delivery) -> String {
    d.headers
        .iter()
        .map(|(n, _)| n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The human report: the verdict on one line, then the evidence and likely causes.
fn render(scheme: &dyn Scheme, v: &Verdict, quiet: bool) -> Result<()> {
    let info = scheme.info();
    if v.is_valid() {
        output::line(format_args!(
            "{} {} signature is valid: {}",
            "✓".green().bold(),
            info.name,
            v.detail
        ))?;
        // Valid as the provider's SDK judges it, with what hookctl would check beyond that.
        if !quiet {
            for hint in &v.hints {
                output::line(format_args!("  {:<8} {hint}", "note".dimmed()))?;
            }
        }
        return Ok(());
    }
    let status = if matches!(v.reason, Reason::ExpiredTimestamp | Reason::FutureTimestamp) {
        "✗".yellow().bold()
    } else {
        "✗".red().bold()
    };
    output::line(format_args!(
        "{status} {} signature is invalid ({}): {}",
        info.name,
        v.reason.as_str().bold(),
        v.detail
    ))?;
    if quiet {
        return Ok(());
    }
    if let Some(h) = &v.header {
        output::line(format_args!("  {:<8} {h}", "header".dimmed()))?;
    }
    if let Some(signed) = &v.signed {
        output::line(format_args!(
            "  {:<8} {} = {}",
            "signed".dimmed(),
            info.signed,
            preview(signed)
        ))?;
    }
    for hint in &v.hints {
        output::line(format_args!("  {:<8} {hint}", "likely".dimmed()))?;
    }
    if !info.docs.is_empty() {
        output::line(format_args!("  {:<8} {}", "docs".dimmed(), info.docs))?;
    }
    Ok(())
}

/// The signed content, quoted and shortened so a 1 MB body stays one readable line.
fn preview(bytes: &[u8]) -> String {
    const MAX: usize = 96;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX)]);
    let quoted = format!("{:?}", text);
    if bytes.len() > MAX {
        format!("{quoted}… ({} bytes)", bytes.len())
    } else {
        format!("{quoted} ({} bytes)", bytes.len())
    }
}
