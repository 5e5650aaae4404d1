"""Vergaderingen (issue 18, item 3) in the calendar and its feed: the meetings, the
raadsvergaderingen and each raad's decision date, in the GGD of conftest.py."""

import datetime

import pytest
from icalendar import Calendar

from raad import services
from raad.constants import VergaderingSoort
from raad.kalender import kalender_van_gemeente
from raad.models import Raadsvergadering, Vergadering
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.vergaderingen.hulp import GEEN_VERGADERING, VANDAAG
from tests.raad.vergaderingen.hulp import raadsvergaderingen as _raadsvergaderingen

pytestmark = pytest.mark.django_db

D = datetime.date


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
    tekst = paginatekst(client.get("/gemeenten/GM0880/kalender/"))
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
    tekst = paginatekst(client.get(f"/zienswijzeverzoeken/{regio['verzoek'].uuid}/"))
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
    tekst = paginatekst(client.get("/gemeenten/GM0880/kalender/"))
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
    assert paginatekst(antwoord).count("Vergadering algemeen bestuur") == aantal
