#!/usr/bin/env bash
# The console's page in headless Chromium: detail of a 1 MiB JSON body (build and paint times,
# read back from the page's performance.now() marks), and a stream of RATE deliveries a second
# for SECS seconds written by another process (responsiveness, rows on screen, JS heap).
# Not a timed test: it prints figures to compare between commits (benches/console_browser.rs).
#
#   bash bench/console-browser.sh [RATE] [SECS]      (default 1000 10)
set -euo pipefail
cd "$(dirname "$0")/.."
sh scripts/install-test-deps
cargo build -q --release --bin hookctl
cargo bench -q --bench console_browser -- --hookctl target/release/hookctl --rate "${1:-1000}" --secs "${2:-10}" 2>&1 \
  | grep -v '^Console: '
