"""The council's lists as files: the verbonden-partijen list (BBV art. 15) and the art. 27
register, in XLSX, CSV for Dutch Excel, ODS and JSON.

- `resources`: the columns of each list (django-import-export resources → tablib tables).
- `spreadsheet`: the spreadsheet writer (XLSX with number formats, widths and titles; ODS;
  CSV for Dutch Excel). Missing money is "onbekend", never 0; text a spreadsheet would run as
  a formula (=, +, -, @) is neutralised.
- `opendata`: the two JSON documents, camelCase keys that never depend on the language; their
  schemas are docs/verbonden-partijen.schema.json and docs/register-art27.schema.json.
- `bestanden`: a list or a register as a file in the asked formaat (`raad.parameters`).
"""

from .bestanden import register_bestand, verbonden_partijen_bestand
from .opendata import register_json, verbonden_partijen_json

__all__ = [
    "register_bestand",
    "register_json",
    "verbonden_partijen_bestand",
    "verbonden_partijen_json",
]
