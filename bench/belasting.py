"""The load test of scripts/belasting.sh (make belasting), in three steps:

belasting.py voorbereiden      a regiosecretariaat account with a token for one arrangement
                               of the gemeente with the most deelnames; prints shell exports
belasting.py meten BASIS_URL   wrk with bench/belasting.lua against gunicorn; JSON to stdout
belasting.py verslag JSON      docs/belasting.md to stdout
"""

import json
import os
import platform
import sys
from pathlib import Path

from doorvoer import wrk

SCRIPT = Path(__file__).resolve().parent / "belasting.lua"
COMMANDO = "make belasting"


def _django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")
    import django

    django.setup()


def voorbereiden() -> None:
    _django()
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from rest_framework.authtoken.models import Token

    from samenwerking.models import Gemeente
    from toegang.models import Rol, RolSoort

    gemeente = Gemeente.objects.annotate(n=Count("deelnames")).order_by("-n").first()
    verband = gemeente.deelnames.order_by("pk").first().samenwerkingsverband
    gebruiker = get_user_model().objects.create_user("belasting", is_staff=True)
    rol = Rol.objects.create(gebruiker=gebruiker, soort=RolSoort.SECRETARIAAT)
    rol.samenwerkingsverbanden.add(verband)
    token = Token.objects.create(user=gebruiker)
    print(f"export BELASTING_GEMEENTE={gemeente.cbs_code}")
    print(f"export BELASTING_VERBAND={verband.uuid}")
    print(f"export BELASTING_TOKEN={token.key}")


def meten(basis: str) -> None:
    resultaat = wrk(basis + "/", "-s", str(SCRIPT))
    _django()
    from samenwerking.models import Document

    nieuw = Document.objects.filter(titel__startswith="Belastingtest")
    resultaat.update(
        gemeente=os.environ["BELASTING_GEMEENTE"],
        documenten_geschreven=nieuw.count(),
        geschiedenis_geschreven=Document.history.filter(
            titel__startswith="Belastingtest", history_user__username="belasting"
        ).count(),
        machine=f"{platform.machine()}, {os.cpu_count()} kernen, "
        f"Python {platform.python_version()}",
    )
    print(json.dumps(resultaat, indent=2))


def _ms(waarde: float) -> str:
    return f"{waarde:,.1f}".replace(",", " ").replace(".", ",") + " ms"


def verslag(pad: str) -> None:
    r = json.loads(Path(pad).read_text())
    doorvoer = f"{r['verzoeken_per_s']:.1f}".replace(".", ",")
    print(
        "\n".join(
            [
                "# Belastingtest",
                "",
                f"Gemaakt met `{COMMANDO}` (scripts/belasting.sh, bench/belasting.lua): een "
                "wegwerp-PostgreSQL met de echte gemeenten en synthetische gegevens op "
                "landelijke schaal (`genereer_schaaldata --seed 1`), regioreg onder gunicorn "
                f"(2 workers) en wrk (1 thread, {r['verbindingen']} verbindingen, {r['duur']}) "
                "op loopback, op een gedeelde machine met 2 kernen.",
                "",
                "De mix, per 20 verzoeken: 9 keer de kernvraag van de API "
                f"(`/api/v1/gemeenten/{r['gemeente']}/samenwerkingsverbanden`), 9 keer de "
                f"gemeentepagina (`/gemeenten/{r['gemeente']}/`) en 2 schrijfacties: een nieuw "
                "document bij een samenwerkingsverband (`POST /api/v1/documenten`) met het token "
                "van een regiosecretariaat van dat verband, dus met rechtencontrole, de controles "
                "van de service en een regel in de geschiedenis. De limiet voor anonieme "
                "verzoeken staat uit: al het verkeer komt van één adres. De paginacache staat "
                "aan, zoals standaard: de leesverzoeken zijn anoniem en komen uit de cache "
                "zolang het register niet veranderde; elke schrijfactie verandert het register, "
                "wat elke worker binnen een seconde ziet (`REGISTER_VERSIE_SECONDEN`). De "
                "doorvoer zonder cache staat in [performance.md](performance.md).",
                "",
                f"- Machine: {r['machine']}",
                "",
                "| doorvoer | p50 | p99 | verzoeken | fouten (niet-2xx en socket) |",
                "|---:|---:|---:|---:|---:|",
                f"| {doorvoer} verzoeken/s | {_ms(r['p50_ms'])} | {_ms(r['p99_ms'])} | "
                f"{r['verzoeken']} | {r['fouten']} |",
                "",
                f"Geschreven: {r['documenten_geschreven']} documenten, met "
                f"{r['geschiedenis_geschreven']} regels in de geschiedenis op naam van het "
                "schrijvende account.",
                "",
                "Opnieuw meten: `make belasting` (duur en verbindingen via BENCH_DUUR en "
                "BENCH_VERBINDINGEN). Het script stopt zelf na de ingestelde duur en ruimt de "
                "database en gunicorn op.",
                "",
            ]
        )
    )


if __name__ == "__main__":
    stap, *rest = sys.argv[1:]
    {"voorbereiden": voorbereiden, "meten": meten, "verslag": verslag}[stap](*rest)
