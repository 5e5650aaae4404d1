"""The national register has no field for "wettelijk verplicht": the import marks the kinds the
law requires (a veiligheidsregio: Wet veiligheidsregio's art. 9; an omgevingsdienst:
Omgevingswet art. 18.21; a GGD: Wet publieke gezondheid art. 14), recognised by name or
abbreviation; every other row keeps what the
beheer set. Before, no row the register brought in was verplicht: the pages showed no label
and the API's `verplicht=true` found none of the 25 veiligheidsregio's."""

import pytest

from samenwerking.models import Samenwerkingsverband
from samenwerking.normalisatie import wettelijke_grondslag
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db

OMGEVINGSWET = "Omgevingswet, art. 18.21"
WVR = "Wet veiligheidsregio's, art. 9"
WPG = "Wet publieke gezondheid, art. 14"


def _regio() -> tuple[list, list]:
    """The test register with its belastingsamenwerking as a veiligheidsregio instead."""
    regelingen, lichamen = rb.testregio()
    regelingen[2].titel = "Gemeenschappelijke regeling Veiligheidsregio Testregio"
    return regelingen, lichamen


def _verplicht() -> dict[str, tuple[bool, str]]:
    return {
        v.naam: (v.verplicht, v.verplicht_grondslag)
        for v in Samenwerkingsverband.objects.order_by("naam")
    }


@pytest.mark.parametrize(
    ("naam", "afkorting", "grondslag"),
    [
        ("Gemeenschappelijke regeling Veiligheidsregio Drenthe", "VRD", WVR),
        ("Gemeenschappelijke Regeling VRBZO 2024", "VRBZO", WVR),
        # Both at once: the veiligheidsregio and the GGD of Gelderland-Midden.
        (
            "Gemeenschappelijke Regeling Veiligheids- en Gezondheidsregio Gelderland-Midden",
            "VGGM",
            f"{WVR}; {WPG}",
        ),
        (
            "Gemeenschappelijke regeling Omgevingsdienst Noordzeekanaalgebied 2024",
            "OD NZKG",
            OMGEVINGSWET,
        ),
        (
            "Gemeenschappelijke regeling Fryske Utfieringstsjinst Miljeu en Omjouwing",
            "FUMO",
            OMGEVINGSWET,
        ),
        ("Gemeenschappelijke regeling DCMR Milieudienst Rijnmond 2015", "DCMR", OMGEVINGSWET),
        (
            "Gemeenschappelijke regeling Regionale uitvoeringsdienst Zeeland",
            "RUD Zeeland",
            OMGEVINGSWET,
        ),
        ("Gemeenschappelijke Regeling GGD Drenthe", "", WPG),
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht", "", WPG),
        ("Gemeenschappelijke regeling Dienst Gezondheid & Jeugd Zuid-Holland Zuid", "", WPG),
        ("Gemeenschappelijke Regeling GGD-VT Haaglanden", "GR GGD en VT Haaglanden", WPG),
        # Not a kind the law requires, or not recognisably one.
        ("Gemeenschappelijke regeling openbare Gezondheidszorg Amstelland", "OGZ Amstelland", ""),
        ("Gemeenschappelijke regeling Regio Twente", "", ""),
        ("Gemeenschappelijke Regeling Brandweer Zuid-Limburg", "", ""),
        ("Gemeenschappelijke regeling gezamenlijke brandweer Rotterdam", "O.L.G.B.", ""),
        ("Gemeenschappelijke Regeling Avres", "", ""),
    ],
)
def test_the_kinds_the_law_requires(naam, afkorting, grondslag):
    assert wettelijke_grondslag(naam, afkorting) == grondslag


def test_the_import_marks_a_veiligheidsregio_and_an_omgevingsdienst_verplicht(referentiedata):
    regelingen, lichamen = _regio()
    rb.importeer(rb.export(regelingen, lichamen=lichamen))
    assert _verplicht() == {
        "Gemeenschappelijke regeling Omgevingsdienst Testregio": (True, OMGEVINGSWET),
        "Gemeenschappelijke regeling Veiligheidsregio Testregio": (True, WVR),
        "Samenwerkingsovereenkomst Testregio": (False, ""),
    }
    # A second import changes nothing.
    verslag = rb.importeer(rb.export(regelingen, lichamen=lichamen))
    assert verslag.wijzigingen == []


def test_rows_read_before_are_marked_and_a_hand_edit_is_kept(referentiedata, monkeypatch):
    """Rows an earlier regioreg read (without this rule) are marked by the next import, which
    says so; a grondslag the beheer wrote by hand is kept and reported as a conflict; a row
    the beheer marked that is no such kind keeps its mark."""
    regelingen, lichamen = _regio()
    monkeypatch.setattr(
        "samenwerking.roo_import.regelingen.wettelijke_grondslag", lambda naam, afkorting: ""
    )
    rb.importeer(rb.export(regelingen, lichamen=lichamen))
    monkeypatch.undo()
    assert {v for v, _g in _verplicht().values()} == {False}
    Samenwerkingsverband.objects.filter(naam__contains="Veiligheidsregio").update(
        verplicht_grondslag="Wvr art. 9"
    )
    Samenwerkingsverband.objects.filter(naam__startswith="Samenwerkingsovereenkomst").update(
        verplicht=True, verplicht_grondslag="Jeugdwet, art. 2.8"
    )

    verslag = rb.importeer(rb.export(regelingen, lichamen=lichamen))
    assert sorted((w.soort, w.regeling, w.omschrijving) for w in verslag.wijzigingen) == [
        (
            "conflict",
            "Gemeenschappelijke regeling Veiligheidsregio Testregio",
            "grondslag van de verplichting is in regioreg met de hand gewijzigd („Wvr art. 9”); "
            "het register zegt „Wet veiligheidsregio's, art. 9”. De waarde in regioreg is "
            "behouden.",
        ),
        (
            "gewijzigd",
            "Gemeenschappelijke regeling Omgevingsdienst Testregio",
            "grondslag van de verplichting: leeg → „Omgevingswet, art. 18.21”",
        ),
        (
            "gewijzigd",
            "Gemeenschappelijke regeling Omgevingsdienst Testregio",
            "wettelijk verplicht: nee → ja",
        ),
        (
            "gewijzigd",
            "Gemeenschappelijke regeling Veiligheidsregio Testregio",
            "wettelijk verplicht: nee → ja",
        ),
    ]
    assert _verplicht() == {
        "Gemeenschappelijke regeling Omgevingsdienst Testregio": (True, OMGEVINGSWET),
        "Gemeenschappelijke regeling Veiligheidsregio Testregio": (True, "Wvr art. 9"),
        "Samenwerkingsovereenkomst Testregio": (True, "Jeugdwet, art. 2.8"),
    }
