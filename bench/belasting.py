"""The load test of scripts/belasting.sh (make belasting), in three steps:

belasting.py voorbereiden                  a regiosecretariaat account with a token for one
                                           arrangement of the gemeente with the most
                                           deelnames; prints shell exports
belasting.py meten BASIS_URL FASE RONDE    wrk with bench/belasting.lua against the proxy in
                                           front of the app servers; one JSON line to stdout
belasting.py verslag JSONL                 docs/belasting.md to stdout
"""

import json
import os
import platform
import statistics
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


def meten(basis: str, fase: str, ronde: str) -> None:
    os.environ["BELASTING_FASE"] = f"{fase}-{ronde}"
    resultaat = wrk(basis + "/", "-s", str(SCRIPT), "--timeout", "10s")
    _django()
    from samenwerking.models import Document

    titel = f"Belastingtest {fase}-{ronde} "
    resultaat.update(
        fase=fase,
        ronde=int(ronde),
        gemeente=os.environ["BELASTING_GEMEENTE"],
        documenten_geschreven=Document.objects.filter(titel__startswith=titel).count(),
        geschiedenis_geschreven=Document.history.filter(
            titel__startswith=titel, history_user__username="belasting"
        ).count(),
        # How busy the shared machine was (load average over the last minute, at the end).
        load=os.getloadavg()[0],
        machine=f"{platform.machine()}, {os.cpu_count()} kernen, "
        f"Python {platform.python_version()}",
    )
    print(json.dumps(resultaat))


def _getal(waarde: float, decimalen: int = 1) -> str:
    return f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",")


def _ms(waarde: float) -> str:
    return _getal(waarde) + " ms"


FASEN = {
    "cache-aan": "cache aan (Redis)",
    "cache-uit": "cache uit",
    "redis-weg": "cache aan, Redis halverwege gestopt",
}


def _rij(naam: str, metingen: list[dict]) -> str:
    def mediaan(sleutel):
        return statistics.median(m[sleutel] for m in metingen)

    return (
        f"| {naam} | {len(metingen)} | {_getal(mediaan('verzoeken_per_s'))} verzoeken/s | "
        f"{_ms(mediaan('p50_ms'))} | {_ms(mediaan('p99_ms'))} | "
        f"{sum(m['verzoeken'] for m in metingen)} | "
        f"{sum(m.get('status_4xx', 0) for m in metingen)} | "
        f"{sum(m.get('status_5xx', 0) for m in metingen)} | "
        f"{sum(m['fouten'] for m in metingen)} |"
    )


def verslag(pad: str) -> None:
    metingen = [json.loads(regel) for regel in Path(pad).read_text().splitlines() if regel]
    per_fase = {f: [m for m in metingen if m["fase"] == f] for f in FASEN}
    eerste = metingen[0]
    aan, uit = per_fase["cache-aan"], per_fase["cache-uit"]
    rondes = len(aan)
    # Ratios per round (cache on and off measured right after each other), then their median.
    verhoudingen = {
        sleutel: statistics.median(a[sleutel] / u[sleutel] for a, u in zip(aan, uit, strict=True))
        for sleutel in ("verzoeken_per_s", "p50_ms", "p99_ms")
    }
    weg = per_fase["redis-weg"]
    print(
        "\n".join(
            [
                "# Belastingtest",
                "",
                f"Gemaakt met `{COMMANDO}` (scripts/belasting.sh, bench/belasting.lua): een "
                "wegwerp-PostgreSQL met de echte gemeenten en synthetische gegevens op "
                "landelijke schaal (`genereer_schaaldata --seed 1`), één wegwerp-Redis, en "
                "**twee app-servers** (elk gunicorn met 2 workers) achter één adres: haproxy "
                "op loopback verdeelt de verzoeken om en om. wrk (1 thread, "
                f"{eerste['verbindingen']} verbindingen, {eerste['duur']} per meting) praat met "
                "haproxy. Alles draait op één gedeelde machine met 2 kernen: de servers, de "
                "database, Redis, haproxy en wrk delen die kernen, dus de getallen zeggen iets "
                "over de verhoudingen, niet over wat twee echte machines halen.",
                "",
                "De mix, per 20 verzoeken: 9 keer de kernvraag van de API "
                f"(`/api/v1/gemeenten/{eerste['gemeente']}/samenwerkingsverbanden`), 9 keer de "
                f"gemeentepagina (`/gemeenten/{eerste['gemeente']}/`) en 2 schrijfacties: een "
                "nieuw document bij een samenwerkingsverband (`POST /api/v1/documenten`) met het "
                "token van een regiosecretariaat van dat verband, dus met rechtencontrole, de "
                "controles van de service en een regel in de geschiedenis. De limiet voor "
                "anonieme verzoeken staat uit: al het verkeer komt van één adres. Met de cache "
                "aan komen de anonieme leesverzoeken uit Redis zolang het register niet "
                "veranderde; elke schrijfactie maakt een nieuwe versie van het register, die "
                "beide servers binnen `REGISTER_VERSIE_SECONDEN` (0,5 s) zien; daarna maakt de "
                "eerste lezer het antwoord opnieuw. wrk wacht tot 10 s op een antwoord; wat "
                "langer duurt, telt als fout.",
                "",
                f"- Machine: {eerste['machine']}; load average (1 min) aan het eind van de "
                f"metingen: {_getal(min(m['load'] for m in metingen))} tot "
                f"{_getal(max(m['load'] for m in metingen))} (andere processen op de machine "
                "tellen mee).",
                f"- Cache aan en uit: {rondes} rondes, in elke ronde de twee metingen direct "
                "na elkaar (de servers opnieuw gestart met `PAGINA_CACHE_SECONDEN=300` of `0`). "
                "In de tabel de mediaan over de rondes; verzoeken en fouten opgeteld.",
                "",
                "| meting | rondes | doorvoer | p50 | p99 | verzoeken | 4xx | 5xx "
                "| fouten (niet-2xx/3xx en socket) |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
                *(_rij(FASEN[f], per_fase[f]) for f in FASEN if per_fase[f]),
                "",
                "Cache aan ten opzichte van uit (mediaan van de verhouding per ronde): doorvoer "
                f"× {_getal(verhoudingen['verzoeken_per_s'], 2)}, p50 × "
                f"{_getal(verhoudingen['p50_ms'], 2)}, p99 × {_getal(verhoudingen['p99_ms'], 2)}.",
                "",
                "**Redis halverwege gestopt:** dezelfde mix met de cache aan, "
                + (f"{weg[0]['duur']} lang; " if weg else "")
                + "halverwege de meting stopt het script redis-server. Vanaf dan maken de "
                "servers elk antwoord opnieuw uit PostgreSQL (regioreg.rediscache) en melden "
                "zij de storing één keer in hun log. "
                + (
                    f"Van de {weg[0]['verzoeken']} verzoeken kregen er "
                    f"{weg[0].get('status_5xx', 0)} een 5xx-antwoord; geschreven: "
                    f"{weg[0]['documenten_geschreven']} documenten."
                    if weg
                    else "Niet gemeten."
                ),
                "",
                "Geschreven over alle metingen: "
                f"{sum(m['documenten_geschreven'] for m in metingen)} documenten, met "
                f"{sum(m['geschiedenis_geschreven'] for m in metingen)} regels in de "
                "geschiedenis op naam van het schrijvende account.",
                "",
                "Opnieuw meten: `make belasting` (duur per meting, verbindingen en rondes via "
                "BENCH_DUUR, BENCH_VERBINDINGEN en BELASTING_RONDES; standaard 15s, 8 en 3; de "
                "meting met Redis gestopt: BELASTING_REDIS_WEG_DUUR, standaard 20s). "
                "Het script stopt zelf en ruimt database, Redis, haproxy en gunicorn op.",
                "",
            ]
        )
    )


if __name__ == "__main__":
    stap, *rest = sys.argv[1:]
    {"voorbereiden": voorbereiden, "meten": meten, "verslag": verslag}[stap](*rest)
