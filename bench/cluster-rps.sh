#!/usr/bin/env bash
# Max requests a second through a 3-node relay cluster against a single relay (and a 1-node
# cluster), in the same run (relay/benches/cluster/rps.rs): three tunnels, in the 3-node cluster
# each held by another node, and nine `hookctl load` processes posting to every tunnel through
# every node, so requests spread evenly over nodes and two in three cross to another node.
# Set-ups taken in turn, REPS times; the median is reported.
#
#   bench/cluster-rps.sh                    (SECS=5, CONC=36 connections in all, REPS=3)
#   SECS=10 REPS=5 bench/cluster-rps.sh
#
# On one machine every node, Redis, the listens, the target and the load generator share its
# cores: see bench/README.md ("Relay cluster") for what that can and cannot show.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }

cargo build --release -p hookctl --bin hookctl -p hookctl-relay --bin hookctl-relay
CLUSTER_BENCH=rps BIN="$PWD/target/release" cargo bench -p hookctl-relay --bench cluster
