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
    /// Set up the config file: default provider, named secrets, generic schemes.
    Init(InitArgs),
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
    #[arg(long, value_name = "K")]
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
    #[arg(long, value_name = "K")]
    pub public_key: Option<String>,

    /// A raw HTTP/1.1 request: request line, headers, blank line, body.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["body_file", "body"])]
    pub request: Option<PathBuf>,

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
