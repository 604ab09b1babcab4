//! Which records of the delivery log a command works on: the `--event`, `--status`, `--since`
//! and `--where` filters that `logs` and `replay` take alike, read once.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::input;
use crate::bail_usage;
use crate::cli::LogFilters;
use crate::output::usage;
use crate::store::filter::Filter;
use crate::store::{Query, Record};

/// The records a set of filters selects: what SQLite can filter, plus the `--where` conditions
/// checked on each body. `logs` (and its `stats` and `export`) and `replay` select alike.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub query: Query,
    pub filter: Filter,
}

impl Selection {
    pub fn from_flags(f: &LogFilters) -> Result<Selection> {
        // SQLite's GLOB matches nothing for a broken pattern ('['): say so instead.
        for g in &f.events {
            globset::Glob::new(g)
                .map_err(|e| usage(format!("--event '{g}' is not a glob pattern: {e}")))?;
        }
        let query = Query {
            events: f.events.clone(),
            status: f.status,
            source: f.source,
            since: f
                .since
                .as_deref()
                .map(|t| time_arg(t, "--since"))
                .transpose()?,
            until: f
                .until
                .as_deref()
                .map(|t| time_arg(t, "--until"))
                .transpose()?,
            ..Default::default()
        };
        let filter = Filter::parse(&f.conditions).map_err(usage)?;
        Ok(Selection { query, filter })
    }

    /// Calls `each` with every selected record, newest first (or oldest first) — at most `limit`
    /// of them when it is not 0 — until `each` returns false.
    pub fn scan(
        &self,
        store: &crate::store::Store,
        limit: usize,
        mut each: impl FnMut(i64, Record) -> Result<bool>,
    ) -> Result<()> {
        let mut n = 0;
        store.scan(&self.query, |seq, r| {
            if !self.filter.matches(&r) {
                return Ok(true);
            }
            n += 1;
            Ok(each(seq, r)? && (limit == 0 || n < limit))
        })
    }
}

/// A point in time: RFC 3339, or a duration ago (`30m`, `7d`).
pub fn time_arg(text: &str, flag: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    // A bare number (no unit) and a negative duration (out of range) have messages of their own.
    let t = text.trim();
    ago(text, flag).map_err(|e| {
        if t.parse::<f64>().is_ok() || t.starts_with('-') {
            e
        } else {
            usage(format!(
                "{flag} '{text}' is neither a duration (30m, 1h, 7d) nor an RFC 3339 time (2025-01-31T12:00:00Z)"
            ))
        }
    })
}

/// The moment a duration ago. Its unit is required: a bare `30` would be 30 seconds, where
/// someone pruning or searching a log means days or hours far more often.
pub fn ago(text: &str, flag: &str) -> Result<DateTime<Utc>> {
    let t = text.trim();
    if !t.starts_with('-') && t.parse::<f64>().is_ok() {
        bail_usage!("{flag} '{text}' has no unit: add a unit, e.g. {t}d, {t}h or {t}m");
    }
    let ago = input::parse_duration(t, flag)?;
    let ago =
        chrono::Duration::from_std(ago).map_err(|_| usage(format!("{flag} is too far back")))?;
    Utc::now()
        .checked_sub_signed(ago)
        .ok_or_else(|| usage(format!("{flag} is too far back")))
}
