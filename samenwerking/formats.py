"""File formats offered for spreadsheet import and export in the admin.

Reading a file that is not what its format says gives a Dutch message that says what to do
(`BestandsFout`), never a library's exception name. Empty rows (Excel keeps formatted empty
rows at the bottom of a sheet) are left out; a file without rows is refused.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

import tablib
from import_export.formats import base_formats

# Spreadsheet formula injection: a cell that starts with one of these is a formula in Excel
# or LibreOffice (=HYPERLINK(...), +cmd|..., @SUM(...)). Exports put a quote before such text;
# imports take that quote off again, so that an exported file imports unchanged.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
_GETAL = re.compile(r"[-+]?\d[\d.,]*")
_ZIP = b"PK\x03\x04"  # XLSX and ODS are zip files
_OLE2 = b"\xd0\xcf\x11\xe0"  # the old Excel format (.xls)


def veilig(tekst: str) -> str:
    """Neutralise formula injection: text starting with =, +, -, @ (or tab, CR) gets a quote;
    a plain number such as -12,50 stays as it is."""
    if tekst.startswith(FORMULE_TEKENS) and not _GETAL.fullmatch(tekst):
        return "'" + tekst
    return tekst


def ontveilig(tekst: str) -> str:
    """The text `veilig` was given (for imports of exported files)."""
    if tekst.startswith("'") and tekst[1:].startswith(FORMULE_TEKENS):
        return tekst[1:]
    return tekst


class BestandsFout(ValueError):
    """The uploaded file cannot be read; the message says what to do."""


ALS_CSV = "Sla het op als 'CSV UTF-8 (door komma's gescheiden)' en lees het opnieuw in."


def lees_tekst(inhoud: bytes) -> str:
    """Text of a CSV as spreadsheets save it: UTF-8 (with or without BOM), else Windows-1252
    (Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows). UTF-16 (Excel's
    "Unicode-tekst") and spreadsheet files are refused with what to do instead."""
    begin = inhoud[:4096]
    if begin.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in begin:
        raise BestandsFout(f"Het bestand is opgeslagen als UTF-16 ('Unicode-tekst'). {ALS_CSV}")
    if begin.startswith((_ZIP, _OLE2)):
        raise BestandsFout(
            "Dit is een spreadsheet (Excel of LibreOffice), geen CSV. Kies bij Formaat xlsx "
            "(Excel) of ods (LibreOffice), of sla het bestand op als CSV."
        )
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError as fout:
        raise BestandsFout(
            f"Het bestand is geen UTF-8 en geen Windows-1252 (onleesbaar teken op positie "
            f"{fout.start}). {ALS_CSV}"
        ) from None


def leeg(waarde) -> bool:
    """An empty cell: nothing, or only white space."""
    return waarde is None or str(waarde).strip() == ""


def _zonder_lege_regels(dataset: tablib.Dataset) -> tablib.Dataset:
    """Leaves out rows without any value; a file without rows under its header row is
    refused."""
    if not dataset.headers or all(leeg(k) for k in dataset.headers):
        raise BestandsFout(
            "Het bestand heeft geen kopregel met kolomnamen. Zet de kolomnamen (bijvoorbeeld "
            "uit een export van deze lijst) in de eerste regel."
        )
    lege_rijen = [i for i, rij in enumerate(dataset) if all(leeg(waarde) for waarde in rij)]
    for i in reversed(lege_rijen):
        del dataset[i]
    if not len(dataset):
        raise BestandsFout(
            "Het bestand bevat geen regels onder de kopregel. Controleer of u het goede "
            "bestand (en in een spreadsheet het eerste werkblad) hebt gekozen."
        )
    return dataset


def _tabel(kop: list | None, rijen, *, vulling, plaats) -> tablib.Dataset:
    """The header `kop` and `rijen` (pairs of a row's number and its values) as a dataset
    whose rows are as wide as the header: a short row gets empty cells (`vulling`), empty
    cells in columns without a name are dropped (a separator at the end of a line, a
    formatted empty column). A value in a column without a name is refused, where it stands
    (`plaats(rijnummer, kolomnummer)`, both counted from 1), since it would be ignored."""
    dataset = tablib.Dataset()
    if kop is None or all(leeg(k) for k in kop):
        return dataset  # no header row: said by _zonder_lege_regels
    kop = list(kop)
    while kop and leeg(kop[-1]):
        kop.pop()
    dataset.headers = kop
    for nummer, rij in rijen:
        for kolom, waarde in enumerate(rij, start=1):
            if (kolom > len(kop) or leeg(kop[kolom - 1])) and not leeg(waarde):
                tekst = str(waarde) if len(str(waarde)) <= 40 else str(waarde)[:39] + "…"
                raise BestandsFout(
                    f"In {plaats(nummer, kolom)} staat „{tekst}”, maar die kolom heeft in de "
                    "kopregel geen naam. Zet de kolomnaam in de kopregel of maak de cel leeg, "
                    "en lees het bestand opnieuw in."
                )
        rij = list(rij[: len(kop)])
        dataset.append(rij + [vulling] * (len(kop) - len(rij)))
    return dataset


class _Leesbaar:
    """A format whose reading errors are `BestandsFout`s with what to do."""

    onleesbaar = ""

    def create_dataset(self, in_stream, **kwargs):
        try:
            dataset = self.lees(in_stream, **kwargs)
        except BestandsFout:
            raise
        except Exception:  # every library error the same way: what to do, in Dutch
            raise BestandsFout(self.onleesbaar) from None
        return _zonder_lege_regels(dataset)

    def lees(self, in_stream, **kwargs) -> tablib.Dataset:
        """The rows as the library reads them."""
        return super().create_dataset(in_stream, **kwargs)


class CSVNederlands(_Leesbaar, base_formats.CSV):
    """CSV as Dutch Excel writes it (`;`) as well as `,` or tab, in UTF-8 with or without a
    BOM or in Windows-1252. Written as Dutch Excel reads it: `;` and UTF-8 with a BOM."""

    onleesbaar = "Het bestand is geen leesbare CSV (kolommen gescheiden door ; of ,). " + ALS_CSV

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = lees_tekst(in_stream)
        in_stream = in_stream.removeprefix("\ufeff")
        if "\x00" in in_stream:
            raise BestandsFout(f"Het bestand bevat tekens die niet in een CSV horen. {ALS_CSV}")
        return super().create_dataset(in_stream, **kwargs)

    def lees(self, in_stream, **kwargs) -> tablib.Dataset:
        eerste_regel = in_stream.split("\n", 1)[0]
        try:
            scheiding = csv.Sniffer().sniff(eerste_regel, delimiters=",;\t").delimiter
        except csv.Error:
            scheiding = ","
        lezer = csv.reader(io.StringIO(in_stream, newline=""), delimiter=scheiding)
        return _tabel(
            next(lezer, None),
            ((lezer.line_num, rij) for rij in lezer),
            vulling="",
            plaats=lambda regel, kolom: f"regel {regel}, kolom {kolom}",
        )

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, delimiter=";", **kwargs)


def _celwaarde(cel) -> object:
    """What an XLSX cell says as the secretary sees it. A number is read to the 15 significant
    digits Excel shows (a sum that is 1234.5600000000002 inside is 1234.56, as on the screen;
    a whole number an int), and a number formatted as a percentage is the percentage it shows
    (12,5% is stored as 0.125, read as 12.5). Anything else is its stored value."""
    waarde = cel.value
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        return waarde
    procent = "%" in (getattr(cel, "number_format", None) or "")
    if isinstance(waarde, int) and not procent:
        return waarde
    return _getal_zoals_getoond(waarde, procent=procent)


def _getal_zoals_getoond(waarde: float, *, procent: bool) -> int | float:
    """A spreadsheet's stored number as it shows it: to the 15 significant digits a
    spreadsheet shows, a percentage as the percentage (0.125 is 12,5%), a whole number an
    int. For XLSX and ODS alike."""
    getal = Decimal(format(waarde, ".15g")) * (100 if procent else 1)
    return int(getal) if getal == getal.to_integral_value() else float(getal)


class XLSXNederlands(_Leesbaar, base_formats.XLSX):
    """The first sheet of an Excel file, each number as Excel shows it (`_celwaarde`: a
    verdeelsleutel typed as 12,5% is 12,5, not 0,125); formulas are read as their last
    calculated value."""

    onleesbaar = (
        "Het bestand is geen geldig Excel-bestand (.xlsx). Sla het in Excel op als "
        "'Excel-werkmap (*.xlsx)' (een oud .xls-bestand kan niet) of kies bij Formaat het "
        "formaat van het bestand."
    )

    def lees(self, in_stream, **kwargs) -> tablib.Dataset:
        import openpyxl
        from openpyxl.utils import get_column_letter

        boek = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        rijen = boek.worksheets[0].iter_rows()  # the first, not the one open when saved
        kop = next(rijen, None)  # none: an empty sheet
        return _tabel(
            None if kop is None else [cel.value for cel in kop],
            ((nummer, [_celwaarde(cel) for cel in rij]) for nummer, rij in enumerate(rijen, 2)),
            vulling=None,
            plaats=lambda rij, kolom: f"rij {rij}, kolom {get_column_letter(kolom)}",
        )

    def export_data(self, dataset, **kwargs):
        # Control characters cannot be in an XLSX cell: they become � instead of an error.
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        schoon = tablib.Dataset(headers=dataset.headers)
        for rij in dataset:
            schoon.append(
                [
                    ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", w)
                    if isinstance(w, str)
                    else w
                    for w in rij
                ]
            )
        return super().export_data(schoon, **kwargs)


# LibreOffice stores a run of equal cells (or rows) once, "repeated N times"; the empty run
# at the end of every row and sheet stands for the rest of the sheet. A run of values is
# written out, up to what a spreadsheet holds; an empty run only when a value follows it.
ODS_MAX_KOLOMMEN = 16_384
ODS_MAX_REGELS = 1_048_576
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def _ods_waarde(cel) -> object:
    """What an ODS cell says as the secretary sees it, as `_celwaarde` for XLSX: a number from
    the value stored, not from the text shown (a Dutch LibreOffice shows 1234 as "1.234"), a
    percentage as the percentage shown (12,5% is stored as 0.125), a date as a date, a text
    with each of its paragraphs on a line, a formula's error as the error shown (LibreOffice
    stores #DEEL/0! as the number 0). None when the cell is empty."""
    from odf.namespaces import TEXTNS
    from odf.teletype import extractText

    soort = cel.getAttribute("valuetype")
    if cel.attributes.get((_CALCEXT, "value-type")) == "error":
        soort = "string"
    waarde = cel.getAttribute("value")
    if soort in ("float", "currency", "percentage") and waarde:
        return _getal_zoals_getoond(float(waarde), procent=soort == "percentage")
    datum = cel.getAttribute("datevalue")
    if soort == "date" and datum:
        moment = datetime.datetime.fromisoformat(datum)
        return moment if "T" in datum else moment.date()
    if soort == "boolean":
        return cel.getAttribute("booleanvalue") == "true"
    # Only the cell's own paragraphs: a comment on the cell has paragraphs of its own.
    alineas = [extractText(k) for k in cel.childNodes if k.qname == (TEXTNS, "p")]
    return "\n".join(alineas) or None


def _ods_cellen(rij) -> list:
    from odf.namespaces import TABLENS

    waarden: list = []
    leeg_ervoor = 0  # empty cells not yet written: written only when a value follows
    for cel in rij.childNodes:
        if cel.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
            continue
        herhaald = int(cel.getAttribute("numbercolumnsrepeated") or 1)
        waarde = _ods_waarde(cel)
        if leeg(waarde):
            leeg_ervoor += herhaald
            continue
        if len(waarden) + leeg_ervoor + herhaald > ODS_MAX_KOLOMMEN:
            raise BestandsFout(
                f"Een regel van het werkblad is breder dan {ODS_MAX_KOLOMMEN} kolommen. Zet de "
                "gegevens in de eerste kolommen en lees het bestand opnieuw in."
            )
        waarden += [None] * leeg_ervoor + [waarde] * herhaald
        leeg_ervoor = 0
    return waarden


def _ods_rijen(blad):
    """(number, values) of each row of the sheet `blad`, counted as the secretary sees them;
    a run of empty rows once (empty rows are left out later), a run of equal rows in full."""
    from odf.table import TableRow

    nummer = 0
    for rij in blad.getElementsByType(TableRow):  # also those in header rows and groups
        herhaald = int(rij.getAttribute("numberrowsrepeated") or 1)
        waarden = _ods_cellen(rij)  # empty: no value (empty cells only precede a value)
        kopieen = herhaald if waarden else 1
        if nummer + kopieen > ODS_MAX_REGELS:
            grens = f"{ODS_MAX_REGELS:_}".replace("_", ".")
            raise BestandsFout(
                f"Het werkblad heeft meer dan {grens} regels (wat een spreadsheet kan bevatten). "
                "Splits het bestand en lees de delen een voor een in."
            )
        for i in range(kopieen):
            yield nummer + 1 + i, list(waarden)
        nummer += herhaald


class ODSNederlands(_Leesbaar, base_formats.ODS):
    """The first sheet of an OpenDocument spreadsheet (LibreOffice), read by regioreg itself:
    tablib's reader (3.10) takes the text shown for a number ("1.234" became 1.234), skips a
    run of equal or empty cells (the next values moved a column to the left) and joins every
    sheet of the file into one."""

    onleesbaar = (
        "Het bestand is geen geldig OpenDocument-werkblad (.ods). Sla het in LibreOffice op als "
        "ODF-werkblad (.ods) of kies bij Formaat het formaat van het bestand."
    )

    def lees(self, in_stream, **kwargs) -> tablib.Dataset:
        from odf import opendocument
        from odf.table import Table
        from openpyxl.utils import get_column_letter

        bladen = opendocument.load(io.BytesIO(in_stream)).spreadsheet.getElementsByType(Table)
        rijen = _ods_rijen(bladen[0]) if bladen else iter(())
        kop = next(rijen, None)  # none: an empty sheet
        return _tabel(
            None if kop is None else kop[1],
            rijen,
            vulling=None,
            plaats=lambda rij, kolom: f"rij {rij}, kolom {get_column_letter(kolom)}",
        )


class JSONNederlands(_Leesbaar, base_formats.JSON):
    onleesbaar = (
        "Het bestand is geen geldige JSON-lijst van regels (zoals een JSON-export van deze "
        'lijst: [{"kolom": "waarde", …}, …]). Kies bij Formaat het formaat van het bestand.'
    )


FORMATEN = [CSVNederlands, XLSXNederlands, ODSNederlands, JSONNederlands]
