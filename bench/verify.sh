#!/usr/bin/env bash
# How fast `hookctl verify` is: the cold process a CI step or a shell script pays per delivery
# (hyperfine medians), and with `micro` the in-process verify throughput against bare HMAC-SHA256
# (criterion, benches/verify.rs), both printed as ratios.
#
#   bench/verify.sh [cli|micro|all]     (default: cli)
#   RUNS=300 bench/verify.sh cli        (more runs; default 200)
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-cli}
runs=${RUNS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { # hyperfine JSON → median seconds of its only command
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}

cli() {
    if ! command -v hyperfine >/dev/null; then
        apt-get update && apt-get install -y hyperfine
    fi
    cargo build --release --bin hookctl
    local bin=target/release/hookctl secret=whsec_bench_0123456789abcdef now=1700000000
    "$bin" --version >/dev/null

    local rows=()
    for size in 1024 1048576; do
        local body="$work/body-$size.json"
        # A Stripe delivery of exactly $size bytes, signed as Stripe signs: t.body, HMAC-SHA256.
        local sig
        sig=$(python3 - "$body" "$size" "$secret" "$now" <<'PY'
import hashlib, hmac, sys
path, size, secret, now = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
head = b'{"id":"evt_1","type":"payment_intent.succeeded","data":"'
pad = bytes(ord("a") + i % 26 for i in range(size - len(head) - 2))
body = head + pad + b'"}'
open(path, "wb").write(body)
print(hmac.new(secret.encode(), now.encode() + b"." + body, hashlib.sha256).hexdigest())
PY
)
        local header="Stripe-Signature: t=$now,v1=$sig"
        # Time the success path only: a wrong signature would measure the failure explanation.
        "$bin" verify --provider stripe --secret "$secret" --body-file "$body" -H "$header" --now "$now" >/dev/null
        hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/verify-$size.json" \
            "$bin verify --provider stripe --secret $secret --body-file $body -H '$header' --now $now"
        hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/openssl-$size.json" \
            "openssl dgst -sha256 -hmac $secret $body"
        rows+=("$size $(median "$work/verify-$size.json") $(median "$work/openssl-$size.json")")
    done
    hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/version.json" "$bin --version"
    local floor
    floor=$(median "$work/version.json")

    echo
    echo "cold process, median of $runs runs"
    printf '%-8s %12s %12s %14s %16s\n' body verify openssl "verify/openssl" "verify/--version"
    for row in "${rows[@]}"; do
        read -r size v o <<<"$row"
        python3 -c 'import sys
size, v, o, f = int(sys.argv[1]), *map(float, sys.argv[2:])
label = "1KiB" if size == 1024 else "1MiB"
print(f"{label:<8} {v*1e3:9.2f} ms {o*1e3:9.2f} ms {v/o:13.2f}x {v/f:15.2f}x")' "$size" "$v" "$o" "$floor"
    done
    python3 -c 'import sys; print(f"hookctl --version (process floor): {float(sys.argv[1])*1e3:.2f} ms")' "$floor"
}

micro() {
    cargo bench --bench verify
    echo
    echo "in-process verify, criterion median, as a multiple of bare HMAC-SHA256 of the same body"
    python3 - <<'PY'
import json, pathlib
rows = {}
for bench in pathlib.Path("target/criterion").glob("*/*/new/benchmark.json"):
    meta = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    rows.setdefault(meta["group_id"], {})[meta["function_id"]] = est["median"]["point_estimate"]
for group in sorted(rows, key=lambda g: ("1MiB" in g, g)):
    fns = rows[group]
    base = fns.get("hmac-sha256")
    if base is None:
        continue
    print(f"{group}: hmac-sha256 {base / 1e3:.2f} µs")
    for fn, ns in sorted(fns.items()):
        if fn != "hmac-sha256":
            print(f"  {fn:<18} {ns / 1e3:10.2f} µs  {ns / base:6.2f}x")
PY
}

case "$mode" in
    cli) cli ;;
    micro) micro ;;
    all) micro && cli ;;
    *) echo "usage: bench/verify.sh [cli|micro|all]" >&2; exit 2 ;;
esac
