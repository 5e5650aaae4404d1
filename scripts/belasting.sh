#!/usr/bin/env bash
# make belasting: a load test on loopback with two app servers. National-scale synthetic data
# in a throwaway PostgreSQL, one throwaway Redis, regioreg under gunicorn twice (2 workers
# each) behind haproxy, and wrk with a mix of reads (API core question, gemeente page) and
# writes (new documents by a regiosecretariaat with a token). Measures the cache on and off
# in alternating rounds, then the cache on with Redis stopped halfway; writes docs/belasting.md
# (throughput, p50/p99, 4xx/5xx, errors). Stops and cleans up by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

export BENCH_DUUR=${BENCH_DUUR:-15s}
weg_duur=${BELASTING_REDIS_WEG_DUUR:-20s}
rondes=${BELASTING_RONDES:-3}

schaal_database belasting
eval "$($bin/python bench/belasting.py voorbereiden)"
redis_start
export REDIS_URL=$TEST_REDIS_URL

poort_a=$(vrije_poort); poort_b=$(vrije_poort); poort=$(vrije_poort)
proxy_start "$poort" "$poort_a" "$poort_b"
basis="http://127.0.0.1:$poort"
metingen="$PG_TMP/belasting.jsonl"
: > "$metingen"

servers_start() {  # PAGINA_CACHE_SECONDEN
    PAGINA_CACHE_SECONDEN=$1 gunicorn_start "$poort_a"
    PAGINA_CACHE_SECONDEN=$1 gunicorn_start "$poort_b"
}

meten() {  # FASE RONDE
    $bin/python bench/belasting.py meten "$basis" "$1" "$2" | tee -a "$metingen"
}

for ronde in $(seq "$rondes"); do
    for cache in aan uit; do
        echo "== ronde $ronde, cache $cache ($BENCH_DUUR, ${BENCH_VERBINDINGEN:-8} verbindingen)"
        if [ "$cache" = aan ]; then servers_start 300; else servers_start 0; fi
        meten "cache-$cache" "$ronde"
        gunicorn_stop
    done
done

echo "== cache aan, Redis halverwege gestopt"
servers_start 300
BENCH_DUUR=$weg_duur meten redis-weg 1 &
meter=$!
seconden=${weg_duur%s}
sleep "$(python3 -c "print($seconden / 2)")"
redis_stop
echo "   redis-server gestopt"
wait "$meter"
gunicorn_stop

$bin/python bench/belasting.py verslag "$metingen" > docs/belasting.md
echo "Geschreven: docs/belasting.md"
