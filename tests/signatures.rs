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
fn a_base64_secret_missing_its_padding_still_verifies() {
    let dir = tempfile::tempdir().unwrap();
    // 31 bytes: base64 ends in '==', the case where dropping one '=' broke decoding.
    let key = base64::engine::general_purpose::STANDARD.encode([42u8; 31]);
    assert!(key.ends_with("=="));
    for (provider, secret) in [
        ("standard-webhooks", format!("whsec_{key}")),
        ("microsoft-teams", key.clone()),
    ] {
        let out = hookctl(&dir)
            .args(["sign", "--provider", provider, "--secret", &secret])
            .args(["--body", "{}", "--timestamp", "1700000000", "--id", "msg_1"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{provider}: {out:?}");
        let headers = stdout(&out);
        for unpadded in [&secret[..secret.len() - 1], secret.trim_end_matches('=')] {
            let mut verify = hookctl(&dir);
            verify.args(["verify", "--provider", provider, "--secret", unpadded]);
            verify.args(["--body", "{}", "--now", "1700000000"]);
            for h in headers.lines() {
                verify.args(["-H", h]);
            }
            let out = verify.output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{provider} {unpadded}: {}{}",
                stdout(&out),
                String::from_utf8_lossy(&out.stderr)
            );
        }
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

const BODY: &str = r#"{"id":"evt_1","type":"payment_intent.succeeded"}"#;

/// `verify --json` of `body` against a Stripe signature of BODY made at 1700000000 with
/// `whsec_right`, checked with `secret` as of `now`.
fn verify_stripe(secret: &str, body: &str, now: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["sign", "--provider", "stripe", "--secret", "whsec_right"])
        .args(["--body", BODY, "--timestamp", "1700000000"])
        .output()
        .unwrap();
    let header = stdout(&out).trim().to_string();
    let out = hookctl(&dir)
        .args(["verify", "--secret", secret, "--body", body, "-H", &header])
        .args([
            "-H",
            "Content-Type: application/json",
            "--now",
            now,
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    stdout_json(&out)
}

/// The hints, checked to say something the failure line does not.
fn hints(v: &Value) -> Vec<String> {
    let hints: Vec<String> = v["hints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect();
    for h in &hints {
        assert_ne!(h, &v["detail"], "a hint repeats the failure: {v}");
        assert!(!h.starts_with("otherwise"), "a hint leans on another: {h}");
    }
    hints
}

#[test]
fn a_re_serialized_body_is_explained_once_with_what_to_do() {
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(BODY).unwrap()).unwrap();
    let v = verify_stripe("whsec_right", &pretty, "1700000010");
    assert_eq!(v["reason"], "body_modified");
    assert_eq!(
        v["detail"],
        "the signature matches the compact form of this JSON: the body was changed after it was signed"
    );
    assert_eq!(
        hints(&v),
        [
            "verify the raw bytes as received, before any JSON parsing or re-encoding (Express: express.raw(); Flask: request.get_data(); Django: request.body)"
        ]
    );
}

#[test]
fn a_wrong_secret_gets_a_hint_that_stands_on_its_own() {
    let v = verify_stripe("whsec_wrong", BODY, "1700000010");
    assert_eq!(v["reason"], "bad_signature");
    assert_eq!(
        hints(&v),
        [
            "either the secret is not the one Stripe signed with (each endpoint has its own: compare it with this endpoint's signing secret), or the body changed on the way; the usual re-formattings of the body (JSON layout, a trailing newline, line endings) do not verify either"
        ]
    );
}

#[test]
fn a_clock_years_off_reads_in_years_and_days_and_the_hint_dates_the_signature() {
    let v = verify_stripe("whsec_right", BODY, "1800000000");
    assert_eq!(v["reason"], "expired_timestamp");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains("made 3 years 62 days 9h (100000000 s) ago"),
        "{v}"
    );
    assert_eq!(
        hints(&v),
        [
            "signed 2023-11-14 22:13:20 UTC: the sender's clock is off, or an old delivery was sent again; pass --now 1700000000 to check it as of then, or --tolerance to widen the window"
        ]
    );
}

#[test]
fn trigger_and_replay_sign_plaid_under_the_key_id_given_else_the_saved_key_s_kid() {
    let dir = tempfile::tempdir().unwrap();
    let rx = common::Receiver::start();
    let kid_sent = |args: &[&str]| -> Value {
        let out = hookctl(&dir)
            .args(args)
            .args(["--to", &rx.url("/in")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let got = rx.next();
        jwt_header(&format!(
            "Plaid-Verification: {}",
            got.header("Plaid-Verification").unwrap()
        ))["kid"]
            .clone()
    };
    let trigger = [
        "trigger",
        "stripe.payment_intent.succeeded",
        "--provider",
        "plaid",
    ];
    let first = kid_sent(&trigger);
    // The development key pair trigger saved: its public JWK names the same kid.
    let config: toml::Value =
        toml::from_str(&std::fs::read_to_string(dir.path().join("config.toml")).unwrap()).unwrap();
    let public: Value =
        serde_json::from_str(config["keys"]["plaid"]["public_key"].as_str().unwrap()).unwrap();
    assert_eq!(first, public["kid"]);
    assert_eq!(
        kid_sent(&[&trigger[..], &["--key-id", "k-trigger"]].concat()),
        "k-trigger"
    );
    let replay = [
        "replay", "--since", "1h", "--limit", "1", "--resign", "--key-id", "k-replay",
    ];
    assert_eq!(kid_sent(&replay), "k-replay");
}
