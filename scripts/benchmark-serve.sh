#!/usr/bin/env bash
# `make benchmark` (part): samverkan serve against Debian's nginx serving the same feed as a static
# file, both on loopback, each driven by wrk at 64 connections for 10 s: full responses and 304s.
# Prints requests per second, p99 latency, the server's peak resident memory, the CPU time each
# request cost each server (steadier than requests per second on a loaded machine), and the ratios to
# the issue's targets (full ≥ 50 % of nginx, 304 ≥ 80 % of nginx, p99 < 10 ms, RSS < 100 MB).
#
# Usage: scripts/benchmark-serve.sh [BINARY]   (default .build/release/samverkan)
# A benchmark, not a test: it reports, and exits 0 unless something could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/samverkan}"
duration="${DURATION:-10s}" connections="${CONNECTIONS:-64}"
for program in nginx wrk curl; do
  command -v "$program" >/dev/null || { echo "benchmark-serve: $program is missing (scripts/install-deps.sh benchmark)" >&2; exit 1; }
done
nginx_bin="$(command -v nginx)"

work="$(mktemp -d "${TMPDIR:-/tmp}/samverkan-serve-bench.XXXXXX")"
server_pid="" nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export SAMVERKAN_DATABASE="$work/db.sqlite" SAMVERKAN_TODAY=2025-06-01
config=Config/halland.yaml

token_url="$("$bin" feeds create --config "$config" --all --base-url http://127.0.0.1 | grep '^http://')"
token_path="/feeds/${token_url##*/feeds/}"
"$bin" serve --config "$config" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 200); do
  port="$(sed -n 's#^lyssnar på http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/serve.out")"
  [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.1
done
[ -n "$port" ] || { echo "benchmark-serve: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
server_url="http://127.0.0.1:$port$token_path"

mkdir -p "$work/www/feeds" "$work/nginx"
curl -sf "$server_url" -o "$work/www$token_path"
meetings="$("$bin" schedule --config "$config" --from 2025-03-01 --to 2026-06-01 --format json \
  | python3 -c 'import json,sys; print(sum(o["status"] in ("scheduled","moved","extra") for o in json.load(sys.stdin)["occurrences"]))')"
nginx_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$nginx_port$token_path" -o /dev/null && break; sleep 0.1; done
nginx_url="http://127.0.0.1:$nginx_port$token_path"
server_etag="$(curl -sI "$server_url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"
nginx_etag="$(curl -sI "$nginx_url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"

# CPU time (clock ticks) the processes used so far: the server, or nginx's master and workers.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
tick="$(getconf CLK_TCK)"
run_wrk() {  # run_wrk URL ETAG|"" PID... -> "requests/s p99-ms cpu-µs-per-request"
  local url="$1" etag="$2" out before after
  shift 2
  before="$(cpu_ticks "$@")"
  if [ -n "$etag" ]; then
    out="$(wrk -t2 -c"$connections" -d"$duration" --latency -H "If-None-Match: $etag" "$url")"
  else
    out="$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")"
  fi
  after="$(cpu_ticks "$@")"
  local rps p99 count
  rps="$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')"
  count="$(echo "$out" | awk '/ requests in / {print $1}')"
  p99="$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')"
  echo "$rps $p99 $(awk -v t="$((after - before))" -v n="$count" -v hz="$tick" 'BEGIN {printf "%.1f", n ? t / hz * 1e6 / n : 0}')"
}

nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid" || true))
read -r server_full server_full_p99 server_full_cpu < <(run_wrk "$server_url" "" "$server_pid")
read -r nginx_full nginx_full_p99 nginx_full_cpu < <(run_wrk "$nginx_url" "" "${nginx_pids[@]}")
read -r server_304 server_304_p99 server_304_cpu < <(run_wrk "$server_url" "$server_etag" "$server_pid")
read -r nginx_304 nginx_304_p99 nginx_304_cpu < <(run_wrk "$nginx_url" "$nginx_etag" "${nginx_pids[@]}")
rss_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")"
bytes="$(wc -c <"$work/www$token_path")"

python3 - "$meetings" "$bytes" "$server_full" "$nginx_full" "$server_304" "$nginx_304" \
  "$server_full_p99" "$nginx_full_p99" "$server_304_p99" "$nginx_304_p99" "$rss_kb" "$connections" "$duration" \
  "$server_full_cpu" "$nginx_full_cpu" "$server_304_cpu" "$nginx_304_cpu" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
m, size, sf, nf, s3, n3, sfp, nfp, s3p, n3p, rss, conns, dur, sfc, nfc, s3c, n3c, load = sys.argv[1:]
sf, nf, s3, n3 = map(float, (sf, nf, s3, n3)); sfp, nfp, s3p, n3p = map(float, (sfp, nfp, s3p, n3p))
rss_mb = int(rss) / 1024
print(f"samverkan serve vs nginx: a feed of {m} meetings ({size} bytes), {conns} connections, {dur} each")
print(f"{'':14}{'serve req/s':>12}{'nginx req/s':>12}{'ratio':>8}{'target':>8}{'serve p99':>11}{'nginx p99':>11}")
for name, s, n, target, sp, np_ in (("full 200", sf, nf, 0.5, sfp, nfp), ("304", s3, n3, 0.8, s3p, n3p)):
    ratio = s / n if n else 0
    print(f"{name:14}{s:12.0f}{n:12.0f}{ratio:8.2f}{target:8.2f}{sp:9.2f}ms{np_:9.2f}ms  {'ok' if ratio >= target else 'BELOW TARGET'}")
p99 = max(sfp, s3p)
print(f"server p99 {p99:.2f} ms (target < 10 ms): {'ok' if p99 < 10 else 'ABOVE TARGET'}")
print(f"server peak resident memory {rss_mb:.1f} MB (target < 100 MB): {'ok' if rss_mb < 100 else 'ABOVE TARGET'}")
# Requests per second follow whatever else the machine runs (wrk and the server share its cores);
# the CPU each request cost the server is steadier under load, so it is printed too.
print(f"CPU per request: full serve {sfc} µs, nginx {nfc} µs; 304 serve {s3c} µs, nginx {n3c} µs (load average {load})")
PY
