#!/usr/bin/env bash
# Serve regioreg for a first look: migrate, load the real reference data and the national
# register (scripts/vullen.sh says from where), make an admin account when DJANGO_SUPERUSER_*
# is set, and serve it under gunicorn (Django's development server with DEBUG=true).
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
py=.venv/bin/python

# DEBUG=false (make run's default) behaves as production for a visitor: Dutch error pages,
# collected static files served by WhiteNoise. Plain http on this machine, so no https
# redirect or secure-only cookies, and a local secret key kept in .venv/ (never committed).
if [ "${DEBUG:-false}" != "true" ]; then
    geheim=.venv/regioreg-secret-key
    [ -s "$geheim" ] || $py -c 'import secrets; print(secrets.token_urlsafe(50))' > "$geheim"
    export SECRET_KEY=${SECRET_KEY:-$(cat "$geheim")}
    export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],${host}}
    export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
    export SECURE_COOKIES=${SECURE_COOKIES:-false}
    export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0}
    $py manage.py collectstatic --no-input -v0
fi

scripts/vullen.sh

if [ -n "${DJANGO_SUPERUSER_USERNAME:-}" ] && [ -n "${DJANGO_SUPERUSER_PASSWORD:-}" ]; then
    $py manage.py beheeraccount
else
    echo "Geen beheeraccount aangemaakt. Maak er een met:"
    echo "  DJANGO_SUPERUSER_USERNAME=beheer DJANGO_SUPERUSER_PASSWORD=... make run"
    echo "of: .venv/bin/python manage.py createsuperuser"
fi

echo "regioreg draait op http://${host}:${port}/  (beheer: http://${host}:${port}/admin/)"
if [ "${DEBUG:-false}" = "true" ]; then
    # Django's development server: it reloads on a change in the code (its console is English).
    exec $py manage.py runserver "${host}:${port}"
fi
echo "Stoppen: Ctrl-C."
# As in production (Dockerfile): gunicorn with gunicorn.conf.py, WhiteNoise serving the static
# files collected above. One worker with threads, as SQLite and the page cache in the worker's
# memory want; on the console only warnings and errors (gunicorn's own lines are English).
exec .venv/bin/gunicorn regioreg.wsgi:application --config gunicorn.conf.py \
    --bind "${host}:${port}" --workers 1 --threads 4 --log-level warning
