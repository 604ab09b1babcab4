//! `monitor`'s alert channels' flags (SMTP, Twilio) and its `report` subcommand.

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum MonitorCommand {
    /// Summarise the probe history: availability, latency, incidents and alerts per endpoint.
    #[command(
        after_help = "Exit codes: 0 report printed (every endpoint at or above --min-availability), 1 an endpoint below it (or no probes to judge), 2 bad input, 3 runtime failure."
    )]
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Probes newer than this: a duration ago (24h, 7d, 30d) or an RFC 3339 time.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "7d",
        allow_hyphen_values = true
    )]
    pub since: String,

    /// Probes up to this time: RFC 3339 or a duration ago [default: now].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// A Markdown status-review table instead of plain text.
    #[arg(long)]
    pub markdown: bool,

    /// Exit 1 if an endpoint's availability is below this percentage (e.g. 99.9).
    #[arg(long, value_name = "PERCENT", value_parser = percent, allow_negative_numbers = true)]
    pub min_availability: Option<f64>,
}

/// When SMS alerts fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum SmsOn {
    /// Only when an endpoint goes down, and when it recovers from that.
    #[default]
    Down,
    /// Also when it degrades (slow answers), and recovers from that.
    Degraded,
}

/// Where email and SMS alerts go out; each falls back to the config file's `[smtp]` or
/// `[twilio]` table.
#[derive(Debug, Args)]
#[command(next_help_heading = "Email and SMS alerts")]
pub struct AlertServers {
    /// SMTP server for email: alerts: smtp://[user:pass@]host:port (STARTTLS) or smtps://… (TLS)
    /// [default: the config's [smtp] url].
    #[arg(long, env = "HOOKCTL_SMTP", hide_env_values = true, value_name = "URL")]
    pub smtp: Option<String>,

    /// The sender of email: alerts, e.g. 'hookctl <alerts@example.com>' [default: the config's [smtp] from].
    #[arg(long, value_name = "ADDRESS")]
    pub smtp_from: Option<String>,

    /// Twilio account SID (AC…) for sms: alerts [default: the config's [twilio] account].
    #[arg(
        long,
        env = "TWILIO_ACCOUNT_SID",
        hide_env_values = true,
        value_name = "SID"
    )]
    pub twilio_account: Option<String>,

    /// Twilio auth token [default: the variable the config's [twilio] token_env names].
    #[arg(
        long,
        env = "TWILIO_AUTH_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub twilio_token: Option<String>,

    /// The number texts come from, in E.164 (+14155550100) [default: the config's [twilio] from].
    #[arg(
        long,
        env = "TWILIO_FROM_NUMBER",
        hide_env_values = true,
        value_name = "NUMBER"
    )]
    pub twilio_from: Option<String>,

    /// Base URL of Twilio's API [default: the config's [twilio] api, else https://api.twilio.com].
    #[arg(long, value_name = "URL")]
    pub twilio_api: Option<String>,

    /// Which changes send sms: alerts.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = SmsOn::Down)]
    pub sms_on: SmsOn,
}

/// A percentage from 0 to 100.
fn percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "'{text}' is not a percentage from 0 to 100 (e.g. 99.9)"
        )),
    }
}
