//! Forwarding attempts of buffered deliveries, noted before each is sent: a redelivery whose
//! earlier attempt left no record says so, as the target may have received it twice.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior};

use super::Store;

/// What the log says of a buffered delivery about to be forwarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Its record is in the log: it was handled, and only the relay's acknowledgement was lost.
    Recorded,
    /// Noted; `interrupted` earlier attempts were noted and never recorded (listen was killed,
    /// or its log could not be written, after forwarding began).
    Noted { interrupted: u32 },
}

impl Store {
    /// Notes an attempt at record `id`, committed before it returns (so it outlives a `kill -9`
    /// during the forward), unless the record is in the log already.
    pub fn begin_attempt(&mut self, id: &str, at: DateTime<Utc>) -> Result<Attempt> {
        // IMMEDIATE: the check and the note are one step for any other process on this log.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let recorded = tx
            .query_row("SELECT 1 FROM deliveries WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some();
        if recorded {
            return Ok(Attempt::Recorded);
        }
        let tries: u32 = tx.query_row(
            "INSERT INTO attempts (id, tries, last_ms) VALUES (?1, 1, ?2)
             ON CONFLICT (id) DO UPDATE SET tries = tries + 1, last_ms = excluded.last_ms
             RETURNING tries",
            rusqlite::params![id, at.timestamp_millis()],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(Attempt::Noted {
            interrupted: tries.saturating_sub(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Body, Record, RequestPart, Source};

    #[test]
    fn an_attempt_without_a_record_counts_as_interrupted_and_a_record_ends_the_count() {
        let mut store = Store::in_memory().unwrap();
        let now = Utc::now();
        assert_eq!(
            store.begin_attempt("dlv_a", now).unwrap(),
            Attempt::Noted { interrupted: 0 }
        );
        assert_eq!(
            store.begin_attempt("dlv_a", now).unwrap(),
            Attempt::Noted { interrupted: 1 }
        );
        let mut r = Record::new(
            Source::Listen,
            RequestPart {
                method: "POST".into(),
                url: "http://x/".into(),
                headers: Default::default(),
                body: Body(b"{}".to_vec()),
            },
        );
        r.id = "dlv_a".into();
        store.insert(&r).unwrap();
        assert_eq!(
            store.begin_attempt("dlv_a", now).unwrap(),
            Attempt::Recorded
        );
        assert_eq!(
            store.begin_attempt("dlv_b", now).unwrap(),
            Attempt::Noted { interrupted: 0 }
        );
    }
}
