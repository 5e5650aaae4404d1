"""The rows a form holds of another list (a regeling's documenten, grondslagen and
overgedragen bevoegdheden) in a real browser (Debian's Chromium via Playwright): the button
under them says what it adds, with the name first ("Document toevoegen"), not Django's Dutch
"Nog een Document toevoegen" (a capital inside the sentence, and "nog een" when there is
none), and it adds an empty row to fill in."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.samenwerking.test_werkplek_browser import _inloggen
from tests.toegang import beheerder_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_buttons_under_a_regelings_rows_say_what_they_add(pagina, referentiedata):
    _inloggen(pagina, beheerder_account())
    pagina.goto(pagina.basis + reverse("admin:samenwerking_samenwerkingsverband_add"))
    expect(pagina.locator(".breadcrumbs")).to_contain_text(
        "Samenwerkingsverbanden › Samenwerkingsverband toevoegen"
    )
    for groep, knop in [
        ("Documenten", "Document toevoegen"),
        ("Wettelijke grondslagen", "Wettelijke grondslag toevoegen"),
        ("Overgedragen bevoegdheden", "Overgedragen bevoegdheid toevoegen"),
    ]:
        blok = pagina.locator(".inline-group").filter(
            has=pagina.get_by_role("heading", name=groep, exact=True)
        )
        expect(blok.get_by_role("button", name=knop, exact=True)).to_be_visible()
        expect(blok).not_to_contain_text(re.compile("nog een", re.IGNORECASE))

    documenten = pagina.locator(".inline-group").filter(
        has=pagina.get_by_role("heading", name="Documenten", exact=True)
    )
    rijen = documenten.locator("tr.form-row:not(.empty-form)")
    voor = rijen.count()
    documenten.get_by_role("button", name="Document toevoegen", exact=True).click()
    expect(rijen).to_have_count(voor + 1)
