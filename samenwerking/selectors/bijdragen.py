"""Sums of bijdragen, the one place where they are worked out: per deelname in a year and the
year before (on deelnames read with `bijdragen_in_jaar` and `sommen_vorig_jaar`), over a list
of rows (a total), and per year for one arrangement. A sum without any recorded amount is None
("onbekend"), never 0."""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Subquery, Sum

from ..constants import BijdrageSoort
from ..models import Bijdrage, Deelname, Samenwerkingsverband

BIJDRAGEVELDEN = ("uuid", "deelname", "jaar", "soort", "onderdeel", "bedrag")


def bijdragen_in_jaar(jaar: int) -> Prefetch:
    """Prefetch of a deelname's bijdragen of `jaar`, by soort and onderdeel, as
    `bijdragen_in_jaar`: what `bijdragesommen` sums."""
    return Prefetch(
        "bijdragen",
        queryset=Bijdrage.objects.filter(jaar=jaar)
        .only(*BIJDRAGEVELDEN)
        .order_by("soort", "onderdeel"),
        to_attr="bijdragen_in_jaar",
    )


def sommen_vorig_jaar(jaar: int) -> dict[str, Subquery]:
    """Annotations of a deelname's sums of the year before `jaar`, summed by PostgreSQL in
    the deelnames' own query: `bijdrage_begroot_vorig_jaar`, `bijdrage_gerealiseerd_vorig_jaar`
    (no surface shows those bijdragen one by one)."""

    def som(soort: str) -> Subquery:
        return Subquery(
            Bijdrage.objects.filter(deelname=OuterRef("pk"), jaar=jaar - 1, soort=soort)
            .order_by()
            .values("deelname")
            .annotate(som=Sum("bedrag"))
            .values("som")
        )

    return {
        "bijdrage_begroot_vorig_jaar": som(BijdrageSoort.BEGROOT),
        "bijdrage_gerealiseerd_vorig_jaar": som(BijdrageSoort.GEREALISEERD),
    }


def bijdragesommen(deelname: Deelname) -> None:
    """Sets on `deelname` (read with `bijdragen_in_jaar(jaar)` and `sommen_vorig_jaar(jaar)`)
    `bijdrage_begroot` and `bijdrage_gerealiseerd` of the year; those of the year before came
    with the row."""

    def som(soort: str) -> Decimal | None:
        return totaal(b.bedrag for b in deelname.bijdragen_in_jaar if b.soort == soort)

    deelname.bijdrage_begroot = som(BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd = som(BijdrageSoort.GEREALISEERD)


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
