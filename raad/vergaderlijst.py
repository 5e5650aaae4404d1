"""The meetings of regelingen as one list for the API, paged in the database's time: the
`Vergadering` rows and the vaststellingsvergaderingen as meetings of the algemeen bestuur,
exactly as the calendars show them (raad.vergaderregels), in one order.

The order always starts with the date, so a page is found from the number of meetings per day
(counted in the database) and only the days on the page are read and merged.
"""

import datetime
from operator import attrgetter

from django.db.models import QuerySet
from django.utils.functional import cached_property

from .models import Vergadering
from .vergaderregels import vergaderingen_met_vaststellingen, vergaderingen_per_dag


def geordend(vergaderingen: list[Vergadering], volgorde) -> list[Vergadering]:
    """In the order of these model fields (each with a minus sign for descending), as the
    database would order them; equal values in the order of creation."""
    rijen = sorted(vergaderingen, key=lambda v: (v.created_at, str(v.uuid)))
    for veld in reversed(volgorde):
        waarde = attrgetter(veld.lstrip("-").replace("__", "."))
        rijen.sort(key=waarde, reverse=veld.startswith("-"))
    return rijen


class Vergaderlijst:
    """A sequence for Django's Paginator: `count()` in two queries (meetings per day), a
    slice in two more (the meetings of the days it covers), whatever the number of rows.
    `volgorde` is a list of model fields starting with `datum` or `-datum`."""

    def __init__(self, vergaderingen: QuerySet, vaststellingen: QuerySet, volgorde):
        if volgorde[0].lstrip("-") != "datum":
            raise ValueError("The meetings are ordered by date first.")
        self.vergaderingen = vergaderingen
        self.vaststellingen = vaststellingen
        self.volgorde = list(volgorde)

    @cached_property
    def per_dag(self) -> list[tuple[datetime.date, int]]:
        aantallen = vergaderingen_per_dag(self.vergaderingen, self.vaststellingen)
        return sorted(aantallen.items(), reverse=self.volgorde[0].startswith("-"))

    def count(self) -> int:
        return sum(aantal for _datum, aantal in self.per_dag)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, deel):
        if not isinstance(deel, slice) or deel.step not in (None, 1):
            raise TypeError("Only a slice of the meetings can be read.")
        begin, eind, _stap = deel.indices(self.count())
        dagen, voor = [], 0  # the days the slice covers; the meetings before the first
        gezien = 0
        for datum, aantal in self.per_dag:
            if gezien + aantal > begin and gezien < eind:
                if not dagen:
                    voor = gezien
                dagen.append(datum)
            gezien += aantal
        if not dagen:
            return []
        vaststellingen = list(self.vaststellingen.filter(datum__in=dagen))
        # A Vergadering of the algemeen bestuur on a vaststellingsvergadering's day is read
        # too: its agenda and besluitenlijst go to that meeting (vergaderingen_met_vaststellingen).
        vergaderingen = self.vergaderingen.filter(datum__in=dagen)
        rijen = geordend(
            vergaderingen_met_vaststellingen(vergaderingen, vaststellingen), self.volgorde
        )
        return rijen[begin - voor : eind - voor]
