#!/usr/bin/env bash
# make bench: measure every surface on national-scale synthetic data in a throwaway
# PostgreSQL, then throughput under gunicorn with wrk; writes docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

ensure_apt wrk:wrk
PG_EXTRA_OPTS="-c shared_buffers=256MB -c work_mem=16MB" pg_start

export SECRET_KEY=bench-alleen DEBUG=false ALLOWED_HOSTS=localhost,127.0.0.1
export STATIC_ROOT="$PG_TMP/static" BENCH_UITVOER="$PG_TMP/resultaten.json"
$bin/python manage.py migrate --no-input -v0
$bin/python manage.py collectstatic --no-input -v0
$bin/python manage.py laad_referentiedata >/dev/null
$bin/python manage.py genereer_schaaldata --seed 1
psql -q "$DATABASE_URL" -c "vacuum analyze" >/dev/null

echo "== reactietijden"
$bin/python bench/meten.py
echo "== OpenGR-import"
$bin/python bench/opengr.py

echo "== doorvoer"
poort=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$bin/gunicorn regioreg.wsgi:application --workers 2 --bind "127.0.0.1:$poort" \
    --log-level warning --pid "$PG_TMP/gunicorn.pid" &
gunicorn_pid=$!
# Stop gunicorn before the database, also when a measurement fails.
trap 'kill $gunicorn_pid 2>/dev/null; wait $gunicorn_pid 2>/dev/null; pg_stop' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$poort/" >/dev/null && break; sleep 0.2; done
gemeente=$($bin/python -c "import json; print(json.load(open('$BENCH_UITVOER'))['top_gemeente'])")
$bin/python bench/doorvoer.py "http://127.0.0.1:$poort" \
    "/api/v1/gemeenten/$gemeente/samenwerkingsverbanden" "/gemeenten/$gemeente/"
kill $gunicorn_pid; wait $gunicorn_pid 2>/dev/null || true

$bin/python bench/verslag.py > docs/performance.md
echo "Geschreven: docs/performance.md"
