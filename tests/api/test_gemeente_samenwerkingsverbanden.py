"""The core question: GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from samenwerking.constants import BijdrageSoort, Functie, Vorm, ZetelRol
from samenwerking.models import Domein
from samenwerking.selectors import deelnames_van_gemeente
from tests import factories as f

from .hulp import ongeldig, probleem

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/api/v1/gemeenten/GM0479/samenwerkingsverbanden"


@pytest.fixture
def verbanden(zaanstad):
    """Zaanstad in four arrangements over the years 2024 and 2025."""
    veiligheidsregio = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Veiligheidsregio Zaanstreek-Waterland",
        samenwerkingsverband__afkorting="VrZW",
        samenwerkingsverband__vestigingsplaats="Zaandam",
        samenwerkingsverband__verplicht=True,
        toetredingsdatum=D(2010, 1, 1),
        verdeelsleutel=Decimal("37.5"),
    )
    veiligheidsregio.samenwerkingsverband.domeinen.add(Domein.objects.get(code="veiligheid"))
    f.ZetelFactory(
        deelname=veiligheidsregio,
        persoon__naam="M. Moussa",
        persoon__partij="GroenLinks",
        functie=Functie.BURGEMEESTER,
        rol=ZetelRol.VOORZITTER,
        begindatum=D(2022, 6, 1),
    )
    for onderdeel, bedrag in [("basistaken", "700.00"), ("plustaken", "300.50")]:
        f.BijdrageFactory(
            deelname=veiligheidsregio, jaar=2024, onderdeel=onderdeel, bedrag=Decimal(bedrag)
        )
    f.BijdrageFactory(
        deelname=veiligheidsregio,
        jaar=2024,
        soort=BijdrageSoort.GEREALISEERD,
        bedrag=Decimal("950"),
    )
    f.BijdrageFactory(deelname=veiligheidsregio, jaar=2025, bedrag=Decimal("1100"))

    ggd = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland",
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
        toetredingsdatum=D(2015, 1, 1),
    )
    f.BijdrageFactory(deelname=ggd, jaar=2025, bedrag=Decimal("500000"))

    f.DeelnameFactory(  # ended before the peildatum
        gemeente=zaanstad,
        samenwerkingsverband__naam="Recreatieschap Twiske-Waterland",
        toetredingsdatum=D(2012, 1, 1),
        uittredingsdatum=D(2024, 1, 1),
    )
    f.DeelnameFactory(  # starts after the peildatum
        gemeente=zaanstad,
        samenwerkingsverband__naam="Omgevingsdienst Noordzeekanaalgebied",
        toetredingsdatum=D(2026, 1, 1),
    )
    f.InwonertalFactory(gemeente=zaanstad, jaar=2025, aantal=160000)
    return veiligheidsregio, ggd


def test_arrangements_on_the_peildatum_with_representatives_and_costs(api, verbanden):
    veiligheidsregio, _ggd = verbanden
    antwoord = api.get(URL, {"peildatum": "2025-06-01"})
    assert antwoord.status_code == 200
    body = antwoord.json()

    assert body["gemeente"] == {
        "cbsCode": "GM0479",
        "url": "http://testserver/api/v1/gemeenten/GM0479",
        "naam": "Zaanstad",
    }
    assert (body["peildatum"], body["jaar"]) == ("2025-06-01", 2025)
    assert [r["samenwerkingsverband"]["naam"] for r in body["samenwerkingsverbanden"]] == [
        "GGD Zaanstreek-Waterland",
        "Veiligheidsregio Zaanstreek-Waterland",
    ]

    ggd_rij, vr_rij = body["samenwerkingsverbanden"]
    verband = veiligheidsregio.samenwerkingsverband
    assert vr_rij["samenwerkingsverband"] == {
        "uuid": str(verband.uuid),
        "url": f"http://testserver/api/v1/samenwerkingsverbanden/{verband.uuid}",
        "naam": "Veiligheidsregio Zaanstreek-Waterland",
        "afkorting": "VrZW",
        "vorm": "OL",
        "vormLabel": "Openbaar lichaam",
        "domeinen": ["veiligheid"],
        "vestigingsplaats": "Zaandam",
        "verplicht": True,
    }
    assert vr_rij["deelname"] == {
        "uuid": str(veiligheidsregio.uuid),
        "url": f"http://testserver/api/v1/deelnames/{veiligheidsregio.uuid}",
        "toetredingsdatum": "2010-01-01",
        "uittredingsdatum": None,
        "rol": "deelnemer",
        "rolLabel": "Deelnemer",
        "verdeelsleutel": "37.5000",
        "stemmen": None,
        "deelnemendeBestuursorganen": [],
    }
    assert (vr_rij["bestuurlijkBelang"], vr_rij["financieelBelang"]) == (True, True)
    assert vr_rij["verbondenPartij"] is True
    [vertegenwoordiger] = vr_rij["vertegenwoordigers"]
    assert vertegenwoordiger["persoon"]["naam"] == "M. Moussa"
    assert vertegenwoordiger["persoon"]["partij"] == "GroenLinks"
    assert vertegenwoordiger["bestuursorgaan"]["soortLabel"] == "Algemeen bestuur"
    assert vertegenwoordiger["functie"] == "burgemeester"
    assert vertegenwoordiger["rol"] == "voorzitter"
    assert vr_rij["bijdrage"]["begroot"] == "1100.00"
    assert vr_rij["bijdrage"]["gerealiseerd"] is None  # onbekend, not 0

    # The GGD, an openbaar lichaam, has no seat or vote recorded: by its form the deelnemers
    # appoint its bestuur, so it is a verbonden partij all the same, and the answer says why.
    assert (ggd_rij["bestuurlijkBelang"], ggd_rij["verbondenPartij"]) == (True, True)
    assert ggd_rij["verbondenPartijReden"] == (
        "bestuurlijk belang: de deelnemers wijzen het bestuur aan (openbaar lichaam); "
        "financieel belang: bijdrage 2025"
    )
    assert ggd_rij["vertegenwoordigers"] == []

    assert body["totalen"] == {
        "begroot": "501100.00",
        "gerealiseerd": None,
        # Neither gerealiseerd bijdrage is known: the answer says so beside the sums.
        "aantalBegrootOnbekend": 0,
        "aantalGerealiseerdOnbekend": 2,
        "inwoners": 160000,
        "perInwoner": {"begroot": "3.13", "gerealiseerd": None},
    }


def test_costs_of_another_year_per_onderdeel(api, verbanden):
    body = api.get(URL, {"peildatum": "2025-06-01", "jaar": "2024"}).json()
    vr_rij = body["samenwerkingsverbanden"][1]
    assert vr_rij["bijdrage"]["begroot"] == "1000.50"
    assert vr_rij["bijdrage"]["gerealiseerd"] == "950.00"
    assert [
        (b["soort"], b["onderdeel"], b["bedrag"]) for b in vr_rij["bijdrage"]["perOnderdeel"]
    ] == [
        ("begroot", "basistaken", "700.00"),
        ("begroot", "plustaken", "300.50"),
        ("gerealiseerd", "", "950.00"),
    ]
    # No Inwonertal for 2024: the per-inwoner figures are unknown, not 0.
    assert body["totalen"]["inwoners"] is None
    assert body["totalen"]["perInwoner"] == {"begroot": None, "gerealiseerd": None}


def test_an_earlier_peildatum_shows_the_arrangement_that_has_ended_since(api, verbanden):
    body = api.get(URL, {"peildatum": "2023-06-01"}).json()
    assert [r["samenwerkingsverband"]["naam"] for r in body["samenwerkingsverbanden"]] == [
        "GGD Zaanstreek-Waterland",
        "Recreatieschap Twiske-Waterland",
        "Veiligheidsregio Zaanstreek-Waterland",
    ]
    assert body["jaar"] == 2023
    assert body["totalen"]["begroot"] is None  # no bijdragen known for 2023


def test_same_rows_as_the_selector_behind_the_gemeente_page(api, verbanden, zaanstad):
    body = api.get(URL).json()  # defaults: today, this year
    vandaag = timezone.localdate()
    assert body["peildatum"] == vandaag.isoformat()
    assert body["jaar"] == vandaag.year
    assert [r["deelname"]["uuid"] for r in body["samenwerkingsverbanden"]] == [
        str(d.uuid) for d in deelnames_van_gemeente(zaanstad, peildatum=vandaag)
    ]


@pytest.mark.parametrize(
    ("parameters", "naam", "reden"),
    [
        (
            {"peildatum": "1-6-2025"},
            "peildatum",
            "Peildatum: vul een geldige datum in (JJJJ-MM-DD).",
        ),
        ({"jaar": "twintig"}, "jaar", "Jaar: vul een jaartal in, bijvoorbeeld 2025."),
        ({"jaar": "1850"}, "jaar", "Jaar: moet 1900 of later zijn."),
        (
            {"peil_datum": "2025-01-01"},
            "peil_datum",
            "Onbekende parameter. Toegestaan: jaar, peildatum.",
        ),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(api, zaanstad, parameters, naam, reden):
    assert ongeldig(api.get(URL, parameters)) == {naam: reden}


def test_unknown_gemeente_is_a_404_saying_which(api, referentiedata):
    body = probleem(api.get("/api/v1/gemeenten/GM9999/samenwerkingsverbanden"), 404)
    assert body["detail"] == "Geen gemeente met CBS-code GM9999."


@pytest.mark.parametrize("aantal", [1, 30])
def test_query_count_does_not_grow_with_the_arrangements(
    api, zaanstad, aantal, django_assert_num_queries
):
    for i in range(aantal):
        deelname = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam=f"Regeling {i}")
        f.ZetelFactory(deelname=deelname)
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        deelname.samenwerkingsverband.domeinen.add(f.DomeinFactory(), f.DomeinFactory())
    # 1 gemeente with its inwonertal of the year; 2-5 deelnames_van_gemeente: deelnames with
    # arrangement, domeinen, seats with persoon and orgaan, bijdragen of the year.
    with django_assert_num_queries(5):
        antwoord = api.get(URL, {"peildatum": "2025-06-01"})
    verbanden = antwoord.json()["samenwerkingsverbanden"]
    assert len(verbanden) == aantal
    assert all(len(v["samenwerkingsverband"]["domeinen"]) == 2 for v in verbanden)
    assert all(len(v["vertegenwoordigers"]) == 1 for v in verbanden)
