#!/usr/bin/env bash
# Fill the database for a first look (make run): migrate, the reference data, and the national
# register (Register van Overheidsorganisaties):
#   1. from REGIOREG_BRONNEN (a folder with roo/exportOO_*.xml) when set,
#   2. else from ../shared/data when it exists,
#   3. else downloaded from its official address when this machine is online,
#   4. else not at all: regioreg starts with the reference gemeenten alone and its start page
#      says how to load the register.
# Every step is idempotent: a second run changes nothing. REGIOREG_OPENGR=ja also reads OpenGR
# (2016) from the same folder, as a historical source beside the register.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}

# Django lists every migration it applies (some seventy lines in English on a first run); the
# errors still show.
echo "Database bijwerken"
$py manage.py migrate --no-input -v0
$py manage.py laad_referentiedata

bronnen=${REGIOREG_BRONNEN:-}
if [ -z "$bronnen" ] && [ -d ../shared/data ]; then bronnen=../shared/data; fi
heeft_export() {
    local bestand
    [ -n "$bronnen" ] || return 1
    for bestand in "$bronnen"/roo/exportOO*.xml "$bronnen"/exportOO*.xml; do
        [ -f "$bestand" ] && return 0
    done
    return 1
}
online() {
    $py - <<'PY' 2>/dev/null
import os, sys, urllib.request
url = os.environ.get("ROO_DOWNLOAD_URL") or "https://organisaties.overheid.nl/archive/exportOO.xml"
try:
    urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=5).close()
except Exception:
    sys.exit(1)
PY
}

if heeft_export; then
    echo "Landelijk register uit $bronnen"
    REGIOREG_BRONNEN=$bronnen $py manage.py importeer_roo --rapport "${ROO_RAPPORT:-importrapport-roo.csv}"
elif online; then
    echo "Landelijk register downloaden"
    $py manage.py importeer_roo --download --rapport "${ROO_RAPPORT:-importrapport-roo.csv}"
else
    if [ -n "$bronnen" ]; then
        echo "Geen landelijk register: in $bronnen staat geen roo/exportOO_*.xml en er is geen internet."
    else
        echo "Geen landelijk register: geen REGIOREG_BRONNEN, geen ../shared/data en geen internet."
    fi
    echo "regioreg start met alleen de gemeenten; de startpagina zegt hoe u het register laadt:"
    echo "  .venv/bin/python manage.py importeer_roo --download"
fi

if [ "${REGIOREG_OPENGR:-}" = ja ] && [ -n "$bronnen" ] && [ -d "$bronnen/opengr" ]; then
    echo "OpenGR (2016) als historische bron"
    REGIOREG_BRONNEN=$bronnen $py manage.py importeer_opengr
fi
