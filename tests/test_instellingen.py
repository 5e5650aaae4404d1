"""Settings come from the environment; the zero-setup default is a SQLite file."""

import contextlib
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook

PROJECT = Path(__file__).resolve().parent.parent


def _instellingen(omgeving: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "db = settings.DATABASES['default']; "
        "print(json.dumps([db['ENGINE'], str(db['NAME']), settings.DEBUG, "
        "settings.LANGUAGE_CODE, settings.TIME_ZONE, settings.ALLOWED_HOSTS]))"
    )
    schoon = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    schoon.update(omgeving, DJANGO_SETTINGS_MODULE="regioreg.settings")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=schoon, capture_output=True, text=True
    )


def test_without_database_url_a_sqlite_file_in_the_project():
    uit = _instellingen({"DEBUG": "true"})
    assert uit.returncode == 0, uit.stderr
    engine, naam, debug, taal, tijdzone, hosts = json.loads(uit.stdout)
    assert engine == "django.db.backends.sqlite3"
    assert naam == str(PROJECT / "regioreg.sqlite3")
    assert (debug, taal, tijdzone) == (True, "nl", "Europe/Amsterdam")
    assert "127.0.0.1" in hosts


def test_a_management_command_prints_only_its_own_output():
    # django-axes announced itself ("AXES: BEGIN version …") on every command (AXES_VERBOSE).
    schoon = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    schoon.update(DEBUG="true", DJANGO_SETTINGS_MODULE="regioreg.settings")
    uit = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=schoon,
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout == "System check identified no issues (0 silenced).\n"
    assert uit.stderr == ""


def test_postgres_url_means_psycopg():
    uit = _instellingen(
        {"DEBUG": "false", "SECRET_KEY": "k", "DATABASE_URL": "postgres://u:p@db:5432/regioreg"}
    )
    engine, naam, *_ = json.loads(uit.stdout)
    assert (engine, naam) == ("django.db.backends.postgresql", "regioreg")


@pytest.mark.django_db
def test_postgres_sessions_plan_for_memory_resident_data():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("show random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_a_random_page_cost_that_is_not_a_number_is_refused():
    uit = _instellingen(
        {
            "DEBUG": "true",
            "DATABASE_URL": "postgres://u:p@db:5432/regioreg",
            "DATABASE_RANDOM_PAGE_COST": "snel",
        }
    )
    assert uit.returncode != 0
    assert "DATABASE_RANDOM_PAGE_COST moet een getal zijn, niet 'snel'." in uit.stderr


def test_production_refuses_to_start_without_secret_key():
    uit = _instellingen({"DEBUG": "false"})
    assert uit.returncode != 0
    assert "SECRET_KEY ontbreekt" in uit.stderr


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _eerste_start(tmp_path, **omgeving) -> dict:
    """The environment of a first start on this machine: a fresh SQLite file in `tmp_path`, no
    database, secret key, DEBUG or sources folder of the test run's own, then `omgeving`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG", "REGIOREG_BRONNEN"}
    }
    return env | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'eerste.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "regioreg.settings",
        "PYTHON": sys.executable,
        "ROO_RAPPORT": str(tmp_path / "rapport.csv"),
        **omgeving,
    }


def _vullen(tmp_path, **omgeving) -> tuple[dict, str]:
    """What `make run` does after installing (scripts/vullen.sh) on a fresh SQLite file."""
    env = _eerste_start(tmp_path, DEBUG="true", **omgeving)
    uit = subprocess.run(
        ["scripts/vullen.sh"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert uit.returncode == 0, uit.stderr
    return env, uit.stdout


class _Server:
    """runserver on a free port, or a script given the host and that port (scripts/run.sh),
    until it answers; its output in `uitvoer` when given. Stopped with its children (the
    development server's reloader) on leaving."""

    def __init__(self, env: dict, *, script: str | None = None, uitvoer: Path | None = None):
        self.poort = _vrije_poort()
        self.uitvoer = uitvoer
        opdracht = (
            [script, "127.0.0.1", str(self.poort)]
            if script
            else [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.poort}"]
        )
        with open(uitvoer or os.devnull, "w") as log:
            self.proces = subprocess.Popen(
                opdracht,
                cwd=PROJECT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def __enter__(self):
        uiterlijk = time.monotonic() + 180  # a script migrates and loads the data first
        while time.monotonic() < uiterlijk:
            try:
                urllib.request.urlopen(self.url("/"))
                return self
            except OSError:
                if self.proces.poll() is not None:
                    self.__exit__()
                    raise AssertionError(f"de server stopte:\n{self.log()}") from None
                time.sleep(0.2)
        self.__exit__()
        raise AssertionError(f"de server antwoordt niet:\n{self.log()}")

    def __exit__(self, *args):
        # Gone already when the script stopped by itself.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proces.pid, signal.SIGTERM)
        self.proces.wait(timeout=20)

    def log(self) -> str:
        return self.uitvoer.read_text() if self.uitvoer else ""

    def url(self, pad: str) -> str:
        return f"http://127.0.0.1:{self.poort}{pad}"

    def tekst(self, pad: str) -> str:
        return " ".join(urllib.request.urlopen(self.url(pad)).read().decode().split())


def test_first_run_without_the_register_starts_with_the_gemeenten(tmp_path):
    """No sources folder and no internet (the download address answers nothing): the reference
    gemeenten alone, and the start page says how to load the national register."""
    env, uitvoer = _vullen(
        tmp_path,
        REGIOREG_BRONNEN=str(tmp_path / "geen-bronnen"),
        ROO_DOWNLOAD_URL=f"http://127.0.0.1:{_vrije_poort()}/exportOO.xml",
    )
    assert "gemeenten: 412 nieuw" in uitvoer
    assert "Geen landelijk register" in uitvoer
    with _Server(env) as server:
        start = server.tekst("/")
        assert "<strong>342</strong> gemeenten" in start
        assert "Het landelijk register is nog niet ingelezen" in start
        assert "manage.py importeer_roo --download" in start
        assert "regioreg beheer" in server.tekst("/admin/login/")


def test_first_run_with_the_register_on_sqlite(tmp_path, roo_map):
    """`make run` with the data: the national register from the sources folder; Utrecht's page,
    API answer and verbonden-partijen XLSX say what the register says, on SQLite."""
    env, uitvoer = _vullen(tmp_path, REGIOREG_BRONNEN=str(roo_map.parent))
    assert "Regelingen: 549 nieuw" in uitvoer
    with _Server(env) as server:
        assert "Bron: landelijk register, stand 19 mei 2026" in server.tekst("/")
        pagina = server.tekst("/gemeenten/GM0344/?peildatum=2026-05-19")
        assert "Gemeente Utrecht" in pagina
        assert "8 samenwerkingsverbanden op 19 mei 2026" in pagina
        assert "inwoners; landelijk register" in pagina
        # The core API answer on SQLite: the same types as on PostgreSQL (uuids with dashes,
        # ISO dates, lists), and the page's number.
        api = json.load(
            urllib.request.urlopen(
                server.url("/api/v1/gemeenten/GM0344/samenwerkingsverbanden?peildatum=2026-05-19")
            )
        )
        verbanden = api["samenwerkingsverbanden"]
        assert len(verbanden) == 8
        assert api["totalen"]["inwoners"] > 300_000
        for rij in verbanden:
            assert re.fullmatch(
                r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", rij["deelname"]["uuid"]
            )
            assert rij["samenwerkingsverband"]["url"].endswith(rij["samenwerkingsverband"]["uuid"])
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rij["deelname"]["toetredingsdatum"])
            assert rij["deelname"]["deelnemendeBestuursorganen"]
        assert sum(r["verbondenPartij"] for r in verbanden) >= 7
        xlsx = urllib.request.urlopen(
            server.url("/gemeenten/GM0344/verbonden-partijen/?jaar=2026&formaat=xlsx")
        ).read()
        blad = load_workbook(io.BytesIO(xlsx))["Gemeenschappelijke regelingen"]
        namen = [rij[1].value for rij in blad.iter_rows(min_row=4) if rij[1].value]
        assert "Gemeenschappelijke regeling Veiligheidsregio Utrecht" in namen
        assert "regioreg beheer" in server.tekst("/admin/login/")


def test_gunicorn_waits_for_the_largest_import_and_reads_its_timeout_from_the_environment():
    """gunicorn.conf.py (the container's `--config`, and gunicorn's default in the project
    directory): 120 s unless GUNICORN_TIMEOUT says otherwise; gunicorn's own default is 30."""
    code = (
        "import json, runpy; g = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps([g['timeout'], g['graceful_timeout'], g['workers']]))"
    )
    for omgeving, verwacht in (
        ({}, [120, 60, 2]),
        ({"GUNICORN_TIMEOUT": "300", "GUNICORN_WORKERS": "4"}, [300, 60, 4]),
    ):
        schoon = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
        uit = subprocess.run(
            [sys.executable, "-c", code],
            cwd=PROJECT,
            env=schoon | omgeving,
            capture_output=True,
            text=True,
        )
        assert uit.returncode == 0, uit.stderr
        assert json.loads(uit.stdout) == verwacht
    dockerfile = (PROJECT / "Dockerfile").read_text()
    assert '"--config", "gunicorn.conf.py"' in dockerfile
    assert (
        "GUNICORN_TIMEOUT: ${GUNICORN_TIMEOUT:-120}" in (PROJECT / "docker-compose.yml").read_text()
    )
    assert "\nGUNICORN_TIMEOUT=120\n" in (PROJECT / ".env.example").read_text()


def test_redis_url_makes_one_shared_cache_and_without_it_each_process_keeps_its_own():
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({a: c['BACKEND'] for a, c in settings.CACHES.items()}))"
    )
    schoon = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    schoon["DJANGO_SETTINGS_MODULE"] = "regioreg.settings"
    for omgeving, verwacht in (
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
        ({"REDIS_URL": "redis://127.0.0.1:6399/0"}, "regioreg.rediscache.VeiligeRedisCache"),
    ):
        uit = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + code],
            cwd=PROJECT,
            env=schoon | omgeving,
            capture_output=True,
            text=True,
        )
        assert uit.returncode == 0, uit.stderr
        assert json.loads(uit.stdout) == {"default": verwacht, "paginas": verwacht}
    compose = (PROJECT / "docker-compose.yml").read_text()
    assert "REDIS_URL: ${REDIS_URL:-redis://redis:6379/0}" in compose
    assert "\n  redis:\n    image: redis:7\n" in compose
    assert "\nREDIS_URL=redis://redis:6379/0\n" in (PROJECT / ".env.example").read_text()


def test_make_run_says_in_dutch_what_it_did_and_serves_the_start_page(tmp_path):
    """scripts/run.sh as `make run` starts it on a fresh machine (DEBUG off, no secret key, an
    admin account asked for): its own lines in Dutch, none of Django's migration list, shell or
    createsuperuser chatter in English, no development server's banner (it serves under
    gunicorn), and the app answering on the port it names."""
    env = _eerste_start(
        tmp_path,
        STATIC_ROOT=str(tmp_path / "static"),
        REGIOREG_BRONNEN=str(tmp_path / "lege-map"),
        ROO_DOWNLOAD_URL=f"http://127.0.0.1:{_vrije_poort()}/exportOO.xml",
        DJANGO_SUPERUSER_USERNAME="beheer",
        DJANGO_SUPERUSER_PASSWORD="een-lang-wachtwoord-voor-de-test",
    )
    (tmp_path / "lege-map").mkdir()
    uitvoer = tmp_path / "uitvoer.txt"
    with _Server(env, script="scripts/run.sh", uitvoer=uitvoer) as server:
        start = server.tekst("/")
        poort = server.poort
        # Served as in production: WhiteNoise gives the collected static files.
        css = urllib.request.urlopen(server.url("/static/admin/css/base.css"))
        assert css.status == 200
        assert css.headers["Content-Type"].startswith("text/css")
    tekst = uitvoer.read_text()
    assert "Register van gemeentelijke samenwerking" in start
    assert "Stoppen: Ctrl-C." in tekst
    assert f"in {tmp_path / 'lege-map'} staat geen roo/exportOO_*.xml" in tekst
    assert "Beheeraccount 'beheer' aangemaakt." in tekst
    assert f"regioreg draait op http://127.0.0.1:{poort}/" in tekst
    assert "Database bijwerken" in tekst
    for engels in (
        "imported automatically",
        "Automatic imports",
        "Superuser created",
        "Operations to perform",
        "Applying samenwerking.0001",
        # Django's development server (make run serves under gunicorn, as in production).
        "Starting development server",
        "This is a development server",
        "Performing system checks",
        "Watching for file changes",
        "Booting worker",
    ):
        assert engels not in tekst
