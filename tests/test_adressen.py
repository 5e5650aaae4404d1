"""A gemeente or provincie in an address: a CBS code in lower case redirects to the code as
stored, on the same route (pages and API); an odd or unknown code is a Dutch 404, never a
redirect loop."""

import uuid

import pytest

from tests import factories as f
from tests.api.hulp import probleem

pytestmark = pytest.mark.django_db

PAGINAS = [
    "/gemeenten/{}/",
    "/gemeenten/{}/register/",
    "/gemeenten/{}/partners/",
    "/gemeenten/{}/kalender/",
    "/gemeenten/{}/kalender.ics",
    "/gemeenten/{}/zienswijzen/",
    "/gemeenten/{}/verbonden-partijen/",
]
API = [
    "/api/v1/gemeenten/{}",
    "/api/v1/gemeenten/{}/samenwerkingsverbanden",
    "/api/v1/gemeenten/{}/verbonden-partijen",
]


@pytest.mark.parametrize("adres", PAGINAS + API)
def test_a_lower_case_code_redirects_to_the_same_route_with_the_code_as_stored(
    client, referentiedata, adres
):
    # The query string goes along (a gemeente's detail in the API takes none).
    query = "" if adres == API[0] else "?jaar=2024"
    antwoord = client.get(adres.format(" gm0363") + query)
    assert antwoord.status_code == 301
    assert antwoord["Location"] == adres.format("GM0363") + query
    assert client.get(antwoord["Location"]).status_code == 200


def test_a_provincie_in_lower_case_redirects_in_the_api_as_a_gemeente_does(client, referentiedata):
    antwoord = client.get("/api/v1/provincies/pv27")
    assert antwoord.status_code == 301
    assert antwoord["Location"] == "/api/v1/provincies/PV27"
    assert client.get(antwoord["Location"]).json()["naam"] == "Noord-Holland"
    # Normalised, still no provincie: the Dutch 404, no redirect.
    assert probleem(client.get("/api/v1/provincies/pv99"), 404)["detail"] == (
        "Geen provincie met CBS-code pv99."
    )


def test_the_oplegger_keeps_the_arrangement_when_redirecting(client, referentiedata):
    deelname = f.DeelnameFactory(gemeente__cbs_code="GM8801")
    verband = deelname.samenwerkingsverband.uuid
    antwoord = client.get(f"/gemeenten/gm8801/samenwerkingsverbanden/{verband}/oplegger/")
    assert antwoord.status_code == 301
    assert antwoord["Location"] == f"/gemeenten/GM8801/samenwerkingsverbanden/{verband}/oplegger/"


@pytest.mark.parametrize(
    ("adres", "naar", "inhoud"),
    [
        ("/gemeenten/utrecht/", "/gemeenten/GM0344/", "<h1>Gemeente Utrecht</h1>"),
        (
            "/gemeenten/Den%20Haag/partners/?peildatum=2025-01-01",
            "/gemeenten/GM0518/partners/?peildatum=2025-01-01",
            "Met wie werkt &#x27;s-Gravenhage samen?",
        ),
        ("/gemeenten/den-haag/kalender.ics", "/gemeenten/GM0518/kalender.ics", "BEGIN:VCALENDAR"),
        ("/gemeenten/sudwest-fryslan/", "/gemeenten/GM1900/", "<h1>Gemeente Súdwest-Fryslân</h1>"),
        # A gemeente that is no more: its own page says so.
        ("/gemeenten/haaren/", "/gemeenten/GM0788/", "opgeheven per 1 januari 2021"),
    ],
)
def test_a_gemeente_s_name_in_a_page_address_leads_to_its_page(
    client, referentiedata, adres, naar, inhoud
):
    """/gemeenten/utrecht/ answered "Er is geen gemeente met CBS-code utrecht.": the address
    a person guesses. A gemeente's name now leads to the same page of that gemeente."""
    antwoord = client.get(adres)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == naar
    pagina = client.get(naar)
    assert pagina.status_code == 200
    assert inhoud in " ".join(pagina.content.decode().split())


def test_a_name_of_several_gemeenten_in_a_page_address_leads_to_the_search(client, referentiedata):
    antwoord = client.get("/gemeenten/bergen/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/?q=bergen"
    tekst = client.get(antwoord["Location"]).content.decode()
    assert "Bergen (NH.)</a>" in tekst
    assert "Bergen (L.)</a>" in tekst
    # A typing error: the search, which asks what was meant.
    antwoord = client.get("/gemeenten/utrect/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/?q=utrect"
    tekst = client.get(antwoord["Location"]).content.decode()
    assert 'Bedoelt u <a href="/gemeenten/GM0344/">Utrecht</a>?' in tekst
    # The API keeps its 404, with the codes meant: a client uses the code.
    assert probleem(client.get("/api/v1/gemeenten/utrecht"), 404)["detail"] == (
        "Geen gemeente met CBS-code utrecht. Bedoelt u GM0344 (Utrecht)?"
    )


@pytest.mark.parametrize(
    ("adres", "code"),
    [
        ("/gemeenten/e/", "e"),  # once redirected to /gEmeenten/e/
        ("/gemeenten/%5Cx/", "\\x"),  # once redirected to itself, forever
        ("/gemeenten/gm9999/", "gm9999"),  # normalised, still no gemeente: no redirect
        ("/gemeenten/GM9999/register/", "GM9999"),
    ],
)
def test_an_odd_or_unknown_code_on_a_page_is_a_dutch_404(client, referentiedata, adres, code):
    antwoord = client.get(adres)
    assert antwoord.status_code == 404
    tekst = antwoord.content.decode()
    assert "Niet gevonden" in tekst
    assert f"Er is geen gemeente met CBS-code {code}." in tekst


@pytest.mark.parametrize(
    ("adres", "detail"),
    [
        ("/api/v1/gemeenten/e", "Geen gemeente met CBS-code e."),
        ("/api/v1/gemeenten/gm9999/samenwerkingsverbanden", "Geen gemeente met CBS-code gm9999."),
        ("/api/v1/gemeenten/%5Cx/verbonden-partijen", "Geen gemeente met CBS-code \\x."),
    ],
)
def test_an_odd_or_unknown_code_in_the_api_is_a_dutch_404_problem(
    client, referentiedata, adres, detail
):
    assert probleem(client.get(adres), 404)["detail"] == detail


@pytest.mark.parametrize(
    "adres",
    [
        "/gemeenten/GM%0063/",
        "/gemeenten/GM0363%00/kalender.ics",
        f"/gemeenten/%00/samenwerkingsverbanden/{uuid.uuid4()}/oplegger/",
        "/api/v1/gemeenten/GM%0063",
        "/api/v1/provincies/PV%0027",
        "/api/v1/gemeenten/%00/verbonden-partijen",
        "/api/v1/deelnames/%00",
    ],
)
def test_a_nul_character_in_a_key_is_a_404_not_a_database_error(client, referentiedata, adres):
    # PostgreSQL cannot compare text with NUL; such a key matches no route.
    antwoord = client.get(adres)
    assert antwoord.status_code == 404
    if adres.startswith("/api/"):
        assert probleem(antwoord, 404)["title"] == "Niet gevonden"
    else:
        assert "Niet gevonden" in antwoord.content.decode()


def test_a_write_with_a_lower_case_code_is_not_redirected(client, referentiedata):
    # A redirect would turn the POST into a GET: the method's own answer instead.
    probleem(client.post("/api/v1/gemeenten/gm0363/verbonden-partijen"), 405)
