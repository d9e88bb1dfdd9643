#!/usr/bin/env bash
# Prints the size of the demo course's content package and of every authoring page for it,
# raw and brotli-compressed as a browser fetches them. Needs a server with the demo data
# (`make run`).
#   scripts/authoring-weight.sh [ORIGIN]      default http://127.0.0.1:3000
set -euo pipefail
origin=${1:-http://127.0.0.1:3000}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
curl -s -c "$jar" -b "$jar" -o /dev/null -H "Origin: $origin" \
  -d 'username=gv.lan&password=giang-vien-lao-cai' "$origin/api/v1/auth/sign-in"
id=$(curl -s -b "$jar" "$origin/author" | grep -oE '/author/courses/[0-9a-f-]{36}' | head -1 | cut -d/ -f4)
[ -n "$id" ] || { echo "no demo course: run the server with the demo data" >&2; exit 1; }
measure() {
  local raw br
  raw=$(curl -s -b "$jar" -o /dev/null -w '%{size_download}' "$origin$1")
  br=$(curl -s -b "$jar" --compressed -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$origin$1")
  printf '%-58s %8d %8d\n' "$1" "$raw" "$br"
}
printf '%-58s %8s %8s\n' "what (demo course $id)" "bytes" "br"
measure "/api/v1/courses/$id/versions/1/package.json"
for page in "/author" "/author/courses/$id" "/author/courses/$id/bank" "/author/courses/$id/preview"; do
  measure "$page"
done
for a in a1 a2 a3 a4 a5 a6; do
  measure "/author/courses/$id/activities/$a"
  measure "/author/courses/$id/preview?activity=$a"
done
