"""The spreadsheet writer: sheets (tablib tables with a name and a title line) as XLSX, ODS or
CSV for Dutch Excel. Numbers stay numbers; unknown money is "onbekend", never 0; text that a
spreadsheet would run as a formula (=, +, -, @) is neutralised."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

import tablib
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from samenwerking.formats import veilig

from ..parameters import Formaat

EURO = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
PROCENT = '0.####"%"'
DATUM = "d-m-yyyy"


@dataclass
class Blad:
    """One sheet: its name (max 31 characters), a title line and a tablib table, with the
    headers of its money and percentage columns."""

    naam: str
    titel: str
    tabel: tablib.Dataset
    geld: tuple[str, ...] = ()
    procent: tuple[str, ...] = ()


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
    geld = {i for i, kop in enumerate(blad.tabel.headers) if kop in blad.geld + blad.procent}
    uit = tablib.Dataset(headers=blad.tabel.headers, title=blad.naam[:31])
    for rij in blad.tabel:
        uit.append([_als_tekst(w, geld=i in geld) for i, w in enumerate(rij)])
    return uit


def _kolombreedte(kop, waarden) -> float:
    """Fits the header and the values (long texts wrap at 60 characters)."""
    breedte = max([len(str(kop or "")), *(min(len(str(w or "")), 60) for w in waarden)])
    return min(max(breedte, 8) + 2, 62)


def naar_xlsx(bladen: list[Blad], *, titel: str) -> bytes:
    """Workbook with a title line per sheet, a frozen header, euro, percent and date formats
    and column widths that fit. Written once, row by row (openpyxl's write-only mode): the
    all-gemeenten export makes 342 of these."""
    werkmap = Workbook(write_only=True)
    werkmap.properties.title = titel
    werkmap.properties.creator = "regioreg"
    titelfont, kopfont = Font(bold=True, size=13), Font(bold=True)
    uitlijning = Alignment(wrap_text=True, vertical="top")

    def cel(ws, waarde, *, font=None, formaat=None):
        try:
            uit = WriteOnlyCell(ws, value=waarde)
        except ValueError:  # e.g. a lazily translated label: its text
            uit = WriteOnlyCell(ws, value=str(waarde))
        if font:
            uit.font = font
            return uit
        uit.alignment = uitlijning
        if isinstance(waarde, datetime.date):
            uit.number_format = DATUM
        elif formaat and isinstance(waarde, (int, float, Decimal)):
            uit.number_format = formaat
        return uit

    for blad in bladen:
        tabel = _cellen(blad)
        ws = werkmap.create_sheet(title=tabel.title)
        ws.freeze_panes = "A4"
        koppen = tabel.headers
        formaten = [
            EURO if kop in blad.geld else PROCENT if kop in blad.procent else None for kop in koppen
        ]
        for nummer, kop in enumerate(koppen, start=1):
            breedte = _kolombreedte(kop, (rij[nummer - 1] for rij in tabel))
            ws.column_dimensions[get_column_letter(nummer)].width = breedte
        ws.append([cel(ws, blad.titel, font=titelfont)])
        ws.append([])
        ws.append([cel(ws, kop, font=kopfont) for kop in koppen])
        for rij in tabel:
            ws.append([cel(ws, w, formaat=f) for w, f in zip(rij, formaten, strict=True)])
    uit = io.BytesIO()
    werkmap.save(uit)
    return uit.getvalue()


def naar_ods(bladen: list[Blad]) -> bytes:
    return tablib.Databook([_cellen(b) for b in bladen]).export("ods")


def naar_csv(blad: Blad) -> bytes:
    """CSV for Dutch Excel: `;` separator, decimal comma, UTF-8 with BOM."""
    tabel = _cellen(blad)
    nederlands = tablib.Dataset(headers=tabel.headers)
    for rij in tabel:
        nederlands.append(
            [f"{w:.2f}".replace(".", ",") if isinstance(w, Decimal) else w for w in rij]
        )
    return ("\ufeff" + nederlands.export("csv", delimiter=";")).encode("utf-8")


def werkmap(bladen: list[Blad], formaat: str, *, titel: str) -> bytes:
    """The sheets as one XLSX or ODS file."""
    if formaat == Formaat.XLSX:
        return naar_xlsx(bladen, titel=titel)
    if formaat == Formaat.ODS:
        return naar_ods(bladen)
    raise ValueError(f"Geen werkmapformaat: {formaat!r}")
