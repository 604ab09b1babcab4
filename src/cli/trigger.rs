//! Flags of `trigger`; `SampleArgs` (what to send and how to sign it) is shared by every command
//! that sends catalog events.

use std::path::PathBuf;

use clap::Args;

use hookctl_relay::values::at_least;

use super::signing::GenericArgs;
use super::values;

/// What sample delivery to build and how to sign it.
#[derive(Debug, Args, Clone, Default)]
pub struct SampleArgs {
    /// Sign as this provider, or a scheme named in the config [default: the event's own; domain packs: standard-webhooks].
    #[arg(short, long, value_name = "ID")]
    pub provider: Option<String>,

    /// Secret to sign with [default: the config's, or a development secret].
    #[arg(long, env = "HOOKCTL_SECRET", hide_env_values = true, value_name = "S", value_parser = values::secret)]
    pub secret: Option<String>,

    /// Private key to sign with, for asymmetric schemes (a file, or the key itself).
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    pub private_key: Option<String>,

    /// Key id the JWT names, for Plaid and Google [default: the key's JWK kid, else its RFC 7638 thumbprint].
    #[arg(long, value_name = "KID")]
    pub key_id: Option<String>,

    /// Override a payload field ('data.object.amount=5000'); numbers, booleans and JSON are typed; JSON-quote to force text ('id="42"').
    #[arg(long, value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// Send this file as the payload instead of a generated one.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Add or replace a request header ('Name: value'); repeatable.
    #[arg(short = 'H', long = "request-header", value_name = "'Name: value'")]
    pub headers: Vec<String>,

    /// Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/.
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,

    #[command(flatten)]
    pub generic: GenericArgs,
}

#[derive(Debug, Args)]
pub struct TriggerArgs {
    /// Event id (`hookctl events list`); on a terminal, leave it out to pick one.
    #[arg(value_name = "EVENT")]
    pub event: Option<String>,

    /// Where to send it [default: the public URL of the `hookctl listen` running on this machine].
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,

    /// Without --to: the running listen to send to, by its tunnel name (when several run).
    #[arg(long, value_name = "NAME", conflicts_with = "to")]
    pub name: Option<String>,

    #[command(flatten)]
    pub sample: SampleArgs,

    /// How many deliveries, each with fresh ids and timestamps.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 1, value_parser = at_least::<u32>(1), allow_negative_numbers = true)]
    pub count: u32,

    /// Deliveries in flight at once.
    #[arg(short = 'c', long, value_name = "C", default_value_t = 1, value_parser = at_least::<usize>(1), allow_negative_numbers = true)]
    pub concurrency: usize,

    /// Retries after the first attempt, on connection errors, timeouts, 5xx and 429.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = at_least::<u32>(0), allow_negative_numbers = true)]
    pub retries: u32,

    /// First retry delay; doubles each retry, with full jitter.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "500ms",
        allow_hyphen_values = true
    )]
    pub backoff: String,

    /// Longest retry delay (a Retry-After answer is honoured beyond it).
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30s",
        allow_hyphen_values = true
    )]
    pub max_backoff: String,

    /// How long to wait for each answer.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "10s",
        allow_hyphen_values = true
    )]
    pub timeout: String,
}
