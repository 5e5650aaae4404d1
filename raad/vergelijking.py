"""A regeling's begroting beside its jaarrekening, year by year: what the arrangement page
shows under "Begroting en jaarrekening over de jaren"."""

from dataclasses import dataclass
from decimal import Decimal

from samenwerking.constants import JaarcijfersSoort
from samenwerking.models import Jaarcijfers

JAREN = 10


def _cijfer(stuk: str, bedrag: str) -> property:
    """A read-only amount of the year's begroting or rekening (STUK); None when not recorded."""

    def waarde(rij) -> Decimal | None:
        jaarcijfers = getattr(rij, stuk)
        return getattr(jaarcijfers, bedrag) if jaarcijfers else None

    return property(waarde)


@dataclass(frozen=True)
class BegrotingEnRekening:
    jaar: int
    begroting: Jaarcijfers | None
    rekening: Jaarcijfers | None

    begroting_resultaat = _cijfer("begroting", "resultaat")
    rekening_resultaat = _cijfer("rekening", "resultaat")
    begroting_lasten = _cijfer("begroting", "lasten")
    rekening_lasten = _cijfer("rekening", "lasten")


def begroting_en_rekening(jaarcijfers: list[Jaarcijfers]) -> list[BegrotingEnRekening]:
    """The last ten years with figures, each with its begroting and its jaarrekening (None
    when not recorded). No queries: made from the arrangement's jaarcijfers as read."""
    per_jaar: dict[int, dict[str, Jaarcijfers]] = {}
    for c in jaarcijfers:
        per_jaar.setdefault(c.jaar, {})[c.soort] = c
    return [
        BegrotingEnRekening(
            jaar=jaar,
            begroting=per_jaar[jaar].get(JaarcijfersSoort.BEGROTING),
            rekening=per_jaar[jaar].get(JaarcijfersSoort.JAARREKENING),
        )
        for jaar in sorted(per_jaar)[-JAREN:]
    ]
