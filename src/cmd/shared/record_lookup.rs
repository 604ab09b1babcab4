//! Finding the delivery log's record an id names: one reading of an id for every command.

use anyhow::Result;

use crate::bail_usage;
use crate::store::{Found, Record, Store};

/// How many of an ambiguous prefix's ids a message names.
const AMBIGUOUS_SHOWN: usize = 3;

/// The record an id names, as `logs show`, `replay` and `verify --log` take it: the full id, a
/// unique prefix of one (`dlv_0193a1c2e5`, or the short form `listen` prints), or `last`.
pub fn record(store: &Store, id: &str) -> Result<Record> {
    let id = id.trim();
    match store.find(id)? {
        Found::One(r) => Ok(*r),
        Found::Nothing if id == crate::store::LAST => {
            bail_usage!("the delivery log is empty: there is no last record")
        }
        Found::Nothing => bail_usage!(
            "no record '{id}' in the delivery log: `hookctl logs` lists the ids (a unique prefix or `last` will do)"
        ),
        Found::Many(ids) => {
            let more = if ids.len() > AMBIGUOUS_SHOWN {
                ", …"
            } else {
                ""
            };
            bail_usage!(
                "'{id}' is the start of {} ids ({}{more}): give more of the id",
                ids.len(),
                ids[..ids.len().min(AMBIGUOUS_SHOWN)].join(", ")
            )
        }
    }
}
