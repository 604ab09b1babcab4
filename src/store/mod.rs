//! The delivery log: every request hookctl sends or receives, in SQLite (WAL, so a `listen` and a
//! `replay` can write at once), searchable and replayable.

pub mod attempts;
pub mod credentials;
pub mod filter;
pub mod migrations;
pub mod record;
pub mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::message::Headers;
pub use record::{Body, Record, RequestPart, ResponsePart, Source, Status, short_id};

pub use credentials::REDACTED;

/// What `Store::find` names the newest record by.
pub const LAST: &str = "last";

/// What a name given by the user finds in the log.
#[derive(Debug)]
pub enum Found {
    One(Box<Record>),
    Nothing,
    /// A prefix of several ids, in order.
    Many(Vec<String>),
}

/// The log file in force: `--db` / `HOOKCTL_DB`, else `$XDG_DATA_HOME/hookctl/deliveries.db`.
pub fn path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    let dir =
        dirs::data_dir().context("cannot find a data directory: set XDG_DATA_HOME or pass --db")?;
    Ok(dir.join("hookctl").join("deliveries.db"))
}

/// Which records to read. Database-level filters; `logs --where` adds its own on top.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Event-type globs (`contact.*`); any may match.
    pub events: Vec<String>,
    pub status: Option<Status>,
    pub source: Option<Source>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub ids: Vec<String>,
    /// Only records listed after this position (`Store::position`) in the order asked: a page's
    /// cursor, so the next page starts where the last one ended even as new records arrive.
    pub after_position: Option<Position>,
    /// Oldest first instead of newest first.
    pub oldest_first: bool,
}

/// Where a record sits in the log's order: its time, then its sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub created_ms: i64,
    pub seq: i64,
}

/// WAL is persistent, so this is a no-op on an existing log. On a new one the switch needs an
/// exclusive lock and SQLite does not call the busy handler for it: two processes creating the
/// log at once would see "database is locked". Retry for as long as the busy timeout would wait.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(1);
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy)
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            other => return other.map(|_| ()),
        }
    }
}

/// How long a writer waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
}

/// Opens (creating) one of hookctl's own SQLite files — the delivery log, monitor's probe
/// history — private to the user, in WAL mode, waiting for other writers; `what` names it in
/// errors.
pub fn open_private(path: &Path, what: &str) -> Result<Connection> {
    // Folders hookctl makes 0700 and the file 0600 (its -wal and -shm take its mode): the log
    // holds every request as sent, credentials included.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        hookctl_relay::private::create_dir(dir)
            .with_context(|| format!("cannot create the {what}'s folder {}", dir.display()))?;
    }
    hookctl_relay::private::create_file(path)
        .with_context(|| format!("cannot create the {what} {}", path.display()))?;
    let conn = Connection::open(path)
        .with_context(|| format!("cannot open the {what} {}", path.display()))?;
    prepare(&conn).with_context(|| format!("{what} {}", path.display()))?;
    Ok(conn)
}

/// Waits for other processes' locks rather than failing, and switches to WAL.
fn prepare(conn: &Connection) -> Result<()> {
    // Another process may hold the write lock for a moment: wait rather than fail.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let not_sqlite = |e: rusqlite::Error| {
        if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase)
        ) {
            anyhow::anyhow!(
                "is not a SQLite database: pass another --db path (hookctl will create it)"
            )
        } else {
            anyhow::Error::new(e)
        }
    };
    switch_to_wal(conn).map_err(not_sqlite)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Runs the schema `steps` not yet run; `PRAGMA user_version` counts those that have.
pub fn migrate(conn: &mut Connection, steps: &[&str]) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let version = version.max(0) as usize;
    if version > steps.len() {
        bail!(
            "was written by a newer hookctl (schema {version}, this one knows {}): upgrade hookctl",
            steps.len()
        );
    }
    for (i, step) in steps.iter().enumerate().skip(version) {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads
        // first cannot wait for another process's migration and fails "database is locked".
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-check inside the write lock: another process may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now <= i as i64 {
            tx.execute_batch(step)
                .with_context(|| format!("schema step {}", i + 1))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
    }
    Ok(())
}

impl Store {
    /// Opens (creating) the log and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = open_private(path, "delivery log")?;
        migrate(&mut conn, migrations::STEPS)
            .with_context(|| format!("delivery log {}", path.display()))?;
        Ok(Store { conn })
    }

    /// An in-memory log (tests, `--dry-run`).
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        prepare(&conn)?;
        migrate(&mut conn, migrations::STEPS)?;
        Ok(Store { conn })
    }

    pub fn schema_version(&self) -> Result<usize> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(v.max(0) as usize)
    }

    /// Writes a record as it was sent. An id already present is left as it is: returns false.
    pub fn insert(&self, r: &Record) -> Result<bool> {
        insert_on(&self.conn, r)
    }

    /// Writes many records in one transaction (import); returns how many were new.
    pub fn insert_all<'a>(
        &mut self,
        records: impl IntoIterator<Item = &'a Record>,
    ) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        for r in records {
            added += usize::from(insert_on(&tx, r)?);
        }
        tx.commit()?;
        Ok(added)
    }

    pub fn get(&self, id: &str) -> Result<Option<Record>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM deliveries WHERE id = ?1"),
                [id],
                row_to_record,
            )
            .optional()
            .map_err(Into::into)
    }

    /// The record a user names: its id, a prefix of exactly one id, or `last` for the newest.
    pub fn find(&self, name: &str) -> Result<Found> {
        if let Some(r) = self.get(name)? {
            return Ok(Found::One(Box::new(r)));
        }
        if name == LAST {
            let newest: Option<String> = self
                .conn
                .query_row(
                    "SELECT id FROM deliveries ORDER BY created_ms DESC, seq DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            return Ok(match newest {
                Some(id) => Found::One(Box::new(self.get(&id)?.context("record vanished")?)),
                None => Found::Nothing,
            });
        }
        if name.is_empty() {
            return Ok(Found::Nothing);
        }
        // GLOB keeps the prefix on the id's index; its wildcards in `name` are bracketed literals.
        let pattern: String = name
            .chars()
            .map(|c| match c {
                '*' | '?' | '[' => format!("[{c}]"),
                c => c.to_string(),
            })
            .chain(["*".to_string()])
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM deliveries WHERE id GLOB ?1 ORDER BY id")?;
        let ids: Vec<String> = stmt
            .query_map([pattern], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(match ids.as_slice() {
            [] => Found::Nothing,
            [one] => Found::One(Box::new(self.get(one)?.context("record vanished")?)),
            _ => Found::Many(ids),
        })
    }

    /// Calls `each` with every record matching `q`, newest first (or oldest first), until it
    /// returns false. Rows stream from SQLite: memory stays flat on a large log.
    pub fn scan(&self, q: &Query, mut each: impl FnMut(i64, Record) -> Result<bool>) -> Result<()> {
        let (sql, args) = select_sql(q, None);
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get("seq")?;
            if !each(seq, row_to_record(row)?)? {
                break;
            }
        }
        Ok(())
    }

    /// Records written after `seq` (by any process), oldest first: what `logs --follow` polls.
    pub fn after(&self, seq: i64, q: &Query) -> Result<Vec<(i64, Record)>> {
        let mut q = q.clone();
        q.oldest_first = true;
        let (sql, args) = select_sql(&q, Some(seq));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push((row.get("seq")?, row_to_record(row)?));
        }
        Ok(out)
    }

    /// Where the record `id` sits in the log's order (None if there is no such record).
    pub fn position(&self, id: &str) -> Result<Option<Position>> {
        self.conn
            .query_row(
                "SELECT created_ms, seq FROM deliveries WHERE id = ?1",
                [id],
                |r| {
                    Ok(Position {
                        created_ms: r.get(0)?,
                        seq: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(Into::into)
    }

    /// At most `limit` records written after `seq`, in the order they were written (by sequence
    /// number, whatever their clocks said): what the console's stream polls.
    pub fn written_after(&self, seq: i64, limit: usize) -> Result<Vec<(i64, Record)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM deliveries WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?;
        let mut rows = stmt.query(params![seq, limit as i64])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push((row.get("seq")?, row_to_record(row)?));
        }
        Ok(out)
    }

    /// Every attempt of the delivery `first` began (it and its retries), oldest first.
    pub fn attempts(&self, first: &str) -> Result<Vec<Record>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM deliveries WHERE id = ?1 OR retry_of = ?1 ORDER BY created_ms, seq"
        ))?;
        let mut rows = stmt.query([first])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(row_to_record(row)?);
        }
        Ok(out)
    }

    /// The highest sequence number written so far (0 for an empty log).
    pub fn last_seq(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM deliveries", [], |r| {
                r.get(0)
            })?)
    }

    /// Deletes records created before `cutoff`; returns how many.
    pub fn prune(&self, cutoff: DateTime<Utc>) -> Result<usize> {
        // Notes of forwarding attempts that old go too: a relay redelivers within its buffer's
        // time to live, not after records are pruned.
        self.conn.execute(
            "DELETE FROM attempts WHERE last_ms < ?1",
            [cutoff.timestamp_millis()],
        )?;
        Ok(self.conn.execute(
            "DELETE FROM deliveries WHERE created_ms < ?1",
            [cutoff.timestamp_millis()],
        )?)
    }

    /// How many records `prune(cutoff)` would delete.
    pub fn count_before(&self, cutoff: DateTime<Utc>) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM deliveries WHERE created_ms < ?1",
            [cutoff.timestamp_millis()],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    pub fn count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM deliveries", [], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

fn insert_on(conn: &Connection, r: &Record) -> Result<bool> {
    // What was sent, credentials included: `replay` re-sends it exact; every way out of the log
    // masks them (`credentials`).
    let req_headers = serde_json::to_string(&r.request.headers)?;
    let (resp_status, resp_headers, resp_body) = match &r.response {
        Some(resp) => (
            Some(resp.status),
            Some(serde_json::to_string(&resp.headers)?),
            Some(resp.body.0.as_slice()),
        ),
        None => (None, None, None),
    };
    // Cached: a batch of records compiles the statement once.
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO deliveries (id, created_at, created_ms, source, event_type, provider, target,
            attempt, status, duration_ms, error, method, url, request_headers, request_body,
            response_status, response_headers, response_body, replay_of, tunnel, retry_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?;
    let n = insert.execute(params![
        r.id,
        r.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        r.created_at.timestamp_millis(),
        r.source.as_str(),
        r.event_type,
        r.provider,
        r.target,
        r.attempt,
        r.status.as_str(),
        r.duration_ms,
        r.error,
        r.request.method,
        r.request.url,
        req_headers,
        r.request.body.0,
        resp_status,
        resp_headers,
        resp_body,
        r.replay_of,
        r.tunnel,
        r.retry_of,
    ])?;
    Ok(n == 1)
}

const COLUMNS: &str = "seq, id, created_at, source, event_type, provider, target, attempt, status, duration_ms, error, \
    method, url, request_headers, request_body, response_status, response_headers, response_body, replay_of, tunnel, retry_of";

fn select_sql(q: &Query, after_seq: Option<i64>) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: Value, args: &mut Vec<Value>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(seq) = after_seq {
        conds.push(format!("seq > {}", arg(Value::Integer(seq), &mut args)));
    }
    if !q.events.is_empty() {
        let ors: Vec<String> = q
            .events
            .iter()
            .map(|g| format!("event_type GLOB {}", arg(Value::Text(g.clone()), &mut args)))
            .collect();
        conds.push(format!("({})", ors.join(" OR ")));
    }
    if let Some(s) = q.status {
        conds.push(format!(
            "status = {}",
            arg(Value::Text(s.as_str().into()), &mut args)
        ));
    }
    if let Some(s) = q.source {
        conds.push(format!(
            "source = {}",
            arg(Value::Text(s.as_str().into()), &mut args)
        ));
    }
    if let Some(t) = q.since {
        conds.push(format!(
            "created_ms >= {}",
            arg(Value::Integer(t.timestamp_millis()), &mut args)
        ));
    }
    if let Some(t) = q.until {
        conds.push(format!(
            "created_ms <= {}",
            arg(Value::Integer(t.timestamp_millis()), &mut args)
        ));
    }
    if !q.ids.is_empty() {
        let ins: Vec<String> = q
            .ids
            .iter()
            .map(|id| arg(Value::Text(id.clone()), &mut args))
            .collect();
        conds.push(format!("id IN ({})", ins.join(", ")));
    }
    if let Some(p) = q.after_position {
        let op = if q.oldest_first { ">" } else { "<" };
        let ms = arg(Value::Integer(p.created_ms), &mut args);
        let seq = arg(Value::Integer(p.seq), &mut args);
        conds.push(format!(
            "(created_ms {op} {ms} OR (created_ms = {ms} AND seq {op} {seq}))"
        ));
    }
    let wh = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    let order = if q.oldest_first { "ASC" } else { "DESC" };
    (
        format!("SELECT {COLUMNS} FROM deliveries{wh} ORDER BY created_ms {order}, seq {order}"),
        args,
    )
}

fn row_to_record(row: &rusqlite::Row) -> rusqlite::Result<Record> {
    let json_err = |e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    };
    let text = |name: &str| -> rusqlite::Result<Option<String>> { row.get(name) };
    let parse_enum = |name: &str, v: String, ok: Option<()>| -> rusqlite::Result<()> {
        ok.ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown {name} '{v}'").into(),
            )
        })
    };
    let source_s: String = row.get("source")?;
    let status_s: String = row.get("status")?;
    let source = Source::parse(&source_s);
    parse_enum("source", source_s.clone(), source.map(|_| ()))?;
    let status = Status::parse(&status_s);
    parse_enum("status", status_s.clone(), status.map(|_| ()))?;
    let created_at: String = row.get("created_at")?;
    let created_at = DateTime::parse_from_rfc3339(&created_at)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?;
    let request_headers: Headers =
        serde_json::from_str(&row.get::<_, String>("request_headers")?).map_err(json_err)?;
    let response = match row.get::<_, Option<u16>>("response_status")? {
        Some(status) => Some(ResponsePart {
            status,
            headers: match text("response_headers")? {
                Some(h) => serde_json::from_str(&h).map_err(json_err)?,
                None => Headers::new(),
            },
            body: Body(
                row.get::<_, Option<Vec<u8>>>("response_body")?
                    .unwrap_or_default(),
            ),
        }),
        None => None,
    };
    Ok(Record {
        id: row.get("id")?,
        created_at,
        source: source.expect("checked"),
        event_type: row.get("event_type")?,
        provider: row.get("provider")?,
        target: row.get("target")?,
        attempt: row.get("attempt")?,
        status: status.expect("checked"),
        duration_ms: row.get("duration_ms")?,
        error: row.get("error")?,
        request: RequestPart {
            method: row.get("method")?,
            url: row.get("url")?,
            headers: request_headers,
            body: Body(row.get("request_body")?),
        },
        response,
        replay_of: row.get("replay_of")?,
        retry_of: row.get("retry_of")?,
        tunnel: row.get("tunnel")?,
    })
}
