"""The deelnemers tab's ~340 gemeenten as checkboxes in a real browser (Debian's Chromium via
Playwright): found with the search field, chosen with the keyboard only, what is chosen said
in a live region, and no serious axe-core violation; without JavaScript the checkboxes work
the same."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samenwerking import models
from tests import factories as f
from tests.samenwerking.test_werkplek_browser import _axe, _inloggen
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _verband_en_pagina(pagina):
    verband = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Kennemerland")
    gebruiker = account(RolSoort.SECRETARIAAT, verbanden=[verband])
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    url = reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
    pagina.goto(pagina.basis + url)
    return verband


def test_gemeenten_are_searched_and_chosen_by_keyboard(pagina, referentiedata):
    verband = _verband_en_pagina(pagina)
    groep = pagina.get_by_role("group", name="Gemeenten")
    assert groep.get_by_role("checkbox").count() > 300
    zoek = pagina.get_by_role("searchbox", name="Zoek een gemeente")
    zoek.focus()
    pagina.keyboard.type("haarl")
    expect(pagina.locator("#id_gemeenten_gevonden")).to_have_text("2 gemeenten gevonden.")
    expect(groep.get_by_role("checkbox", name="Haarlem", exact=True)).to_be_visible()
    expect(groep.get_by_role("checkbox", name="Zandvoort", exact=True)).to_be_hidden()
    # Enter in the search field does not send the form.
    pagina.keyboard.press("Enter")
    expect(zoek).to_be_focused()
    # Tab to the first one found, Space to tick it.
    pagina.keyboard.press("Tab")
    expect(groep.get_by_role("checkbox", name="Haarlem", exact=True)).to_be_focused()
    pagina.keyboard.press("Space")
    gekozen = pagina.locator("#id_gemeenten_gekozen")
    expect(gekozen).to_have_text("1 gemeente gekozen: Haarlem.")
    assert gekozen.get_attribute("aria-live") == "polite"
    # Another search: the chosen one stays in view and chosen.
    zoek.fill("")
    zoek.focus()
    pagina.keyboard.type("zandv")
    expect(pagina.locator("#id_gemeenten_gevonden")).to_have_text("1 gemeente gevonden.")
    expect(groep.get_by_role("checkbox", name="Haarlem", exact=True)).to_be_checked()
    zandvoort = groep.get_by_role("checkbox", name="Zandvoort", exact=True)
    zandvoort.focus()
    pagina.keyboard.press("Space")
    expect(gekozen).to_have_text("2 gemeenten gekozen: Haarlem, Zandvoort.")
    assert _axe(pagina) == []
    pagina.get_by_role("button", name="Toevoegen").focus()
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_text("2 deelnemer(s) toegevoegd: Haarlem, Zandvoort.")).to_be_visible()
    namen = models.Deelname.objects.filter(samenwerkingsverband=verband)
    assert sorted(namen.values_list("gemeente__naam", flat=True)) == ["Haarlem", "Zandvoort"]


def test_without_javascript_the_checkboxes_work_the_same(chromium, live_server, referentiedata):
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    pagina = context.new_page()
    pagina.basis = live_server.url
    try:
        verband = _verband_en_pagina(pagina)
        # No search field without the script that makes it work.
        expect(pagina.get_by_role("searchbox")).to_have_count(0)
        groep = pagina.get_by_role("group", name="Gemeenten")
        groep.get_by_role("checkbox", name="Bloemendaal", exact=True).check()
        pagina.get_by_role("button", name="Toevoegen").click()
        expect(pagina.get_by_text("1 deelnemer(s) toegevoegd: Bloemendaal.")).to_be_visible()
        assert models.Deelname.objects.get(samenwerkingsverband=verband).toetredingsdatum is None
    finally:
        context.close()


def test_a_refused_choice_keeps_what_was_chosen_and_says_it(pagina, referentiedata):
    verband = _verband_en_pagina(pagina)
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=models.Gemeente.objects.get(naam="Haarlem", einddatum__isnull=True),
        toetredingsdatum=datetime.date(2020, 1, 1),
        uittredingsdatum=datetime.date(2030, 1, 1),
    )
    groep = pagina.get_by_role("group", name="Gemeenten")
    groep.get_by_role("checkbox", name="Heemstede", exact=True).check()
    groep.get_by_role("checkbox", name="Haarlem", exact=True).check()
    pagina.get_by_label("Toetredingsdatum").fill("2025-01-01")
    pagina.get_by_role("button", name="Toevoegen").click()
    expect(pagina.locator(".foutoverzicht")).to_contain_text("Haarlem")
    expect(groep.get_by_role("checkbox", name="Heemstede", exact=True)).to_be_checked()
    expect(pagina.locator("#id_gemeenten_gekozen")).to_have_text(
        "2 gemeenten gekozen: Haarlem, Heemstede."
    )
    assert not models.Deelname.objects.filter(gemeente__naam="Heemstede").exists()
