"""The core answer is written by hand (samenwerking/api/kernvraag.py); it says exactly what the
serializers that document it in OpenAPI would say about the same rows."""

import datetime
import json
from decimal import Decimal

import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from samenwerking.api.serializers import SamenwerkingsverbandenVanGemeenteSerializer
from samenwerking.constants import (
    BijdrageSoort,
    DeelnameRol,
    DeelnemendOrgaan,
    Functie,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from samenwerking.selectors import deelnames_van_gemeente, kostentotalen
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = D(2025, 6, 1)
URL = "/api/v1/gemeenten/GM0479/samenwerkingsverbanden"


@pytest.fixture
def register(zaanstad):
    """Zaanstad in arrangements that fill every field of the answer, and leave some empty."""
    f.InwonertalFactory(gemeente=zaanstad, jaar=2025, aantal=165_000)
    centrum = f.SamenwerkingsverbandFactory(
        naam="Centrumregeling", vorm=Vorm.CENTRUMGEMEENTE, centrumgemeente=zaanstad
    )
    stichting = f.SamenwerkingsverbandFactory(
        naam="Stichting", vorm=Vorm.STICHTING, afkorting="", verplicht=True
    )
    for verband, rol in (
        (centrum, DeelnameRol.CENTRUMGEMEENTE),
        (stichting, DeelnameRol.DEELNEMER),
    ):
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=zaanstad,
            rol=rol,
            verdeelsleutel=Decimal("12.5"),
            stemmen=3,
            deelnemende_bestuursorganen=[DeelnemendOrgaan.RAAD, DeelnemendOrgaan.COLLEGE],
            toetredingsdatum=D(2015, 1, 1),
            uittredingsdatum=D(2030, 1, 1),
        )
        verband.domeinen.add(f.DomeinFactory(), f.DomeinFactory())
        orgaan = f.BestuursorgaanFactory(
            samenwerkingsverband=verband, soort=OrgaanSoort.DAGELIJKS_BESTUUR, naam=""
        )
        f.ZetelFactory(
            deelname=deelname,
            bestuursorgaan=orgaan,
            functie=Functie.WETHOUDER,
            rol=ZetelRol.PLAATSVERVANGER,
            begindatum=D(2022, 3, 1),
            einddatum=D(2026, 3, 1),
            persoon__partij="",
        )
        f.BijdrageFactory(deelname=deelname, jaar=2025, onderdeel="basistaken")
        f.BijdrageFactory(
            deelname=deelname, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("7")
        )
        f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("99.99"))
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Zonder alles")


def _volgens_de_serializers(gemeente, request) -> dict:
    deelnames = deelnames_van_gemeente(gemeente, peildatum=PEILDATUM)
    overzicht = {
        "gemeente": gemeente,
        "peildatum": PEILDATUM,
        "jaar": PEILDATUM.year,
        "deelnames": deelnames,
        "totalen": kostentotalen(gemeente, deelnames, jaar=PEILDATUM.year),
    }
    serializer = SamenwerkingsverbandenVanGemeenteSerializer(
        overzicht, context={"request": request}
    )
    return json.loads(JSONRenderer().render(serializer.data))


@pytest.mark.parametrize(("host", "veilig"), [("testserver", False), ("een.example", True)])
def test_the_answer_is_what_the_documenting_serializers_write(
    api, register, zaanstad, settings, host, veilig
):
    settings.ALLOWED_HOSTS = ["testserver", "een.example"]
    antwoord = api.get(
        URL, {"peildatum": PEILDATUM.isoformat()}, HTTP_HOST=host, secure=veilig
    ).json()
    request = APIRequestFactory().get(URL, HTTP_HOST=host, secure=veilig)

    assert antwoord == _volgens_de_serializers(zaanstad, request)
    # Not an empty comparison: every part is there, with links to the asking host.
    verbanden = antwoord["samenwerkingsverbanden"]
    assert [v["samenwerkingsverband"]["naam"] for v in verbanden] == [
        "Centrumregeling",
        "Stichting",
        "Zonder alles",
    ]
    centrum = verbanden[0]
    schema = "https" if veilig else "http"
    assert centrum["samenwerkingsverband"]["url"].startswith(
        f"{schema}://{host}/api/v1/samenwerkingsverbanden/"
    )
    assert len(centrum["samenwerkingsverband"]["domeinen"]) == 2
    assert centrum["deelname"]["verdeelsleutel"] == "12.5000"
    assert centrum["deelname"]["deelnemendeBestuursorganen"] == ["raad", "college"]
    [zetel] = centrum["vertegenwoordigers"]
    assert zetel["bestuursorgaan"]["soortLabel"] == "Dagelijks bestuur"
    assert zetel["functieLabel"] == "Wethouder"
    assert centrum["bijdrage"]["begroot"] is not None
    assert len(centrum["bijdrage"]["perOnderdeel"]) == 2
    assert antwoord["totalen"]["perInwoner"]["begroot"] is not None
    # "Zonder alles" has neither amount; the others have both: the sums say what they leave out.
    assert (
        antwoord["totalen"]["aantalBegrootOnbekend"],
        antwoord["totalen"]["aantalGerealiseerdOnbekend"],
    ) == (1, 1)
    assert verbanden[2]["vertegenwoordigers"] == []
    assert verbanden[2]["bijdrage"] == {"begroot": None, "gerealiseerd": None, "perOnderdeel": []}
