"""Helpers for tests that run the app itself: gunicorn processes, a redis-server of their own,
plain HTTP requests (no test client: these go over a socket to another process)."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REDIS_SERVER = "/usr/bin/redis-server"

MAAK_TOKEN = """
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from toegang.models import Rol, RolSoort
gebruiker = get_user_model().objects.create_user("beheer", is_staff=True)
Rol.objects.create(gebruiker=gebruiker, soort=RolSoort.BEHEERDER)
print(Token.objects.create(user=gebruiker).key)
"""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def verzoek(methode: str, url: str, token: str | None = None, body: dict | None = None):
    """(status, body) of one request; errors are answers too."""
    koppen = {"Accept": "application/json"}
    if token:
        koppen["Authorization"] = f"Token {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        koppen["Content-Type"] = "application/json"
    verzoek = urllib.request.Request(url, data=data, headers=koppen, method=methode)
    try:
        with urllib.request.urlopen(verzoek, timeout=60) as antwoord:
            return antwoord.status, antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read()


def beheer(omgeving: dict, *args: str) -> str:
    """Run `manage.py ARGS` with this environment; its output."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=omgeving,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def beheerder_token(omgeving: dict) -> str:
    """A beheerder's API token in the database of this environment."""
    return beheer(omgeving, "shell", "-c", MAAK_TOKEN).split()[-1]


@contextlib.contextmanager
def gunicorn(omgeving: dict, *, workers: int = 2, log: Path | None = None):
    """The app under gunicorn on a free loopback port until it answers: its base URL.
    Stopped (and waited for) on leaving."""
    poort = vrije_poort()
    uitvoer = open(log, "w") if log else None  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "regioreg.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=omgeving,
        stderr=uitvoer,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(150):
            try:
                if verzoek("GET", f"{basis}/")[0] == 200:  # a page: no rate limit
                    break
            except OSError:
                pass
            if server.poll() is not None:
                pytest.fail(f"gunicorn stopped with code {server.returncode}")
            time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer")
        yield basis
    finally:
        server.terminate()
        server.wait(timeout=30)
        if uitvoer:
            uitvoer.close()


class RedisServer:
    """A redis-server of its own (as scripts/lib.sh starts one), to stop and start again."""

    def __init__(self):
        if not Path(REDIS_SERVER).exists():
            reden = (
                f"{REDIS_SERVER} ontbreekt: installeer Debian's redis-server "
                "(scripts/test.sh doet dat zelf)."
            )
            if os.environ.get("CI"):
                pytest.fail(reden)
            pytest.skip(reden)
        self.poort = vrije_poort()
        self.map = Path(tempfile.mkdtemp(prefix="regioreg-redis-test-"))
        self.url = f"redis://127.0.0.1:{self.poort}/0"

    def start(self) -> "RedisServer":
        subprocess.run(
            [
                REDIS_SERVER,
                "--port",
                str(self.poort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.map),
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.map / "redis.pid"),
                "--logfile",
                str(self.map / "redis.log"),
            ],
            check=True,
        )
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.poort)):
                return self
            time.sleep(0.05)
        pytest.fail("redis-server did not start")

    def stop(self) -> None:
        pid_bestand = self.map / "redis.pid"
        if not pid_bestand.exists():
            return
        pid = int(pid_bestand.read_text())
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 15)
        for _ in range(100):  # gone once its port refuses
            try:
                socket.create_connection(("127.0.0.1", self.poort)).close()
            except OSError:
                break
            time.sleep(0.05)
        pid_bestand.unlink(missing_ok=True)

    def opruimen(self) -> None:
        self.stop()
        shutil.rmtree(self.map, ignore_errors=True)
