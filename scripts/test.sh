#!/usr/bin/env bash
# The whole check, as CI runs it: lint, format, migrations, then pytest against a throwaway
# PostgreSQL cluster and Debian's Chromium. The cluster is removed even when tests fail.
# Extra arguments go to pytest, e.g. scripts/test.sh -k gemeente -x
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Nodig maar niet te installeren zonder root: $*" >&2; return 1; fi
}

# --- system packages: PostgreSQL server and Chromium -------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installeren met apt: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# --- static checks -------------------------------------------------------------------------
export SECRET_KEY=${SECRET_KEY:-test-alleen-voor-tests}
export DEBUG=false
echo "== ruff check";  $bin/ruff check .
echo "== ruff format"; $bin/ruff format --check .

# --- throwaway PostgreSQL --------------------------------------------------------------------
tmp=$(mktemp -d /tmp/regioreg-pg.XXXXXX)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
port=$($bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
    run_pg "$pg_bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') op poort $port"

export STATIC_ROOT="$tmp/static"
echo "== collectstatic"
$bin/python manage.py collectstatic --no-input -v0

echo "== makemigrations --check"
$bin/python manage.py makemigrations --check --dry-run
if [ -f scripts/check_schema.sh ]; then echo "== OpenAPI-schema"; scripts/check_schema.sh; fi

echo "== pytest"
$bin/python -m pytest "$@"
