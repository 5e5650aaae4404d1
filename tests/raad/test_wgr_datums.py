"""The Wgr's P&C dates, computed by hand: the begroting to gedeputeerde staten before 1 August
(Wgr art. 34 lid 2; before 15 July until begrotingsjaar 2015), the ontwerpbegroting counted
back from the latest lawful adoption (31 July), the adoption in the year the law allows, and a
note for a deadline on a Saturday, Sunday or feestdag on the page, in the API and in the feed.

Every expected date is worked out in the comment next to it, not by the code under test.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from raad.constants import Vaststelling
from raad.models import Bestuursvergadering
from raad.termijnen import pc_termijnen
from raad.werkdagen import dagnotitie, feestdagen, geen_werkdag
from samenwerking.constants import Vorm
from samenwerking.models import Gemeente
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.raad.factories import BestuursvergaderingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _per_code(verband, jaar):
    return {t.regel.code: t for t in pc_termijnen([verband], [jaar])}


@pytest.fixture
def ol(pc_regels):
    return f.SamenwerkingsverbandFactory(vorm=Vorm.OPENBAAR_LICHAAM, afkorting="VR")


def test_begroting_2027_goes_to_gs_before_1_august_2026(ol):
    termijnen = _per_code(ol, 2027)
    # "vóór 1 augustus" of the year before: the last day on time is Friday 31 July 2026,
    # not 14 September.
    assert termijnen["begroting-gs"].datum == D(2026, 7, 31)
    assert termijnen["begroting-gs"].afgeleid
    assert termijnen["begroting-gs"].regel.artikel == "Wgr art. 34 lid 2"
    # Adopted on 10 July 2026: within two weeks, 24 July.
    BestuursvergaderingFactory(samenwerkingsverband=ol, jaar=2027, datum=D(2026, 7, 10))
    assert _per_code(ol, 2027)["begroting-gs"].datum == D(2026, 7, 24)


def test_ontwerpbegroting_2027_is_due_at_the_raden_on_8_may_2026(ol):
    ontwerp = _per_code(ol, 2027)["ontwerpbegroting"]
    # Latest lawful adoption 31 July 2026; 12 weeks = 84 days earlier:
    # 31 July -> 1 July is 30 days, -> 31 May 61, -> 8 May 84. Not 22 June.
    assert ontwerp.datum == D(2026, 5, 8)
    assert ontwerp.afgeleid
    assert ontwerp.uitleg == (
        "Afgeleid: 12 weken vóór de uiterste vaststellingsdatum; er is nog geen vergadering "
        "van het bestuur vastgelegd."
    )


def test_a_leap_year_counts_29_february(ol):
    # Adoption on Thursday 23 May 2024 for 2025: 84 days back is 29 February 2024
    # (23 May -> 23 April 30, -> 23 March 61, -> 29 February 84: March has 23 days back to
    # 29 February inclusive of the leap day).
    BestuursvergaderingFactory(samenwerkingsverband=ol, jaar=2025, datum=D(2024, 5, 23))
    assert _per_code(ol, 2025)["ontwerpbegroting"].datum == D(2024, 2, 29)
    # The same day in a common year lands on 28 February (no 29th to count).
    BestuursvergaderingFactory(samenwerkingsverband=ol, jaar=2024, datum=D(2023, 5, 23))
    assert _per_code(ol, 2024)["ontwerpbegroting"].datum == D(2023, 2, 28)
    # Without a meeting in a leap year: 31 July 2024 - 84 days = 8 May 2024.
    zonder = _per_code(f.SamenwerkingsverbandFactory(vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE), 2025)
    assert zonder["ontwerpbegroting"].datum == D(2024, 5, 8)


def test_before_2015_the_begroting_went_to_gs_before_15_july(ol):
    termijnen = _per_code(ol, 2015)
    # Art. 34b dates from 1 January 2015: no kaders for 2015 (they would have been due in
    # 2014); the voorlopige jaarrekening over 2015 was due in April 2016.
    assert set(termijnen) == {
        "ontwerpbegroting-6-weken",
        "begroting-gs-15-juli",
        "voorlopige-jaarrekening",
        "jaarrekening-gs",
    }
    # "vóór 15 juli 2014": Monday 14 July 2014.
    assert termijnen["begroting-gs-15-juli"].datum == D(2014, 7, 14)
    assert termijnen["begroting-gs-15-juli"].regel.artikel == "Wgr art. 34 lid 2 (tekst tot 2015)"
    # Six weeks before 14 July: 14 July - 42 days = 2 June 2014.
    assert termijnen["ontwerpbegroting-6-weken"].datum == D(2014, 6, 2)


def test_art_34b_applies_only_to_the_years_of_its_text(ol):
    # Before 2015 the Wgr had no article 34b: no kaders and no voorlopige jaarrekening.
    assert set(_per_code(ol, 1990)) == {
        "ontwerpbegroting-6-weken",
        "begroting-gs-15-juli",
        "jaarrekening-gs",
    }
    # The first voorlopige jaarrekening with a statutory date: over 2014, before 15 April 2015.
    assert _per_code(ol, 2013).get("voorlopige-jaarrekening") is None
    assert _per_code(ol, 2014)["voorlopige-jaarrekening"].datum == D(2015, 4, 14)
    # 2016-2023: the kaders before 15 April of the year before (text 2015-2022).
    for jaar in (2016, 2023):
        termijnen = _per_code(ol, jaar)
        assert "kaders" not in termijnen
        assert termijnen["kaders-15-april"].datum == D(jaar - 1, 4, 14)
        assert termijnen["kaders-15-april"].regel.artikel == "Wgr art. 34b (tekst 2015–2022)"
    # From 2024 (kaders due after 1 July 2022): before 31 January of the year before.
    termijnen = _per_code(ol, 2024)
    assert "kaders-15-april" not in termijnen
    assert termijnen["kaders"].datum == D(2023, 1, 30)


def test_the_api_lists_no_kaders_for_a_year_before_art_34b(client, ol):
    antwoord = client.get("/api/v1/termijnen", {"samenwerkingsverband": str(ol.uuid), "jaar": 2010})
    assert antwoord.status_code == 200
    assert {r["regel"] for r in antwoord.json()["results"]} == {
        "ontwerpbegroting-6-weken",
        "begroting-gs-15-juli",
        "jaarrekening-gs",
    }


def test_between_2016_and_2023_the_ontwerpbegroting_went_eight_weeks_ahead(ol):
    # Begrotingsjaar 2016: 31 July 2015 - 56 days = 5 June 2015.
    assert _per_code(ol, 2016)["ontwerpbegroting-8-weken"].datum == D(2015, 6, 5)
    assert _per_code(ol, 2016)["begroting-gs"].datum == D(2015, 7, 31)
    # Begrotingsjaar 2023: 31 July 2022 - 56 days = 5 June 2022, eerste Pinksterdag.
    ontwerp = _per_code(ol, 2023)["ontwerpbegroting-8-weken"]
    assert ontwerp.datum == D(2022, 6, 5)
    assert ontwerp.dagnotitie.startswith("Valt op eerste Pinksterdag.")
    # From 2024 twelve weeks: 31 July 2023 - 84 days = 8 May 2023.
    assert "ontwerpbegroting-8-weken" not in _per_code(ol, 2024)
    assert _per_code(ol, 2024)["ontwerpbegroting"].datum == D(2023, 5, 8)


@pytest.mark.parametrize(
    ("vaststelling", "jaar", "datum", "bericht"),
    [
        (
            Vaststelling.BEGROTING,
            2027,
            D(2027, 2, 1),
            "Datum vergadering: de begroting voor 2027 stelt het bestuur vast in 2026, het jaar "
            "vóór het begrotingsjaar (Wgr art. 34 lid 1). Kies een datum in 2026 of controleer "
            "het begrotingsjaar.",
        ),
        (
            Vaststelling.JAARREKENING,
            2025,
            D(2025, 12, 15),
            "Datum vergadering: de jaarrekening over 2025 stelt het bestuur vast in 2026, het "
            "jaar erna (Wgr art. 34 lid 3). Kies een datum in 2026 of controleer het jaar.",
        ),
    ],
)
def test_an_adoption_outside_the_year_the_law_allows_is_refused(
    ol, vaststelling, jaar, datum, bericht
):
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(
            rij=Bestuursvergadering(
                samenwerkingsverband=ol, vaststelling=vaststelling, jaar=jaar, datum=datum
            )
        )
    assert fout.value.message_dict == {"datum": [bericht]}
    assert not Bestuursvergadering.objects.exists()
    goed = datum.replace(year=jaar - 1 if vaststelling == Vaststelling.BEGROTING else jaar + 1)
    rij_opslaan(
        rij=Bestuursvergadering(
            samenwerkingsverband=ol, vaststelling=vaststelling, jaar=jaar, datum=goed
        )
    )
    assert Bestuursvergadering.objects.get().datum == goed


# --- Saturdays, Sundays and feestdagen --------------------------------------------------------


def test_feestdagen_are_computed_per_year():
    # Easter 2025 on 20 April; Koningsdag 27 April 2025 is a Sunday, so the 26th.
    dagen = feestdagen(2025)
    assert dagen[D(2025, 4, 21)] == "tweede Paasdag"
    assert dagen[D(2025, 5, 29)] == "Hemelvaartsdag"  # 39 days after Easter
    assert dagen[D(2025, 6, 9)] == "tweede Pinksterdag"  # 50 days after Easter
    assert dagen[D(2025, 4, 26)] == "Koningsdag"
    assert D(2025, 4, 27) not in dagen
    assert dagen[D(2025, 5, 5)] == "5 mei (Bevrijdingsdag)"
    # Easter 2024 on 31 March: tweede Paasdag 1 April; Goede Vrijdag is no feestdag.
    assert feestdagen(2024)[D(2024, 4, 1)] == "tweede Paasdag"
    assert geen_werkdag(D(2024, 3, 29)) is None
    assert feestdagen(2010)[D(2010, 4, 30)] == "Koninginnedag"
    assert geen_werkdag(D(2027, 7, 31)) == "zaterdag"
    assert geen_werkdag(D(2026, 8, 2)) == "zondag"
    assert geen_werkdag(D(2026, 7, 31)) is None


def test_a_deadline_on_a_non_working_day_carries_a_note_and_is_not_moved(ol):
    # Begrotingsjaar 2028: "vóór 1 augustus 2027" ends on Saturday 31 July 2027.
    termijn = _per_code(ol, 2028)["begroting-gs"]
    assert termijn.datum == D(2027, 7, 31)
    assert termijn.dagnotitie == (
        "Valt op zaterdag. regioreg verschuift de datum niet: de laatste werkdag ervoor is "
        "vrijdag 30 juli 2027. Of de Algemene termijnenwet de termijn verlengt tot maandag "
        "2 augustus 2027, hangt af van de soort termijn."
    )
    assert _per_code(ol, 2027)["begroting-gs"].dagnotitie == ""  # Friday 31 July 2026
    # Over a feestdag: Kerstmis 2026 falls on Friday and Saturday.
    assert "de laatste werkdag ervoor is donderdag 24 december 2026" in dagnotitie(D(2026, 12, 26))
    assert "tot maandag 28 december 2026" in dagnotitie(D(2026, 12, 26))


@pytest.fixture
def zaanstad_ol(referentiedata, ol, op_dag):
    op_dag(D(2026, 4, 1))
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband=ol, toetredingsdatum=D(2010, 1, 1))
    return gemeente


def test_the_feed_holds_the_wgr_dates_and_the_weekend_note(client, zaanstad_ol, ol):
    antwoord = client.get("/gemeenten/GM0479/kalender.ics")
    assert antwoord.status_code == 200
    events = {str(e["UID"]): e for e in Calendar.from_ical(antwoord.content).walk("VEVENT")}
    ontwerp = events[f"{ol.uuid}-ontwerpbegroting-2027@regioreg"]
    assert ontwerp.decoded("DTSTART") == D(2026, 5, 8)
    assert "Wgr art. 35 lid 1 en 3" in str(ontwerp["DESCRIPTION"])
    gs = events[f"{ol.uuid}-begroting-gs-2027@regioreg"]
    assert gs.decoded("DTSTART") == D(2026, 7, 31)
    assert "Wgr art. 34 lid 2" in str(gs["DESCRIPTION"])
    assert "Valt op" not in str(gs["DESCRIPTION"])  # a Friday
    # Begrotingsjaar 2028: ontwerpbegroting 31 July 2027 - 84 days = Saturday 8 May 2027;
    # begroting to GS Saturday 31 July 2027 (feed: two years ahead of 1 April 2026).
    weekend = events[f"{ol.uuid}-ontwerpbegroting-2028@regioreg"]
    assert weekend.decoded("DTSTART") == D(2027, 5, 8)
    assert (
        "Valt op zaterdag. regioreg verschuift de datum niet: de laatste werkdag ervoor is "
        "vrijdag 7 mei 2027." in " ".join(str(weekend["DESCRIPTION"]).split())
    )
    assert (
        str(events[f"{ol.uuid}-begroting-gs-2028@regioreg"]["DESCRIPTION"]).count(
            "Valt op zaterdag"
        )
        == 1
    )


@pytest.mark.parametrize(
    ("vandaag", "uid", "datum"),
    [
        # Pre-2015: the begroting for 2015 to GS before 15 July 2014, on Monday 14 July.
        (D(2014, 3, 1), "begroting-gs-15-juli-2015", D(2014, 7, 14)),
        # 14 July 2014 - 42 days = 2 June 2014.
        (D(2014, 3, 1), "ontwerpbegroting-6-weken-2015", D(2014, 6, 2)),
        # Leap year: adoption on 23 May 2024 for 2025, 84 days back is 29 February 2024.
        (D(2024, 1, 15), "ontwerpbegroting-2025", D(2024, 2, 29)),
    ],
)
def test_the_feed_holds_the_pre_2015_and_leap_year_dates(
    client, zaanstad_ol, ol, op_dag, vandaag, uid, datum
):
    BestuursvergaderingFactory(samenwerkingsverband=ol, jaar=2025, datum=D(2024, 5, 23))
    op_dag(vandaag)
    antwoord = client.get("/gemeenten/GM0479/kalender.ics")
    assert antwoord.status_code == 200
    events = {str(e["UID"]): e for e in Calendar.from_ical(antwoord.content).walk("VEVENT")}
    assert events[f"{ol.uuid}-{uid}@regioreg"].decoded("DTSTART") == datum


def test_the_calendar_page_shows_the_note(client, zaanstad_ol, ol, op_dag):
    op_dag(D(2027, 4, 1))
    # A second regeling with the same termijnen: the note is the day's, said once under its
    # heading, not repeated in every row of the day.
    f.DeelnameFactory(
        gemeente=zaanstad_ol,
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
        toetredingsdatum=D(2010, 1, 1),
    )
    antwoord = client.get("/gemeenten/GM0479/kalender/")
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    dag = tekst.split('<time datetime="2027-05-08">zaterdag 8 mei 2027</time>')[1].split(
        "</table>"
    )[0]
    assert "(2 punten)" in dag
    notitie = (
        '<span class="label label-dagnotitie">geen werkdag</span> Valt op zaterdag. regioreg '
        "verschuift de datum niet: de laatste werkdag ervoor is vrijdag 7 mei 2027."
    )
    assert dag.count(notitie) == 1
    assert dag.index(notitie) < dag.index("<table")


def test_the_api_gives_the_note(client, zaanstad_ol, ol):
    antwoord = client.get("/api/v1/termijnen", {"samenwerkingsverband": str(ol.uuid), "jaar": 2028})
    assert antwoord.status_code == 200
    rijen = {r["regel"]: r for r in antwoord.json()["results"]}
    assert rijen["begroting-gs"]["datum"] == "2027-07-31"
    assert rijen["begroting-gs"]["dagnotitie"].startswith("Valt op zaterdag.")
    assert rijen["ontwerpbegroting"]["datum"] == "2027-05-08"
    # "vóór 31 januari 2027": Saturday 30 January.
    assert rijen["kaders"]["datum"] == "2027-01-30"
    assert rijen["kaders"]["dagnotitie"].startswith("Valt op zaterdag.")
    vorig = client.get("/api/v1/termijnen", {"samenwerkingsverband": str(ol.uuid), "jaar": 2027})
    rijen = {r["regel"]: r for r in vorig.json()["results"]}
    assert (rijen["begroting-gs"]["datum"], rijen["begroting-gs"]["dagnotitie"]) == (
        "2026-07-31",  # a Friday
        "",
    )
