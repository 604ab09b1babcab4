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
