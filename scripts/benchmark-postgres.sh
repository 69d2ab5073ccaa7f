#!/usr/bin/env bash
# `make benchmark` (part): the PostgreSQL figures of issue 14, against a throwaway cluster this
# script starts itself (Debian's postgresql: initdb into a temporary folder, listening on
# 127.0.0.1 on a free port, run as the unprivileged `postgres` user when started as root since
# PostgreSQL refuses root) and stops at the end by the process id it started.
# Prints the ten-year report on PostgreSQL against SQLite, `minutes new` median, and the rate of
# 16 concurrent writers, each with its ratio to the target.
#
# Usage: scripts/benchmark-postgres.sh [BENCHMARK-BINARY]   (default .build/release/samverkan-benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/samverkan-benchmarks}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bindir/initdb" ] || { echo "benchmark-postgres: Debian's postgresql is missing (scripts/install-deps.sh benchmark)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/samverkan-pg-bench.XXXXXX")"
chmod 755 "$work"
as_server=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_server=(/usr/sbin/runuser -u postgres --)
fi
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -INT "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"${as_server[@]}" "$bindir/initdb" -D "$work/data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 >/dev/null
mkdir -p "$work/socket" && [ "$(id -u)" = 0 ] && chown postgres "$work/socket"
cat >>"$work/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/socket'
max_connections = 60
CONF
"${as_server[@]}" "$bindir/pg_ctl" -D "$work/data" -o "-p $port" -l "$work/server.log" -w -t 30 start >/dev/null
server_pid="$(head -1 "$work/data/postmaster.pid")"
"${as_server[@]}" "$bindir/psql" -h "$work/socket" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE bench LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE bench OWNER bench ENCODING 'UTF8' TEMPLATE template0"
echo "postgres: throwaway cluster $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync on, as installed)"
SAMVERKAN_BENCH_POSTGRES="postgres://bench:$password@127.0.0.1:$port/bench?sslmode=disable" "$bin" postgres
