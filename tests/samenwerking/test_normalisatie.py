"""Tolerant names: the spellings real sources use."""

from types import SimpleNamespace

import pytest

from samenwerking.constants import OrganisatieSoort
from samenwerking.normalisatie import (
    Namenlijst,
    enkelvouden,
    herstel_mojibake,
    normaliseer_naam,
    normaliseer_zoekterm,
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


@pytest.mark.parametrize(
    ("meervoud", "enkelvoud"),
    [
        ("belastingen", "belasting"),
        ("recreatieschappen", "recreatieschap"),
        ("afvalstoffen", "afvalstof"),
        ("archieven", "archief"),
        ("bedrijven", "bedrijf"),
        ("bibliotheken", "bibliotheek"),
        ("scholen", "school"),
        ("veiligheidsregios", "veiligheidsregio"),
        ("gemeentes", "gemeente"),
        ("ggds", "ggd"),
        ("vrs", "vr"),
        ("ods", "od"),
    ],
)
def test_a_dutch_plural_stands_for_its_singular(meervoud, enkelvoud):
    assert enkelvoud in enkelvouden(meervoud)


@pytest.mark.parametrize("woord", ["archief", "wegen", "regio", "ggd", "gds", "rijnland", "oss"])
def test_a_word_that_is_no_plural_or_too_short_to_say_has_no_singulars(woord):
    assert enkelvouden(woord) == ()


def test_a_search_term_loses_the_plural_in_apostrophe_s_but_not_the_s_of_s_hertogenbosch():
    assert normaliseer_zoekterm("Veiligheidsregio's") == "veiligheidsregio"
    assert normaliseer_zoekterm("GGD’s Brabant") == "ggd brabant"
    assert normaliseer_zoekterm("'s-Hertogenbosch") == normaliseer_naam("'s-Hertogenbosch")
    assert normaliseer_zoekterm("'s-Hertogenbosch") == "s hertogenbosch"
