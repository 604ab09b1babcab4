//! The list's query parameters: the `logs` filters under the same names (`event`, `status`,
//! `source`, `since`, `until`, `where`, repeatable where the flags are), plus `q` (text in the
//! bodies), `limit` and `before` (the id the previous page ended with).

use anyhow::Result;
use regex::bytes::Regex;

use crate::cli::LogFilters;
use crate::cmd::shared::selection::Selection;
use crate::output::usage;
use crate::store::{Record, Source, Status};

/// How many records a page holds unless `limit` says.
pub const DEFAULT_LIMIT: usize = 100;

/// A list request, read.
pub struct ListParams {
    pub selection: Selection,
    /// The `event` globs compiled, for records checked one at a time (the stream); the list
    /// leaves them to SQLite's GLOB.
    events: Option<globset::GlobSet>,
    pub text: Option<Regex>,
    pub limit: usize,
    pub before: Option<String>,
}

/// The query's pairs, decoded.
pub fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

impl ListParams {
    /// The parameters of `query`; `limit` is `default_limit` unless the query gives one.
    pub fn parse(query: Option<&str>, default_limit: usize) -> Result<ListParams> {
        let mut f = LogFilters::default();
        let mut text = None;
        let mut limit = default_limit;
        let mut before = None;
        for (k, v) in pairs(query) {
            match k.as_str() {
                "event" => f.events.push(v),
                "status" => {
                    f.status = Some(Status::parse(&v).ok_or_else(|| {
                        usage(format!(
                            "status '{v}' is not one of delivered, failed, dead, received"
                        ))
                    })?)
                }
                "source" => {
                    f.source = Some(Source::parse(&v).ok_or_else(|| {
                        usage(format!(
                            "source '{v}' is not one of trigger, listen, replay, validate, load"
                        ))
                    })?)
                }
                "since" => f.since = Some(v),
                "until" => f.until = Some(v),
                "where" => f.conditions.push(v),
                "q" if !v.is_empty() => {
                    // Case-insensitive, literal: a search box, not a pattern language.
                    text = Some(
                        regex::bytes::RegexBuilder::new(&regex::escape(&v))
                            .case_insensitive(true)
                            .build()
                            .map_err(usage)?,
                    )
                }
                "q" => {}
                "limit" => {
                    limit = v.parse().map_err(|_| {
                        usage(format!(
                            "limit '{v}' is not a count: give a whole number, 0 for every record"
                        ))
                    })?
                }
                "before" if !v.is_empty() => before = Some(v),
                "before" | "token" | "reveal" => {}
                other => {
                    return Err(usage(format!(
                        "unknown parameter '{other}': the list takes event, status, source, since, until, where, q, limit and before"
                    )));
                }
            }
        }
        let selection = Selection::from_flags(&f)?;
        let events = if f.events.is_empty() {
            None
        } else {
            let mut set = globset::GlobSetBuilder::new();
            for g in &f.events {
                // Checked by `from_flags` already.
                set.add(globset::Glob::new(g).map_err(usage)?);
            }
            Some(set.build().map_err(usage)?)
        };
        Ok(ListParams {
            selection,
            events,
            text,
            limit,
            before,
        })
    }

    /// Calls `each` with the page's records, newest first: after `before`, holding `q`, at most
    /// `limit` of them (0: all).
    pub fn scan(
        &self,
        store: &crate::store::Store,
        mut each: impl FnMut(Record) -> Result<()>,
    ) -> Result<()> {
        let mut selection = self.selection.clone();
        if let Some(id) = &self.before {
            let Some(at) = store.position(id)? else {
                return Err(usage(format!(
                    "before '{id}' is no record's id: give the id the previous page ended with"
                )));
            };
            selection.query.after_position = Some(at);
        }
        let mut n = 0usize;
        selection.scan(store, 0, |_, r| {
            if !self.text_matches(&r) {
                return Ok(true);
            }
            each(r)?;
            n += 1;
            Ok(self.limit == 0 || n < self.limit)
        })
    }

    /// Whether one record, as it is written, passes every filter (`before` and `limit` aside):
    /// what the stream checks, as the list's query would.
    pub fn admits(&self, r: &Record) -> bool {
        let q = &self.selection.query;
        self.events
            .as_ref()
            .is_none_or(|set| r.event_type.as_deref().is_some_and(|t| set.is_match(t)))
            && q.status.is_none_or(|s| s == r.status)
            && q.source.is_none_or(|s| s == r.source)
            && q.since.is_none_or(|t| r.created_at >= t)
            && q.until.is_none_or(|t| r.created_at <= t)
            && self.selection.filter.matches(r)
            && self.text_matches(r)
    }

    /// Whether a record the selection chose also holds the searched text in a body.
    pub fn text_matches(&self, r: &Record) -> bool {
        let Some(re) = &self.text else {
            return true;
        };
        re.is_match(&r.request.body.0)
            || r.response.as_ref().is_some_and(|a| re.is_match(&a.body.0))
    }
}
