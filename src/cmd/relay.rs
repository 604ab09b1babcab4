//! `hookctl relay`: the relay server in-process, with the same flags as `hookctl-relay`.

use anyhow::Result;
use hookctl_relay::server::RelayError;

use super::Ctx;
use crate::cli::RelayArgs;
use crate::output::{Exit, usage};

pub fn run(args: RelayArgs, _ctx: &Ctx) -> Result<Exit> {
    let runtime = hookctl_relay::server::run::runtime(args.relay.threads)?;
    runtime.block_on(async move {
        let stop = hookctl_relay::server::run::on_signal();
        match hookctl_relay::server::run::run(args.relay, stop).await {
            Ok(()) => Ok(Exit::Ok),
            Err(RelayError::Usage(m)) => Err(usage(m)),
            Err(RelayError::Runtime(m)) => Err(anyhow::anyhow!(m)),
        }
    })
}
