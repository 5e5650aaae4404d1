"""Financial ratios the council's lists and comparisons compute from recorded figures: the
solvabiliteit of an arrangement, a share of its equity, an amount per inwoner and the median
of a comparison. Each returns None ("onbekend") when a figure it needs is not recorded; an
unknown figure never counts as 0."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

HONDERD = Decimal(100)
CENT = Decimal("0.01")
VERDEELSLEUTEL = Decimal("0.0001")  # Deelname.verdeelsleutel: percent with four decimals


def bedrag_json(bedrag: Decimal | None) -> str | None:
    """An amount in euros as every JSON document writes it: a decimal string with two decimals
    ("1234.56"), null when unknown (never 0)."""
    return None if bedrag is None else f"{bedrag:.2f}"


def verdeelsleutel_json(sleutel: Decimal | None) -> str | None:
    """A verdeelsleutel as every JSON document writes it (core API, kosten per inwoner,
    verbonden-partijen list): a decimal string with the four decimals it is stored with, as
    the API's DecimalField writes it ("45.5000"); null when unknown."""
    return None if sleutel is None else f"{sleutel.quantize(VERDEELSLEUTEL):f}"


def solvabiliteit(
    eigen_vermogen: Decimal | None, vreemd_vermogen: Decimal | None
) -> Decimal | None:
    """Eigen vermogen / totaal vermogen (eigen + vreemd), in percent with two decimals.
    Onbekend when either is missing or the total is not positive (no ratio to speak of)."""
    if eigen_vermogen is None or vreemd_vermogen is None:
        return None
    totaal_vermogen = eigen_vermogen + vreemd_vermogen
    if totaal_vermogen <= 0:
        return None
    return (eigen_vermogen / totaal_vermogen * HONDERD).quantize(CENT, ROUND_HALF_UP)


def aandeel(bedrag: Decimal | None, percentage: Decimal | None) -> Decimal | None:
    """`percentage` percent of `bedrag`, in cents; onbekend when either is."""
    if bedrag is None or percentage is None:
        return None
    return (bedrag * percentage / HONDERD).quantize(CENT, ROUND_HALF_UP)


def per_inwoner(bedrag: Decimal | None, inwoners: int | None) -> Decimal | None:
    """An amount per inwoner in cents; onbekend without the amount or the inwoners."""
    if bedrag is None or not inwoners:
        return None
    return (bedrag / inwoners).quantize(CENT, ROUND_HALF_UP)


class PerInwoner:
    """For a row with `begroot`, `gerealiseerd` and `inwoners`: both amounts per inwoner."""

    begroot: Decimal | None
    gerealiseerd: Decimal | None
    inwoners: int | None

    @property
    def begroot_per_inwoner(self) -> Decimal | None:
        return per_inwoner(self.begroot, self.inwoners)

    @property
    def gerealiseerd_per_inwoner(self) -> Decimal | None:
        return per_inwoner(self.gerealiseerd, self.inwoners)


def mediaan(waarden: Iterable[Decimal | None]) -> Decimal | None:
    """The median of the known values (the mean of the middle two for an even count);
    onbekend when none is known."""
    bekend = sorted(w for w in waarden if w is not None)
    if not bekend:
        return None
    midden = len(bekend) // 2
    if len(bekend) % 2:
        return bekend[midden]
    return ((bekend[midden - 1] + bekend[midden]) / 2).quantize(CENT, ROUND_HALF_UP)
