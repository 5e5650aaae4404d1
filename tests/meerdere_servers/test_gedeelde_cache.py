"""Two app servers sharing one Redis: one page cache, one rate limit, and answers without it.

Each server is a gunicorn with two worker processes; requests go round the servers, and the
kernel hands each to one of that server's workers.
"""

import http.cookiejar
import itertools
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests import servers

LIJST = "/api/v1/organisaties?pageSize=500"
PAGINA = "/gemeenten/GM0363/"


def _namen(basis: str) -> set[str]:
    status, inhoud = servers.verzoek("GET", basis + LIJST)
    assert status == 200
    return {o["naam"] for o in json.loads(inhoud)["results"]}


def _nieuwe_organisatie(basis: str, token: str, naam: str) -> None:
    status, inhoud = servers.verzoek(
        "POST", f"{basis}/api/v1/organisaties", token, {"naam": naam, "soort": "privaat"}
    )
    assert status == 201, inhoud


@pytest.fixture
def twee_servers(omgeving, lege_redis):
    # As deployed: the register's version is trusted for REGISTER_VERSIE_SECONDEN (0.5 s),
    # in the Redis both servers share.
    gedeeld = {**omgeving, "REDIS_URL": lege_redis}
    with servers.gunicorn(gedeeld) as a, servers.gunicorn(gedeeld) as b:
        yield a, b


def test_a_write_on_server_a_is_seen_by_an_anonymous_reader_on_server_b_within_a_second(
    twee_servers, token
):
    a, b = twee_servers
    # B has the list in its cache (read twice, so every worker that answered holds it).
    voor = _namen(b)
    assert _namen(b) == voor
    naam = "Geschreven op server A"
    assert naam not in voor

    _nieuwe_organisatie(a, token, naam)
    geschreven = time.monotonic()
    while naam not in _namen(b):
        assert time.monotonic() - geschreven < 1, "server B toont de wijziging niet binnen 1 s"
        time.sleep(0.02)


def test_the_anonymous_limit_is_one_limit_across_servers_and_workers(omgeving, lege_redis):
    limiet = 12
    gedeeld = {**omgeving, "REDIS_URL": lege_redis, "API_LIMIET_ANONIEM": f"{limiet}/minute"}
    with servers.gunicorn(gedeeld) as a, servers.gunicorn(gedeeld) as b:
        # One client (one address), three times the limit, at the same time, to both servers
        # (and so to all four workers): within the window exactly `limiet` are answered.
        adressen = itertools.islice(itertools.cycle([a + LIJST, b + LIJST]), 3 * limiet)
        with ThreadPoolExecutor(8) as pool:
            statussen = list(pool.map(lambda url: servers.verzoek("GET", url)[0], adressen))
    assert statussen.count(200) == limiet
    assert statussen.count(429) == 2 * limiet


def test_without_redis_every_answer_still_comes_and_the_outage_is_logged(omgeving, token, tmp_path):
    eigen = servers.RedisServer().start()
    log = tmp_path / "gunicorn.log"
    try:
        met_redis = {**omgeving, "REDIS_URL": eigen.url, "API_LIMIET_ANONIEM": "1000/minute"}
        with servers.gunicorn(met_redis, log=log) as basis:
            status, pagina = servers.verzoek("GET", basis + PAGINA)
            assert status == 200
            assert "Amsterdam" in pagina.decode()
            voor = _namen(basis)

            eigen.stop()
            for _ in range(10):
                status, opnieuw = servers.verzoek("GET", basis + PAGINA)
                assert status == 200
                assert "Amsterdam" in opnieuw.decode()
                assert _namen(basis) == voor
            # A write works, and anonymous readers see it: nothing is kept now.
            _nieuwe_organisatie(basis, token, "Geschreven zonder Redis")
            assert "Geschreven zonder Redis" in _namen(basis)

            # Redis back: answers come from the shared cache again.
            eigen.start()
            deadline = time.monotonic() + 30
            while "Redis weer bereikbaar" not in log.read_text():
                assert time.monotonic() < deadline, "Redis is not used again"
                assert _namen(basis) >= {"Geschreven zonder Redis"}
                time.sleep(0.2)
    finally:
        eigen.opruimen()
    assert "Redis onbereikbaar" in log.read_text()


def _inloggen(basis: str, naam: str, wachtwoord: str) -> tuple[int, str]:
    """Log in through the admin's form as a browser would (cookie, CSRF token)."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with browser.open(basis + "/admin/login/") as formulier:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulier.read().decode())
    velden = {"csrfmiddlewaretoken": token[1], "username": naam, "password": wachtwoord}
    verzoek = urllib.request.Request(
        basis + "/admin/login/", data=urllib.parse.urlencode(velden).encode()
    )
    try:
        with browser.open(verzoek) as antwoord:
            return antwoord.status, antwoord.read().decode()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode()


def test_failed_logins_on_either_server_count_towards_one_lockout(omgeving, lege_redis):
    servers.beheer(
        omgeving,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; get_user_model().objects"
        ".create_user('secretaris', password='juist-wachtwoord', is_staff=True)",
    )
    gedeeld = {
        **omgeving,
        "REDIS_URL": lege_redis,
        "AXES_FAILURE_LIMIT": "3",
        "SECURE_COOKIES": "false",
    }
    with servers.gunicorn(gedeeld) as a, servers.gunicorn(gedeeld) as b:
        for basis in (a, b):
            status, pagina = _inloggen(basis, "secretaris", "fout")
            assert status == 200
            assert "Voer de correcte gebruikersnaam en wachtwoord" in pagina
        # The third failure, back on A, locks the name; B refuses even the right password.
        status, pagina = _inloggen(a, "secretaris", "fout")
        assert status == 429
        assert "Aanmelden tijdelijk geblokkeerd" in pagina
        status, pagina = _inloggen(b, "secretaris", "juist-wachtwoord")
        assert status == 429
        assert "Aanmelden tijdelijk geblokkeerd" in pagina
