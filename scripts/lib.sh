# Shared shell helpers for scripts/test.sh, bench.sh and belasting.sh (source this file).

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Nodig maar niet te installeren zonder root: $*" >&2; return 1; fi
}

apt_install() {
    echo "Installeren met apt: $*"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ensure_apt PACKAGE:COMMAND ... installs each Debian package whose command is missing.
ensure_apt() {
    local missing=() spec
    for spec in "$@"; do
        command -v "${spec#*:}" >/dev/null 2>&1 || [ -x "${spec#*:}" ] || missing+=("${spec%%:*}")
    done
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# pg_start: a throwaway PostgreSQL cluster in a temporary directory (as root via runuser),
# on a free port; exports DATABASE_URL and PG_TMP and stops and removes it on exit.
pg_start() {
    local pg_bin port
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
        apt_install postgresql
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    PG_BIN=$pg_bin
    PG_TMP=$(mktemp -d /tmp/regioreg-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$PG_TMP"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    trap opruimen EXIT
    _run_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    _run_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
        -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}" \
        start >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" PG_TMP PG_PORT=$port
    echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') op poort $port"
}

pg_stop() {
    if [ -n "${PG_TMP:-}" ]; then
        _run_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
        PG_TMP=
    fi
}

# opruimen: on exit, also when a step fails: the app servers, the proxy and Redis first, then
# the database (each only when it was started).
opruimen() {
    gunicorn_stop
    proxy_stop
    redis_stop
    pg_stop
}

# redis_start: a throwaway redis-server (Debian's package, installed when missing) on a free
# loopback port, without persistence, in a temporary directory; exports REDIS_TMP and
# TEST_REDIS_URL (not REDIS_URL: the suite runs with the in-process cache, the cache tests
# use this server on purpose). Stopped by its pid on exit.
redis_start() {
    ensure_apt redis-server:/usr/bin/redis-server
    local port
    port=$(vrije_poort)
    REDIS_TMP=$(mktemp -d /tmp/regioreg-redis.XXXXXX)
    trap opruimen EXIT
    /usr/bin/redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$REDIS_TMP" --daemonize yes --pidfile "$REDIS_TMP/redis.pid" \
        --logfile "$REDIS_TMP/redis.log"
    for _ in $(seq 50); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1
    done
    redis-cli -p "$port" ping >/dev/null 2>&1 || {
        echo "redis-server antwoordt niet op poort $port:" >&2; cat "$REDIS_TMP/redis.log" >&2
        return 1
    }
    export TEST_REDIS_URL="redis://127.0.0.1:$port/0" REDIS_TMP REDIS_PORT=$port
    echo "== Redis $(/usr/bin/redis-server --version | awk '{print $3}' | cut -d= -f2) op poort $port"
}

redis_stop() {
    if [ -n "${REDIS_TMP:-}" ]; then
        if [ -f "$REDIS_TMP/redis.pid" ]; then
            local pid
            pid=$(cat "$REDIS_TMP/redis.pid")
            kill "$pid" 2>/dev/null || true
            # redis-server writes its log and removes its pid file while it stops: wait for it
            # (at most 5 s) before the folder goes, or rm races it ("Directory not empty").
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
        rm -rf "$REDIS_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$REDIS_TMP" || true; }
        REDIS_TMP=
    fi
}

_run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# vrije_poort: a free TCP port on loopback.
vrije_poort() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# gunicorn_start PORT: the app under gunicorn (2 workers) on loopback, in the background, until
# it answers; call it again for a second server on another port. gunicorn_stop stops them all.
# On exit, also when a measurement fails, gunicorn is stopped before the database (opruimen).
GUNICORN_PIDS=()
gunicorn_start() {
    .venv/bin/gunicorn regioreg.wsgi:application --workers 2 --bind "127.0.0.1:$1" \
        --log-level warning &
    GUNICORN_PIDS+=($!)
    trap opruimen EXIT
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$1/" >/dev/null && return; sleep 0.2; done
    echo "gunicorn antwoordt niet op poort $1" >&2; return 1
}

gunicorn_stop() {
    local pid
    for pid in "${GUNICORN_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${GUNICORN_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    GUNICORN_PIDS=()
}

# proxy_start PORT SERVER_PORT...: haproxy (Debian's package, installed when missing) on
# loopback, sharing the requests round-robin among the app servers; exports PROXY_TMP.
proxy_start() {
    ensure_apt haproxy:/usr/sbin/haproxy
    local poort=$1 server n=0
    shift
    PROXY_TMP=$(mktemp -d /tmp/regioreg-proxy.XXXXXX)
    {
        printf 'global\n    maxconn 2000\n'
        printf 'defaults\n    mode http\n    timeout connect 5s\n    timeout client 150s\n'
        printf '    timeout server 150s\n'
        printf 'frontend regioreg\n    bind 127.0.0.1:%s\n    default_backend app\n' "$poort"
        printf 'backend app\n    balance roundrobin\n'
        for server in "$@"; do
            n=$((n + 1)); printf '    server app%s 127.0.0.1:%s\n' "$n" "$server"
        done
    } > "$PROXY_TMP/haproxy.cfg"
    /usr/sbin/haproxy -f "$PROXY_TMP/haproxy.cfg" -db >"$PROXY_TMP/log" 2>&1 &
    PROXY_PID=$!
    trap opruimen EXIT
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$poort") 2>/dev/null && return; sleep 0.1
    done
    echo "haproxy luistert niet op poort $poort:" >&2; cat "$PROXY_TMP/log" >&2; return 1
}

proxy_stop() {
    if [ -n "${PROXY_PID:-}" ]; then
        kill "$PROXY_PID" 2>/dev/null || true
        wait "$PROXY_PID" 2>/dev/null || true
        PROXY_PID=
    fi
    if [ -n "${PROXY_TMP:-}" ]; then rm -rf "$PROXY_TMP"; PROXY_TMP=; fi
}

# schaal_database NAME: a throwaway PostgreSQL with the real reference data and national-scale
# synthetic data (seed 1), statistics up to date, and the settings for plain http on loopback
# (no https redirect, no anonymous rate limit: every request comes from one address).
schaal_database() {
    ensure_apt wrk:wrk
    PG_EXTRA_OPTS="-c shared_buffers=256MB -c work_mem=16MB" pg_start
    export SECRET_KEY="$1-alleen" DEBUG=false ALLOWED_HOSTS=localhost,127.0.0.1
    export SECURE_SSL_REDIRECT=false API_LIMIET_ANONIEM= STATIC_ROOT="$PG_TMP/static"
    .venv/bin/python manage.py migrate --no-input -v0
    .venv/bin/python manage.py collectstatic --no-input -v0
    .venv/bin/python manage.py laad_referentiedata >/dev/null
    .venv/bin/python manage.py genereer_schaaldata --seed 1
    psql -q "$DATABASE_URL" -c "vacuum analyze" >/dev/null
}
