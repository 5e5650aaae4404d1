"""What the benches of an import in the admin share (bench/invoer.py, bench/regio_indeling.py):
a logged-in beheerder, the repeated preview-and-confirm runs, and where the figures go.
Import it after django.setup()."""

import json
import os
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation

from bench.meting import Meting, voeg_toe


def beheerder_client(gebruikersnaam: str) -> Client:
    """A test client logged in as a superuser, without the page cache, in the site's language."""
    settings.PAGINA_CACHE_SECONDEN = 0
    translation.activate(settings.LANGUAGE_CODE)
    beheerder, _nieuw = get_user_model().objects.get_or_create(
        username=gebruikersnaam, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(SERVER_NAME="localhost")
    client.force_login(beheerder)
    return client


def herhaal(
    een_run: Callable[[Client, bytes], tuple[float, float]],
    client: Client,
    inhoud: bytes,
    herhalingen: int,
) -> tuple[list[float], list[float]]:
    """`herhalingen` runs of preview and confirm; the times of each step, printed as they come."""
    voorbeelden, bevestigingen = [], []
    for _ in range(herhalingen):
        preview_ms, confirm_ms = een_run(client, inhoud)
        print(f"  voorbeeld {preview_ms:9.1f} ms   bevestigen {confirm_ms:9.1f} ms", flush=True)
        voorbeelden.append(preview_ms)
        bevestigingen.append(confirm_ms)
    return voorbeelden, bevestigingen


def rapporteer(metingen: list[Meting]) -> None:
    """Under `make bench` (BENCH_UITVOER set) add the figures to the report's JSON; on their own
    print them as JSON (for docs/performance.json)."""
    if os.environ.get("BENCH_UITVOER"):
        voeg_toe(metingen)
    else:
        datum = timezone.now().isoformat(timespec="seconds")
        figuren = [meting.als_json() for meting in metingen]
        print(json.dumps({"datum": datum, "metingen": figuren}, ensure_ascii=False))
