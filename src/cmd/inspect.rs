//! `hookctl inspect`: serve the web console over the delivery log until Ctrl-C.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use colored::Colorize;

use super::Ctx;
use super::shared::ready_file;
use crate::cli::InspectArgs;
use crate::console::{Console, bind};
use crate::output::Exit;

pub fn run(args: InspectArgs, ctx: &Ctx) -> Result<Exit> {
    let wanted = args
        .listen
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], args.port)));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    runtime.block_on(async {
        let bound = bind::bind(wanted).await?;
        let console = Console::new(ctx.clone(), bound.addr)?;
        if let Some(w) = bind::exposure_warning(bound.addr) {
            eprintln!("{}", ctx.style.stderr_paint(&w, |t| t.yellow()));
        }
        let url = console.url();
        // The file first: whoever saw the line may look for the file at once.
        if let Some(f) = &args.ready_file {
            ready_file::write(f, &url)?;
        }
        eprintln!("{}", bind::url_line(&url, bound.moved_from));
        if !args.no_open {
            // No browser (a server, CI) is no reason to stop: the URL is printed.
            let u = url.clone();
            std::thread::spawn(move || {
                let _ = webbrowser::open(&u);
            });
        }
        let stop = hookctl_relay::server::run::on_signal();
        console.serve(bound.listener, stop).await
    })?;
    Ok(Exit::Ok)
}
