"""The import of the whole national register (the real export in REGIOREG_BRONNEN/roo: its
gemeenten and all 1,186 versions of the regelingen) into a register with only the reference
data, and the second run with the same files, which must change nothing.

Each repetition gets a fresh database from a template that holds the migrations and the
reference data, runs `manage.py importeer_roo` on both files (the whole command, start-up
included) and then runs it again. Writes two figures into the JSON of bench/meten.py; without
the files it says so and measures nothing."""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

HERHALINGEN = int(os.environ.get("BENCH_ROO_HERHALINGEN", "3"))
BESTANDEN = ("exportOO_gemeenten.xml", "exportOO_gemeenschappelijke_regelingen.xml")


def _meting(naam: str, doel_ms: float, tijden: list[float]) -> dict:
    tijden = sorted(tijden)
    mediaan = statistics.median(tijden)
    return {
        "naam": naam,
        "doel_ms": doel_ms,
        "mediaan_ms": mediaan,
        "p95_ms": tijden[-1],
        "min_ms": tijden[0],
        "max_ms": tijden[-1],
        "metingen": len(tijden),
        "toelichting": "",
        "gehaald": mediaan <= doel_ms,
    }


def main() -> None:
    bronnen = Path(os.environ.get("REGIOREG_BRONNEN") or "../shared/data")
    paden = [bronnen / "roo" / naam for naam in BESTANDEN]
    if not all(p.is_file() for p in paden):
        print(f"Landelijk register: niet gemeten, geen exportbestanden in {bronnen}/roo.")
        return
    basis = os.environ["DATABASE_URL"]  # postgres://…/postgres
    sjabloon, doel = "roo_sjabloon", "roo_meting"
    beheer = [sys.executable, "manage.py"]

    def sql(opdracht: str):
        with psycopg.connect(basis, autocommit=True) as verbinding:
            verbinding.execute(opdracht)

    def in_db(naam: str, *opdracht: str) -> float:
        omgeving = os.environ | {"DATABASE_URL": basis.rsplit("/", 1)[0] + "/" + naam}
        begin = time.perf_counter()
        subprocess.run([*beheer, *opdracht], env=omgeving, check=True, stdout=subprocess.DEVNULL)
        return (time.perf_counter() - begin) * 1000

    sql(f"drop database if exists {sjabloon}")
    sql(f"create database {sjabloon}")
    in_db(sjabloon, "migrate", "--no-input", "-v0")
    in_db(sjabloon, "laad_referentiedata")
    eerste, tweede = [], []
    for _ in range(HERHALINGEN):
        sql(f"drop database if exists {doel}")
        sql(f"create database {doel} template {sjabloon}")
        eerste.append(in_db(doel, "importeer_roo", *map(str, paden)))
        tweede.append(in_db(doel, "importeer_roo", *map(str, paden)))
    metingen = [
        _meting(
            "Landelijk register, eerste import (alle 1.186 versies en de gemeenten; hele "
            "commando incl. opstarten)",
            60_000,
            eerste,
        ),
        _meting(
            "Landelijk register, tweede import van dezelfde bestanden (verandert niets)",
            15_000,
            tweede,
        ),
    ]
    for meting in metingen:
        print(f"{meting['naam']:60s} mediaan {meting['mediaan_ms']:8.1f} ms", flush=True)
    uitvoer = Path(os.environ.get("BENCH_UITVOER", "bench/resultaten.json"))
    data = json.loads(uitvoer.read_text()) if uitvoer.exists() else {"metingen": []}
    data["metingen"] += metingen
    uitvoer.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    sql(f"drop database if exists {doel}")
    sql(f"drop database if exists {sjabloon}")


if __name__ == "__main__":
    main()
