"""Spreadsheet import in the admin at full size: preview and confirm of a deelnames file.

The file is what a secretariaat would upload at most: 20,000 rows (under the 5 MB upload
limit) in Dutch Excel CSV, made from the synthetic register of `make bench`: every stored
deelname as the admin exports it with one column changed (so every row is an update, the
most work), plus new deelnames of gemeenten that are not yet in an arrangement. Each run
posts the file to the admin's import page (the preview, a dry run) and then confirms it (the
import), through Django's test client in this process, as a beheerder; the database is
rolled back after each run, so every run does the same work. The figures go into the JSON of
bench/meten.py; run on its own (`scripts/bench.sh invoer`) it prints them, with the JSON of
the two figures as the last line, and an ijkmeting before and after (how fast the shared
machine was meanwhile, as bench/meten.py does).

Both steps must finish well inside gunicorn's worker timeout (GUNICORN_TIMEOUT, 120 s): the
target is 20 s each.
"""

import datetime
import html
import os
import re
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.template.defaultfilters import filesizeformat  # noqa: E402
from django.test import Client  # noqa: E402

from bench.beheer import beheerder_client, herhaal, rapporteer  # noqa: E402
from bench.meting import Meting, ijkmeting  # noqa: E402
from samenwerking.formats import CSVNederlands  # noqa: E402
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband  # noqa: E402
from samenwerking.resources import DeelnameResource  # noqa: E402

REGELS = int(os.environ.get("BENCH_INVOER_REGELS", "20000"))
HERHALINGEN = int(os.environ.get("BENCH_INVOER_HERHALINGEN", "3"))
DOEL_MS = 20_000
TOETREDING = datetime.date(2026, 1, 1)
# A text in every row, so that 20,000 rows come close to the upload limit (5 MB): ~250 bytes
# a row. The script stops when the file is over the limit (a column added to the export makes
# every row longer; then shorten this text).
TOELICHTING = "Garantstelling voor tekorten naar rato van de verdeelsleutel; zie de regeling."


def deelnames_bestand(regels: int) -> bytes:
    """`regels` rows: the stored deelnames (changed), then new ones, as Dutch Excel CSV."""
    bestaand = Deelname.objects.order_by("pk")[:regels]
    dataset = DeelnameResource().export(queryset=bestaand)
    bron = dataset.headers.index("bron")
    toelichting = dataset.headers.index("aansprakelijkheid_toelichting")
    rijen = [list(rij) for rij in dataset]
    for rij in rijen:
        rij[bron] = "bench: gewijzigd bij import"
        rij[toelichting] = TOELICHTING
    dataset = dataset.__class__(*rijen, headers=dataset.headers)
    tekort = regels - len(dataset)
    if tekort > 0:
        gemeenten = list(Gemeente.objects.actief_op(TOETREDING).order_by("cbs_code"))
        bezet = set(Deelname.objects.values_list("samenwerkingsverband_id", "gemeente_id"))
        kolommen = dataset.headers
        for verband in Samenwerkingsverband.objects.order_by("pk").only("pk", "uuid"):
            for gemeente in gemeenten:
                if tekort == 0:
                    break
                if (verband.pk, gemeente.pk) in bezet:
                    continue
                nieuw = dict.fromkeys(kolommen, "")
                nieuw |= {
                    "samenwerkingsverband": str(verband.uuid),
                    "gemeente": gemeente.cbs_code,
                    "rol": "deelnemer",
                    "toetredingsdatum": TOETREDING.isoformat(),
                    "aansprakelijk": "nee",
                    "bron": "bench: nieuw bij import",
                    "aansprakelijkheid_toelichting": TOELICHTING,
                }
                dataset.append([nieuw[k] for k in kolommen])
                tekort -= 1
            if tekort == 0:
                break
    return CSVNederlands().export_data(dataset).encode("utf-8-sig")


def _verborgen(tekst: str) -> dict[str, str]:
    """The confirm form's hidden fields from the preview page."""
    return {
        naam: html.unescape(waarde)
        for naam, waarde in re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)"', tekst
        )
        if naam != "csrfmiddlewaretoken"
    }


def een_run(client: Client, inhoud: bytes) -> tuple[float, float]:
    """Preview and confirm once; the database is rolled back afterwards."""
    with transaction.atomic():
        begin = time.perf_counter()
        voorbeeld = client.post(
            "/admin/samenwerking/deelname/import/",
            {
                "resource": "0",
                "format": "0",
                "import_file": SimpleUploadedFile("deelnames.csv", inhoud, "text/csv"),
            },
        )
        preview_ms = (time.perf_counter() - begin) * 1000
        tekst = voorbeeld.content.decode()
        assert voorbeeld.status_code == 200, voorbeeld.status_code
        bevestig = _verborgen(tekst)
        assert "import_file_name" in bevestig, "geen bevestigknop: het voorbeeld had fouten"
        begin = time.perf_counter()
        antwoord = client.post("/admin/samenwerking/deelname/process_import/", bevestig)
        confirm_ms = (time.perf_counter() - begin) * 1000
        assert antwoord.status_code == 302, antwoord.status_code
        assert Deelname.objects.filter(bron__startswith="bench:").count() == REGELS
        transaction.set_rollback(True)
    return preview_ms, confirm_ms


def main() -> None:
    client = beheerder_client("bench-invoer")
    inhoud = deelnames_bestand(REGELS)
    grootte = filesizeformat(len(inhoud))
    assert len(inhoud) <= settings.IMPORT_MAX_BYTES, f"{grootte} > IMPORT_MAX_BYTES"
    ijk_begin = ijkmeting("voor de import").mediaan_ms
    print(f"Bestand: {REGELS} regels, {grootte}; ijkmeting {ijk_begin:.1f} ms", flush=True)
    voorbeelden, bevestigingen = herhaal(een_run, client, inhoud, HERHALINGEN)
    ijk_eind = ijkmeting("na de import").mediaan_ms
    ijkmetingen = f"ijkmeting {ijk_begin:.1f} ms voor en {ijk_eind:.1f} ms na de import"
    ijkmetingen = ijkmetingen.replace(".", ",")
    regels = f"{REGELS:,}".replace(",", ".")
    rapporteer(
        [
            Meting.uit_tijden(
                f"Import deelnames in het beheer: voorbeeld ({regels} regels, {grootte})",
                voorbeelden,
                doel_ms=DOEL_MS,
            ),
            Meting.uit_tijden(
                f"Import deelnames in het beheer: bevestigen ({regels} regels)",
                bevestigingen,
                doel_ms=DOEL_MS,
                toelichting=ijkmetingen,
            ),
        ]
    )


if __name__ == "__main__":
    main()
