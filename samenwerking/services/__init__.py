"""Writes to the register. Admin, API, spreadsheet imports, importers and management commands
call these; nothing else saves, changes or deletes a register row.

- `schrijven`: the one way to write: a row (`rij_opslaan`), many rows of one model
  (`rijen_opslaan`, also for the importers), deletions and a restore. Each runs in one
  transaction, validates like `full_clean()`, applies the model's rules across rows and gives
  the register a new version for the page cache when it commits.
- `regels`: the rules across rows and the one mapping of a model to its rules (which every
  surface reaches through `schrijven`, never per model).
- `register`: operations with a name of their own (`deelname_beeindigen`, `zetel_beeindigen`,
  `bijdrage_vastleggen`, …), keyword-only and typed.

Errors are `ValidationError`s keyed by field, with a Dutch message and a `code`.
"""

from .regels import Regels, registreren
from .register import (
    JAARCIJFERS_VELDEN,
    bijdrage_opslaan,
    bijdrage_vastleggen,
    bijdrage_waarschuwingen,
    deelname_beeindigen,
    deelname_opslaan,
    deelnames_beeindigen,
    jaarcijfers_vastleggen,
    samenwerkingsverband_opslaan,
    zetel_beeindigen,
    zetel_opslaan,
)
from .schrijven import (
    Rijfouten,
    regels_controleren,
    rij_controleren,
    rij_opslaan,
    rij_verwijderen,
    rijen_controleren,
    rijen_herstellen,
    rijen_opslaan,
    rijen_verwijderen,
)

__all__ = [
    "JAARCIJFERS_VELDEN",
    "Regels",
    "Rijfouten",
    "bijdrage_opslaan",
    "bijdrage_vastleggen",
    "bijdrage_waarschuwingen",
    "deelname_beeindigen",
    "deelname_opslaan",
    "deelnames_beeindigen",
    "jaarcijfers_vastleggen",
    "regels_controleren",
    "registreren",
    "rij_controleren",
    "rij_opslaan",
    "rij_verwijderen",
    "rijen_controleren",
    "rijen_herstellen",
    "rijen_opslaan",
    "rijen_verwijderen",
    "samenwerkingsverband_opslaan",
    "zetel_beeindigen",
    "zetel_opslaan",
]
