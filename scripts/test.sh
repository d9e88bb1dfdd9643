#!/usr/bin/env bash
# Runs the whole test suite: unit tests of every crate and the black-box suite in tests/
# (HTTP and headless Chromium), on SQLite and, when a server is reachable, PostgreSQL.
#   FIELDSCHOOL_TEST_DATABASE_URL      PostgreSQL server for per-test databases
#                                      (default: postgres://postgres@127.0.0.1:5432/test if reachable)
#   FIELDSCHOOL_TEST_REQUIRE_POSTGRES=1  fail instead of skipping the PostgreSQL runs
# Extra arguments go to the test binaries, e.g. `scripts/test.sh home_page`.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_default=postgres://postgres@127.0.0.1:5432/test
if [ -z "${FIELDSCHOOL_TEST_DATABASE_URL:-}" ]; then
  if timeout 3 bash -c '</dev/tcp/127.0.0.1/5432' 2>/dev/null; then
    export FIELDSCHOOL_TEST_DATABASE_URL=$pg_default
  elif [ "${FIELDSCHOOL_TEST_REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "PostgreSQL is required but nothing listens on 127.0.0.1:5432" >&2
    exit 1
  else
    echo "note: no PostgreSQL on 127.0.0.1:5432; its test runs will be skipped" >&2
  fi
fi
if [ "${FIELDSCHOOL_TEST_REQUIRE_POSTGRES:-0}" = 1 ]; then
  host_port=$(printf '%s' "$FIELDSCHOOL_TEST_DATABASE_URL" | sed -E 's#^[a-z]+://([^@/]*@)?([^/:]+)(:([0-9]+))?/.*#\2 \4#')
  read -r pg_host pg_port <<<"$host_port"
  if ! timeout 5 bash -c "</dev/tcp/$pg_host/${pg_port:-5432}" 2>/dev/null; then
    echo "PostgreSQL is required but unreachable at $pg_host:${pg_port:-5432}" >&2
    exit 1
  fi
fi

# The test command installs and builds what the browser tests need, so they never skip.
export FIELDSCHOOL_TEST_REQUIRE_SITE=1
export FIELDSCHOOL_TEST_REQUIRE_BROWSER=1
export FIELDSCHOOL_TEST_REQUIRE_SCHEMATHESIS=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
rm -rf target/accessibility
status=0
cargo test --workspace --locked -- "$@" 2>&1 | tee "$log" || status=$?
# The service worker's rules, with Node's own test runner (no packages needed).
if [ "$#" = 0 ]; then
  node --test frontend/offline/ 2>&1 | tee -a "$log" || status=$?
fi
# What the accessibility crawl noted without failing (moderate and minor findings).
if compgen -G "target/accessibility/*.txt" >/dev/null; then
  echo; echo "accessibility (axe-core):"; cat target/accessibility/*.txt
fi
# One closing line for the whole run, summed over every test binary and the Node tests.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
     /^# pass / { p += $3 } /^# fail / { f += $3 }
     END { printf "\ntests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
