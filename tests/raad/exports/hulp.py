"""The committed JSON schemas and the page address the export tests check against."""

import json
from pathlib import Path

DOCS = Path(__file__).resolve().parents[3] / "docs"
SCHEMA = json.loads((DOCS / "verbonden-partijen.schema.json").read_text())
SCHEMA_ART27 = json.loads((DOCS / "register-art27.schema.json").read_text())
URL = "/gemeenten/GM0479/verbonden-partijen/"
