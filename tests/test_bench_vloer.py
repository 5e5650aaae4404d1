"""The benchmark's floor (bench/vloer.py) writes the same JSON document as the core endpoint,
so that `make bench` compares the endpoint with the same work done by hand."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection

from bench.vloer import kernvraag_vloer
from samenwerking.constants import (
    BijdrageSoort,
    DeelnameRol,
    Functie,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from samenwerking.models import Gemeente
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = D(2025, 6, 1)
BASIS = "http://testserver/api/v1/"


@pytest.fixture
def zaanstad(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    f.InwonertalFactory(gemeente=zaanstad, jaar=2025, aantal=165_000)

    ggd = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="GGD",
        verdeelsleutel=Decimal("45.5"),
        rol=DeelnameRol.VESTIGINGSGEMEENTE,
    )
    ggd.samenwerkingsverband.domeinen.add(
        f.DomeinFactory(naam="Zorg (test)"), f.DomeinFactory(naam="Jeugd (test)")
    )
    ab = f.BestuursorgaanFactory(samenwerkingsverband=ggd.samenwerkingsverband)
    db = f.BestuursorgaanFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        soort=OrgaanSoort.DAGELIJKS_BESTUUR,
        naam="DB GGD",
    )
    f.ZetelFactory(deelname=ggd, bestuursorgaan=ab, persoon__naam="A. Aalders")
    f.ZetelFactory(
        deelname=ggd,
        bestuursorgaan=db,
        persoon__naam="B. Bakker",
        persoon__partij="Partij X",
        functie=Functie.BURGEMEESTER,
        rol=ZetelRol.VOORZITTER,
        begindatum=D(2022, 1, 1),
    )
    f.ZetelFactory(deelname=ggd, bestuursorgaan=ab, einddatum=D(2025, 3, 1))  # earlier in 2025
    f.ZetelFactory(deelname=ggd, bestuursorgaan=ab, begindatum=D(2026, 1, 1))  # later
    for onderdeel, bedrag in [("basistaken", "1000000.10"), ("plustaken", "2500.55")]:
        f.BijdrageFactory(deelname=ggd, jaar=2025, onderdeel=onderdeel, bedrag=Decimal(bedrag))
    f.BijdrageFactory(
        deelname=ggd, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("990000")
    )
    f.BijdrageFactory(deelname=ggd, jaar=2024, bedrag=Decimal("900000"))

    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Afval", stemmen=2)
    f.DeelnameFactory(
        gemeente=zaanstad, samenwerkingsverband__naam="Bank", aansprakelijk=True, stemmen=0
    )
    f.DeelnameFactory(  # ended before the peildatum: not in either answer
        gemeente=zaanstad, samenwerkingsverband__naam="Oud", uittredingsdatum=D(2020, 1, 1)
    )
    f.DeelnameFactory(samenwerkingsverband=ggd.samenwerkingsverband)  # another gemeente
    # A bijdrage of € 0 is no financieel belang (BBV art. 1): both answers say so alike.
    nul = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Cultuur",
        samenwerkingsverband__vorm=Vorm.STICHTING,
    )
    f.ZetelFactory(deelname=nul)
    f.BijdrageFactory(deelname=nul, jaar=2025, bedrag=Decimal("0.00"))
    return zaanstad


def test_floor_answers_exactly_what_the_endpoint_answers(client, zaanstad):
    api = client.get(
        "/api/v1/gemeenten/GM0479/samenwerkingsverbanden", {"peildatum": PEILDATUM.isoformat()}
    ).json()
    vloer = json.loads(kernvraag_vloer(connection, "GM0479", PEILDATUM, BASIS))

    assert vloer == api
    # Not an empty comparison: the rich rows are there.
    assert [v["samenwerkingsverband"]["naam"] for v in vloer["samenwerkingsverbanden"]] == [
        "Afval",
        "Bank",
        "Cultuur",
        "GGD",
    ]
    cultuur = vloer["samenwerkingsverbanden"][2]
    assert (cultuur["financieelBelang"], cultuur["verbondenPartij"]) == (False, False)
    ggd = vloer["samenwerkingsverbanden"][3]
    assert [z["persoon"]["naam"] for z in ggd["vertegenwoordigers"]] == [
        "A. Aalders",
        "B. Bakker",
    ]
    assert ggd["bijdrage"]["begroot"] == "1002500.65"
    assert vloer["totalen"]["perInwoner"]["begroot"] == "6.08"
    # Afval and Bank have no bijdrage; Cultuur only a begrote one (of € 0, which is known).
    assert (
        vloer["totalen"]["aantalBegrootOnbekend"],
        vloer["totalen"]["aantalGerealiseerdOnbekend"],
    ) == (2, 3)


def test_floor_for_a_gemeente_without_deelnames_and_an_unknown_one(client, referentiedata):
    api = client.get(
        "/api/v1/gemeenten/GM0363/samenwerkingsverbanden", {"peildatum": PEILDATUM.isoformat()}
    ).json()
    assert json.loads(kernvraag_vloer(connection, "GM0363", PEILDATUM, BASIS)) == api
    assert api["samenwerkingsverbanden"] == []
    assert kernvraag_vloer(connection, "GM9999", PEILDATUM, BASIS) is None
