"""A regeling's begroting beside its jaarrekening, year by year: what the arrangement page
shows under "Begroting en jaarrekening over de jaren"."""

from dataclasses import dataclass
from decimal import Decimal

from samenwerking.constants import JaarcijfersSoort
from samenwerking.models import Jaarcijfers

JAREN = 10


@dataclass(frozen=True)
class BegrotingEnRekening:
    jaar: int
    begroting: Jaarcijfers | None
    rekening: Jaarcijfers | None

    @property
    def begroting_resultaat(self) -> Decimal | None:
        return self.begroting.resultaat if self.begroting else None

    @property
    def rekening_resultaat(self) -> Decimal | None:
        return self.rekening.resultaat if self.rekening else None

    @property
    def begroting_lasten(self) -> Decimal | None:
        return self.begroting.lasten if self.begroting else None

    @property
    def rekening_lasten(self) -> Decimal | None:
        return self.rekening.lasten if self.rekening else None


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
