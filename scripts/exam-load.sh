#!/usr/bin/env bash
# Exam-day load benchmark. Builds the server and the load generator (release), starts the
# server on a fresh database with the demo data — SQLite by default, `postgres` for a new
# database on $FIELDSCHOOL_TEST_DATABASE_URL's server — then 200 signed-in learners submit
# the graded quiz as fast as it answers for 20 s. Prints submissions per second, latency
# percentiles and the server's peak resident memory.
#   scripts/exam-load.sh [sqlite|postgres]     (CLIENTS=…, DURATION=… to change the run)
# PAGE=quiz or PAGE=outline has the learners load that page of the class instead of submitting.
# RATE=N offers a steady N submissions a second (open loop) instead of sending again as soon
# as each is answered: the latency a learner sees at that load.
# PROFILE=1 also samples the server's CPU with `perf record` (cpu-clock, 999 Hz) during
# the whole run and prints the functions where it spent its time (Debian's linux-perf).
# SERVER_LOG=file keeps what the server wrote to its standard output and error.
# CALLGRIND=1 runs the server under `valgrind --tool=callgrind` instead, counting the
# instructions it executes while the learners submit (not while they sign in): the same
# figure on a busy machine as on an idle one. Use few learners (CLIENTS=20): it runs about
# fifty times slower.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
backend=${1:-sqlite}
clients=${CLIENTS:-200}
duration=${DURATION:-20}

scripts/build-bench.sh --release

work=$(mktemp -d)
db_name=""
admin=${FIELDSCHOOL_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
if [ "$backend" = postgres ]; then
  db_name="fs_load_$(date +%s)"
  psql "$admin" -qc "CREATE DATABASE $db_name"
  database_url="${admin%/*}/$db_name"
else
  database_url="sqlite://data/load.db"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$work"
# The built site, so that pages link their stylesheet and islands as they do in production.
# A token for /metrics, where the server counts its group writes of attempts.
metrics_token="exam-load-$RANDOM$RANDOM"
export DATABASE_URL=$database_url FIELDSCHOOL_SERVER__PORT=$port FIELDSCHOOL_LOG__FILTER=warn \
  FIELDSCHOOL_SITE__ROOT="$root/target/site" FIELDSCHOOL_METRICS__TOKEN=$metrics_token
"$root/target/release/fieldschool" seed-demo >/dev/null
if [ "${CALLGRIND:-0}" = 1 ]; then
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.out" \
    "$root/target/release/fieldschool" serve >"$work/server.log" 2>&1 &
else
  "$root/target/release/fieldschool" serve >"$work/server.log" 2>&1 &
fi
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ -n "${SERVER_LOG:-}" ]; then cp "$work/server.log" "$SERVER_LOG"; fi
  if [ -n "$db_name" ]; then psql "$admin" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"; fi
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1200); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
# Peak resident memory of the server process, sampled five times a second.
(
  peak=0
  while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak"
    sleep 0.2
  done
) &
echo "backend $backend"
"$root/target/release/examples/exam_load" --url "http://127.0.0.1:$port" --clients "$clients" \
  --seconds "$duration" --server-pid "$server" ${RATE:+--rate "$RATE"} ${PAGE:+--page "$PAGE"} \
  2> >(tee "$work/load.err" >&2) > >(tee "$work/load.out") &
load=$!
# PostgreSQL's side of the submissions: its processes' CPU, and its commits and inserted
# rows (pg_stat_database), from when the learners are signed in to the end of the run.
pg_cpu() { # CPU seconds used so far by the PostgreSQL server's processes
  local ticks=0 pid
  for pid in $(pgrep -x postgres); do
    ticks=$(( ticks + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$ticks"
}
pg_counts() {
  psql "$admin" -Atc "SELECT xact_commit, tup_inserted FROM pg_stat_database WHERE datname = '$db_name'"
}
# The group writes' counters (fieldschool_attempt_group_*), as "name value" lines.
group_counts() {
  curl -fs -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$port/metrics" \
    | awk '/^fieldschool_attempt_group_/ { print $1, $2 }'
}
until grep -q prepared "$work/load.err" 2>/dev/null; do sleep 0.1; done
groups_before=$(group_counts)
if [ "${CALLGRIND:-0}" = 1 ]; then callgrind_control -i on "$server" >/dev/null; fi
if [ -n "$db_name" ]; then
  pg_before=$(pg_cpu); counts_before=$(pg_counts)
fi
if [ "${PROFILE:-0}" = 1 ]; then
  # Only the submissions: sampling starts once the learners are signed in.
  perf record -e cpu-clock -F 999 -g -p "$server" -o "$work/perf.data" -- sleep "$duration" \
    >/dev/null 2>&1
fi
wait "$load"
groups_after=$(group_counts)
if [ "${CALLGRIND:-0}" = 1 ]; then
  callgrind_control -i off "$server" >/dev/null
  kill "$server"; wait "$server" 2>/dev/null || true
  until grep -q 'graded and stored' "$work/load.out" 2>/dev/null; do sleep 0.1; done
  stored=$(grep -oE '[0-9]+ graded and stored' "$work/load.out" | grep -oE '^[0-9]+')
  total=$(callgrind_annotate "$work/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo "instructions while submitting: $total, $(( total / stored )) per graded and stored submission"
  cp "$work/callgrind.out" "$root/target/exam-load.callgrind"
  echo "by function (self, top 25; the whole profile: target/exam-load.callgrind):"
  callgrind_annotate --threshold=100 "$work/callgrind.out" 2>/dev/null \
    | grep -E '^ *[0-9,]+ \(' | head -25 || true
fi
# What the writes of attempts together cost over the run: rows per write, and per write
# the time rows waited in the queue, then beginning, inserting, committing.
awk -v before="$groups_before" -v after="$groups_after" 'BEGIN {
  n = split(before, lines, "\n"); for (i = 1; i <= n; i++) { split(lines[i], f, " "); b[f[1]] = f[2] }
  n = split(after, lines, "\n"); for (i = 1; i <= n; i++) { split(lines[i], f, " "); d[f[1]] = f[2] - b[f[1]] }
  p = "fieldschool_attempt_group_"; writes = d[p "writes_total"]; rows = d[p "rows_total"]
  if (writes == 0) exit
  s = p "seconds_total{phase=\""
  printf "group writes: %d, %.1f rows each; per write: %.2f ms begin, %.2f ms insert, %.2f ms commit; a row waited %.2f ms in the queue\n",
    writes, rows / writes, d[s "begin\"}"] / writes * 1e3, d[s "insert\"}"] / writes * 1e3,
    d[s "commit\"}"] / writes * 1e3, d[s "queued\"}"] / rows * 1e3
}'
# The server's memory as the run ends: its own (anonymous) pages and the pages of files
# it maps (its program's code, mostly).
awk '/^(Rss|Anonymous|Pss_File):/ { printf "%s %d MB  ", $1, $2 / 1024 } END { print "" }' \
  "/proc/$server/smaps_rollup" 2>/dev/null || true
# Resident pages by file mapped (the program, the C libraries), largest first.
awk '/^[0-9a-f]+-[0-9a-f]+ / { file = ($6 == "" ? "[anonymous]" : $6) }
  /^Rss:/ { rss[file] += $2 }
  END { for (f in rss) if (f != "[anonymous]" && rss[f] >= 256) printf "%d KB %s\n", rss[f], f }' \
  "/proc/$server/smaps" 2>/dev/null | sort -rn | head -6 | sed 's/^/  mapped: /' || true
if [ -n "$db_name" ]; then
  pg_after=$(pg_cpu); counts_after=$(pg_counts)
  IFS='|' read -r commits_before rows_before <<<"$counts_before"
  IFS='|' read -r commits_after rows_after <<<"$counts_after"
  echo "PostgreSQL: $(( (pg_after - pg_before) / duration ))% of one core;" \
    "$(( commits_after - commits_before )) commits and $(( rows_after - rows_before )) rows inserted" \
    "(pg_stat_database, statistics sent by the backends at most every second)"
fi
if [ "${PROFILE:-0}" = 1 ]; then
  report() { perf report -i "$work/perf.data" --stdio --no-children --sort "$1" 2>/dev/null \
    | grep -E '^ +[0-9]' | sed -E 's/[[:space:]-]+$//' | head -"$2"; }
  echo "where the server's CPU went, by binary:"; report dso 6
  echo "by function (self time, top 40):"; report dso,symbol 40
fi
echo "server peak RSS over the whole run (sign-ins included): $(( $(cat "$work/peak") / 1024 )) MB"
