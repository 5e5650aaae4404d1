#!/usr/bin/env bash
# make bench: measure every surface on national-scale synthetic data in a throwaway
# PostgreSQL, then throughput under gunicorn with wrk; writes docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

ensure_apt wrk:wrk
PG_EXTRA_OPTS="-c shared_buffers=256MB -c work_mem=16MB" pg_start

# Plain http on loopback: no https redirect, no anonymous rate limit (one client address).
export SECRET_KEY=bench-alleen DEBUG=false ALLOWED_HOSTS=localhost,127.0.0.1
export SECURE_SSL_REDIRECT=false API_LIMIET_ANONIEM=
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
poort=$(vrije_poort)
gemeente=$($bin/python -c "import json; print(json.load(open('$BENCH_UITVOER'))['top_gemeente'])")
paden=("/api/v1/gemeenten/$gemeente/samenwerkingsverbanden" "/gemeenten/$gemeente/")
PAGINA_CACHE_SECONDEN=0 gunicorn_start "$poort"
BENCH_SOORT=uit $bin/python bench/doorvoer.py "http://127.0.0.1:$poort" "${paden[@]}"
gunicorn_stop
gunicorn_start "$poort"
BENCH_SOORT=aan $bin/python bench/doorvoer.py "http://127.0.0.1:$poort" "${paden[@]}"
gunicorn_stop

$bin/python bench/verslag.py > docs/performance.md
echo "Geschreven: docs/performance.md"
