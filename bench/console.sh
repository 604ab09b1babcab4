#!/usr/bin/env bash
# Web console benchmark (server side): on a log of 100,000 records, the time to first byte of the
# list's first page, filters against `hookctl logs` for the same filter, the detail of a 1 MiB
# body; then a stream of 1,000 deliveries a second for 10 s to live subscribers (and one that
# does not read), watching the server's memory. Not a timed test: it prints figures.
#
#   bash bench/console.sh [RECORDS]      (default 100000; RUNS=5 repetitions per request)
#   HOOKCTL=target/debug/hookctl bash bench/console.sh   (another build; default: release)
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-100000}
RUNS=${RUNS:-5}
RATE=${RATE:-1000}
SECONDS_STREAMED=${SECONDS_STREAMED:-10}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
export HOOKCTL_DB="$WORK/log.db" HOOKCTL_CONFIG="$WORK/config.toml" CI=1 NO_COLOR=1
if [ -z "${HOOKCTL:-}" ]; then
  cargo build -q --release
  HOOKCTL=target/release/hookctl
fi

# A deterministic log as JSONL (ten event types, amounts 0-999, one in twenty failed), plus one
# record with a 1 MiB body, imported the way `logs import` adds records.
python3 - "$RECORDS" > "$WORK/log.jsonl" <<'PY'
import json, random, sys, datetime
random.seed(21)
n = int(sys.argv[1])
types = ["invoice.paid", "invoice.created", "invoice.payment_failed", "customer.created",
         "customer.updated", "charge.succeeded", "charge.failed", "payment_intent.succeeded",
         "payment_intent.created", "checkout.session.completed"]
start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
def record(i, body, event):
    t = start + datetime.timedelta(seconds=i)
    failed = i % 20 == 0
    return {
        "id": "dlv_%032x" % (i + 1), "created_at": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "source": "trigger", "event_type": event, "provider": "stripe",
        "target": "http://127.0.0.1:3000/hook", "attempt": 1,
        "status": "failed" if failed else "delivered", "duration_ms": 3.5,
        "error": "answered 500" if failed else None,
        "request": {"method": "POST", "url": "http://127.0.0.1:3000/hook",
                    "headers": [["Content-Type", "application/json"]],
                    "body": body, "body_encoding": "utf8"},
        "response": {"status": 500 if failed else 200, "headers": [], "body": "ok", "body_encoding": "utf8"},
        "replay_of": None, "retry_of": None, "tunnel": None}
for i in range(n):
    event = types[i % len(types)]
    body = json.dumps({"id": "evt_%d" % i, "type": event, "data": {"amount": random.randrange(1000),
        "currency": "usd", "email": "user%d@example.com" % i, "tags": ["vip"] if i % 10 == 0 else []}})
    print(json.dumps(record(i, body, event)))
big = json.dumps({"type": "invoice.paid", "data": {"blob": "x" * (1024 * 1024 - 60)}})
print(json.dumps(record(n, big, "invoice.paid")))
PY
"$HOOKCTL" -q logs import "$WORK/log.jsonl"
BIG_ID=$(printf 'dlv_%032x' $((RECORDS + 1)))

"$HOOKCTL" inspect --port 0 --no-open --ready-file "$WORK/url.txt" 2>/dev/null &
PIDS+=($!)
SERVER=$!
while [ ! -s "$WORK/url.txt" ]; do sleep 0.05; done
URL=$(cat "$WORK/url.txt")
BASE=${URL%%/?token=*}
TOKEN=${URL##*token=}

# Median of RUNS time-to-first-byte figures (the server's time on loopback), in milliseconds.
ttfb_ms() {
  for _ in $(seq "$RUNS"); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}'
}
# Median wall time of RUNS runs of a command, in milliseconds.
wall_ms() {
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 ))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
row() { printf '%-58s %9s ms\n' "$1" "$2"; }

echo "== console API on $((RECORDS + 1)) records (median of $RUNS; server: time to first byte on loopback)"
row "GET /api/deliveries (first page, 100)" "$(ttfb_ms '/api/deliveries')"
row "GET /api/deliveries?before=<100th id> (second page)" \
    "$(ttfb_ms "/api/deliveries?before=$(printf 'dlv_%032x' $((RECORDS - 99)))")"
row "GET /api/deliveries?event=invoice.*&limit=0" "$(ttfb_ms '/api/deliveries?event=invoice.*&limit=0')"
row "  logs --json --event 'invoice.*' --limit 0 (process)" "$(wall_ms "$HOOKCTL" logs --json --event 'invoice.*' --limit 0)"
row "GET /api/deliveries?where=data.amount%20%3E%20990&limit=0" "$(ttfb_ms '/api/deliveries?where=data.amount%20%3E%20990&limit=0')"
row "  logs --json --where 'data.amount > 990' --limit 0 (process)" "$(wall_ms "$HOOKCTL" logs --json --where 'data.amount > 990' --limit 0)"
row "GET /api/deliveries?status=failed&limit=0" "$(ttfb_ms '/api/deliveries?status=failed&limit=0')"
row "  logs --json --status failed --limit 0 (process)" "$(wall_ms "$HOOKCTL" logs --json --status failed --limit 0)"
row "GET /api/deliveries?q=user4242@example.com (text search)" "$(ttfb_ms '/api/deliveries?q=user4242@example.com')"
row "GET /api/deliveries/<1 MiB body> (detail)" "$(ttfb_ms "/api/deliveries/$BIG_ID")"
row "GET /api/deliveries/<1 MiB body>/signature" "$(ttfb_ms "/api/deliveries/$BIG_ID/signature")"

echo
echo "== stream: $RATE deliveries/s for $SECONDS_STREAMED s written by another process; 2 subscribers reading, 1 not reading"
curl -s -N -H "Authorization: Bearer $TOKEN" "$BASE/api/stream" > "$WORK/s1.txt" & PIDS+=($!)
curl -s -N -H "Authorization: Bearer $TOKEN" "$BASE/api/stream" > "$WORK/s2.txt" & PIDS+=($!)
# A subscriber that reads 1 KiB a second: the server must not hold what it does not read.
curl -s -N --limit-rate 1K -H "Authorization: Bearer $TOKEN" "$BASE/api/stream" > /dev/null & PIDS+=($!)
sleep 0.5
rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }
echo "server RSS before: $(rss) KiB"
python3 - "$HOOKCTL_DB" "$RATE" "$SECONDS_STREAMED" <<'PY' &
import sqlite3, sys, time, json
db, rate, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = sqlite3.connect(db, isolation_level=None, timeout=10)
cols = ("id, created_at, created_ms, source, event_type, provider, target, attempt, status, duration_ms, "
        "error, method, url, request_headers, request_body, response_status, response_headers, "
        "response_body, replay_of, tunnel, retry_of")
body = json.dumps({"type": "invoice.paid", "data": {"amount": 42}}).encode()
start = time.time(); i = 0; per_tick = max(1, rate // 100)
while i < rate * secs:
    now = time.time()
    rows = []
    for _ in range(per_tick):
        ms = int(now * 1000)
        rows.append(("dlv_stream%026d" % i, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % (ms % 1000),
                     ms, "listen", "invoice.paid", None, "http://127.0.0.1:3000/hook", 1, "received", 1.0, None,
                     "POST", "http://127.0.0.1:3000/hook", '[["Content-Type","application/json"]]', body,
                     None, None, None, None, None, None))
        i += 1
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO deliveries (%s) VALUES (%s)" % (cols, ",".join("?" * 21)), rows)
    conn.execute("COMMIT")
    time.sleep(max(0, start + i / rate - time.time()))
print("writer: %d records in %.2f s" % (i, time.time() - start), file=sys.stderr)
PY
WRITER=$!
for s in $(seq 2 2 "$SECONDS_STREAMED"); do sleep 2; echo "server RSS at ${s} s: $(rss) KiB"; done
wait "$WRITER"
sleep 1
echo "server RSS after: $(rss) KiB"
for f in s1 s2; do
  printf '%s: %s delivery events, %s lagged events\n' "$f" \
    "$(grep -c '^event: delivery' "$WORK/$f.txt" || true)" "$(grep -c '^event: lagged' "$WORK/$f.txt" || true)"
done
