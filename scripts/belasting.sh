#!/usr/bin/env bash
# make belasting: a load test on loopback. National-scale synthetic data in a throwaway
# PostgreSQL, regioreg under gunicorn, wrk with a mix of reads (API core question, gemeente
# page) and writes (new documents by a regiosecretariaat with a token) for a fixed time;
# writes docs/belasting.md (throughput, p50/p99, errors). Stops and cleans up by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

ensure_apt wrk:wrk
PG_EXTRA_OPTS="-c shared_buffers=256MB -c work_mem=16MB" pg_start

# Plain http on loopback: no https redirect, no anonymous rate limit (one client address).
export SECRET_KEY=belasting-alleen DEBUG=false ALLOWED_HOSTS=localhost,127.0.0.1
export SECURE_SSL_REDIRECT=false API_LIMIET_ANONIEM= STATIC_ROOT="$PG_TMP/static"
$bin/python manage.py migrate --no-input -v0
$bin/python manage.py collectstatic --no-input -v0
$bin/python manage.py laad_referentiedata >/dev/null
$bin/python manage.py genereer_schaaldata --seed 1 >/dev/null
psql -q "$DATABASE_URL" -c "vacuum analyze" >/dev/null
eval "$($bin/python bench/belasting.py voorbereiden)"

echo "== belasting (${BENCH_DUUR:-30s}, ${BENCH_VERBINDINGEN:-8} verbindingen)"
poort=$(vrije_poort)
gunicorn_start "$poort"
$bin/python bench/belasting.py meten "http://127.0.0.1:$poort" > "$PG_TMP/belasting.json"
gunicorn_stop
cat "$PG_TMP/belasting.json"
$bin/python bench/belasting.py verslag "$PG_TMP/belasting.json" > docs/belasting.md
echo "Geschreven: docs/belasting.md"
