//! The relay cluster's scale benchmarks that `bench/cluster-*.sh` run: `CLUSTER_BENCH=latency`
//! (what a cross-node request adds), `idle` (memory per idle tunnel, lookups with 10 vs 10,000
//! tunnels) or `rps` (a 3-node cluster against a single relay). Release `hookctl-relay`,
//! `hookctl listen` and `hookctl load` processes and Debian's `redis-server`, all on 127.0.0.1.
//! Without `CLUSTER_BENCH` it does nothing, so `cargo test --all-targets` stays quick.

#[path = "../common/mod.rs"]
mod common;
mod idle;
mod latency;
mod nodes;
mod rps;

#[tokio::main]
async fn main() {
    match std::env::var("CLUSTER_BENCH").as_deref() {
        Ok("latency") => latency::run().await,
        Ok("idle") => idle::run().await,
        Ok("rps") => rps::run().await,
        Ok(other) => {
            eprintln!("CLUSTER_BENCH={other}: give latency, idle or rps");
            std::process::exit(2);
        }
        Err(_) => eprintln!(
            "cluster bench: skipped (run bench/cluster-latency.sh, bench/cluster-idle-tunnels.sh or bench/cluster-rps.sh)"
        ),
    }
}
