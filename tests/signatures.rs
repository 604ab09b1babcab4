//! Signing and verifying through the real binary where a scheme has an edge users hit: the key id
//! a JWT names, a secret pasted without its padding, a delivery without the element that carries
//! its proof — and the likely causes `verify` reports when a check fails.

mod common;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::stdout_json;
use hookctl::signature::Registry;
use serde_json::Value;

fn hookctl(dir: &tempfile::TempDir) -> assert_cmd::Command {
    common::hookctl(dir.path())
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The JSON header of the JWT in a `Name: token` line.
fn jwt_header(line: &str) -> Value {
    let token = line.split_once(": ").unwrap().1.trim();
    let head = token.split('.').next().unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(head).unwrap()).unwrap()
}

#[test]
fn a_plaid_token_names_the_kid_of_the_key_that_signed_it_and_verifies_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let key = Registry::builtin().get("plaid").unwrap().new_key(&[5; 32]);
    let (private, public) = (key.private_key.unwrap(), key.public_key.unwrap());
    let kid = serde_json::from_str::<Value>(&public).unwrap()["kid"]
        .as_str()
        .expect("the development JWK carries a kid")
        .to_string();
    let sign = |extra: &[&str]| {
        let out = hookctl(&dir)
            .args(["sign", "--provider", "plaid", "--private-key", &private])
            .args(["--body", "{}", "--timestamp", "1700000000"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        stdout(&out).trim().to_string()
    };
    let line = sign(&[]);
    assert_eq!(jwt_header(&line)["kid"], kid.as_str(), "{line}");
    assert_eq!(jwt_header(&sign(&["--key-id", "k-2024"]))["kid"], "k-2024");

    // A receiver holding several keys picks this one by the token's kid.
    let other = Registry::builtin().get("plaid").unwrap().new_key(&[6; 32]);
    let set = format!(r#"{{"keys":[{},{public}]}}"#, other.public_key.unwrap());
    let out = hookctl(&dir)
        .args(["verify", "--provider", "plaid", "--public-key", &set])
        .args(["--body", "{}", "-H", &line, "--now", "1700000000", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout_json(&out)["detail"].as_str().unwrap().contains(&kid));
}

#[test]
fn a_standard_webhooks_secret_missing_its_base64_padding_still_verifies() {
    let dir = tempfile::tempdir().unwrap();
    // 31 bytes: base64 ends in '==', the case where dropping one '=' broke decoding.
    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode([42u8; 31])
    );
    assert!(secret.ends_with("=="));
    let out = hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "standard-webhooks",
            "--secret",
            &secret,
        ])
        .args(["--body", "{}", "--timestamp", "1700000000", "--id", "msg_1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let headers = stdout(&out);
    for unpadded in [&secret[..secret.len() - 1], secret.trim_end_matches('=')] {
        let mut verify = hookctl(&dir);
        verify.args(["verify", "--secret", unpadded, "--body", "{}"]);
        for h in headers.lines() {
            verify.args(["-H", h]);
        }
        let out = verify.args(["--now", "1700000000"]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{unpadded}: {}{}",
            stdout(&out),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_salesforce_message_without_an_organization_id_is_missing_header_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["verify", "--provider", "salesforce", "--secret"])
        .args([
            "00D000000000062EAA",
            "--body",
            "<soapenv:Envelope/>",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = stdout_json(&out);
    assert_eq!(v["reason"], "missing_header");
    assert_eq!(v["header"], "OrganizationId (SOAP body element)");
}

