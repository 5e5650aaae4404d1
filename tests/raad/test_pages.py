"""Start page and gemeente page, as a griffier sees them (server-rendered HTML)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from samenwerking.constants import BijdrageSoort, Functie, ZetelRol
from samenwerking.models import Gemeente
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def zaanstad(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0479")


def _tekst(antwoord) -> str:
    return " ".join(antwoord.content.decode().split())


def test_search_with_one_current_match_goes_to_the_gemeente(client):
    antwoord = client.get(reverse("raad:start"), {"q": "Den Haag"})
    assert antwoord.status_code == 302
    assert antwoord.url == "/gemeenten/GM0518/"


def test_search_lists_several_matches_with_code_and_provincie(client):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "bergen"}))
    assert "6 gemeenten gevonden" in tekst
    assert 'Bergen (NH.)</a> <span class="bijschrift">GM0373 · Noord-Holland' in tekst


def test_search_for_a_disappeared_gemeente_shows_when_it_ended(client):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "Haaren"}))
    assert "opgeheven per 1 januari 2021" in tekst


def test_search_without_result_says_what_to_try(client):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "Atlantis"}))
    assert "Geen gemeente gevonden voor „Atlantis”" in tekst


def test_start_page_shows_national_figures(client, referentiedata):
    f.SamenwerkingsverbandFactory()
    tekst = _tekst(client.get(reverse("raad:start")))
    assert "342 gemeenten; 1 lopende samenwerkingsverbanden." in tekst
    assert '<th scope="row">Openbaar lichaam</th><td class="getal">1</td>' in tekst.replace(
        "> <", "><"
    )


def test_start_page_says_where_the_data_comes_from_and_how_old_it_is(client, referentiedata):
    f.SamenwerkingsverbandFactory.create_batch(2, bron="OpenGR 2016")
    f.SamenwerkingsverbandFactory(bron="OpenGR 2016; vorm aangenomen: openbaar lichaam")
    f.SamenwerkingsverbandFactory(bron="ROO-export 2024-05-01")
    tekst = _tekst(client.get(reverse("raad:start")))
    vandaag = date_format(timezone.localdate(), "j F Y")
    assert (
        "Bron: OpenGR (Open State Foundation), stand maart 2016 (3 samenwerkingsverbanden, "
        f"bijgewerkt op {vandaag}); Register van Overheidsorganisaties (ROO), export van 1 mei "
        f"2024 (1 samenwerkingsverband, bijgewerkt op {vandaag})."
    ) in tekst


def test_start_page_query_count(client, django_assert_num_queries):
    f.SamenwerkingsverbandFactory.create_batch(3)
    # 1 arrangements per vorm, 2 current gemeenten, 3 arrangements per source,
    # 4 gemeenten matched in Python.
    with django_assert_num_queries(4):
        client.get(reverse("raad:start"), {"q": "berg"})


def _verband_met_alles(gemeente, naam, bedrag):
    deelname = f.DeelnameFactory(
        gemeente=gemeente, samenwerkingsverband__naam=naam, samenwerkingsverband__verplicht=True
    )
    f.ZetelFactory(
        deelname=deelname,
        persoon__naam="M. Moussa",
        functie=Functie.WETHOUDER,
        rol=ZetelRol.LID,
        begindatum=D(2022, 6, 1),
    )
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    return deelname


def test_gemeente_page_lists_arrangements_representatives_and_costs(client, zaanstad):
    _verband_met_alles(zaanstad, "Veiligheidsregio Zaanstreek-Waterland", "1234567.89")
    f.BijdrageFactory(
        deelname=_verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "500000"),
        jaar=2025,
        soort=BijdrageSoort.GEREALISEERD,
        bedrag=Decimal("480000"),
    )
    tekst = _tekst(client.get("/gemeenten/GM0479/", {"peildatum": "2025-06-01"}))
    assert "<h1>Gemeente Zaanstad</h1>" in tekst
    assert "2 samenwerkingsverbanden op 1 juni 2025" in tekst
    assert "Veiligheidsregio Zaanstreek-Waterland" in tekst
    assert 'M. Moussa <span class="bijschrift">(wethouder, lid algemeen bestuur)</span>' in tekst
    assert "€ 1.234.567,89" in tekst
    assert "€ 1.734.567,89" in tekst  # total begroot
    assert "onbekend" in tekst  # gerealiseerd of the veiligheidsregio: not 0
    assert "wettelijk verplicht" in tekst


def test_gemeente_page_for_another_year(client, zaanstad):
    deelname = _verband_met_alles(zaanstad, "Recreatieschap", "100")
    f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("90"))
    tekst = _tekst(client.get("/gemeenten/GM0479/", {"peildatum": "2025-06-01", "jaar": "2024"}))
    assert "Begroot 2024" in tekst
    assert "€ 90,00" in tekst


def test_bad_year_is_explained_next_to_the_field(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/", {"jaar": "twintig"})
    assert antwoord.status_code == 400
    assert "Jaar: vul een jaartal in, bijvoorbeeld 2025." in _tekst(antwoord)


def test_lowercase_code_redirects_and_unknown_code_is_a_dutch_404(client, referentiedata):
    antwoord = client.get("/gemeenten/gm0479/")
    assert antwoord.status_code == 302 and antwoord.url == "/gemeenten/GM0479/"
    niet = client.get("/gemeenten/GM9999/")
    assert niet.status_code == 404
    assert "Pagina niet gevonden" in _tekst(niet)


def test_disappeared_gemeente_links_to_its_successors(client, referentiedata):
    tekst = _tekst(client.get("/gemeenten/GM0140/"))  # Littenseradiel
    assert "Deze gemeente is opgeheven per 1 januari 2018." in tekst
    for opvolger in ("/gemeenten/GM0080/", "/gemeenten/GM1900/", "/gemeenten/GM1949/"):
        assert opvolger in tekst
    assert "Kies een peildatum vóór de opheffing" in tekst


@pytest.mark.parametrize("aantal", [1, 20])
def test_gemeente_page_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for i in range(aantal):
        _verband_met_alles(zaanstad, f"Regeling {i}", "100")
    # 1 gemeente with provincie, 2-5 the selector (deelnames, domeinen, seats, bijdragen),
    # 6 inwonertal. (A disappeared gemeente adds one for its successors.)
    with django_assert_num_queries(6):
        antwoord = client.get("/gemeenten/GM0479/", {"peildatum": "2025-06-01"})
    assert f"{aantal} samenwerkingsverband" in _tekst(antwoord)
