//! `hookctl completions SHELL` and the man page, generated from the CLI definition itself.
//!
//! The completion scripts also offer the built-in provider ids wherever a provider is named and
//! the catalog's event ids wherever an event is: written into the scripts as the values of those
//! arguments, so completing runs nothing and works the same in every shell that supports values.
//! They are added to the command only here: the CLI that parses keeps plain string arguments, so
//! a scheme from the config file or an event from the user's catalog stays valid, and neither
//! `--help` nor an error message lists 75 providers.

use std::ffi::OsStr;
use std::sync::LazyLock;

use anyhow::Result;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, CommandFactory};

use crate::cli::{Cli, CompletionsArgs};
use crate::events::Catalog;
use crate::output::{self, Exit};
use crate::signature::Registry;

/// The completion script for a shell, exactly as committed under `completions/`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut completing_command(), "hookctl", &mut out);
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

/// The CLI as the completion scripts see it: every provider and event argument carries the ids
/// to offer.
pub fn completing_command() -> clap::Command {
    with_ids(Cli::command())
}

fn with_ids(mut cmd: clap::Command) -> clap::Command {
    let name = cmd.get_name().to_string();
    // `--provider generic` works where the generic scheme's flags are.
    let generic = cmd.get_arguments().any(|a| a.get_id() == "header");
    // In place, so the scripts list the flags in their usual order.
    cmd = cmd.mut_args(|a: Arg| {
        let ids: Option<fn() -> Vec<&'static str>> = match (a.get_id().as_str(), name.as_str()) {
            ("provider", "events" | "list") => Some(event_providers),
            ("provider", "verify") => Some(|| with(&["auto"], providers(), &["generic"])),
            ("provider", _) if generic => Some(|| with(&[], providers(), &["generic"])),
            ("provider", _) | ("id", "providers") => Some(|| providers().collect()),
            ("verify_provider", _) => Some(|| with(&["auto"], providers(), &[])),
            ("event", _) => Some(|| events().map(|e| e.id.as_str()).collect()),
            _ => None,
        };
        match ids {
            Some(ids) => a.value_parser(Offer(ids)),
            None => a,
        }
    });
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(sub, with_ids);
    }
    cmd
}

/// A string argument whose completions are the ids the function gives.
#[derive(Clone, Copy)]
struct Offer(fn() -> Vec<&'static str>);

impl TypedValueParser for Offer {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

fn with(
    first: &[&'static str],
    ids: impl Iterator<Item = &'static str>,
    last: &[&'static str],
) -> Vec<&'static str> {
    first
        .iter()
        .copied()
        .chain(ids)
        .chain(last.iter().copied())
        .collect()
}

fn providers() -> impl Iterator<Item = &'static str> {
    Registry::builtin()
        .all()
        .iter()
        .map(|s| s.info().id.as_str())
}

/// The built-in catalog (a test fails if it does not load and the scripts lose its ids).
static CATALOG: LazyLock<Option<Catalog>> = LazyLock::new(|| Catalog::builtin().ok());

fn events() -> impl Iterator<Item = &'static crate::events::Event> {
    CATALOG.iter().flat_map(|c| c.events())
}

/// What `events list --provider` filters by: the providers and domain packs with events.
fn event_providers() -> Vec<&'static str> {
    let mut ids: Vec<&str> = events()
        .flat_map(|e| [Some(e.pack.as_str()), e.provider.as_deref()])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
