"""Building blocks of the selectors: year bounds, bijdrage sums, fields not to read, and the
BBV verbonden-partij test (`bbv_toets`), the one place where that rule lives."""

import datetime
from decimal import Decimal

from django.db.models import (
    OuterRef,
    Subquery,
    Sum,
)

from ..constants import BijdrageSoort
from ..models import (
    Bijdrage,
    Deelname,
    Zetel,
)
from ..rijen import DeelnameRij


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


def bijdrage_som(jaar: int, soort: str, deelname_ref: str = "pk") -> Subquery:
    """Sum of a deelname's bijdragen of one kind in `jaar`; NULL (onbekend) without rows."""
    return Subquery(
        Bijdrage.objects.filter(deelname=OuterRef(deelname_ref), jaar=jaar, soort=soort)
        .order_by()
        .values("deelname")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )


# Columns no list shows; parsing timestamps is a large part of reading wide rows.
TIJDSTEMPELS = ("created_at", "updated_at")
LANGE_VERBANDVELDEN = (
    *TIJDSTEMPELS,
    "doel",
    "verplicht_grondslag",
    "motieven",
    "bevoegdheidsverkrijgingen",
    "adres",
    "regeling_url",
    "website",
    "bron",
)


def zonder(*velden: str, via: str = "") -> list[str]:
    """Field paths to defer: `velden` on the model reached through `via` (e.g. "persoon__")."""
    return [f"{via}{veld}" for veld in velden]


def _som(bijdragen: list[Bijdrage], jaar: int, soort: str) -> Decimal | None:
    bedragen = [b.bedrag for b in bijdragen if b.jaar == jaar and b.soort == soort]
    return sum(bedragen, Decimal(0)) if bedragen else None


def bbv_toets(
    deelname: Deelname | DeelnameRij, *, jaar: int, zetels: list[Zetel], bijdragen: list[Bijdrage]
):
    """The verbonden-partij test of BBV art. 1 for one deelname in `jaar`, the one place where
    the rule lives. `zetels` and `bijdragen` are the deelname's rows already read (they may
    cover more than the year). Sets on the deelname:

    - `bestuurlijk_belang`: a seat held on its behalf on some day of the year, or a voting
      right through the deelname itself;
    - `financieel_belang`: a bijdrage in the year, or a recorded liability (aansprakelijk);
    - `verbonden_partij`: both;
    - `bijdrage_begroot`, `bijdrage_gerealiseerd` for the year and `…_vorig_jaar` for the year
      before: sums, None (onbekend) when nothing is recorded.
    """
    van, tot = jaar_grenzen(jaar)
    deelname.bestuurlijk_belang = bool(deelname.stemmen) or any(
        z.overlapt(van, tot) for z in zetels
    )
    deelname.financieel_belang = deelname.aansprakelijk or any(b.jaar == jaar for b in bijdragen)
    deelname.verbonden_partij = deelname.bestuurlijk_belang and deelname.financieel_belang
    deelname.bijdrage_begroot = _som(bijdragen, jaar, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd = _som(bijdragen, jaar, BijdrageSoort.GEREALISEERD)
    deelname.bijdrage_begroot_vorig_jaar = _som(bijdragen, jaar - 1, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd_vorig_jaar = _som(
        bijdragen, jaar - 1, BijdrageSoort.GEREALISEERD
    )
