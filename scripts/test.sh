#!/usr/bin/env bash
# The whole check, as CI runs it: lint, format, migrations, then pytest against a throwaway
# PostgreSQL cluster, a throwaway redis-server (TEST_REDIS_URL, for tests/meerdere_servers)
# and Debian's Chromium. Both servers are removed even when tests fail.
# Extra arguments go to pytest, e.g. scripts/test.sh -k gemeente -x
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
. scripts/lib.sh

ensure_apt chromium:/usr/bin/chromium

export SECRET_KEY=${SECRET_KEY:-test-alleen-voor-tests}
# The external sources (the national register's export, OpenGR): tests that read them skip
# with the reason when the folder is absent (and fail in CI, which always has it).
export REGIOREG_BRONNEN=${REGIOREG_BRONNEN:-$(cd .. && pwd)/shared/data}
export DEBUG=false
echo "== ruff check";  $bin/ruff check .
echo "== ruff format"; $bin/ruff format --check .

pg_start
redis_start

export STATIC_ROOT="$PG_TMP/static"
echo "== collectstatic"
$bin/python manage.py collectstatic --no-input -v0

echo "== check --deploy (productie-instellingen: DEBUG=false, https, HSTS, veilige cookies)"
SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=regioreg.example.nl SECURE_SSL_REDIRECT=true SECURE_COOKIES=true \
    $bin/python manage.py check --deploy --fail-level WARNING

echo "== makemigrations --check"
$bin/python manage.py makemigrations --check --dry-run
if [ -f scripts/check_schema.sh ]; then echo "== OpenAPI-schema"; scripts/check_schema.sh; fi

echo "== pytest"
$bin/python -m pytest "$@"
