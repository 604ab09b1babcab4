#!/usr/bin/env bash
# 10,000 idle tunnels on one relay-cluster node (and, for comparison, on a single relay without
# a cluster): the node's VmRSS with 10 tunnels and with all of them, KiB per tunnel, and
# one-at-a-time requests to one tunnel through its own node and through another with 10 and
# with 10,000 tunnels connected (relay/benches/cluster/idle.rs). The idle clients are the
# lightest the protocol allows, in the bench process: a WebSocket, a hello, pongs.
#
#   bench/cluster-idle-tunnels.sh                     (TUNNELS=10000, N=2000, SETTLE=20 s)
#   TUNNELS=20000 SETTLE=40 bench/cluster-idle-tunnels.sh
#
# SETTLE is how long the tunnels sit idle before RSS is read: longer than one heartbeat (15 s),
# so every tunnel has pinged and been answered.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }

TUNNELS=${TUNNELS:-10000}
# The bench process holds a socket per tunnel and the node another; both inherit this limit.
need=$((TUNNELS + 1000))
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    echo "open files are limited to $(ulimit -n) (hard limit $(ulimit -Hn)); $TUNNELS tunnels need $need: raise it (ulimit -Hn, /etc/security/limits.conf) or lower TUNNELS" >&2
    exit 1
fi

cargo build --release -p hookctl --bin hookctl -p hookctl-relay --bin hookctl-relay
CLUSTER_BENCH=idle TUNNELS="$TUNNELS" BIN="$PWD/target/release" \
    cargo bench -p hookctl-relay --bench cluster
