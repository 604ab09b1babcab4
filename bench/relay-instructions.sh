#!/usr/bin/env bash
# Instructions per request of hookctl-relay and hookctl listen, counted by callgrind: the one
# measure of the tunnel's own work that does not move with the machine's load. N signed
# deliveries go one at a time from `hookctl load` through the relay and listen (both under
# callgrind) to a receive-only `hookctl listen` as the target. Start-up and a warm-up are not
# counted (the counters are zeroed after them).
#
#   bench/relay-instructions.sh            (N=1000 requests)
#   N=3000 BIN=/path/to/build bench/relay-instructions.sh
#
# User space only: the kernel's share (sends, reads, the log's WAL writes) is not in these
# figures, and a `rep stos` memset counts one instruction per iteration, so zero-filling is
# weighed more heavily here than in time.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
if [ -z "${BIN:-}" ]; then
    cargo build --release -p hookctl --bin hookctl -p hookctl-relay --bin hookctl-relay
    BIN="$PWD/target/release"
fi
if ! command -v callgrind_control >/dev/null; then
    apt-get update && apt-get install -y valgrind
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOOKCTL_CONFIG="$work/config.toml"

# Waits until file $1 holds a line matching $2, and prints the first such line.
wait_for() {
    for _ in $(seq 600); do
        if [ -s "$1" ] && grep -m1 "$2" "$1"; then return; fi
        sleep 0.1
    done
    echo "gave up waiting for '$2' in $1" >&2
    exit 1
}

"$BIN/hookctl" --db "$work/target.db" listen --port 0 --ready-file "$work/target.url" \
    >/dev/null 2>&1 &
pids+=($!)
target=$(wait_for "$work/target.url" http)

valgrind --tool=callgrind --log-file="$work/relay.valgrind" \
    --callgrind-out-file="$work/relay.out" \
    "$BIN/hookctl-relay" --listen 127.0.0.1:0 >/dev/null 2>"$work/relay.err" &
relay_pid=$!
pids+=("$relay_pid")
relay=$(wait_for "$work/relay.err" "listening on" | sed -E 's/.*listening on ([0-9.:]+):.*/\1/')

valgrind --tool=callgrind --separate-threads=yes --log-file="$work/listen.valgrind" \
    --callgrind-out-file="$work/listen.out" \
    "$BIN/hookctl" --db "$work/listen.db" listen --relay "http://$relay" --name bench \
    --forward-to "$target" --ready-file "$work/listen.url" >/dev/null 2>&1 &
listen_pid=$!
pids+=("$listen_pid")
url=$(wait_for "$work/listen.url" http)

"$BIN/hookctl" --db "$work/load.db" load "$url" -c 1 -n 50 -q >/dev/null
callgrind_control -z "$relay_pid" >/dev/null 2>&1
callgrind_control -z "$listen_pid" >/dev/null 2>&1
"$BIN/hookctl" --db "$work/load.db" load "$url" -c 1 -n "$N" -q --json >"$work/load.json"
callgrind_control -d "$relay_pid" >/dev/null 2>&1
callgrind_control -d "$listen_pid" >/dev/null 2>&1

if ! grep -q "\"status\":{\"200\":$N}" "$work/load.json"; then
    echo "not every request was answered 200: $(cat "$work/load.json")" >&2
    exit 1
fi
per_request() { echo $(($(grep -m1 '^totals:' "$1" | awk '{print $2}') / N)); }
echo "instructions per request (callgrind Ir), $N requests one at a time:"
echo "  hookctl-relay                      $(per_request "$work"/relay.out.1)"
echo "  hookctl listen, its runtime thread $(per_request "$work"/listen.out.1-01)"
echo "  hookctl listen, the log's writer   $(per_request "$work"/listen.out.1-02)"
echo "  hookctl listen, the printer        $(per_request "$work"/listen.out.1-03)"
