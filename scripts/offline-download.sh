#!/usr/bin/env bash
# Times saving the demo course for offline study in headless Chromium at Chrome's
# "Regular 2G" (250 kbit/s down, 50 kbit/s up, 300 ms) and prints its size and duration.
# Needs the built site and the browser tools (make test-tools site).
set -euo pipefail
cd "$(dirname "$0")/.."
FIELDSCHOOL_MEASURE_OFFLINE=1 FIELDSCHOOL_TEST_REQUIRE_BROWSER=1 FIELDSCHOOL_TEST_DATABASE_URL= \
  cargo test --locked -p fieldschool-tests -- --nocapture --exact \
  browser::offline::a_course_saved_for_offline_is_studied_and_synced_once::sqlite 2>&1 \
  | grep -E '^offline package|test result'
