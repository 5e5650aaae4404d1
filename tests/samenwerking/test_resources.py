"""Spreadsheet import and export: a full round trip, per-row errors, all or nothing."""

import datetime
from decimal import Decimal

import pytest
import tablib

from samenwerking import resources
from samenwerking.constants import Vorm
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Domein,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def register(referentiedata):
    """A CC arrangement with two real gemeenten, money and figures."""
    haarlem = Gemeente.objects.get(cbs_code="GM0392")
    zandvoort = Gemeente.objects.get(cbs_code="GM0473")
    verband = f.SamenwerkingsverbandFactory(
        naam="Belastingsamenwerking Kennemerland",
        vorm=Vorm.CENTRUMGEMEENTE,
        centrumgemeente=haarlem,
        motieven=["kosten", "kwetsbaarheid"],
        verplicht=False,
        wgr2022_evaluatie=True,
        ingangsdatum=D(2014, 1, 1),
        karakter="uitvoerend",
        uittreding_artikel="art. 30",
        uittreding_opzegtermijn_maanden=24,
        uittreding_kosten="Twee jaar de bijdrage.",
        evaluatiebepaling_sinds=D(2023, 1, 1),
    )
    verband.domeinen.add(f.DomeinFactory(code="belastingen-test"))
    for gemeente, sleutel in ((haarlem, "80"), (zandvoort, "20")):
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=gemeente,
            toetredingsdatum=D(2014, 1, 1),
            verdeelsleutel=Decimal(sleutel),
        )
        f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal(sleutel) * 1000)
        f.BijdrageFactory(
            deelname=deelname,
            jaar=2024,
            soort="gerealiseerd",
            onderdeel="WOZ",
            bedrag=Decimal("7.5"),
        )
    f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=2024, eigen_vermogen_eind=None)
    return verband


def _export(resource_class):
    return resource_class().export()


def _momentopname():
    verband = Samenwerkingsverband.objects.get()
    return (
        (verband.naam, verband.vorm, verband.centrumgemeente.cbs_code, verband.motieven),
        (
            verband.karakter,
            verband.uittreding_artikel,
            verband.uittreding_opzegtermijn_maanden,
            verband.uittreding_kosten,
            verband.evaluatiebepaling_sinds,
        ),
        sorted(verband.domeinen.values_list("code", flat=True)),
        sorted(
            Deelname.objects.values_list(
                "uuid", "gemeente__cbs_code", "toetredingsdatum", "verdeelsleutel"
            )
        ),
        sorted(
            Bijdrage.objects.values_list("deelname__uuid", "jaar", "soort", "onderdeel", "bedrag")
        ),
        sorted(Jaarcijfers.objects.values_list("jaar", "soort", "lasten", "eigen_vermogen_eind")),
    )


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_round_trip_restores_the_register(register, formaat):
    voor = _momentopname()
    bestanden = {
        r: getattr(_export(r), formaat)
        for r in (
            resources.SamenwerkingsverbandResource,
            resources.DeelnameResource,
            resources.BijdrageResource,
            resources.JaarcijfersResource,
        )
    }
    Bijdrage.objects.all().delete()
    Jaarcijfers.objects.all().delete()
    Deelname.objects.all().delete()
    Samenwerkingsverband.objects.all().delete()

    for resource_class, inhoud in bestanden.items():
        dataset = tablib.Dataset().load(inhoud, format=formaat)
        resultaat = resource_class().import_data(dataset)
        assert not resultaat.has_errors() and not resultaat.has_validation_errors(), (
            resource_class,
            [(r.number, r.error) for r in resultaat.invalid_rows],
            [fout.traceback for _n, fouten in resultaat.row_errors() for fout in fouten],
        )
    assert _momentopname() == voor


def test_reimporting_an_unchanged_export_changes_nothing(register):
    dataset = _export(resources.BijdrageResource)
    resultaat = resources.BijdrageResource().import_data(dataset)
    assert resultaat.totals["skip"] == 4
    assert resultaat.totals["new"] == resultaat.totals["update"] == 0


def test_bijdragen_by_cbs_code_without_deelname_uuid(register):
    dataset = tablib.Dataset(
        headers=["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    )
    dataset.append([str(register.uuid), "gm0473", "2025", "Begroot", "", "€ 21.500,75"])
    resultaat = resources.BijdrageResource().import_data(dataset)
    assert not resultaat.has_validation_errors(), resultaat.invalid_rows[0].error
    bijdrage = Bijdrage.objects.get(jaar=2025)
    assert (bijdrage.deelname.gemeente.naam, bijdrage.bedrag) == ("Zandvoort", Decimal("21500.75"))


def _fouten(resultaat) -> dict[int, dict[str, list[str]]]:
    return {r.number: r.error.message_dict for r in resultaat.invalid_rows}


def test_bad_rows_name_row_column_and_problem_and_nothing_is_written(register):
    dataset = tablib.Dataset(
        headers=["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    )
    dataset.append([str(register.uuid), "GM0473", "2025", "begroot", "", "1000"])  # good
    dataset.append([str(register.uuid), "GM0473", "2025", "geschat", "", "1000"])
    dataset.append([str(register.uuid), "GM0473", "2025", "begroot", "x", "veel"])
    dataset.append([str(register.uuid), "GM0363", "2025", "begroot", "", "5"])
    resultaat = resources.BijdrageResource().import_data(dataset)
    fouten = _fouten(resultaat)
    assert set(fouten) == {2, 3, 4}
    assert fouten[2]["soort"] == [
        "'geschat' is geen geldige keuze; gebruik een van: begroot, gerealiseerd."
    ]
    assert fouten[3]["bedrag"] == [
        "„veel” is geen eenduidig bedrag: er staan tekens in die geen bedrag zijn. "
        "Voorbeeld: 1.234,56."
    ]
    assert "GM0363 heeft geen deelname in samenwerkingsverband" in fouten[4]["deelname"][0]
    # All or nothing: the good first row was not written either.
    assert not Bijdrage.objects.filter(jaar=2025).exists()


def test_deelname_import_applies_the_overlap_rule(register):
    Deelname.objects.filter(gemeente__cbs_code="GM0473").update(uittredingsdatum=D(2023, 1, 1))
    dataset = tablib.Dataset(
        headers=["samenwerkingsverband", "gemeente", "toetredingsdatum", "uittredingsdatum"]
    )
    dataset.append([str(register.uuid), "GM0392", "01-01-2020", ""])  # Haarlem is still in
    dataset.append([str(register.uuid), "GM0473", "2022-01-01", "2024-01-01"])
    dataset.append([str(register.uuid), "GM0473", "2023-01-01", ""])  # rejoins: fine
    fouten = _fouten(resources.DeelnameResource().import_data(dataset))
    assert set(fouten) == {1, 2}
    assert fouten[1]["__all__"] == [
        "Gemeente: deze gemeente heeft al een lopende deelname in dit samenwerkingsverband."
    ]
    assert fouten[2]["toetredingsdatum"][0].startswith(
        "Toetredingsdatum: deze deelnemer neemt in deze periode al deel aan dit "
        "samenwerkingsverband (1 januari 2014 tot 1 januari 2023)."
    )


def test_unknown_gemeente_and_domein_are_reported(register):
    dataset = tablib.Dataset(headers=["naam", "vorm", "domeinen", "centrumgemeente"])
    dataset.append(["Nieuwe regeling", "Gemeenschappelijk orgaan", "afval,ruimtevaart", ""])
    dataset.append(["Andere regeling", "CC", "", "GM9999"])
    resultaat = resources.SamenwerkingsverbandResource().import_data(dataset)
    fouten = _fouten(resultaat)
    assert fouten[1]["domeinen"] == [
        "onbekend domein ruimtevaart. De code van elk domein staat in het beheer bij Domeinen."
    ]
    assert fouten[2]["centrumgemeente"] == ["gemeente 'GM9999' bestaat niet in het register."]
    assert Samenwerkingsverband.objects.count() == 1


def test_an_unknown_domein_says_which_code_was_meant(register):
    """The refusal listed all the domeinen's codes (86 on the national register) after an
    unknown one; now it says the code meant, if the cell holds a name or a near miss."""
    Domein.objects.create(code="natuur-en-milieu-afval", naam="natuur en milieu | afval")
    dataset = tablib.Dataset(headers=["naam", "vorm", "domeinen"])
    dataset.append(["Afvalschap", "Gemeenschappelijk orgaan", "Natuur en milieu | afval"])
    dataset.append(["Milieuschap", "Gemeenschappelijk orgaan", "natuur-milieu-afval,jeugd"])
    fouten = _fouten(resources.SamenwerkingsverbandResource().import_data(dataset))
    assert fouten[1]["domeinen"] == [
        "„natuur en milieu | afval” is de naam van een domein; schrijf de code: "
        "natuur-en-milieu-afval. De code van elk domein staat in het beheer bij Domeinen."
    ]
    assert fouten[2]["domeinen"] == [
        "onbekend domein natuur-milieu-afval; bedoelt u natuur-en-milieu-afval? De code van "
        "elk domein staat in het beheer bij Domeinen."
    ]


def test_karakter_column_takes_code_or_label_and_refuses_others(register):
    dataset = tablib.Dataset(headers=["naam", "vorm", "karakter", "uittreding_artikel"])
    dataset.append(["Regeling A", "GO", "Beleidsbepalend", ""])
    dataset.append(["Regeling B", "GO", "", ""])
    resultaat = resources.SamenwerkingsverbandResource().import_data(dataset)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    assert dict(
        Samenwerkingsverband.objects.filter(naam__startswith="Regeling ").values_list(
            "naam", "karakter"
        )
    ) == {"Regeling A": "beleidsbepalend", "Regeling B": ""}
    fout = tablib.Dataset(headers=["naam", "vorm", "karakter"])
    fout.append(["Regeling C", "GO", "adviserend"])
    assert _fouten(resources.SamenwerkingsverbandResource().import_data(fout))[1]["karakter"][
        0
    ].startswith("'adviserend' is geen geldige keuze; gebruik een van: uitvoerend")
    assert not Samenwerkingsverband.objects.filter(naam="Regeling C").exists()


def test_gemeente_import_by_cbs_code(referentiedata):
    dataset = tablib.Dataset(headers=["cbs_code", "naam", "provincie", "begindatum", "einddatum"])
    dataset.append(["GM0363", "Amsterdam", "PV27", "", ""])
    dataset.append(["GM12", "Nergenshuizen", "PV27", "", ""])
    resultaat = resources.GemeenteResource().import_data(dataset)
    assert _fouten(resultaat)[2]["cbs_code"] == [
        "CBS-code: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363."
    ]
    assert resultaat.totals["skip"] == 1


def test_missing_key_column_is_explained(referentiedata):
    dataset = tablib.Dataset(headers=["naam", "provincie"])
    dataset.append(["Amsterdam", "PV27"])
    resultaat = resources.GemeenteResource().import_data(dataset)
    assert resultaat.has_errors()
    assert str(resultaat.base_errors[0].error).startswith(
        "De kolom cbs_code ontbreekt; die is nodig om rijen te herkennen."
    )
