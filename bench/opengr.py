"""The OpenGR import on an empty register (reference data only), timed over repeated runs.

Each run gets a fresh database from a template that holds only the migrations and the
reference data, so every run does the full first import. Writes its figure into the JSON of
bench/meten.py."""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

HERHALINGEN = int(os.environ.get("BENCH_OPENGR_HERHALINGEN", "5"))


def main() -> None:
    map = Path(os.environ.get("REGIOREG_BRONNEN") or "../shared/data") / "opengr"
    if not (map / "opengr_provincies.csv").is_file():
        print(f"OpenGR-import: niet gemeten, geen OpenGR-bestanden in {map}.")
        return
    basis = os.environ["DATABASE_URL"]  # postgres://…/postgres
    sjabloon, doel = "opengr_sjabloon", "opengr_meting"
    beheer = [sys.executable, "manage.py"]

    def sql(opdracht: str):
        with psycopg.connect(basis, autocommit=True) as verbinding:
            verbinding.execute(opdracht)

    def in_db(naam: str, *opdracht: str):
        omgeving = os.environ | {"DATABASE_URL": basis.rsplit("/", 1)[0] + "/" + naam}
        subprocess.run([*beheer, *opdracht], env=omgeving, check=True, stdout=subprocess.DEVNULL)

    sql(f"drop database if exists {sjabloon}")
    sql(f"create database {sjabloon}")
    in_db(sjabloon, "migrate", "--no-input", "-v0")
    in_db(sjabloon, "laad_referentiedata")
    tijden = []
    for _ in range(HERHALINGEN):
        sql(f"drop database if exists {doel}")
        sql(f"create database {doel} template {sjabloon}")
        begin = time.perf_counter()
        in_db(doel, "importeer_opengr", "--rapport", "/dev/null")
        tijden.append((time.perf_counter() - begin) * 1000)
    tijden.sort()
    meting = {
        "naam": "OpenGR-import (3.752 regels, lege database; hele commando incl. opstarten)",
        "doel_ms": 20_000,
        "mediaan_ms": statistics.median(tijden),
        "p95_ms": tijden[-1],
        "min_ms": tijden[0],
        "max_ms": tijden[-1],
        "metingen": len(tijden),
        "toelichting": "",
        "gehaald": statistics.median(tijden) <= 20_000,
    }
    print(f"{meting['naam']:60s} mediaan {meting['mediaan_ms']:8.1f} ms", flush=True)
    uitvoer = Path(os.environ.get("BENCH_UITVOER", "bench/resultaten.json"))
    data = json.loads(uitvoer.read_text())
    data["metingen"].append(meting)
    uitvoer.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    sql(f"drop database if exists {doel}")
    sql(f"drop database if exists {sjabloon}")


if __name__ == "__main__":
    main()
