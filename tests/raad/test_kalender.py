"""The calendar of a gemeente: the selector, the page, the iCalendar feed, the zienswijzen
list, and their query counts. The clock is fixed at 1 June 2025."""

import datetime
import re

import pytest
from icalendar import Calendar

from raad.constants import ZienswijzeStatus
from raad.kalender import kalender_van_gemeente
from raad.models import Termijnafwijking
from raad.services import zienswijze_status_wijzigen
from samenwerking.constants import Vorm
from samenwerking.models import Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import (
    BestuursvergaderingFactory,
    EvaluatieFactory,
    ZienswijzeFactory,
    ZienswijzeverzoekFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
VANDAAG = D(2025, 6, 1)


@pytest.fixture
def zaanstad(referentiedata, pc_regels, op_dag):
    """Zaanstad in a GGD (openbaar lichaam, evaluated every 2 years, last in May 2023: overdue)
    and a belastingsamenwerking (BVO, evaluated every 4 years from 2023). One zienswijze whose
    deadline passed on 24 May without a decision, one due on 24 July."""
    op_dag(VANDAAG)
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland",
        samenwerkingsverband__afkorting="GGD ZW",
        samenwerkingsverband__evaluatie_interval_jaren=2,
    ).samenwerkingsverband
    EvaluatieFactory(samenwerkingsverband=ggd, datum=D(2023, 5, 1))
    f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="Belastingsamenwerking Zaanstreek",
        samenwerkingsverband__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
        samenwerkingsverband__evaluatie_interval_jaren=4,
        samenwerkingsverband__ingangsdatum=D(2023, 1, 1),
    )
    for onderwerp, ontvangen in (
        ("Ontwerpbegroting 2026", D(2025, 3, 1)),
        ("Kadernota 2027", D(2025, 5, 1)),
    ):
        ZienswijzeFactory(
            gemeente=gemeente,
            zienswijzeverzoek__samenwerkingsverband=ggd,
            zienswijzeverzoek__onderwerp=onderwerp,
            zienswijzeverzoek__ontvangen_op=ontvangen,
        )
    return gemeente


def _kalender(gemeente, **kwargs):
    return kalender_van_gemeente(
        gemeente, vandaag=VANDAAG, van=D(2024, 6, 1), tot=D(2026, 6, 1), **kwargs
    )


def test_calendar_separates_overdue_from_upcoming(zaanstad):
    kalender = _kalender(zaanstad)
    assert [(p.datum, p.titel) for p in kalender.te_laat] == [
        (D(2025, 5, 1), "Evaluatie van de regeling"),
        (D(2025, 5, 24), "Zienswijze: Ontwerpbegroting 2026"),
    ]
    komend = [(p.datum, p.titel, p.verband.naam) for p in kalender.komend]
    assert komend[:3] == [
        (
            D(2025, 7, 14),
            "Vastgestelde jaarrekening naar gedeputeerde staten (begrotingsjaar 2024)",
            "Belastingsamenwerking Zaanstreek",
        ),
        (
            D(2025, 7, 14),
            "Vastgestelde jaarrekening naar gedeputeerde staten (begrotingsjaar 2024)",
            "GGD Zaanstreek-Waterland",
        ),
        (D(2025, 7, 24), "Zienswijze: Kadernota 2027", "GGD Zaanstreek-Waterland"),
    ]
    # The begroting for 2026 goes to gedeputeerde staten before 1 August (Wgr art. 34 lid 2):
    # its ontwerp was due at the raden on 8 May, before today.
    assert (
        D(2025, 7, 31),
        "Vastgestelde begroting naar gedeputeerde staten (begrotingsjaar 2026)",
        "GGD Zaanstreek-Waterland",
    ) in komend
    assert (D(2025, 7, 24), "Zienswijze: Kadernota 2027", "GGD Zaanstreek-Waterland") in komend
    # Five P&C moments a year for each of the two arrangements, and the open zienswijze; the
    # BVO's evaluation (1 January 2027) lies beyond the window.
    assert len(komend) == 11
    assert all(p.datum >= VANDAAG for p in kalender.komend)


def test_the_calendar_follows_the_data(zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    # The raad decided in time: no longer overdue. A new evaluation: the next is in 2027.
    zienswijze = zaanstad.zienswijzen.get(zienswijzeverzoek__onderwerp="Ontwerpbegroting 2026")
    zienswijze_status_wijzigen(
        zienswijze=zienswijze, status=ZienswijzeStatus.INGEDIEND, raadsbesluit_datum=D(2025, 5, 20)
    )
    EvaluatieFactory(samenwerkingsverband=ggd, datum=D(2025, 4, 1))
    assert _kalender(zaanstad).te_laat == []


def test_filter_on_one_arrangement_and_leave_out_what_the_gemeente_is_not_in(zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    ander = f.DeelnameFactory(samenwerkingsverband__naam="Elders").samenwerkingsverband
    later = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Nieuw verband",
        toetredingsdatum=D(2026, 1, 1),
    ).samenwerkingsverband
    kalender = _kalender(zaanstad, verband_uuid=ggd.uuid)
    assert {p.verband for p in kalender.punten} == {ggd}
    alle = _kalender(zaanstad)
    assert ander not in {p.verband for p in alle.punten}
    # Joining on 1 January 2026: only the moments from then on.
    assert min(p.datum for p in alle.punten if p.verband == later) >= D(2026, 1, 1)
    assert ander not in alle.verbanden and ggd in alle.verbanden


# --- The page ----------------------------------------------------------------------------------


def test_calendar_page_shows_overdue_and_upcoming_and_links_the_feed(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/kalender/")
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "<h1>Kalender van de raad van Zaanstad</h1>" in tekst
    te_laat, komend = tekst.split('id="te-laat-kop"')[1].split('id="komend-kop"')
    assert "Te laat: 2" in te_laat
    assert "Zienswijze: Ontwerpbegroting 2026" in te_laat
    assert '<span class="label label-te-laat">te laat</span>' in te_laat
    assert "Zienswijze: Kadernota 2027" not in te_laat
    assert '<time datetime="2025-07-31">donderdag 31 juli 2025</time>' in komend
    assert '<span class="label label-afgeleid">afgeleid</span>' in komend
    assert "Zienswijze: Kadernota 2027" in komend
    assert 'href="webcal://testserver/gemeenten/GM0479/kalender.ics"' in tekst
    assert "http://testserver/gemeenten/GM0479/kalender.ics" in tekst
    assert 'aria-current="page">Kalender</a>' in tekst


def test_calendar_of_a_merged_gemeente_points_to_its_successor(client, zaanstad):
    # Franekeradeel went up in Waadhoeke on 1 January 2018: no empty feed to subscribe to.
    antwoord = client.get("/gemeenten/GM0070/kalender/")
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Deze gemeente is opgeheven per 1 januari 2018." in tekst
    assert "Franekeradeel bestaat niet meer" in tekst
    assert (
        'Zie de kalender van <a href="/gemeenten/GM1949/kalender/">Waadhoeke</a>. Daar kunt u '
        "zich ook op abonneren."
    ) in tekst
    assert "kalender.ics" not in tekst and "Abonneren op deze kalender" not in tekst
    # A gemeente that still exists keeps its feed.
    assert "Abonneren op deze kalender" in paginatekst(client.get("/gemeenten/GM1949/kalender/"))
    # An old subscription fails and says where to go, instead of staying empty without a word.
    feed = client.get("/gemeenten/GM0070/kalender.ics")
    assert feed.status_code == 410
    assert feed.content.decode() == (
        "Franekeradeel bestaat niet meer (opgeheven per 1 januari 2018) en heeft geen kalender. "
        "Abonneer u op de kalender van Waadhoeke: http://testserver/gemeenten/GM1949/kalender.ics"
    )


def test_calendar_page_filter_and_bad_filter(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    tekst = paginatekst(client.get("/gemeenten/GM0479/kalender/", {"verband": str(ggd.uuid)}))
    assert "Belastingsamenwerking Zaanstreek</a>" not in tekst
    assert f'<option value="{ggd.uuid}" selected>' in tekst
    assert f"kalender.ics?verband={ggd.uuid}" in tekst
    fout = client.get("/gemeenten/GM0479/kalender/", {"verband": "geen-uuid"})
    assert fout.status_code == 400
    assert "Samenwerkingsverband: kies er een uit de lijst." in paginatekst(fout)
    assert client.get("/gemeenten/GM9999/kalender/").status_code == 404


def test_an_arrangement_the_gemeente_is_not_in_is_refused_not_shown_as_empty(client, zaanstad):
    """A kenmerk from another gemeente's calendar (or a made-up one) named nothing on the page
    and left only the raad's own meetings: "Er is niets te laat". Now the field says so and
    the page shows every arrangement; the feed refuses it instead of feeding an agenda less."""
    elders = f.DeelnameFactory(samenwerkingsverband__naam="Elders").samenwerkingsverband
    for kenmerk in (str(elders.uuid), "11111111-1111-1111-1111-111111111111"):
        antwoord = client.get("/gemeenten/GM0479/kalender/", {"verband": kenmerk})
        assert antwoord.status_code == 400
        tekst = paginatekst(antwoord)
        assert (
            "Samenwerkingsverband: Zaanstad neemt in deze periode niet deel aan het gekozen "
            "verband; kies er een uit de lijst. Getoond: alle samenwerkingsverbanden."
        ) in tekst
        assert "Te laat: 2" in tekst and "Zienswijze: Kadernota 2027" in tekst
        assert 'href="webcal://testserver/gemeenten/GM0479/kalender.ics"' in tekst
        feed = client.get("/gemeenten/GM0479/kalender.ics", {"verband": kenmerk})
        assert feed.status_code == 400
        assert feed["Content-Type"] == "text/plain; charset=utf-8"
        assert "Zaanstad neemt in deze periode niet deel" in feed.content.decode()
    assert client.get("/gemeenten/GM0479/kalender.ics", {"verband": "x"}).status_code == 400


def _grote_gemeente(gemeente, aantal):
    for i in range(aantal):
        deelname = f.DeelnameFactory(
            gemeente=gemeente,
            samenwerkingsverband__naam=f"Regeling {i}",
            samenwerkingsverband__evaluatie_interval_jaren=4,
        )
        verband = deelname.samenwerkingsverband
        EvaluatieFactory(samenwerkingsverband=verband, datum=D(2022, 1, 1))
        BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 3))
        Termijnafwijking.objects.create(
            samenwerkingsverband=verband,
            regel_id=1 + i % 5,
            jaar=2026,
            datum=D(2025, 1, 15),
        )
        ZienswijzeFactory(gemeente=gemeente, zienswijzeverzoek__samenwerkingsverband=verband)


@pytest.mark.parametrize("aantal", [1, 30])
def test_calendar_page_query_count(client, zaanstad, aantal, django_assert_num_queries):
    _grote_gemeente(zaanstad, aantal)
    # 1 gemeente with provincie, 2 deelnames with arrangement and last evaluation,
    # 3 P&C rules, 4 board meetings, 5 overrides, 6 zienswijzen with request, arrangement and
    # the raad's decision date, 7 meetings of the arrangements, 8 their
    # vaststellingsvergaderingen, 9 raadsvergaderingen.
    with django_assert_num_queries(9):
        antwoord = client.get("/gemeenten/GM0479/kalender/")
    assert f"Regeling {aantal - 1}</option>" in paginatekst(antwoord)


# --- The iCalendar feed ------------------------------------------------------------------------


def _feed(client, **params):
    antwoord = client.get("/gemeenten/GM0479/kalender.ics", params)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(antwoord.content)


def _events(cal) -> dict:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_feed_is_valid_icalendar_with_all_day_events(client, zaanstad):
    cal = _feed(client)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//regioreg//Kalender van de raad//NL"
    assert str(cal["X-WR-CALNAME"]) == "regioreg: kalender van de raad van Zaanstad"
    events = _events(cal)
    kalender = kalender_van_gemeente(
        zaanstad, vandaag=VANDAAG, van=D(2024, 6, 1), tot=D(2027, 6, 1)
    )
    assert len(events) == len(kalender.punten)
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    ontwerp = events[f"{ggd.uuid}-ontwerpbegroting-2026@regioreg"]
    assert ontwerp.decoded("DTSTART") == D(2025, 5, 8)  # a DATE: an all-day event
    assert ontwerp.decoded("DTEND") == D(2025, 5, 9)
    assert (
        str(ontwerp["SUMMARY"]) == "Ontwerpbegroting naar de raden (begrotingsjaar 2026) – GGD ZW"
    )
    assert str(ontwerp["STATUS"]) == "TENTATIVE"  # derived: no meeting recorded
    assert "Wgr art. 35 lid 1 en 3" in str(ontwerp["DESCRIPTION"])
    # The arrangement's calendar, with the gemeente for the way back (as the page links it).
    assert str(ontwerp["URL"]) == (
        f"http://testserver/samenwerkingsverbanden/{ggd.slug}/?gemeente=GM0479#kalender"
    )
    zienswijze = zaanstad.zienswijzen.get(zienswijzeverzoek__onderwerp="Ontwerpbegroting 2026")
    verstreken = events[f"zienswijze-{zienswijze.uuid}@regioreg"]
    assert verstreken.decoded("DTSTART") == D(2025, 5, 24)
    assert "Status: Termijn verstreken." in str(verstreken["DESCRIPTION"])
    # The BVO's first evaluation, 1 January 2027, is within the feed's two years ahead.
    assert any(
        str(e["SUMMARY"]).startswith("Evaluatie") and e.decoded("DTSTART") == D(2027, 1, 1)
        for e in events.values()
    )


def test_feed_uids_are_stable_and_an_updated_event_keeps_its_uid(client, zaanstad):
    eerste, tweede = _events(_feed(client)), _events(_feed(client))
    assert eerste.keys() == tweede.keys()
    assert {u: e.decoded("DTSTART") for u, e in eerste.items()} == {
        u: e.decoded("DTSTART") for u, e in tweede.items()
    }
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    vaststelling = BestuursvergaderingFactory(
        samenwerkingsverband=ggd, jaar=2026, datum=D(2025, 7, 3)
    )
    derde = _events(_feed(client))
    uid = f"{ggd.uuid}-ontwerpbegroting-2026@regioreg"
    # The same events, and the vaststellingsvergadering as the algemeen bestuur's meeting.
    assert derde.keys() == eerste.keys() | {f"vergadering-{vaststelling.uuid}@regioreg"}
    assert eerste[uid].decoded("DTSTART") == D(2025, 5, 8)
    assert derde[uid].decoded("DTSTART") == D(2025, 4, 10)  # moved, same UID
    assert str(derde[uid]["STATUS"]) == "CONFIRMED"


def test_feed_of_one_arrangement(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    cal = _feed(client, verband=str(ggd.uuid))
    events = _events(cal)
    assert events and all(str(e["SUMMARY"]).endswith("GGD ZW") for e in events.values())
    # Named apart from the whole calendar, which an agenda may hold beside it.
    assert str(cal["X-WR-CALNAME"]) == "regioreg: kalender van de raad van Zaanstad – GGD ZW"
    # Its description links the calendar page of that arrangement, not the whole calendar.
    assert str(cal["X-WR-CALDESC"]).endswith(
        f"zie http://testserver/gemeenten/GM0479/kalender/?verband={ggd.uuid}"
    )
    assert str(_feed(client)["X-WR-CALDESC"]).endswith(
        "zie http://testserver/gemeenten/GM0479/kalender/"
    )


def test_the_calendar_name_and_description_are_escaped_as_text(client, zaanstad):
    """RFC 5545 text: a "," or ";" in an arrangement's name is escaped in NAME and
    X-WR-CALNAME, as in every SUMMARY (it was written as it is, splitting the value)."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    Samenwerkingsverband.objects.filter(pk=ggd.pk).update(afkorting="GGD Zaan, Waterland; ZW")
    antwoord = client.get("/gemeenten/GM0479/kalender.ics", {"verband": str(ggd.uuid)})
    regels = antwoord.content.decode().replace("\r\n ", "").split("\r\n")
    naam = "regioreg: kalender van de raad van Zaanstad – GGD Zaan\\, Waterland\\; ZW"
    assert f"NAME:{naam}" in regels
    assert f"X-WR-CALNAME:{naam}" in regels
    assert (
        "X-WR-CALDESC:P&C-termijnen\\, zienswijzen\\, evaluaties en vergaderingen voor de "
        f"raad\\; zie http://testserver/gemeenten/GM0479/kalender/?verband={ggd.uuid}"
    ) in regels
    assert any(
        r.startswith("SUMMARY:") and r.endswith("GGD Zaan\\, Waterland\\; ZW") for r in regels
    )


def test_an_evaluation_every_year_reads_elk_jaar(client, zaanstad):
    jaarlijks = f.DeelnameFactory(
        gemeente=zaanstad, samenwerkingsverband__evaluatie_interval_jaren=1
    ).samenwerkingsverband
    EvaluatieFactory(samenwerkingsverband=jaarlijks, datum=D(2025, 1, 1))
    tekst = paginatekst(client.get("/gemeenten/GM0479/kalender/"))
    assert "Elk jaar; laatste evaluatie 1 januari 2025." in tekst
    assert "Elke 1 jaar" not in tekst
    assert "Elke 2 jaar; laatste evaluatie 1 mei 2023." in tekst  # the GGD's


@pytest.mark.parametrize("aantal", [1, 30])
def test_feed_query_count(client, zaanstad, aantal, django_assert_num_queries):
    _grote_gemeente(zaanstad, aantal)
    # 1 gemeente, 2 deelnames with arrangement and last evaluation, 3 rules, 4 meetings,
    # 5 overrides, 6 zienswijzen, 7 meetings of the arrangements, 8 their
    # vaststellingsvergaderingen, 9 raadsvergaderingen.
    with django_assert_num_queries(9):
        antwoord = client.get("/gemeenten/GM0479/kalender.ics")
    assert antwoord.content.count(b"BEGIN:VEVENT") > aantal


# --- The zienswijzen list ----------------------------------------------------------------------


def test_zienswijzen_list_shows_each_status_as_it_reads_today(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    laat = ZienswijzeverzoekFactory(
        samenwerkingsverband=ggd,
        onderwerp="Begrotingswijziging 2025",
        ontvangen_op=D(2025, 1, 10),
        uiterste_datum=D(2025, 2, 1),
    )
    ZienswijzeFactory(
        zienswijzeverzoek=laat,
        gemeente=zaanstad,
        status=ZienswijzeStatus.INGEDIEND,
        raadsbesluit_datum=D(2025, 2, 6),
        reactie_bestuur="Overgenomen.",
    )
    tekst = paginatekst(client.get("/gemeenten/GM0479/zienswijzen/"))
    assert "3 zienswijzen" in tekst
    rijen = {
        naam: tekst.split(naam)[1].split("</tr>")[0]
        for naam in ("Ontwerpbegroting 2026", "Kadernota 2027", "Begrotingswijziging 2025")
    }
    assert (
        '<span class="label status label-te-laat">Termijn verstreken</span>'
        in rijen["Ontwerpbegroting 2026"]
    )
    assert ">Nog te agenderen</span>" in rijen["Kadernota 2027"]
    assert ">Ingediend</span>" in rijen["Begrotingswijziging 2025"]
    assert "na de uiterste datum" in rijen["Begrotingswijziging 2025"]
    assert "Overgenomen." in rijen["Begrotingswijziging 2025"]
    gefilterd = paginatekst(
        client.get("/gemeenten/GM0479/zienswijzen/", {"status": "termijn_verstreken"})
    )
    assert "1 zienswijze" in gefilterd and "(van 3)" in gefilterd
    assert "Kadernota 2027" not in gefilterd
    assert client.get("/gemeenten/GM0479/zienswijzen/", {"status": "x"}).status_code == 400


def test_zienswijzen_list_says_which_empty_it_is(client, zaanstad):
    leeg = paginatekst(client.get("/gemeenten/GM0479/zienswijzen/", {"status": "ingediend"}))
    assert "Er zijn geen zienswijzen vastgelegd die aan deze keuze voldoen." in leeg
    # A raad without any zienswijze: no "keuze" the visitor did not make.
    tekst = paginatekst(client.get("/gemeenten/GM0439/zienswijzen/"))
    assert "Er zijn voor de raad van Purmerend nog geen zienswijzen vastgelegd." in tekst
    assert "aan deze keuze" not in tekst
    # It says who records them and where the next ontwerpbegroting's date is; the legend of a
    # status no row has is left out.
    assert "legt het secretariaat van de regeling vast" in tekst
    assert 'staat in de <a href="/gemeenten/GM0439/kalender/">kalender</a>.' in tekst
    assert "Termijn verstreken</strong>:" not in tekst
    assert "legt het secretariaat" not in leeg and "Termijn verstreken</strong>:" in leeg


def test_zienswijzen_filter_refuses_another_arrangement_and_keeps_a_good_choice(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    elders = ZienswijzeFactory(zienswijzeverzoek__onderwerp="Van een ander").zienswijzeverzoek
    antwoord = client.get(
        "/gemeenten/GM0479/zienswijzen/", {"verband": str(elders.samenwerkingsverband.uuid)}
    )
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    assert (
        "Samenwerkingsverband: de raad van Zaanstad heeft geen zienswijzeverzoek van het gekozen "
        "verband; kies er een uit de lijst. Getoond: alle samenwerkingsverbanden."
    ) in tekst
    assert "2 zienswijzen" in tekst and "Van een ander" not in tekst
    # A bad status no longer drops the arrangement chosen with it.
    antwoord = client.get("/gemeenten/GM0479/zienswijzen/", {"status": "x", "verband": ggd.uuid})
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    assert "Status: kies er een uit de lijst. Getoond: alle statussen." in tekst
    assert f'<option value="{ggd.uuid}" selected>' in tekst


def test_a_zienswijze_on_the_agenda_after_its_deadline_is_flagged(client, zaanstad):
    """Geagendeerd for a raadsvergadering after the uiterste datum read like any planning
    in the calendar, the feed and the zienswijzen list: the raad would decide too late."""
    kadernota = zaanstad.zienswijzen.get(zienswijzeverzoek__onderwerp="Kadernota 2027")
    assert kadernota.zienswijzeverzoek.uiterste_datum == D(2025, 7, 24)
    zienswijze_status_wijzigen(
        zienswijze=kadernota, status=ZienswijzeStatus.GEAGENDEERD, raadsvergadering=D(2025, 9, 4)
    )
    melding = (
        "Geagendeerd voor de raad van 4 september 2025. Die vergadering ligt na de uiterste "
        "datum: agendeer de zienswijze eerder of vraag uitstel."
    )
    assert melding in paginatekst(client.get("/gemeenten/GM0479/kalender/"))
    event = _events(_feed(client))[f"zienswijze-{kadernota.uuid}@regioreg"]
    assert melding in " ".join(str(event["DESCRIPTION"]).split())
    rij = paginatekst(client.get("/gemeenten/GM0479/zienswijzen/")).split("Kadernota 2027")[1]
    assert (
        'raad van 4 september 2025</span> <span class="label label-te-laat">na de uiterste '
        "datum</span>"
    ) in rij.split("</tr>")[0]
    # On time: no flag.
    zienswijze_status_wijzigen(
        zienswijze=kadernota, status=ZienswijzeStatus.GEAGENDEERD, raadsvergadering=D(2025, 7, 3)
    )
    assert "na de uiterste datum" not in paginatekst(client.get("/gemeenten/GM0479/kalender/"))
    assert "na de uiterste datum" not in paginatekst(client.get("/gemeenten/GM0479/zienswijzen/"))


@pytest.mark.parametrize("aantal", [1, 30])
def test_zienswijzen_list_query_count(client, zaanstad, aantal, django_assert_num_queries):
    _grote_gemeente(zaanstad, aantal)
    # 1 gemeente with provincie, 2 zienswijzen with request and arrangement.
    with django_assert_num_queries(2):
        antwoord = client.get("/gemeenten/GM0479/zienswijzen/")
    assert f"{aantal + 2} zienswijzen" in paginatekst(antwoord)


def test_calendar_page_names_a_moment_once_with_all_its_arrangements(client, zaanstad):
    """The Wgr's termijnen fall on one day for every regeling: a gemeente in ten saw "Algemene
    financiële en beleidsmatige kaders naar de raden" ten times on a day. One row names them
    all; a punt with something of its own (a zienswijze) keeps its own row."""
    tekst = paginatekst(client.get("/gemeenten/GM0479/kalender/"))
    komend = tekst.split('id="komend-kop"')[1]
    dag = komend.split('<time datetime="2026-01-30">')[1].split("</table>")[0]
    assert dag.count("<tr class=") == 1
    assert dag.count("Algemene financiële en beleidsmatige kaders naar de raden") == 1
    assert "(2 punten)" in dag
    assert "2 samenwerkingsverbanden:" in dag
    assert "Belastingsamenwerking Zaanstreek</a></li><li>" in dag
    assert "GGD Zaanstreek-Waterland</a></li></ul>" in dag
    # With one arrangement chosen, its name stands alone.
    ggd = Samenwerkingsverband.objects.get(afkorting="GGD ZW")
    tekst = paginatekst(client.get("/gemeenten/GM0479/kalender/", {"verband": str(ggd.uuid)}))
    dag = tekst.split('<time datetime="2026-01-30">')[1].split("</table>")[0]
    assert "samenwerkingsverbanden:" not in dag
    assert '#kalender">GGD Zaanstreek-Waterland</a></td>' in dag


LEESVOLGORDE = [
    "’s-Gravenhaagse Regio",
    "Gemeenschappelijke regeling recreatieschap Twiske-Waterland",
    "Gemeenschappelijke Regeling Veiligheidsregio Zaanstreek-Waterland",
    "Súdwest-Fryslân Samen",
    "Zaanse Belastingen",
]


@pytest.mark.parametrize("pagina", ["kalender", "zienswijzen"])
def test_the_arrangements_to_choose_from_read_in_a_readers_order(
    client, referentiedata, op_dag, pagina
):
    """By letter first, case and accents only between names otherwise equal: not byte order,
    which put "…Regeling Veiligheidsregio…" before "…regeling recreatieschap…" and the
    accented and typographic names after the z (regioreg/collation.py)."""
    op_dag(VANDAAG)
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    for naam in reversed(LEESVOLGORDE):
        verband = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__naam=naam)
        ZienswijzeFactory(
            gemeente=gemeente, zienswijzeverzoek__samenwerkingsverband=verband.samenwerkingsverband
        )
    antwoord = client.get(f"/gemeenten/GM0479/{pagina}/")
    assert antwoord.status_code == 200
    keuze = antwoord.content.decode().split('<select name="verband"')[1].split("</select>")[0]
    assert re.findall(r'<option value="[0-9a-f-]+">([^<]+)</option>', keuze) == LEESVOLGORDE
