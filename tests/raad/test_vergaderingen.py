"""Vergaderingen (issue 18, item 3) and one zienswijzeverzoek with every raad (item 4).

A GGD (openbaar lichaam) with four gemeenten since 2020 and a fifth that joined after the
request arrived. The request for the ontwerpbegroting 2026 arrived on 1 March 2025; its
deadline is 24 May 2025 (12 weeks: 1 March + 84 days). The griffies' meeting calendars, and
the decision date each raad gets, by hand:

- Zaanstad: 20 February (before the request: does not count), 17 April, 22 May, 29 May
  (after the deadline) → 22 May; it submitted its zienswijze (raadsbesluit 22 May).
- Wormerland: 24 May (the deadline itself: on time) and 5 June → 24 May; geagendeerd.
- Oostzaan: 20 February and 12 June, nothing in between → "geen raadsvergadering vóór de
  termijn — plan een extra vergadering of vraag uitstel".
- Purmerend: nothing entered → the calendar is unknown, said as such.

Today is 1 May 2025 unless a test says otherwise.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from raad import services
from raad.constants import VergaderingSoort, ZienswijzeStatus
from raad.kalender import kalender_van_gemeente
from raad.models import Raadsvergadering, Vergadering
from raad.vergaderingen import Raadstand, Radenoverzicht, raden_van_zienswijzeverzoek
from samenwerking.models import Gemeente
from tests import factories as f
from tests.api.hulp import probleem
from tests.raad.factories import ZienswijzeverzoekFactory
from tests.toegang import account, api_client
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date
VANDAAG = D(2025, 5, 1)
GEEN_VERGADERING = (
    "Geen raadsvergadering vóór de termijn — plan een extra vergadering of vraag uitstel."
)
SCHEMA_ONBEKEND = (
    "Vergaderschema van de raad onbekend: de griffie heeft nog geen raadsvergadering na de "
    "ontvangst van het verzoek ingevoerd."
)
CBS = {"Zaanstad": "GM0479", "Wormerland": "GM0880", "Oostzaan": "GM0431", "Purmerend": "GM0439"}


def _tekst(antwoord) -> str:
    return " ".join(antwoord.content.decode().split())


def _raadsvergaderingen(gemeente, *datums):
    for datum in datums:
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(gemeente=gemeente, datum=datum)
        )


@pytest.fixture
def regio(referentiedata, op_dag):
    op_dag(VANDAAG)
    gemeenten = {naam: Gemeente.objects.get(cbs_code=code) for naam, code in CBS.items()}
    ggd = f.SamenwerkingsverbandFactory(
        naam="GGD Zaanstreek-Waterland", afkorting="GGD ZW", ingangsdatum=D(2010, 1, 1)
    )
    for gemeente in gemeenten.values():
        f.DeelnameFactory(
            samenwerkingsverband=ggd, gemeente=gemeente, toetredingsdatum=D(2020, 1, 1)
        )
    later = Gemeente.objects.get(cbs_code="GM0852")  # Waterland, joined after the request
    f.DeelnameFactory(samenwerkingsverband=ggd, gemeente=later, toetredingsdatum=D(2025, 4, 1))
    verzoek = ZienswijzeverzoekFactory(
        samenwerkingsverband=ggd,
        onderwerp="Ontwerpbegroting 2026",
        ontvangen_op=D(2025, 3, 1),
        uiterste_datum=D(2025, 5, 24),
    )
    services.zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    _raadsvergaderingen(
        gemeenten["Zaanstad"], D(2025, 2, 20), D(2025, 4, 17), D(2025, 5, 22), D(2025, 5, 29)
    )
    _raadsvergaderingen(gemeenten["Wormerland"], D(2025, 5, 24), D(2025, 6, 5))
    _raadsvergaderingen(gemeenten["Oostzaan"], D(2025, 2, 20), D(2025, 6, 12))
    zienswijzen = {z.gemeente.naam: z for z in verzoek.zienswijzen.select_related("gemeente")}
    services.zienswijze_status_wijzigen(
        zienswijze=zienswijzen["Zaanstad"],
        status=ZienswijzeStatus.INGEDIEND,
        raadsbesluit_datum=D(2025, 5, 22),
        samenvatting="De raad vraagt de GGD de jeugdgezondheidszorg niet te verschralen.",
    )
    services.reactie_bestuur_vastleggen(
        zienswijze=zienswijzen["Zaanstad"],
        reactie="Het bestuur houdt de jeugdgezondheidszorg op peil.",
    )
    services.zienswijze_status_wijzigen(
        zienswijze=zienswijzen["Wormerland"],
        status=ZienswijzeStatus.GEAGENDEERD,
        raadsvergadering=D(2025, 5, 24),
    )
    return {"ggd": ggd, "verzoek": verzoek, **gemeenten}


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


# --- The page of one request -------------------------------------------------------------------


def test_request_page_shows_every_raad_with_status_meeting_zienswijze_and_reaction(client, regio):
    antwoord = client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/")
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
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
    assert "Er is geen zienswijzeverzoek met kenmerk" in _tekst(antwoord)


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
    assert f"1 van {4 + aantal} raden heeft een zienswijze ingediend" in _tekst(antwoord)


def test_griffier_gets_an_edit_link_on_its_own_raad_only(client, regio):
    client.force_login(account(RolSoort.GRIFFIE, gemeente=regio["Oostzaan"]))
    tekst = _tekst(client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"))
    eigen = regio["verzoek"].zienswijzen.get(gemeente=regio["Oostzaan"])
    assert tekst.count(">bewerk</a>") == 1
    assert reverse("admin:raad_zienswijze_change", args=[eigen.pk]) in tekst


def test_request_page_is_linked_from_arrangement_kalender_and_zienswijzen(client, regio):
    adres = f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"
    verband = _tekst(client.get(f"/samenwerkingsverbanden/{regio['ggd'].slug}/"))
    assert f'<a href="{adres}">Ontwerpbegroting 2026</a>' in verband
    assert adres in _tekst(client.get("/gemeenten/GM0431/kalender/"))
    zienswijzen = _tekst(client.get("/gemeenten/GM0431/zienswijzen/"))
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


# --- The calendar and the feed -----------------------------------------------------------------


def _vergaderingen(ggd):
    for soort, datum, agenda in (
        (VergaderingSoort.ALGEMEEN_BESTUUR, D(2025, 7, 3), "https://ggd.example/ab-2025-07"),
        (VergaderingSoort.DAGELIJKS_BESTUUR, D(2025, 6, 12), ""),
        (VergaderingSoort.RAADSAVOND, D(2025, 9, 18), ""),
        (VergaderingSoort.VERANTWOORDING, D(2025, 6, 26), ""),
    ):
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=ggd, soort=soort, datum=datum, agenda_url=agenda
            )
        )


def test_calendar_shows_meetings_raadsvergaderingen_and_the_decision_date(regio):
    _vergaderingen(regio["ggd"])
    kalender = kalender_van_gemeente(
        regio["Wormerland"], vandaag=VANDAAG, van=D(2025, 5, 1), tot=D(2025, 9, 30)
    )
    punten = [(p.datum, p.soort, p.titel) for p in kalender.komend if p.soort != "termijn"]
    assert punten == [
        (D(2025, 5, 24), "raadsvergadering", "Raadsvergadering"),
        (D(2025, 5, 24), "raadsbesluit", "Raadsbesluit over zienswijze: Ontwerpbegroting 2026"),
        (D(2025, 5, 24), "zienswijze", "Zienswijze: Ontwerpbegroting 2026"),
        (D(2025, 6, 5), "raadsvergadering", "Raadsvergadering"),
        (D(2025, 6, 12), "vergadering", "Vergadering dagelijks bestuur"),
        (D(2025, 6, 26), "vergadering", "Verantwoordingsbijeenkomst voor de raden"),
        (D(2025, 7, 3), "vergadering", "Vergadering algemeen bestuur"),
        (D(2025, 9, 18), "vergadering", "Regionale raadsavond"),
    ]
    zienswijze = next(p for p in kalender.punten if p.soort == "zienswijze")
    assert "Besluit van de raad: Raadsvergadering van 24 mei 2025" in zienswijze.uitleg
    # Oostzaan: no meeting before the deadline, said on the zienswijze; no decision entry.
    oostzaan = kalender_van_gemeente(
        regio["Oostzaan"], vandaag=VANDAAG, van=D(2025, 5, 1), tot=D(2025, 9, 30)
    )
    zienswijze = next(p for p in oostzaan.punten if p.soort == "zienswijze")
    assert zienswijze.uitleg.endswith(f"Besluit van de raad: {GEEN_VERGADERING}")
    assert not [p for p in oostzaan.punten if p.soort == "raadsbesluit"]
    # Only the raad's own raadsvergaderingen: Oostzaan's, not Wormerland's.
    assert [p.datum for p in oostzaan.punten if p.soort == "raadsvergadering"] == [D(2025, 6, 12)]


def test_calendar_day_heading_counts_every_entry_not_only_termijnen(client, regio):
    # 24 May 2025 in Wormerland: a raadsvergadering, the decision on the zienswijze and its
    # deadline; none of them is a P&C termijn.
    tekst = _tekst(client.get("/gemeenten/GM0880/kalender/"))
    kop = tekst.split('id="komend-2025-05-24"', 1)[1].split("</h3>", 1)[0]
    assert "zaterdag 24 mei 2025" in kop
    assert "(3 punten)" in kop
    assert "termijn" not in kop


def test_a_passed_decision_meeting_without_a_decision_is_overdue(client, regio):
    # Purmerend's only raadsvergadering before the deadline was 17 April; on 1 May it has not
    # decided, and no later meeting falls before 24 May.
    _raadsvergaderingen(regio["Purmerend"], D(2025, 4, 17), D(2025, 6, 19))
    kalender = kalender_van_gemeente(
        regio["Purmerend"], vandaag=VANDAAG, van=D(2024, 5, 1), tot=D(2025, 9, 30)
    )
    assert [(p.datum, p.soort) for p in kalender.te_laat] == [(D(2025, 4, 17), "raadsbesluit")]
    tekst = _tekst(client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"))
    rij = tekst.split(">Purmerend</a>", 1)[1].split("</tr>", 1)[0]
    assert "17 april 2025" in rij
    assert "voorbij zonder besluit — plan een extra vergadering of vraag uitstel" in rij
    wormerland = tekst.split(">Wormerland</a>", 1)[1].split("</tr>", 1)[0]
    assert "voorbij zonder besluit" not in wormerland


def test_a_decision_meeting_in_the_window_shows_when_the_deadline_lies_beyond_it(regio):
    # Purmerend must decide on 17 April 2025 for a deadline of 24 May: a window up to 30 April
    # holds the decision (overdue on 1 May), not the deadline.
    _raadsvergaderingen(regio["Purmerend"], D(2025, 4, 17), D(2025, 6, 19))
    kalender = kalender_van_gemeente(
        regio["Purmerend"], vandaag=VANDAAG, van=D(2025, 4, 1), tot=D(2025, 4, 30)
    )
    punten = [(p.datum, p.soort, p.te_laat) for p in kalender.punten if p.soort != "termijn"]
    assert (D(2025, 4, 17), "raadsbesluit", True) in punten
    assert not [p for p in punten if p[1] == "zienswijze"]


def test_a_meeting_shows_only_for_gemeenten_taking_part_that_day(regio):
    _vergaderingen(regio["ggd"])
    deelname = regio["Purmerend"].deelnames.get(samenwerkingsverband=regio["ggd"])
    deelname.uittredingsdatum = D(2025, 7, 1)
    deelname.save()
    kalender = kalender_van_gemeente(
        regio["Purmerend"], vandaag=VANDAAG, van=D(2025, 5, 1), tot=D(2025, 9, 30)
    )
    assert [p.titel for p in kalender.punten if p.soort == "vergadering"] == [
        "Vergadering dagelijks bestuur",
        "Verantwoordingsbijeenkomst voor de raden",
    ]


def test_calendar_page_and_feed_carry_meetings_and_decision_date(client, regio):
    _vergaderingen(regio["ggd"])
    tekst = _tekst(client.get("/gemeenten/GM0880/kalender/"))
    assert "Vergadering algemeen bestuur" in tekst
    assert '<a href="https://ggd.example/ab-2025-07">Agenda</a>' in tekst
    assert "de raad zelf" in tekst  # the raad's own meeting has no arrangement
    antwoord = client.get("/gemeenten/GM0880/kalender.ics")
    assert antwoord.status_code == 200
    events = {str(e["UID"]): e for e in Calendar.from_ical(antwoord.content).walk("VEVENT")}
    ab = Vergadering.objects.get(soort=VergaderingSoort.ALGEMEEN_BESTUUR)
    event = events[f"vergadering-{ab.uuid}@regioreg"]
    assert event.decoded("DTSTART") == D(2025, 7, 3)
    assert str(event["SUMMARY"]) == "Vergadering algemeen bestuur – GGD ZW"
    assert "agenda: https://ggd.example/ab-2025-07" in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "OPAQUE"
    zienswijze = regio["verzoek"].zienswijzen.get(gemeente=regio["Wormerland"])
    besluit = events[f"zienswijze-{zienswijze.uuid}-raadsbesluit@regioreg"]
    assert besluit.decoded("DTSTART") == D(2025, 5, 24)
    raad = Raadsvergadering.objects.get(gemeente=regio["Wormerland"], datum=D(2025, 6, 5))
    eigen = events[f"raadsvergadering-{raad.uuid}@regioreg"]
    assert str(eigen["SUMMARY"]) == "Raadsvergadering"
    assert str(eigen["URL"]) == "http://testserver/gemeenten/GM0880/kalender/"


@pytest.mark.parametrize("aantal", [1, 10])
def test_calendar_query_count_with_meetings(client, regio, aantal, django_assert_num_queries):
    for i in range(aantal):
        verband = f.DeelnameFactory(
            gemeente=regio["Wormerland"], toetredingsdatum=D(2020, 1, 1)
        ).samenwerkingsverband
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=verband,
                soort=VergaderingSoort.ALGEMEEN_BESTUUR,
                datum=D(2025, 6, 1 + i),
            )
        )
        _raadsvergaderingen(regio["Wormerland"], D(2025, 10, 1 + i))
    # 1 gemeente, 2 deelnames, 3 rules, 4 board adoption meetings, 5 overrides,
    # 6 zienswijzen with decision date, 7 meetings, 8 vaststellingsvergaderingen (shown as
    # meetings), 9 raadsvergaderingen.
    with django_assert_num_queries(9):
        antwoord = client.get("/gemeenten/GM0880/kalender/")
    assert _tekst(antwoord).count("Vergadering algemeen bestuur") == aantal


# --- Who may write -----------------------------------------------------------------------------


@pytest.fixture
def rollen(regio):
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    return {
        "ander": ander,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[regio["ggd"]]),
        "griffie": account(RolSoort.GRIFFIE, gemeente=regio["Zaanstad"]),
    }


VERGADERING = {"soort": "algemeen_bestuur", "datum": "2025-07-03"}


def test_api_secretariaat_writes_meetings_of_its_own_regeling_only(regio, rollen):
    client = api_client(rollen["secretariaat"])
    antwoord = client.post(
        "/api/v1/vergaderingen",
        {**VERGADERING, "samenwerkingsverband": str(regio["ggd"].uuid)},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["soortLabel"] == "Vergadering algemeen bestuur"
    probleem(
        client.post(
            "/api/v1/vergaderingen",
            {**VERGADERING, "samenwerkingsverband": str(rollen["ander"].uuid)},
            format="json",
        ),
        403,
    )
    # Moving its own meeting to another regio's regeling (a forged id) fails too.
    pad = f"/api/v1/vergaderingen/{antwoord.json()['uuid']}"
    versie = client.get(pad)["ETag"]
    probleem(
        client.patch(
            pad,
            {"samenwerkingsverband": str(rollen["ander"].uuid)},
            format="json",
            HTTP_IF_MATCH=versie,
        ),
        403,
    )
    assert list(Vergadering.objects.values_list("samenwerkingsverband", flat=True)) == [
        regio["ggd"].pk
    ]
    # A griffie and a visitor may not write meetings of a regeling.
    probleem(
        api_client(rollen["griffie"]).post(
            "/api/v1/vergaderingen",
            {**VERGADERING, "samenwerkingsverband": str(regio["ggd"].uuid)},
            format="json",
        ),
        403,
    )
    assert Client().post("/api/v1/vergaderingen", VERGADERING).status_code == 401
    assert Vergadering.objects.count() == 1


def test_api_griffie_writes_its_own_raadsvergaderingen_only(regio, rollen):
    client = api_client(rollen["griffie"])
    antwoord = client.post(
        "/api/v1/raadsvergaderingen", {"gemeente": "GM0479", "datum": "2025-06-19"}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["gemeente"] == "GM0479"
    probleem(
        client.post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0880", "datum": "2025-06-19"},
            format="json",
        ),
        403,
    )
    # Another gemeente's stored row, and moving its own row to another gemeente: 403.
    wormerland = Raadsvergadering.objects.get(gemeente=regio["Wormerland"], datum=D(2025, 6, 5))
    pad = f"/api/v1/raadsvergaderingen/{wormerland.uuid}"
    probleem(
        client.patch(
            pad, {"datum": "2025-06-06"}, format="json", HTTP_IF_MATCH=client.get(pad)["ETag"]
        ),
        403,
    )
    eigen = f"/api/v1/raadsvergaderingen/{antwoord.json()['uuid']}"
    probleem(
        client.patch(
            eigen, {"gemeente": "GM0880"}, format="json", HTTP_IF_MATCH=client.get(eigen)["ETag"]
        ),
        403,
    )
    assert Raadsvergadering.objects.get(uuid=antwoord.json()["uuid"]).gemeente == regio["Zaanstad"]
    assert Raadsvergadering.objects.get(pk=wormerland.pk).datum == D(2025, 6, 5)
    # A secretariaat may not enter a raad's meetings.
    probleem(
        api_client(rollen["secretariaat"]).post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0479", "datum": "2025-06-26"},
            format="json",
        ),
        403,
    )


def test_api_a_second_raadsvergadering_on_the_same_day_is_refused_in_dutch(regio, rollen):
    client = api_client(rollen["griffie"])
    body = probleem(
        client.post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0479", "datum": "2025-05-22"},
            format="json",
        ),
        400,
    )
    assert "Voor deze gemeente is op deze datum al een raadsvergadering vastgelegd." in str(body)
    assert Raadsvergadering.objects.filter(gemeente=regio["Zaanstad"]).count() == 4


def test_service_refuses_a_bad_agenda_link_and_writes_nothing(regio):
    with pytest.raises(ValidationError) as fout:
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=regio["ggd"],
                soort=VergaderingSoort.RAADSAVOND,
                datum=D(2025, 9, 18),
                agenda_url="geen adres",
            )
        )
    assert "agenda_url" in fout.value.message_dict
    assert not Vergadering.objects.exists()


def test_admin_griffie_adds_its_own_raadsvergadering_and_not_another_gemeentes(regio, rollen):
    client = Client()
    client.force_login(rollen["griffie"])
    toevoegen = reverse("admin:raad_raadsvergadering_add")
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update({"gemeente": [str(regio["Zaanstad"].pk)], "datum": ["19-06-2025"]})
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 302, _tekst(antwoord)[:3000]
    assert Raadsvergadering.objects.filter(gemeente=regio["Zaanstad"], datum=D(2025, 6, 19))
    # Another gemeente (a forged id in the form) is not a choice: nothing written.
    gegevens.update({"gemeente": [str(regio["Wormerland"].pk)], "datum": ["20-06-2025"]})
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 200
    assert "rijen van Zaanstad vastleggen. Kies Zaanstad als gemeente;" in _tekst(antwoord)
    assert not Raadsvergadering.objects.filter(datum=D(2025, 6, 20)).exists()
    # Another gemeente's stored row is not this griffie's to open: the 403 page names it, and
    # nothing changes.
    wormerland = Raadsvergadering.objects.get(gemeente=regio["Wormerland"], datum=D(2025, 6, 5))
    wijzigen = reverse("admin:raad_raadsvergadering_change", args=[wormerland.pk])
    antwoord = client.post(
        wijzigen, {"gemeente": [str(regio["Wormerland"].pk)], "datum": ["06-06-2025"]}
    )
    assert antwoord.status_code == 403
    assert "hoort bij gemeente „Wormerland”, niet bij wat uw account beheert." in _tekst(antwoord)
    assert Raadsvergadering.objects.get(pk=wormerland.pk).datum == D(2025, 6, 5)
    # Meetings of a regeling are the secretariaat's.
    assert client.get(reverse("admin:raad_vergadering_add")).status_code == 403


def test_admin_secretariaat_adds_a_meeting_of_its_regeling(regio, rollen):
    client = Client()
    client.force_login(rollen["secretariaat"])
    toevoegen = reverse("admin:raad_vergadering_add")
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update(
        {
            "samenwerkingsverband": [str(regio["ggd"].pk)],
            "soort": ["verantwoording"],
            "datum": ["26-06-2025"],
            "agenda_url": ["https://ggd.example/verantwoording"],
        }
    )
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 302, _tekst(antwoord)[:3000]
    vergadering = Vergadering.objects.get()
    assert vergadering.history.first().history_user == rollen["secretariaat"]
    gegevens["samenwerkingsverband"] = [str(rollen["ander"].pk)]
    gegevens["datum"] = ["27-06-2025"]
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 200, antwoord.status_code
    assert "Kies een samenwerkingsverband dat uw account beheert" in _tekst(antwoord)
    assert Vergadering.objects.count() == 1
    assert client.get(reverse("admin:raad_raadsvergadering_add")).status_code == 403


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
