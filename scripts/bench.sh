#!/usr/bin/env bash
# make bench: measure every surface on national-scale synthetic data in a throwaway
# PostgreSQL, then throughput under gunicorn with wrk; writes docs/performance.md.
# `scripts/bench.sh invoer` measures only the spreadsheet import in the admin (preview and
# confirmation of 20,000 deelnames) on the same data and prints it, without writing the report;
# `scripts/bench.sh regio` the same for a region sheet of 400 rows (bench/regio_indeling.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

schaal_database bench

if [ "${1:-}" = invoer ]; then
    echo "== import in het beheer (alleen deze meting)"
    $bin/python bench/invoer.py
    exit 0
fi
if [ "${1:-}" = regio ]; then
    echo "== regio-indeling in het beheer (alleen deze meting)"
    $bin/python bench/regio_indeling.py
    exit 0
fi

export BENCH_UITVOER="$PG_TMP/resultaten.json"
# The real export of the national register and OpenGR (not in the repository).
export REGIOREG_BRONNEN=${REGIOREG_BRONNEN:-$(cd .. && pwd)/shared/data}

echo "== reactietijden"
$bin/python bench/meten.py
echo "== OpenGR-import"
$bin/python bench/opengr.py
echo "== landelijk register: eerste en tweede import"
$bin/python bench/roo.py
echo "== import in het beheer"
$bin/python bench/invoer.py
echo "== regio-indeling in het beheer"
$bin/python bench/regio_indeling.py

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
