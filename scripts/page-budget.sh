#!/usr/bin/env bash
# Learner-page budget on Regular 2G. Builds the server, the browser bundle and the
# measuring program, starts the server on a fresh SQLite database with the demo data, and
# prints for each learner page the bytes transferred and the time until its text is
# visible in headless Chromium throttled to Regular 2G — on a first visit and a repeat one.
#   scripts/page-budget.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/bootstrap.sh --test
scripts/build-site.sh
scripts/build-bench.sh

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$work/budget.db" FIELDSCHOOL_SERVER__PORT=$port FIELDSCHOOL_LOG__FILTER=warn
"$root/target/debug/fieldschool" seed-demo >/dev/null
"$root/target/debug/fieldschool" serve >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
"$root/target/debug/examples/page_budget" --url "http://127.0.0.1:$port"
