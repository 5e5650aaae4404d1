"""A year in the workplace's forms (a document's jaar on the regeling's page, the jaarcijfers
reached from its tab) is typed as text with the digits keyboard (a number input would send a
mistyped year as empty) and must lie from 1900 to 2100; out of range or not a number, the
form names the field in Dutch and nothing is stored. The field says this itself
(models.basis.JaarVeld): every form built on the model gets it."""

import pytest
from django import forms
from django.urls import reverse
from lxml import html

from raad.models import Zienswijzeverzoek
from samenwerking import models
from tests import factories as f
from tests.toegang.formulier import formulier_gegevens

pytestmark = pytest.mark.django_db


def _regeling_url(verband) -> str:
    return reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])


def test_the_regelings_page_offers_a_documents_year_as_text_with_the_digits_keyboard(
    admin_client,
):
    document = f.DocumentFactory(jaar=2024)
    pagina = html.fromstring(admin_client.get(_regeling_url(document.samenwerkingsverband)).content)
    (invoer,) = pagina.xpath("//input[@name='documenten-0-jaar']")
    assert (invoer.get("type"), invoer.get("inputmode"), invoer.get("value")) == (
        "text",
        "numeric",
        "2024",
    )


@pytest.mark.parametrize(
    ("jaar", "fout"),
    [
        ("-5", "Jaar: moet tussen 1900 en 2100 liggen."),
        ("2101", "Jaar: moet tussen 1900 en 2100 liggen."),
        ("20x5", "Jaar: vul een jaartal in, bijvoorbeeld 2025."),
    ],
)
def test_a_documents_year_out_of_range_is_refused_on_the_regelings_page(admin_client, jaar, fout):
    document = f.DocumentFactory(jaar=2024)
    url = _regeling_url(document.samenwerkingsverband)
    gegevens = formulier_gegevens(admin_client.get(url))
    gegevens["documenten-0-jaar"] = [jaar]
    antwoord = admin_client.post(url, gegevens)
    assert antwoord.status_code == 200
    (documenten,) = [
        inline.formset
        for inline in antwoord.context["inline_admin_formsets"]
        if inline.formset.prefix == "documenten"
    ]
    assert documenten.errors[0] == {"jaar": [fout]}
    assert fout in antwoord.content.decode()
    assert "Zorg ervoor" not in antwoord.content.decode()
    document.refresh_from_db()
    assert document.jaar == 2024


def test_jaarcijfers_with_a_year_that_is_not_a_number_name_the_field(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    antwoord = admin_client.post(
        reverse("admin:samenwerking_jaarcijfers_add"),
        {"samenwerkingsverband": verband.pk, "jaar": "twintig", "soort": "jaarrekening",
         "lasten": "", "baten": "", "risicos": "", "ontwikkelingen": "", "bron": ""},
    )  # fmt: skip
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors == {
        "jaar": ["Jaar: vul een jaartal in, bijvoorbeeld 2025."]
    }
    assert not models.Jaarcijfers.objects.exists()


@pytest.mark.parametrize(
    ("model", "waarde", "fout"),
    [
        (models.Bijdrage, "1899", "Jaar: moet tussen 1900 en 2100 liggen."),
        (Zienswijzeverzoek, "0", "Begrotingsjaar: moet tussen 1900 en 2100 liggen."),
        (Zienswijzeverzoek, "x", "Begrotingsjaar: vul een jaartal in, bijvoorbeeld 2025."),
    ],
)
def test_any_model_form_of_a_year_says_the_fields_own_message(model, waarde, fout):
    """Not only the admin's forms: a plain ModelForm gets the message from the field."""
    formulier = forms.modelform_factory(model, fields=["jaar"])({"jaar": waarde})
    assert formulier.errors == {"jaar": [fout]}
