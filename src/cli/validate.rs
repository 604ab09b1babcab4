//! Flags of `validate` (a conformance suite for one endpoint) and `monitor` (keep probing,
//! alert on changes).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use hookctl_relay::values::at_least;

use super::trigger::SampleArgs;
use super::values;

#[derive(Debug, Args)]
#[command(
    after_help = "Checks: dns, reachable, tls, signed_delivery, rejects_bad_signature, \
rejects_missing_signature, rejects_stale_timestamp, rejects_future_timestamp, \
rejects_modified_body, duplicate_delivery, large_payload, no_redirect, health_probe, latency.\n\
Exit codes: 0 every check passed, 1 a check failed (--strict: or warned), 2 bad input, 3 runtime failure."
)]
pub struct ValidateArgs {
    /// Endpoint URLs, or names of endpoints in the config file; none: every endpoint in the config file (--config).
    #[arg(value_name = "URL")]
    pub targets: Vec<String>,

    /// The event to send [default: the provider's first catalog event; standard-webhooks: standard-webhooks.contact.created].
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,

    #[command(flatten)]
    pub sample: SampleArgs,

    /// Signed deliveries to time for the latency check.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = at_least::<u32>(0), allow_negative_numbers = true)]
    pub probes: u32,

    /// How long a provider waits for an answer before it gives up and retries.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "10s",
        allow_hyphen_values = true
    )]
    pub timeout: String,

    /// Answers slower than this warn: providers retry slow endpoints and may disable them.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "1s",
        allow_hyphen_values = true
    )]
    pub slow: String,

    /// Size of the large_payload delivery (1MiB, 512KiB, 256KB, or bytes).
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "1MiB",
        allow_hyphen_values = true
    )]
    pub large_payload: String,

    /// Run only these checks (comma-separated ids; see below).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub checks: Vec<String>,

    /// Leave out these checks (comma-separated ids).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// A warning fails the run too (exit 1).
    #[arg(long)]
    pub strict: bool,

    /// Plain http fails instead of warning.
    #[arg(long)]
    pub require_https: bool,

    /// Also trust this CA certificate (PEM file; repeatable), e.g. an internal CA.
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Vec<PathBuf>,

    /// Write the results as JUnit XML for CI systems (one testcase per check).
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
}

/// What one monitor probe sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProbeKind {
    /// A correctly signed test event (POST); up means a 2xx answer.
    #[default]
    Signed,
    /// A plain GET; up means any answer below 500.
    Get,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct MonitorArgs {
    #[command(subcommand)]
    pub command: Option<super::monitor::MonitorCommand>,

    /// Endpoint URLs, or names of endpoints in the config file; none: every endpoint in the config file (--config).
    #[arg(value_name = "URL")]
    pub targets: Vec<String>,

    /// Time between probes of one endpoint.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30s",
        allow_hyphen_values = true
    )]
    pub interval: String,

    /// How long to wait for an answer; a probe past it has failed.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "10s",
        allow_hyphen_values = true
    )]
    pub timeout: String,

    /// What a probe sends to URLs given on the command line (the config file sets it per endpoint).
    #[arg(long, value_enum, value_name = "KIND", default_value_t = ProbeKind::Signed)]
    pub probe: ProbeKind,

    /// The event a signed probe sends [default: as validate].
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,

    #[command(flatten)]
    pub sample: SampleArgs,

    /// Failed probes in a row before an endpoint counts as down (--once: 1).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = at_least::<u32>(1), allow_negative_numbers = true)]
    pub down_after: u32,

    /// An endpoint whose p95 latency over the window is above this is degraded.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "2s",
        allow_hyphen_values = true
    )]
    pub degraded: String,

    /// Probes per endpoint kept for availability and latency.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = at_least::<usize>(1), allow_negative_numbers = true)]
    pub window: usize,

    /// Where to send alerts: slack:URL (incoming webhook), teams:URL (message card), webhook:URL
    /// (JSON signed with Standard Webhooks), email:ADDRESS (through --smtp) or sms:+E164 (through
    /// Twilio); repeatable.
    #[arg(long = "alert", value_name = "CHANNEL:TARGET")]
    pub alerts: Vec<String>,

    /// Secret that signs webhook: alerts [default: the standard-webhooks secret in the config].
    #[arg(
        long,
        env = "HOOKCTL_ALERT_SECRET",
        hide_env_values = true,
        value_name = "S",
        value_parser = values::secret
    )]
    pub alert_secret: Option<String>,

    /// Serve Prometheus metrics on this address (e.g. 127.0.0.1:9464) at /metrics.
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<String>,

    /// Probe every endpoint once, alert on the ones down, and exit 1 if any is down (cron, CI).
    #[arg(long)]
    pub once: bool,

    /// How long the probe history (monitor.db beside the delivery log) keeps probes and alerts.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30d",
        allow_hyphen_values = true
    )]
    pub keep: String,

    /// Also trust this CA certificate (PEM file; repeatable): for endpoints, alert receivers
    /// and the SMTP server.
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Vec<PathBuf>,

    #[command(flatten)]
    pub servers: super::monitor::AlertServers,
}
