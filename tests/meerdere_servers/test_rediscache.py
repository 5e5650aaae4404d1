"""The Redis cache wrapper in this process: with Redis away, reads find nothing, writes are
dropped, the rate limit lets requests through, and the outage is logged once."""

import logging

import pytest
import redis
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.test import override_settings

from regioreg import rediscache
from samenwerking.api.throttling import AnoniemeLimiet
from tests import servers


def _caches(url: str) -> dict:
    redis = {
        "BACKEND": "regioreg.rediscache.VeiligeRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "PAUZE": 60},
    }
    return {"default": redis, "paginas": {**redis, "KEY_PREFIX": "paginas"}}


def _anoniem(rf, adres="127.0.0.1"):
    verzoek = rf.get("/api/v1/", REMOTE_ADDR=adres)
    verzoek.user = AnonymousUser()
    return verzoek


@pytest.fixture(autouse=True)
def geen_storing():
    rediscache._Storing.pauze_tot, rediscache._Storing.gemeld = 0.0, False
    yield
    rediscache._Storing.pauze_tot, rediscache._Storing.gemeld = 0.0, False


class _Meldingen(logging.Handler):
    """What regioreg.rediscache logs (the suite may run without pytest's caplog)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.meldingen: list[str] = []

    def emit(self, record):
        self.meldingen.append(record.getMessage())


@pytest.fixture
def meldingen():
    handler = _Meldingen()
    logging.getLogger("regioreg.rediscache").addHandler(handler)
    yield handler.meldingen
    logging.getLogger("regioreg.rediscache").removeHandler(handler)


def test_without_redis_reads_find_nothing_and_the_outage_is_logged_once(meldingen, rf, settings):
    settings.API_LIMIET_ANONIEM = "1/minute"
    weg = f"redis://127.0.0.1:{servers.vrije_poort()}/0"  # nothing listens there
    with override_settings(CACHES=_caches(weg)):
        cache = caches["paginas"]
        assert cache.get("sleutel") is None
        assert cache.get("sleutel", []) == []
        cache.set("sleutel", "waarde")
        assert cache.delete("sleutel") is False
        # The rate limit lets every request through rather than failing it.
        assert all(AnoniemeLimiet().allow_request(_anoniem(rf), None) for _ in range(3))
    assert len(meldingen) == 1
    assert meldingen[0].startswith("Redis onbereikbaar")


def test_with_redis_the_cache_keeps_and_the_limit_counts(redis_url, lege_redis, rf, settings):
    settings.API_LIMIET_ANONIEM = "2/minute"
    with override_settings(CACHES=_caches(redis_url)):
        cache = caches["paginas"]
        cache.set("sleutel", ("een", b"twee"))
        assert cache.get("sleutel") == ("een", b"twee")
        # Fractions of a second are kept as such (Django would round 0.5 s down to none).
        cache.set("kort", "versie", 0.5)
        assert cache.get("kort") == "versie"
        assert 0 < redis.Redis.from_url(redis_url).pttl(cache.make_key("kort")) <= 500
        toegestaan = [AnoniemeLimiet().allow_request(_anoniem(rf), None) for _ in range(4)]
        assert toegestaan == [True, True, False, False]
        limiet = AnoniemeLimiet()
        assert limiet.allow_request(_anoniem(rf), None) is False
        assert 0 < limiet.wait() <= 60
        # Another address has a count of its own.
        assert AnoniemeLimiet().allow_request(_anoniem(rf, "192.0.2.7"), None)
