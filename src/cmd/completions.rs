//! `hookctl completions SHELL` and the man page, generated from the CLI definition itself.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::output::{self, Exit};

/// The completion script for a shell, exactly as committed under `completions/`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hookctl", &mut out);
    out
}

/// The man page in roff, as committed under `man/hookctl.1`.
pub fn man_page() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}

pub fn run(args: CompletionsArgs) -> Result<Exit> {
    output::bytes(&script(args.shell))?;
    Ok(Exit::Ok)
}

pub fn man() -> Result<Exit> {
    output::bytes(&man_page()?)?;
    Ok(Exit::Ok)
}
