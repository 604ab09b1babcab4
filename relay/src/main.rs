//! The `hookctl-relay` binary: parse flags, then run the relay until Ctrl-C or SIGTERM.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use hookctl_relay::exit::Exit;
use hookctl_relay::server::options::RelayOptions;

// glibc's malloc was an eighth of the relay's CPU under load (perf, bench/README), as it was for
// `hookctl load`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "hookctl-relay",
    version,
    about = "Self-hostable webhook relay: public ingress forwarded over WebSocket to `hookctl listen`."
)]
struct Cli {
    #[command(flatten)]
    relay: RelayOptions,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return hookctl_relay::usage::report(&e, &Cli::command()).into(),
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal: not in a journal or a log file. They
        // were also a third of the access log's cost per request.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let runtime = match hookctl_relay::server::run::runtime(cli.relay.threads) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return Exit::Runtime.into();
        }
    };
    runtime.block_on(async move {
        let stop = hookctl_relay::server::run::on_signal();
        match hookctl_relay::server::run::run(cli.relay, stop).await {
            Ok(()) => Exit::Ok.into(),
            Err(e) => {
                eprintln!("error: {e}");
                e.exit().into()
            }
        }
    })
}
