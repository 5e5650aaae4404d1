"""Latency benchmark of every surface on national-scale synthetic data (PostgreSQL).

Run by scripts/bench.sh (`make bench`) after the data is generated; prints a table and writes
the figures as JSON for bench/verslag.py. Every figure is the median (and p95) of repeated
runs in this process, after warm-up; a single timing is never reported.
"""

import json
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

# The app loaded as a server's worker loads it, with what its start-up does (regioreg/wsgi.py).
import regioreg.wsgi  # noqa: E402, F401
from bench.meting import Meting, ijkmeting, meet, meet_afwisselend, uitvoer  # noqa: E402
from bench.vloer import kernvraag_vloer  # noqa: E402
from raad.exports import verbonden_partijen_bestand  # noqa: E402
from raad.selectors import verbonden_partijen  # noqa: E402
from samenwerking.models import Deelname, Domein, Gemeente, Samenwerkingsverband  # noqa: E402

API_BASIS = "http://localhost/api/v1/"  # what the test client's answers link to


def _rondgang(urls: list[str], client: Client, **extra) -> Callable[[], None]:
    """One run = one request to each URL; the figure is per request."""

    def doe():
        for url in urls:
            antwoord = client.get(url, **extra)
            assert antwoord.status_code == 200, (url, antwoord.status_code)

    return doe


def per_verzoek(meting: Meting, aantal: int) -> Meting:
    for veld in ("mediaan_ms", "p95_ms", "min_ms", "max_ms"):
        setattr(meting, veld, getattr(meting, veld) / aantal)
    return meting


def main() -> None:
    # Every figure is the real work first: the page cache is off except where a line says so.
    cache_seconden = settings.PAGINA_CACHE_SECONDEN or 300
    settings.PAGINA_CACHE_SECONDEN = 0
    client = Client(SERVER_NAME="localhost")
    vandaag = timezone.localdate()
    top10 = list(
        Gemeente.objects.actief_op(vandaag)
        .annotate(n=Count("deelnames"))
        .order_by("-n", "cbs_code")[:10]
    )
    grootste = (
        Samenwerkingsverband.objects.annotate(n=Count("deelnames")).order_by("-n", "pk").first()
    )
    metingen: list[Meting] = [ijkmeting("bij het begin")]

    # The core API endpoint for the ten gemeenten with the most arrangements, and its floor,
    # measured in turn so that their ratio holds on a machine whose load changes.
    api_urls = [f"/api/v1/gemeenten/{g.cbs_code}/samenwerkingsverbanden" for g in top10]
    # Like with like: the floor writes the same document as the endpoint (also tested).
    eerste = json.loads(kernvraag_vloer(connection, top10[0].cbs_code, vandaag, API_BASIS))
    assert eerste == client.get(api_urls[0]).json(), "vloer en API geven niet hetzelfde antwoord"
    kern, vloer = (
        per_verzoek(meting, len(top10))
        for meting in meet_afwisselend(
            {
                "API kernvraag (10 gemeenten met de meeste verbanden)": _rondgang(api_urls, client),
                "  vloer: één SQL-query via psycopg + json": lambda: [
                    kernvraag_vloer(connection, g.cbs_code, vandaag, API_BASIS) for g in top10
                ],
            }
        )
    )
    kern.doel_ms = 30
    metingen.append(kern)
    verhouding = kern.mediaan_ms / vloer.mediaan_ms
    vloer.toelichting = f"verhouding API/vloer: {verhouding:.2f}× (doel ≤ 3×)"
    metingen.append(vloer)

    settings.PAGINA_CACHE_SECONDEN = cache_seconden
    for naam, urls in (("API kernvraag", api_urls), ("Gemeentepagina", None)):
        urls = urls or [f"/gemeenten/{g.cbs_code}/" for g in top10]
        metingen.append(
            per_verzoek(
                meet(
                    f"  {naam} uit de paginacache (register ongewijzigd, anoniem)",
                    _rondgang(urls, client),
                ),
                len(urls),
            )
        )
    settings.PAGINA_CACHE_SECONDEN = 0

    pagina_urls = [f"/gemeenten/{g.cbs_code}/" for g in top10]
    overzicht = per_verzoek(
        meet("Gemeentepagina (dezelfde 10 gemeenten)", _rondgang(pagina_urls, client)),
        len(top10),
    )
    overzicht.doel_ms = 60
    metingen.append(overzicht)
    top = f"/gemeenten/{top10[0].cbs_code}"
    for naam, pad, doel_ms in (
        (
            f"Pagina van het grootste verband ({grootste.deelnames.count()} deelnemers)",
            f"/samenwerkingsverbanden/{grootste.slug or grootste.uuid}/",  # not the redirect
            80,
        ),
        ("Art. 27-register (gemeente met de meeste verbanden)", f"{top}/register/", None),
        ("Verbonden partijen XLSX, één gemeente", f"{top}/verbonden-partijen/?formaat=xlsx", 300),
        ("P&C-kalender als iCal-feed (zelfde gemeente)", f"{top}/kalender.ics", None),
        # Issue 19: the extended list, the comparisons per inwoner, over the years and per
        # domein; the page targets of the pages they sit beside.
        (
            "Verbonden partijen XLSX uitgebreid, één gemeente",
            f"{top}/verbonden-partijen/?formaat=xlsx&kolommen=uitgebreid",
            300,
        ),
        ("Bijdragen over de jaren (zelfde gemeente)", f"{top}/over-de-jaren/", 60),
        # Drawn once per process from the OpenAPI document (samenwerking/api/naslag.py).
        ("API-documentatie (na de eerste keer)", "/api/v1/docs/", 60),
        (
            "API kosten per inwoner (grootste verband)",
            f"/api/v1/samenwerkingsverbanden/{grootste.uuid}/kosten-per-inwoner",
            80,
        ),
        *(
            (f"Ranglijst domein {domein.naam}", f"/domeinen/{domein.code}/", 80)
            for domein in Domein.objects.annotate(n=Count("samenwerkingsverbanden")).order_by(
                "-n", "code"
            )[:1]
        ),
    ):
        metingen.append(meet(naam, _rondgang([pad], client), doel_ms=doel_ms))

    alle = list(Gemeente.objects.actief_op(vandaag).order_by("cbs_code"))

    def alle_xlsx():
        for g in alle:
            verbonden_partijen_bestand(
                verbonden_partijen(g, jaar=vandaag.year, modus="begroting"), "xlsx"
            )

    metingen.append(
        meet(
            f"Verbonden partijen XLSX, alle {len(alle)} gemeenten",
            alle_xlsx,
            doel_ms=60_000,
            herhalingen=3,
            opwarmen=1,
        )
    )

    metingen.append(ijkmeting("aan het eind"))

    omvang = {
        "samenwerkingsverbanden": Samenwerkingsverband.objects.count(),
        "deelnames": Deelname.objects.count(),
        "bijdragen": connection.cursor()
        .execute("select count(*) from samenwerking_bijdrage")
        .fetchone()[0],
    }
    uitvoer().write_text(
        json.dumps(
            {
                "machine": f"{platform.node()} · {platform.processor() or platform.machine()} · "
                f"{os.cpu_count()} kernen · Python {platform.python_version()} · "
                f"PostgreSQL {connection.pg_version // 10000}",
                "datum": timezone.now().isoformat(timespec="seconds"),
                "omvang": omvang,
                "top_gemeente": top10[0].cbs_code,
                "metingen": [m.als_json() for m in metingen],
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
