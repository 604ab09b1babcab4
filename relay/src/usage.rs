//! clap's errors as the one line the exit-code contract promises, for both binaries: what was
//! wrong, what to do, and where the command's help is.

use clap::error::ErrorKind;

use crate::exit::Exit;

/// Prints a parse failure of this process's arguments against `cmd` and gives the exit code:
/// help and version as clap prints them, any other failure as one `error:` line on stderr (2).
pub fn report(err: &clap::Error, cmd: &clap::Command) -> Exit {
    match err.kind() {
        // The help a user asked for, or the help standing in for a missing subcommand.
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            // clap's own code: 0 for the help asked for, 2 for the help that stands in for a
            // missing subcommand.
            if err.exit_code() == 0 {
                Exit::Ok
            } else {
                Exit::Usage
            }
        }
        _ => {
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            eprintln!("error: {}", one_line(err, cmd, &args));
            Exit::Usage
        }
    }
}

/// clap's several-line message folded into one: its first line, the items it lists under it,
/// the possible values and tips, and the (sub)command of `args` whose `--help` says more.
pub fn one_line(err: &clap::Error, cmd: &clap::Command, args: &[String]) -> String {
    // `Display` of the rendered text leaves out colour codes.
    let text = err.render().to_string();
    let mut lines = text.lines();
    let mut what = lines
        .next()
        .unwrap_or_default()
        .trim()
        .trim_start_matches("error:")
        .trim()
        .to_string();
    let mut listed = Vec::new();
    let mut hints = Vec::new();
    let mut in_list = true;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            in_list = false;
        } else if let Some(values) = t
            .strip_prefix("[possible values: ")
            .and_then(|v| v.strip_suffix(']'))
        {
            hints.insert(0, format!("expected one of {values}"));
        } else if let Some(tip) = t.strip_prefix("tip: ") {
            hints.push(tip.to_string());
        } else if in_list && line.starts_with(' ') {
            listed.push(t.to_string());
        }
    }
    if !listed.is_empty() {
        what = format!("{} {}", what.trim_end_matches(':'), listed.join(", "));
        what = what.replacen(
            "the following required arguments were not provided",
            "missing",
            1,
        );
        what = what.replacen(
            "the following required argument was not provided",
            "missing",
            1,
        );
    }
    let mut out = what;
    let mut hints = hints.into_iter();
    if let Some(first) = hints.next() {
        out = format!("{out}: {first}");
    }
    for h in hints {
        out = format!("{out}; {h}");
    }
    format!("{out}; see '{} --help'", command_path(cmd, args))
}

/// `tool logs show`: the subcommands named in `args`, under `cmd`.
fn command_path(cmd: &clap::Command, args: &[String]) -> String {
    let mut path = vec![cmd.get_name().to_string()];
    let mut current = cmd;
    for a in args {
        if let Some(sub) = current.find_subcommand(a) {
            path.push(sub.get_name().to_string());
            current = sub;
        }
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser, Subcommand};

    #[derive(Debug, Parser)]
    #[command(name = "tool")]
    struct Cli {
        #[command(subcommand)]
        command: Cmd,
    }

    #[derive(Debug, Subcommand)]
    enum Cmd {
        Logs {
            #[arg(long, value_parser = ["delivered", "failed"])]
            status: Option<String>,
            #[arg(long)]
            name: String,
        },
    }

    fn line(args: &[&str]) -> String {
        let e =
            Cli::try_parse_from(std::iter::once("tool").chain(args.iter().copied())).unwrap_err();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        one_line(&e, &Cli::command(), &args)
    }

    #[test]
    fn each_kind_of_parse_error_is_one_line_naming_the_help() {
        let cases = [
            (
                &["logs", "--name", "n", "--status", "bogus"][..],
                "invalid value 'bogus' for '--status <STATUS>': expected one of delivered, failed; see 'tool logs --help'",
            ),
            (
                &["logs", "--name", "n", "--statu", "x"],
                "unexpected argument '--statu' found: a similar argument exists: '--status'; see 'tool logs --help'",
            ),
            (&["logs"], "missing --name <NAME>; see 'tool logs --help'"),
            (
                &["log"],
                "unrecognized subcommand 'log': a similar subcommand exists: 'logs'; see 'tool --help'",
            ),
        ];
        for (args, want) in cases {
            assert_eq!(line(args), want, "{args:?}");
        }
    }
}
