"""One zienswijzeverzoek with every raad (issue 18, item 4): each raad's decision date, the
request's page and the API, in the GGD of conftest.py."""

import datetime

import pytest
from django.urls import reverse

from raad import services
from raad.constants import ZienswijzeStatus
from raad.vergaderingen import Raadstand, Radenoverzicht, raden_van_zienswijzeverzoek
from samenwerking.models import Gemeente
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.vergaderingen.hulp import CBS, GEEN_VERGADERING, SCHEMA_ONBEKEND, VANDAAG
from tests.raad.vergaderingen.hulp import raadsvergaderingen as _raadsvergaderingen
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date


# --- The raad's decision date ------------------------------------------------------------------


def test_each_raad_gets_the_last_raadsvergadering_on_or_before_the_deadline(regio):
    overzicht = raden_van_zienswijzeverzoek(regio["verzoek"], vandaag=VANDAAG)
    assert [
        (r.gemeente.naam, r.status, r.besluitmoment.datum, r.besluitmoment.melding)
        for r in overzicht.raden
    ] == [
        ("Oostzaan", ZienswijzeStatus.NOG_TE_AGENDEREN, None, GEEN_VERGADERING),
        ("Purmerend", ZienswijzeStatus.NOG_TE_AGENDEREN, None, SCHEMA_ONBEKEND),
        ("Wormerland", ZienswijzeStatus.GEAGENDEERD, D(2025, 5, 24), ""),
        ("Zaanstad", ZienswijzeStatus.INGEDIEND, D(2025, 5, 22), ""),
    ]
    assert overzicht.samenvatting == "1 van 4 raden heeft een zienswijze ingediend"
    assert (overzicht.aantal_geagendeerd, overzicht.aantal_nog_niet) == (1, 2)


def test_after_the_deadline_an_undecided_raad_reads_as_verstreken(regio, op_dag):
    op_dag(D(2025, 5, 25))
    overzicht = raden_van_zienswijzeverzoek(regio["verzoek"], vandaag=D(2025, 5, 25))
    assert {r.gemeente.naam: r.status for r in overzicht.raden} == {
        "Oostzaan": ZienswijzeStatus.TERMIJN_VERSTREKEN,
        "Purmerend": ZienswijzeStatus.TERMIJN_VERSTREKEN,
        "Wormerland": ZienswijzeStatus.TERMIJN_VERSTREKEN,
        "Zaanstad": ZienswijzeStatus.INGEDIEND,
    }
    assert overzicht.aantal_verstreken == 3


@pytest.mark.parametrize(
    "ingediend, tekst",
    [
        (0, "0 van 3 raden hebben een zienswijze ingediend"),
        (1, "1 van 3 raden heeft een zienswijze ingediend"),
        (2, "2 van 3 raden hebben een zienswijze ingediend"),
    ],
)
def test_the_count_of_raden_agrees_with_its_number(ingediend, tekst):
    """Dutch: the verb agrees with the number that submitted ("1 … heeft", "2 … hebben")."""
    raden = [
        Raadstand(
            gemeente=None,
            zienswijze=None,
            status=ZienswijzeStatus.INGEDIEND if i < ingediend else ZienswijzeStatus.GEAGENDEERD,
            besluitmoment=None,
        )
        for i in range(3)
    ]
    overzicht = Radenoverzicht(verzoek=None, vandaag=D(2025, 6, 1), raden=raden)
    assert overzicht.samenvatting == tekst


# --- The page of one request -------------------------------------------------------------------


def test_request_page_shows_every_raad_with_status_meeting_zienswijze_and_reaction(client, regio):
    antwoord = client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/")
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Ontwerpbegroting 2026: de zienswijzen van alle raden" in tekst
    assert "1 van 4 raden heeft een zienswijze ingediend" in tekst
    assert "geagendeerd: 1" in tekst and "nog niet geagendeerd: 2" in tekst
    rijen = {
        naam: tekst.split(f">{naam}</a>", 1)[1].split("</tr>", 1)[0]
        for naam in ("Oostzaan", "Purmerend", "Wormerland", "Zaanstad")
    }
    assert "Nog te agenderen" in rijen["Oostzaan"] and GEEN_VERGADERING in rijen["Oostzaan"]
    assert SCHEMA_ONBEKEND in rijen["Purmerend"]
    assert (
        "Geagendeerd" in rijen["Wormerland"]
        and "geagendeerd voor 24 mei 2025" in (rijen["Wormerland"])
    )
    assert "Ingediend" in rijen["Zaanstad"] and "besloten op 22 mei 2025" in rijen["Zaanstad"]
    assert "niet te verschralen" in rijen["Zaanstad"]
    assert "Het bestuur houdt de jeugdgezondheidszorg op peil." in rijen["Zaanstad"]
    assert ">Waterland</a>" not in tekst  # joined after the request arrived
    assert "bewerk" not in tekst  # no edit links for a visitor
    # Each raad links to its zienswijzen on this regeling; the breadcrumb is a landmark.
    ggd = regio["verzoek"].samenwerkingsverband
    assert f'<a href="/gemeenten/GM0479/zienswijzen/?verband={ggd.uuid}">Zaanstad</a>' in tekst
    assert '<nav aria-label="Kruimelpad">' in tekst
    assert '<span aria-current="page">Zienswijzeverzoek</span>' in tekst


def test_request_page_unknown_uuid_is_a_dutch_404(client, regio):
    antwoord = client.get("/zienswijzeverzoeken/00000000-0000-0000-0000-000000000000/")
    assert antwoord.status_code == 404
    assert "Er is geen zienswijzeverzoek met kenmerk" in paginatekst(antwoord)


def _meer_deelnemers(regio, aantal: int) -> None:
    """`aantal` more gemeenten in the GGD, each with a zienswijze and a raadsvergadering."""
    extra = Gemeente.objects.exclude(cbs_code__in=[*CBS.values(), "GM0852"]).order_by("pk")
    for gemeente in extra[:aantal]:
        f.DeelnameFactory(
            samenwerkingsverband=regio["ggd"], gemeente=gemeente, toetredingsdatum=D(2020, 1, 1)
        )
        _raadsvergaderingen(gemeente, D(2025, 4, 10))
    services.zienswijzen_klaarzetten(zienswijzeverzoek=regio["verzoek"])


@pytest.mark.parametrize("aantal", [0, 12])
def test_request_page_query_count(client, regio, aantal, django_assert_num_queries):
    _meer_deelnemers(regio, aantal)
    # 1 request with arrangement, 2 gemeenten with decision date, 3 zienswijzen.
    with django_assert_num_queries(3):
        antwoord = client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/")
    assert f"1 van {4 + aantal} raden heeft een zienswijze ingediend" in paginatekst(antwoord)


def test_griffier_gets_an_edit_link_on_its_own_raad_only(client, regio):
    client.force_login(account(RolSoort.GRIFFIE, gemeente=regio["Oostzaan"]))
    tekst = paginatekst(client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"))
    eigen = regio["verzoek"].zienswijzen.get(gemeente=regio["Oostzaan"])
    assert tekst.count(">bewerk</a>") == 1
    assert reverse("admin:raad_zienswijze_change", args=[eigen.pk]) in tekst


def test_request_page_is_linked_from_arrangement_kalender_and_zienswijzen(client, regio):
    adres = f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"
    verband = paginatekst(client.get(f"/samenwerkingsverbanden/{regio['ggd'].slug}/"))
    assert f'<a href="{adres}">Ontwerpbegroting 2026</a>' in verband
    assert adres in paginatekst(client.get("/gemeenten/GM0431/kalender/"))
    zienswijzen = paginatekst(client.get("/gemeenten/GM0431/zienswijzen/"))
    assert adres in zienswijzen
    assert f"Besluit van de raad: {GEEN_VERGADERING}" in zienswijzen.replace(
        '<span class="label label-te-laat">', ""
    ).replace("</span>", "")


# --- The API -----------------------------------------------------------------------------------


def test_api_request_raden(client, regio):
    antwoord = client.get(f"/api/v1/zienswijzeverzoeken/{regio['verzoek'].uuid}/raden")
    assert antwoord.status_code == 200
    body = antwoord.json()
    assert body["samenvatting"] == "1 van 4 raden heeft een zienswijze ingediend"
    assert (body["aantal"], body["aantalIngediend"], body["aantalGeagendeerd"]) == (4, 1, 1)
    raden = {r["gemeenteNaam"]: r for r in body["raden"]}
    assert list(raden) == ["Oostzaan", "Purmerend", "Wormerland", "Zaanstad"]
    assert raden["Oostzaan"]["besluitdatum"] is None
    assert raden["Oostzaan"]["besluitmelding"] == GEEN_VERGADERING
    assert raden["Wormerland"]["status"] == "geagendeerd"
    assert raden["Wormerland"]["raadsvergadering"] == "2025-05-24"
    assert raden["Wormerland"]["besluitdatum"] == "2025-05-24"
    assert raden["Zaanstad"]["statusLabel"] == "Ingediend"
    assert raden["Zaanstad"]["raadsbesluitDatum"] == "2025-05-22"
    assert (
        raden["Zaanstad"]["reactieBestuur"] == "Het bestuur houdt de jeugdgezondheidszorg op peil."
    )
    assert raden["Zaanstad"]["gemeente"] == "GM0479"


@pytest.mark.parametrize("aantal", [0, 12])
def test_api_request_raden_query_count(client, regio, aantal, django_assert_num_queries):
    _meer_deelnemers(regio, aantal)
    # 1 request, 2 gemeenten with decision date, 3 zienswijzen.
    with django_assert_num_queries(3):
        antwoord = client.get(f"/api/v1/zienswijzeverzoeken/{regio['verzoek'].uuid}/raden")
    assert len(antwoord.json()["raden"]) == 4 + aantal


def test_api_zienswijzen_carry_the_decision_date(client, regio):
    antwoord = client.get("/api/v1/zienswijzen", {"zienswijzeverzoek": regio["verzoek"].uuid})
    assert antwoord.status_code == 200
    rijen = {r["gemeente"]: r for r in antwoord.json()["results"]}
    assert rijen["GM0479"]["besluitdatum"] == "2025-05-22"
    assert rijen["GM0880"]["besluitdatum"] == "2025-05-24"
    assert (rijen["GM0431"]["besluitdatum"], rijen["GM0431"]["besluitmelding"]) == (
        None,
        GEEN_VERGADERING,
    )
    assert rijen["GM0439"]["besluitmelding"] == SCHEMA_ONBEKEND
