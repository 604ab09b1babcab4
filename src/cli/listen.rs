//! Flags of `hookctl listen` (receive webhooks through a relay) and `hookctl relay` (run one).

use std::path::PathBuf;

use clap::Args;
use hookctl_relay::values::between;

use super::values;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  hookctl listen --forward-to http://localhost:3000/webhooks\n  hookctl listen --forward-to /stripe=http://localhost:3000/stripe --forward-to /github=http://localhost:4000/gh\n  hookctl listen --relay https://relay.example.com --token T --name my-laptop --verify-provider stripe --secret whsec_…\n  hookctl listen --relay https://r1.example.com,https://r2.example.com --forward-to http://localhost:3000   # moves to r2 when r1 is gone\n  hookctl listen --ready-file url.txt &   # CI: wait for url.txt, then send to the URL in it"
)]
pub struct ListenArgs {
    /// Where deliveries go: URL, or PATH_PREFIX=URL to route by path (repeatable). Without it,
    /// listen only receives and answers --respond.
    #[arg(long = "forward-to", value_name = "[PREFIX=]URL")]
    pub forward_to: Vec<String>,

    /// The relay to connect to; several (repeated or comma-separated: the nodes of one relay
    /// service) are tried in turn, and listen moves to the next when its relay is gone [default: the one `hookctl init --relay` saved, else an embedded relay on 127.0.0.1:--port].
    #[arg(
        long,
        value_name = "URL[,URL…]",
        env = "HOOKCTL_RELAY",
        hide_env_values = true
    )]
    pub relay: Vec<String>,

    /// Token the relay expects (every relay of a list gets the same) [default: the one `hookctl init --token` saved for this relay, or for the first of several].
    #[arg(
        long,
        value_name = "T",
        env = "HOOKCTL_RELAY_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    /// Also trust this CA certificate (PEM file; repeatable) for a wss:// relay, besides the
    /// system's roots: a relay with a private or test CA.
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Vec<PathBuf>,

    /// Connect to this IP address instead of looking the relay's host name up (a relay whose
    /// DNS record is not in place yet); TLS still checks the certificate for the host name.
    #[arg(long, value_name = "IP")]
    pub relay_ip: Option<std::net::IpAddr>,

    /// Tunnel name to ask for (kept across reconnects; with a token, reserved for it) [default: one made once per relay and kept, so the URL stays the same across runs].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Port of the embedded relay (without --relay); 0 picks a free one.
    #[arg(long, value_name = "PORT", default_value_t = 8787, value_parser = between::<u16>(0, 65535), allow_negative_numbers = true)]
    pub port: u16,

    /// Forward only these event types (glob, repeatable); others are answered 200 and not forwarded.
    #[arg(long = "events", value_name = "GLOB")]
    pub events: Vec<String>,

    /// Verify each delivery's signature with this provider's scheme (`auto`: told from each delivery's headers) and show the verdict.
    #[arg(long, value_name = "ID")]
    pub verify_provider: Option<String>,

    /// Secret for --verify-provider [env: HOOKCTL_SECRET; default: the provider's secret in the config].
    #[arg(long, value_name = "S", requires = "verify_provider", value_parser = values::secret)]
    pub secret: Option<String>,

    /// Public key for --verify-provider's asymmetric schemes (Discord, SendGrid, Plaid, …): hex, base64, PEM, whpk_, or JWK (text or file path) [default: the provider's key pair in the config].
    #[arg(
        long,
        value_name = "K",
        allow_hyphen_values = true,
        requires = "verify_provider"
    )]
    pub public_key: Option<String>,

    /// Status to answer with when there is no --forward-to.
    #[arg(long, value_name = "STATUS", default_value_t = 200, value_parser = between::<u16>(100, 599), allow_negative_numbers = true)]
    pub respond: u16,

    /// Write the public URL to this file once listen can receive (CI waits on it).
    #[arg(long, value_name = "FILE")]
    pub ready_file: Option<PathBuf>,

    /// Where the web console serves (as `hookctl inspect`); when its port is taken, the next free one.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:4040")]
    pub inspect: std::net::SocketAddr,

    /// Do not serve the web console.
    #[arg(long, conflicts_with = "inspect")]
    pub no_inspect: bool,

    /// How long a local target may take to answer before the sender gets 504.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30s",
        allow_hyphen_values = true
    )]
    pub timeout: String,
}

#[derive(Debug, Args)]
pub struct RelayArgs {
    #[command(flatten)]
    pub relay: hookctl_relay::server::options::RelayOptions,
}
