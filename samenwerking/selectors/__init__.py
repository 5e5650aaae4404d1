"""Reads of the register shared by the pages, the API and the exports.

Each selector returns rows in a fixed number of queries, whatever the number of rows:
`basis` (year bounds, sums, the BBV test), `gemeente` (a gemeente's arrangements, totals,
search, partners) and `register` (search, national figures, art. 27 register, the
arrangement page, sources).
"""

from .basis import (
    TIJDSTEMPELS,
    bbv_toets,
    bijdrage_som,
    jaar_grenzen,
    zonder,
)
from .gemeente import (
    DEELNAMEVELDEN,
    VERBANDVELDEN,
    Kostentotalen,
    Partner,
    deelnames_van_gemeente,
    gemeenten_zoeken,
    kostentotalen,
    partners_van_gemeente,
)
from .register import (
    Herkomst,
    LandelijkeCijfers,
    Verbandoverzicht,
    art27_register,
    bron_omschrijving,
    herkomst_van_het_register,
    landelijke_cijfers,
    registerstand,
    samenwerkingsverband_overzicht,
    samenwerkingsverbanden_zoeken,
)

__all__ = [
    "DEELNAMEVELDEN",
    "TIJDSTEMPELS",
    "VERBANDVELDEN",
    "Herkomst",
    "Kostentotalen",
    "LandelijkeCijfers",
    "Partner",
    "Verbandoverzicht",
    "art27_register",
    "bbv_toets",
    "bijdrage_som",
    "bron_omschrijving",
    "deelnames_van_gemeente",
    "gemeenten_zoeken",
    "herkomst_van_het_register",
    "jaar_grenzen",
    "kostentotalen",
    "landelijke_cijfers",
    "partners_van_gemeente",
    "registerstand",
    "samenwerkingsverband_overzicht",
    "samenwerkingsverbanden_zoeken",
    "zonder",
]
