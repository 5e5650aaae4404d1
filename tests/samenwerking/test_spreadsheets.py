"""Spreadsheets as secretaries have them: encodings, separators, Dutch numbers, gemeente names;
every bad row named with its number, column and reason; all or nothing unless bad rows are
skipped on purpose."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenwerking import resources
from samenwerking.constants import OrgaanSoort
from samenwerking.formats import BestandsFout, CSVNederlands
from samenwerking.models import Bijdrage, Deelname, Gemeente, Jaarcijfers, Persoon, Zetel
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
KOP = "samenwerkingsverband;gemeente;jaar;soort;onderdeel;bedrag"


@pytest.fixture
def verband(referentiedata):
    """An arrangement with Súdwest-Fryslân, Zaanstad and Bergen (L.) taking part since 2020."""
    verband = f.SamenwerkingsverbandFactory(naam="Belastingen Testregio")
    for code in ("GM1900", "GM0479", "GM0893"):
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=Gemeente.objects.get(cbs_code=code),
            toetredingsdatum=D(2020, 1, 1),
        )
    return verband


def _dataset(tekst: str, codering: str = "utf-8"):
    return CSVNederlands().create_dataset(tekst.encode(codering))


def _importeer(resource_class, tekst: str, codering: str = "utf-8", **kwargs):
    return resource_class().import_data(_dataset(tekst, codering), **kwargs)


def _fouten(resultaat) -> dict[int, dict[str, list[str]]]:
    return {r.number: r.error.message_dict for r in resultaat.invalid_rows}


def _bijdragen():
    return sorted(Bijdrage.objects.values_list("deelname__gemeente__naam", "jaar", "bedrag"))


# --- What must be accepted ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codering", "scheiding"),
    [("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ";")],
    ids=["utf8-bom-puntkomma", "utf8-komma", "windows1252-puntkomma"],
)
def test_encodings_separators_and_dutch_amounts_are_read(verband, codering, scheiding):
    regels = [
        KOP,
        f"{verband.uuid};Súdwest-Fryslân;2025;begroot;;€ 1.234,50",
        f'{verband.uuid};GM0479;2025;begroot;;"12.000,00"',
        f"{verband.uuid};zaanstad;2024;gerealiseerd;;99,95",
    ]
    tekst = "\n".join(regels).replace(";", scheiding) if scheiding == "," else "\n".join(regels)
    if scheiding == ",":
        # A comma-separated file quotes amounts with a decimal comma, as Excel does.
        tekst = tekst.replace("€ 1.234,50", '"€ 1.234,50"').replace("99,95", '"99,95"')
    resultaat = _importeer(resources.BijdrageResource, tekst, codering)
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    assert _bijdragen() == [
        ("Súdwest-Fryslân", 2025, Decimal("1234.50")),
        ("Zaanstad", 2024, Decimal("99.95")),
        ("Zaanstad", 2025, Decimal("12000.00")),
    ]


def test_jaarcijfers_from_windows_1252_with_euro_signs(verband):
    tekst = (
        "samenwerkingsverband;jaar;soort;lasten;baten;risicos\n"
        f"{verband.uuid};2024;jaarrekening;€ 5.000.000,00;€ 5.100.000,50;Frictiekosten ‘na’ 2025\n"
    )
    resultaat = _importeer(resources.JaarcijfersResource, tekst, "cp1252")
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    cijfers = Jaarcijfers.objects.get()
    assert (cijfers.lasten, cijfers.baten, cijfers.risicos) == (
        Decimal("5000000.00"),
        Decimal("5100000.50"),
        "Frictiekosten ‘na’ 2025",
    )


def test_deelnames_by_gemeente_name(verband):
    tekst = (
        "samenwerkingsverband;gemeente;toetredingsdatum\n"
        f"{verband.uuid};Den Haag;01-01-2023\n"
        f"{verband.uuid};Bergen (NH);2023-01-01\n"
    )
    resultaat = _importeer(resources.DeelnameResource, tekst)
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    assert set(
        verband.deelnames.filter(toetredingsdatum=D(2023, 1, 1)).values_list(
            "gemeente__cbs_code", flat=True
        )
    ) == {"GM0518", "GM0373"}


# --- Bad input: message, row, column; nothing stored -------------------------------------------


@pytest.mark.parametrize(
    ("gemeente", "bedrag", "kolom", "melding"),
    [
        ("Atlantis", "100", "deelname", "gemeente 'Atlantis' bestaat niet in het register."),
        (
            "Zaanstat",
            "100",
            "deelname",
            "gemeente 'Zaanstat' bestaat niet in het register. Bedoelt u Zaanstad?",
        ),
        (
            "Bergen",
            "100",
            "deelname",
            "'Bergen' past op meer dan één gemeente: Bergen (L.) (GM0893), Bergen (NH.) (GM0373); "
            "gebruik de CBS-code.",
        ),
        ("GM9999", "100", "deelname", "gemeente 'GM9999' bestaat niet in het register."),
        (
            "GM0479",
            "1.234,5,6",
            "bedrag",
            "„1.234,5,6” is geen eenduidig bedrag: punten en komma's staan niet op de plaats "
            "van duizendtallen en centen. Voorbeeld: 1.234,56.",
        ),
        (
            "GM0479",
            "€ veel",
            "bedrag",
            "„€ veel” is geen eenduidig bedrag: er staan tekens in die geen bedrag zijn. "
            "Voorbeeld: 1.234,56.",
        ),
    ],
    ids=["onbekend", "tikfout", "dubbelzinnig", "onbekende-code", "twee-komma's", "geen-getal"],
)
def test_a_bad_row_is_named_and_nothing_is_stored(verband, gemeente, bedrag, kolom, melding):
    tekst = (
        f"{KOP}\n"
        f"{verband.uuid};GM0479;2024;begroot;;10\n"
        f"{verband.uuid};{gemeente};2025;begroot;;{bedrag}\n"
    )
    resultaat = _importeer(resources.BijdrageResource, tekst)
    assert _fouten(resultaat) == {2: {kolom: [melding]}}
    assert _bijdragen() == []


def test_a_file_in_an_unknown_encoding_is_refused():
    # 0x81 is not a character in UTF-8 nor in Windows-1252.
    with pytest.raises(BestandsFout, match="geen UTF-8 en geen Windows-1252"):
        CSVNederlands().create_dataset(b"jaar;bedrag\n2025;\x81\n")


def test_a_missing_column_is_explained(verband):
    resultaat = _importeer(resources.JaarcijfersResource, "samenwerkingsverband;jaar\nx;2024\n")
    assert str(resultaat.base_errors[0].error).startswith("De kolom soort ontbreekt")
    assert not Jaarcijfers.objects.exists()


# --- Skipping bad rows on purpose -------------------------------------------------------------


def test_skipping_bad_rows_stores_the_good_ones_and_lists_the_bad(verband):
    tekst = (
        f"{KOP}\n"
        f"{verband.uuid};GM0479;2025;begroot;;10\n"
        f"{verband.uuid};Atlantis;2025;begroot;;20\n"
        f"{verband.uuid};GM1900;2025;geschat;;30\n"
        f"{verband.uuid};GM1900;2025;begroot;;40\n"
    )
    resultaat = _importeer(resources.BijdrageResource, tekst, foute_regels_overslaan=True)
    assert resultaat.overgeslagen_regels == [
        (2, "deelname: gemeente 'Atlantis' bestaat niet in het register."),
        (3, "soort: 'geschat' is geen geldige keuze; gebruik een van: begroot, gerealiseerd."),
    ]
    assert _bijdragen() == [
        ("Súdwest-Fryslân", 2025, Decimal("40.00")),
        ("Zaanstad", 2025, Decimal("10.00")),
    ]


def test_skipping_when_every_row_is_bad_stores_nothing(verband):
    tekst = f"{KOP}\n{verband.uuid};Atlantis;2025;begroot;;20\n"
    resultaat = _importeer(resources.BijdrageResource, tekst, foute_regels_overslaan=True)
    assert resultaat.has_validation_errors()
    assert _bijdragen() == []


def _upload(admin_client, inhoud: bytes, overslaan: bool):
    gegevens = {
        "resource": "0",
        "format": "0",
        "import_file": SimpleUploadedFile("bijdragen.csv", inhoud, "text/csv"),
    }
    if overslaan:
        gegevens["foute_regels_overslaan"] = "on"
    return admin_client.post(reverse("admin:samenwerking_bijdrage_import"), gegevens)


def test_admin_skip_option_previews_the_skipped_rows_then_stores_the_good_ones(
    admin_client, verband
):
    inhoud = (
        f"{KOP}\n"
        f"{verband.uuid};Súdwest-Fryslân;2025;begroot;;€ 1.000,00\n"
        f"{verband.uuid};Atlantis;2025;begroot;;20\n"
    ).encode("cp1252")
    voorbeeld = _upload(admin_client, inhoud, overslaan=True)
    tekst = " ".join(voorbeeld.content.decode().split())
    assert "1 regel met fouten wordt overgeslagen" in tekst
    assert "Regel 2: deelname: gemeente &#x27;Atlantis&#x27; bestaat niet in het register." in tekst
    assert not Bijdrage.objects.exists()

    bevestig = voorbeeld.context["confirm_form"]
    assert bevestig.initial["foute_regels_overslaan"] is True
    antwoord = admin_client.post(
        reverse("admin:samenwerking_bijdrage_process_import"), bevestig.initial, follow=True
    )
    assert _bijdragen() == [("Súdwest-Fryslân", 2025, Decimal("1000.00"))]
    meldingen = [str(m) for m in antwoord.context["messages"]]
    assert (
        "1 regel(s) overgeslagen: regel 2: deelname: gemeente 'Atlantis' bestaat niet"
        in (meldingen[-1])
    )


def test_admin_without_the_option_stores_nothing(admin_client, verband):
    inhoud = f"{KOP}\n{verband.uuid};Zaanstad;2025;begroot;;10\n{verband.uuid};X;2025;x;;1\n"
    antwoord = _upload(admin_client, inhoud.encode(), overslaan=False)
    assert antwoord.context.get("confirm_form") is None
    assert "Foute regels overslaan" in antwoord.content.decode()
    assert not Bijdrage.objects.exists()


def test_admin_explains_an_unreadable_file(admin_client, verband):
    antwoord = _upload(admin_client, b"jaar;bedrag\n2025;\x81\n", overslaan=False)
    assert "Het bestand is geen UTF-8 en geen Windows-1252" in antwoord.content.decode()


# --- Zetels -------------------------------------------------------------------------------------


ZETEL_KOP = "samenwerkingsverband;orgaan;gemeente;persoon;functie;rol;begindatum"


@pytest.fixture
def bestuur(verband):
    return f.BestuursorgaanFactory(samenwerkingsverband=verband, soort=OrgaanSoort.ALGEMEEN_BESTUUR)


def test_zetels_by_organ_gemeente_name_and_person(verband, bestuur):
    bestaand = f.PersoonFactory(naam="A. de Vries")
    tekst = (
        f"{ZETEL_KOP}\n"
        f"{verband.uuid};Algemeen bestuur;Zaanstad;A. de Vries;wethouder;voorzitter;01-06-2022\n"
        f"{verband.uuid};algemeen_bestuur;Súdwest-Fryslân;B. Bakker;Burgemeester;lid;\n"
    )
    resultaat = _importeer(resources.ZetelResource, tekst, "cp1252")
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    assert sorted(
        Zetel.objects.values_list(
            "persoon__naam", "deelname__gemeente__naam", "functie", "rol", "begindatum"
        )
    ) == [
        ("A. de Vries", "Zaanstad", "wethouder", "voorzitter", D(2022, 6, 1)),
        ("B. Bakker", "Súdwest-Fryslân", "burgemeester", "lid", None),
    ]
    assert Persoon.objects.filter(naam="A. de Vries").get() == bestaand


def test_zetel_export_imports_again_unchanged(verband, bestuur):
    f.ZetelFactory(
        bestuursorgaan=bestuur,
        deelname=Deelname.objects.get(gemeente__cbs_code="GM0479"),
        begindatum=D(2022, 6, 1),
    )
    resultaat = resources.ZetelResource().import_data(resources.ZetelResource().export())
    assert resultaat.totals["skip"] == 1


@pytest.mark.parametrize(
    ("rij", "kolom", "melding"),
    [
        (
            "{uuid};dagelijks bestuur;Zaanstad;C. Cok;wethouder;lid;2023-01-01",
            "bestuursorgaan",
            "samenwerkingsverband {uuid} heeft geen dagelijks bestuur; leg het orgaan eerst "
            "vast in het beheer.",
        ),
        (
            "{uuid};algemeen bestuur;Zaanstad;C. Cok;wethouder;lid;2019-01-01",
            "deelname",
            "Zaanstad heeft geen deelname in samenwerkingsverband {uuid} op 01-01-2019; vul de "
            "kolom deelname (uuid) in.",
        ),
        (
            "{uuid};algemeen bestuur;Zaanstad;C. Cok;wethouder;lid;31-02-2023",
            "begindatum",
            "'31-02-2023' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).",
        ),
        (
            "{uuid};algemeen bestuur;Zaanstad;C. Cok;koning;lid;2023-01-01",
            "functie",
            "'koning' is geen geldige keuze; gebruik een van: burgemeester, wethouder, raadslid, "
            "gedeputeerde, ambtenaar, extern.",
        ),
    ],
    ids=["onbekend-orgaan", "geen-deelname", "geen-datum", "onbekende-functie"],
)
def test_a_bad_zetel_row_is_named_and_nothing_is_stored(verband, bestuur, rij, kolom, melding):
    tekst = f"{ZETEL_KOP}\n" + rij.format(uuid=verband.uuid) + "\n"
    resultaat = _importeer(resources.ZetelResource, tekst)
    assert _fouten(resultaat) == {1: {kolom: [melding.format(uuid=verband.uuid)]}}
    assert not Zetel.objects.exists()
    assert not Persoon.objects.filter(naam="C. Cok").exists()


def test_zetel_import_in_the_admin(admin_client, verband, bestuur):
    inhoud = f"{ZETEL_KOP}\n{verband.uuid};Algemeen bestuur;Zaanstad;D. Dijk;raadslid;lid;\n"
    antwoord = admin_client.post(
        reverse("admin:samenwerking_zetel_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("zetels.csv", inhoud.encode("utf-8-sig")),
        },
    )
    assert antwoord.context["confirm_form"] is not None


def test_a_pasted_person_name_or_key_with_invisible_characters_finds_the_stored_row(
    verband, bestuur
):
    """Names and keys copied from a web page carry characters that show nothing; the row
    they name is found, and no second "A. de Vries" is made beside the stored one."""
    bestaand = f.PersoonFactory(naam="A. de Vries")
    zwsp = "\u200b"
    tekst = (
        f"{ZETEL_KOP}\n"
        f"{verband.uuid}{zwsp};Algemeen bestuur;GM0479{zwsp};A. de Vries\u00ad{zwsp};"
        "wethouder;lid;01-06-2022\n"
    )
    resultaat = _importeer(resources.ZetelResource, tekst)
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    assert list(Zetel.objects.values_list("persoon", "deelname__gemeente__naam")) == [
        (bestaand.pk, "Zaanstad")
    ]
    assert Persoon.objects.count() == 1
