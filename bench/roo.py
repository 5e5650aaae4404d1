"""The import of the whole national register (the real export in REGIOREG_BRONNEN/roo: its
gemeenten and all 1,186 versions of the regelingen) into a register with only the reference
data, and the second run with the same files, which must change nothing.

Each repetition gets a fresh database from a template that holds the migrations and the
reference data, runs `manage.py importeer_roo` on both files (the whole command, start-up
included) and then runs it again. Writes two figures into the JSON of bench/meten.py; without
the files it says so and measures nothing."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.meting import Meting, Sjabloon, voeg_toe

HERHALINGEN = int(os.environ.get("BENCH_ROO_HERHALINGEN", "3"))
BESTANDEN = ("exportOO_gemeenten.xml", "exportOO_gemeenschappelijke_regelingen.xml")


def main() -> None:
    bronnen = Path(os.environ.get("REGIOREG_BRONNEN") or "../shared/data")
    paden = [bronnen / "roo" / naam for naam in BESTANDEN]
    if not all(p.is_file() for p in paden):
        print(f"Landelijk register: niet gemeten, geen exportbestanden in {bronnen}/roo.")
        return
    eerste, tweede = [], []
    with Sjabloon("roo") as db:
        for _ in range(HERHALINGEN):
            db.vers()
            eerste.append(db.importeer("importeer_roo", *map(str, paden)))
            tweede.append(db.importeer("importeer_roo", *map(str, paden)))
    voeg_toe(
        [
            Meting.uit_tijden(
                "Landelijk register, eerste import (alle 1.186 versies en de gemeenten; hele "
                "commando incl. opstarten)",
                eerste,
                doel_ms=60_000,
            ),
            Meting.uit_tijden(
                "Landelijk register, tweede import van dezelfde bestanden (verandert niets)",
                tweede,
                doel_ms=15_000,
            ),
        ]
    )


if __name__ == "__main__":
    main()
