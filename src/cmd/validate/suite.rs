//! Runs the selected checks against one endpoint, in order, stopping short (as `skip`) where an
//! earlier layer failed: nothing is learned from twelve copies of "connection refused".

use std::time::{Duration, Instant};

use anyhow::Result;
use rustls::pki_types::CertificateDer;
use serde::Serialize;

use super::check::{Outcome, Status};
use super::probe::Prober;
use super::{accepts, rejects, transport};
use crate::cmd::shared::endpoints::Endpoint;
use crate::http::Sender;

/// Why the rejects_* checks are `skip` when a correctly signed delivery did not get in.
const FORGERIES_MOOT: &str =
    "not run: a correctly signed delivery was refused too, so refusing a forgery proves nothing";

/// How a run checks, the same for every endpoint.
pub struct Options {
    pub timeout: Duration,
    pub slow: Duration,
    pub probes: u32,
    pub large_payload: usize,
    pub require_https: bool,
    pub strict: bool,
    pub checks: Vec<&'static str>,
    pub extra_roots: Vec<CertificateDer<'static>>,
}

/// One endpoint's results: the JSON document the README documents, plus where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub url: String,
    /// The endpoint's name in the config file, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub provider: Option<String>,
    pub event: Option<String>,
    pub passed: bool,
    pub checks: Vec<Outcome>,
}

/// Runs the checks; `each` sees every result as it is known (the card prints as it goes).
pub async fn run(
    ep: &Endpoint,
    opts: &Options,
    sender: &Sender,
    mut each: impl FnMut(&Outcome) -> Result<()>,
) -> Result<Report> {
    let url = url::Url::parse(&ep.url)?;
    let host = url.host_str().unwrap_or_default().to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let timeout = ep.timeout.unwrap_or(opts.timeout);
    let sampler = ep
        .sampler
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("{}: no signer for the probes", ep.name))?;
    let prober = Prober {
        endpoint: ep,
        sampler,
        sender,
        timeout,
    };
    let mut checks = Vec::new();
    // Why the remaining checks cannot tell anything, once a lower layer has failed.
    let mut blocked: Option<&'static str> = None;
    // Refusing a forgery shows that signatures are checked only once a genuine delivery gets in:
    // an endpoint that refuses everything would otherwise earn every rejects_* check. A run that
    // leaves signed_delivery out still sends its delivery first, unreported, as that measure.
    let mut forgeries_moot: Option<&'static str> = None;
    let forgeries = opts.checks.iter().any(|c| c.starts_with("rejects_"));
    if forgeries && !opts.checks.contains(&"signed_delivery") {
        let (status, _) = accepts::signed_delivery(&prober, opts.slow).await?;
        if status == Status::Fail {
            forgeries_moot = Some(FORGERIES_MOOT);
        }
    }
    for &id in &opts.checks {
        let started = Instant::now();
        let moot = forgeries_moot.filter(|_| id.starts_with("rejects_"));
        let (status, detail) = match blocked.or(moot) {
            Some(why) => (Status::Skip, why.to_string()),
            None => match id {
                "dns" => transport::dns(&host, port).await?,
                "reachable" => transport::reachable(&host, port, timeout).await?,
                "tls" => {
                    transport::tls(&url, timeout, &opts.extra_roots, opts.require_https).await?
                }
                "signed_delivery" => accepts::signed_delivery(&prober, opts.slow).await?,
                "rejects_bad_signature" => rejects::bad_signature(&prober).await?,
                "rejects_missing_signature" => rejects::missing_signature(&prober).await?,
                "rejects_stale_timestamp" => rejects::stale_timestamp(&prober).await?,
                "rejects_future_timestamp" => rejects::future_timestamp(&prober).await?,
                "rejects_modified_body" => rejects::modified_body(&prober).await?,
                "duplicate_delivery" => accepts::duplicate_delivery(&prober).await?,
                "large_payload" => accepts::large_payload(&prober, opts.large_payload).await?,
                "no_redirect" => accepts::no_redirect(&prober).await?,
                "health_probe" => accepts::health_probe(&prober).await?,
                "latency" => accepts::latency(&prober, opts.probes, opts.slow).await?,
                other => anyhow::bail!("no code for check '{other}'"),
            },
        };
        if status == Status::Fail {
            blocked = match id {
                "dns" => Some("not run: the host does not resolve"),
                "reachable" => Some("not run: the endpoint is not reachable"),
                // A provider's client refuses the handshake just as ours would.
                "tls" if url.scheme() == "https" => {
                    Some("not run: TLS failed, so no provider could deliver here")
                }
                _ => blocked,
            };
            if id == "signed_delivery" {
                forgeries_moot = Some(FORGERIES_MOOT);
            }
        }
        let outcome = Outcome {
            id,
            status,
            detail,
            duration_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1000.0,
        };
        each(&outcome)?;
        checks.push(outcome);
    }
    Ok(Report {
        url: ep.url.clone(),
        name: (ep.name != ep.url).then(|| ep.name.clone()),
        provider: Some(sampler.provider().to_string()),
        event: Some(sampler.event.id.clone()),
        passed: !checks.iter().any(|c| c.status.fails(opts.strict)),
        checks,
    })
}
