"""File formats offered for spreadsheet import and export in the admin."""

import csv
import re

import tablib
from import_export.formats import base_formats
from import_export.tmp_storages import TempFolderStorage

# Spreadsheet formula injection: a cell that starts with one of these is a formula in Excel
# or LibreOffice (=HYPERLINK(...), +cmd|..., @SUM(...)). Exports put a quote before such text;
# imports take that quote off again, so that an exported file imports unchanged.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
_GETAL = re.compile(r"[-+]?\d[\d.,]*")


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


def lees_tekst(inhoud: bytes) -> str:
    """Text of a CSV as spreadsheets save it: UTF-8 (with or without BOM), else Windows-1252
    (Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows)."""
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError as fout:
        raise BestandsFout(
            f"Het bestand is geen UTF-8 en geen Windows-1252 (onleesbaar teken op positie "
            f"{fout.start}). Sla het op als 'CSV UTF-8 (door komma's gescheiden)'."
        ) from None


class CSVNederlands(base_formats.CSV):
    """CSV as Dutch Excel writes it (`;`) as well as `,` or tab, in UTF-8 with or without a
    BOM or in Windows-1252."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = lees_tekst(in_stream)
        in_stream = in_stream.removeprefix("\ufeff")
        eerste_regel = in_stream.split("\n", 1)[0]
        try:
            scheiding = csv.Sniffer().sniff(eerste_regel, delimiters=",;\t").delimiter
        except csv.Error:
            scheiding = ","
        return tablib.import_set(in_stream, format="csv", delimiter=scheiding, **kwargs)


class BytesTempFolderStorage(TempFolderStorage):
    """Keeps the upload between preview and confirmation and gives it back as bytes, so that
    the format decides the encoding (the admin would decode every text file as UTF-8)."""

    def read(self):
        with open(self.get_full_path(), "rb") as bestand:
            return bestand.read()


FORMATEN = [CSVNederlands, base_formats.XLSX, base_formats.ODS, base_formats.JSON]
