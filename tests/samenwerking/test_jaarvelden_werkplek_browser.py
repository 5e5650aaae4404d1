"""A negative year typed on the regeling's page in a real browser (Debian's Chromium): the
number input's min and max do not stop the admin's form (it is `novalidate`, so no English
browser bubble), and the page comes back with the Dutch message next to the field; nothing is
stored."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "een-lang-testwachtwoord-17"


def test_a_negative_year_gets_the_dutch_message_next_to_the_field(pagina):
    document = f.DocumentFactory(titel="Begroting", jaar=2024)
    get_user_model().objects.create_superuser("beheer", password=WACHTWOORD)
    pagina.goto(pagina.basis + "/admin/login/?next=/admin/")
    pagina.get_by_label("Gebruikersnaam").fill("beheer")
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina.get_by_role("link", name="Samenwerkingsverbanden").first).to_be_visible()

    pagina.goto(
        f"{pagina.basis}/admin/samenwerking/samenwerkingsverband/"
        f"{document.samenwerkingsverband.pk}/change/"
    )
    jaar = pagina.get_by_label("Jaar, rij 1")
    expect(jaar).to_have_attribute("min", "1900")
    jaar.fill("-5")
    pagina.get_by_role("button", name="Opslaan", exact=True).click()

    expect(pagina.get_by_text("Jaar: moet tussen 1900 en 2100 liggen.")).to_be_visible()
    expect(pagina.get_by_label("Jaar, rij 1")).to_have_value("-5")
    document.refresh_from_db()
    assert document.jaar == 2024
