//! Flags of `logs` and its subcommands; `LogFilters` also selects records for `replay`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// The help heading of the record filters.
pub const FILTERS_HEADING: &str = "Filters";

/// Which records of the delivery log: shared by `logs`, `logs stats`, `logs export` and `replay`.
// Each flag names its heading: a struct-level `next_help_heading` would also claim every flag the
// including command declares after the flatten.
#[derive(Debug, Args, Clone, Default)]
pub struct LogFilters {
    /// Event type glob (`invoice.*`); repeat to accept any of several.
    #[arg(long = "event", value_name = "GLOB", help_heading = FILTERS_HEADING)]
    pub events: Vec<String>,

    /// Only records with this status.
    #[arg(long, value_enum, value_name = "S", help_heading = FILTERS_HEADING)]
    pub status: Option<crate::store::Status>,

    /// Only records written by this command.
    #[arg(long, value_enum, value_name = "S", help_heading = FILTERS_HEADING)]
    pub source: Option<crate::store::Source>,

    /// Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time.
    #[arg(long, value_name = "DUR", allow_hyphen_values = true, help_heading = FILTERS_HEADING)]
    pub since: Option<String>,

    /// Only records up to this time: RFC 3339 or a duration ago (1h).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true, help_heading = FILTERS_HEADING)]
    pub until: Option<String>,

    /// A condition on the JSON request body, all must hold: 'data.amount > 100', "type ~ '^invoice\.'",
    /// 'data.tags contains vip', 'data.email exists', 'data.currency in [usd,eur]' (also ==, !=, >=, <=).
    #[arg(long = "where", value_name = "COND", help_heading = FILTERS_HEADING)]
    pub conditions: Vec<String>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LogsArgs {
    #[command(subcommand)]
    pub command: Option<LogsCommand>,

    #[command(flatten)]
    pub filters: LogFilters,

    /// How many records, newest first; 0 for all.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 100,
        allow_negative_numbers = true
    )]
    pub limit: i64,

    /// After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C.
    #[arg(short, long)]
    pub follow: bool,

    /// Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a
    /// URL's password) instead of masked.
    #[arg(long)]
    pub reveal: bool,
}

/// `logs tail`: `logs --follow` under the name Stripe's CLI taught its users.
#[derive(Debug, Args)]
pub struct LogsTailArgs {
    #[command(flatten)]
    pub filters: LogFilters,

    /// How many recent records to print first (oldest first); 0 for all.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 100,
        allow_negative_numbers = true
    )]
    pub limit: i64,

    /// Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a
    /// URL's password) instead of masked.
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Subcommand)]
pub enum LogsCommand {
    /// Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON.
    Show(LogsShowArgs),
    /// Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`).
    Tail(LogsTailArgs),
    /// Counts, success rate and duration percentiles, overall or per event, target or status.
    Stats(LogsStatsArgs),
    /// Write records to stdout as JSON Lines or HAR 1.2 (oldest first).
    Export(LogsExportArgs),
    /// Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped.
    Import(LogsImportArgs),
    /// Delete records older than a duration.
    Prune(LogsPruneArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// For a person: coloured request, signature headers named, JSON pretty-printed, hex for binary.
    Pretty,
    /// The HTTP/1.1 request as sent, byte-exact (feeds `verify --request`).
    Raw,
    /// One curl command line that re-sends the request byte-exact when run by bash.
    Curl,
    /// A HAR 1.2 document with this one entry.
    Har,
    /// The record (the same as --json).
    Json,
}

#[derive(Debug, Args)]
pub struct LogsShowArgs {
    /// The record's id (dlv_…) as `hookctl logs` lists it, a unique prefix of it, or `last` for the newest.
    pub id: String,

    /// How to show it [default: pretty, or json with --json].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ShowFormat>,

    /// Mask a JSON path in the bodies ('data.email', 'data.items[*].card'); repeatable.
    #[arg(long, value_name = "PATH")]
    pub redact: Vec<String>,

    /// Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a
    /// URL's password) instead of masked.
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsBy {
    Event,
    Target,
    Status,
}

#[derive(Debug, Args)]
pub struct LogsStatsArgs {
    #[command(flatten)]
    pub filters: LogFilters,

    /// One row per event type, target URL or status.
    #[arg(long, value_enum, value_name = "KEY")]
    pub by: Option<StatsBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One record a line, the JSON form of `logs --json`.
    Jsonl,
    /// HAR 1.2, for browsers' dev tools and HTTP tools; imports back losslessly (with --reveal, credentials too).
    Har,
}

#[derive(Debug, Args)]
pub struct LogsExportArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,

    #[command(flatten)]
    pub filters: LogFilters,

    /// Mask a JSON path in the bodies ('data.email'); repeatable.
    #[arg(long, value_name = "PATH")]
    pub redact: Vec<String>,

    /// Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a
    /// URL's password) instead of masked.
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args)]
pub struct LogsImportArgs {
    /// A JSONL export, or a HAR file; `-` reads stdin.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct LogsPruneArgs {
    /// Delete records created longer ago than this, with its unit (30d, 12h, 30m).
    #[arg(long, value_name = "DUR", allow_hyphen_values = true)]
    pub older_than: String,

    /// Say how many records would go; delete nothing.
    #[arg(long)]
    pub dry_run: bool,
}
