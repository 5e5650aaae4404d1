"""A year outside 1900–2100 is refused with the message of the database's check, which names
the field as the form labels it ("Begrotingsjaar: moet tussen 1900 en 2100 liggen."), not
Django's "Zorg ervoor dat deze waarde hoogstens 2100 is."."""

import pytest
from django.urls import reverse

from raad import models
from tests import factories as f

pytestmark = pytest.mark.django_db

BEGROTINGSJAAR_FOUT = "Begrotingsjaar: moet tussen 1900 en 2100 liggen."


@pytest.mark.parametrize("jaar", ["1899", "2101"])
def test_the_admin_form_names_the_year_field_in_its_error(admin_client, jaar):
    verband = f.SamenwerkingsverbandFactory()
    antwoord = admin_client.post(
        reverse("admin:raad_zienswijzeverzoek_add"),
        {
            "samenwerkingsverband": verband.pk,
            "soort": "ontwerpbegroting",
            "onderwerp": "Ontwerpbegroting",
            "jaar": jaar,
            "ontvangen_op": "2025-03-01",
            "uiterste_datum": "2025-05-24",
            "document_url": "",
            "zienswijzen-TOTAL_FORMS": "0",
            "zienswijzen-INITIAL_FORMS": "0",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors == {"jaar": [BEGROTINGSJAAR_FOUT]}
    assert BEGROTINGSJAAR_FOUT in antwoord.content.decode()
    assert "Zorg ervoor" not in antwoord.content.decode()
    assert not models.Zienswijzeverzoek.objects.exists()
