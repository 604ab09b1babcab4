//! A scheme named in the config file is a provider like the built-in ones: `providers` lists and
//! shows it, `verify --provider auto` detects it from its header (listen's `auto` is in
//! tests/listen.rs).

mod common;

use common::stdout_json;

const CONFIG: &str = "[secrets]\nacme = \"acme-secret\"\n\n[schemes.acme]\nheader = \"X-Acme-Signature\"\nprefix = \"sha256=\"\ntimestamp_header = \"X-Acme-Timestamp\"\n";

fn hookctl_with_acme() -> (tempfile::TempDir, impl Fn() -> assert_cmd::Command) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), CONFIG).unwrap();
    let path = dir.path().to_path_buf();
    (dir, move || common::hookctl(&path))
}

#[test]
fn providers_lists_and_shows_a_config_scheme_marked_as_the_user_s() {
    let (_dir, hookctl) = hookctl_with_acme();
    let out = hookctl().args(["providers", "acme"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("X-Acme-Signature, X-Acme-Timestamp"),
        "{text}"
    );
    assert!(text.contains("[schemes.acme]"), "{text}");

    let out = hookctl().args(["providers", "--json"]).output().unwrap();
    let list = stdout_json(&out);
    let source = |id: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not listed"))["source"]
            .clone()
    };
    assert_eq!(source("acme"), "config");
    assert_eq!(source("stripe"), "builtin");

    let out = hookctl().args(["providers"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\nacme "));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(acme from the config file)"));
}

#[test]
fn verify_auto_detects_a_config_scheme_from_its_header() {
    let (_dir, hookctl) = hookctl_with_acme();
    let out = hookctl()
        .args(["sign", "--provider", "acme", "--body", "{}"])
        .args(["--timestamp", "1700000000"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut verify = hookctl();
    verify.args(["verify", "--body", "{}", "--now", "1700000000", "--json"]);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        verify.args(["-H", line]);
    }
    let out = verify.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout_json(&out)["provider"], "acme");
}

#[test]
fn an_event_file_may_sign_with_a_config_scheme() {
    let (dir, hookctl) = hookctl_with_acme();
    std::fs::create_dir(dir.path().join("events")).unwrap();
    std::fs::write(
        dir.path().join("events/acme.yaml"),
        "pack: acme\nprovider: acme\nevents:\n  - id: acme.order.created\n    description: An order.\n    payload: {id: \"{{id:ord_}}\"}\n",
    )
    .unwrap();
    let rx = common::Receiver::start();
    let out = hookctl()
        .args(["trigger", "acme.order.created", "--to", &rx.url("/in")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got = rx.next();
    let mut verify = hookctl();
    verify.args(["verify", "--provider", "acme", "--json", "--body"]);
    verify.arg(String::from_utf8(got.body.clone()).unwrap());
    for (name, value) in &got.headers {
        verify.args(["-H", &format!("{name}: {value}")]);
    }
    let out = verify.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_json(&out));
}
