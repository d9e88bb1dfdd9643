#!/usr/bin/env bash
# Reports at national scale on PostgreSQL: a fresh database on $FIELDSCHOOL_TEST_DATABASE_URL's
# server gets 250,000 cadres × 20 competencies of evidence (12 million rows), then the gain
# report and the needs heat map are timed, nationally and for one province. The database is
# dropped afterwards unless KEEP=1 (then rerun with the printed URL to time again).
#   scripts/evidence-scale.sh          (LEARNERS=…, RUNS=… to change the run)
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${FIELDSCHOOL_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
db_name=${DB_NAME:-fs_scale_$(date +%s)}
scripts/build-bench.sh --release
if ! psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1; then
  psql "$admin" -qc "CREATE DATABASE $db_name"
fi
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then psql "$admin" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"; fi
}
trap cleanup EXIT
echo "database ${admin%/*}/$db_name"
./target/release/examples/evidence_scale --database-url "${admin%/*}/$db_name" \
  --learners "${LEARNERS:-250000}" --runs "${RUNS:-3}"
