"""Reads of the register shared by the pages, the API and the exports.

Each selector returns model instances in a fixed number of queries, whatever the number of
rows: `basis` (the half-open year, fields not to read), `bijdragen` (every sum of bijdragen),
`gemeente` (a gemeente's deelnames with costs and the BBV test, totals, search, partners) and
`register` (search, national figures, art. 27 register, the arrangement page, sources). The
verbonden-partij test itself is `samenwerking.bbv`.
"""

from .basis import TIJDSTEMPELS, VERBONDEN_PARTIJ_VELDEN, jaar_grenzen, zonder
from .bijdragen import bijdragen_per_jaar, bijdragen_van_jaar, bijdragesommen, totaal
from .gemeente import (
    Groep,
    Kostentotalen,
    Partner,
    deelnames_per_groep,
    deelnames_van_gemeente,
    gemeenten_bedoeld,
    gemeenten_zoeken,
    groep,
    kostentotalen,
    met_hoofdthemas,
    met_inwonertal,
    partners_van_gemeente,
)
from .register import (
    Herkomst,
    LandelijkeCijfers,
    Verbandoverzicht,
    Zoekhulp,
    art27_register,
    bron_omschrijving,
    herkomst_van_het_register,
    landelijke_cijfers,
    registerstand,
    samenwerkingsverband_overzicht,
    samenwerkingsverbanden_zoeken,
    zoekhulp,
)
from .vergelijking import (
    Deelnemerkosten,
    EigenEnAnderen,
    Spreiding,
    Tijdreeks,
    bijdragen_over_de_jaren,
    kosten_per_deelnemer,
    per_inwoner_naast_anderen,
    ranglijst_van_domein,
    spreiding,
    verwante_domeinen,
)

__all__ = [
    "TIJDSTEMPELS",
    "VERBONDEN_PARTIJ_VELDEN",
    "Deelnemerkosten",
    "EigenEnAnderen",
    "Groep",
    "Herkomst",
    "Kostentotalen",
    "LandelijkeCijfers",
    "Partner",
    "Spreiding",
    "Tijdreeks",
    "Verbandoverzicht",
    "Zoekhulp",
    "art27_register",
    "bijdragen_over_de_jaren",
    "bijdragen_per_jaar",
    "bijdragen_van_jaar",
    "bijdragesommen",
    "bron_omschrijving",
    "deelnames_per_groep",
    "deelnames_van_gemeente",
    "gemeenten_bedoeld",
    "gemeenten_zoeken",
    "groep",
    "herkomst_van_het_register",
    "jaar_grenzen",
    "kosten_per_deelnemer",
    "kostentotalen",
    "landelijke_cijfers",
    "met_hoofdthemas",
    "met_inwonertal",
    "partners_van_gemeente",
    "per_inwoner_naast_anderen",
    "ranglijst_van_domein",
    "registerstand",
    "samenwerkingsverband_overzicht",
    "samenwerkingsverbanden_zoeken",
    "spreiding",
    "totaal",
    "verwante_domeinen",
    "zoekhulp",
    "zonder",
]
