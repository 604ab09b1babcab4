//! Every command-line flag, as clap derive types; the doc comments are the help text.
//! One file per command family; this one holds the frame and the small commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod events;
mod inspect;
mod listen;
mod load;
mod logs;
mod replay;
mod signing;
mod trigger;
mod validate;
pub mod values;

pub use events::*;
pub use inspect::*;
pub use listen::*;
pub use load::*;
pub use logs::*;
pub use replay::*;
pub use signing::*;
pub use trigger::*;
pub use validate::*;

#[derive(Debug, Parser)]
#[command(
    name = "hookctl",
    version,
    about = "Build, test and trust webhooks: sign and verify the signatures of dozens of providers, locally.",
    after_help = "Exit codes: 0 success/valid, 1 negative verdict (invalid signature, failed check), 2 usage error or bad input, 3 runtime failure.\nDocs: README.md, and `hookctl providers` for every scheme."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    /// None: a bare `hookctl`, answered with the short help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The help heading of the flags every command accepts.
pub const GLOBAL_HEADING: &str = "Global options";

/// Flags every command accepts, before or after the subcommand.
// Under their own heading, so that a command's help lists its own flags together.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Machine output on stdout: one JSON document (streaming commands: one object per line).
    #[arg(long, global = true, help_heading = GLOBAL_HEADING)]
    pub json: bool,

    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = GLOBAL_HEADING)]
    pub color: ColorChoice,

    /// Print nothing but the result (no progress, no hints on stderr).
    #[arg(short, long, global = true, help_heading = GLOBAL_HEADING)]
    pub quiet: bool,

    /// More logging on stderr (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = GLOBAL_HEADING)]
    pub verbose: u8,

    /// Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml].
    #[arg(long, global = true, env = "HOOKCTL_CONFIG", hide_env_values = true, value_name = "PATH", help_heading = GLOBAL_HEADING)]
    pub config: Option<PathBuf>,

    /// Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db].
    #[arg(long, global = true, env = "HOOKCTL_DB", hide_env_values = true, value_name = "PATH", help_heading = GLOBAL_HEADING)]
    pub db: Option<PathBuf>,

    /// Never prompt; a missing value is an error naming the flag (also when CI is set).
    #[arg(long, global = true, help_heading = GLOBAL_HEADING)]
    pub no_input: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every provider: algorithm, signed content, headers, timestamp window.
    Providers(ProvidersArgs),
    /// Print the signature headers a real delivery of a body would carry.
    Sign(SignArgs),
    /// Check a received webhook's signature and explain why it failed.
    Verify(VerifyArgs),
    /// Send realistic, correctly signed sample events to an endpoint, with retries.
    Trigger(TriggerArgs),
    /// Send stored deliveries again, byte-exact or re-signed, to any target.
    Replay(ReplayArgs),
    /// Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency.
    Validate(ValidateArgs),
    /// Keep probing endpoints; alert Slack, Teams or a webhook when one goes down or recovers.
    Monitor(MonitorArgs),
    /// Set up the config file: default provider, named secrets, generic schemes.
    Init(InitArgs),
    /// Search, show, export, import and prune the delivery log.
    Logs(LogsArgs),
    /// The event catalog: list events, show one with a sample payload, lint a payload.
    Events(EventsArgs),
    /// Open the web console: every delivery live, its detail and signature verdict, replay, diff, send test events.
    Inspect(InspectArgs),
    /// Receive webhooks on this machine through a relay: forward, record, verify.
    Listen(ListenArgs),
    /// Run the self-hostable relay in-process (the same server and flags as hookctl-relay).
    Relay(RelayArgs),
    /// Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions.
    Load(LoadArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `hookctl man > hookctl.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct ProvidersArgs {
    /// Show one provider in detail.
    pub id: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Save a secret for a provider ('stripe=whsec_…'); repeatable. Without it, init asks on a terminal.
    #[arg(long = "secret", value_name = "PROVIDER=SECRET")]
    pub secrets: Vec<String>,

    /// Update an existing config file without asking, and let --secret replace a saved secret.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}
