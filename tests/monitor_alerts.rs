//! `hookctl monitor`'s email and SMS alerts against real servers on loopback: aiosmtpd with
//! STARTTLS (or TLS) and AUTH required, and an HTTP server answering as Twilio's Messages API
//! does; retries, one stderr line per failed attempt, and a password that never shows.

mod common;
mod endpoints;
mod smtp;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use clap::Parser;
use common::hookctl;
use endpoints::{SECRET, serve};
use hookctl::cli::{Cli, Command};
use hookctl::cmd::Ctx;
use hookctl::cmd::monitor::history::History;
use hookctl::cmd::monitor::{self, display};
use hookctl::output::Style;
use smtp::Smtp;
use tokio_util::sync::CancellationToken;

const ONCALL: &str = "oncall@example.com";

/// The binary, with no SMTP or Twilio settings leaking in from the environment.
fn clean(dir: &std::path::Path) -> assert_cmd::Command {
    let mut c = hookctl(dir);
    for var in [
        "HOOKCTL_SMTP",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "TWILIO_FROM_NUMBER",
    ] {
        c.env_remove(var);
    }
    c
}

fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn down_then_up_emails_one_down_and_one_recovered_message_over_starttls_with_auth() {
    let dir = tempfile::tempdir().unwrap();
    let (app, mut switch) = endpoints::switchable();
    let target = serve(app);
    let hook = target.url("/hook");
    let mut server = blocking(|| Smtp::start("starttls", 0));
    let cli = Cli::try_parse_from([
        "hookctl",
        "monitor",
        &hook,
        "--secret",
        SECRET,
        "--interval",
        "50ms",
        "--down-after",
        "2",
        "--alert",
        &format!("email:{ONCALL}"),
        "--smtp",
        &server.url("smtp"),
        "--smtp-from",
        "hookctl <alerts@example.com>",
        "--ca-cert",
        server.ca.to_str().unwrap(),
        "--config",
        dir.path().join("config.toml").to_str().unwrap(),
        "--db",
        dir.path().join("deliveries.db").to_str().unwrap(),
    ])
    .unwrap();
    let Some(Command::Monitor(args)) = cli.command else {
        unreachable!()
    };
    let ctx = Ctx {
        style: Style::from_global(&cli.global),
        global: cli.global,
    };
    let plan = monitor::plan(&args, &ctx).unwrap();
    let shutdown = CancellationToken::new();
    let run = tokio::spawn(monitor::execute(
        plan,
        shutdown.clone(),
        None,
        display::Display::new(display::Mode::Quiet),
    ));

    switch.wait_hits(3).await;
    switch.set_up(false);
    let down = blocking(|| server.wait_for("message", 1, Duration::from_secs(20)));
    let down = &down[0];
    assert_eq!(down["rcpt_tos"], serde_json::json!([ONCALL]));
    assert_eq!(down["to"], ONCALL);
    assert_eq!(down["mail_from"], "alerts@example.com");
    assert_eq!(down["sender"], "hookctl <alerts@example.com>");
    assert_eq!(down["content_type"], "text/plain");
    assert_eq!(down["subject"], format!("DOWN: {hook} — 2 failed probes"));
    let body = down["body"].as_str().unwrap();
    for want in [
        "is down (was up)",
        "Failed probes:  2 in a row",
        "Last error:     answered 503",
        "Last latency:   ",
        "Time:           ",
    ] {
        assert!(body.contains(want), "{want:?} not in:\n{body}");
    }
    assert_eq!(down["tls"], true, "the message went over STARTTLS");
    assert_eq!(down["authenticated"], true);

    // Down a while longer: no second message.
    let seen = *switch.hits.borrow();
    switch.wait_hits(seen + 4).await;
    switch.set_up(true);
    let both = blocking(|| server.wait_for("message", 2, Duration::from_secs(20)));
    let up = &both[1];
    assert_eq!(up["rcpt_tos"], serde_json::json!([ONCALL]));
    let subject = up["subject"].as_str().unwrap();
    assert!(
        subject.starts_with(&format!("RECOVERED: {hook} — down for ")),
        "{subject}"
    );
    assert!(
        up["body"]
            .as_str()
            .unwrap()
            .contains("Last answer:    answered 200")
    );

    let seen = *switch.hits.borrow();
    switch.wait_hits(seen + 4).await;
    shutdown.cancel();
    run.await.unwrap().unwrap();
    assert_eq!(server.events("message").len(), 2, "{:?}", server.all());
    let auths = server.events("auth");
    assert_eq!(auths.len(), 2, "{auths:?}");
    assert!(
        auths.iter().all(|a| a["ok"] == true && a["tls"] == true),
        "AUTH only after STARTTLS, and accepted: {auths:?}"
    );
    assert_eq!(server.events("starttls").len(), 2);

    // Both alerts are in the history, with their recipient.
    let history = History::open(&dir.path().join("monitor.db")).unwrap();
    let now = chrono::Utc::now();
    let sent = history
        .alerts(now - chrono::Duration::hours(1), now)
        .unwrap();
    let events: Vec<(&str, &str, &str, bool)> = sent
        .iter()
        .map(|a| {
            (
                a.event.as_str(),
                a.channel.as_str(),
                a.target.as_str(),
                a.delivered,
            )
        })
        .collect();
    assert_eq!(
        events,
        vec![
            ("endpoint.down", "email", ONCALL, true),
            ("endpoint.recovered", "email", ONCALL, true)
        ]
    );
}

#[test]
fn a_refused_email_is_retried_over_smtps_and_the_password_never_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Smtp::start("tls", 1);
    let refusing = common::refusing_port();
    let down = refusing.url("/hook");
    let out = clean(dir.path())
        .args(["monitor", &down, "--once", "--secret", SECRET])
        .args(["--alert", &format!("email:{ONCALL}")])
        .args(["--smtp", &server.url("smtps")])
        .args(["--smtp-from", "alerts@example.com"])
        .args(["--ca-cert", server.ca.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let failed: Vec<&str> = stderr.lines().filter(|l| l.contains("failed")).collect();
    assert_eq!(failed.len(), 1, "{stderr}");
    assert!(
        failed[0].contains("to oncall@example.com failed (attempt 1 of 3)")
            && failed[0].contains("451")
            && failed[0].ends_with("retrying"),
        "{}",
        failed[0]
    );
    assert!(
        stdout.contains("endpoint.down alert for") && stdout.contains("sent to email"),
        "{stdout}"
    );
    let messages = server.wait_for("message", 1, Duration::from_secs(10));
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["tls"], true);
    assert_eq!(server.events("refused").len(), 1);
    assert!(
        server.events("starttls").is_empty(),
        "TLS from the first byte"
    );
    assert!(
        !stdout.contains(smtp::PASSWORD) && !stderr.contains(smtp::PASSWORD),
        "the SMTP password was shown:\n{stdout}{stderr}"
    );
}

#[test]
fn an_smtp_server_that_is_down_costs_three_stderr_lines_and_the_webhook_still_gets_its_alert() {
    let dir = tempfile::tempdir().unwrap();
    let (app, mut alerts) = endpoints::receiver();
    let receiver = serve(app);
    let (smtp_down, down) = (common::refusing_port(), common::refusing_port());
    let nowhere = format!("smtp://alerts:hunter2-pass@{}", smtp_down.addr);
    let out = clean(dir.path())
        .args(["monitor", &down.url("/hook"), "--once", "--secret", SECRET])
        .args(["--alert", &format!("email:{ONCALL}")])
        .args(["--alert", &format!("webhook:{}", receiver.url("/webhook"))])
        .args(["--alert-secret", "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"])
        .args(["--smtp", &nowhere, "--smtp-from", "alerts@example.com"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let failed: Vec<&str> = stderr.lines().filter(|l| l.contains("failed")).collect();
    assert_eq!(failed.len(), 3, "{stderr}");
    assert!(failed[2].contains("attempt 3 of 3") && failed[2].ends_with("giving up"));
    assert!(stdout.contains("NOT delivered to email"), "{stdout}");
    assert!(stdout.contains("sent to webhook"), "{stdout}");
    let got = alerts.try_recv().expect("the webhook alert arrived");
    assert_eq!(got.json()["type"], "endpoint.down");
    assert!(!stdout.contains("hunter2-pass") && !stderr.contains("hunter2-pass"));
}

/// A Slack, Teams or webhook URL is a credential: whoever holds it can post to the channel.
#[test]
fn a_failing_slack_alert_names_its_channel_and_never_its_url() {
    let dir = tempfile::tempdir().unwrap();
    let (down, slack) = (common::refusing_port(), common::refusing_port());
    let secret_url = slack.url("/services/T0001/B0001/XsEcReTpAtH");
    let out = clean(dir.path())
        .args(["monitor", &down.url("/hook"), "--once", "--secret", SECRET])
        .args(["--alert", &format!("slack:{secret_url}")])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let failed: Vec<&str> = stderr.lines().filter(|l| l.contains("failed")).collect();
    assert_eq!(failed.len(), 3, "{stderr}");
    assert!(
        failed.iter().all(|l| l.contains(" to slack failed")),
        "{stderr}"
    );
    assert!(stdout.contains("NOT delivered to slack"), "{stdout}");
    assert!(
        !stdout.contains("XsEcReTpAtH") && !stderr.contains("XsEcReTpAtH"),
        "the Slack URL was shown:\n{stdout}{stderr}"
    );
}

/// An alert's fate is told and kept when its send ends, not at the next probe (an hour away
/// here): a monitor killed in between has it in its history.
#[test]
fn an_alert_is_told_and_kept_when_its_send_ends_not_at_the_next_probe() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let (app, _alerts) = endpoints::receiver();
    let receiver = serve(app);
    let down = common::refusing_port();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookctl"))
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .args(["monitor", &down.url("/hook"), "--secret", SECRET])
        .args(["--interval", "1h", "--down-after", "1"])
        .args(["--alert", &format!("webhook:{}", receiver.url("/webhook"))])
        .args(["--alert-secret", "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    let told = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.contains("sent to webhook") => break true,
            Ok(line) => seen.push(line),
            Err(_) => break false,
        }
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        told,
        "no 'sent to webhook' line before the next probe: {seen:?}"
    );
    let out = hookctl(dir.path())
        .args(["monitor", "report", "--json"])
        .output()
        .unwrap();
    let report = common::stdout_json(&out);
    let alerts = &report["endpoints"][0]["alerts"];
    assert_eq!(alerts[0]["channel"], "webhook", "{report}");
    assert_eq!(alerts[0]["delivered"], true, "{report}");
}

#[test]
fn a_password_written_into_the_configs_smtp_url_is_refused_without_being_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[smtp]\nurl = \"smtp://alerts:hunter2-pass@127.0.0.1:2525\"\nfrom = \"alerts@example.com\"\n",
    )
    .unwrap();
    let down = common::refusing_port();
    let out = clean(dir.path())
        .args(["monitor", &down.url("/hook"), "--once", "--secret", SECRET])
        .args(["--alert", &format!("email:{ONCALL}")])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("password_env"), "{stderr}");
    assert!(!stderr.contains("hunter2-pass"), "{stderr}");
}

#[test]
fn a_password_is_never_sent_to_a_server_that_offers_no_starttls() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Smtp::start("plain", 0);
    let down = common::refusing_port();
    let out = clean(dir.path())
        .args(["monitor", &down.url("/hook"), "--once", "--secret", SECRET])
        .args(["--alert", &format!("email:{ONCALL}")])
        .args(["--smtp", &server.url("smtp")])
        .args(["--smtp-from", "alerts@example.com"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let failed: Vec<&str> = stderr.lines().filter(|l| l.contains("failed")).collect();
    assert_eq!(failed.len(), 1, "refused at once, not retried: {stderr}");
    assert!(
        failed[0].contains("STARTTLS") && failed[0].ends_with("giving up"),
        "{}",
        failed[0]
    );
    assert!(stdout.contains("NOT delivered to email"), "{stdout}");
    // Once the session has ended, everything the server saw has been read.
    server.wait_for("closed", 1, Duration::from_secs(10));
    assert!(
        server.events("auth").is_empty() && server.events("message").is_empty(),
        "the server got a login or a message: {:?}",
        server.all()
    );
}

/// One request the Twilio stand-in got.
#[derive(Debug, Clone)]
struct Text {
    path: String,
    authorization: String,
    content_type: String,
    form: Vec<(String, String)>,
}

impl Text {
    fn field(&self, name: &str) -> &str {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.form))
    }
}

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const TOKEN: &str = "twilio-auth-token-0123";

/// Answers as Twilio's Messages API does: the first `busy` requests 429 with Twilio's error
/// JSON, then 201 with a queued message.
fn twilio(busy: usize) -> (Router, Arc<Mutex<Vec<Text>>>) {
    let seen = Arc::new(Mutex::new(Vec::<Text>::new()));
    let log = seen.clone();
    let app = Router::new().route(
        "/2010-04-01/Accounts/{sid}/Messages.json",
        post(
            move |uri: axum::http::Uri, headers: HeaderMap, body: Bytes| {
                let header = |n: &str| {
                    headers
                        .get(n)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string()
                };
                let text = Text {
                    path: uri.path().to_string(),
                    authorization: header("authorization"),
                    content_type: header("content-type"),
                    form: url::form_urlencoded::parse(&body).into_owned().collect(),
                };
                let n = {
                    let mut l = log.lock().unwrap();
                    l.push(text.clone());
                    l.len()
                };
                async move {
                    if n <= busy {
                        return (
                            StatusCode::TOO_MANY_REQUESTS,
                            [("content-type", "application/json")],
                            serde_json::json!({"code": 20429, "message": "Too Many Requests",
                                "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429})
                            .to_string(),
                        );
                    }
                    (
                        StatusCode::CREATED,
                        [("content-type", "application/json")],
                        serde_json::json!({
                            "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
                            "account_sid": ACCOUNT,
                            "to": text.field("To"),
                            "from": text.field("From"),
                            "body": text.field("Body"),
                            "status": "queued",
                            "num_segments": "1",
                            "api_version": "2010-04-01",
                        })
                        .to_string(),
                    )
                }
            },
        ),
    );
    (app, seen)
}

#[test]
fn an_sms_alert_posts_to_from_and_body_with_basic_auth_and_a_429_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let (app, seen) = twilio(1);
    let api = serve(app);
    let refusing = common::refusing_port();
    let down = refusing.url("/hook");
    let out = clean(dir.path())
        .args(["monitor", &down, "--once", "--json", "--secret", SECRET])
        .args(["--alert", "sms:+14155550100"])
        .args(["--twilio-account", ACCOUNT, "--twilio-token", TOKEN])
        .args(["--twilio-from", "+14155550199"])
        .args(["--twilio-api", &api.url("")])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let texts = seen.lock().unwrap().clone();
    assert_eq!(texts.len(), 2, "one 429, one retry: {texts:?}");
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT}:{TOKEN}"));
    for t in &texts {
        assert_eq!(
            t.path,
            format!("/2010-04-01/Accounts/{ACCOUNT}/Messages.json")
        );
        assert_eq!(t.authorization, format!("Basic {basic}"));
        assert_eq!(t.content_type, "application/x-www-form-urlencoded");
        assert_eq!(t.field("To"), "+14155550100");
        assert_eq!(t.field("From"), "+14155550199");
        let body = t.field("Body");
        assert!(body.starts_with("DOWN "), "{body}");
        assert!(body.contains(&down), "{body}");
        assert!(body.chars().count() <= 160, "{body}");
    }
    let failed: Vec<&str> = stderr.lines().filter(|l| l.contains("failed")).collect();
    assert_eq!(failed.len(), 1, "{stderr}");
    assert!(
        failed[0].contains("+14155550100 failed (attempt 1 of 3)")
            && failed[0].contains("429 (Twilio error 20429: Too Many Requests)"),
        "{}",
        failed[0]
    );
    let alert = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|l| l["type"] == "alert")
        .unwrap_or_else(|| panic!("no alert line: {stdout}"));
    assert_eq!(alert["channel"], "sms");
    assert_eq!(alert["delivered"], true);
    assert!(
        alert["detail"]
            .as_str()
            .unwrap()
            .contains("SM1f0e8ae6ade43cb3c0ce4525424e404f")
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
}

#[test]
fn sms_needs_a_twilio_account_token_and_sender_and_says_where_each_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&[], "--twilio-account"),
        (&["--twilio-account", ACCOUNT], "TWILIO_AUTH_TOKEN"),
        (
            &["--twilio-account", ACCOUNT, "--twilio-token", TOKEN],
            "--twilio-from",
        ),
        (&["--twilio-account", "SK123"], "account SID"),
    ];
    for (args, want) in cases {
        let out = clean(dir.path())
            .args(["monitor", "http://127.0.0.1:9/", "--secret", SECRET])
            .args(["--alert", "sms:+14155550100"])
            .args(*args)
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
}

#[test]
fn the_config_file_names_the_smtp_server_and_sender_and_the_password_stays_in_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Smtp::start("starttls", 0);
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[smtp]\nurl = \"smtp://{}@127.0.0.1:{}\"\nfrom = \"hookctl <alerts@example.com>\"\npassword_env = \"ALERTS_SMTP_PASSWORD\"\n",
            smtp::USER.replace('@', "%40"),
            server.port
        ),
    )
    .unwrap();
    let down = common::refusing_port();
    let out = clean(dir.path())
        .args(["monitor", &down.url("/hook"), "--once", "--secret", SECRET])
        .args(["--alert", &format!("email:{ONCALL}")])
        .args(["--ca-cert", server.ca.to_str().unwrap()])
        .env("ALERTS_SMTP_PASSWORD", smtp::PASSWORD)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let messages = server.wait_for("message", 1, Duration::from_secs(10));
    assert_eq!(messages[0]["sender"], "hookctl <alerts@example.com>");
    assert_eq!(server.events("auth")[0]["ok"], true);
}
