"""Settings come from the environment; the zero-setup default is a SQLite file."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


def test_first_run_on_sqlite_serves_start_page_and_admin(tmp_path):
    """What `make run` does after installing: migrate, load the reference data and OpenGR,
    serve."""
    omgeving = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    omgeving.update(
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'eerste.sqlite3'}",
        DJANGO_SETTINGS_MODULE="regioreg.settings",
    )
    beheer = [sys.executable, "manage.py"]
    uitvoer = []
    for opdracht in (
        ["migrate", "--no-input", "-v0"],
        ["laad_referentiedata"],
        ["importeer_opengr", "--rapport", str(tmp_path / "rapport.csv")],
    ):
        uit = subprocess.run(
            beheer + opdracht, cwd=PROJECT, env=omgeving, capture_output=True, text=True
        )
        assert uit.returncode == 0, uit.stderr
        uitvoer.append(uit.stdout)
    assert "gemeenten: 412 nieuw" in uitvoer[1]

    poort = _vrije_poort()
    server = subprocess.Popen(
        [*beheer, "runserver", "--noreload", f"127.0.0.1:{poort}"],
        cwd=PROJECT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                start = urllib.request.urlopen(f"http://127.0.0.1:{poort}/")
                break
            except OSError:
                time.sleep(0.2)
        inhoud = " ".join(start.read().decode().split())
        assert "<strong>342</strong> gemeenten" in inhoud
        assert "Bron: OpenGR (Open State Foundation), stand maart 2016" in inhoud
        pagina = urllib.request.urlopen(f"http://127.0.0.1:{poort}/gemeenten/GM0363/").read()
        assert "Gemeente Amsterdam" in pagina.decode()
        assert "samenwerkingsverbanden op" in pagina.decode()
        # The core API answer on SQLite: compiled queries (regioreg/querycache.py) give the
        # same types as on PostgreSQL (uuids with dashes, ISO dates), and the page's number.
        api = json.load(
            urllib.request.urlopen(
                f"http://127.0.0.1:{poort}/api/v1/gemeenten/GM0363/samenwerkingsverbanden"
            )
        )
        verbanden = api["samenwerkingsverbanden"]
        assert f"{len(verbanden)} samenwerkingsverbanden op" in pagina.decode()
        for rij in verbanden:
            assert re.fullmatch(
                r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", rij["deelname"]["uuid"]
            )
            assert rij["samenwerkingsverband"]["url"].endswith(rij["samenwerkingsverband"]["uuid"])
            toe = rij["deelname"]["toetredingsdatum"]
            assert toe is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", toe)
        login = urllib.request.urlopen(f"http://127.0.0.1:{poort}/admin/login/").read()
        assert "regioreg beheer" in login.decode()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_waits_for_the_largest_import_and_reads_its_timeout_from_the_environment():
    """gunicorn.conf.py (the container's `--config`, and gunicorn's default in the project
    directory): 120 s unless GUNICORN_TIMEOUT says otherwise; gunicorn's own default is 30."""
    code = (
        "import json, runpy; g = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps([g['timeout'], g['graceful_timeout']]))"
    )
    for omgeving, verwacht in (({}, [120, 60]), ({"GUNICORN_TIMEOUT": "300"}, [300, 60])):
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
