"""A wrong year typed on the regeling's page in a real browser (Debian's Chromium): the admin's
form is `novalidate`, so no English browser bubble stops it, and the year input is text, so
what was typed reaches the server, even "20x5" (a number input would send it as empty and
clear the optional year). The page comes back with the Dutch message next to the field and
what was typed; the stored year is unchanged."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from samenwerking.models import Document
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "een-lang-testwachtwoord-17"


def _jaar_op_regelingpagina(pagina, document):
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
    return pagina.get_by_label("Jaar, rij 1")


@pytest.mark.parametrize(
    ("getypt", "melding"),
    [
        ("-5", "Jaar: moet tussen 1900 en 2100 liggen."),
        ("20x5", "Jaar: vul een jaartal in, bijvoorbeeld 2025."),
    ],
)
def test_a_wrong_year_gets_the_dutch_message_and_keeps_the_stored_year(pagina, getypt, melding):
    document = f.DocumentFactory(titel="Begroting", jaar=2024)
    jaar = _jaar_op_regelingpagina(pagina, document)
    expect(jaar).to_have_attribute("inputmode", "numeric")
    jaar.fill(getypt)
    pagina.get_by_role("button", name="Opslaan", exact=True).click()

    # At the field, and in the summary at the top as a link to the field.
    expect(pagina.get_by_text(melding, exact=True)).to_be_visible()
    expect(pagina.locator(".foutoverzicht li")).to_have_text(f"Document 1: {melding}")
    expect(pagina.get_by_label("Jaar, rij 1")).to_have_value(getypt)
    assert Document.objects.values_list("jaar", flat=True).get(pk=document.pk) == 2024
