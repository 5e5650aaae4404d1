"""The region sheet import in the admin (samenwerking.regio_indeling) at full size: preview
and confirm of a sheet as regions publish it, 400 rows of 25 regions, on the synthetic
register of `make bench`.

The sheet names 24 arrangements of the register (by name) and one region that does not exist
yet (created at the confirmation, as a beheerder chooses in the preview); its gemeenten come
by code, by four digits and by name, and one row in forty by the code of a gemeente that has
since merged (the herindelingen of the reference data). Each run posts the file (the
preview), then confirms it, through Django's test client in this process, as a beheerder;
the database is rolled back after each run. Target: 10 s each. The figures go into the JSON
of bench/meten.py (make bench) or, on their own (`scripts/bench.sh regio`), are printed.
"""

import os
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")
django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bench.beheer import beheerder_client, herhaal, rapporteer  # noqa: E402
from bench.meting import Meting  # noqa: E402
from samenwerking.models import Deelname, Gemeente, Herindeling, Samenwerkingsverband  # noqa: E402
from samenwerking.normalisatie import normaliseer_naam  # noqa: E402

REGIOS, PER_REGIO = 25, 16
HERHALINGEN = int(os.environ.get("BENCH_REGIO_HERHALINGEN", "3"))
DOEL_MS = 10_000
NIEUWE_REGIO = "Regio bench: nog niet in het register"


def regio_bestand() -> bytes:
    # Regions the sheet can name unambiguously: arrangements whose name no other has.
    per_naam: dict[str, list] = {}
    for verband in Samenwerkingsverband.objects.filter(alleen_historisch=False).order_by("pk"):
        per_naam.setdefault(normaliseer_naam(verband.naam), []).append(verband.naam)
    eenmalig = [n[0] for n in per_naam.values() if len(n) == 1]
    namen = [*eenmalig[: REGIOS - 1], NIEUWE_REGIO]
    gemeenten = list(Gemeente.objects.filter(einddatum__isnull=True).order_by("cbs_code"))
    # Merged gemeenten with one successor (one divided over several is an error by design).
    opvolgers: dict[str, set] = {}
    for h in Herindeling.objects.select_related("oude_gemeente").order_by("datum"):
        opvolgers.setdefault(h.oude_gemeente.cbs_code, set()).add(h.nieuwe_gemeente_id)
    opgeheven = [code for code, nieuw in opvolgers.items() if len(nieuw) == 1]
    regels = ["gemeente;regio"]
    for i, naam in enumerate(namen):
        for j in range(PER_REGIO):
            gemeente = gemeenten[(i * 13 + j) % len(gemeenten)]
            tekst = [gemeente.cbs_code, gemeente.cbs_code[2:], gemeente.naam][j % 3]
            if j == PER_REGIO - 1 and opgeheven:
                tekst = opgeheven[i % len(opgeheven)]
            regels.append(f"{tekst};{naam}")
    return ("\n".join(regels) + "\n").encode("utf-8-sig")


def een_run(client: Client, inhoud: bytes) -> tuple[float, float]:
    with transaction.atomic():
        begin = time.perf_counter()
        voorbeeld = client.post(
            "/admin/regio-indeling/",
            {"bestand": SimpleUploadedFile("regio-indeling.csv", inhoud, "text/csv")},
        )
        preview_ms = (time.perf_counter() - begin) * 1000
        assert voorbeeld.status_code == 200, voorbeeld.status_code
        tekst = voorbeeld.content.decode()
        samenvatting = tekst[tekst.find('id="samenvatting"') :][:300]
        assert "400 regels" in tekst and 'name="opslaan"' not in tekst, samenvatting
        voor = Deelname.objects.count()
        begin = time.perf_counter()
        antwoord = client.post(
            "/admin/regio-indeling/",
            {"regio:regio bench nog niet in het register": "nieuw:OL", "opslaan": "1"},
        )
        confirm_ms = (time.perf_counter() - begin) * 1000
        assert antwoord.status_code == 302, samenvatting
        assert Deelname.objects.count() > voor
        transaction.set_rollback(True)
    return preview_ms, confirm_ms


def main() -> None:
    client = beheerder_client("bench-regio")
    voorbeelden, bevestigingen = herhaal(een_run, client, regio_bestand(), HERHALINGEN)
    rapporteer(
        [
            Meting.uit_tijden(
                "Regio-indeling in het beheer: voorbeeld (400 regels, 25 regio's)",
                voorbeelden,
                doel_ms=DOEL_MS,
            ),
            Meting.uit_tijden(
                "Regio-indeling in het beheer: bevestigen (400 regels)",
                bevestigingen,
                doel_ms=DOEL_MS,
            ),
        ]
    )


if __name__ == "__main__":
    main()
