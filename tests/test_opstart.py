"""A server worker's start-up (regioreg/wsgi.py, what gunicorn loads): after loading the app it
freezes what it loaded, out of the garbage collector's full collections (docs/performance.md,
"Geheugenbeheer")."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_een_werker_bevriest_wat_hij_bij_het_starten_laadde():
    uit = subprocess.run(
        [sys.executable, "-c", "import gc, regioreg.wsgi; print(gc.get_freeze_count())"],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
    )
    # Django, the apps and their models: far more than a handful of objects.
    assert int(uit.stdout.split()[-1]) > 50_000
