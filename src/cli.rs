//! Every command-line flag, as clap derive types; the doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts, before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Machine output on stdout: one JSON document (streaming commands: one object per line).
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print nothing but the result (no progress, no hints on stderr).
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// More logging on stderr (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml].
    #[arg(long, global = true, env = "HOOKCTL_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db].
    #[arg(long, global = true, env = "HOOKCTL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Never prompt; a missing value is an error naming the flag (also when CI is set).
    #[arg(long, global = true)]
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
    /// Send stored deliveries again, byte-exact or re-signed, to any target.
    Replay(ReplayArgs),
    /// Set up the config file: default provider, named secrets, generic schemes.
    Init(InitArgs),
    /// Search, show, export, import and prune the delivery log.
    Logs(LogsArgs),
    /// The event catalog: list events, show one with a sample payload, lint a payload.
    Events(EventsArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    #[command(hide = true)]
    Man,
}

#[derive(Debug, Args)]
pub struct ProvidersArgs {
    /// Show one provider in detail.
    pub id: Option<String>,
}

/// Where a body comes from: a file, a string, or standard input.
#[derive(Debug, Args, Clone)]
pub struct BodySource {
    /// Read the body from a file, byte-exact.
    #[arg(long, value_name = "FILE", conflicts_with = "body")]
    pub body_file: Option<PathBuf>,

    /// The body as a string, byte-exact (no newline added).
    #[arg(long, value_name = "STRING")]
    pub body: Option<String>,
}

/// A user-defined HMAC scheme, used with `--provider generic`.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Generic scheme (--provider generic)")]
pub struct GenericArgs {
    /// Signature header name.
    #[arg(long = "header", value_name = "NAME")]
    pub header: Option<String>,
    /// sha1, sha256 or sha512.
    #[arg(long, value_name = "ALG")]
    pub algorithm: Option<String>,
    /// hex, base64 or base64url.
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<String>,
    /// Text before the signature, e.g. 'sha256='.
    #[arg(long, value_name = "TEXT")]
    pub prefix: Option<String>,
    /// Header carrying the Unix timestamp that is signed.
    #[arg(long, value_name = "NAME")]
    pub timestamp_header: Option<String>,
    /// What is signed, e.g. '{timestamp}.{body}' ({body} {timestamp} {id} {url} {method} {header:Name}).
    #[arg(long, value_name = "TEMPLATE")]
    pub signed_template: Option<String>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file.
    #[arg(short, long, value_name = "ID")]
    pub provider: String,

    /// Shared secret [env: HOOKCTL_SECRET; default: the provider's secret in the config file].
    #[arg(long, env = "HOOKCTL_SECRET", hide_env_values = true, value_name = "S")]
    pub secret: Option<String>,

    /// Private key for asymmetric schemes: hex Ed25519 seed, whsk_ key, or PKCS#8 PEM (text or file path).
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    pub private_key: Option<String>,

    #[command(flatten)]
    pub source: BodySource,

    /// Unix seconds to sign at [default: now]; the scheme renders it in its own form.
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub timestamp: Option<i64>,

    /// Message / delivery id, where the scheme signs one [default: derived from body and time].
    #[arg(long, value_name = "MESSAGE_ID")]
    pub id: Option<String>,

    /// Key id where the scheme carries one (Plaid's JWT kid).
    #[arg(long, value_name = "KID")]
    pub key_id: Option<String>,

    /// The URL the delivery is posted to (Twilio, Square and HubSpot sign it).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The HTTP method.
    #[arg(long, value_name = "M", default_value = "POST")]
    pub method: String,

    /// A request header the scheme signs or reads ('Name: value'); repeatable.
    #[arg(short = 'H', long = "request-header", value_name = "'Name: value'")]
    pub headers: Vec<String>,

    /// One of the provider's schemes (hubspot v1|v2|v3, standard-webhooks v1|v1a, github sha256|sha1).
    #[arg(long, value_name = "V")]
    pub variant: Option<String>,

    #[command(flatten)]
    pub generic: GenericArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file.
    #[arg(short, long, value_name = "ID", default_value = "auto")]
    pub provider: String,

    /// Shared secret; repeat for rotation (valid if any verifies) [env: HOOKCTL_SECRET].
    #[arg(long, value_name = "S")]
    pub secret: Vec<String>,

    /// Public key for asymmetric schemes: hex, base64, base64 DER, PEM, whpk_, or JWK / JWK set (text or file path).
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    pub public_key: Option<String>,

    /// A raw HTTP/1.1 request: request line, headers, blank line, body.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["body_file", "body"])]
    pub request: Option<PathBuf>,

    /// A delivery from the delivery log (`hookctl logs`).
    #[arg(long, value_name = "DELIVERY_ID", conflicts_with_all = ["request", "body_file", "body"])]
    pub log: Option<String>,

    #[command(flatten)]
    pub source: BodySource,

    /// A received header ('Name: value'); repeatable.
    #[arg(short = 'H', long = "request-header", value_name = "'Name: value'")]
    pub headers: Vec<String>,

    /// The URL the provider posted to (for schemes that sign it).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The HTTP method of the delivery.
    #[arg(long, value_name = "M")]
    pub method: Option<String>,

    /// Timestamp window, overriding the provider's documented default (300, 5m, 1h).
    #[arg(long, value_name = "DUR")]
    pub tolerance: Option<String>,

    /// The current time as Unix seconds (reproduce an old delivery, tests).
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub now: Option<i64>,

    #[command(flatten)]
    pub generic: GenericArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Save a secret for a provider ('stripe=whsec_…'); repeatable. Without it, init asks on a terminal.
    #[arg(long = "secret", value_name = "PROVIDER=SECRET")]
    pub secrets: Vec<String>,

    /// Overwrite an existing config file without asking.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// Which records of the delivery log: shared by `logs`, `logs stats` and `logs export`.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Filters")]
pub struct LogFilters {
    /// Event type glob (`invoice.*`); repeat to accept any of several.
    #[arg(long = "event", value_name = "GLOB")]
    pub events: Vec<String>,

    /// Only records with this status.
    #[arg(long, value_enum, value_name = "S")]
    pub status: Option<crate::store::Status>,

    /// Only records written by this command.
    #[arg(long, value_enum, value_name = "S")]
    pub source: Option<crate::store::Source>,

    /// Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time.
    #[arg(long, value_name = "DUR")]
    pub since: Option<String>,

    /// Only records up to this time: RFC 3339 or a duration ago (1h).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,

    /// A condition on the JSON request body, all must hold: 'data.amount > 100', "type ~ '^invoice\.'",
    /// 'data.tags contains vip', 'data.email exists', 'data.currency in [usd,eur]' (also ==, !=, >=, <=).
    #[arg(long = "where", value_name = "COND")]
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
}

#[derive(Debug, Subcommand)]
pub enum LogsCommand {
    /// Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON.
    Show(LogsShowArgs),
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
    /// The record's id (dlv_…), as `hookctl logs` lists it.
    pub id: String,

    /// How to show it [default: pretty, or json with --json].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ShowFormat>,

    /// Mask a JSON path in the bodies ('data.email', 'data.items[*].card'); repeatable.
    #[arg(long, value_name = "PATH")]
    pub redact: Vec<String>,
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
    /// HAR 1.2, for browsers' dev tools and HTTP tools; imports back losslessly.
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
}

#[derive(Debug, Args)]
pub struct LogsImportArgs {
    /// A JSONL export, or a HAR file; `-` reads stdin.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct LogsPruneArgs {
    /// Delete records created longer ago than this (7d, 12h, 30m).
    #[arg(long, value_name = "DUR")]
    pub older_than: String,
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// Delivery ids from the log (`hookctl logs`).
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Where to send: a URL with a path is the exact destination; a bare origin
    /// (http://localhost:4000) keeps each delivery's original path and query [default: the original URL].
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,

    /// Re-sign with a fresh timestamp and id instead of sending the stored signature.
    #[arg(long)]
    pub resign: bool,

    /// The provider to re-sign as [default: the delivery's own].
    #[arg(short, long, value_name = "ID", requires = "resign")]
    pub provider: Option<String>,

    /// Secret to re-sign with [env: HOOKCTL_SECRET; default: the provider's secret in the config file].
    #[arg(long, env = "HOOKCTL_SECRET", hide_env_values = true, value_name = "S")]
    pub secret: Option<String>,

    /// Private key to re-sign with, for asymmetric schemes.
    #[arg(
        long,
        value_name = "K",
        requires = "resign",
        allow_hyphen_values = true
    )]
    pub private_key: Option<String>,

    /// Requests per second at most.
    #[arg(long, value_name = "R")]
    pub rate: Option<f64>,

    /// Requests in flight at once.
    #[arg(short = 'c', long, value_name = "C", default_value_t = 4)]
    pub concurrency: usize,

    /// Print what would be sent; send and record nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for each answer.
    #[arg(long, value_name = "DUR", default_value = "30s")]
    pub timeout: String,
}

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
    /// One event: provider, headers, schema and a freshly generated sample payload.
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
}

#[derive(Debug, Args)]
pub struct EventsLintArgs {
    /// The payload file ('-' for stdin).
    pub file: PathBuf,

    /// The event whose schema to check against.
    #[arg(short, long, value_name = "EVENT")]
    pub event: String,
}
