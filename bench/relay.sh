#!/usr/bin/env bash
# The relay and `hookctl listen`, as a user would run them: release hookctl-relay and
# hookctl listen processes between a load generator and a local target, compared in one run
# with the target hit directly and, when bore is installed, with a local bore tunnel.
#
#   bench/relay.sh                 (SECS=5 per measure, CONC=32 workers)
#   SECS=10 CONC=64 bench/relay.sh
#   NO_BORE=1 bench/relay.sh       (skip installing and running bore)
set -euo pipefail
cd "$(dirname "$0")/.."

bore=""
if [ -z "${NO_BORE:-}" ]; then
    if ! command -v bore >/dev/null; then
        cargo install bore-cli --locked || echo "bore-cli could not be installed: comparing with direct only" >&2
    fi
    bore=$(command -v bore || true)
fi
cargo build --release -p hookctl --bin hookctl
cargo build --release -p hookctl-relay --bin hookctl-relay
RELAY_BENCH=1 BIN="$PWD/target/release" BORE="$bore" \
    cargo bench -p hookctl-relay --bench relay
