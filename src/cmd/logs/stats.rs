//! `hookctl logs stats`: counts, success rate and duration percentiles, overall or per group.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use colored::Colorize;
use serde::Serialize;

use crate::cli::{LogsStatsArgs, StatsBy};
use crate::cmd::Ctx;
use crate::cmd::shared::durations::{Durations, durations};
use crate::cmd::shared::selection::Selection;
use crate::output::{self, Exit};
use crate::store::{Record, Status};
use crate::table;

/// What one group (or the whole selection) adds up to: records (attempts) by status, and the
/// deliveries they belong to.
#[derive(Debug, Default)]
struct Tally {
    delivered: u64,
    failed: u64,
    dead: u64,
    received: u64,
    durations: Vec<f64>,
    /// Each sent delivery, by its first attempt's id, with how its attempts so far settle it.
    deliveries: HashMap<String, Status>,
}

#[derive(Debug, Serialize)]
struct Row {
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// Records, every attempt counted.
    count: u64,
    /// delivered + failed + dead: the attempts sent.
    sent: u64,
    delivered: u64,
    failed: u64,
    dead: u64,
    received: u64,
    /// delivered ÷ sent, per attempt; null when nothing was sent.
    success_rate: Option<f64>,
    /// The sent deliveries, each counted once however many attempts it took.
    deliveries: Deliveries,
    /// Over records with a duration; null when none has one.
    duration_ms: Option<Durations>,
}

#[derive(Debug, Serialize)]
struct Deliveries {
    count: u64,
    /// Those of which an attempt got a 2xx.
    delivered: u64,
    /// Those still failing: stopped before the retries ran out.
    failed: u64,
    /// Those whose retries gave up.
    dead: u64,
    /// delivered ÷ count; null when nothing was sent.
    success_rate: Option<f64>,
}

impl Tally {
    fn add(&mut self, r: &Record) {
        match r.status {
            Status::Delivered => self.delivered += 1,
            Status::Failed => self.failed += 1,
            Status::Dead => self.dead += 1,
            Status::Received => self.received += 1,
        }
        if r.status != Status::Received {
            let first = r.retry_of.as_ref().unwrap_or(&r.id);
            match self.deliveries.get_mut(first) {
                Some(s) => *s = s.settle(r.status),
                None => {
                    self.deliveries.insert(first.clone(), r.status);
                }
            }
        }
        if let Some(d) = r.duration_ms.filter(|d| d.is_finite()) {
            self.durations.push(d);
        }
    }

    fn row(mut self, key: Option<String>) -> Row {
        let sent = self.delivered + self.failed + self.dead;
        let ended = |status| self.deliveries.values().filter(|s| **s == status).count() as u64;
        let count = self.deliveries.len() as u64;
        let delivered = ended(Status::Delivered);
        let deliveries = Deliveries {
            count,
            delivered,
            failed: ended(Status::Failed),
            dead: ended(Status::Dead),
            success_rate: (count > 0).then(|| delivered as f64 / count as f64),
        };
        Row {
            key,
            count: sent + self.received,
            sent,
            delivered: self.delivered,
            failed: self.failed,
            dead: self.dead,
            received: self.received,
            success_rate: (sent > 0).then(|| self.delivered as f64 / sent as f64),
            deliveries,
            duration_ms: durations(&mut self.durations),
        }
    }
}

pub fn run(args: LogsStatsArgs, ctx: &Ctx) -> Result<Exit> {
    let sel = Selection::from_flags(&args.filters)?;
    let store = ctx.store()?;
    let mut total = Tally::default();
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    sel.scan(&store, 0, |_, r| {
        total.add(&r);
        if let Some(by) = args.by {
            let key = match by {
                StatsBy::Event => r.event_type.clone().unwrap_or_else(|| "(none)".into()),
                StatsBy::Target => r.target.clone(),
                StatsBy::Status => r.status.as_str().to_string(),
            };
            groups.entry(key).or_default().add(&r);
        }
        Ok(true)
    })?;
    let mut rows: Vec<Row> = groups.into_iter().map(|(k, t)| t.row(Some(k))).collect();
    // Biggest groups first; the BTreeMap already ordered equal counts by key.
    rows.sort_by_key(|r| std::cmp::Reverse(r.count));
    let total = total.row(None);
    if ctx.style.json {
        output::json(&serde_json::json!({
            "by": args.by.map(|b| match b {
                StatsBy::Event => "event",
                StatsBy::Target => "target",
                StatsBy::Status => "status",
            }),
            "total": total,
            "groups": rows,
        }))?;
        return Ok(Exit::Ok);
    }
    // A pipe gets every group whole, as a script reads it; a terminal, at most 60 columns of it.
    let widest = rows
        .iter()
        .filter_map(|r| r.key.as_ref().map(|k| k.chars().count()))
        .max()
        .unwrap_or(5)
        .max(5);
    let key_width = match table::stdout_width() {
        Some(_) => widest.min(60),
        None => widest,
    };
    output::line(
        format!(
            "{:<key_width$}  {:>10}  {:>9}  {:>6}  {:>5}  {:>7}  {:>8}  {:>8}  {:>9}  {:>9}  {:>9}",
            "GROUP",
            "DELIVERIES",
            "DELIVERED",
            "FAILED",
            "DEAD",
            "SUCCESS",
            "ATTEMPTS",
            "RECEIVED",
            "P50",
            "P95",
            "P99"
        )
        .bold(),
    )?;
    for r in rows.iter().chain(std::iter::once(&total)) {
        let key = r.key.clone().unwrap_or_else(|| "total".into());
        let key: String = if key.chars().count() > key_width {
            key.chars().take(key_width - 1).chain(['…']).collect()
        } else {
            key
        };
        let ms = |f: fn(&Durations) -> f64| {
            r.duration_ms
                .as_ref()
                .map(|d| format!("{:.1}ms", f(d)))
                .unwrap_or_else(|| "-".into())
        };
        let d = &r.deliveries;
        let line = format!(
            "{key:<key_width$}  {:>10}  {:>9}  {:>6}  {:>5}  {:>7}  {:>8}  {:>8}  {:>9}  {:>9}  {:>9}",
            d.count,
            d.delivered,
            d.failed,
            d.dead,
            d.success_rate
                .map(|s| format!("{:.1}%", s * 100.0))
                .unwrap_or_else(|| "-".into()),
            r.sent,
            r.received,
            ms(|d| d.p50),
            ms(|d| d.p95),
            ms(|d| d.p99),
        );
        output::line(if r.key.is_none() {
            line.bold()
        } else {
            line.normal()
        })?;
    }
    Ok(Exit::Ok)
}
