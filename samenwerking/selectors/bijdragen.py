"""Sums of bijdragen, the one place where they are worked out: per deelname in a year and the
year before (from its bijdragen read with `bijdragen_van_jaar`), over a list of rows (a
total), and per year for one arrangement. A sum without any recorded amount is None
("onbekend"), never 0."""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import QuerySet, Sum

from ..constants import BijdrageSoort
from ..models import Bijdrage, Deelname, Samenwerkingsverband

BIJDRAGEVELDEN = ("uuid", "deelname", "jaar", "soort", "onderdeel", "bedrag")


def bijdragen_van_jaar(jaar: int, *, vorig_jaar: bool = True) -> QuerySet[Bijdrage]:
    """Bijdragen of `jaar` and, with `vorig_jaar`, of the year before, by soort and onderdeel:
    read per deelname as its `gelezen_bijdragen`, what `bijdragesommen` sums."""
    return (
        Bijdrage.objects.filter(jaar__in=[jaar - 1, jaar] if vorig_jaar else [jaar])
        .only(*BIJDRAGEVELDEN)
        .order_by("soort", "onderdeel")
    )


def bijdragesommen(deelname: Deelname, jaar: int, *, vorig_jaar: bool = True) -> None:
    """Sets on `deelname` (read with `bijdragen_van_jaar(jaar)`) `bijdrage_begroot` and
    `bijdrage_gerealiseerd` of `jaar` and, with `vorig_jaar`, of the year before
    (`…_vorig_jaar`; without it those are not set: the year before was not read)."""

    def som(in_jaar: int, soort: str) -> Decimal | None:
        return totaal(
            b.bedrag for b in deelname.gelezen_bijdragen if b.jaar == in_jaar and b.soort == soort
        )

    deelname.bijdrage_begroot = som(jaar, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd = som(jaar, BijdrageSoort.GEREALISEERD)
    if not vorig_jaar:
        return
    deelname.bijdrage_begroot_vorig_jaar = som(jaar - 1, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd_vorig_jaar = som(jaar - 1, BijdrageSoort.GEREALISEERD)


def totaal(bedragen: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the known amounts; None when none is known (unknown does not count as 0)."""
    bekend = [bedrag for bedrag in bedragen if bedrag is not None]
    return sum(bekend, Decimal(0)) if bekend else None


def bijdragen_per_jaar(
    verband: Samenwerkingsverband,
) -> list[tuple[int, Decimal | None, Decimal | None]]:
    """(jaar, begroot, gerealiseerd) over all deelnames of `verband`, by year. One query."""
    per_jaar: dict[int, dict[str, Decimal]] = {}
    for rij in (
        Bijdrage.objects.filter(deelname__samenwerkingsverband=verband)
        .values("jaar", "soort")
        .annotate(som=Sum("bedrag"))
        .order_by("jaar")
    ):
        per_jaar.setdefault(rij["jaar"], {})[rij["soort"]] = rij["som"]
    return [
        (jaar, sommen.get(BijdrageSoort.BEGROOT), sommen.get(BijdrageSoort.GEREALISEERD))
        for jaar, sommen in sorted(per_jaar.items())
    ]
