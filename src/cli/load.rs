//! Flags of `load`: what to send, how hard (closed or open loop), and what must hold.

use std::path::PathBuf;

use clap::Args;

use hookctl_relay::values::at_least;

use super::trigger::SampleArgs;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
hookctl load http://localhost:3000/webhooks -c 50 -d 30s\n  \
hookctl load URL --event github.push --rate 500 -d 1m --assert 'p99<200ms'\n  \
hookctl load URL --rate 100 --stage 10s:1000 --stage 30s:1000 --burst 5000@20s\n  \
hookctl load URL --body-file order.json --provider stripe --secret whsec_… -n 10000\n\n\
Latencies in the open loop are measured from each request's intended send time, so a stalled\n\
endpoint shows in the percentiles (coordinated omission corrected).")]
pub struct LoadArgs {
    /// Where to send the deliveries (http:// or https://).
    #[arg(value_name = "URL")]
    pub url: String,

    /// Catalog event to send, each request with fresh ids (`hookctl events list`) [default: payment.succeeded].
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["body_file", "data"])]
    pub event: Option<String>,

    /// Send this body, with `{{id}}` and `{{timestamp}}` replaced for each request [signed as standard-webhooks unless --provider].
    #[arg(long, value_name = "FILE", conflicts_with = "data")]
    pub body_file: Option<PathBuf>,

    #[command(flatten)]
    pub sample: SampleArgs,

    /// Send without signature headers (to measure an endpoint that does not verify).
    #[arg(long)]
    pub no_sign: bool,

    /// Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight).
    #[arg(short = 'c', long, value_name = "C", default_value_t = 50, value_parser = at_least::<usize>(1), allow_negative_numbers = true)]
    pub concurrency: usize,

    /// Requests to send in all [default: 200, unless -d or --stage sets a duration].
    #[arg(short = 'n', long, value_name = "N", conflicts_with = "duration", value_parser = at_least::<u64>(1), allow_negative_numbers = true)]
    pub requests: Option<u64>,

    /// Send for this long (300, 30s, 5m, 1h30m).
    #[arg(short = 'd', long, value_name = "DUR", allow_hyphen_values = true)]
    pub duration: Option<String>,

    /// Open loop: start this many requests per second on a fixed schedule, whatever the answers.
    #[arg(long, value_name = "RPS", allow_negative_numbers = true, value_parser = hookctl_relay::values::above_zero)]
    pub rate: Option<f64>,

    /// Open loop: ramp the rate linearly to RPS over DUR (from --rate, or 0); repeatable, in order.
    #[arg(long = "stage", value_name = "DUR:RPS", allow_hyphen_values = true)]
    pub stages: Vec<String>,

    /// Open loop: COUNT extra requests all due at once, AT into the run ('2000@15s'); repeatable.
    #[arg(long = "burst", value_name = "COUNT@AT", allow_hyphen_values = true)]
    pub bursts: Vec<String>,

    /// Speak HTTP/2 (h2c prior knowledge on http://, ALPN on https://); connections carry many streams.
    #[arg(long)]
    pub http2: bool,

    /// Also trust this CA certificate (PEM file; repeatable), e.g. a staging endpoint's own CA.
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Vec<PathBuf>,

    /// How long to wait for each answer; longer counts as a `timeout` error.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "10s",
        allow_hyphen_values = true
    )]
    pub timeout: String,

    /// A threshold that must hold, or exit 1: 'p99<200ms', 'success>=99.9%', 'rps>=500', 'errors==0'; repeatable.
    #[arg(long = "assert", value_name = "EXPR")]
    pub asserts: Vec<String>,

    /// Deliveries to keep in the delivery log (failures first); 0 keeps none.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = at_least::<usize>(0), allow_negative_numbers = true)]
    pub log_sample: usize,
}
