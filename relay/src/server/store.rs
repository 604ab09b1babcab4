//! What the relay keeps across restarts in `--data-dir`: tunnel names and who reserved them, and
//! the offline buffer's index (bodies live beside it as files, so none is ever read whole).
//! Without `--data-dir` the same tables live in memory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tunnels (
    name TEXT PRIMARY KEY,
    owner TEXT,            -- sha256 of the token that reserved it; NULL: not reserved
    first_seen_ms INTEGER NOT NULL,
    key TEXT               -- sha256 of the key of the client that holds it without a token
);
CREATE TABLE IF NOT EXISTS buffer (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tunnel TEXT NOT NULL,
    delivery_id TEXT NOT NULL UNIQUE,
    method TEXT NOT NULL,
    target TEXT NOT NULL,
    headers TEXT NOT NULL, -- JSON [[name, value], ...]
    body_file TEXT NOT NULL,
    size INTEGER NOT NULL,
    received_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS buffer_by_tunnel ON buffer (tunnel, seq);
";

/// One request waiting in the offline buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buffered {
    pub seq: i64,
    pub tunnel: String,
    pub delivery_id: String,
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body_file: PathBuf,
    pub size: u64,
    pub received_ms: i64,
}

/// Why a name cannot be claimed.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    Ok,
    /// Reserved by another token.
    Reserved,
    /// Holds buffered requests for a client with another key: they are that client's alone.
    Held,
}

pub struct Store {
    conn: Mutex<Connection>,
    /// Where buffered bodies go; None when the relay has no `--data-dir`.
    pub body_dir: Option<PathBuf>,
}

pub type Result<T> = std::result::Result<T, String>;

fn db(e: rusqlite::Error) -> String {
    format!("relay database: {e}")
}

impl Store {
    pub fn open(data_dir: Option<&Path>) -> Result<Store> {
        let (conn, body_dir) = match data_dir {
            Some(dir) => {
                // Buffered requests are what senders sent, credentials included: folders the
                // relay makes are 0700, its database 0600 (SQLite gives -wal and -shm its mode).
                let bodies = dir.join("buffer");
                crate::private::create_dir(&bodies)
                    .map_err(|e| format!("cannot create {}: {e}", bodies.display()))?;
                let path = dir.join("relay.db");
                crate::private::create_file(&path)
                    .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                let conn = Connection::open(&path)
                    .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
                conn.pragma_update(None, "journal_mode", "WAL")
                    .map_err(|e| format!("{} is not a relay database: {e}", path.display()))?;
                // FULL: a 202 promises the request survives a crash.
                conn.pragma_update(None, "synchronous", "FULL")
                    .map_err(db)?;
                (conn, Some(bodies))
            }
            None => (Connection::open_in_memory().map_err(db)?, None),
        };
        conn.execute_batch(SCHEMA).map_err(db)?;
        add_key_column(&conn).map_err(db)?;
        let store = Store {
            conn: Mutex::new(conn),
            body_dir,
        };
        store.remove_orphans();
        Ok(store)
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent: take it back.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Holds the database as a long commit would, for tests of what waits on it.
    #[cfg(test)]
    pub(crate) fn hold(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn()
    }

    /// Claims `name` for `owner` (a token hash, or None) and `key` (the client's key hash). The
    /// first token to claim a name reserves it; a name claimed without a token is bound to the
    /// key of its latest client, which alone may take it while requests wait in its buffer.
    pub fn claim(
        &self,
        name: &str,
        owner: Option<&str>,
        key: Option<&str>,
        now_ms: i64,
    ) -> Result<Claim> {
        let conn = self.conn();
        let existing: Option<(Option<String>, Option<String>)> = conn
            .query_row(
                "SELECT owner, key FROM tunnels WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db)?;
        let Some((held_by, bound_to)) = existing else {
            conn.execute(
                "INSERT INTO tunnels (name, owner, key, first_seen_ms) VALUES (?1, ?2, ?3, ?4)",
                params![name, owner, key, now_ms],
            )
            .map_err(db)?;
            return Ok(Claim::Ok);
        };
        if let Some(held) = held_by {
            return Ok(match owner {
                Some(mine) if crate::shared::names::same_hash(&held, mine) => Claim::Ok,
                _ => Claim::Reserved,
            });
        }
        let same_key =
            matches!((&bound_to, key), (Some(a), Some(b)) if crate::shared::names::same_hash(a, b));
        if bound_to.is_some() && !same_key {
            let waiting: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM buffer WHERE tunnel = ?1",
                    [name],
                    |r| r.get(0),
                )
                .map_err(db)?;
            if waiting > 0 {
                return Ok(Claim::Held);
            }
        }
        conn.execute(
            "UPDATE tunnels SET owner = ?2, key = ?3 WHERE name = ?1",
            params![name, owner, key],
        )
        .map_err(db)?;
        Ok(Claim::Ok)
    }

    /// Whether a client ever held `name`: requests for it are buffered or refused with 503 while
    /// its client is away, rather than answered 404.
    pub fn known(&self, name: &str) -> Result<bool> {
        self.conn()
            .query_row("SELECT 1 FROM tunnels WHERE name = ?1", [name], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(db)
    }

    /// Files a request whose body is already on disk at `body_file`.
    pub fn push(&self, b: &Buffered) -> Result<i64> {
        let conn = self.conn();
        let headers = serde_json::to_string(&b.headers).map_err(|e| e.to_string())?;
        conn.execute(
            "INSERT INTO buffer (tunnel, delivery_id, method, target, headers, body_file, size, received_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                b.tunnel,
                b.delivery_id,
                b.method,
                b.target,
                headers,
                b.body_file.to_string_lossy(),
                b.size as i64,
                b.received_ms
            ],
        )
        .map_err(db)?;
        Ok(conn.last_insert_rowid())
    }

    /// The oldest request waiting for `tunnel`.
    pub fn oldest(&self, tunnel: &str) -> Result<Option<Buffered>> {
        self.conn()
            .query_row(
                "SELECT seq, tunnel, delivery_id, method, target, headers, body_file, size, received_ms
                 FROM buffer WHERE tunnel = ?1 ORDER BY seq LIMIT 1",
                [tunnel],
                |r| {
                    let headers: String = r.get(5)?;
                    let file: String = r.get(6)?;
                    Ok(Buffered {
                        seq: r.get(0)?,
                        tunnel: r.get(1)?,
                        delivery_id: r.get(2)?,
                        method: r.get(3)?,
                        target: r.get(4)?,
                        headers: serde_json::from_str(&headers).unwrap_or_default(),
                        body_file: PathBuf::from(file),
                        size: r.get::<_, i64>(7)? as u64,
                        received_ms: r.get(8)?,
                    })
                },
            )
            .optional()
            .map_err(db)
    }

    /// Drops a delivered request and its body file.
    pub fn remove(&self, seq: i64) -> Result<()> {
        self.delete("DELETE FROM buffer WHERE seq = ?1 RETURNING body_file", seq)?;
        Ok(())
    }

    pub fn count(&self, tunnel: &str) -> Result<u64> {
        self.conn()
            .query_row(
                "SELECT COUNT(*) FROM buffer WHERE tunnel = ?1",
                [tunnel],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(db)
    }

    pub fn count_all(&self) -> Result<u64> {
        self.conn()
            .query_row("SELECT COUNT(*) FROM buffer", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(db)
    }

    /// Drops requests received before `cutoff_ms` (past `--buffer-ttl`); returns how many.
    pub fn expire(&self, cutoff_ms: i64) -> Result<u64> {
        let n = self.delete(
            "DELETE FROM buffer WHERE received_ms < ?1 RETURNING body_file",
            cutoff_ms,
        )?;
        Ok(n as u64)
    }

    /// Runs a `DELETE … RETURNING body_file` and removes the files of the rows it deleted;
    /// returns how many. Every row is read before a file goes: the last step is the commit, so a
    /// body file is removed only once its row is gone for good.
    fn delete(&self, sql: &str, param: i64) -> Result<usize> {
        let files: Vec<String> = {
            let conn = self.conn();
            let mut st = conn.prepare(sql).map_err(db)?;
            st.query_map([param], |r| r.get(0))
                .map_err(db)?
                .collect::<rusqlite::Result<_>>()
                .map_err(db)?
        };
        for f in &files {
            let _ = std::fs::remove_file(f);
        }
        Ok(files.len())
    }

    /// Body files no row points at: left by a crash between writing a body and filing it.
    fn remove_orphans(&self) {
        let Some(dir) = &self.body_dir else { return };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let filed: HashSet<String> = {
            let conn = self.conn();
            let listed = conn
                .prepare("SELECT body_file FROM buffer")
                .and_then(|mut st| {
                    st.query_map([], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()
                });
            match listed {
                Ok(f) => f,
                // Without the list every body would look orphaned: keep them all.
                Err(e) => {
                    tracing::error!("{}", db(e));
                    return;
                }
            }
        };
        for e in entries.flatten() {
            let path = e.path();
            if !filed.contains(path.to_string_lossy().as_ref()) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// A data dir from before keys were kept gets the column; its names are bound on their next claim.
fn add_key_column(conn: &Connection) -> rusqlite::Result<()> {
    let has: bool = conn
        .prepare("SELECT 1 FROM pragma_table_info('tunnels') WHERE name = 'key'")?
        .exists([])?;
    if !has {
        conn.execute_batch("ALTER TABLE tunnels ADD COLUMN key TEXT")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(store: &Store, tunnel: &str, id: &str, at: i64) -> Buffered {
        let file = store.body_dir.as_ref().unwrap().join(format!("{id}.body"));
        std::fs::write(&file, id).unwrap();
        Buffered {
            seq: 0,
            tunnel: tunnel.into(),
            delivery_id: id.into(),
            method: "POST".into(),
            target: "/x?y".into(),
            headers: vec![("a".into(), "1".into()), ("a".into(), "2".into())],
            body_file: file,
            size: id.len() as u64,
            received_ms: at,
        }
    }

    #[test]
    fn names_are_reserved_by_the_first_token_across_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = Store::open(Some(dir.path())).unwrap();
            assert_eq!(s.claim("demo", Some("aaa"), None, 1).unwrap(), Claim::Ok);
            assert_eq!(s.claim("open", None, None, 1).unwrap(), Claim::Ok);
        }
        let s = Store::open(Some(dir.path())).unwrap();
        assert_eq!(
            s.claim("demo", Some("bbb"), None, 2).unwrap(),
            Claim::Reserved
        );
        assert_eq!(s.claim("demo", None, None, 2).unwrap(), Claim::Reserved);
        assert_eq!(s.claim("demo", Some("aaa"), None, 2).unwrap(), Claim::Ok);
        assert_eq!(s.claim("open", None, None, 2).unwrap(), Claim::Ok);
        assert_eq!(s.claim("open", Some("ccc"), None, 2).unwrap(), Claim::Ok);
        assert_eq!(
            s.claim("open", Some("aaa"), None, 2).unwrap(),
            Claim::Reserved
        );
        assert!(s.known("demo").unwrap() && !s.known("nope").unwrap());
    }

    #[test]
    fn without_a_token_a_name_with_buffered_requests_goes_only_to_its_key_across_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = Store::open(Some(dir.path())).unwrap();
            assert_eq!(s.claim("mine", None, Some("ka"), 1).unwrap(), Claim::Ok);
            s.push(&req(&s, "mine", "one", 1)).unwrap();
        }
        let s = Store::open(Some(dir.path())).unwrap();
        assert_eq!(s.claim("mine", None, Some("kb"), 2).unwrap(), Claim::Held);
        assert_eq!(s.claim("mine", None, None, 2).unwrap(), Claim::Held);
        assert_eq!(s.claim("mine", None, Some("ka"), 2).unwrap(), Claim::Ok);
        // Once its buffer is empty the name is free again, and binds to its new client.
        s.remove(s.oldest("mine").unwrap().unwrap().seq).unwrap();
        assert_eq!(s.claim("mine", None, Some("kb"), 3).unwrap(), Claim::Ok);
        s.push(&req(&s, "mine", "two", 3)).unwrap();
        assert_eq!(s.claim("mine", None, Some("ka"), 4).unwrap(), Claim::Held);
    }

    #[test]
    fn a_data_dir_from_before_keys_gets_the_column() {
        let dir = tempfile::tempdir().unwrap();
        {
            let c = Connection::open(dir.path().join("relay.db")).unwrap();
            c.execute_batch(
                "CREATE TABLE tunnels (name TEXT PRIMARY KEY, owner TEXT, first_seen_ms INTEGER NOT NULL);
                 INSERT INTO tunnels VALUES ('old', NULL, 1);",
            )
            .unwrap();
        }
        let s = Store::open(Some(dir.path())).unwrap();
        assert_eq!(s.claim("old", None, Some("k"), 2).unwrap(), Claim::Ok);
        s.push(&req(&s, "old", "one", 2)).unwrap();
        assert_eq!(s.claim("old", None, Some("x"), 3).unwrap(), Claim::Held);
    }

    #[test]
    fn the_buffer_keeps_order_survives_reopen_and_expires() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = Store::open(Some(dir.path())).unwrap();
            for (i, id) in ["one", "two", "three"].iter().enumerate() {
                s.push(&req(&s, "demo", id, 1000 + i as i64)).unwrap();
            }
            s.push(&req(&s, "other", "four", 5000)).unwrap();
        }
        let s = Store::open(Some(dir.path())).unwrap();
        assert_eq!(s.count("demo").unwrap(), 3);
        let first = s.oldest("demo").unwrap().unwrap();
        assert_eq!(first.delivery_id, "one");
        assert_eq!(first.headers[1], ("a".to_string(), "2".to_string()));
        assert_eq!(std::fs::read(&first.body_file).unwrap(), b"one");
        s.remove(first.seq).unwrap();
        assert!(!first.body_file.exists());
        assert_eq!(s.oldest("demo").unwrap().unwrap().delivery_id, "two");
        assert_eq!(s.expire(1002).unwrap(), 1);
        assert_eq!(s.oldest("demo").unwrap().unwrap().delivery_id, "three");
        assert_eq!(s.count_all().unwrap(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn the_data_dir_it_makes_is_0700_and_the_database_and_its_wal_0600() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("data");
        let s = Store::open(Some(&dir)).unwrap();
        s.claim("demo", None, None, 1).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("buffer")), 0o700);
        for f in ["relay.db", "relay.db-wal", "relay.db-shm"] {
            assert_eq!(mode(&dir.join(f)), 0o600, "{f}");
        }
    }

    #[test]
    fn unfiled_body_files_are_cleaned_at_open() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("buffer")).unwrap();
        let stray = dir.path().join("buffer").join("stray.tmp");
        std::fs::write(&stray, "x").unwrap();
        let _s = Store::open(Some(dir.path())).unwrap();
        assert!(!stray.exists());
    }
}
