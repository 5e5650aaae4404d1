"""Latency benchmark of every surface on national-scale synthetic data (PostgreSQL).

Run by scripts/bench.sh (`make bench`) after the data is generated; prints a table and writes
the figures as JSON for bench/verslag.py. Every figure is the median (and p95) of repeated
runs in this process, after warm-up; a single timing is never reported.
"""

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
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

from bench.vloer import kernvraag_vloer  # noqa: E402
from raad.exports import verbonden_partijen_bestand  # noqa: E402
from raad.selectors import verbonden_partijen  # noqa: E402
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband  # noqa: E402

API_BASIS = "http://localhost/api/v1/"  # what the test client's answers link to
HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "30"))
OPWARMEN = 3


@dataclass
class Meting:
    naam: str
    doel_ms: float | None
    mediaan_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float
    metingen: int
    toelichting: str = ""

    @property
    def gehaald(self) -> bool | None:
        return None if self.doel_ms is None else self.mediaan_ms <= self.doel_ms


def meet(
    naam: str,
    doe: Callable[[], object],
    *,
    doel_ms=None,
    herhalingen=HERHALINGEN,
    opwarmen=OPWARMEN,
    toelichting="",
) -> Meting:
    for _ in range(opwarmen):
        doe()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        doe()
        tijden.append((time.perf_counter() - begin) * 1000)
    tijden.sort()
    meting = Meting(
        naam=naam,
        doel_ms=doel_ms,
        mediaan_ms=statistics.median(tijden),
        p95_ms=tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))],
        min_ms=tijden[0],
        max_ms=tijden[-1],
        metingen=len(tijden),
        toelichting=toelichting,
    )
    print(
        f"{naam:60s} mediaan {meting.mediaan_ms:8.1f} ms  p95 {meting.p95_ms:8.1f} ms", flush=True
    )
    return meting


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


def ijkmeting(wanneer: str) -> Meting:
    """A fixed piece of pure Python, no database: how fast this shared machine is right now.
    Two runs of the bench compare only when their ijkmetingen are alike."""
    return meet(
        f"Ijkmeting {wanneer}: vaste rekenopdracht in Python, zonder database",
        lambda: sum(i * i for i in range(200_000)),
    )


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

    # The core API endpoint for the ten gemeenten with the most arrangements, and its floor.
    api_urls = [f"/api/v1/gemeenten/{g.cbs_code}/samenwerkingsverbanden" for g in top10]
    kern = per_verzoek(
        meet(
            "API kernvraag (10 gemeenten met de meeste verbanden)",
            _rondgang(api_urls, client),
            doel_ms=30 * len(top10),
        ),
        len(top10),
    )
    kern.doel_ms = 30
    metingen.append(kern)
    # Like with like: the floor writes the same document as the endpoint (also tested).
    eerste = json.loads(kernvraag_vloer(connection, top10[0].cbs_code, vandaag, API_BASIS))
    assert eerste == client.get(api_urls[0]).json(), "vloer en API geven niet hetzelfde antwoord"
    vloer = per_verzoek(
        meet(
            "  vloer: één SQL-query via psycopg + json",
            lambda: [kernvraag_vloer(connection, g.cbs_code, vandaag, API_BASIS) for g in top10],
        ),
        len(top10),
    )
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
    metingen.append(
        meet(
            f"Pagina van het grootste verband ({grootste.deelnames.count()} deelnemers)",
            _rondgang([f"/samenwerkingsverbanden/{grootste.uuid}/"], client),
            doel_ms=80,
        )
    )
    metingen.append(
        meet(
            "Art. 27-register (gemeente met de meeste verbanden)",
            _rondgang([f"/gemeenten/{top10[0].cbs_code}/register/"], client),
        )
    )
    metingen.append(
        meet(
            "Verbonden partijen XLSX, één gemeente",
            _rondgang([f"/gemeenten/{top10[0].cbs_code}/verbonden-partijen/?formaat=xlsx"], client),
            doel_ms=300,
        )
    )

    metingen.append(
        meet(
            "P&C-kalender als iCal-feed (zelfde gemeente)",
            _rondgang([f"/gemeenten/{top10[0].cbs_code}/kalender.ics"], client),
        )
    )

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
    uitvoer = Path(os.environ.get("BENCH_UITVOER", "bench/resultaten.json"))
    uitvoer.write_text(
        json.dumps(
            {
                "machine": f"{platform.node()} · {platform.processor() or platform.machine()} · "
                f"{os.cpu_count()} kernen · Python {platform.python_version()} · "
                f"PostgreSQL {connection.pg_version // 10000}",
                "datum": timezone.now().isoformat(timespec="seconds"),
                "omvang": omvang,
                "top_gemeente": top10[0].cbs_code,
                "metingen": [asdict(m) | {"gehaald": m.gehaald} for m in metingen],
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
