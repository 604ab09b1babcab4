//! hookctl: build, test and trust webhooks.
//!
//! Data flows one way: `cli` → `cmd` → the modules below it, never back up. The modules:
//!
//! - `cli`: every flag, as clap derive types whose doc comments are the help text.
//! - `cmd`: one module per subcommand, none importing another; what several share is in
//!   `cmd::shared`.
//! - `console`: the web console (`inspect`, and `listen`'s): its server, API and embedded page.
//! - `config`: the config file (named secrets and generic schemes) and where it lives.
//! - `events`: the event catalog (embedded data files) and the generator filling its payloads.
//! - `http`: the one way out: every request sent is built, timed and recorded there.
//! - `probe`: an endpoint below HTTP (DNS, TCP, TLS and its certificate), for `validate`.
//! - `json_path`: the one grammar of JSON paths, for `--where`, `--redact` and `--set`.
//! - `message`: the HTTP message (headers, a delivery, raw HTTP/1.1 read and written), used by
//!   `signature`, `store`, `http` and the commands alike.
//! - `output`: exit codes, error kinds, colour and TTY rules, writing to stdout.
//! - `retry`: retries with backoff and jitter honouring `Retry-After`, as `trigger` delivers.
//! - `signature`: the provider registry, the one signing core every command signs and verifies by.
//! - `store`: the delivery log in SQLite: every request sent or received, searchable, replayable.
//! - `table`: plain-text tables padded to their widest cell, cut only to fit a terminal.
#![forbid(unsafe_code)]

pub mod cli;
pub mod cmd;
pub mod config;
pub mod console;
pub mod events;
pub mod http;
pub mod json_path;
pub mod message;
pub mod output;
pub mod probe;
pub mod retry;
pub mod signature;
pub mod store;
pub mod table;

use anyhow::Result;

use cli::{Cli, Command};
use cmd::Ctx;
use output::{Exit, Style};

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    let ctx = Ctx {
        style: Style::from_global(&cli.global),
        global: cli.global,
    };
    // A relay's job includes its access log: info level unless -q.
    init_logging(
        ctx.global.verbose + u8::from(matches!(cli.command, Some(Command::Relay(_)))),
        ctx.global.quiet,
        ctx.style.stderr_color,
    );
    let Some(command) = cli.command else {
        return short_help(&ctx);
    };
    match command {
        Command::Providers(a) => cmd::providers::run(a, &ctx),
        Command::Sign(a) => cmd::sign::run(a, &ctx),
        Command::Verify(a) => cmd::verify::run(a, &ctx),
        Command::Trigger(a) => cmd::trigger::run(a, &ctx),
        Command::Replay(a) => cmd::replay::run(a, &ctx),
        Command::Validate(a) => cmd::validate::run(a, &ctx),
        Command::Monitor(a) => cmd::monitor::run(a, &ctx),
        Command::Init(a) => cmd::init::run(a, &ctx),
        Command::Logs(a) => cmd::logs::run(a, &ctx),
        Command::Events(a) => cmd::events::run(a, &ctx),
        Command::Inspect(a) => cmd::inspect::run(a, &ctx),
        Command::Listen(a) => cmd::listen::run(a, &ctx),
        Command::Relay(a) => cmd::relay::run(a, &ctx),
        Command::Load(a) => cmd::load::run(a, &ctx),
        Command::Completions(a) => cmd::completions::run(a),
        Command::Man => cmd::completions::man(),
    }
}

/// A bare `hookctl` asks what it can do: the short help on stdout, exit 0, as `cargo` answers.
fn short_help(ctx: &Ctx) -> Result<Exit> {
    let help = <Cli as clap::CommandFactory>::command().render_help();
    let text = if ctx.style.color {
        help.ansi().to_string()
    } else {
        help.to_string()
    };
    output::bytes(text.as_bytes())?;
    Ok(Exit::Ok)
}

/// Logs go to stderr through `tracing`; `-v` raises the level, `RUST_LOG` overrides it.
fn init_logging(verbose: u8, quiet: bool, color: bool) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (_, 0) => "warn",
        (_, 1) => "info",
        (_, 2) => "debug",
        _ => "trace",
    };
    // Libraries log what we then report in our own words (the TLS verifier logs the certificate
    // error that `load` and `validate` explain): theirs only from -vv on.
    let default = if verbose >= 2 {
        level.to_string()
    } else {
        format!("off,hookctl={level},hookctl_relay={level}")
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .without_time()
        .try_init();
}
