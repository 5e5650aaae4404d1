"""File formats offered for spreadsheet import and export in the admin."""

import csv

import tablib
from import_export.formats import base_formats


class CSVNederlands(base_formats.CSV):
    """CSV as Dutch Excel writes it (`;`) as well as `,` or tab, with or without a BOM."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        in_stream = in_stream.removeprefix("\ufeff")
        eerste_regel = in_stream.split("\n", 1)[0]
        try:
            scheiding = csv.Sniffer().sniff(eerste_regel, delimiters=",;\t").delimiter
        except csv.Error:
            scheiding = ","
        return tablib.import_set(in_stream, format="csv", delimiter=scheiding, **kwargs)


FORMATEN = [CSVNederlands, base_formats.XLSX, base_formats.ODS, base_formats.JSON]
