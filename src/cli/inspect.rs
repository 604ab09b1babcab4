//! Flags of `hookctl inspect`: the web console over the delivery log.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;
use hookctl_relay::values::between;

#[derive(Debug, Args)]
#[command(
    after_help = "The printed URL carries this run's access token; the browser keeps it in a cookie after the first visit.\nExamples:\n  hookctl inspect\n  hookctl inspect --port 0 --no-open --ready-file console.txt   # CI: the URL with its token lands in console.txt"
)]
pub struct InspectArgs {
    /// Port on 127.0.0.1; when it is taken, the next free one (said on the URL's line); 0 picks any.
    #[arg(long, value_name = "PORT", default_value_t = 4040, value_parser = between::<u16>(0, 65535), allow_negative_numbers = true, conflicts_with = "listen")]
    pub port: u16,

    /// Address to serve on instead, e.g. 0.0.0.0:4040 to be reachable from other machines (a warning says so).
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,

    /// Write the console's URL, with its token, on one line to this file once it answers.
    #[arg(long, value_name = "FILE")]
    pub ready_file: Option<PathBuf>,

    /// Do not open a browser.
    #[arg(long)]
    pub no_open: bool,
}
