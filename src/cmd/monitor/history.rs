//! The probe history: every probe and every alert `monitor` sends, in a SQLite file of its own
//! beside the delivery log (`monitor.db`), pruned to `--keep`; `monitor report` reads it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, params};

use super::state::Health;

/// The history's file name, in the delivery log's folder.
pub const FILE: &str = "monitor.db";

/// Each step runs once, in order. Never edit a released step: add one.
const STEPS: &[&str] = &[
    // 1: probes and alerts.
    "CREATE TABLE probes (
        id         INTEGER PRIMARY KEY,
        at_ms      INTEGER NOT NULL,
        endpoint   TEXT NOT NULL,
        url        TEXT NOT NULL,
        ok         INTEGER NOT NULL,
        status     INTEGER,
        latency_ms REAL,
        error      TEXT,
        state      TEXT NOT NULL
    );
    CREATE INDEX probes_at ON probes (at_ms);
    CREATE TABLE alerts (
        id         INTEGER PRIMARY KEY,
        at_ms      INTEGER NOT NULL,
        endpoint   TEXT NOT NULL,
        url        TEXT NOT NULL,
        event      TEXT NOT NULL,
        channel    TEXT NOT NULL,
        target     TEXT NOT NULL,
        delivered  INTEGER NOT NULL,
        attempts   INTEGER NOT NULL,
        detail     TEXT NOT NULL
    );
    CREATE INDEX alerts_at ON alerts (at_ms);",
];

/// The history beside the delivery log at `db`.
pub fn path(db: &Path) -> PathBuf {
    crate::machine::folder::beside_log(db).join(FILE)
}

/// One probe as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    pub at: DateTime<Utc>,
    pub endpoint: String,
    pub url: String,
    pub ok: bool,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    /// What went wrong, for a failed probe.
    pub error: Option<String>,
    /// The endpoint's state after this probe.
    pub state: Health,
}

/// One alert as kept: which channel, whether it got through.
#[derive(Debug, Clone, PartialEq)]
pub struct SentAlert {
    pub at: DateTime<Utc>,
    pub endpoint: String,
    pub url: String,
    /// `endpoint.down`, `endpoint.degraded`, `endpoint.recovered`.
    pub event: String,
    pub channel: String,
    /// The address or number for email and SMS; empty for URL channels, whose URLs (a Slack
    /// webhook's, say) are credentials.
    pub target: String,
    pub delivered: bool,
    pub attempts: u32,
    pub detail: String,
}

pub struct History {
    conn: Connection,
}

fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn time(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

impl History {
    /// Opens (creating, 0600) the history at `path`.
    pub fn open(path: &Path) -> Result<History> {
        let mut conn = crate::store::open_private(path, "probe history")?;
        crate::store::migrate(&mut conn, STEPS)
            .with_context(|| format!("probe history {}", path.display()))?;
        Ok(History { conn })
    }

    pub fn record_probe(&mut self, p: &Probe) -> Result<()> {
        self.record_probes([p])
    }

    /// Many probes in one transaction (a week's worth in tests, an import).
    pub fn record_probes<'a>(&mut self, probes: impl IntoIterator<Item = &'a Probe>) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO probes (at_ms, endpoint, url, ok, status, latency_ms, error, state)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for p in probes {
                stmt.execute(params![
                    ms(p.at),
                    p.endpoint,
                    p.url,
                    p.ok,
                    p.status,
                    p.latency_ms,
                    p.error,
                    p.state.as_str()
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn record_alert(&self, a: &SentAlert) -> Result<()> {
        self.conn.execute(
            "INSERT INTO alerts (at_ms, endpoint, url, event, channel, target, delivered, attempts, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                ms(a.at),
                a.endpoint,
                a.url,
                a.event,
                a.channel,
                a.target,
                a.delivered,
                a.attempts,
                a.detail
            ],
        )?;
        Ok(())
    }

    /// Forgets probes and alerts older than `before`; returns how many rows went.
    pub fn prune(&self, before: DateTime<Utc>) -> Result<usize> {
        let p = self
            .conn
            .execute("DELETE FROM probes WHERE at_ms < ?1", [ms(before)])?;
        let a = self
            .conn
            .execute("DELETE FROM alerts WHERE at_ms < ?1", [ms(before)])?;
        Ok(p + a)
    }

    /// Probes from `since` up to `until`, by endpoint, oldest first.
    pub fn probes(&self, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Probe>> {
        let mut stmt = self.conn.prepare(
            "SELECT at_ms, endpoint, url, ok, status, latency_ms, error, state FROM probes
             WHERE at_ms >= ?1 AND at_ms <= ?2 ORDER BY endpoint, at_ms, id",
        )?;
        let rows = stmt.query_map([ms(since), ms(until)], |r| {
            let state: String = r.get(7)?;
            Ok(Probe {
                at: time(r.get(0)?),
                endpoint: r.get(1)?,
                url: r.get(2)?,
                ok: r.get(3)?,
                status: r.get(4)?,
                latency_ms: r.get(5)?,
                error: r.get(6)?,
                state: Health::parse(&state).unwrap_or(Health::Unknown),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Alerts from `since` up to `until`, oldest first.
    pub fn alerts(&self, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<SentAlert>> {
        let mut stmt = self.conn.prepare(
            "SELECT at_ms, endpoint, url, event, channel, target, delivered, attempts, detail
             FROM alerts WHERE at_ms >= ?1 AND at_ms <= ?2 ORDER BY at_ms, id",
        )?;
        let rows = stmt.query_map([ms(since), ms(until)], |r| {
            Ok(SentAlert {
                at: time(r.get(0)?),
                endpoint: r.get(1)?,
                url: r.get(2)?,
                event: r.get(3)?,
                channel: r.get(4)?,
                target: r.get(5)?,
                delivered: r.get(6)?,
                attempts: r.get(7)?,
                detail: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(at: DateTime<Utc>, ok: bool) -> Probe {
        Probe {
            at,
            endpoint: "orders".into(),
            url: "https://x.test/hook".into(),
            ok,
            status: ok.then_some(200),
            latency_ms: ok.then_some(12.5),
            error: (!ok).then(|| "connection refused".into()),
            state: if ok { Health::Up } else { Health::Down },
        }
    }

    #[test]
    fn probes_and_alerts_round_trip_and_old_ones_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = History::open(&dir.path().join(FILE)).unwrap();
        let now = Utc.timestamp_millis_opt(1_800_000_000_000).unwrap();
        let old = now - chrono::Duration::days(40);
        h.record_probe(&probe(old, true)).unwrap();
        h.record_probe(&probe(now, false)).unwrap();
        let alert = SentAlert {
            at: now,
            endpoint: "orders".into(),
            url: "https://x.test/hook".into(),
            event: "endpoint.down".into(),
            channel: "email".into(),
            target: "oncall@example.com".into(),
            delivered: true,
            attempts: 1,
            detail: "250 OK".into(),
        };
        h.record_alert(&alert).unwrap();
        let all = h.probes(old, now).unwrap();
        assert_eq!(all, vec![probe(old, true), probe(now, false)]);
        assert_eq!(h.alerts(old, now).unwrap(), vec![alert]);
        assert_eq!(h.prune(now - chrono::Duration::days(30)).unwrap(), 1);
        assert_eq!(h.probes(old, now).unwrap(), vec![probe(now, false)]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join(FILE);
        History::open(&p).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn it_sits_beside_the_delivery_log() {
        assert_eq!(
            path(Path::new("/data/hookctl/deliveries.db")),
            Path::new("/data/hookctl/monitor.db")
        );
    }
}
