"""`van` and `tot` on the API's meeting endpoints: meetings dated in [van, tot), the register's
half-open period; a bad date or an empty range is a 400 naming the parameter."""

import datetime

import pytest

from raad import services
from raad.constants import VergaderingSoort
from raad.models import Raadsvergadering, Vergadering
from samenwerking.models import Gemeente
from tests import factories as f
from tests.api.hulp import ongeldig

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def vergaderingen(referentiedata):
    ggd = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    for datum in (D(2025, 12, 31), D(2026, 1, 1), D(2026, 6, 30), D(2027, 1, 1)):
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=ggd, soort=VergaderingSoort.ALGEMEEN_BESTUUR, datum=datum
            )
        )
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(gemeente=zaanstad, datum=datum)
        )
    return ggd


@pytest.mark.parametrize("pad", ["vergaderingen", "raadsvergaderingen"])
def test_van_and_tot_give_the_meetings_of_that_period(client, vergaderingen, pad):
    antwoord = client.get(
        f"/api/v1/{pad}", {"van": "2026-01-01", "tot": "2027-01-01", "ordering": "datum"}
    )
    assert antwoord.status_code == 200
    assert [v["datum"] for v in antwoord.json()["results"]] == ["2026-01-01", "2026-06-30"]
    # Each on its own.
    alleen_van = client.get(f"/api/v1/{pad}", {"van": "2026-06-30", "ordering": "datum"})
    assert [v["datum"] for v in alleen_van.json()["results"]] == ["2026-06-30", "2027-01-01"]
    alleen_tot = client.get(f"/api/v1/{pad}", {"tot": "2026-01-01", "ordering": "datum"})
    assert [v["datum"] for v in alleen_tot.json()["results"]] == ["2025-12-31"]


@pytest.mark.parametrize("pad", ["vergaderingen", "raadsvergaderingen"])
def test_a_bad_date_or_an_empty_period_is_a_dutch_400(client, vergaderingen, pad):
    assert "van" in ongeldig(client.get(f"/api/v1/{pad}", {"van": "1-1-2026"}))
    assert ongeldig(client.get(f"/api/v1/{pad}", {"van": "2026-06-30", "tot": "2026-06-30"})) == {
        "tot": "Tot: kies een datum na van (2026-06-30); de dag tot telt zelf niet mee."
    }


def test_the_schema_documents_van_and_tot(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    parameters = {
        p["name"]: p["description"]
        for p in schema.json()["paths"]["/api/v1/vergaderingen"]["get"]["parameters"]
    }
    assert parameters["van"].startswith("Alleen vergaderingen op of na deze datum")
    assert parameters["tot"].startswith("Alleen vergaderingen vóór deze datum")
