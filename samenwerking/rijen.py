"""Light rows for the hottest read of the register: a gemeente's arrangements.

`selectors.deelnames_van_gemeente` fills these from tuples (`values_list`) instead of model
instances: at national scale, building ~400 model objects and wiring their prefetches per
request cost more than the queries themselves. The rows offer what the gemeente page and the
API read (the same attribute names as the models, and `get_…_display` for choices), and what
`selectors.bbv_toets` needs, so the BBV rule stays in one place.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.db import models

from .constants import (
    BijdrageSoort,
    DeelnameRol,
    DeelnemendOrgaan,
    Functie,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from .models import loopt_op, overlapt


@cache
def _labels(keuzes: type[models.TextChoices]) -> dict:
    return dict(keuzes.choices)


def label(keuzes: type[models.TextChoices], waarde: str):
    """The Dutch text of a choice value, like a model's get_FOO_display()."""
    return _labels(keuzes).get(waarde, waarde)


@dataclass(slots=True)
class DomeinRij:
    code: str
    naam: str

    def __str__(self):
        return self.naam


@dataclass(slots=True)
class VerbandRij:
    id: int
    uuid: uuid.UUID
    naam: str
    afkorting: str
    vorm: str
    vestigingsplaats: str
    verplicht: bool
    domeinen: list[DomeinRij] = field(default_factory=list)

    def get_vorm_display(self):
        return label(Vorm, self.vorm)


@dataclass(slots=True)
class PersoonRij:
    uuid: uuid.UUID
    naam: str
    partij: str


@dataclass(slots=True)
class OrgaanRij:
    uuid: uuid.UUID
    soort: str
    naam: str

    def __str__(self):
        return self.naam or str(label(OrgaanSoort, self.soort))


@dataclass(slots=True)
class ZetelRij:
    uuid: uuid.UUID
    functie: str
    rol: str
    begindatum: datetime.date | None
    einddatum: datetime.date | None
    persoon: PersoonRij
    bestuursorgaan: OrgaanRij

    def get_functie_display(self):
        return label(Functie, self.functie)

    def get_rol_display(self):
        return label(ZetelRol, self.rol)

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.begindatum, self.einddatum)

    def overlapt(self, van: datetime.date, tot: datetime.date) -> bool:
        return overlapt(self.begindatum, self.einddatum, van, tot)


@dataclass(slots=True)
class BijdrageRij:
    uuid: uuid.UUID
    jaar: int
    soort: str
    onderdeel: str
    bedrag: Decimal

    def get_soort_display(self):
        return label(BijdrageSoort, self.soort)


@dataclass(slots=True)
class DeelnameRij:
    """One deelname of the gemeente. The selector adds what it works out: the seats on the
    peildatum, the bijdragen of the year, the BBV test and the sums (see `bbv_toets`)."""

    id: int
    uuid: uuid.UUID
    toetredingsdatum: datetime.date | None
    uittredingsdatum: datetime.date | None
    rol: str
    verdeelsleutel: Decimal | None
    stemmen: int | None
    aansprakelijk: bool
    deelnemende_bestuursorganen: list[str]
    bestuurlijk_belang_vastgelegd: bool | None
    financieel_belang_vastgelegd: bool | None
    belang_toelichting: str
    samenwerkingsverband: VerbandRij
    gelezen_zetels: list[ZetelRij] = field(default_factory=list)
    gelezen_bijdragen: list[BijdrageRij] = field(default_factory=list)
    vertegenwoordigers: list[ZetelRij] = field(default_factory=list)
    bijdragen_in_jaar: list[BijdrageRij] = field(default_factory=list)
    bestuurlijk_belang: bool = False
    financieel_belang: bool = False
    verbonden_partij: bool = False
    bbv_redenen: str = ""
    bijdrage_begroot: Decimal | None = None
    bijdrage_gerealiseerd: Decimal | None = None
    bijdrage_begroot_vorig_jaar: Decimal | None = None
    bijdrage_gerealiseerd_vorig_jaar: Decimal | None = None

    @property
    def pk(self) -> int:
        return self.id

    def get_rol_display(self):
        return label(DeelnameRol, self.rol)

    @property
    def deelnemende_bestuursorganen_labels(self) -> list[str]:
        return [str(label(DeelnemendOrgaan, o)) for o in self.deelnemende_bestuursorganen]
