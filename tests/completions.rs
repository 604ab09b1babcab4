//! The committed completion scripts and man page are exactly what the CLI generates: a test that
//! fails when they drift (regenerate with the commands in README.md).

use std::path::Path;

use hookctl::cmd::completions::{man_page, script};

#[test]
fn committed_completions_match_the_cli() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        (clap_complete::Shell::Bash, "completions/hookctl.bash"),
        (clap_complete::Shell::Zsh, "completions/_hookctl"),
        (clap_complete::Shell::Fish, "completions/hookctl.fish"),
        (clap_complete::Shell::PowerShell, "completions/_hookctl.ps1"),
        (clap_complete::Shell::Elvish, "completions/hookctl.elv"),
    ] {
        let committed = std::fs::read(root.join(file)).unwrap_or_default();
        assert!(
            committed == script(shell),
            "{file} is out of date: run `hookctl completions {shell} > {file}`"
        );
    }
}

#[test]
fn committed_man_page_matches_the_cli() {
    let committed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/hookctl.1"))
        .unwrap_or_default();
    assert!(
        committed == man_page().unwrap(),
        "man/hookctl.1 is out of date: run `hookctl man > man/hookctl.1`"
    );
}

/// Every `--provider` and `--verify-provider` flag, on every command.
fn provider_flags(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Arg)>) {
    for arg in cmd.get_arguments() {
        if matches!(arg.get_long(), Some("provider" | "verify-provider")) {
            out.push((path.to_string(), arg.clone()));
        }
    }
    for sub in cmd.get_subcommands() {
        provider_flags(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_provider_flag_completes_provider_ids_and_still_takes_a_config_scheme() {
    use clap::Parser;
    let mut cmd = hookctl::cmd::completions::completing_command();
    cmd.build();
    let mut flags = Vec::new();
    provider_flags(&cmd, "hookctl", &mut flags);
    assert!(flags.len() >= 8, "{}", flags.len());
    for (path, arg) in &flags {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        let expected = if path.ends_with("events") || path.ends_with("events list") {
            "github"
        } else {
            "stripe"
        };
        assert!(
            values.iter().any(|v| v == expected),
            "{path} --{} offers {values:?}",
            arg.get_long().unwrap()
        );
    }
    // Offered, not enforced: a scheme from the config file is a provider too.
    let cli = hookctl::cli::Cli::try_parse_from(["hookctl", "sign", "--provider", "acme"]);
    assert!(cli.is_ok(), "{:?}", cli.err());
}

#[test]
fn bash_completes_provider_ids_and_event_ids() {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), script(clap_complete::Shell::Bash)).unwrap();
    // What bash does on TAB: fill COMP_WORDS and call the completion function.
    let complete = |words: &[&str]| -> String {
        let cword = words.len() - 1;
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _hookctl hookctl '{}' '{}'; echo \"${{COMPREPLY[@]}}\"",
                file.path().display(),
                words.join(" "),
                words[cword],
                words[cword - 1],
            ))
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let offered = complete(&["hookctl", "sign", "--provider", "str"]);
    assert_eq!(offered.split_whitespace().collect::<Vec<_>>(), ["stripe"]);
    let offered = complete(&["hookctl", "verify", "--provider", "au"]);
    assert!(offered.split_whitespace().any(|w| w == "auto"), "{offered}");
    let offered = complete(&["hookctl", "trigger", "github.pu"]);
    assert!(
        offered.split_whitespace().any(|w| w == "github.push"),
        "{offered}"
    );
    let offered = complete(&["hookctl", "events", "show", "github.pu"]);
    assert!(
        offered.split_whitespace().any(|w| w == "github.push"),
        "{offered}"
    );
}

#[test]
fn zsh_offers_provider_ids_for_sign_and_event_ids_for_trigger() {
    let zsh = String::from_utf8(script(clap_complete::Shell::Zsh)).unwrap();
    // The values of one argument spec of one subcommand: `…:(a b c)`.
    let values = |command: &str, spec: &str| -> Vec<String> {
        let section = zsh
            .split(&format!("\n({command})\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no ({command}) section"));
        let line = section
            .lines()
            .take_while(|l| l.trim() != ";;")
            .find(|l| l.starts_with(spec))
            .unwrap_or_else(|| panic!("({command}) has no {spec}"));
        let list = line.rsplit_once(":(").unwrap().1;
        list.trim_end_matches(&[')', '\'', ' ', '\\'][..])
            .split(' ')
            .map(str::to_string)
            .collect()
    };
    assert!(values("sign", "'--provider=[").contains(&"stripe".to_string()));
    assert!(values("trigger", "'::event -- ").contains(&"github.push".to_string()));
}
