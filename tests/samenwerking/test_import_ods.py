"""OpenDocument spreadsheets (LibreOffice) in the admin's import, read as LibreOffice shows
them. tablib's reader took the text shown for a number (a Dutch LibreOffice shows 1500 as
"1.500": read as 1.5), dropped a run of equal or empty cells (the values after it moved to
other columns) and joined every sheet of a file into one."""

import datetime
import io
from decimal import Decimal

import pytest
from odf.office import Annotation
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow
from odf.text import P

from samenwerking.formats import ODS_MAX_REGELS, BestandsFout, ODSNederlands
from samenwerking.models import Bijdrage, Deelname
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import bevestig, upload

# --- Cells and sheets as LibreOffice writes them --------------------------------------------

CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def tekst(*alineas: str, n: int = 1) -> TableCell:
    cel = TableCell(valuetype="string", numbercolumnsrepeated=n)
    for alinea in alineas:
        cel.addElement(P(text=alinea))
    return cel


def getal(waarde: str, getoond: str, soort: str = "float") -> TableCell:
    cel = TableCell(valuetype=soort, value=waarde)
    cel.addElement(P(text=getoond))
    return cel


def leeg(n: int = 1) -> TableCell:
    return TableCell(numbercolumnsrepeated=n)


def rij(*cellen, n: int = 1) -> TableRow:
    element = TableRow(numberrowsrepeated=n)
    for cel in cellen:
        element.addElement(cel)
    return element


def ods(*bladen: list) -> bytes:
    """A file with a sheet per list of rows; the first row of the first sheet in the header
    rows (as when "rows to repeat" is set), every row ending in the run of empty cells and
    every sheet in the run of empty rows that LibreOffice writes."""
    document = OpenDocumentSpreadsheet()
    for i, rijen in enumerate(bladen, start=1):
        blad = Table(name=f"Blad{i}")
        for j, element in enumerate(rijen):
            element.addElement(leeg(16_000))
            if i == 1 and j == 0:
                kop = TableHeaderRows()
                kop.addElement(element)
                blad.addElement(kop)
            else:
                blad.addElement(element)
        blad.addElement(rij(leeg(16_384), n=1_048_000))
        document.spreadsheet.addElement(blad)
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def _lees(inhoud: bytes) -> tuple[list, list[list]]:
    dataset = ODSNederlands().create_dataset(inhoud)
    return dataset.headers, [list(r) for r in dataset]


# --- The reading itself ------------------------------------------------------------------------


def test_the_first_sheet_is_read_as_libreoffice_shows_it():
    met_opmerking = tekst("eerste regel", "tweede regel")
    opmerking = Annotation()
    opmerking.addElement(P(text="een opmerking bij de cel"))
    met_opmerking.addElement(opmerking)
    inhoud = ods(
        [
            rij(*(tekst(k) for k in ("naam", "aantal", "bedrag", "aandeel", "datum", "ja"))),
            rij(
                tekst("Zaanstad"),
                getal("1500", "1.500"),
                getal("1234.56", "€ 1.234,56", "currency"),
                getal("0.125", "12,50%", "percentage"),
                TableCell(valuetype="date", datevalue="2025-07-01"),
                TableCell(valuetype="boolean", booleanvalue="true"),
            ),
            # Two equal cells and two empty ones are each stored once, "repeated twice".
            rij(tekst("Oostzaan"), tekst("7", n=2), leeg(2), tekst("slot")),
            rij(met_opmerking, CoveredTableCell(), tekst("na een samengevoegde cel")),
            rij(tekst("twee keer dezelfde regel"), n=2),
        ],
        [rij(tekst("een ander werkblad"))],
    )
    kop, rijen = _lees(inhoud)
    assert kop == ["naam", "aantal", "bedrag", "aandeel", "datum", "ja"]
    assert rijen == [
        ["Zaanstad", 1500, 1234.56, 12.5, datetime.date(2025, 7, 1), True],
        ["Oostzaan", "7", "7", None, None, "slot"],
        ["eerste regel\ntweede regel", None, "na een samengevoegde cel", None, None, None],
        ["twee keer dezelfde regel", None, None, None, None, None],
        ["twee keer dezelfde regel", None, None, None, None, None],
    ]


def test_a_formula_error_is_the_error_shown_not_zero():
    """LibreOffice stores a formula's error as the number 0 with a mark; read as 0 it would be
    an amount of € 0 where the sheet shows #DEEL/0!."""
    fout = TableCell(valuetype="float", value="0", formula="of:=[.A1]/0")
    fout.setAttrNS(CALCEXT, "value-type", "error")
    fout.addElement(P(text="#DEEL/0!"))
    _, rijen = _lees(ods([rij(tekst("bedrag"), tekst("ander")), rij(fout, getal("0", "0"))]))
    assert rijen == [["#DEEL/0!", 0]]


@pytest.mark.parametrize(
    ("rijen", "melding"),
    [
        (
            # A value beyond the header, named by row and column.
            [rij(tekst("a"), tekst("b")), rij(tekst("1"), leeg(2), tekst("te ver"))],
            "In rij 2, kolom D staat „te ver”, maar die kolom heeft in de kopregel geen naam. "
            "Zet de kolomnaam in de kopregel of maak de cel leeg, en lees het bestand opnieuw in.",
        ),
        (
            # More rows than a sheet holds: refused before they are written out.
            [rij(tekst("a")), rij(tekst("1"), n=ODS_MAX_REGELS)],
            "Het werkblad heeft meer dan 1.048.576 regels (wat een spreadsheet kan bevatten). "
            "Splits het bestand en lees de delen een voor een in.",
        ),
    ],
)
def test_a_sheet_that_cannot_be_read_whole_says_where_and_what_to_do(rijen, melding):
    with pytest.raises(BestandsFout) as fout:
        _lees(ods(rijen))
    assert str(fout.value) == melding


def test_a_file_that_is_no_ods_says_what_to_do():
    with pytest.raises(BestandsFout) as fout:
        ODSNederlands().create_dataset(b"PK\x03\x04 geen zip")
    assert "geen geldig OpenDocument-werkblad (.ods)" in str(fout.value)


# --- Through the admin -------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_amount_shown_with_dutch_thousands_is_imported_as_shown(admin_client, regio):
    """€ 1.500 in a Dutch LibreOffice was stored as € 1,50, without a word."""
    deelname = Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).first()
    inhoud = ods(
        [
            rij(*(tekst(k) for k in ("deelname", "jaar", "soort", "onderdeel", "bedrag"))),
            rij(
                tekst(str(deelname.uuid)),
                getal("2026", "2026"),
                tekst("begroot"),
                leeg(),
                getal("1500", "1.500"),
            ),
        ]
    )
    voorbeeld = upload(admin_client, "bijdrage", inhoud, "ods")
    tekst_ = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert "1 nieuw" in tekst_ and "€ 1.500" in tekst_
    assert bevestig(admin_client, "bijdrage", voorbeeld).status_code == 302
    assert Bijdrage.objects.get(deelname=deelname, jaar=2026).bedrag == Decimal("1500")
