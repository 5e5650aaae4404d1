"""The register's models, one module per part of the register; every name is importable from
`samenwerking.models` as before the split.

- `basis`: `RegisterModel` (uuid, timestamps, history); periods are `samenwerking.periode`.
- `gebied`: Provincie, Gemeente, Herindeling, Inwonertal.
- `verband`: Organisatie, Domein, Samenwerkingsverband, WettelijkeGrondslag, Bevoegdheid,
  Regelingversie.
- `deelname`: Deelname, Bestuursorgaan, Persoon, Zetel, Bijdrage.
- `documenten`: Document, Jaarcijfers, Bronimport.
"""

from ..periode import loopt_op, overlapt, periode_overlapt_q, periode_q
from ..registerversie import Registerversie
from .basis import (
    JAAR_VALIDATORS,
    RegisterModel,
    eind_na_begin,
    jaar_bereik,
    precies_dan,
    roo_stand_veld,
)
from .deelname import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    DeelnameQuerySet,
    Persoon,
    Zetel,
    ZetelQuerySet,
)
from .documenten import Bronimport, Document, Jaarcijfers
from .gebied import Gemeente, GemeenteQuerySet, Herindeling, Inwonertal, Provincie
from .verband import (
    WGR_2022,
    Bevoegdheid,
    Domein,
    Organisatie,
    Regelingversie,
    Samenwerkingsverband,
    SamenwerkingsverbandQuerySet,
    WettelijkeGrondslag,
    samenwerkingsverband_veld,
)

__all__ = [
    "JAAR_VALIDATORS",
    "WGR_2022",
    "Bestuursorgaan",
    "Bevoegdheid",
    "Bijdrage",
    "Bronimport",
    "Deelname",
    "DeelnameQuerySet",
    "Document",
    "Domein",
    "Gemeente",
    "GemeenteQuerySet",
    "Herindeling",
    "Inwonertal",
    "Jaarcijfers",
    "Organisatie",
    "Persoon",
    "Provincie",
    "Regelingversie",
    "RegisterModel",
    "Registerversie",
    "Samenwerkingsverband",
    "SamenwerkingsverbandQuerySet",
    "WettelijkeGrondslag",
    "Zetel",
    "ZetelQuerySet",
    "eind_na_begin",
    "jaar_bereik",
    "loopt_op",
    "overlapt",
    "periode_overlapt_q",
    "periode_q",
    "precies_dan",
    "roo_stand_veld",
    "samenwerkingsverband_veld",
]
