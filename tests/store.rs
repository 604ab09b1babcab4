//! The delivery log on disk: byte-exact round trips, filters, concurrent writers, migrations from
//! an older schema, credentials masked, and clear errors for a file that is not a log.

use chrono::{Duration, Utc};
use hookctl::message::Headers;
use hookctl::store::{
    Body, Found, Query, Record, RequestPart, ResponsePart, Source, Status, Store,
};

fn record(event: &str, body: &[u8], status: Status) -> Record {
    let mut r = Record::new(
        Source::Trigger,
        RequestPart {
            method: "POST".into(),
            url: "http://127.0.0.1:9/hooks".into(),
            headers: [
                ("Content-Type", "application/json"),
                ("X-Dup", "1"),
                ("X-Dup", "2"),
            ]
            .into_iter()
            .collect(),
            body: Body(body.to_vec()),
        },
    );
    r.event_type = Some(event.into());
    r.status = status;
    r.response = Some(ResponsePart {
        status: 200,
        headers: Headers::new(),
        body: Body(b"ok".to_vec()),
    });
    r
}

#[test]
fn records_round_trip_byte_exact_with_header_order_and_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("a/b/log.db")).unwrap();
    let binary: Vec<u8> = (0..=255).collect();
    let r = record("file.uploaded", &binary, Status::Delivered);
    assert!(store.insert(&r).unwrap());
    assert!(
        !store.insert(&r).unwrap(),
        "the same id twice is stored once"
    );
    let back = store.get(&r.id).unwrap().unwrap();
    assert_eq!(back.request, r.request);
    assert_eq!(back.response, r.response);
    assert_eq!(
        back.created_at.timestamp_millis(),
        r.created_at.timestamp_millis()
    );
    assert!(store.get("dlv_missing").unwrap().is_none());
}

#[test]
fn queries_filter_by_event_glob_status_source_and_time_newest_first() {
    let store = Store::in_memory().unwrap();
    let mut old = record("contact.created", b"{}", Status::Delivered);
    old.created_at = Utc::now() - Duration::hours(3);
    store.insert(&old).unwrap();
    store
        .insert(&record("contact.updated", b"{}", Status::Failed))
        .unwrap();
    store
        .insert(&record("ticket.created", b"{}", Status::Delivered))
        .unwrap();
    let ids = |q: Query| {
        let mut out = Vec::new();
        store
            .scan(&q, |_, r| {
                out.push(r.event_type.unwrap());
                Ok(true)
            })
            .unwrap();
        out
    };
    assert_eq!(
        ids(Query {
            events: vec!["contact.*".into()],
            ..Default::default()
        }),
        ["contact.updated", "contact.created"]
    );
    assert_eq!(
        ids(Query {
            status: Some(Status::Failed),
            ..Default::default()
        }),
        ["contact.updated"]
    );
    assert_eq!(
        ids(Query {
            since: Some(Utc::now() - Duration::hours(1)),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        ids(Query {
            source: Some(Source::Listen),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(store.prune(Utc::now() - Duration::hours(1)).unwrap(), 1);
    assert_eq!(store.count().unwrap(), 2);
}

#[test]
fn follow_sees_records_written_through_another_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let reader = Store::open(&path).unwrap();
    let start = reader.last_seq().unwrap();
    let writer = Store::open(&path).unwrap();
    writer
        .insert(&record("a.b", b"1", Status::Delivered))
        .unwrap();
    writer
        .insert(&record("a.c", b"2", Status::Delivered))
        .unwrap();
    let got = reader.after(start, &Query::default()).unwrap();
    assert_eq!(
        got.iter()
            .map(|(_, r)| r.event_type.clone().unwrap())
            .collect::<Vec<_>>(),
        ["a.b", "a.c"]
    );
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    Store::open(&path).unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::open(&path).unwrap();
                for i in 0..250 {
                    store
                        .insert(&record(&format!("w{t}.e{i}"), b"{}", Status::Delivered))
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(Store::open(&path).unwrap().count().unwrap(), 1000);
}

#[test]
fn a_log_made_by_an_older_schema_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // The log as the first schema step left it, with a record in it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(hookctl::store::migrations::STEPS[0])
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO deliveries (id, created_at, created_ms, source, target, attempt, status, method, url, request_headers, request_body)
             VALUES ('dlv_old', '2025-01-01T00:00:00.000Z', 1735689600000, 'listen', 'http://x/', 1, 'received', 'POST', 'http://x/', '[[\"A\",\"b\"]]', X'7B7D')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        hookctl::store::migrations::STEPS.len()
    );
    let r = store.get("dlv_old").unwrap().unwrap();
    assert_eq!(r.request.body.0, b"{}");
    assert_eq!(r.status, Status::Received);
}

#[test]
fn the_log_keeps_credentials_as_sent_for_replay_and_verify() {
    // Every way out of the log masks them (tests/replay.rs); the log itself keeps them.
    let store = Store::in_memory().unwrap();
    let mut r = record("x.y", b"{}", Status::Delivered);
    r.request.headers.push("X-Gitlab-Token", "glpat-secret");
    r.request
        .headers
        .push("Authorization", "Basic dXNlcjpwYXNz");
    r.request.headers.push("Stripe-Signature", "t=1,v1=abc");
    store.insert(&r).unwrap();
    let back = store.get(&r.id).unwrap().unwrap();
    assert_eq!(back.request.headers, r.request.headers);
}

#[cfg(unix)]
#[test]
fn the_log_and_its_wal_are_0600_in_a_0700_folder_it_creates() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("new/hookctl");
    let path = folder.join("deliveries.db");
    let store = Store::open(&path).unwrap();
    store
        .insert(&record("x.y", b"{}", Status::Delivered))
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&dir.path().join("new")), 0o700);
    for f in ["deliveries.db", "deliveries.db-wal", "deliveries.db-shm"] {
        assert_eq!(mode(&folder.join(f)), 0o600, "{f}");
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_a_clear_error_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = b"these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = format!("{:#}", Store::open(&path).err().unwrap());
    assert!(err.contains("not a SQLite database"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        content,
        "the file was changed"
    );
}

#[test]
fn find_takes_a_prefix_literally_and_an_exact_id_wins_over_a_longer_one() {
    let store = Store::in_memory().unwrap();
    for id in ["dlv_ab", "dlv_abc", "dlv_b"] {
        let mut r = record("x.y", b"{}", Status::Delivered);
        r.id = id.into();
        store.insert(&r).unwrap();
    }
    let one = |name: &str| match store.find(name).unwrap() {
        Found::One(r) => r.id,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        one("dlv_ab"),
        "dlv_ab",
        "exact, although dlv_abc starts so too"
    );
    assert_eq!(one("dlv_abc"), "dlv_abc");
    assert!(
        matches!(store.find("dlv_a").unwrap(), Found::Many(ids) if ids == ["dlv_ab", "dlv_abc"])
    );
    for wild in ["dlv_*", "dlv_?b", "dlv_[a]b", "*"] {
        assert!(
            matches!(store.find(wild).unwrap(), Found::Nothing),
            "{wild} is not a pattern"
        );
    }
    assert!(matches!(
        Store::in_memory().unwrap().find("last").unwrap(),
        Found::Nothing
    ));
}
