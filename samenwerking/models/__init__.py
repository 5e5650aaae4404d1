"""The register's models, one module per part of the register; every name is importable from
`samenwerking.models` as before the split.

- `basis`: `RegisterModel` (uuid, timestamps, history), `ZichtbareTekst` (every stored text
  without characters that show nothing), `DatumsInBereik` (every stored date
  within 1900-01-01..2100-12-31, for RegisterModel and Gemeente), `MetPeriode` (a row's half-open
  period: `is_actief_op`, `overlapt`, `objects.actief_op`; the rule is `samenwerking.periode`)
  and the helpers for recurring fields and checks.
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
    MetPeriode,
    PeriodeQuerySet,
    RegisterModel,
    ZichtbareTekst,
    bedrag_veld,
    bereik,
    bron_veld,
    code_formaat,
    datum_veld,
    eind_na_begin,
    ja_nee_veld,
    jaar_bereik,
    jaar_veld,
    link_veld,
    percentage_bereik,
    percentage_veld,
    precies_dan,
    roo_stand_veld,
    roo_systeem_id_veld,
    tekst_veld,
    uniek,
    veldfout,
)
from .deelname import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    DeelnameQuerySet,
    Persoon,
    Zetel,
)
from .documenten import Bronimport, Document, Jaarcijfers
from .gebied import Gemeente, Herindeling, Inwonertal, Provincie, gemeente_veld
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
    "Herindeling",
    "Inwonertal",
    "Jaarcijfers",
    "MetPeriode",
    "Organisatie",
    "PeriodeQuerySet",
    "Persoon",
    "Provincie",
    "Regelingversie",
    "RegisterModel",
    "Registerversie",
    "Samenwerkingsverband",
    "SamenwerkingsverbandQuerySet",
    "WettelijkeGrondslag",
    "Zetel",
    "ZichtbareTekst",
    "bedrag_veld",
    "bereik",
    "bron_veld",
    "code_formaat",
    "datum_veld",
    "eind_na_begin",
    "gemeente_veld",
    "ja_nee_veld",
    "jaar_bereik",
    "jaar_veld",
    "link_veld",
    "loopt_op",
    "overlapt",
    "percentage_bereik",
    "percentage_veld",
    "periode_overlapt_q",
    "periode_q",
    "precies_dan",
    "roo_stand_veld",
    "roo_systeem_id_veld",
    "samenwerkingsverband_veld",
    "tekst_veld",
    "uniek",
    "veldfout",
]
