"""A link (models.basis.link_veld) is a web address for a browser: http or https, nothing else.
One rule on the model field (`link_validator`) for the admin, the spreadsheet import, the API
and the national register's import; the refusal names the field and shows what a link looks
like, and nothing is written."""

import pytest
from django.urls import reverse

from raad.models import Zienswijze
from samenwerking.models import Samenwerkingsverband
from samenwerking.roo_import.context import geldige_url
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import ZienswijzeFactory
from tests.samenwerking.importhulp import csv_bestand, upload
from tests.toegang.formulier import formulier_gegevens

pytestmark = pytest.mark.django_db

VOORBEELD = (
    "geef een webadres dat begint met https:// of http://, zonder spaties, bijvoorbeeld "
    "https://www.example.nl/stukken/begroting-2026.pdf."
)
GEEN_WEBADRES = ["ftp://ggd.nl/stukken.pdf", "ftps://ggd.nl/a", "javascript:alert(1)", "zomaar"]


def _zienswijze(**velden) -> Zienswijze:
    """A zienswijze the admin saves as it is: of a gemeente that takes part."""
    deelname = f.DeelnameFactory()
    return ZienswijzeFactory(
        zienswijzeverzoek__samenwerkingsverband=deelname.samenwerkingsverband,
        gemeente=deelname.gemeente,
        **velden,
    )


@pytest.mark.parametrize("waarde", GEEN_WEBADRES)
def test_the_admin_refuses_a_link_that_is_no_web_address(admin_client, waarde):
    zienswijze = _zienswijze(document_url="https://raad.example.nl/zienswijze.pdf")
    adres = reverse("admin:raad_zienswijze_change", args=[zienswijze.pk])
    gegevens = formulier_gegevens(admin_client.get(adres))
    gegevens["document_url"] = [waarde]
    gegevens["samenvatting"] = ["Gewijzigd"]

    antwoord = admin_client.post(adres, gegevens)

    assert antwoord.status_code == 200
    assert list(antwoord.context["adminform"].form.errors) == ["document_url"]
    tekst = paginatekst(antwoord)
    # Once, in our words: not Django's "Voer een geldige URL in." beside it.
    assert tekst.count(f"Document: {VOORBEELD}") == 1, tekst[:3000]
    assert "geldige URL" not in tekst
    opgeslagen = Zienswijze.objects.get(pk=zienswijze.pk)
    assert opgeslagen.document_url == "https://raad.example.nl/zienswijze.pdf"
    assert opgeslagen.samenvatting != "Gewijzigd"


def test_the_admin_stores_an_http_link(admin_client):
    zienswijze = _zienswijze()
    adres = reverse("admin:raad_zienswijze_change", args=[zienswijze.pk])
    gegevens = formulier_gegevens(admin_client.get(adres))
    gegevens["document_url"] = ["http://raad.example.nl/zienswijze.pdf"]
    assert admin_client.post(adres, gegevens).status_code == 302
    zienswijze.refresh_from_db()
    assert zienswijze.document_url == "http://raad.example.nl/zienswijze.pdf"


def test_an_import_row_with_an_ftp_link_names_the_row_and_field(admin_client, regio):
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["uuid", "naam", "vorm", "website"],
        [[verband.uuid, verband.naam, verband.vorm, "ftp://vr.example.nl/"]],
    )
    antwoord = upload(admin_client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert "1 regel met fouten" in tekst, tekst[:3000]
    assert f"Website: {VOORBEELD}" in tekst
    assert antwoord.context.get("confirm_form") is None
    assert Samenwerkingsverband.objects.get(pk=verband.pk).website == verband.website


def test_the_national_registers_import_leaves_out_what_a_link_cannot_hold():
    assert geldige_url("ftp://register.example.nl/regeling.pdf") == ""
    assert geldige_url(" https://register.example.nl/regeling ") == (
        "https://register.example.nl/regeling"
    )
