"""The API documentation page in a real browser, as a visitor gets it (the Content-Security-
Policy enforced): drawn on the server, so it reads the same without JavaScript, loads nothing
from elsewhere, and its table of contents leads to each address."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KERNVRAAG = "In welke samenwerkingsverbanden zit deze gemeente, en wat kost elk?"


@pytest.mark.parametrize("javascript", (True, False))
def test_api_documentation_reads_without_javascript_or_a_cdn(chromium, live_server, javascript):
    context = chromium.new_context(locale="nl-NL", java_script_enabled=javascript)
    pagina = context.new_page()
    gevraagd = []
    pagina.on("request", lambda verzoek: gevraagd.append(verzoek.url))
    pagina.goto(live_server.url + "/api/v1/docs/")
    expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    expect(pagina.get_by_role("heading", level=1, name="API-documentatie")).to_be_visible()
    expect(
        pagina.get_by_role("link", name=re.compile("Handleiding voor de API"))
    ).to_have_attribute("href", "/api/v1/handleiding/")
    expect(pagina.get_by_role("link", name="OpenAPI-beschrijving (YAML)")).to_be_visible()
    expect(pagina.get_by_role("link", name="Terug naar het register").first).to_have_attribute(
        "href", "/"
    )
    # The table of contents leads to the core question's address, with its parameters.
    inhoud = pagina.get_by_role("navigation", name="Inhoud")
    inhoud.get_by_role(
        "link", name="GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden"
    ).click()
    expect(pagina).to_have_url(re.compile("#op-gemeenten-samenwerkingsverbanden-retrieve$"))
    kop = pagina.get_by_role(
        "heading", level=3, name="GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden"
    )
    expect(kop).to_be_in_viewport()
    expect(pagina.get_by_text(KERNVRAAG, exact=True).last).to_be_visible()
    parameters = pagina.get_by_role(
        "region", name="Parameters van GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden"
    )
    expect(parameters.get_by_role("row", name=re.compile("^peildatum query"))).to_be_visible()
    elders = [adres for adres in gevraagd if not adres.startswith(live_server.url)]
    assert elders == []
    context.close()
