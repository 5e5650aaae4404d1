"""The 500 page: with DEBUG off, a view that raises gives the site's own Dutch page (NL Design
System styles, header and footer) saying what happened and what to do, with the contact
address; and a plain Dutch page if even that cannot be drawn. This module is also the URLconf
of its tests: the site's own addresses plus one that fails."""

import re

import pytest
from django.test import Client
from django.urls import path

from regioreg import urls as site_urls
from regioreg.foutpagina import NOODPAGINA


def _kapot(request):
    raise RuntimeError("kapot, voor de test")


urlpatterns = [
    path("kapot/", _kapot),
    *site_urls.urlpatterns,
]
handler404 = site_urls.handler404
handler500 = site_urls.handler500

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def bezoeker():
    """A visitor: the error is answered, not raised into the test."""
    return Client(raise_request_exception=False)


def _stijlbladen(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_a_failing_page_answers_500_in_dutch_in_the_look_of_the_site(bezoeker, settings):
    settings.DEBUG = False
    settings.CONTACT_EMAIL = "register@example.nl"
    antwoord = bezoeker.get("/kapot/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 500
    assert '<html lang="nl" class="utrecht-html">' in html
    assert "<title>Er ging iets mis · regioreg</title>" in html
    assert "<h1>Er ging iets mis</h1>" in html
    assert "Het ligt niet aan u" in html and "Er is niets gewijzigd." in html
    assert "<h2>Wat kunt u doen?</h2>" in html
    assert 'Ga naar <a href="/">de startpagina</a>' in html
    assert 'Mail naar <a href="mailto:register@example.nl">register@example.nl</a>' in html
    assert "Tijdstip van de fout:" in html
    # Nothing of the error itself is shown to the visitor.
    assert "RuntimeError" not in html and "kapot, voor de test" not in html
    # The same NL Design System styles, header and footer as every page (the 404 page here).
    niet_gevonden = bezoeker.get("/bestaat-niet/").content.decode()
    assert _stijlbladen(html) == _stijlbladen(niet_gevonden)
    assert any("utrecht-componenten" in blad for blad in _stijlbladen(html))
    for deel in ('aria-label="Hoofdmenu"', 'aria-label="Over deze site"', 'href="/bronnen/"'):
        assert deel in html, deel


def test_without_a_contact_address_it_says_whom_to_tell(bezoeker, settings):
    settings.CONTACT_EMAIL = ""
    html = bezoeker.get("/kapot/").content.decode()
    assert "Meld het de beheerder van deze website" in html
    assert 'href="/toegankelijkheid/#contact"' in html
    assert "mailto:" not in html


def test_when_the_page_itself_fails_a_plain_dutch_page_remains(bezoeker, settings, monkeypatch):
    from django.template import loader

    def stuk(naam):
        raise ValueError("geen sjabloon")

    monkeypatch.setattr(loader, "get_template", stuk)
    antwoord = bezoeker.get("/kapot/")
    assert antwoord.status_code == 500
    assert antwoord.content.decode() == NOODPAGINA
    assert "<h1>Er ging iets mis</h1>" in NOODPAGINA and 'lang="nl"' in NOODPAGINA


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("breedte", (375, 1280))
def test_500_page_fits_the_screen_and_passes_axe(pagina, breedte):
    from playwright.sync_api import expect

    from tests.raad.test_openbare_paginas_browser import OVERLOOP, _ernstige_axe_fouten

    pagina.set_viewport_size({"width": breedte, "height": 800})
    antwoord = pagina.goto(pagina.basis + "/kapot/")
    assert antwoord.status == 500
    expect(pagina.get_by_role("heading", level=1, name="Er ging iets mis")).to_be_visible()
    expect(pagina.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    # The site's stylesheets loaded: the header has the site's colour (--accent).
    expect(pagina.locator("header.kop")).to_have_css("background-color", "rgb(21, 66, 115)")
    expect(pagina.get_by_role("link", name="de startpagina")).to_have_attribute("href", "/")
    breed, scherm, te_breed = pagina.evaluate(OVERLOOP)
    assert breed <= scherm, te_breed
    assert _ernstige_axe_fouten(pagina) == []
