"""A year outside 1900–2100 in an API write is refused (problem+json) with the message of
the database's check, naming the field, and nothing is stored; the documented bounds stay."""

import pytest

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


def test_the_schema_still_documents_the_year_bounds(api):
    schema = api.get("/api/v1/openapi.json").json()
    jaar = schema["components"]["schemas"]["Bijdrage"]["properties"]["jaar"]
    assert (jaar["minimum"], jaar["maximum"]) == (1900, 2100)
