"""The meetings of regelingen as one list for the API, ordered and paged by the database: the
`Vergadering` rows and the vaststellingsvergaderingen as meetings of the algemeen bestuur,
exactly as the calendars show them (raad.vergaderregels), in one order.

One query orders both kinds of meeting (the UNION ALL of `vergaderingen_als_rijen`, with
the database's collation) and gives a page's meetings by LIMIT/OFFSET; two more read those
meetings' rows, which `vergaderingen_met_vaststellingen` makes into the meetings, in that
order. The count is one more query (a UNION of its own), asked only when the page is full:
`Vergaderpaginator` reads the page first, and a page that is not full ends the list.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import OrderBy, Q, QuerySet

from .constants import VergaderingSoort
from .models import Vergadering
from .vergaderregels import (
    RIJKOLOMMEN,
    VASTSTELLINGSVERGADERING,
    VERGADERING,
    vergaderingen_als_rijen,
    vergaderingen_met_vaststellingen,
)

# The order's model fields as columns of `vergaderingen_als_rijen`.
KOLOMMEN = {"datum": "dag", "samenwerkingsverband__naam": "naam"}
# Equal in the requested order: in the order of creation, then a fixed one.
TOT_SLOT = ("aangemaakt", "bron", "nr")


def _sleutel(rij: dict) -> tuple:
    """A meeting of the list: a `Vergadering` by its pk, a vaststellingsvergadering by its
    regeling and day."""
    if rij["bron"] == VERGADERING:
        return (VERGADERING, rij["nr"])
    return (VASTSTELLINGSVERGADERING, rij["verband"], rij["dag"])


def _sleutel_van(vergadering: Vergadering) -> tuple:
    if vergadering.pk is not None:
        return (VERGADERING, vergadering.pk)
    return (VASTSTELLINGSVERGADERING, vergadering.samenwerkingsverband_id, vergadering.datum)


def _samen(delen: list[QuerySet], volgorde: list[str], tot: int | None = None) -> QuerySet:
    """The UNION ALL of the parts in this order. With `tot`, only the first `tot` rows are
    asked for: on PostgreSQL each part gives its own first `tot` (its ORDER BY and LIMIT
    read from an index and stop early), otherwise the union is ordered whole."""
    if tot is not None and connections[delen[0].db].features.supports_slicing_ordering_in_compound:
        delen = [deel.order_by(*volgorde)[:tot] for deel in delen]
    return delen[0].union(*delen[1:], all=True).order_by(*volgorde)


class Vergaderlijst:
    """The meetings for `Vergaderpaginator`: `count()` in one query, `pagina()` in three (the
    page's meetings in order, then their `Vergadering` rows and their vaststellingen),
    whatever the number of rows. `volgorde` is a list of the model fields `datum` and
    `samenwerkingsverband__naam`, each with a minus sign for descending, or their `OrderBy`."""

    def __init__(self, vergaderingen: QuerySet, vaststellingen: QuerySet, volgorde):
        self.volgorde = []
        for veld in volgorde:
            if isinstance(veld, OrderBy):  # from `ordering` (samenwerking.api.filters.Volgorde);
                # both columns have a value in every row, so "without a value last" is moot.
                veld = f"{'-' if veld.descending else ''}{veld.expression.name}"
            naam = veld.lstrip("-")
            if naam not in KOLOMMEN:
                raise ValueError(f"The meetings cannot be ordered by {naam}.")
            self.volgorde.append(veld.replace(naam, KOLOMMEN[naam]))
        self.volgorde += TOT_SLOT
        self.vergaderingen = vergaderingen
        self.vaststellingen = vaststellingen

    def count(self) -> int:
        # Only the key column: no join to the regelingen.
        delen = vergaderingen_als_rijen(self.vergaderingen, self.vaststellingen, ("nr",))
        return _samen(delen, []).count()

    def pagina(self, begin: int, eind: int) -> list[Vergadering]:
        """The meetings begin..eind in order; fewer (or none) at the end of the list."""
        # The regeling's name only when the order asks for it (otherwise no join).
        op_naam = any(veld.lstrip("-") == "naam" for veld in self.volgorde)
        kolommen = [k for k in RIJKOLOMMEN if k != "naam" or op_naam]
        delen = vergaderingen_als_rijen(self.vergaderingen, self.vaststellingen, kolommen)
        volgorde = [_sleutel(rij) for rij in _samen(delen, self.volgorde, eind)[begin:eind]]
        if not volgorde:
            return []
        nummers = [sleutel[1] for sleutel in volgorde if sleutel[0] == VERGADERING]
        dagen = [sleutel[1:] for sleutel in volgorde if sleutel[0] != VERGADERING]
        gelezen = Q(pk__in=nummers)
        vaststellingen = []
        if dagen:
            # The regelingen and days of the page's vaststellingsvergaderingen: a few rows of
            # other meetings may come along, and are left out below.
            op_die_dagen = Q(
                samenwerkingsverband__in={verband for verband, _dag in dagen},
                datum__in={dag for _verband, dag in dagen},
            )
            vaststellingen = list(self.vaststellingen.filter(op_die_dagen).order_by())
            # The Vergadering of the algemeen bestuur that gives way to the vaststellingsvergadering
            # of its day is read too: its agenda and besluitenlijst go to that meeting.
            gelezen |= Q(soort=VergaderingSoort.ALGEMEEN_BESTUUR) & op_die_dagen
        vergaderingen = list(self.vergaderingen.filter(gelezen).order_by())
        plaats = {sleutel: i for i, sleutel in enumerate(volgorde)}
        rijen = [
            v
            for v in vergaderingen_met_vaststellingen(vergaderingen, vaststellingen)
            if _sleutel_van(v) in plaats
        ]
        return sorted(rijen, key=lambda v: plaats[_sleutel_van(v)])


class Vergaderpaginator(Paginator):
    """Django's paginator over a `Vergaderlijst`, reading the page before the count: a page
    that is not full ends the list, so its count is known without counting (a regeling's
    meetings mostly fit on one page); only a full page asks `Vergaderlijst.count()`. A page
    past the last is `EmptyPage`, as with Django's own order (DRF answers it with a 404)."""

    def page(self, number):
        try:
            nummer = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if nummer < 1:
            raise EmptyPage(self.error_messages["min_page"])
        begin = (nummer - 1) * self.per_page
        vergaderingen = self.object_list.pagina(begin, begin + self.per_page)
        if not vergaderingen and nummer > 1:
            raise EmptyPage(self.error_messages["no_results"])
        if len(vergaderingen) < self.per_page:
            self.count = begin + len(vergaderingen)  # instead of Paginator's counting
        return self._get_page(vergaderingen, nummer, self)
