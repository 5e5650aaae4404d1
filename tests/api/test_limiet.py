"""Anonymous API requests are rate limited (429 with Retry-After); accounts are not."""

import pytest
from django.core.cache import cache

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


def test_an_account_with_a_token_is_not_limited(lage_limiet):
    client = api_client(beheerder_account())
    assert all(client.get("/api/v1/provincies").status_code == 200 for _ in range(5))


def test_the_limit_is_off_when_empty(api, settings):
    settings.API_LIMIET_ANONIEM = ""
    assert all(api.get("/api/v1/provincies").status_code == 200 for _ in range(5))
