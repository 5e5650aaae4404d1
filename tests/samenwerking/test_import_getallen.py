"""Whole numbers in the spreadsheet import as a Dutch secretary types them: `1.000` is a
thousand (stemmen, aantallen), never one; a year and a code are digits only; what is not a
whole number or could be read two ways is refused with a Dutch message naming row and column,
and nothing of the file is written. An export imports back unchanged (CSV and XLSX). The
preview writes decimals as the pages do (samenwerking/tekst.py)."""

import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.contrib import admin

from raad.sturing import Indicatorwaarde
from samenwerking import resources
from samenwerking.formats import CSVNederlands, XLSXNederlands
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
)
from samenwerking.resources.voorvertoning import weergave_nl
from samenwerking.resources.widgets import GetalWidget, ProcentWidget
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import bevestig, csv_bestand, upload

pytestmark = pytest.mark.django_db

AANTAL = "is geen geheel getal (bijvoorbeeld 12500 of 12.500)."
JAAR = "is geen jaartal; schrijf het jaar in cijfers zonder punt (bijvoorbeeld 2025)."
NUMMER = "is geen nummer; schrijf alleen cijfers, zonder punt of spatie (bijvoorbeeld 12345)."


# --- The rule, column by column -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "getal"),
    [
        ("1.000", 1000),
        ("12.500", 12500),
        ("1.000.000", 1000000),
        ("1 000", 1000),
        ("1\u00a0000", 1000),  # a non-breaking space, as a Dutch Excel groups
        ("12", 12),
        (" 7 ", 7),
        ("0", 0),
        (1000, 1000),
        (1000.0, 1000),  # a number cell of an XLSX
        (Decimal("15"), 15),
    ],
)
def test_a_count_is_read_with_dutch_thousands(invoer, getal):
    assert GetalWidget().clean(invoer) == getal


@pytest.mark.parametrize(
    "invoer",
    ["1,5", "12.5", "12.50", "1.0000", "1,000", "0.500", "1.000,00", "1.000 000", "veel", 1.5],
)
def test_a_count_that_is_not_a_whole_number_or_is_ambiguous_is_refused(invoer):
    with pytest.raises(ValueError) as fout:
        GetalWidget().clean(invoer)
    assert str(fout.value) == f"{invoer!r} {AANTAL}"


@pytest.mark.parametrize(("invoer", "jaar"), [("2025", 2025), (2025, 2025), (2025.0, 2025)])
def test_a_year_is_read_as_written(invoer, jaar):
    assert GetalWidget.jaartal().clean(invoer) == jaar


@pytest.mark.parametrize("invoer", ["2.025", "2 025", "2025,0", "'25", 2025.5])
def test_a_year_with_a_point_or_decimals_is_refused(invoer):
    with pytest.raises(ValueError) as fout:
        GetalWidget.jaartal().clean(invoer)
    assert str(fout.value) == f"{invoer!r} {JAAR}"


def test_a_code_is_digits_only():
    assert GetalWidget.nummer().clean("1234567") == 1234567
    with pytest.raises(ValueError) as fout:
        GetalWidget.nummer().clean("1.234.567")
    assert str(fout.value) == f"'1.234.567' {NUMMER}"


def test_a_percentage_that_is_not_a_number_is_refused_with_an_example():
    with pytest.raises(ValueError) as fout:
        ProcentWidget().clean("veel")
    assert str(fout.value) == "'veel' is geen percentage (bijvoorbeeld 12,5)."


def test_the_number_messages_are_read_through_gettext(monkeypatch):
    """What the secretary reads is the message's translation (gettext), with the value put
    in afterwards: a catalogue's text reaches the import report."""
    from django.utils import translation

    catalogus = {
        f"%(waarde)s {AANTAL}": "%(waarde)s: AANTAL",
        f"%(waarde)s {JAAR}": "%(waarde)s: JAAR",
        f"%(waarde)s {NUMMER}": "%(waarde)s: NUMMER",
        "%(waarde)s is geen percentage (bijvoorbeeld 12,5).": "%(waarde)s: PROCENT",
    }
    monkeypatch.setattr(translation._trans, "gettext", lambda tekst: catalogus.get(tekst, tekst))
    for widget, invoer, bericht in [
        (GetalWidget(), "1,5", "'1,5': AANTAL"),
        (GetalWidget.jaartal(), "2.025", "'2.025': JAAR"),
        (GetalWidget.nummer(), "1.234", "'1.234': NUMMER"),
        (ProcentWidget(), "veel", "'veel': PROCENT"),
    ]:
        with pytest.raises(ValueError) as fout:
            widget.clean(invoer)
        assert str(fout.value) == bericht


# --- Through the admin, as the secretary sees it --------------------------------------------------


def _cellen(rij_html: str) -> list[str]:
    cellen = [re.sub(r"<[^>]+>", "", c).strip() for c in rij_html.split("<td")[1:]]
    return [c.split(">", 1)[-1].strip() for c in cellen]


def test_stemmen_1000_are_stored_as_a_thousand_and_the_preview_says_so(admin_client, regio):
    deelname = Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).first()
    kop = ["uuid", "samenwerkingsverband", "gemeente", "verdeelsleutel", "stemmen"]
    inhoud = csv_bestand(
        kop, [[deelname.uuid, regio["eigen"].uuid, deelname.gemeente.cbs_code, "12,5", "1.000"]]
    )
    voorbeeld = upload(admin_client, "deelname", inhoud)
    tekst = paginatekst(voorbeeld)
    assert "0 nieuw, 1 gewijzigd" in tekst
    tabel = tekst[tekst.index('class="import-preview"') :]
    rij = tabel[tabel.index('<tr class="update">') :].split("</tr>")[0]
    nieuw = _cellen(re.sub(r"<del[^>]*>.*?</del>", "", rij))
    assert "1000" in nieuw and "12,5%" in nieuw  # a verdeelsleutel in percent, as the pages
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    deelname.refresh_from_db()
    assert (deelname.stemmen, deelname.verdeelsleutel) == (1000, Decimal("12.5"))


def _xlsx(kop: list[str], rijen: list[list], opmaak: dict[str, str]) -> bytes:
    """A workbook as Excel saves it; `opmaak`: a column's number format (Excel's own codes)."""
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.append(kop)
    for rij in rijen:
        blad.append(rij)
        for kolom, formaat in opmaak.items():
            blad.cell(row=blad.max_row, column=kop.index(kolom) + 1).number_format = formaat
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _met_waarde(inhoud: bytes, was: str, wordt: str) -> bytes:
    """The workbook with the stored number `was` of its sheet written as `wordt`."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for naam in bron.namelist():
            data = bron.read(naam)
            if naam == "xl/worksheets/sheet1.xml":
                assert f"<v>{was}</v>".encode() in data
                data = data.replace(f"<v>{was}</v>".encode(), f"<v>{wordt}</v>".encode())
            doel.writestr(naam, data)
    return uit.getvalue()


def test_a_percentage_cell_of_excel_is_the_percentage_it_shows(admin_client, regio):
    """Excel stores 12,5% as 0.125 and shows 12,5%: the import read 0.125, a verdeelsleutel a
    hundred times too small, without a word."""
    deelnames = list(Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).order_by("pk"))
    kop = ["uuid", "samenwerkingsverband", "gemeente", "verdeelsleutel", "stemmen"]
    rijen = [
        [str(d.uuid), str(regio["eigen"].uuid), d.gemeente.cbs_code, waarde, 3]
        for d, waarde in zip(deelnames, (0.125, 0.07), strict=True)
    ]
    inhoud = _xlsx(kop, rijen, {"verdeelsleutel": "0.0%"})
    voorbeeld = upload(admin_client, "deelname", inhoud, "xlsx")
    tekst = paginatekst(voorbeeld)
    assert "0 nieuw, 2 gewijzigd" in tekst
    assert "12,5%" in tekst and "7%" in tekst and "0,125%" not in tekst
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    opgeslagen = [
        d.verdeelsleutel
        for d in Deelname.objects.filter(pk__in=[d.pk for d in deelnames]).order_by("pk")
    ]
    assert opgeslagen == [Decimal("12.5"), Decimal("7")]
    # A plain number cell (an export of regioreg) is the percentage as written.
    inhoud = _xlsx(kop, [[*rijen[0][:3], 12.5, 3]], {})
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in paginatekst(
        upload(admin_client, "deelname", inhoud, "xlsx")
    )


def test_an_excel_amount_is_read_as_excel_shows_it(admin_client, regio):
    """A sum in Excel holds 1234.5600000000002 and shows € 1.234,56: that was refused as "more
    than two decimals". A cell that really holds more (=100/3, shown as € 33,33) is refused
    with how to round it in the spreadsheet, and nothing of the file is written."""
    deelname = Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).first()
    kop = ["deelname", "jaar", "soort", "onderdeel", "bedrag"]
    rij = [str(deelname.uuid), 2026, "begroot", "", 1234.56]
    # Excel writes all 17 digits of what a sum leaves in the cell (openpyxl writes fewer).
    inhoud = _xlsx(kop, [rij], {"bedrag": "€ #,##0.00"})
    inhoud = _met_waarde(inhoud, "1234.56", "1234.5600000000002")
    voorbeeld = upload(admin_client, "bijdrage", inhoud, "xlsx")
    assert "1 nieuw" in paginatekst(voorbeeld) and "€ 1.234,56" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "bijdrage", voorbeeld).status_code == 302
    assert Bijdrage.objects.get(deelname=deelname, jaar=2026).bedrag == Decimal("1234.56")

    rijen = [
        [str(deelname.uuid), 2027, "begroot", "", 100],
        [*rij[:1], 2027, "gerealiseerd", "", 33],
    ]
    inhoud = _met_waarde(_xlsx(kop, rijen, {}), "33", repr(100 / 3))
    voorbeeld = upload(admin_client, "bijdrage", inhoud, "xlsx")
    fouten = {r.number: r.error.message_dict for r in voorbeeld.context["result"].invalid_rows}
    assert fouten == {
        2: {
            "bedrag": [
                "„33.3333333333333” is geen eenduidig bedrag: een bedrag heeft hoogstens twee "
                "decimalen (centen). Een spreadsheetcel kan meer decimalen bevatten dan zij toont "
                "(€ 33,33 voor =100/3): rond daar af met =AFRONDEN(…;2). Voorbeeld: 1.234,56."
            ]
        }
    }
    assert not Bijdrage.objects.filter(jaar=2027).exists()


def test_a_bad_number_is_named_by_row_and_column_and_nothing_is_written(admin_client, regio):
    verband = regio["eigen"]
    deelname = Deelname.objects.filter(samenwerkingsverband=verband).first()
    kop = ["deelname", "samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    inhoud = csv_bestand(
        kop,
        [
            [deelname.uuid, "", "", "2025", "begroot", "", "100"],  # good
            [deelname.uuid, "", "", "2.025", "begroot", "a", "100"],
            ["", verband.uuid, "Zaanstad", "2.026", "begroot", "", "100"],
            [deelname.uuid, "", "", "2026,5", "begroot", "", "100"],
        ],
    )
    voorbeeld = upload(admin_client, "bijdrage", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert voorbeeld.context.get("confirm_form") is None
    assert "3 regels met fouten" in tekst
    fouten = {r.number: r.error.message_dict for r in voorbeeld.context["result"].invalid_rows}
    assert fouten == {
        2: {"jaar": [f"'2.025' {JAAR}"]},
        3: {"jaar": [f"'2.026' {JAAR}"]},
        4: {"jaar": [f"'2026,5' {JAAR}"]},
    }
    assert '<th scope="row">3</th>' in tekst
    assert f"jaar: &#x27;2.026&#x27; {JAAR}" in tekst
    assert not Bijdrage.objects.filter(jaar__gte=2025).exists()

    kop = ["uuid", "samenwerkingsverband", "gemeente", "stemmen"]
    inhoud = csv_bestand(
        kop,
        [
            [deelname.uuid, verband.uuid, deelname.gemeente.cbs_code, "3"],  # good
            ["", verband.uuid, "Oostzaan", "1,5"],
            ["", verband.uuid, "Wormerland", "12.5"],
        ],
    )
    tekst = paginatekst(upload(admin_client, "deelname", inhoud))
    assert "2 regels met fouten" in tekst
    assert f"stemmen: &#x27;1,5&#x27; {AANTAL}" in tekst
    assert f"stemmen: &#x27;12.5&#x27; {AANTAL}" in tekst
    deelname.refresh_from_db()
    assert deelname.stemmen != 3
    assert not Deelname.objects.filter(gemeente__naam__in=["Oostzaan", "Wormerland"]).exists()


def test_a_code_with_thousands_is_refused(admin_client, regio):
    verband = regio["eigen"]
    dataset = resources.SamenwerkingsverbandResource().export(
        queryset=Samenwerkingsverband.objects.filter(pk=verband.pk)
    )
    rij = list(dataset[0])
    rij[dataset.headers.index("roo_systeem_id")] = "12.345"
    tekst = paginatekst(
        upload(admin_client, "samenwerkingsverband", csv_bestand(dataset.headers, [rij]))
    )
    assert "1 regel met fouten" in tekst
    assert f"roo_systeem_id: &#x27;12.345&#x27; {NUMMER}" in tekst
    verband.refresh_from_db()
    assert verband.roo_systeem_id != 12345


# --- Export → import ----------------------------------------------------------------------------


@pytest.fixture
def getallen(regio):
    """Whole numbers of every kind: counts with thousands (1500, 1200), a code, years, months."""
    verband = regio["eigen"]
    Samenwerkingsverband.objects.filter(pk=verband.pk).update(
        roo_systeem_id=1234567,
        uittreding_artikel="Artikel 30",
        uittreding_opzegtermijn_maanden=24,
        evaluatie_interval_jaren=4,
    )
    Deelname.objects.filter(samenwerkingsverband=verband).update(stemmen=1500)
    Zetel.objects.update(stemmen=1200)
    Bijdrage.objects.filter(deelname__samenwerkingsverband=verband).update(jaar=2025)
    return regio


def _exporteer(model, formaat) -> bytes:
    resource = admin.site._registry[model].get_export_resource_classes(None)[0]
    inhoud = formaat().export_data(resource().export())
    return inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud


@pytest.mark.parametrize(("formaat", "naam"), [(CSVNederlands, "csv"), (XLSXNederlands, "xlsx")])
@pytest.mark.parametrize(
    ("model", "url", "aantal"),
    [
        (Samenwerkingsverband, "samenwerkingsverband", 2),
        (Deelname, "deelname", 4),
        (Bijdrage, "bijdrage", 4),
        (Zetel, "zetel", 2),
        (Jaarcijfers, "jaarcijfers", 2),
    ],
)
def test_an_export_imports_back_unchanged(
    admin_client, getallen, formaat, naam, model, url, aantal
):
    voor = list(model.objects.order_by("pk").values())
    tekst = paginatekst(upload(admin_client, url, _exporteer(model, formaat), naam))
    assert f"0 nieuw, 0 gewijzigd, {aantal} ongewijzigd" in tekst
    assert list(model.objects.order_by("pk").values()) == voor


def test_the_export_writes_whole_numbers_without_thousands(getallen):
    """What the import reads back as the same number, whatever the column: 1500, not 1.500."""
    csv = _exporteer(Deelname, CSVNederlands).decode("utf-8-sig")
    assert ";1500;" in csv and "1.500" not in csv
    csv = _exporteer(Samenwerkingsverband, CSVNederlands).decode("utf-8-sig")
    assert ";1234567;" in csv and "1.234.567" not in csv


# --- The preview writes decimals as the pages do ------------------------------------------------


def test_the_preview_writes_a_decimal_as_the_pages_do():
    bedrag = Bijdrage._meta.get_field("bedrag")
    procent = Deelname._meta.get_field("verdeelsleutel")
    assert weergave_nl(bedrag, Decimal("1234.5")) == "€ 1.234,50"
    assert weergave_nl(bedrag, Decimal("-1234.5")) == "−€ 1.234,50"
    assert weergave_nl(procent, Decimal("12.5000")) == "12,5%"
    assert weergave_nl(procent, Decimal("100.0000")) == "100%"
    # The pages' minus sign (tekst.getal_tekst), where the preview wrote a hyphen before.
    assert weergave_nl(procent, Decimal("-12.5000")) == "−12,5%"
    # A decimal that is neither an amount nor a percentage: only the decimals it has.
    waarde = Indicatorwaarde._meta.get_field("gepland")
    assert weergave_nl(waarde, Decimal("12.500")) == "12,5"
    assert weergave_nl(Deelname._meta.get_field("stemmen"), 1000) is None
    assert weergave_nl(procent, None) is None


def test_the_preview_shows_a_year_as_written(admin_client, regio):
    deelname = Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).first()
    kop = ["deelname", "jaar", "soort", "onderdeel", "bedrag"]
    inhoud = csv_bestand(kop, [[deelname.uuid, "2025", "begroot", "", "1.234,5"]])
    tekst = paginatekst(upload(admin_client, "bijdrage", inhoud))
    tabel = tekst[tekst.index('class="import-preview"') :]
    cellen = _cellen(tabel[tabel.index('<tr class="new">') :].split("</tr>")[0])
    assert "2025" in cellen and "€ 1.234,50" in cellen
    assert "2.025" not in tabel


def test_a_year_no_date_can_have_is_named_in_the_jaar_column_in_dutch(admin_client, regio):
    """A bijdrage named by arrangement and gemeente looks its deelname up in the year; a year
    a date cannot have (20250) is the jaar column's error, not Python's English."""
    kop = ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    inhoud = csv_bestand(kop, [[regio["eigen"].uuid, "Zaanstad", "20250", "begroot", "", "100"]])
    voorbeeld = upload(admin_client, "bijdrage", inhoud)
    tekst = paginatekst(voorbeeld)
    assert "1 regel met fouten" in tekst
    fouten = {r.number: r.error.message_dict for r in voorbeeld.context["result"].invalid_rows}
    # The year check's own message, naming the field (samenwerking.models.basis.jaar_validators).
    assert fouten == {1: {"jaar": ["Jaar: moet tussen 1900 en 2100 liggen."]}}
    assert "out of range" not in tekst
    assert not Bijdrage.objects.filter(jaar=20250).exists()
