"""Search results in pages of 20, with the count, and a bad page number explained."""

import pytest

from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def vijfenveertig(referentiedata):
    for i in range(45):
        f.SamenwerkingsverbandFactory(naam=f"Proefverband {i:02d}", afkorting="")


def test_search_is_paged_with_the_count(client, vijfenveertig):
    tekst = paginatekst(client.get("/", {"q": "proefverband"}))
    assert "45 resultaten, pagina 1 van 3" in tekst
    assert "45 samenwerkingsverbanden gevonden" in tekst and "op deze pagina: 20" in tekst
    assert "Proefverband 19</a>" in tekst and "Proefverband 20</a>" not in tekst
    assert 'href="?q=proefverband&amp;pagina=2" rel="next">Volgende' in tekst
    assert 'aria-current="page"><span class="visueel-verborgen">pagina </span>1</a>' in tekst

    laatste = paginatekst(client.get("/", {"q": "proefverband", "pagina": "3"}))
    assert "45 resultaten, pagina 3 van 3" in laatste
    assert "op deze pagina: 5" in laatste
    assert "Proefverband 44</a>" in laatste and "Proefverband 39</a>" not in laatste
    assert 'href="?q=proefverband&amp;pagina=2" rel="prev">Vorige' in laatste
    assert "Volgende" not in laatste


def test_a_bad_page_number_is_explained_and_the_results_stay(client, vijfenveertig):
    te_ver = client.get("/", {"q": "proefverband", "pagina": "9"})
    assert te_ver.status_code == 400
    tekst = paginatekst(te_ver)
    assert "Pagina: er zijn maar 3 pagina&#x27;s. Getoond: de laatste." in tekst
    assert "45 resultaten, pagina 3 van 3" in tekst
    geen_getal = client.get("/", {"q": "proefverband", "pagina": "twee"})
    assert geen_getal.status_code == 400
    tekst = paginatekst(geen_getal)
    assert "Pagina: vul een paginanummer in, bijvoorbeeld 2." in tekst
    # The search term still counts.
    assert "45 resultaten, pagina 1 van 3" in tekst


def test_few_results_have_no_pages(client, vijfenveertig):
    tekst = paginatekst(client.get("/", {"q": "proefverband 07"}))
    assert "1 resultaat, pagina 1 van 1" in tekst
    assert "Pagina’s met zoekresultaten" not in tekst


@pytest.mark.parametrize("aantal", [3, 45])
def test_the_search_page_costs_the_same_queries_for_few_or_many_results(
    client, referentiedata, aantal, django_assert_num_queries
):
    for i in range(aantal):
        f.SamenwerkingsverbandFactory(naam=f"Telverband {i:02d}", afkorting="")
    # The gemeenten and the arrangements matched (one query each, matching in Python), the
    # national figures, the sources and the register's date: as many for 3 as for 45 rows.
    with django_assert_num_queries(7):
        antwoord = client.get("/", {"q": "telverband"})
    assert antwoord.status_code == 200
    assert f"{aantal} samenwerkingsverbanden gevonden" in paginatekst(antwoord)


def test_a_too_long_search_term_is_explained_and_kept_in_the_field(client, referentiedata):
    # Was Django's "Zorg dat deze waarde niet meer dan 100 tekens bevat", not naming the
    # field, with the field emptied.
    term = ("Zaanstad " * 15).strip()
    antwoord = client.get("/", {"q": term})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert (
        '<p class="fout" id="zoekfout" role="alert">Zoek een gemeente of samenwerkingsverband: '
        "gebruik hoogstens 100 tekens "
        "(nu 134). Zoek op een deel van de naam, de afkorting of de CBS-code.</p>"
    ) in tekst
    assert f'value="{term}"' in tekst
    assert 'aria-describedby="zoekhulp zoekfout" aria-invalid="true"' in tekst


def test_the_start_pages_title_names_the_site_and_the_search(client, vijfenveertig):
    """The title (browser tab, history, what a screen reader says first) was "Zoeken" with or
    without a search."""
    assert "<title>Waar werkt uw gemeente mee samen? · regioreg</title>" in paginatekst(
        client.get("/")
    )
    tekst = paginatekst(client.get("/", {"q": "proefverband"}))
    assert "<title>Zoekresultaten voor „proefverband” · regioreg</title>" in tekst
    tekst = paginatekst(client.get("/", {"q": "proefverband", "pagina": "2"}))
    assert "<title>Zoekresultaten voor „proefverband”, pagina 2 · regioreg</title>" in tekst
    tekst = paginatekst(client.get("/", {"q": "<script>"}))
    assert "<title>Zoekresultaten voor „&lt;script&gt;” · regioreg</title>" in tekst
