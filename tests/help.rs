//! Every command's help, read as a user reads it: each flag under the heading it belongs to, each
//! environment variable named once, every command listed, and a bare `hookctl` answered with help.

mod common;

use clap::{CommandFactory, Parser};
use hookctl::cli::Cli;

const GENERIC: &str = "Generic scheme (--provider generic)";
const GENERIC_FLAGS: [&str; 6] = [
    "header",
    "algorithm",
    "encoding",
    "prefix",
    "timestamp-header",
    "signed-template",
];
const FILTER_FLAGS: [&str; 6] = ["event", "status", "source", "since", "until", "where"];
const GLOBAL_FLAGS: [&str; 7] = [
    "json", "color", "quiet", "verbose", "config", "db", "no-input",
];

/// One flag as a help text shows it: the heading above it, its long name, and its whole entry.
#[derive(Debug)]
struct Entry {
    heading: String,
    flag: String,
    text: String,
}

/// Every command path below the root (`["logs", "show"]`), `help` left out.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, &p, out);
        }
    }
    let mut out = vec![Vec::new()];
    walk(&Cli::command(), &[], &mut out);
    out
}

/// The help text exactly as `hookctl PATH FLAG` prints it.
fn help(path: &[String], flag: &str) -> String {
    let args = std::iter::once("hookctl")
        .chain(path.iter().map(String::as_str))
        .chain([flag]);
    let err = Cli::try_parse_from(args).expect_err("help is an early exit");
    assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp);
    err.to_string()
}

/// The flag entries of a help text. A heading is an unindented line ending in ':'; a flag line is
/// indented at most six columns (descriptions sit deeper); any other unindented line ends an entry.
fn entries(help: &str) -> Vec<Entry> {
    let flag_line = regex::Regex::new(r"^ {2,6}(?:-[A-Za-z], )?--([a-z0-9-]+)").unwrap();
    let mut out: Vec<Entry> = Vec::new();
    let mut heading = String::new();
    let mut open = false;
    for line in help.lines() {
        if let Some(c) = flag_line.captures(line) {
            out.push(Entry {
                heading: heading.clone(),
                flag: c[1].to_string(),
                text: line.to_string(),
            });
            open = true;
        } else if !line.is_empty() && !line.starts_with(' ') {
            open = false;
            if let Some(h) = line.strip_suffix(':') {
                heading = h.to_string();
            }
        } else if open && let Some(e) = out.last_mut() {
            e.text.push(' ');
            e.text.push_str(line.trim());
        }
    }
    out
}

#[test]
fn every_help_lists_each_flag_under_its_own_heading_and_each_env_once() {
    let env = regex::Regex::new(r"HOOKCTL_[A-Z_]+").unwrap();
    for path in command_paths() {
        for flag in ["-h", "--help"] {
            let text = help(&path, flag);
            let at = format!("hookctl {} {flag}", path.join(" "));
            let entries = entries(&text);
            assert!(!entries.is_empty(), "{at}: no flags found in\n{text}");
            for (heading, members) in [
                (GENERIC, &GENERIC_FLAGS[..]),
                ("Filters", &FILTER_FLAGS[..]),
                ("Global options", &GLOBAL_FLAGS[..]),
            ] {
                let under: Vec<&str> = entries
                    .iter()
                    .filter(|e| e.heading == heading)
                    .map(|e| e.flag.as_str())
                    .collect();
                assert!(
                    under.is_empty() || under == members,
                    "{at}: under '{heading}:' {under:?}, expected exactly {members:?}"
                );
            }
            for e in &entries {
                let generic_elsewhere =
                    GENERIC_FLAGS.contains(&e.flag.as_str()) && e.heading != GENERIC;
                let global_elsewhere =
                    GLOBAL_FLAGS.contains(&e.flag.as_str()) && e.heading != "Global options";
                assert!(
                    !generic_elsewhere && !global_elsewhere,
                    "{at}: --{} under '{}:'",
                    e.flag,
                    e.heading
                );
                let mut names: Vec<&str> = env.find_iter(&e.text).map(|m| m.as_str()).collect();
                let all = names.len();
                names.sort();
                names.dedup();
                assert_eq!(all, names.len(), "{at}: env named twice in: {}", e.text);
            }
        }
    }
}

#[test]
fn the_man_command_is_listed_in_the_top_level_help() {
    let text = help(&[], "--help");
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("man ")),
        "no `man` in\n{text}"
    );
}

#[test]
fn bare_hookctl_prints_the_short_help_on_stdout_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::hookctl(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let short = common::hookctl(dir.path()).arg("-h").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&short.stdout)
    );
}
