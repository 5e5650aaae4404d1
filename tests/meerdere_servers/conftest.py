"""Two app servers (gunicorn, two workers each) on one PostgreSQL database and one Redis, as a
deployment with more than one machine runs them (docs/uitrol.md).

The Redis is the one scripts/test.sh starts (TEST_REDIS_URL), or one of our own when the suite
runs without it; the database is a fresh one on the test run's PostgreSQL server, migrated,
with the reference data and a beheerder's token, and dropped afterwards.
"""

import os
import uuid

import psycopg
import pytest
import redis

from tests import servers


@pytest.fixture(scope="session")
def redis_url():
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    eigen = servers.RedisServer().start()
    yield eigen.url
    eigen.opruimen()


@pytest.fixture
def lege_redis(redis_url):
    """Every test starts with no cached answers and no counted requests."""
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


@pytest.fixture(scope="module")
def database_url():
    """A database of its own on the test run's PostgreSQL server, for the app servers."""
    basis = os.environ.get("DATABASE_URL", "")
    if not basis.startswith("postgres"):
        reden = "Deze test draait op PostgreSQL: start hem met scripts/test.sh (DATABASE_URL)."
        if os.environ.get("CI"):
            pytest.fail(reden)
        pytest.skip(reden)
    naam = f"regioreg_servers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(basis, autocommit=True) as verbinding:
        verbinding.execute(f'create database "{naam}"')
    url = basis.rsplit("/", 1)[0] + "/" + naam
    yield url
    with psycopg.connect(basis, autocommit=True) as verbinding:
        verbinding.execute(f'drop database "{naam}" with (force)')


@pytest.fixture(scope="module")
def omgeving(database_url):
    """The settings every app server gets (REDIS_URL is added per test)."""
    omgeving = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "alleen-voor-deze-test",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PAGINA_CACHE_SECONDEN": "300",
        "API_LIMIET_ANONIEM": "",
    }
    omgeving.pop("REDIS_URL", None)
    servers.beheer(omgeving, "migrate", "--no-input", "-v0")
    servers.beheer(omgeving, "laad_referentiedata")
    return omgeving


@pytest.fixture(scope="module")
def token(omgeving):
    """A beheerder's API token on these servers."""
    return servers.beheerder_token(omgeving)
