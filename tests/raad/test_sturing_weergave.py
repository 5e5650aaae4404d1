"""Kaders, doelen and indicators as the gemeente page, the arrangement page, the oplegger and
the API show them (the admin and its rights: test_sturing.py)."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client

from raad.models import Kader, KaderSoort
from samenwerking.constants import JaarcijfersSoort
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import (
    IndicatorFactory,
    IndicatorwaardeFactory,
    KaderFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def _admin(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def gevuld(sturingsregio):
    """Zaanstad's and Purmerend's kaders for 2025 and 2026; the regeling's jaarrekening 2025
    and a goal with an indicator planned and realised in 2025 and planned in 2026."""
    verband = sturingsregio["eigen"]
    KaderFactory(
        gemeente=sturingsregio["zaanstad"],
        samenwerkingsverband=verband,
        jaar=2025,
        onderwerp="Kaders 2025: bijdrage hoogstens +2%",
        document_url="https://zaanstad.example/besluit-2025",
    )
    KaderFactory(
        gemeente=sturingsregio["zaanstad"],
        samenwerkingsverband=verband,
        jaar=2026,
        soort=KaderSoort.INSTRUCTIE,
        onderwerp="Instructie: stem tegen een hogere bijdrage",
    )
    KaderFactory(
        gemeente=sturingsregio["purmerend"],
        samenwerkingsverband=verband,
        jaar=2025,
        onderwerp="Purmerend: meer preventie",
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2025,
        soort=JaarcijfersSoort.JAARREKENING,
        lasten=Decimal("5200000"),
        resultaat=Decimal("-100000"),
    )
    indicator = IndicatorFactory(
        doel__samenwerkingsverband=verband,
        doel__titel="Gezond opgroeien",
        naam="Kinderen met overgewicht",
        eenheid="%",
    )
    IndicatorwaardeFactory(
        indicator=indicator,
        jaar=2025,
        gepland=Decimal("12"),
        gerealiseerd=Decimal("12.4"),
        bron="Jaarverslag 2025",
        bron_url="https://ggd.example/jaarverslag-2025",
    )
    IndicatorwaardeFactory(
        indicator=indicator, jaar=2026, gepland=Decimal("11.5"), gerealiseerd=None
    )
    return sturingsregio


def _sectie(tekst: str, kop: str) -> str:
    return tekst.split(kop, 1)[1].split("</section>", 1)[0]


def test_gemeente_page_shows_its_kaders_per_regeling(client, gevuld):
    antwoord = client.get("/gemeenten/GM0479/")
    assert antwoord.status_code == 200
    sectie = _sectie(paginatekst(antwoord), "Kaders van de raad</h2>")
    assert "GGD Zaanstreek-Waterland</a></h3>" in sectie
    assert "Kaders 2025: bijdrage hoogstens +2%" in sectie
    assert "Instructie: stem tegen een hogere bijdrage" in sectie
    assert "instructie aan de vertegenwoordiger" in sectie
    assert "Purmerend: meer preventie" not in sectie  # another raad's


def test_gemeente_page_kaders_link_their_regeling_at_the_chosen_moment(client, gevuld):
    antwoord = client.get("/gemeenten/GM0479/", {"peildatum": "2024-03-01", "jaar": "2024"})
    sectie = _sectie(paginatekst(antwoord), "Kaders van de raad</h2>")
    assert (
        '?gemeente=GM0479&amp;peildatum=2024-03-01&amp;jaar=2024">GGD Zaanstreek-Waterland</a></h3>'
        in sectie
    )


def test_gemeente_page_links_the_griffie_of_that_gemeente_to_its_kaders(client, sturingsregio):
    link = "Kader van de raad toevoegen"
    assert link not in paginatekst(client.get("/gemeenten/GM0479/"))  # anonymous
    griffie = _admin(sturingsregio["griffie"])
    assert link in paginatekst(griffie.get("/gemeenten/GM0479/"))
    assert link not in paginatekst(griffie.get("/gemeenten/GM0439/"))  # another gemeente
    assert link not in paginatekst(_admin(sturingsregio["secretariaat"]).get("/gemeenten/GM0479/"))


def test_gemeente_page_without_kaders_says_so(client, sturingsregio):
    tekst = paginatekst(client.get("/gemeenten/GM0479/"))
    assert "De griffie heeft nog geen kaders van de raad vastgelegd." in tekst


def test_arrangement_page_shows_doelen_beside_the_money_and_what_came_of_the_kaders(client, gevuld):
    antwoord = client.get(f"/samenwerkingsverbanden/{gevuld['eigen'].slug}/")
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    # Doelen follow the money section.
    assert tekst.index('id="geld-kop"') < tekst.index('id="doelen-kop"')
    doelen = _sectie(tekst, "Doelen en prestaties</h2>")
    assert "<h4>Gezond opgroeien</h4>" in doelen
    assert (
        '<th scope="row">Kinderen met overgewicht</th> <td>2025</td> '
        '<td class="getal">12 %</td> <td class="getal">12,4 %</td> '
        '<td><a href="https://ggd.example/jaarverslag-2025">Jaarverslag 2025</a></td>'
    ) in doelen
    assert '<td>2026</td> <td class="getal">11,5 %</td> <td class="getal">onbekend</td>' in doelen
    kaders = _sectie(tekst, "Kaders van de raden</h2>")
    # Newest year first; each raad's kaders named with its gemeente.
    assert kaders.index("Kaders 2026 → wat kwam ervan terecht") < kaders.index(
        "Kaders 2025 → wat kwam ervan terecht"
    )
    jaar_2025 = kaders.split("Kaders 2025 → wat kwam ervan terecht")[1]
    assert "Purmerend: meer preventie" in jaar_2025 and "Zaanstad ·" in jaar_2025
    assert (
        '<th scope="row">Lasten</th><td class="getal">onbekend</td>'
        '<td class="getal">€ 5.200.000</td>'
    ) in jaar_2025.replace("> <", "><")
    assert (
        '<th scope="row">Gezond opgroeien: Kinderen met overgewicht</th> '
        '<td class="getal">12 %</td> <td class="getal">12,4 %</td>'
    ) in jaar_2025
    jaar_2026 = kaders.split("Kaders 2026 → wat kwam ervan terecht")[1].split("Kaders 2025")[0]
    assert "De jaarrekening 2026 en de gerealiseerde prestaties zijn er nog niet" in jaar_2026


def test_arrangement_page_without_doelen_or_kaders_says_so(client, sturingsregio):
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{sturingsregio['ander'].slug}/"))
    assert "Er zijn geen doelen en prestaties vastgelegd." in tekst
    assert "Geen raad heeft kaders voor dit verband vastgelegd." in tekst


def test_oplegger_shows_the_own_raads_kaders_beside_the_results_and_the_doelen(client, gevuld):
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{gevuld['eigen'].uuid}/oplegger/"
    antwoord = client.get(url, {"peildatum": "2026-03-01"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    kaders = _sectie(tekst, "Kaders van de raad van Zaanstad</h2>")
    assert "Kaders 2025: bijdrage hoogstens +2%" in kaders
    assert '<a href="https://zaanstad.example/besluit-2025">raadsbesluit' in kaders
    assert "Purmerend: meer preventie" not in kaders  # another raad's, not in this oplegger
    assert "Kaders 2025 → wat kwam ervan terecht" in kaders
    assert '<td class="getal">−€ 100.000</td>' in kaders  # the jaarrekening's resultaat
    doelen = _sectie(tekst, "Doelen en prestaties</h2>")
    assert "Kinderen met overgewicht" in doelen and "12,4 %" in doelen
    # Purmerend's oplegger shows its own kader, not Zaanstad's.
    url = f"/gemeenten/GM0439/samenwerkingsverbanden/{gevuld['eigen'].uuid}/oplegger/"
    tekst = paginatekst(client.get(url))
    assert "Purmerend: meer preventie" in tekst and "Kaders 2025: bijdrage" not in tekst


# --- Query counts ------------------------------------------------------------------------------


def _veel(sturingsregio, aantal: int) -> None:
    verband = sturingsregio["eigen"]
    for i in range(aantal):
        KaderFactory(
            gemeente=sturingsregio["zaanstad"], samenwerkingsverband=verband, jaar=2000 + i
        )
        indicator = IndicatorFactory(doel__samenwerkingsverband=verband)
        IndicatorFactory(doel=indicator.doel)
        for jaar in (2000 + i, 2001 + i):
            IndicatorwaardeFactory(indicator=indicator, jaar=jaar)
        f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=2000 + i)


@pytest.mark.parametrize("aantal", [1, 12])
def test_arrangement_page_query_count_with_kaders_and_doelen(
    client, sturingsregio, aantal, django_assert_num_queries
):
    _veel(sturingsregio, aantal)
    # 1-20 the arrangement page without steering (tests/raad/test_verbandpagina.py; no organs, so no
    # seats are read), 21 kaders with their gemeente, 22 doelen, 23 their indicators, 24 the
    # indicators' values.
    with django_assert_num_queries(24):
        antwoord = client.get(f"/samenwerkingsverbanden/{sturingsregio['eigen'].slug}/")
    assert paginatekst(antwoord).count("→ wat kwam ervan terecht") == aantal


@pytest.mark.parametrize("aantal", [1, 12])
def test_gemeente_page_query_count_with_kaders(
    client, sturingsregio, aantal, django_assert_num_queries
):
    _veel(sturingsregio, aantal)
    # 1 gemeente with its inwonertal and whether it has kaders, 2-5 deelnames_van_gemeente,
    # 6 per inwoner beside the other deelnemers, 7 kaders with their regeling.
    with django_assert_num_queries(7):
        antwoord = client.get("/gemeenten/GM0479/")
    assert _sectie(paginatekst(antwoord), "Kaders van de raad</h2>").count("<li>") == aantal


@pytest.mark.parametrize("aantal", [1, 12])
def test_oplegger_query_count_with_kaders(client, sturingsregio, aantal, django_assert_num_queries):
    _veel(sturingsregio, aantal)
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{sturingsregio['eigen'].uuid}/oplegger/"
    # 1 gemeente, 2-11 samenwerkingsverband_overzicht (arrangement, domeinen, grondslagen,
    # bevoegdheden, documenten, deelnames, their bijdragen, organs, bijdragen per year,
    # jaarcijfers), 12-13 nested arrangements with historical mentions (one query), versions,
    # 14-16 the next P&C moments (rules, meetings, overrides), 17-22 the calendar (evaluaties,
    # vaststellingsvergaderingen, rules, overrides, the regeling's meetings and zienswijze
    # requests), 23 this raad's open zienswijzen with their decision date, 24 this raad's
    # kaders, 25 doelen, 26 indicators, 27 their values.
    with django_assert_num_queries(27):
        antwoord = client.get(url)
    assert paginatekst(antwoord).count("→ wat kwam ervan terecht") == aantal


# --- API ---------------------------------------------------------------------------------------


def test_api_lists_kaders_with_filters(client, gevuld):
    antwoord = client.get("/api/v1/kaders", {"gemeente": "GM0479", "jaar": 2025})
    assert antwoord.status_code == 200
    [kader] = antwoord.json()["results"]
    assert kader["gemeente"] == "GM0479"
    assert kader["samenwerkingsverband"] == str(gevuld["eigen"].uuid)
    assert kader["onderwerp"] == "Kaders 2025: bijdrage hoogstens +2%"
    assert (kader["soort"], kader["soortLabel"]) == ("raadsbesluit", "Raadsbesluit (kaders)")
    assert kader["documentUrl"] == "https://zaanstad.example/besluit-2025"
    assert client.get("/api/v1/kaders", {"gemeente": "GM0439"}).json()["count"] == 1
    # Read only: the griffie enters kaders in the admin.
    voor = Kader.objects.count()
    schrijven = client.post("/api/v1/kaders", {})
    assert schrijven.status_code == 405, (schrijven.status_code, schrijven.content)
    assert Kader.objects.count() == voor


def test_api_shows_doelen_with_indicators_and_values(client, gevuld):
    antwoord = client.get("/api/v1/doelen", {"samenwerkingsverband": str(gevuld["eigen"].uuid)})
    assert antwoord.status_code == 200
    [doel] = antwoord.json()["results"]
    assert doel["titel"] == "Gezond opgroeien"
    [indicator] = doel["indicatoren"]
    assert (indicator["naam"], indicator["eenheid"]) == ("Kinderen met overgewicht", "%")
    eerste, tweede = indicator["waarden"]
    assert eerste["jaar"] == 2025 and Decimal(eerste["gerealiseerd"]) == Decimal("12.4")
    assert eerste["bronUrl"] == "https://ggd.example/jaarverslag-2025"
    assert tweede["jaar"] == 2026 and tweede["gerealiseerd"] is None
    detail = client.get(f"/api/v1/doelen/{doel['uuid']}")
    assert detail.status_code == 200 and detail.json()["indicatoren"] == doel["indicatoren"]


@pytest.mark.parametrize("aantal", [1, 12])
def test_api_kaders_and_doelen_query_count(
    client, sturingsregio, aantal, django_assert_num_queries
):
    _veel(sturingsregio, aantal)
    # 1 count, 2 kaders with gemeente and regeling.
    with django_assert_num_queries(2):
        antwoord = client.get("/api/v1/kaders")
    assert antwoord.json()["count"] == aantal
    # 1 count, 2 doelen with their regeling, 3 indicators, 4 values.
    with django_assert_num_queries(4):
        antwoord = client.get("/api/v1/doelen")
    assert sum(len(d["indicatoren"]) for d in antwoord.json()["results"]) == 2 * aantal
