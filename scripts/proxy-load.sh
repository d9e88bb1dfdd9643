#!/usr/bin/env bash
# Exam-day load through the documented production setup, next to one instance direct, in
# one run: a fresh PostgreSQL database (on $FIELDSCHOOL_TEST_DATABASE_URL's server) with
# the demo data; two release instances configured by docs/deploy/fieldschool.toml; nginx
# with docs/deploy/nginx-fieldschool.conf terminating TLS (a certificate made here). The
# load generator (tests/bench/exam_load.rs) first submits straight to one instance, then
# through nginx to both, then through nginx again while one instance restarts. Prints
# the three runs.
#   scripts/proxy-load.sh        (CLIENTS=…, DURATION=… to change the runs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
clients=${CLIENTS:-200}
duration=${DURATION:-20}
admin=${FIELDSCHOOL_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

scripts/build-bench.sh --release
[ -d target/site/pkg ] || scripts/build-site.sh

work=$(mktemp -d)
db_name="fs_proxy_load_$(date +%s)"
psql "$admin" -qc "CREATE DATABASE $db_name"
export DATABASE_URL="${admin%/*}/$db_name" FIELDSCHOOL_LOG__FILTER=warn
pids=()
cleanup() {
  for pid in "${pids[@]}" $(cat "$work"/pid-* 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"
  rm -rf "$work"
}
trap cleanup EXIT

sed -e "s#/var/lib/fieldschool#$work/data#" -e "s#/opt/fieldschool/site#$root/target/site#" \
  docs/deploy/fieldschool.toml >"$work/fieldschool.toml"
cd "$work"
"$root/target/release/fieldschool" --config fieldschool.toml seed-demo >/dev/null

# The certificate: an authority of this run's own, and a certificate for 127.0.0.1 by it.
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout ca.key -out ca.pem -days 1 -subj "/CN=load test" 2>/dev/null
openssl req "${ec[@]}" -keyout server.key -out server.csr -subj /CN=localhost 2>/dev/null
printf 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n' >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
  -days 1 -extfile server.ext 2>/dev/null

ports=("$(free_port)" "$(free_port)")
# Each instance's process id is kept in pid-<port>, so a restarted one is stopped at exit too.
start_instance() {
  FIELDSCHOOL_SERVER__PORT=$1 "$root/target/release/fieldschool" --config fieldschool.toml serve \
    >>"instance-$1.log" 2>&1 &
  echo $! >"$work/pid-$1"
}
for port in "${ports[@]}"; do start_instance "$port"; done
proxy=$(free_port)
sed -e "s#server 127.0.0.1:3001 #server 127.0.0.1:${ports[0]} #" \
    -e "s#server 127.0.0.1:3002 #server 127.0.0.1:${ports[1]} #" \
    -e "s#listen 80;#listen 127.0.0.1:$(free_port);#" -e '/listen \[::\]/d' \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$proxy ssl http2;#" \
    -e "s#/etc/letsencrypt/live/lms.example.edu.vn/fullchain.pem#$work/server.pem#" \
    -e "s#/etc/letsencrypt/live/lms.example.edu.vn/privkey.pem#$work/server.key#" \
    -e "s#/var/log/nginx/fieldschool.access.log#off#" \
    "$root/docs/deploy/nginx-fieldschool.conf" | sed -e 's#access_log off fieldschool;#access_log off;#' >site.conf
cat >nginx.conf <<EOF
user root;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  access_log off;
  include $work/site.conf;
}
EOF
/usr/sbin/nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for port in "${ports[@]}"; do
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
done
for _ in $(seq 100); do curl -fs --cacert ca.pem "https://localhost:$proxy/readyz" >/dev/null && break; sleep 0.1; done

echo "one instance, direct (http://127.0.0.1:${ports[0]}):"
"$root/target/release/examples/exam_load" --url "http://127.0.0.1:${ports[0]}" \
  --clients "$clients" --seconds "$duration"
echo "two instances through nginx (https://localhost:$proxy, TLS, HTTP/1.1 keep-alive per client):"
"$root/target/release/examples/exam_load" --url "https://localhost:$proxy" --ca ca.pem \
  --clients "$clients" --seconds "$duration"
# The same, with the first instance restarted (SIGTERM, as systemctl sends) in the middle:
# "not acknowledged" is what learners saw fail (their devices send again under the same
# id; tests/system/deployment/restart.rs shows nothing is lost or stored twice).
echo "two instances through nginx, the first restarted $(( duration / 2 )) s into the run:"
(
  sleep $(( duration / 2 + 12 ))  # the generator first signs its learners in (about 10 s)
  started=$(date +%s%N)
  first=$(cat "$work/pid-${ports[0]}")
  kill -TERM "$first"
  while kill -0 "$first" 2>/dev/null; do sleep 0.05; done
  echo "instance stopped in $(( ($(date +%s%N) - started) / 1000000 )) ms"
  start_instance "${ports[0]}"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:${ports[0]}/readyz" >/dev/null && break; sleep 0.1; done
  echo "instance serving again $(( ($(date +%s%N) - started) / 1000000 )) ms after the SIGTERM"
) &
restarter=$!
"$root/target/release/examples/exam_load" --url "https://localhost:$proxy" --ca ca.pem \
  --clients "$clients" --seconds "$duration"
wait "$restarter" || true
