#!/usr/bin/env bash
# What a cross-node request adds in a relay cluster: two release hookctl-relay nodes on one
# Redis, `hookctl listen` holding a tunnel on node A, and sequential requests to the target
# directly, to A (same node) and to B (cross-node), taken in turn so the machine's noise hits
# all three alike (relay/benches/cluster/latency.rs). Then, unless NO_CALLGRIND=1, the same two
# paths counted in instructions by callgrind (valgrind; installed with apt-get if missing):
# the figure that does not move with the machine's load.
#
#   bench/cluster-latency.sh                  (N=5000 requests per path; callgrind N_INSTR=1000)
#   N=20000 NO_CALLGRIND=1 bench/cluster-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }

cargo build --release -p hookctl --bin hookctl -p hookctl-relay --bin hookctl-relay
BIN="$PWD/target/release"
echo "== timed: p50 / p90 / p99, interleaved"
CLUSTER_BENCH=latency BIN="$BIN" cargo bench -p hookctl-relay --bench cluster

[ -n "${NO_CALLGRIND:-}" ] && exit 0
if ! command -v callgrind_control >/dev/null; then
    # As scripts/install-test-deps does (which does not install valgrind): sudo unless root.
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update && $sudo apt-get install -y valgrind
fi
N=${N_INSTR:-1000}
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOOKCTL_CONFIG="$work/config.toml"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits until file $1 holds a line matching $2, and prints the first such line.
wait_for() {
    for _ in $(seq 600); do
        if [ -s "$1" ] && grep -m1 "$2" "$1"; then return; fi
        sleep 0.1
    done
    echo "gave up waiting for '$2' in $1" >&2
    exit 1
}
wait_healthy() {
    for _ in $(seq 600); do
        if curl -sf "$1/healthz" >/dev/null; then return; fi
        sleep 0.1
    done
    echo "$1/healthz never answered 200" >&2
    exit 1
}
redis_commands() { redis-cli -p "$rport" info stats | sed -n 's/^total_commands_processed:\([0-9]*\).*/\1/p'; }

rport=$(free_port)
mkdir "$work/redis"
redis-server --port "$rport" --bind 127.0.0.1 --dir "$work/redis" --appendonly yes \
    --appendfsync always --save '' >/dev/null &
pids+=($!)
until redis-cli -p "$rport" ping 2>/dev/null | grep -q PONG; do sleep 0.1; done

"$BIN/hookctl" --db "$work/target.db" listen --port 0 --ready-file "$work/target.url" \
    >/dev/null 2>&1 &
pids+=($!)
target=$(wait_for "$work/target.url" http)

node() { # name port
    valgrind --tool=callgrind --log-file="$work/$1.valgrind" --callgrind-out-file="$work/$1.out" \
        "$BIN/hookctl-relay" --listen "127.0.0.1:$2" --cluster "redis://127.0.0.1:$rport" \
        --node-url "http://127.0.0.1:$2" >/dev/null 2>"$work/$1.err" &
}
aport=$(free_port)
node a "$aport"
a_pid=$!
pids+=("$a_pid")
bport=$(free_port)
node b "$bport"
b_pid=$!
pids+=("$b_pid")
wait_healthy "http://127.0.0.1:$aport"
wait_healthy "http://127.0.0.1:$bport"

"$BIN/hookctl" --db "$work/listen.db" listen --relay "http://127.0.0.1:$aport" --name lat \
    --forward-to "$target" --ready-file "$work/listen.url" >/dev/null 2>&1 &
pids+=($!)
wait_for "$work/listen.url" http >/dev/null
same="http://127.0.0.1:$aport/t/lat/hooks"
cross="http://127.0.0.1:$bport/t/lat/hooks"

load() { "$BIN/hookctl" --db "$work/load.db" load "$1" -c 1 -n "$2" --no-sign -q --json; }
load "$same" 50 >/dev/null
load "$cross" 50 >/dev/null

# Counts N requests to $1 on both nodes, in callgrind's dump number $2; prints the instructions
# per request of node A and of node B, and the Redis commands per request.
count() {
    callgrind_control -z "$a_pid" >/dev/null 2>&1
    callgrind_control -z "$b_pid" >/dev/null 2>&1
    local r0; r0=$(redis_commands)
    load "$1" "$N" >"$work/load.json"
    local r1; r1=$(redis_commands)
    callgrind_control -d "$a_pid" >/dev/null 2>&1
    callgrind_control -d "$b_pid" >/dev/null 2>&1
    if ! grep -q "\"status\":{\"200\":$N}" "$work/load.json"; then
        echo "not every request to $1 was answered 200: $(cat "$work/load.json")" >&2
        exit 1
    fi
    local a b
    a=$(grep -m1 '^totals:' "$work/a.out.$2" | awk '{print $2}')
    b=$(grep -m1 '^totals:' "$work/b.out.$2" | awk '{print $2}')
    # Less the INFO that read the count.
    echo "$((a / N)) $((b / N)) $((r1 - r0 - 1))"
}
out=$(count "$same" 1)
read -r sa sb sr <<<"$out"
out=$(count "$cross" 2)
read -r ca cb cr <<<"$out"
echo
echo "== instructions per request (callgrind Ir, user space), $N requests one at a time"
printf '%-34s %12s %12s %12s %14s\n' "path" "node A" "node B" "both nodes" "Redis commands"
printf '%-34s %12d %12d %12d %14s\n' "same node (to A, tunnel on A)" "$sa" "$sb" "$((sa + sb))" \
    "$(python3 -c "print(f'{$sr/$N:.2f}')")"
printf '%-34s %12d %12d %12d %14s\n' "cross-node (to B, tunnel on A)" "$ca" "$cb" "$((ca + cb))" \
    "$(python3 -c "print(f'{$cr/$N:.2f}')")"
echo "cross-node adds $(( ca + cb - sa - sb )) instructions per request ($(python3 -c "print(f'{($ca+$cb)/($sa+$sb):.2f}')")× the same-node request's)"
