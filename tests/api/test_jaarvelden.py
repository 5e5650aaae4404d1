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


@pytest.mark.parametrize("jaar", ["abc", "2025,5"])
def test_a_year_that_is_not_a_number_is_refused_naming_the_field(beheerder, jaar):
    deelname = f.DeelnameFactory()
    gepost = {"deelname": str(deelname.uuid), "jaar": jaar, "soort": "begroot", "bedrag": "10"}
    fouten = ongeldig(beheerder.post("/api/v1/bijdragen", gepost, format="json"))
    assert fouten == {"jaar": "Jaar: vul een jaartal in, bijvoorbeeld 2025."}
    assert not Bijdrage.objects.exists()


@pytest.mark.parametrize(
    ("jaar", "reden"),
    [
        (2101, "Begrotingsjaar: moet tussen 1900 en 2100 liggen."),
        ("abc", "Begrotingsjaar: vul een jaartal in, bijvoorbeeld 2025."),
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
