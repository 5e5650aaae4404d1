"""The API documentation page in a real browser: Swagger UI from our own static files."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_shows_the_core_question_without_a_cdn(pagina, settings):
    # The live server serves static files from the finders, without the manifest's hashed
    # names; production serves the collected files through WhiteNoise.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    adressen = []
    pagina.on("request", lambda verzoek: adressen.append(verzoek.url))
    pagina.goto(pagina.basis + "/api/v1/docs/")
    # The first request generates the whole document (some seconds on a loaded 2-core machine,
    # more as the API grows): wait for the heading longer than expect's default of 5 s.
    expect(pagina.get_by_role("heading", name=re.compile("regioreg API"))).to_be_visible(
        timeout=30_000
    )
    kern = pagina.locator('[data-path="/api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden"]')
    expect(kern).to_be_visible()
    assert all(adres.startswith(pagina.basis) for adres in adressen), adressen
