"""The spreadsheet writer: sheets (tablib tables with a name and a title line) as XLSX, ODS or
CSV for Dutch Excel. Numbers stay numbers; an unknown number is never 0: in XLSX and ODS an
empty cell with a note "onbekend" (so that the column stays numeric and sorts and sums), in
CSV the word "onbekend"; text that a spreadsheet would run as a formula (=, +, -, @) is
neutralised. XLSX sheets carry an autofilter on their header row; ODS writes money as
currency (euro)."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

import tablib
from django.utils.translation import gettext as _
from odf import number, office, style, table, text
from odf.opendocument import OpenDocumentSpreadsheet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from samenwerking.formats import veilig

from ..parameters import Formaat

EURO = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
PROCENT = '0"%"'
DATUM = "d-m-yyyy"


def procentformaat(waarde: Decimal) -> str:
    """A percentage's format with the decimals it has (45%, 68,75%, 3,9409%), as the page and
    the CSV write it; optional decimals ('0.####') would show a whole one as "45,%"."""
    decimalen = max(0, -waarde.normalize().as_tuple().exponent)
    return PROCENT.replace("0", "0." + "0" * decimalen, 1) if decimalen else PROCENT


@dataclass
class Blad:
    """One sheet: its name (max 31 characters), a title line and a tablib table, with the
    headers of its money and percentage columns."""

    naam: str
    titel: str
    tabel: tablib.Dataset
    geld: tuple[str, ...] = ()
    procent: tuple[str, ...] = ()
    getal: tuple[str, ...] = ()

    @property
    def getalkolommen(self) -> tuple[str, ...]:
        """Every column that holds numbers: money, percentages and counts."""
        return self.geld + self.procent + self.getal


def onbekend_notitie() -> str:
    return _("onbekend: niet vastgelegd in het register")


def _als_tekst(waarde, *, geld: bool) -> object:
    """A value as a spreadsheet cell: numbers stay numbers, unknown money is "onbekend"."""
    if waarde is None:
        return _("onbekend") if geld else ""
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, str):
        return veilig(waarde)
    return waarde


def _cellen(blad: Blad) -> tablib.Dataset:
    """The sheet's table with spreadsheet-ready cells (unknown, booleans, formula guard)."""
    geld = {i for i, kop in enumerate(blad.tabel.headers) if kop in blad.getalkolommen}
    uit = tablib.Dataset(headers=blad.tabel.headers, title=blad.naam[:31])
    for rij in blad.tabel:
        uit.append([_als_tekst(w, geld=i in geld) for i, w in enumerate(rij)])
    return uit


def _kolombreedte(kop, waarden) -> float:
    """Fits the header and the values (long texts wrap at 60 characters)."""
    breedte = max([len(str(kop or "")), *(min(len(str(w or "")), 60) for w in waarden)])
    return min(max(breedte, 8) + 2, 62)


def _xlsx_waarde(waarde, *, getal: bool) -> object:
    """A value as an XLSX cell: unknown numbers stay empty (the note says onbekend)."""
    if waarde is None and getal:
        return None
    return _als_tekst(waarde, geld=False)


def naar_xlsx(bladen: list[Blad], *, titel: str) -> bytes:
    """Workbook with a title line per sheet, a frozen header with an autofilter, euro, percent
    and date formats and column widths that fit. Written once, row by row (openpyxl's
    write-only mode): the all-gemeenten export makes 342 of these."""
    werkmap = Workbook(write_only=True)
    werkmap.properties.title = titel
    werkmap.properties.creator = "regioreg"
    titelfont, kopfont = Font(bold=True, size=13), Font(bold=True)
    uitlijning = Alignment(wrap_text=True, vertical="top")

    def cel(ws, waarde, *, font=None, formaat=None, onbekend=False):
        try:
            uit = WriteOnlyCell(ws, value=waarde)
        except ValueError:  # e.g. a lazily translated label: its text
            uit = WriteOnlyCell(ws, value=str(waarde))
        if onbekend:
            uit.comment = Comment(onbekend_notitie(), "regioreg")
        if font:
            uit.font = font
            return uit
        uit.alignment = uitlijning
        if isinstance(waarde, datetime.date):
            uit.number_format = DATUM
        elif formaat == PROCENT and isinstance(waarde, Decimal):
            uit.number_format = procentformaat(waarde)
        elif formaat and isinstance(waarde, (int, float, Decimal)):
            uit.number_format = formaat
        return uit

    for blad in bladen:
        koppen = blad.tabel.headers
        getallen = [kop in blad.getalkolommen for kop in koppen]
        rijen = [
            [_xlsx_waarde(w, getal=g) for w, g in zip(rij, getallen, strict=True)]
            for rij in blad.tabel
        ]
        ws = werkmap.create_sheet(title=blad.naam[:31])
        ws.freeze_panes = "A4"
        formaten = [
            EURO if kop in blad.geld else PROCENT if kop in blad.procent else None for kop in koppen
        ]
        for nummer, kop in enumerate(koppen, start=1):
            breedte = _kolombreedte(kop, (rij[nummer - 1] for rij in rijen))
            ws.column_dimensions[get_column_letter(nummer)].width = breedte
        ws.auto_filter.ref = f"A3:{get_column_letter(len(koppen))}{3 + len(rijen)}"
        ws.append([cel(ws, blad.titel, font=titelfont)])
        ws.append([])
        ws.append([cel(ws, kop, font=kopfont) for kop in koppen])
        for rij in rijen:
            ws.append(
                [
                    cel(ws, w, formaat=f, onbekend=w is None and g)
                    for w, f, g in zip(rij, formaten, getallen, strict=True)
                ]
            )
    uit = io.BytesIO()
    werkmap.save(uit)
    return uit.getvalue()


def naar_ods(bladen: list[Blad]) -> bytes:
    """The sheets as OpenDocument: a title line, the header in bold, money as currency (euro,
    two decimals, thousands separator), percentages as numbers and unknown numbers as an empty
    cell with the note "onbekend"."""
    document = OpenDocumentSpreadsheet()
    valuta = number.CurrencyStyle(name="euro", volatile="true")
    valuta.addElement(number.CurrencySymbol(language="nl", country="NL", text="€"))
    valuta.addElement(number.Text(text=" "))
    valuta.addElement(number.Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    document.styles.addElement(valuta)
    geldstijl = style.Style(name="geld", family="table-cell", datastylename="euro")
    vet = style.Style(name="vet", family="table-cell")
    vet.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(geldstijl)
    document.automaticstyles.addElement(vet)

    def tekstcel(waarde, **kwargs):
        """A text cell; each line its own paragraph (a newline in one is read as a space)."""
        cel = table.TableCell(valuetype="string", **kwargs)
        for regel in str(waarde).split("\n"):
            cel.addElement(text.P(text=regel))
        return cel

    def getalcel(waarde, *, geld: bool):
        if waarde is None:
            cel = table.TableCell()
            notitie = office.Annotation()
            notitie.addElement(text.P(text=onbekend_notitie()))
            cel.addElement(notitie)
            return cel
        if geld:
            cel = table.TableCell(
                valuetype="currency", currency="EUR", value=waarde, stylename=geldstijl
            )
        else:
            cel = table.TableCell(valuetype="float", value=waarde)
        cel.addElement(text.P(text=str(waarde)))
        return cel

    for blad in bladen:
        blad_ods = table.Table(name=blad.naam[:31])
        koppen = blad.tabel.headers
        rij = table.TableRow()
        rij.addElement(tekstcel(blad.titel, stylename=vet))
        blad_ods.addElement(rij)
        blad_ods.addElement(table.TableRow())
        rij = table.TableRow()
        for kop in koppen:
            rij.addElement(tekstcel(kop, stylename=vet))
        blad_ods.addElement(rij)
        for waarden in blad.tabel:
            rij = table.TableRow()
            for kop, waarde in zip(koppen, waarden, strict=True):
                if kop in blad.getalkolommen and (
                    waarde is None or isinstance(waarde, (int, Decimal))
                ):
                    rij.addElement(getalcel(waarde, geld=kop in blad.geld))
                elif isinstance(waarde, (int, Decimal)) and not isinstance(waarde, bool):
                    rij.addElement(getalcel(waarde, geld=False))  # e.g. a count
                elif waarde is None or waarde == "":
                    rij.addElement(table.TableCell())
                else:
                    rij.addElement(tekstcel(_als_tekst(waarde, geld=False)))
            blad_ods.addElement(rij)
        document.spreadsheet.addElement(blad_ods)
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def _csv_getal(waarde, *, geld: bool) -> object:
    """A number with a decimal comma: money in cents, a percentage with every decimal it has
    (a verdeelsleutel of 13,7931% is not 13,79 here while the page and XLSX say 13,7931)."""
    if not isinstance(waarde, Decimal):
        return waarde
    return (f"{waarde:.2f}" if geld else f"{waarde.normalize():f}").replace(".", ",")


def naar_csv(blad: Blad) -> bytes:
    """CSV for Dutch Excel: `;` separator, decimal comma, UTF-8 with BOM."""
    tabel = _cellen(blad)
    geld = [kop in blad.geld for kop in tabel.headers]
    nederlands = tablib.Dataset(headers=tabel.headers)
    for rij in tabel:
        nederlands.append([_csv_getal(w, geld=g) for w, g in zip(rij, geld, strict=True)])
    return ("\ufeff" + nederlands.export("csv", delimiter=";")).encode("utf-8")


def werkmap(bladen: list[Blad], formaat: str, *, titel: str) -> bytes:
    """The sheets as one XLSX or ODS file."""
    if formaat == Formaat.XLSX:
        return naar_xlsx(bladen, titel=titel)
    if formaat == Formaat.ODS:
        return naar_ods(bladen)
    raise ValueError(f"Geen werkmapformaat: {formaat!r}")
