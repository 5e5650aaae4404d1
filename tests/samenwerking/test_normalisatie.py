"""Tolerant names: the spellings real sources use."""

from types import SimpleNamespace

import pytest

from samenwerking.constants import OrganisatieSoort
from samenwerking.normalisatie import (
    Namenlijst,
    herstel_mojibake,
    normaliseer_naam,
    organisatie_soort,
    regeling_sleutel,
)


@pytest.mark.parametrize(
    ("kapot", "heel"),
    [
        ("FryslÃ¢n", "Fryslân"),
        ("BarÃŸel (Duitsland)", "Barßel (Duitsland)"),
        ("Waterschap â€™t Suydevelt", "Waterschap ’t Suydevelt"),
        ("Fryslân", "Fryslân"),
        ("Ã la carte", "Ã la carte"),
    ],
)
def test_text_read_in_the_wrong_encoding_is_repaired(kapot, heel):
    assert herstel_mojibake(kapot) == heel


@pytest.mark.parametrize(
    "spelling", ["Bergen (NH.)", "Bergen (NH)", "Bergen (N-H)", "bergen (n.h.)", "Gem. Bergen (NH)"]
)
def test_province_suffixes_are_one_spelling(spelling):
    assert normaliseer_naam(spelling, houd_provincie=True) == "bergen nh"
    assert normaliseer_naam(spelling) == "bergen"


def test_gemeentelijke_is_not_a_gemeente_prefix():
    assert normaliseer_naam("Gemeentelijke Gezondheidsdienst") == "gemeentelijke gezondheidsdienst"


def test_namenlijst_finds_exact_then_normalised_and_reports_ambiguity():
    namen = Namenlijst(
        [SimpleNamespace(naam=n) for n in ("Bergen (NH.)", "Bergen (L.)", "'s-Gravenhage")],
        naam=lambda o: o.naam,
    )
    assert [o.naam for o in namen.zoek("Bergen (N-H)")] == ["Bergen (NH.)"]
    assert sorted(o.naam for o in namen.zoek("Bergen")) == ["Bergen (L.)", "Bergen (NH.)"]
    assert [o.naam for o in namen.zoek("Den Haag")] == ["'s-Gravenhage"]
    assert namen.zoek("Atlantis") == []
    assert namen.dichtstbij("Gravenhage") == ["'s-Gravenhage"]


@pytest.mark.parametrize(
    ("naam", "soort"),
    [
        ("Provincie Noord Brabant", OrganisatieSoort.PROVINCIE),
        ("Hoogheemraadschap van Rijnland", OrganisatieSoort.WATERSCHAP),
        ("Wetterskip Fryslân", OrganisatieSoort.WATERSCHAP),
        ("Ministerie van Onderwijs, Cultuur en Wetenschap", OrganisatieSoort.RIJK),
        ("Landkreis Leer (Duitsland)", OrganisatieSoort.OVERIG_PUBLIEK),
        ("Sita Gemeentelijke Dienstverlening BV", OrganisatieSoort.PRIVAAT),
        ("Recreatieschap Vinkeveense Plassen", OrganisatieSoort.OPENBAAR_LICHAAM),
        ("Haren", None),
        ("Súdwest-Fryslân", None),
    ],
)
def test_participants_that_are_not_gemeenten_are_recognised(naam, soort):
    assert organisatie_soort(naam) == soort


def test_regeling_names_compare_without_prefix_brackets_and_small_words():
    assert regeling_sleutel("GR Veiligheidsregio Zeeland") == regeling_sleutel(
        "Veiligheidsregio Zeeland "
    )
    assert regeling_sleutel("Omgevingsdienst Flevoland & Gooi en Vechtstreek") == (
        regeling_sleutel("Omgevingsdienst Flevoland en Gooi en Vechtstreek (OFGV)")
    )
