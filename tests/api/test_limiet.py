"""Anonymous API requests are rate limited (429 with Retry-After); accounts are not."""

import pytest
from django.core.cache import cache

from tests import factories as f
from tests.toegang import api_client, beheerder_account

from .hulp import probleem

pytestmark = pytest.mark.django_db


@pytest.fixture
def lage_limiet(settings):
    settings.API_LIMIET_ANONIEM = "3/minute"
    cache.clear()
    yield
    cache.clear()


def test_anonymous_reads_over_the_limit_are_a_429_with_retry_after(api, lage_limiet):
    for _ in range(3):
        assert api.get("/api/v1/provincies").status_code == 200
    antwoord = api.get("/api/v1/provincies")
    body = probleem(antwoord, 429)
    assert body["title"] == "Te veel verzoeken"
    assert 0 < int(antwoord["Retry-After"]) <= 60


def _namen(antwoord) -> list[str]:
    return [p["naam"] for p in antwoord.json()["results"]]


def test_an_account_with_a_token_is_not_limited(lage_limiet):
    f.ProvincieFactory(code="PV90", naam="Testprovincie")
    client = api_client(beheerder_account())
    antwoorden = [client.get("/api/v1/provincies") for _ in range(5)]
    assert [a.status_code for a in antwoorden] == [200] * 5
    assert all("Testprovincie" in _namen(a) for a in antwoorden)


def test_the_limit_is_off_when_empty(api, settings):
    settings.API_LIMIET_ANONIEM = ""
    f.ProvincieFactory(code="PV90", naam="Testprovincie")
    antwoorden = [api.get("/api/v1/provincies") for _ in range(5)]
    assert [a.status_code for a in antwoorden] == [200] * 5
    assert all("Testprovincie" in _namen(a) for a in antwoorden)
