//! What listen connects with where its flags say nothing: the relay saved in the config, the
//! token saved for that relay, and the tunnel name kept for it, so the URL survives restarts.

use std::path::Path;

use anyhow::Result;

use crate::cli::ListenArgs;
use crate::cmd::Ctx;
use crate::machine::{relays, running};
use crate::output::usage;

/// `args` with the saved relay, token and name where the flags left them out.
pub fn fill(mut args: ListenArgs, ctx: &Ctx, folder: &Path) -> Result<ListenArgs> {
    if args.relay.is_empty()
        && let Some(saved) = ctx.config()?.relay
    {
        // One URL, or a relay service's nodes comma-separated, as --relay takes them.
        args.relay = hookctl_relay::client::relay_list(&[&saved.url]).map_err(|e| {
            let config = ctx.config_path().unwrap_or_default();
            usage(format!("{e} (the [relay] url in {})", config.display()))
        })?;
    }
    // The relays of one list are one service (the nodes of a cluster, or a load balancer's
    // backends): the token saved for the first goes to each, as `--token` would.
    if args.token.is_none()
        && let Some(relay) = args.relay.first()
    {
        args.token = relays::token(folder, relay)?;
    }
    if args.name.is_none() {
        let kept = relays::stable_name(folder, args.relay.first().map(String::as_str))?;
        // Two listens on one name would take it from each other, and `trigger --name` could not
        // tell them apart: a second one gets a name for this run.
        let name = match running::live(folder)?.iter().find(|r| r.name == kept) {
            None => kept,
            Some(other) => {
                if !ctx.style.quiet {
                    eprintln!(
                        "note: tunnel '{kept}' is in use by the listen running as pid {}: this one takes a name for this run only (--name picks one)",
                        other.pid
                    );
                }
                hookctl_relay::shared::names::random_name()
            }
        };
        args.name = Some(name);
    }
    Ok(args)
}
