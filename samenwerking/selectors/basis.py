"""Building blocks of the selectors: the half-open year, fields to read and fields not to read,
rows grouped by the row they belong to."""

import datetime
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


# What published verbonden-partijen lists show of a deelname besides its share (issue 19):
# the programme of the gemeente's own budget, the owner's and the client's role, shares and
# the recorded shares in a deficit and in the equity.
VERBONDEN_PARTIJ_VELDEN = (
    "programma",
    "eigenaarsrol",
    "opdrachtgeversrol",
    "aandelen_aantal",
    "aandelen_percentage",
    "aandeel_tekort",
    "aandeel_eigen_vermogen",
)

# Columns no list shows; parsing timestamps is a large part of reading wide rows.
TIJDSTEMPELS = ("created_at", "updated_at")


def zonder(*velden: str, via: str = "") -> list[str]:
    """Field paths to defer: `velden` on the model reached through `via` (e.g. "persoon__")."""
    return [f"{via}{veld}" for veld in velden]


def per_sleutel(rijen: Iterable[T], sleutel: str) -> dict[object, list[T]]:
    """`rijen` (e.g. a queryset, read here) in lists per value of their attribute `sleutel`
    (e.g. "deelname_id"), in their order: the rows of one query handed out to the rows they
    belong to."""
    groepen: dict[object, list[T]] = {}
    for rij in rijen:
        groepen.setdefault(getattr(rij, sleutel), []).append(rij)
    return groepen
