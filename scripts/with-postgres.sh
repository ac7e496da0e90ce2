#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server: initdb in a temporary folder, a free local
# port, DATABASE_URL pointing at it; the server is stopped and the folder removed on any exit.
#   scripts/with-postgres.sh .venv/bin/python -m pytest
set -euo pipefail

pg_bin() {
    local name=$1
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$found" ] && [ -x "$found/$name" ]; then echo "$found/$name"; return; fi
    echo "PostgreSQL server binaries ($name) not found: install the 'postgresql' package." >&2
    exit 1
}
INITDB=$(pg_bin initdb)
PG_CTL=$(pg_bin pg_ctl)

tmp=$(mktemp -d -t vusta-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    as_pg "$PG_CTL" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the server runs as the postgres user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$tmp"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$INITDB" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_CTL" -D "$tmp/data" -l "$tmp/server.log" -w -o \
    "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
echo "PostgreSQL ready on 127.0.0.1:$port (throwaway, in $tmp)"

status=0
DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "$@" || status=$?
exit "$status"
