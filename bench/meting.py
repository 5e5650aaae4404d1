"""What every bench script shares: one figure from a list of timings, the JSON of
bench/meten.py it adds its figures to, and a database made afresh from a template for the
import benches. Imports nothing from Django, so a script that runs manage.py can use it."""

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import psycopg

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "30"))


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

    @classmethod
    def uit_tijden(cls, naam: str, tijden: list[float], *, doel_ms=None, toelichting=""):
        tijden = sorted(tijden)
        return cls(
            naam=naam,
            doel_ms=doel_ms,
            mediaan_ms=statistics.median(tijden),
            p95_ms=tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))],
            min_ms=tijden[0],
            max_ms=tijden[-1],
            metingen=len(tijden),
            toelichting=toelichting,
        )

    @property
    def gehaald(self) -> bool | None:
        return None if self.doel_ms is None else self.mediaan_ms <= self.doel_ms

    def als_json(self) -> dict:
        return asdict(self) | {"gehaald": self.gehaald}


def meet(
    naam: str,
    doe: Callable[[], object],
    *,
    doel_ms=None,
    herhalingen=HERHALINGEN,
    opwarmen=3,
    toelichting="",
) -> Meting:
    """The median (and p95) of HERHALINGEN runs of DOE after OPWARMEN runs to warm up."""
    [meting] = meet_afwisselend({naam: doe}, herhalingen=herhalingen, opwarmen=opwarmen)
    meting.doel_ms, meting.toelichting = doel_ms, toelichting
    return meting


def meet_afwisselend(
    werk: dict[str, Callable[[], object]], *, herhalingen=HERHALINGEN, opwarmen=3
) -> list[Meting]:
    """`meet` for each piece of WERK (name: work), run in turn, one run of each per round: a
    ratio between them is not skewed when the shared machine gets busier or quieter during
    the measurement, as it would be when one is measured after the other."""
    for _ in range(opwarmen):
        for doe in werk.values():
            doe()
    tijden: dict[str, list[float]] = {naam: [] for naam in werk}
    for _ in range(herhalingen):
        for naam, doe in werk.items():
            begin = time.perf_counter()
            doe()
            tijden[naam].append((time.perf_counter() - begin) * 1000)
    metingen = [Meting.uit_tijden(naam, tijden[naam]) for naam in werk]
    for meting in metingen:
        print(
            f"{meting.naam:60s} mediaan {meting.mediaan_ms:8.1f} ms  p95 {meting.p95_ms:8.1f} ms",
            flush=True,
        )
    return metingen


def ijkmeting(wanneer: str) -> Meting:
    """A fixed piece of pure Python, no database: how fast this shared machine is right now.
    Two runs of the bench compare only when their ijkmetingen are alike."""
    return meet(
        f"Ijkmeting {wanneer}: vaste rekenopdracht in Python, zonder database",
        lambda: sum(i * i for i in range(200_000)),
    )


def uitvoer() -> Path:
    return Path(os.environ.get("BENCH_UITVOER", "bench/resultaten.json"))


def voeg_toe(metingen: list[Meting]) -> None:
    """Print the figures and add them to the JSON that bench/meten.py wrote."""
    for meting in metingen:
        print(f"{meting.naam:60s} mediaan {meting.mediaan_ms:8.1f} ms", flush=True)
    pad = uitvoer()
    data = json.loads(pad.read_text()) if pad.exists() else {"metingen": []}
    data["metingen"] += [meting.als_json() for meting in metingen]
    pad.write_text(json.dumps(data, indent=2, ensure_ascii=False))


class Sjabloon:
    """A template database with the migrations and the reference data, and a database made
    afresh from it for every run (`with Sjabloon("roo") as db: db.vers(); db.beheer(...)`)."""

    def __init__(self, naam: str):
        self.basis = os.environ["DATABASE_URL"]  # postgres://…/postgres
        self.sjabloon, self.doel = f"{naam}_sjabloon", f"{naam}_meting"

    def sql(self, opdracht: str) -> None:
        with psycopg.connect(self.basis, autocommit=True) as verbinding:
            verbinding.execute(opdracht)

    def manage(self, naam: str, *opdracht: str) -> float:
        """Run `manage.py OPDRACHT` against database NAAM; returns how long it took (ms)."""
        omgeving = os.environ | {"DATABASE_URL": self.basis.rsplit("/", 1)[0] + "/" + naam}
        begin = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", *opdracht],
            env=omgeving,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return (time.perf_counter() - begin) * 1000

    def __enter__(self):
        self.sql(f"drop database if exists {self.sjabloon}")
        self.sql(f"create database {self.sjabloon}")
        self.manage(self.sjabloon, "migrate", "--no-input", "-v0")
        self.manage(self.sjabloon, "laad_referentiedata")
        return self

    def vers(self) -> None:
        """Make the run's database afresh from the template."""
        self.sql(f"drop database if exists {self.doel}")
        self.sql(f"create database {self.doel} template {self.sjabloon}")

    def importeer(self, *opdracht: str) -> float:
        return self.manage(self.doel, *opdracht)

    def __exit__(self, *exc) -> None:
        self.sql(f"drop database if exists {self.doel}")
        self.sql(f"drop database if exists {self.sjabloon}")
