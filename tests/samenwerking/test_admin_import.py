"""Spreadsheet import in the admin as a secretary uses it (upload, preview, confirm) and as a
careless one would: messages in Dutch that say what to do, duplicate rows named, all or
nothing. Rows of another regio and the number of queries: test_admin_import_regio.py."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from openpyxl import Workbook

from samenwerking import resources
from samenwerking.formats import CSVNederlands
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Gemeente,
)
from tests import factories as f
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import (
    ENGELS,
    bevestig,
    csv_bestand,
    meldingen,
    upload,
)

pytestmark = pytest.mark.django_db
D = datetime.date


# --- Messages ------------------------------------------------------------------------------------


def test_preview_and_confirm_speak_dutch_and_say_what_to_do(admin_client, regio):
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband.uuid, "Oostzaan", "2025-01-01"]],
    )
    voorbeeld = upload(admin_client, "deelname", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert "Er is nog niets opgeslagen." in tekst
    assert "Voorbeeld" in tekst and "1 nieuw, 0 gewijzigd, 0 ongewijzigd" in tekst
    assert 'value="Import bevestigen"' in tekst
    assert not any(woord in tekst for woord in ENGELS)
    antwoord = bevestig(admin_client, "deelname", voorbeeld)
    assert antwoord.status_code == 302
    assert meldingen(antwoord) == [
        "Import opgeslagen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd (deelnames). De wijzigingen "
        "staan in de lijst hieronder en per regel onder Geschiedenis."
    ]
    assert Deelname.objects.filter(gemeente__naam="Oostzaan").count() == 1
    assert LogEntry.objects.get().change_message == "Toegevoegd via import"


def test_import_page_itself_is_dutch(admin_client, regio):
    antwoord = admin_client.get(reverse("admin:samenwerking_deelname_import"))
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert "Deze import leest de kolommen" in tekst and 'value="Voorbeeld bekijken"' in tekst
    assert '<label for="id_import_file">Bestand:</label>' in tekst
    assert not any(woord in tekst for woord in ENGELS)


def test_row_errors_say_nothing_was_saved_and_what_to_do(admin_client, regio):
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[regio["eigen"].uuid, "Oostzaan", "2025-01-01"], [regio["eigen"].uuid, "Atlantis", ""]],
    )
    antwoord = upload(admin_client, "deelname", inhoud)
    tekst = paginatekst(antwoord)
    assert antwoord.context.get("confirm_form") is None
    assert "1 regel met fouten" in tekst
    assert "Er is niets opgeslagen. Verbeter deze regels in het bestand" in tekst
    assert '<th scope="row">2</th>' in tekst
    assert "gemeente: gemeente &#x27;Atlantis&#x27; bestaat niet in het register." in tekst
    assert not any(woord in tekst for woord in ENGELS)
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


def _werkmap(*rijen) -> bytes:
    """A workbook with `rijen` on its sheet; none: as Excel saves a new one, no cells."""
    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    bestand = io.BytesIO()
    boek.save(bestand)
    return bestand.getvalue()


@pytest.mark.parametrize(
    ("inhoud", "formaat", "melding"),
    [
        (
            "samenwerkingsverband;gemeente\nx;Zaanstad\n".encode("utf-16"),
            "csv",
            "Het bestand is opgeslagen als UTF-16 (&#x27;Unicode-tekst&#x27;). Sla het op als "
            "&#x27;CSV UTF-8 (door komma&#x27;s gescheiden)&#x27; en lees het opnieuw in.",
        ),
        (
            b"PK\x03\x04 dit is geen werkmap",
            "xlsx",
            "Het bestand is geen geldig Excel-bestand (.xlsx). Sla het in Excel op als "
            "&#x27;Excel-werkmap (*.xlsx)&#x27;",
        ),
        (
            b"PK\x03\x04 een werkmap",
            "csv",
            "Dit is een spreadsheet (Excel of LibreOffice), geen CSV. Kies bij Formaat xlsx",
        ),
        (b"samenwerkingsverband;gemeente\n;\n", "csv", "Het bestand bevat geen regels"),
        (b'[{"kapot', "json", "Het bestand is geen geldige JSON-lijst van regels"),
        (b"", "csv", "Het bestand is leeg. Kies het goede bestand, of sla het opnieuw op."),
        (_werkmap(), "xlsx", "Het bestand heeft geen kopregel met kolomnamen."),
        (b"\nx;Zaanstad\n", "csv", "Het bestand heeft geen kopregel met kolomnamen."),
        (
            b"samenwerkingsverband;gemeente\nx;Zaanstad;Zaandam\n",
            "csv",
            "In regel 2, kolom 3 staat „Zaandam”, maar die kolom heeft in de kopregel geen naam. "
            "Zet de kolomnaam in de kopregel of maak de cel leeg",
        ),
        (
            _werkmap(["samenwerkingsverband", "gemeente"], ["x", "Zaanstad", "Zaandam"]),
            "xlsx",
            "In rij 2, kolom C staat „Zaandam”, maar die kolom heeft in de kopregel geen naam.",
        ),
    ],
    ids=[
        "utf16",
        "kapotte-xlsx",
        "xlsx-als-csv",
        "alleen-kop",
        "kapotte-json",
        "leeg",
        "lege-werkmap",
        "lege-eerste-regel",
        "waarde-zonder-kolomnaam",
        "xlsx-waarde-zonder-kolomnaam",
    ],
)
def test_an_unreadable_file_gets_a_dutch_message(admin_client, regio, inhoud, formaat, melding):
    antwoord = upload(admin_client, "deelname", inhoud, formaat)
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert melding in tekst
    assert "encountered" not in tekst and "BadZipFile" not in tekst
    assert antwoord.context.get("confirm_form") is None


def test_a_csv_with_a_separator_at_the_end_of_its_lines_imports(admin_client, regio):
    """Excel writes a ; after the last value when a column beyond it was ever formatted; the
    import called such a file "geen leesbare CSV"."""
    inhoud = (
        "samenwerkingsverband;gemeente;toetredingsdatum\n"
        f"{regio['eigen'].uuid};GM0431;2025-01-01;\n"
    ).encode()
    voorbeeld = upload(admin_client, "deelname", inhoud)
    assert "1 nieuw, 0 gewijzigd" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    assert Deelname.objects.filter(gemeente__cbs_code="GM0431").count() == 1


def test_an_xlsx_with_empty_rows_below_imports(admin_client, regio):
    boek = Workbook()
    blad = boek.active
    blad.append(["samenwerkingsverband", "gemeente", "toetredingsdatum"])
    blad.append([str(regio["eigen"].uuid), "GM0431", D(2025, 1, 1)])
    blad.append([None, None, None])  # Excel keeps formatted empty rows
    bestand = io.BytesIO()
    boek.save(bestand)
    voorbeeld = upload(admin_client, "deelname", bestand.getvalue(), "xlsx")
    assert "1 nieuw, 0 gewijzigd" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    assert Deelname.objects.filter(gemeente__cbs_code="GM0431").count() == 1


def test_an_xlsx_is_read_from_its_first_sheet_whichever_was_open(admin_client, regio):
    """The page says "het eerste werkblad"; the import read the sheet that was open when the
    file was saved (a secretary who last looked at a sheet of notes imported the notes)."""
    boek = Workbook()
    boek.active.append(["samenwerkingsverband", "gemeente", "toetredingsdatum"])
    boek.active.append([str(regio["eigen"].uuid), "GM0431", D(2025, 1, 1)])
    toelichting = boek.create_sheet("Toelichting")
    toelichting.append(["Vul per regel een gemeente in"])
    boek.active = toelichting
    bestand = io.BytesIO()
    boek.save(bestand)
    voorbeeld = upload(admin_client, "deelname", bestand.getvalue(), "xlsx")
    assert "1 nieuw, 0 gewijzigd" in paginatekst(voorbeeld)


def test_a_long_file_previews_its_first_rows_and_the_totals(admin_client, regio):
    verband = regio["eigen"]
    gemeenten = Gemeente.objects.exclude(deelnames__samenwerkingsverband=verband)
    rijen = [[verband.uuid, g.cbs_code, "2025-01-01"] for g in gemeenten.order_by("cbs_code")]
    inhoud = csv_bestand(["samenwerkingsverband", "gemeente", "toetredingsdatum"], rijen[:150])
    tekst = paginatekst(upload(admin_client, "deelname", inhoud))
    assert "150 nieuw, 0 gewijzigd, 0 ongewijzigd" in tekst
    assert "Hieronder de eerste 100 van 150 regels." in tekst
    assert tekst.count('<tr class="new">') == 100


def test_refusal_at_confirmation_saves_nothing_and_says_so(admin_client, regio):
    """The register changed between preview and confirmation: the confirmation checks again."""
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband.uuid, "Oostzaan", "2025-01-01"], [verband.uuid, "Wormerland", "2025-01-01"]],
    )
    voorbeeld = upload(admin_client, "deelname", inhoud)
    assert voorbeeld.context["confirm_form"] is not None
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=Gemeente.objects.get(naam="Oostzaan"))
    antwoord = bevestig(admin_client, "deelname", voorbeeld)
    assert antwoord["Location"] == reverse("admin:samenwerking_deelname_import")
    [melding] = meldingen(antwoord)
    assert melding.startswith("Er is niets opgeslagen: regel 1: ")
    assert "Gemeente: deze gemeente heeft al een lopende deelname" in melding
    assert melding.endswith("Verbeter het bestand en lees het opnieuw in.")
    assert not Deelname.objects.filter(gemeente__naam="Wormerland").exists()
    assert not LogEntry.objects.exists()


# --- Duplicate rows ------------------------------------------------------------------------------


def test_the_same_uuid_twice_names_both_rows_and_saves_nothing(admin_client, regio):
    dataset = resources.DeelnameResource().export(
        queryset=Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).order_by("pk")
    )
    rijen = [list(r) for r in dataset]
    bron = dataset.headers.index("bron")
    rijen[0][bron], rijen[1][bron] = "eerste", "tweede"
    rijen.append(list(rijen[0]))
    rijen[2][bron] = "derde"
    inhoud = csv_bestand(dataset.headers, rijen)
    antwoord = upload(admin_client, "deelname", inhoud)
    tekst = paginatekst(antwoord)
    assert "2 regels met fouten" in tekst
    assert "Regel 1 en regel 3 gaan over dezelfde deelname; laat één van beide staan." in tekst
    assert "Regel 3 en regel 1 gaan over dezelfde deelname; laat één van beide staan." in tekst
    assert antwoord.context.get("confirm_form") is None
    assert not Deelname.objects.filter(bron__in=["eerste", "tweede", "derde"]).exists()


def test_the_same_bijdrage_twice_names_both_rows(admin_client, regio):
    kop = ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    verband = regio["eigen"].uuid
    inhoud = csv_bestand(
        kop,
        [
            [verband, "Zaanstad", 2025, "begroot", "", "10"],
            [verband, "Purmerend", 2025, "begroot", "", "20"],
            [verband, "GM0479", 2025, "Begroot", "", "30"],
        ],
    )
    tekst = paginatekst(upload(admin_client, "bijdrage", inhoud))
    assert "Regel 1 en regel 3 gaan over dezelfde bijdrage; laat één van beide staan." in tekst
    assert "Regel 3 en regel 1 gaan over dezelfde bijdrage" in tekst
    assert not Bijdrage.objects.filter(jaar=2025).exists()


def test_the_same_new_deelname_twice_names_both_rows(admin_client, regio):
    verband = regio["eigen"].uuid
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband, "Oostzaan", "2025-01-01"], [verband, "oostzaan", "2025-01-01"]],
    )
    tekst = paginatekst(upload(admin_client, "deelname", inhoud))
    assert "2 regels met fouten" in tekst
    melding = (
        "Gemeente: deze gemeente heeft al een lopende deelname in dit samenwerkingsverband. "
        "(ook in regel {})"
    )
    assert melding.format(2) in tekst and melding.format(1) in tekst
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


def test_csv_from_dutch_excel_round_trips_through_the_admin(admin_client, regio):
    """An admin export (semicolons, BOM) imports back unchanged."""
    beheer = admin.site._registry[Deelname]
    resource = beheer.get_export_resource_classes(None)[0]
    export = CSVNederlands().export_data(resource().export()).encode("utf-8")
    tekst = paginatekst(upload(admin_client, "deelname", export))
    assert "0 nieuw, 0 gewijzigd, 4 ongewijzigd" in tekst


def test_an_arrangements_lists_and_domeinen_are_updated(admin_client, regio):
    """The changed columns of an arrangement (a list, a many-to-many, a yes/no) are written."""
    verband = regio["eigen"]
    verband.domeinen.add(f.DomeinFactory(code="test-afval"))
    f.DomeinFactory(code="test-veiligheid")
    inhoud = csv_bestand(
        ["uuid", "naam", "vorm", "domeinen", "motieven", "verplicht"],
        [[verband.uuid, verband.naam, "GO", "test-veiligheid", "kosten,kwaliteit", "ja"]],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    assert "0 nieuw, 1 gewijzigd" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "samenwerkingsverband", voorbeeld).status_code == 302
    verband.refresh_from_db()
    assert (verband.vorm, verband.motieven, verband.verplicht) == (
        "GO",
        ["kosten", "kwaliteit"],
        True,
    )
    assert list(verband.domeinen.values_list("code", flat=True)) == ["test-veiligheid"]
    assert verband.history.first().history_type == "~"


def test_a_domein_written_as_its_name_gets_its_code_named(admin_client, regio):
    verband = regio["eigen"]
    f.DomeinFactory(code="natuur-en-milieu-afval", naam="natuur en milieu | afval")
    inhoud = csv_bestand(
        ["uuid", "naam", "vorm", "domeinen"],
        [[verband.uuid, verband.naam, "GO", "natuur en milieu | afval"]],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert (
        "„natuur en milieu | afval” is de naam van een domein; schrijf de code: "
        "natuur-en-milieu-afval. De code van elk domein staat in het beheer bij Domeinen."
    ) in tekst
    assert voorbeeld.context.get("confirm_form") is None


SQLITE_IMPORT = """
import json, tablib
from samenwerking.models import Deelname, Domein, Gemeente, Samenwerkingsverband
from samenwerking.resources import DeelnameResource, SamenwerkingsverbandResource
verband = Samenwerkingsverband.objects.create(naam="Op SQLite", vorm="OL")
Domein.objects.create(code="test-sqlite", naam="Test SQLite")
zaanstad = Gemeente.objects.get(naam="Zaanstad")
Deelname.objects.create(samenwerkingsverband=verband, gemeente=zaanstad)
export = DeelnameResource().export()
rijen = [list(r) for r in export]
rijen[0][export.headers.index("bron")] = "gewijzigd"
deelnames = tablib.Dataset(*rijen, headers=export.headers)
nieuw = dict.fromkeys(export.headers, "") | {
    "samenwerkingsverband": str(verband.uuid), "gemeente": "Oostzaan",
    "toetredingsdatum": "2025-01-01", "verdeelsleutel": "12,5", "bron": "nieuw",
}
deelnames.append([nieuw[k] for k in export.headers])
uit = {"deelnames": DeelnameResource().import_data(deelnames).totals}
export = SamenwerkingsverbandResource().export()
rij = list(export[0])
rij[export.headers.index("domeinen")] = "test-sqlite"
rij[export.headers.index("motieven")] = "kosten"
verbanden = tablib.Dataset(rij, headers=export.headers)
uit["verbanden"] = SamenwerkingsverbandResource().import_data(verbanden).totals
verband.refresh_from_db()
uit["opgeslagen"] = sorted(
    Deelname.objects.values_list("gemeente__naam", "bron", "verdeelsleutel")
)
uit["geschiedenis"] = sorted(Deelname.history.values_list("history_type", "bron"))
uit["verband"] = [list(verband.domeinen.values_list("code", flat=True)), verband.motieven]
print(json.dumps(uit, default=str))
"""


def test_an_import_on_sqlite_writes_rows_history_and_domeinen(tmp_path):
    """`make run` uses SQLite: the bulk writes have a path of their own there."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    project = Path(__file__).resolve().parents[2]
    omgeving = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    omgeving.update(DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'import.sqlite3'}")
    for opdracht in (["migrate", "--no-input", "-v0"], ["laad_referentiedata"]):
        subprocess.run(
            [sys.executable, "manage.py", *opdracht],
            cwd=project,
            env=omgeving,
            check=True,
            capture_output=True,
        )
    uit = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SQLITE_IMPORT],
        cwd=project,
        env=omgeving,
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, uit.stderr
    resultaat = json.loads(uit.stdout.strip().splitlines()[-1])
    assert (resultaat["deelnames"]["new"], resultaat["deelnames"]["update"]) == (1, 1)
    assert resultaat["verbanden"]["update"] == 1
    assert resultaat["opgeslagen"] == [
        ["Oostzaan", "nieuw", "12.5000"],
        ["Zaanstad", "gewijzigd", None],
    ]
    assert resultaat["geschiedenis"] == [["+", ""], ["+", "nieuw"], ["~", "gewijzigd"]]
    assert resultaat["verband"] == [["test-sqlite"], ["kosten"]]


def test_preview_shows_names_not_uuids_and_dutch_amounts(admin_client, regio):
    """The preview is for a person: the arrangement and the deelname by name, amounts as
    € 1.234,56; the file itself may carry uuids and plain numbers."""
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"],
        [
            [verband.uuid, "Zaanstad", 2026, "begroot", "", "123456,78"],
            [verband.uuid, "GM0439", 2024, "begroot", "", "1234.5"],  # was 1000,00
        ],
    )
    voorbeeld = upload(admin_client, "bijdrage", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    tabel = tekst[tekst.index('class="import-preview"') :]
    assert str(verband.uuid) not in tabel
    assert "Zaanstad in Veiligheidsregio Zaanstreek-Waterland" in tabel
    assert "€ 123.456,78" in tabel
    assert "123456.78" not in tabel
    # The changed row shows old → new as a character diff: read each side on its own.
    gewijzigd = tabel[tabel.index('<tr class="update">') :].split("</tr>")[0]
    oud = re.sub(r"<[^>]+>", "", re.sub(r"<ins[^>]*>.*?</ins>", "", gewijzigd))
    nieuw = re.sub(r"<[^>]+>", "", re.sub(r"<del[^>]*>.*?</del>", "", gewijzigd))
    assert "Purmerend in Veiligheidsregio Zaanstreek-Waterland" in nieuw
    assert "€ 1.000,00" in oud and "€ 1.234,50" in nieuw


def test_rows_with_errors_name_the_arrangement_and_gemeente_not_their_uuid(admin_client, regio):
    """The rows with errors showed the file's cells as they are: the arrangement as a uuid,
    and "---" for a column the file does not have. They now name the arrangement, and a
    gemeente with its code; a cell that names nothing stays as typed (its error says why)."""
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [
            [verband.uuid, "GM0479", "31-02-2025"],
            [verband.uuid, "Atlantis", "2025-01-01"],
        ],
    )
    tekst = paginatekst(upload(admin_client, "deelname", inhoud))
    assert "2 regels met fouten" in tekst
    tabel = tekst[tekst.index('class="import-preview"') :]
    assert str(verband.uuid) not in tabel
    naam = f"{verband.naam} ({verband.afkorting})"
    assert (
        f"<td>{naam}</td><td></td><td>Zaanstad (GM0479)</td><td></td><td></td><td>31-02-2025"
        in tabel
    )
    assert f"<td>{naam}</td><td></td><td>Atlantis</td>" in tabel
    assert "---" not in tabel


def test_a_bijdrage_tenfold_off_last_year_is_a_warning_in_the_preview(admin_client, regio):
    """Zaanstad paid € 1.000,00 in 2024: € 123.456,78 for 2025 is shown as a warning with the
    row, the preview can still be confirmed, and the amount is stored as typed."""
    verband = regio["eigen"]
    inhoud = csv_bestand(
        ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"],
        [
            [verband.uuid, "Zaanstad", 2025, "begroot", "", "123456,78"],
            [verband.uuid, "GM0439", 2025, "begroot", "", "1.100,00"],
        ],
    )
    voorbeeld = upload(admin_client, "bijdrage", inhoud)
    assert voorbeeld.status_code == 200
    waarschuwingen = [m for m in meldingen(voorbeeld) if "tien keer" in m]
    assert waarschuwingen == [
        "Regel 1: € 123.456,78 is meer dan tien keer zo hoog als de bijdrage van 2024 "
        "(€ 1.000,00). Klopt het bedrag? Bevestig dan de import; anders het bestand verbeteren."
    ]
    assert "Regel 1: € 123.456,78" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "bijdrage", voorbeeld).status_code == 302
    opgeslagen = Bijdrage.objects.get(
        deelname__samenwerkingsverband=verband, deelname__gemeente__cbs_code="GM0479", jaar=2025
    )
    assert opgeslagen.bedrag == Decimal("123456.78")
