#!/usr/bin/env bash
# Serve regioreg on its own database (demo.sqlite3) filled with synthetic national-scale data:
# the real gemeenten, ~1,800 invented arrangements, boards and ten years of money. Every page
# shows a "synthetische voorbeeldgegevens" banner. The first start generates the data (~30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
py=.venv/bin/python
export DATABASE_URL="sqlite:///$PWD/demo.sqlite3" REGIOREG_DEMO=true DEBUG=${DEBUG:-true}

$py manage.py migrate --no-input -v0
$py manage.py laad_referentiedata
if $py manage.py shell --no-imports -c "import sys; from samenwerking.models import Samenwerkingsverband as S; sys.exit(0 if S.objects.filter(bron__startswith='synthetisch').exists() else 1)"; then
    echo "De synthetische gegevens staan er al."
else
    $py manage.py genereer_schaaldata --seed 1
fi
echo "regioreg-demo (synthetische gegevens) draait op http://${host}:${port}/"
exec $py manage.py runserver "${host}:${port}"
