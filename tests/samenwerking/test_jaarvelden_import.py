"""A year outside 1900–2100 in a spreadsheet row is refused with the message of the database's
check, naming the field ("Jaar: moet tussen 1900 en 2100 liggen."), and nothing is stored."""

import pytest

from samenwerking.models import Bijdrage
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import csv_bestand, upload

pytestmark = pytest.mark.django_db


def test_an_import_row_with_a_year_out_of_range_names_the_field(admin_client, regio):
    verband = regio["eigen"].uuid
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"],
        [
            [verband, "Zaanstad", 2026, "begroot", "", "10"],
            [verband, "Zaanstad", 2101, "begroot", "", "20"],
        ],
    )
    antwoord = upload(admin_client, "bijdrage", inhoud)
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert "1 regel met fouten" in tekst
    assert "Jaar: moet tussen 1900 en 2100 liggen." in tekst, tekst[tekst.find("fout") - 300 :][
        :1500
    ]
    assert "Zorg ervoor" not in tekst
    assert antwoord.context.get("confirm_form") is None
    assert not Bijdrage.objects.filter(jaar__in=[2026, 2101]).exists()
