//! `hookctl logs` through the real binary: filters and `--where`, `--follow` across processes,
//! concurrent imports, the curl export re-sending byte-exact to a real receiver, HAR 1.2,
//! export → import → export, stats, prune, and bad input.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;
use chrono::{DateTime, Utc};
use hookctl::message::Headers;
use hookctl::store::{Body, Record, RequestPart, ResponsePart, Source, Status};
use serde_json::{Value, json};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("hookctl")
}

fn hookctl(dir: &tempfile::TempDir) -> Command {
    let mut c = Command::new(bin());
    env(&mut c, dir.path());
    c
}

fn env(c: &mut Command, dir: &Path) {
    c.env("HOOKCTL_CONFIG", dir.join("config.toml"))
        .env("HOOKCTL_DB", dir.join("deliveries.db"))
        .env_remove("HOOKCTL_SECRET")
        .env_remove("NO_COLOR")
        .env("CI", "1");
}

fn at(minutes_ago: i64) -> DateTime<Utc> {
    Utc::now() - chrono::Duration::minutes(minutes_ago)
}

struct Rec {
    id: String,
    event: &'static str,
    status: Status,
    source: Source,
    body: Vec<u8>,
    minutes_ago: i64,
    duration: Option<f64>,
}

impl Rec {
    fn new(id: &str, event: &'static str, body: Value) -> Rec {
        Rec {
            id: id.into(),
            event,
            status: Status::Delivered,
            source: Source::Trigger,
            body: serde_json::to_vec(&body).unwrap(),
            minutes_ago: 0,
            duration: Some(10.0),
        }
    }

    fn record(&self) -> Record {
        let mut r = Record::new(
            self.source,
            RequestPart {
                method: "POST".into(),
                url: "http://127.0.0.1:9/hooks".into(),
                headers: [("Content-Type", "application/json")].into_iter().collect(),
                body: Body(self.body.clone()),
            },
        );
        r.id = self.id.clone();
        r.event_type = Some(self.event.into());
        r.status = self.status;
        r.created_at = at(self.minutes_ago);
        r.duration_ms = self.duration;
        r.response = Some(ResponsePart {
            status: if self.status == Status::Delivered {
                200
            } else {
                500
            },
            headers: Headers::new(),
            body: Body(b"ok".to_vec()),
        });
        r
    }
}

fn jsonl(records: &[Record]) -> String {
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

fn import(dir: &tempfile::TempDir, records: &[Record]) {
    let file = dir.path().join(format!("import-{}.jsonl", records[0].id));
    std::fs::write(&file, jsonl(records)).unwrap();
    hookctl(dir)
        .args(["logs", "import"])
        .arg(&file)
        .assert()
        .success();
}

/// The ids `logs --json` prints for these extra arguments, in order.
fn ids(dir: &tempfile::TempDir, args: &[&str]) -> Vec<String> {
    let out = hookctl(dir)
        .args(["logs", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Six records, newest first: a..f are 0..5 minutes old... reversed so `a` is the oldest.
fn sample_log(dir: &tempfile::TempDir) {
    let mut recs = vec![
        Rec::new(
            "dlv_a",
            "invoice.paid",
            json!({"type": "invoice.paid", "data": {"amount": 50, "currency": "usd", "email": "a@x.io", "tags": [], "items": [{"sku": "A1"}]}}),
        ),
        Rec::new(
            "dlv_b",
            "invoice.failed",
            json!({"type": "invoice.failed", "data": {"amount": 150, "currency": "eur", "tags": ["vip"], "items": [{"sku": "B2"}]}}),
        ),
        Rec::new(
            "dlv_c",
            "charge.succeeded",
            json!({"type": "charge.succeeded", "data": {"amount": 250, "currency": "gbp", "email": "c@x.io", "tags": ["vip", "eu"], "items": []}}),
        ),
        Rec::new(
            "dlv_d",
            "charge.refunded",
            json!({"type": "charge.refunded", "data": {"amount": 100, "currency": "usd", "note": "big refund"}}),
        ),
        Rec::new("dlv_e", "ping", json!({"type": "ping"})),
    ];
    recs.push(Rec {
        body: b"not json".to_vec(),
        ..Rec::new("dlv_f", "raw.text", json!(null))
    });
    recs[1].status = Status::Failed;
    recs[3].status = Status::Dead;
    recs[4].source = Source::Listen;
    recs[4].status = Status::Received;
    let n = recs.len() as i64;
    for (i, r) in recs.iter_mut().enumerate() {
        r.minutes_ago = (n - i as i64) * 60; // a: 6h ago … f: 1h ago
        r.duration = Some((i as f64 + 1.0) * 10.0);
    }
    let records: Vec<Record> = recs.iter().map(Rec::record).collect();
    import(dir, &records);
}

#[test]
fn filters_select_exactly_the_right_records() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let all = ["dlv_f", "dlv_e", "dlv_d", "dlv_c", "dlv_b", "dlv_a"];
    assert_eq!(ids(&dir, &[]), all, "newest first");
    assert_eq!(ids(&dir, &["--limit", "0"]), all);
    assert_eq!(ids(&dir, &["--limit", "2"]), ["dlv_f", "dlv_e"]);
    assert_eq!(ids(&dir, &["--event", "invoice.*"]), ["dlv_b", "dlv_a"]);
    assert_eq!(
        ids(&dir, &["--event", "invoice.paid", "--event", "ping"]),
        ["dlv_e", "dlv_a"]
    );
    assert_eq!(ids(&dir, &["--status", "failed"]), ["dlv_b"]);
    assert_eq!(ids(&dir, &["--status", "dead"]), ["dlv_d"]);
    assert_eq!(ids(&dir, &["--source", "listen"]), ["dlv_e"]);
    assert_eq!(ids(&dir, &["--since", "150m"]), ["dlv_f", "dlv_e"]);
    assert_eq!(
        ids(&dir, &["--until", "270m"]),
        ["dlv_b", "dlv_a"],
        "a duration ago"
    );
    let t = (Utc::now() - chrono::Duration::minutes(270)).to_rfc3339();
    assert_eq!(ids(&dir, &["--until", &t]), ["dlv_b", "dlv_a"], "RFC 3339");

    let w = |conds: &[&str]| {
        let mut args = Vec::new();
        for c in conds {
            args.push("--where");
            args.push(c);
        }
        ids(&dir, &args)
    };
    assert_eq!(w(&["data.amount > 100"]), ["dlv_c", "dlv_b"]);
    assert_eq!(w(&["data.amount >= 150"]), ["dlv_c", "dlv_b"]);
    assert_eq!(w(&["data.amount < 100"]), ["dlv_a"]);
    assert_eq!(w(&["data.amount <= 100"]), ["dlv_d", "dlv_a"]);
    assert_eq!(w(&["data.amount == 100"]), ["dlv_d"]);
    assert_eq!(w(&["data.currency == 'usd'"]), ["dlv_d", "dlv_a"]);
    assert_eq!(w(&["data.currency != usd"]), ["dlv_c", "dlv_b"]);
    assert_eq!(w(&[r"type ~ '^invoice\.'"]), ["dlv_b", "dlv_a"]);
    assert_eq!(w(&["type ~ ed$"]), ["dlv_d", "dlv_c", "dlv_b"]);
    assert_eq!(w(&["data.tags contains vip"]), ["dlv_c", "dlv_b"]);
    assert_eq!(w(&["data.note contains 'big r'"]), ["dlv_d"]);
    assert_eq!(w(&["data.currency in [eur, gbp]"]), ["dlv_c", "dlv_b"]);
    assert_eq!(w(&["data.email exists"]), ["dlv_c", "dlv_a"]);
    assert_eq!(
        w(&["not data.email exists"]),
        ["dlv_f", "dlv_e", "dlv_d", "dlv_b"]
    );
    assert_eq!(w(&["data.items[0].sku == 'A1'"]), ["dlv_a"]);
    assert_eq!(w(&["data.items[*].sku == B2"]), ["dlv_b"]);
    assert_eq!(
        w(&["data.tags contains vip", "data.amount > 200"]),
        ["dlv_c"],
        "several --where: all must hold"
    );
    assert_eq!(
        ids(
            &dir,
            &[
                "--where",
                "data.amount > 0",
                "--status",
                "delivered",
                "--limit",
                "1"
            ]
        ),
        ["dlv_c"]
    );
}

#[test]
fn where_reaches_an_array_element_by_a_dotted_index_as_set_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let w = |cond: &str| ids(&dir, &["--where", cond]);
    assert_eq!(w("data.items.0.sku == 'A1'"), ["dlv_a"]);
    assert_eq!(w("data.items.0.sku == B2"), ["dlv_b"]);
    assert_eq!(w("data.tags.1 == eu"), ["dlv_c"]);
    assert_eq!(w("data.items.1.sku exists"), Vec::<String>::new());
}

#[test]
fn human_lines_show_time_id_source_event_status_http_duration_target() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let out = hookctl(&dir)
        .args(["logs", "--limit", "1", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(fields.len(), 8, "{text}");
    assert!(fields[0].ends_with('Z'));
    assert_eq!(
        &fields[1..],
        [
            "dlv_f",
            "trigger",
            "raw.text",
            "delivered",
            "200",
            "60.0ms",
            "http://127.0.0.1:9/hooks"
        ]
    );
    let coloured = hookctl(&dir)
        .args(["logs", "--limit", "1", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\x1b["));
}

#[test]
fn bad_input_is_one_line_and_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    for (args, says) in [
        (vec!["logs", "--where", "data.amount"], "no operator"),
        (
            vec!["logs", "--where", "data.amount like 5"],
            "unknown operator",
        ),
        (vec!["logs", "--where", "type ~ '('"], "not a valid regex"),
        (vec!["logs", "--limit", "-1"], "negative"),
        (vec!["logs", "--since", "yesterday"], "--since"),
        (vec!["logs", "show", "dlv_nope"], "no record 'dlv_nope'"),
        (
            vec!["logs", "show", "dlv_a", "--redact", "data..x"],
            "--redact",
        ),
        (
            vec!["logs", "prune", "--older-than", "soon"],
            "--older-than",
        ),
    ] {
        let out = hookctl(&dir).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let out = hookctl(&dir)
        .args(["logs", "--where", "data.amount"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("accepted forms: PATH == V"));
}

#[test]
fn database_errors_exit_three_in_one_line_and_touch_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the database file should be.
    let as_dir = dir.path().join("db-dir");
    std::fs::create_dir(&as_dir).unwrap();
    let out = hookctl(&dir)
        .env("HOOKCTL_DB", &as_dir)
        .args(["logs"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("db-dir"), "{err}");
    assert!(std::fs::read_dir(&as_dir).unwrap().next().is_none());

    // A file that is not SQLite.
    let notes = dir.path().join("notes.db");
    let content = b"not a database at all\n".repeat(300);
    std::fs::write(&notes, &content).unwrap();
    for args in [
        vec!["logs"],
        vec!["logs", "stats"],
        vec!["logs", "prune", "--older-than", "1s"],
    ] {
        let out = hookctl(&dir)
            .env("HOOKCTL_DB", &notes)
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("not a SQLite database"), "{err}");
    }
    assert_eq!(std::fs::read(&notes).unwrap(), content);
}

#[test]
fn a_malformed_import_names_the_line_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good: Vec<Record> = (0..3)
        .map(|i| Rec::new(&format!("dlv_ok{i}"), "x.y", json!({"i": i})).record())
        .collect();
    let mut text = jsonl(&good);
    text.push_str("{\"id\": \"dlv_broken\"}\n");
    text.push_str(&jsonl(&[Rec::new("dlv_after", "x.y", json!({})).record()]));
    let file = dir.path().join("bad.jsonl");
    std::fs::write(&file, text).unwrap();
    let out = hookctl(&dir)
        .args(["logs", "import"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("line 4"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        ids(&dir, &["--limit", "0"]).is_empty(),
        "nothing half-imported"
    );

    let out = hookctl(&dir)
        .args(["logs", "import"])
        .arg(dir.path().join("missing.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn imports_skip_and_count_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let recs: Vec<Record> = (0..4)
        .map(|i| Rec::new(&format!("dlv_{i}"), "x.y", json!({"i": i})).record())
        .collect();
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, jsonl(&recs[..2])).unwrap();
    hookctl(&dir)
        .args(["logs", "import"])
        .arg(&file)
        .assert()
        .success();
    std::fs::write(&file, jsonl(&recs)).unwrap();
    let out = hookctl(&dir)
        .args(["logs", "import", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, json!({"read": 4, "imported": 2, "duplicates": 2}));
}

#[test]
fn follow_prints_records_another_process_writes() {
    let dir = tempfile::tempdir().unwrap();
    import(&dir, &[Rec::new("dlv_old", "x.old", json!({})).record()]);
    let mut child = StdCommand::new(bin())
        .args(["logs", "--follow", "--json", "--where", "n > 1"])
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .env("CI", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Give it a moment to start following; the record must arrive whatever the timing.
    std::thread::sleep(Duration::from_millis(500));
    let fresh = [
        Rec::new("dlv_new1", "x.new", json!({"n": 1})).record(),
        Rec::new("dlv_new2", "x.new", json!({"n": 2})).record(),
    ];
    import(&dir, &fresh);
    let line = rx.recv_timeout(Duration::from_secs(30));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("no record from --follow within 30 s");
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        v["id"], "dlv_new2",
        "the --where filter applies while following"
    );
    assert!(rx.try_recv().is_err(), "one line per record, nothing else");
}

#[test]
fn tail_follows_like_follow_with_the_same_filters() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let mut child = StdCommand::new(bin())
        .args(["logs", "tail", "--limit", "2", "--event", "x.*"])
        .args(["--color", "never"])
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .env("CI", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The line that says it follows comes after the (here empty) backlog: what lands next is new.
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    err.read_line(&mut said).unwrap();
    assert!(said.contains("following"), "{said}");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let fresh = [
        Rec::new("dlv_skip", "y.other", json!({})).record(),
        Rec::new("dlv_tail", "x.new", json!({})).record(),
    ];
    import(&dir, &fresh);
    let line = rx.recv_timeout(Duration::from_secs(30));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("no record from `logs tail` within 30 s");
    assert!(
        line.contains("dlv_tail") && line.contains("x.new"),
        "--event applies while tailing: {line}"
    );
}

#[test]
fn follow_first_prints_the_last_records_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let mut child = StdCommand::new(bin())
        .args(["logs", "--follow", "--json", "--limit", "3"])
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let got: Vec<String> = (0..3)
        .map(|_| {
            let l = lines.next().unwrap().unwrap();
            serde_json::from_str::<Value>(&l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(got, ["dlv_d", "dlv_e", "dlv_f"]);
}

#[test]
fn two_concurrent_imports_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..2)
        .map(|p| {
            let recs: Vec<Record> = (0..500)
                .map(|i| Rec::new(&format!("dlv_p{p}_{i}"), "x.y", json!({"i": i})).record())
                .collect();
            let f = dir.path().join(format!("p{p}.jsonl"));
            std::fs::write(&f, jsonl(&recs)).unwrap();
            f
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            StdCommand::new(bin())
                .args(["logs", "import"])
                .arg(f)
                .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
                .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(ids(&dir, &["--limit", "0"]).len(), 1000);
}

/// What the receiver got: request line, headers in order, body.
type Received = (String, Vec<(String, String)>, Vec<u8>);

/// A one-shot HTTP/1.1 receiver on 127.0.0.1 port 0: the request's headers (in order) and body.
fn receiver() -> (String, std::thread::JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        sock.set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 65536];
        let head_end = loop {
            let n = sock.read(&mut chunk).unwrap();
            assert!(n > 0, "connection closed before the headers ended");
            buf.extend_from_slice(&chunk[..n]);
            if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break p;
            }
        };
        let head = String::from_utf8(buf[..head_end].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let request_line = lines.next().unwrap().to_string();
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (n, v) = l.split_once(':').unwrap();
                (n.to_string(), v.trim_start().to_string())
            })
            .collect();
        let len: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse().unwrap())
            .unwrap_or(0);
        let mut body = buf[head_end + 4..].to_vec();
        while body.len() < len {
            let n = sock.read(&mut chunk).unwrap();
            assert!(n > 0, "connection closed before the body ended");
            body.extend_from_slice(&chunk[..n]);
        }
        sock.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            .unwrap();
        (request_line, headers, body)
    });
    (format!("http://{addr}"), handle)
}

fn curl_resends_byte_exact(body: Vec<u8>, content_type: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let (origin, server) = receiver();
    let mut headers = Headers::new();
    if let Some(ct) = content_type {
        headers.push("Content-Type", ct);
    }
    headers.push(
        "Stripe-Signature",
        "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
    );
    headers.push("X-Dup", "one");
    headers.push("X-Dup", "it's \"two\"");
    headers.push("webhook-id", "msg_1");
    let mut r = Record::new(
        Source::Listen,
        RequestPart {
            method: "POST".into(),
            url: format!("{origin}/hooks/in?x=1&y=[2]"),
            headers: headers.clone(),
            body: Body(body.clone()),
        },
    );
    r.id = "dlv_curl".into();
    import(&dir, &[r]);
    let out = hookctl(&dir)
        .args(["logs", "show", "dlv_curl", "--format", "curl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cmd = String::from_utf8(out.stdout).unwrap();
    assert_eq!(cmd.trim_end().lines().count(), 1, "one command line: {cmd}");
    // Through bash's stdin, as a pasted line: a 100 KiB body would not fit in `bash -c`'s argument.
    let mut bash = StdCommand::new("bash")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    bash.stdin
        .take()
        .unwrap()
        .write_all(cmd.as_bytes())
        .unwrap();
    let run = bash.wait_with_output().unwrap();
    assert!(
        run.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(run.stdout, b"ok");
    let (line, got, got_body) = server.join().unwrap();
    assert_eq!(line, "POST /hooks/in?x=1&y=[2] HTTP/1.1");
    assert!(
        got_body == body,
        "body differs ({} vs {} bytes)",
        got_body.len(),
        body.len()
    );
    let sent: Vec<(String, String)> = got
        .iter()
        .filter(|(n, _)| !["host", "content-length"].contains(&n.to_ascii_lowercase().as_str()))
        .cloned()
        .collect();
    let want: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    assert_eq!(
        sent, want,
        "exactly the recorded headers, in order, none of curl's own"
    );
    let len = got
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"));
    assert_eq!(
        len.map(|(_, v)| v.parse::<usize>().unwrap()).unwrap_or(0),
        body.len()
    );
}

#[test]
fn curl_export_resends_a_json_body_byte_exact() {
    curl_resends_byte_exact(
        br#"{"id":"evt_1","note":"it's $HOME `x` \\n","emoji":"h\u00e9 \ud83d\ude00"}"#.to_vec(),
        Some("application/json"),
    );
}

#[test]
fn curl_export_resends_a_binary_body_byte_exact() {
    let body: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    curl_resends_byte_exact(body, Some("application/octet-stream"));
}

#[test]
fn curl_export_resends_large_and_at_sign_bodies_without_adding_a_content_type() {
    let big: Vec<u8> = "line with 'quotes' and \t tabs\n".repeat(8000).into_bytes();
    assert!(big.len() > 128 * 1024);
    curl_resends_byte_exact(big, None);
    curl_resends_byte_exact(b"@/etc/passwd".to_vec(), Some("text/plain"));
    curl_resends_byte_exact(b"a=1&b=2".to_vec(), None);
}

#[test]
fn raw_view_is_a_request_verify_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"{"id":"evt_1","type":"payment_intent.succeeded"}"#;
    let sig = hookctl(&dir)
        .args([
            "sign",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--body",
            body,
            "--timestamp",
            "1700000000",
        ])
        .output()
        .unwrap();
    let sig = String::from_utf8(sig.stdout).unwrap();
    let (name, value) = sig.lines().next().unwrap().split_once(": ").unwrap();
    let mut r = Record::new(
        Source::Listen,
        RequestPart {
            method: "POST".into(),
            url: "http://127.0.0.1:3000/webhooks".into(),
            headers: [("Content-Type", "application/json"), (name, value)]
                .into_iter()
                .collect(),
            body: Body(body.as_bytes().to_vec()),
        },
    );
    r.id = "dlv_raw".into();
    r.provider = Some("stripe".into());
    import(&dir, &[r]);
    let raw = hookctl(&dir)
        .args(["logs", "show", "dlv_raw", "--format", "raw"])
        .output()
        .unwrap();
    let file = dir.path().join("req.http");
    std::fs::write(&file, &raw.stdout).unwrap();
    assert!(raw.stdout.ends_with(body.as_bytes()));
    hookctl(&dir)
        .args([
            "verify",
            "--provider",
            "stripe",
            "--secret",
            "whsec_test",
            "--now",
            "1700000010",
            "--request",
        ])
        .arg(&file)
        .assert()
        .success();
    let pretty = hookctl(&dir)
        .args(["logs", "show", "dlv_raw", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(pretty.stdout).unwrap();
    assert!(
        text.contains("Stripe-Signature: t=1700000000,v1=")
            && text.contains("← signature (stripe)"),
        "{text}"
    );
    assert!(
        text.contains("  \"type\": \"payment_intent.succeeded\""),
        "JSON pretty-printed: {text}"
    );
}

#[test]
fn pretty_view_shows_binary_as_hex() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Rec::new("dlv_bin", "file.up", json!(null)).record();
    r.request.body = Body(vec![0x00, 0x01, 0xff, b'A']);
    import(&dir, &[r]);
    let out = hookctl(&dir)
        .args(["logs", "show", "dlv_bin", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("00000000  00 01 ff 41"), "{text}");
    assert!(text.contains("|...A|"), "{text}");
}

#[test]
fn show_json_prints_the_record_and_redacts_paths() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let out = hookctl(&dir)
        .args([
            "--json",
            "logs",
            "show",
            "dlv_a",
            "--redact",
            "data.email",
            "--redact",
            "data.items[*].sku",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "dlv_a");
    let body: Value = serde_json::from_str(v["request"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["data"]["email"], "[redacted]");
    assert_eq!(body["data"]["items"][0]["sku"], "[redacted]");
    assert_eq!(body["data"]["amount"], 50);
    let export = hookctl(&dir)
        .args(["logs", "export", "--redact", "data.email"])
        .output()
        .unwrap();
    let text = String::from_utf8(export.stdout).unwrap();
    assert!(
        !text.contains("a@x.io") && !text.contains("c@x.io"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 6);
}

/// The required fields of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/).
fn check_har(doc: &Value) {
    let log = &doc["log"];
    assert_eq!(log["version"], "1.2");
    assert!(log["creator"]["name"].is_string() && log["creator"]["version"].is_string());
    for e in log["entries"].as_array().unwrap() {
        assert!(DateTime::parse_from_rfc3339(e["startedDateTime"].as_str().unwrap()).is_ok());
        assert!(e["time"].is_number());
        assert!(e["cache"].is_object());
        let req = &e["request"];
        for f in ["method", "url", "httpVersion"] {
            assert!(req[f].is_string(), "request.{f}");
        }
        for f in ["cookies", "headers", "queryString"] {
            assert!(req[f].is_array(), "request.{f}");
        }
        for f in ["headersSize", "bodySize"] {
            assert!(req[f].is_i64(), "request.{f}");
        }
        for h in req["headers"].as_array().unwrap() {
            assert!(h["name"].is_string() && h["value"].is_string());
        }
        if let Some(pd) = req.get("postData") {
            assert!(pd["mimeType"].is_string() && pd["text"].is_string());
        }
        let resp = &e["response"];
        assert!(resp["status"].is_i64());
        for f in ["statusText", "httpVersion", "redirectURL"] {
            assert!(resp[f].is_string(), "response.{f}");
        }
        for f in ["cookies", "headers"] {
            assert!(resp[f].is_array(), "response.{f}");
        }
        assert!(resp["content"]["size"].is_i64() && resp["content"]["mimeType"].is_string());
        for f in ["headersSize", "bodySize"] {
            assert!(resp[f].is_i64(), "response.{f}");
        }
        let t = &e["timings"];
        for f in ["send", "wait", "receive"] {
            assert!(t[f].as_f64().unwrap() >= 0.0, "timings.{f}");
        }
        for f in ["blocked", "dns", "connect", "ssl"] {
            assert!(t.get(f).is_none_or(|v| v.as_f64().unwrap() >= -1.0));
        }
    }
}

#[test]
fn har_export_is_valid_har_1_2_and_marks_binary_bodies() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let mut bin = Rec::new("dlv_bin", "file.up", json!(null)).record();
    bin.request.body = Body(vec![0, 159, 146, 150]);
    bin.response = None;
    import(&dir, &[bin]);
    let out = hookctl(&dir)
        .args(["logs", "export", "--format", "har"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_har(&doc);
    let entries = doc["log"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 7);
    let b = entries
        .iter()
        .find(|e| e["_hookctl"]["id"] == "dlv_bin")
        .unwrap();
    assert_eq!(b["request"]["postData"]["encoding"], "base64");
    assert_eq!(b["request"]["postData"]["text"], "AJ+Slg==");
    assert_eq!(b["response"]["status"], 0);
    let show = hookctl(&dir)
        .args(["logs", "show", "dlv_a", "--format", "har"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&show.stdout).unwrap();
    check_har(&doc);
    assert_eq!(doc["log"]["entries"][0]["response"]["statusText"], "OK");
}

#[test]
fn export_import_export_is_identical_in_jsonl_and_har() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let mut bin = Rec::new("dlv_bin", "file.up", json!(null)).record();
    bin.request.body = Body((0..=255).collect());
    bin.response = None;
    bin.error = Some("connection refused".into());
    bin.replay_of = Some("dlv_a".into());
    bin.tunnel = Some("demo".into());
    bin.duration_ms = None;
    import(&dir, &[bin]);
    for format in ["jsonl", "har"] {
        let first = hookctl(&dir)
            .args(["logs", "export", "--format", format])
            .output()
            .unwrap();
        assert!(first.status.success());
        let file = dir.path().join(format!("export.{format}"));
        std::fs::write(&file, &first.stdout).unwrap();
        let other = tempfile::tempdir().unwrap();
        let imported = hookctl(&other)
            .args(["logs", "import"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            imported.status.success(),
            "{}",
            String::from_utf8_lossy(&imported.stderr)
        );
        assert!(String::from_utf8_lossy(&imported.stdout).contains("imported 7 records"));
        let second = hookctl(&other)
            .args(["logs", "export", "--format", format])
            .output()
            .unwrap();
        assert!(
            first.stdout == second.stdout,
            "{format} export changed after a round trip"
        );
    }
}

#[test]
fn stats_on_a_known_set() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    let out = hookctl(&dir)
        .args(["logs", "stats", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // a delivered 10, b failed 20, c delivered 30, d dead 40, e received 50, f delivered 60.
    assert_eq!(
        v["total"],
        json!({"count": 6, "sent": 5, "delivered": 3, "failed": 1, "dead": 1, "received": 1,
               "success_rate": 0.6,
               "deliveries": {"count": 5, "delivered": 3, "failed": 1, "dead": 1, "success_rate": 0.6},
               "duration_ms": {"min": 10.0, "mean": 35.0, "p50": 30.0, "p95": 60.0, "p99": 60.0, "max": 60.0}})
    );
    let out = hookctl(&dir)
        .args([
            "logs", "stats", "--json", "--by", "status", "--since", "330m",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["by"], "status");
    assert_eq!(v["total"]["count"], 5, "--since drops dlv_a");
    let groups = v["groups"].as_array().unwrap();
    let delivered = groups.iter().find(|g| g["key"] == "delivered").unwrap();
    assert_eq!(delivered["count"], 2);
    assert_eq!(delivered["success_rate"], 1.0);
    assert_eq!(delivered["duration_ms"]["p50"], 30.0);
    let received = groups.iter().find(|g| g["key"] == "received").unwrap();
    assert_eq!(received["success_rate"], Value::Null, "nothing sent");
    let out = hookctl(&dir)
        .args([
            "logs",
            "stats",
            "--by",
            "event",
            "--where",
            "data.amount >= 100",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("GROUP"), "{text}");
    assert_eq!(
        text.lines().count(),
        5,
        "header, three events, total: {text}"
    );
    assert!(text.lines().last().unwrap().starts_with("total"));
}

#[test]
fn stats_on_a_pipe_print_every_group_whole() {
    let dir = tempfile::tempdir().unwrap();
    let long = "workspace.integration.connection.credentials.rotation.completed.v2";
    assert!(long.len() > 60);
    import(
        &dir,
        &[Rec::new("dlv_long", long, json!({"type": long})).record()],
    );
    let out = hookctl(&dir)
        .args(["logs", "stats", "--by", "event", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(long), "cut on a pipe: {text}");
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn prune_deletes_older_records_and_says_how_many() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    hookctl(&dir)
        .args(["logs", "prune", "--older-than", "270m"])
        .assert()
        .success()
        .stdout(predicates::str::contains("pruned 2 records"));
    assert_eq!(
        ids(&dir, &["--limit", "0"]),
        ["dlv_f", "dlv_e", "dlv_d", "dlv_c"]
    );
    let out = hookctl(&dir)
        .args(["logs", "prune", "--older-than", "1d", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["pruned"].clone(), v["remaining"].clone()),
        (json!(0), json!(4))
    );
}

#[test]
fn prune_needs_a_unit_and_dry_run_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    sample_log(&dir);
    for flag in ["--older-than", "--since"] {
        let args: &[&str] = if flag == "--since" {
            &["logs", flag, "30"]
        } else {
            &["logs", "prune", flag, "30"]
        };
        let out = hookctl(&dir).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} 30");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("add a unit, e.g. 30d"), "{err}");
    }
    hookctl(&dir)
        .args(["logs", "prune", "--older-than", "270m", "--dry-run"])
        .assert()
        .success()
        .stdout(predicates::str::contains("would prune 2 records"));
    let out = hookctl(&dir)
        .args([
            "logs",
            "prune",
            "--older-than",
            "270m",
            "--dry-run",
            "--json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            &v["would_prune"],
            &v["pruned"],
            &v["remaining"],
            &v["dry_run"]
        ),
        (&json!(2), &json!(0), &json!(6), &json!(true))
    );
    assert_eq!(ids(&dir, &["--limit", "0"]).len(), 6, "nothing deleted");
}

#[test]
fn a_unique_prefix_or_last_names_a_record_and_an_ambiguous_one_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut recs: Vec<Record> = ["dlv_0193aa01", "dlv_0193aa02", "dlv_0193bb01"]
        .iter()
        .map(|id| Rec::new(id, "x.y", json!({"id": id})).record())
        .collect();
    recs[0].created_at = at(1);
    import(&dir, &recs);
    let shown = |name: &str| {
        let out = hookctl(&dir)
            .args(["logs", "show", name, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["id"].clone()
    };
    assert_eq!(shown("dlv_0193b"), "dlv_0193bb01");
    assert_eq!(shown("dlv_0193aa01"), "dlv_0193aa01", "a full id");
    assert_eq!(shown("last"), "dlv_0193bb01", "the newest");
    hookctl(&dir)
        .args(["replay", "dlv_0193b", "--dry-run", "--color", "never"])
        .assert()
        .success()
        .stdout(predicates::str::contains("(replay of dlv_0193bb01)"));
    for args in [
        &["logs", "show", "dlv_0193a"][..],
        &["replay", "dlv_0193a", "--dry-run"],
        &[
            "verify",
            "--log",
            "dlv_0193a",
            "--provider",
            "github",
            "--secret",
            "s",
        ],
    ] {
        let out = hookctl(&dir).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("start of 2 ids") && err.contains("dlv_0193aa01, dlv_0193aa02"),
            "{args:?}: {err}"
        );
    }
    let out = hookctl(&dir)
        .args(["logs", "show", "dlv_0193c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record 'dlv_0193c'"));
}

#[test]
fn a_closed_pipe_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let recs: Vec<Record> = (0..3000)
        .map(|i| Rec::new(&format!("dlv_{i:05}"), "x.y", json!({"i": i})).record())
        .collect();
    import(&dir, &recs);
    for args in [
        "logs --limit 0",
        "logs --limit 0 --json",
        "logs export",
        "logs export --format har",
    ] {
        let out = StdCommand::new("bash")
            .args([
                "-c",
                &format!(
                    "'{}' -q {args} | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}",
                    bin().display()
                ),
            ])
            .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
            .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "{args}");
        assert!(
            out.stderr.is_empty(),
            "{args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
