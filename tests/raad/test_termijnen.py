"""P&C termijnen: the dates for a regeling and a begrotingsjaar, from the rules as data."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from raad.constants import Berekening, Vaststelling
from raad.models import Bestuursvergadering, Termijnafwijking, Termijnregel
from raad.termijnen import pc_termijnen
from samenwerking.constants import Vorm
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.raad.factories import BestuursvergaderingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _per_code(verband, jaar):
    return {t.regel.code: t for t in pc_termijnen([verband], [jaar])}


def test_the_seeded_rules_cite_the_wgr(pc_regels):
    assert {code: regel.artikel for code, regel in pc_regels.items()} == {
        "kaders": "Wgr art. 34b",
        "kaders-15-april": "Wgr art. 34b (tekst 2015–2022)",
        "ontwerpbegroting": "Wgr art. 35 lid 1 en 3",
        "ontwerpbegroting-8-weken": "Wgr art. 35 lid 1 (tekst 2015–2022)",
        "ontwerpbegroting-6-weken": "Wgr art. 35 lid 1 (tekst tot 2015)",
        "begroting-gs": "Wgr art. 34 lid 2",
        "begroting-gs-15-juli": "Wgr art. 34 lid 2 (tekst tot 2015)",
        "voorlopige-jaarrekening": "Wgr art. 34b",
        "jaarrekening-gs": "Wgr art. 34 lid 4",
    }
    for regel in pc_regels.values():
        regel.full_clean()  # the seed satisfies the model's own rules
        assert sorted(regel.vormen) == ["BVO", "GO", "OL"]
    assert "vóór 1 augustus" in pc_regels["begroting-gs"].toelichting


def test_without_a_recorded_meeting_the_latest_lawful_dates_are_marked_derived(pc_regels):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.OPENBAAR_LICHAAM)
    termijnen = _per_code(verband, 2026)
    datums = {code: (t.datum, t.afgeleid) for code, t in termijnen.items()}
    assert datums == {
        # "vóór 31 januari" of the year before: the last day on time is 30 January.
        "kaders": (D(2025, 1, 30), False),
        # 12 weeks before the latest lawful adoption (31 July 2025).
        "ontwerpbegroting": (D(2025, 5, 8), True),
        # "vóór 1 augustus": 31 July (Wgr art. 34 lid 2).
        "begroting-gs": (D(2025, 7, 31), True),
        "voorlopige-jaarrekening": (D(2027, 4, 14), False),
        "jaarrekening-gs": (D(2027, 7, 14), True),
    }
    assert termijnen["ontwerpbegroting"].uitleg.startswith("Afgeleid: 12 weken vóór")
    # Sorted by date, as the calendar shows them.
    assert [t.regel.code for t in pc_termijnen([verband], [2026])] == [
        "kaders",
        "ontwerpbegroting",
        "begroting-gs",
        "voorlopige-jaarrekening",
        "jaarrekening-gs",
    ]


def test_a_recorded_meeting_moves_the_dates_that_count_from_it(pc_regels):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE)
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 3))
    BestuursvergaderingFactory(
        samenwerkingsverband=verband,
        vaststelling=Vaststelling.JAARREKENING,
        jaar=2026,
        datum=D(2027, 6, 25),
    )
    termijnen = _per_code(verband, 2026)
    assert termijnen["ontwerpbegroting"].datum == D(2025, 4, 10)  # 84 days before 3 July
    assert termijnen["begroting-gs"].datum == D(2025, 7, 17)  # within two weeks
    assert termijnen["jaarrekening-gs"].datum == D(2027, 7, 9)
    assert termijnen["kaders"].datum == D(2025, 1, 30)  # a fixed date does not move
    assert not any(t.afgeleid for t in termijnen.values())
    assert termijnen["begroting-gs"].uitleg == (
        "2 weken na de vaststelling op 3 juli 2025, en in ieder geval vóór 1 augustus 2025."
    )
    # Another year of the same regeling has no meeting yet.
    assert _per_code(verband, 2027)["begroting-gs"].afgeleid


def test_two_weeks_after_a_late_adoption_is_still_capped_by_1_august(pc_regels):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    # 25 July + 14 days = 8 August, but "vóór 1 augustus" ends on 31 July.
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 25))
    assert _per_code(verband, 2026)["begroting-gs"].datum == D(2025, 7, 31)


def test_an_override_wins_over_the_law_and_over_a_meeting(pc_regels):
    verband = f.SamenwerkingsverbandFactory()
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 3))
    for code, datum in (("kaders", D(2024, 12, 1)), ("ontwerpbegroting", D(2025, 3, 15))):
        rij_opslaan(
            rij=Termijnafwijking(
                samenwerkingsverband=verband,
                regel=pc_regels[code],
                jaar=2026,
                datum=datum,
                bron="art. 24 lid 2 van de regeling",
            )
        )
    termijnen = _per_code(verband, 2026)
    assert termijnen["kaders"].datum == D(2024, 12, 1)
    assert termijnen["ontwerpbegroting"].datum == D(2025, 3, 15)
    assert termijnen["ontwerpbegroting"].uitleg == (
        "Afwijkende datum volgens de regeling: art. 24 lid 2 van de regeling."
    )
    assert termijnen["begroting-gs"].datum == D(2025, 7, 17)  # not overridden: the meeting
    assert _per_code(verband, 2027)["kaders"].datum == D(2026, 1, 30)  # only that year


def test_weeks_count_the_leap_day(pc_regels):
    verband = f.SamenwerkingsverbandFactory()
    # Same meeting day in a leap year and in a common year: 84 days back cross February.
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2025, datum=D(2024, 5, 16))
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2024, datum=D(2023, 5, 16))
    assert _per_code(verband, 2025)["ontwerpbegroting"].datum == D(2024, 2, 22)
    assert _per_code(verband, 2024)["ontwerpbegroting"].datum == D(2023, 2, 21)


def test_a_rule_before_1_march_ends_on_29_february_in_a_leap_year(pc_regels):
    verband = f.SamenwerkingsverbandFactory()
    rij_opslaan(
        rij=Termijnregel(
            code="eigen-regel",
            omschrijving="Jaarverslag naar de raden",
            artikel="art. 30 van de regeling",
            berekening=Berekening.VASTE_DATUM,
            maand=3,
            dag=1,
            jaar_verschuiving=0,
        )
    )
    assert _per_code(verband, 2024)["eigen-regel"].datum == D(2024, 2, 29)
    assert _per_code(verband, 2025)["eigen-regel"].datum == D(2025, 2, 28)


@pytest.mark.parametrize(
    ("vorm", "aantal"),
    [
        (Vorm.OPENBAAR_LICHAAM, 5),
        (Vorm.BEDRIJFSVOERINGSORGANISATIE, 5),
        (Vorm.GEMEENSCHAPPELIJK_ORGAAN, 5),
        (Vorm.CENTRUMGEMEENTE, 0),
        (Vorm.REGELING_ZONDER_MEER, 0),
        (Vorm.STICHTING, 0),
        (Vorm.CONVENANT, 0),
    ],
)
def test_only_forms_with_their_own_budget_have_pc_termijnen(pc_regels, vorm, aantal):
    verband = f.SamenwerkingsverbandFactory(
        vorm=vorm,
        centrumgemeente=f.GemeenteFactory() if vorm == Vorm.CENTRUMGEMEENTE else None,
    )
    assert len(pc_termijnen([verband], [2026])) == aantal


def test_a_rule_can_be_limited_to_some_forms(pc_regels):
    regel = pc_regels["kaders"]
    regel.vormen = [Vorm.OPENBAAR_LICHAAM]
    rij_opslaan(rij=regel)
    bvo = f.SamenwerkingsverbandFactory(vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE)
    assert "kaders" not in _per_code(bvo, 2026)


def test_the_uid_stays_when_the_date_moves(pc_regels):
    verband = f.SamenwerkingsverbandFactory()
    voor = _per_code(verband, 2026)["ontwerpbegroting"]
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 3))
    na = _per_code(verband, 2026)["ontwerpbegroting"]
    assert voor.datum != na.datum
    assert voor.uid == na.uid == f"{verband.uuid}-ontwerpbegroting-2026@regioreg"


# --- Validation of the rows ------------------------------------------------------------------


def _fouten(rij) -> dict:
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=rij)
    return fout.value.message_dict


def test_rule_validation_names_the_field(pc_regels):
    basis = {
        "omschrijving": "x",
        "artikel": "y",
        "maand": 9,
        "dag": 15,
        "jaar_verschuiving": -1,
    }
    fouten = _fouten(Termijnregel(code="a", berekening=Berekening.WEKEN_NA_VASTSTELLING, **basis))
    assert fouten["weken"] == [
        "Weken: vul weken en de vaststelling in bij een berekening vanaf de vaststelling, en "
        "alleen dan."
    ]
    fouten = _fouten(
        Termijnregel(
            code="b", berekening=Berekening.VASTE_DATUM, **{**basis, "maand": 2, "dag": 29}
        )
    )
    assert fouten["dag"] == ["Dag: 29 februari bestaat niet elk jaar; kies 1 maart."]
    fouten = _fouten(
        Termijnregel(
            code="c", berekening=Berekening.VASTE_DATUM, **{**basis, "maand": 4, "dag": 31}
        )
    )
    assert fouten["dag"] == ["Dag: bestaat niet in deze maand."]
    fouten = _fouten(
        Termijnregel(
            code="d",
            berekening=Berekening.VASTE_DATUM,
            vormen=[Vorm.OPENBAAR_LICHAAM, Vorm.REGELING_ZONDER_MEER],
            **basis,
        )
    )
    assert "niet voor Regeling zonder meer" in fouten["vormen"][0]


@pytest.mark.parametrize(
    ("veld", "waarde", "bericht"),
    [
        ("maand", 13, "Maand: moet tussen 1 en 12 liggen."),
        ("maand", 0, "Maand: moet tussen 1 en 12 liggen."),
        ("dag", 32, "Dag: moet tussen 1 en 31 liggen."),
        ("dag", 0, "Dag: moet tussen 1 en 31 liggen."),
    ],
)
def test_the_database_keeps_month_and_day_of_a_rule_in_range(pc_regels, veld, waarde, bericht):
    regel = Termijnregel(
        code="buiten",
        omschrijving="x",
        artikel="y",
        berekening=Berekening.VASTE_DATUM,
        maand=9,
        dag=15,
        jaar_verschuiving=-1,
    )
    setattr(regel, veld, waarde)
    with pytest.raises(ValidationError) as fout:
        regel.validate_constraints()
    assert fout.value.message_dict == {veld: [bericht]}
    with pytest.raises(IntegrityError), transaction.atomic():
        regel.save()


def test_meetings_and_overrides_only_for_forms_with_a_budget(pc_regels):
    rzm = f.SamenwerkingsverbandFactory(vorm=Vorm.REGELING_ZONDER_MEER)
    fouten = _fouten(
        Bestuursvergadering(
            samenwerkingsverband=rzm,
            vaststelling=Vaststelling.BEGROTING,
            jaar=2026,
            datum=D(2025, 7, 3),
        )
    )
    assert fouten["samenwerkingsverband"][0].startswith(
        "Samenwerkingsverband: alleen een openbaar lichaam"
    )
    regel = pc_regels["kaders"]
    regel.vormen = [Vorm.OPENBAAR_LICHAAM]
    rij_opslaan(rij=regel)
    go = f.SamenwerkingsverbandFactory(vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    fouten = _fouten(
        Termijnafwijking(samenwerkingsverband=go, regel=regel, jaar=2026, datum=D(2025, 1, 1))
    )
    assert fouten["regel"] == ["Termijnregel: geldt niet voor een gemeenschappelijk orgaan."]


def test_one_meeting_per_adoption_and_year(pc_regels):
    vergadering = BestuursvergaderingFactory()
    fouten = _fouten(
        Bestuursvergadering(
            samenwerkingsverband=vergadering.samenwerkingsverband,
            vaststelling=vergadering.vaststelling,
            jaar=vergadering.jaar,
            datum=D(2025, 6, 1),
        )
    )
    assert "al vastgelegd" in fouten["__all__"][0]


def test_an_override_of_the_kaders_before_2024_follows_the_text_of_its_year(pc_regels):
    """Migration 0013 moves an afwijkende termijn on the kaders for 2016-2023 to the rule of
    the text of 2015-2022, so that the regeling's own date keeps showing for that year."""
    migratie = importlib.import_module("raad.migrations.0013_art_34b_per_wettekst")
    migratie.jaren_terugzetten(apps, None)  # the rules as they were before the migration
    verband = f.SamenwerkingsverbandFactory()
    for jaar, datum in ((2020, D(2019, 3, 1)), (2025, D(2024, 1, 15))):
        rij_opslaan(
            rij=Termijnafwijking(
                samenwerkingsverband=verband,
                regel=Termijnregel.objects.get(code="kaders"),
                jaar=jaar,
                datum=datum,
                bron="art. 24 lid 2 van de regeling",
            )
        )
    migratie.jaren_geven(apps, None)
    assert _per_code(verband, 2020)["kaders-15-april"].datum == D(2019, 3, 1)
    assert _per_code(verband, 2025)["kaders"].datum == D(2024, 1, 15)
    assert "kaders" not in _per_code(verband, 2020)
