//! The README is the user's contract and the newcomer's way in: it must not send a reader to a
//! document outside the repository, and it must show how to receive a webhook on the first screen.

use std::path::Path;

/// Every text file the repository ships (sources, tests, docs), skipping build output.
fn shipped_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | ".git" | "corpus" | "artifacts") {
                shipped_files(&path, out);
            }
        } else if name.ends_with(".rs") || name.ends_with(".md") || name.ends_with(".sh") {
            out.push(path);
        }
    }
}

#[test]
fn no_file_points_to_a_contract_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    shipped_files(root, &mut files);
    assert!(files.len() > 100, "found only {} files", files.len());
    // Spelled in two parts so that this file does not match itself.
    let outside = format!("{}.md", "SPEC");
    let citing: Vec<_> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains(&outside)))
        .map(|f| f.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert!(
        citing.is_empty(),
        "these files cite {outside}, which is not in the repository: {citing:?}"
    );
}

#[test]
fn the_readme_shows_how_to_receive_a_webhook_on_the_first_screen() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first_screen: String = readme.lines().take(50).collect::<Vec<_>>().join("\n");
    assert!(
        first_screen.contains("## Receive a webhook on localhost"),
        "the walkthrough is not within the README's first 50 lines"
    );
    assert!(first_screen.contains("hookctl listen"));
    assert!(first_screen.contains("hookctl trigger"));
    assert!(first_screen.contains("\nscripts/test\n"));
}

#[test]
fn the_readme_shows_the_web_console_near_the_top_with_screenshots_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let top: String = readme.lines().take(35).collect::<Vec<_>>().join("\n");
    assert!(
        top.contains("(docs/console-list.png)"),
        "the console's screenshot is not within the README's first 35 lines"
    );
    for view in ["list", "detail", "diff", "testing"] {
        let png = root.join(format!("docs/console-{view}.png"));
        let bytes = std::fs::read(&png).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (scripts/update-screenshots makes it)",
                png.display()
            )
        });
        assert!(
            bytes.starts_with(b"\x89PNG"),
            "{} is not a PNG",
            png.display()
        );
    }
}

#[test]
fn ci_runs_the_readmes_test_command_which_installs_the_servers_the_tests_start() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|line| line.starts_with("sh scripts/test")),
        "{ci}"
    );
    let test = std::fs::read_to_string(root.join("scripts/test")).unwrap();
    assert!(test.contains("scripts/install-test-deps") && test.contains("cargo test --workspace"));
    let install = std::fs::read_to_string(root.join("scripts/install-test-deps")).unwrap();
    for package in ["pebble", "redis-server", "chromium", "chromium-driver"] {
        assert!(
            install.contains(package),
            "install-test-deps does not install {package}"
        );
    }
}
