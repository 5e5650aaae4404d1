"""SQLite, the zero-setup database of `make run`: simultaneous writes wait for each other
instead of failing with "database is locked" (a 500).

The rest of the suite runs on PostgreSQL; this test runs the app itself in gunicorn (two
worker processes with four threads each, as a small production would) on a SQLite file of its
own, and writes to it through the API from several threads at once, with readers in between.
"""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers import MAAK_TOKEN, verzoek, vrije_poort
from tests.test_collation import LEESVOLGORDE

ROOT = Path(__file__).resolve().parents[1]
SCHRIJVERS, PER_SCHRIJVER = 8, 6


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    """The app under gunicorn on a fresh SQLite file: (base URL, token of a beheerder)."""
    map_ = tmp_path_factory.mktemp("sqlite")
    omgeving = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{map_ / 'regioreg.sqlite3'}",
        "SECRET_KEY": "alleen-voor-deze-test",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_LIMIET_ANONIEM": "",
        "PAGINA_CACHE_SECONDEN": "0",
    }
    python = sys.executable
    beheer = [python, "manage.py"]
    subprocess.run([*beheer, "migrate", "--no-input", "-v0"], cwd=ROOT, env=omgeving, check=True)
    token = subprocess.run(
        [*beheer, "shell", "-c", MAAK_TOKEN],
        cwd=ROOT,
        env=omgeving,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    poort = vrije_poort()
    server = subprocess.Popen(
        [
            str(Path(python).parent / "gunicorn"),
            "regioreg.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=omgeving,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(100):
            try:
                if verzoek("GET", f"{basis}/api/v1/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer on SQLite")
        yield basis, token
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_simultaneous_writes_on_sqlite_all_land_without_an_error(sqlite_app):
    basis, token = sqlite_app

    def schrijver(nummer: int) -> list[int]:
        statussen = []
        for i in range(PER_SCHRIJVER):
            body = {"naam": f"Organisatie {nummer}-{i}", "soort": "privaat"}
            statussen.append(verzoek("POST", f"{basis}/api/v1/organisaties", token, body)[0])
            # A reader in between, as the pages would be.
            statussen.append(verzoek("GET", f"{basis}/api/v1/organisaties?pageSize=500")[0])
        return statussen

    with ThreadPoolExecutor(SCHRIJVERS) as pool:
        statussen = [s for lijst in pool.map(schrijver, range(SCHRIJVERS)) for s in lijst]

    assert sorted(set(statussen)) == [200, 201]
    assert statussen.count(201) == SCHRIJVERS * PER_SCHRIJVER
    status, inhoud = verzoek("GET", f"{basis}/api/v1/organisaties?pageSize=500")
    assert status == 200
    namen = {o["naam"] for o in json.loads(inhoud)["results"]}
    assert namen == {
        f"Organisatie {n}-{i}" for n in range(SCHRIJVERS) for i in range(PER_SCHRIJVER)
    }


def test_names_read_in_a_readers_order_on_sqlite_as_on_postgresql(sqlite_app):
    """The name columns' collation is a Python function on SQLite (regioreg/collation.py): a
    fresh database learns it on every connection, in each worker, and lists by it."""
    basis, token = sqlite_app
    for naam in reversed(LEESVOLGORDE):
        body = {"naam": naam, "soort": "privaat"}
        assert verzoek("POST", f"{basis}/api/v1/organisaties", token, body)[0] == 201
    for adres in ("organisaties?pageSize=500", "organisaties?pageSize=500&ordering=naam"):
        status, inhoud = verzoek("GET", f"{basis}/api/v1/{adres}")
        assert status == 200
        namen = [o["naam"] for o in json.loads(inhoud)["results"]]
        assert [n for n in namen if n in LEESVOLGORDE] == LEESVOLGORDE
