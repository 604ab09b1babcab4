#!/usr/bin/env bash
# Load-generator benchmark: hookctl load against oha and wrk on one fast local target (nginx
# answering 200 to POST), interleaved repetitions, medians. Not a timed test: it prints figures.
#
#   bash bench/load.sh            (REPS=5 repetitions, SECS=10 s a run, C=50 connections)
#   PROFILE=1 bash bench/load.sh  (also: perf record of one hookctl run, top symbols)
#   HOOKCTL=/other/build/hookctl bash bench/load.sh  (measure that binary; nothing is built)
#
# It installs what it needs: Debian's nginx and wrk (apt-get), oha (cargo install).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
SECS=${SECS:-10}
C=${C:-50}
RATES=${RATES:-"1000 5000 10000"}
WORK=$(mktemp -d)
NGINX_PID=""
cleanup() {
  if [[ -n "$NGINX_PID" ]]; then kill -CONT -- "$NGINX_PID" $(pgrep -P "$NGINX_PID") 2>/dev/null || true; kill "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export HOOKCTL_DB="$WORK/log.db" HOOKCTL_CONFIG="$WORK/config.toml" CI=1 NO_COLOR=1
export HOOKCTL_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw

# --- what it needs -------------------------------------------------------------------------
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v oha >/dev/null || cargo install oha --locked
# HOOKCTL=/path/to/hookctl measures that build (to compare two commits in one sitting).
if [[ -z "${HOOKCTL:-}" ]]; then
  cargo build -q --release
  HOOKCTL=$PWD/target/release/hookctl
fi

# --- the target: nginx, one worker process (the generator gets the other core) --------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
COUNTED=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$PORT; location / { return 200 "ok"; } }
  # The open-loop runs go here, so the rate is also counted at the server.
  server { listen 127.0.0.1:$COUNTED; access_log $WORK/access.log; location / { return 200 "ok"; } }
}
EOF
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/hooks"

# One fixed body for oha, wrk and hookctl's fixed-body runs: a catalog payment, as JSON.
$HOOKCTL events show payment.succeeded --json | jq -c '.sample // .payload // .' > "$WORK/body.json"
cat > "$WORK/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$WORK/body.json", "rb"); wrk.body = f:read("*a"); f:close()
EOF

# Runs a generator, prints "RPS CPU_US_PER_REQUEST" (user+sys of the generator / requests).
measure() {
  local name=$1 out="$WORK/out" t="$WORK/time"
  case $name in
    fixed)  /usr/bin/time -f "%U %S" -o "$t" $HOOKCTL load "$URL" --body-file "$WORK/body.json" --no-sign -c "$C" -d "${SECS}s" --log-sample 0 --json > "$out"
            read -r rps n < <(jq -r '"\(.rps) \(.requests)"' "$out") ;;
    signed) /usr/bin/time -f "%U %S" -o "$t" $HOOKCTL load "$URL" --event payment.succeeded -c "$C" -d "${SECS}s" --log-sample 0 --json > "$out"
            read -r rps n < <(jq -r '"\(.rps) \(.requests)"' "$out") ;;
    oha)    /usr/bin/time -f "%U %S" -o "$t" oha --no-tui --output-format json -m POST -H 'Content-Type: application/json' -D "$WORK/body.json" -c "$C" -z "${SECS}s" "$URL" > "$out"
            read -r rps n < <(jq -r '"\(.summary.requestsPerSec) \(.statusCodeDistribution | add)"' "$out") ;;
    wrk)    /usr/bin/time -f "%U %S" -o "$t" wrk -t2 -c "$C" -d "${SECS}s" -s "$WORK/post.lua" "$URL" > "$out"
            rps=$(awk '/Requests\/sec/ {print $2}' "$out"); n=$(awk '/requests in/ {print $1}' "$out") ;;
  esac
  read -r user sys < "$t"
  awk -v r="$rps" -v n="$n" -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f %.2f\n", r, (u + s) * 1e6 / n }'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); nginx 1 worker; $C connections; ${SECS}s a run; $REPS repetitions interleaved"
echo "   versions: $($HOOKCTL --version), $(oha --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), nginx $(nginx -v 2>&1 | cut -d/ -f2)"
declare -A RPS CPU
for rep in $(seq "$REPS"); do
  for g in fixed signed oha wrk; do
    read -r r c < <(measure $g)
    RPS[$g]+="$r "; CPU[$g]+="$c "
    echo "   rep $rep  $g: $r req/s, $c µs CPU/request"
  done
done
echo
echo "== closed loop, medians"
printf '%-34s %10s %14s\n' generator "req/s" "CPU µs/req"
for g in fixed signed oha wrk; do
  label=$g
  case $g in fixed) label="hookctl (one fixed body)";; signed) label="hookctl (unique signed events)";; esac
  printf '%-34s %10s %14s\n' "$label" "$(tr ' ' '\n' <<<"${RPS[$g]}" | grep . | median)" "$(tr ' ' '\n' <<<"${CPU[$g]}" | grep . | median)"
done
m() { tr ' ' '\n' <<<"${1}" | grep . | median; }
awk -v s="$(m "${RPS[signed]}")" -v f="$(m "${RPS[fixed]}")" -v o="$(m "${RPS[oha]}")" -v w="$(m "${RPS[wrk]}")" \
    -v cs="$(m "${CPU[signed]}")" -v cw="$(m "${CPU[wrk]}")" 'BEGIN {
  printf "ratios: signed/oha %.2f (goal ≥ 1.1)  signed/wrk %.2f (goal ≥ 0.9)  signed/fixed %.2f (goal ≥ 0.95)  CPU signed/wrk %.2f (goal ≤ 1.2)\n", s/o, s/w, s/f, cs/cw }'

echo
echo "== open loop: achieved ÷ asked rate (${SECS}s each, counted by hookctl and at nginx)"
OURL="http://127.0.0.1:$COUNTED/hooks"
for rate in $RATES; do
  : > "$WORK/access.log"
  $HOOKCTL load "$OURL" --event payment.succeeded --rate "$rate" -d "${SECS}s" -c "$C" --log-sample 0 --json > "$WORK/open.json"
  sleep 0.5  # nginx writes its access log on its own schedule
  jq -r --arg r "$rate" --arg s "$(wc -l < "$WORK/access.log")" --arg secs "$SECS" \
    '"rate \($r): sent \(.requests) (asked \(($r|tonumber)*($secs|tonumber))), server counted \($s); achieved \(.rps|floor) req/s = \((.rps/($r|tonumber)*1000|floor)/10) % of asked; late \(.late); p99 \(.latency_ms.p99) ms"' "$WORK/open.json"
done

echo
echo "== stall: nginx stopped (SIGSTOP) for 1 s, 2 s into a 6 s open-loop run at 1000 req/s"
stall() {
  sleep 2; kill -STOP -- "$NGINX_PID" $(pgrep -P "$NGINX_PID"); sleep 1; kill -CONT -- "$NGINX_PID" $(pgrep -P "$NGINX_PID")
}
stall & STALL=$!; $HOOKCTL load "$URL" --rate 1000 -d 6s -c "$C" --log-sample 0 --json > "$WORK/stall.json"; wait "$STALL"
jq -r '"open loop:   p50 \(.latency_ms.p50) ms  p99 \(.latency_ms.p99) ms  max \(.latency_ms.max) ms  late \(.late) of \(.requests)"' "$WORK/stall.json"
stall & STALL=$!; $HOOKCTL load "$URL" -c "$C" -d 6s --log-sample 0 --json > "$WORK/stall.json"; wait "$STALL"
jq -r '"closed loop: p50 \(.latency_ms.p50) ms  p99 \(.latency_ms.p99) ms  max \(.latency_ms.max) ms  (\(.requests) requests: the stall hides in the tail)"' "$WORK/stall.json"

if [[ "${PROFILE:-}" == 1 ]] && command -v perf >/dev/null; then
  echo
  echo "== perf: where a signed closed-loop run spends its CPU (top 25 symbols)"
  perf record -q -g -o "$WORK/perf.data" -- $HOOKCTL load "$URL" --event payment.succeeded -c "$C" -d "${SECS}s" --log-sample 0 --json >/dev/null 2>&1
  perf report -q -g none -i "$WORK/perf.data" --no-children --sort dso,symbol 2>/dev/null | grep -v '^$' | head -25
fi
