#!/usr/bin/env bash
# make belasting: a load test on loopback. National-scale synthetic data in a throwaway
# PostgreSQL, regioreg under gunicorn, wrk with a mix of reads (API core question, gemeente
# page) and writes (new documents by a regiosecretariaat with a token) for a fixed time;
# writes docs/belasting.md (throughput, p50/p99, errors). Stops and cleans up by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

schaal_database belasting
eval "$($bin/python bench/belasting.py voorbereiden)"

echo "== belasting (${BENCH_DUUR:-30s}, ${BENCH_VERBINDINGEN:-8} verbindingen)"
poort=$(vrije_poort)
gunicorn_start "$poort"
$bin/python bench/belasting.py meten "http://127.0.0.1:$poort" > "$PG_TMP/belasting.json"
gunicorn_stop
cat "$PG_TMP/belasting.json"
$bin/python bench/belasting.py verslag "$PG_TMP/belasting.json" > docs/belasting.md
echo "Geschreven: docs/belasting.md"
