"""The API documentation page in a real browser: Redoc from our own static files inside the
site's Dutch page; the test waits for what it asserts (the core question drawn from the
schema), never for a fixed time."""

import re

import pytest
from playwright.sync_api import expect

# Redoc draws every operation of the schema in the browser: on a busy test machine that took
# up to half a minute. The test waits for the element it asserts, at most this long (ms).
REDOC_WACHTTIJD = 90_000
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_documentation_shows_the_core_question_without_a_cdn(chromium, live_server):
    # As a visitor gets it: the Content-Security-Policy enforced (the `pagina` fixture bypasses
    # it for axe). Redoc's bundle always draws a "by Redocly" logo from cdn.redoc.ly; the
    # policy blocks that request (it fails, nothing is loaded) and Redoc leaves the image out.
    context = chromium.new_context(locale="nl-NL")
    pagina = context.new_page()
    pagina.basis = live_server.url
    gevraagd, geladen = [], []
    pagina.on("request", lambda verzoek: gevraagd.append(verzoek.url))
    pagina.on("requestfinished", lambda verzoek: geladen.append(verzoek.url))
    pagina.goto(pagina.basis + "/api/v1/docs/")
    expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    expect(pagina.get_by_role("heading", level=1, name="API-documentatie")).to_be_visible()
    expect(
        pagina.get_by_role("link", name=re.compile("Handleiding voor de API"))
    ).to_have_attribute("href", "/api/v1/handleiding/")
    expect(pagina.get_by_role("link", name="Terug naar het register")).to_have_attribute(
        "href", "/"
    )
    kern = pagina.get_by_text("/api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden").first
    expect(kern).to_be_attached(timeout=REDOC_WACHTTIJD)
    assert geladen and all(adres.startswith(pagina.basis) for adres in geladen), geladen
    # The one address elsewhere the page may ask for is Redoc's logo, and it is not loaded.
    elders = {adres for adres in gevraagd if not adres.startswith(pagina.basis)}
    assert elders <= {REDOC_LOGO}, elders
    context.close()
