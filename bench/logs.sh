#!/usr/bin/env bash
# Delivery-log benchmark: write rates (small and 1 MiB bodies) and `hookctl logs` query times on
# a log of 100,000 records. Not a timed test: it prints figures to compare between commits.
#
#   bash bench/logs.sh [RECORDS]        (default 100000; RUNS=5 repetitions per query)
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-100000}
RUNS=${RUNS:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOOKCTL_DB="$WORK/log.db" HOOKCTL_CONFIG="$WORK/config.toml" CI=1 NO_COLOR=1

echo "== write rates (benches/logs.rs, release build)"
cargo bench -q --bench logs -- --db "$HOOKCTL_DB" --records "$RECORDS" 2>/dev/null
cargo build -q --release
HOOKCTL=target/release/hookctl

# Median wall time of RUNS runs, in milliseconds.
time_ms() {
  local samples=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    samples+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

row() {
  local label=$1; shift
  local matched
  matched=$("$@" 2>/dev/null | wc -l)
  printf '%-62s %8s ms  %7s lines\n' "$label" "$(time_ms "$@")" "$matched"
}

echo
echo "== queries on $($HOOKCTL logs stats --json | sed 's/.*"total":{"count":\([0-9]*\).*/\1/') records (median of $RUNS runs, wall time of the whole process)"
row "logs (newest 100, human)"                               $HOOKCTL logs
row "logs --json (newest 100)"                               $HOOKCTL logs --json
row "logs --json --limit 0 (all)"                            $HOOKCTL logs --json --limit 0
row "logs --event 'invoice.*'"                               $HOOKCTL logs --json --event 'invoice.*'
row "logs --event 'invoice.*' --limit 0"                     $HOOKCTL logs --json --event 'invoice.*' --limit 0
row "logs --status failed --limit 0"                         $HOOKCTL logs --json --status failed --limit 0
row "logs --where 'data.amount > 990'"                       $HOOKCTL logs --json --where 'data.amount > 990'
row "logs --where 'data.amount > 990' --limit 0"             $HOOKCTL logs --json --where 'data.amount > 990' --limit 0
row "logs --where type~^invoice --where 'tags contains vip' --limit 0" \
    $HOOKCTL logs --json --where "type ~ '^invoice\\.'" --where 'data.tags contains vip' --limit 0
row "logs --event 'invoice.*' --where 'data.amount > 500' --limit 0" \
    $HOOKCTL logs --json --event 'invoice.*' --where 'data.amount > 500' --limit 0
row "logs stats --by event"                                  $HOOKCTL logs stats --by event
row "logs export (jsonl, all)"                               $HOOKCTL -q logs export
ID=$($HOOKCTL logs --json --limit 1 | sed 's/^{"id":"\([^"]*\)".*/\1/')
row "logs show ID --format curl"                             $HOOKCTL logs show "$ID" --format curl

echo
echo "== logs import (CLI, one transaction, JSON parsing included)"
$HOOKCTL -q logs export > "$WORK/all.jsonl"
t0=$(date +%s%N)
HOOKCTL_DB="$WORK/imported.db" $HOOKCTL logs import "$WORK/all.jsonl"
t1=$(date +%s%N)
awk -v n="$RECORDS" -v ns=$((t1 - t0)) -v b="$(stat -c %s "$WORK/all.jsonl")" \
  'BEGIN {printf "%d records, %.1f MiB of JSONL in %.2f s: %.0f records/s\n", n, b/1048576, ns/1e9, n/(ns/1e9)}'
