"""Building blocks of the selectors: the half-open year and fields not to read."""

import datetime


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


# Columns no list shows; parsing timestamps is a large part of reading wide rows.
TIJDSTEMPELS = ("created_at", "updated_at")


def zonder(*velden: str, via: str = "") -> list[str]:
    """Field paths to defer: `velden` on the model reached through `via` (e.g. "persoon__")."""
    return [f"{via}{veld}" for veld in velden]
