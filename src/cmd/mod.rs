//! One module per subcommand; what several of them share sits in `shared`, so that no command
//! imports another.

pub mod completions;
pub mod events;
pub mod init;
pub mod inspect;
pub mod listen;
pub mod load;
pub mod logs;
pub mod monitor;
pub mod providers;
pub mod relay;
pub mod replay;
pub mod shared;
pub mod sign;
pub mod trigger;
pub mod validate;
pub mod verify;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::Global;
use crate::config::{self, Config};
use crate::output::Style;

/// What every command gets: the global flags, the output style and the config file.
#[derive(Clone)]
pub struct Ctx {
    pub global: Global,
    pub style: Style,
}

impl Ctx {
    pub fn config_path(&self) -> Result<PathBuf> {
        config::path(self.global.config.as_deref())
    }

    pub fn config(&self) -> Result<Config> {
        Config::load(&self.config_path()?)
    }

    /// The delivery log (`--db`, `HOOKCTL_DB`, or the default path), opened and migrated.
    pub fn store(&self) -> Result<crate::store::Store> {
        crate::store::Store::open(&crate::store::path(self.global.db.as_deref())?)
    }
}
