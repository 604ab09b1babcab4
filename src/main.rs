//! The `hookctl` binary: parse, run, and map the outcome to the exit-code contract.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use colored::Colorize;
use hookctl::output::{Exit, classify, color_for};

// glibc's malloc spent a fifth of `load`'s CPU on its per-request allocations (perf, bench/README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // No panic reaches the user as a backtrace: one line, and exit 3.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("error: internal error ({what}); please report it with the command you ran");
    }));
    let cli = match hookctl::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            return ExitCode::from(hookctl_relay::usage::report(
                &e,
                &hookctl::cli::Cli::command(),
            ));
        }
    };
    let stderr_color = color_for(cli.global.color, std::io::stderr().is_terminal());
    match std::panic::catch_unwind(move || hookctl::run(cli)) {
        Ok(Ok(code)) => code.into(),
        Ok(Err(err)) => {
            let (code, message) = classify(&err);
            // The run coloured for stdout; this line goes to stderr, which may be a file.
            colored::control::set_override(stderr_color);
            if let Some(m) = message {
                eprintln!("{} {m}", "error:".red().bold());
            }
            code.into()
        }
        Err(_) => Exit::Runtime.into(),
    }
}
