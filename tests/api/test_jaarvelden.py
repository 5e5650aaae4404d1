"""A year outside 1900–2100 in an API write is refused (problem+json) with the message of
the database's check, naming the field, and nothing is stored; so is a year that is not a
number; the documented bounds stay."""

import pytest

from raad.models import Zienswijzeverzoek
from samenwerking.models import Bijdrage
from tests import factories as f

from .hulp import ongeldig

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("jaar", [1899, 2101])
def test_a_year_out_of_range_is_refused_naming_the_field(beheerder, jaar):
    deelname = f.DeelnameFactory()
    gepost = {"deelname": str(deelname.uuid), "jaar": jaar, "soort": "begroot", "bedrag": "10"}
    fouten = ongeldig(beheerder.post("/api/v1/bijdragen", gepost, format="json"))
    assert fouten == {"jaar": "Jaar: moet tussen 1900 en 2100 liggen."}
    assert not Bijdrage.objects.exists()


JAAR_GEEN_GETAL = (
    'Jaar: geef een geheel getal, zonder aanhalingstekens en zonder decimalen: 2025, niet "2025" '
    "of 2025.0."
)


@pytest.mark.parametrize("jaar", ["abc", "2025,5", "2025", "2025.0", 2025.0, 2025.5, True])
def test_a_year_that_is_not_a_json_integer_is_refused_naming_the_field(beheerder, jaar):
    """The document says integer: the text "2025" and the number 2025.0 are not one (DRF would
    store both as 2025)."""
    deelname = f.DeelnameFactory()
    gepost = {"deelname": str(deelname.uuid), "jaar": jaar, "soort": "begroot", "bedrag": "10"}
    fouten = ongeldig(beheerder.post("/api/v1/bijdragen", gepost, format="json"))
    assert fouten == {"jaar": JAAR_GEEN_GETAL}
    assert not Bijdrage.objects.exists()


@pytest.mark.parametrize(
    ("jaar", "reden"),
    [
        (2101, "Begrotingsjaar: moet tussen 1900 en 2100 liggen."),
        (
            "abc",
            "Begrotingsjaar: geef een geheel getal, zonder aanhalingstekens en zonder decimalen: "
            '2025, niet "2025" of 2025.0.',
        ),
    ],
)
def test_a_year_with_a_label_of_its_own_is_named_by_that_label(beheerder, jaar, reden):
    """A zienswijzeverzoek's jaar is a begrotingsjaar: the API says so, as the admin does."""
    verband = f.SamenwerkingsverbandFactory()
    gepost = {
        "samenwerkingsverband": str(verband.uuid),
        "soort": "ontwerpbegroting",
        "onderwerp": "Ontwerpbegroting",
        "jaar": jaar,
        "ontvangenOp": "2025-03-01",
        "uitersteDatum": "2025-05-24",
    }
    fouten = ongeldig(beheerder.post("/api/v1/zienswijzeverzoeken", gepost, format="json"))
    assert fouten == {"jaar": reden}
    assert not Zienswijzeverzoek.objects.exists()


def test_the_schema_still_documents_the_year_bounds(api):
    schema = api.get("/api/v1/openapi.json").json()
    jaar = schema["components"]["schemas"]["Bijdrage"]["properties"]["jaar"]
    assert (jaar["minimum"], jaar["maximum"]) == (1900, 2100)
