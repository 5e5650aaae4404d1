"""A server worker's start-up (regioreg/wsgi.py, what gunicorn loads): it loads the app and its
URL patterns (every view), then freezes what it loaded, out of the garbage collector's full
collections (docs/performance.md, "Geheugenbeheer")."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


SCRIPT = """
import gc, sys
import regioreg.wsgi
from django.conf import settings
print(settings.ROOT_URLCONF in sys.modules, gc.get_freeze_count())
"""


def test_een_werker_laadt_alles_en_bevriest_het_voor_het_eerste_verzoek():
    uit = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
    )
    urls_geladen, bevroren = uit.stdout.split()[-2:]
    assert urls_geladen == "True"
    # Django, the apps, their models and views: far more than a handful of objects.
    assert int(bevroren) > 50_000
