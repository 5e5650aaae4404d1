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
    wachten = int(antwoord["Retry-After"])
    assert 0 < wachten <= 60
    # Dutch throughout (DRF's own text was "Aanvraag was verstikt. Expected available in …"),
    # with the same number of seconds as the header.
    eenheid = "seconde" if wachten == 1 else "seconden"
    assert body["detail"] == (
        f"Te veel verzoeken zonder account. Probeer het over {wachten} {eenheid} opnieuw, of "
        "gebruik een token."
    )


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


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(api, lage_limiet):
    statussen = [
        api.get("/api/v1/provincies", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(5)
    ]
    assert statussen == [200, 200, 200, 429, 429]


def test_behind_the_proxy_the_address_it_added_is_counted(api, lage_limiet, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    # The client forges the first entries; the proxy appends the address it saw.
    statussen = [
        api.get("/api/v1/provincies", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1").status_code
        for n in range(4)
    ]
    assert statussen == [200, 200, 200, 429]
    ander = api.get("/api/v1/provincies", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert ander.status_code == 200
    assert "Noord-Holland" in _namen(ander)
