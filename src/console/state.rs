//! What every request handler of the console shares.

use std::sync::Arc;

use super::db::Db;
use super::feed::Feed;
use super::security::Guard;
use crate::cmd::Ctx;
use crate::http::Sender;

/// The log, the run's token and address, the command's context (where the config and its
/// secrets are), and the feed of new records.
pub struct State {
    pub(crate) db: Arc<Db>,
    pub(crate) guard: Arc<Guard>,
    pub(crate) ctx: Ctx,
    pub(crate) feed: Feed,
    /// The one way out, writing what the console sends (replays, test events) to the log.
    pub(crate) sender: Sender,
}
