"""The half-open period [begin, eind), the one way the register reads dates that bound a row.

A start date is the first day something holds, an end date the first day it no longer holds:
a deelname that ends on 2024-01-01 is not running on 2024-01-01, and its successor's that
starts on that day does not overlap it. An empty start means "since before the register", an
empty end "still running". Every surface asks these functions (in Python for rows at hand,
as a `Q` for querysets), so the rule is written once: models, selectors, services, admin
filters, resources, herindeling and the importers.
"""

import datetime

from django.db.models import Q

Datum = datetime.date | None


def loopt_op(datum: datetime.date, begin: Datum, eind: Datum) -> bool:
    """[begin, eind) contains `datum`."""
    return (begin is None or begin <= datum) and (eind is None or datum < eind)


def overlapt(a_begin: Datum, a_eind: Datum, b_begin: Datum, b_eind: Datum) -> bool:
    """[a_begin, a_eind) and [b_begin, b_eind) share at least one day."""
    begint_voor_einde_b = a_begin is None or b_eind is None or a_begin < b_eind
    begint_b_voor_einde_a = b_begin is None or a_eind is None or b_begin < a_eind
    return begint_voor_einde_b and begint_b_voor_einde_a


def geeindigd(datum: datetime.date, eind: Datum) -> bool:
    """The period is over on `datum`: it ended on that day or before."""
    return eind is not None and eind <= datum


def jaar(jaartal: int) -> tuple[datetime.date, datetime.date]:
    """The calendar year as a period: [1 January, 1 January of the next year)."""
    return datetime.date(jaartal, 1, 1), datetime.date(jaartal + 1, 1, 1)


def periode_q(datum: datetime.date, begin: str, eind: str, prefix: str = "") -> Q:
    """Rows whose [begin, eind) contains `datum` (`prefix`: the path to the row, e.g.
    `deelnames__`)."""
    return (Q(**{f"{prefix}{begin}__isnull": True}) | Q(**{f"{prefix}{begin}__lte": datum})) & (
        Q(**{f"{prefix}{eind}__isnull": True}) | Q(**{f"{prefix}{eind}__gt": datum})
    )


def periode_overlapt_q(
    van: datetime.date, tot: datetime.date, begin: str, eind: str, prefix: str = ""
) -> Q:
    """Rows whose [begin, eind) shares at least one day with [van, tot)."""
    return (Q(**{f"{prefix}{begin}__isnull": True}) | Q(**{f"{prefix}{begin}__lt": tot})) & (
        Q(**{f"{prefix}{eind}__isnull": True}) | Q(**{f"{prefix}{eind}__gt": van})
    )


def geeindigd_q(datum: datetime.date, eind: str, prefix: str = "") -> Q:
    """Rows whose period is over on `datum` (negate it for rows still running or to come)."""
    return Q(**{f"{prefix}{eind}__lte": datum})
