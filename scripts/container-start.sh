#!/usr/bin/env sh
# Container entry point: bring the database up to date, load the reference data (idempotent),
# create the admin account when asked, remove import uploads nobody confirmed, then run the
# command (gunicorn by default, with its timeouts from gunicorn.conf.py: GUNICORN_TIMEOUT).
set -eu
python manage.py migrate --no-input
python manage.py laad_referentiedata
if [ -n "${DJANGO_SUPERUSER_USERNAME:-}" ] && [ -n "${DJANGO_SUPERUSER_PASSWORD:-}" ]; then
    python manage.py beheeraccount
fi
python manage.py opruimen_importbestanden
echo "gunicorn-timeout: ${GUNICORN_TIMEOUT:-120} s (GUNICORN_TIMEOUT)"
exec "$@"
