//! Flags of `events` and its subcommands.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(subcommand)]
    pub command: Option<EventsCommand>,

    #[command(flatten)]
    pub list: EventsListArgs,

    /// Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Every event: id, provider or domain pack, description (the default).
    List(EventsListArgs),
    /// One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema.
    Show(EventsShowArgs),
    /// Check a payload against an event's schema; exit 1 listing each violation.
    Lint(EventsLintArgs),
}

#[derive(Debug, Args, Default)]
pub struct EventsListArgs {
    /// Only this provider's events, or a domain pack's (business, crm, commerce, wedding).
    #[arg(short, long, value_name = "ID")]
    pub provider: Option<String>,
}

#[derive(Debug, Args)]
pub struct EventsShowArgs {
    /// Event id, e.g. stripe.payment_intent.succeeded or ticket.created.
    pub event: String,

    /// Also print the event's JSON Schema, after the sample (--json always has it).
    #[arg(long)]
    pub schema: bool,
}

#[derive(Debug, Args)]
pub struct EventsLintArgs {
    /// The payload file ('-' for stdin).
    pub file: PathBuf,

    /// The event whose schema to check against.
    #[arg(short, long, value_name = "EVENT")]
    pub event: String,
}
