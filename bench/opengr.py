"""The OpenGR import on an empty register (reference data only), timed over repeated runs.

Each run gets a fresh database from a template that holds only the migrations and the
reference data, so every run does the full first import. Writes its figure into the JSON of
bench/meten.py."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.meting import Meting, Sjabloon, voeg_toe

HERHALINGEN = int(os.environ.get("BENCH_OPENGR_HERHALINGEN", "5"))


def main() -> None:
    map = Path(os.environ.get("REGIOREG_BRONNEN") or "../shared/data") / "opengr"
    if not (map / "opengr_provincies.csv").is_file():
        print(f"OpenGR-import: niet gemeten, geen OpenGR-bestanden in {map}.")
        return
    tijden = []
    with Sjabloon("opengr") as db:
        for _ in range(HERHALINGEN):
            db.vers()
            tijden.append(db.importeer("importeer_opengr", "--rapport", "/dev/null"))
    naam = "OpenGR-import (3.752 regels, lege database; hele commando incl. opstarten)"
    voeg_toe([Meting.uit_tijden(naam, tijden, doel_ms=20_000)])


if __name__ == "__main__":
    main()
