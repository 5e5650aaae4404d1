"""Reads of the register shared by the pages, the API and the exports.

Each selector returns rows in a fixed number of queries, whatever the number of rows.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .constants import BRON_OMSCHRIJVINGEN, BRON_ROO, BijdrageSoort
from .models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Inwonertal,
    Samenwerkingsverband,
    Zetel,
    periode_q,
)
from .normalisatie import ROEPNAMEN, normaliseer_naam


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


def bestuurlijk_belang_in_jaar(jaar: int, deelname_ref: str = "pk") -> Q:
    """A deelname has a bestuurlijk belang in `jaar` (BBV art. 1): a seat held on its behalf at
    some day of that year, or a voting right through the deelname itself."""
    begin, eind = jaar_grenzen(jaar)
    zetel_in_jaar = Zetel.objects.filter(deelname=OuterRef(deelname_ref)).filter(
        Q(begindatum__isnull=True) | Q(begindatum__lt=eind),
        Q(einddatum__isnull=True) | Q(einddatum__gt=begin),
    )
    # "IS NOT NULL" keeps the result TRUE or FALSE: NULL > 0 would make the whole test NULL.
    return Q(Exists(zetel_in_jaar)) | Q(stemmen__isnull=False, stemmen__gt=0)


def financieel_belang_in_jaar(jaar: int, deelname_ref: str = "pk") -> Q:
    """A deelname has a financieel belang in `jaar` (BBV art. 1): a bijdrage in that year, or a
    recorded liability (aansprakelijk)."""
    bijdrage_in_jaar = Bijdrage.objects.filter(deelname=OuterRef(deelname_ref), jaar=jaar)
    return Q(Exists(bijdrage_in_jaar)) | Q(aansprakelijk=True)


def bijdrage_som(jaar: int, soort: str, deelname_ref: str = "pk") -> Subquery:
    """Sum of a deelname's bijdragen of one kind in `jaar`; NULL (onbekend) without rows."""
    return Subquery(
        Bijdrage.objects.filter(deelname=OuterRef(deelname_ref), jaar=jaar, soort=soort)
        .order_by()
        .values("deelname")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )


def _als_boolean(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def deelnames_van_gemeente(
    gemeente: Gemeente,
    *,
    peildatum: datetime.date | None = None,
    jaar: int | None = None,
) -> QuerySet[Deelname]:
    """Every deelname of `gemeente` that runs on `peildatum` (default today), one per
    arrangement, with what the page, API and exports show about it.

    Each row carries:
    - `samenwerkingsverband` (with its `centrumgemeente` and prefetched `domeinen`);
    - `vertegenwoordigers`: the seats held on its behalf on `peildatum`, with persoon and
      bestuursorgaan;
    - `bijdragen_in_jaar`: its Bijdrage rows of `jaar` (default the peildatum's year);
    - `bijdrage_begroot`, `bijdrage_gerealiseerd`: sums for `jaar`, None when unknown;
    - `bestuurlijk_belang`, `financieel_belang`, `verbonden_partij`: the BBV test for `jaar`.

    Queries: 1 for the rows, 1 for domeinen, 1 for seats, 1 for bijdragen.
    """
    peildatum = peildatum or timezone.localdate()
    jaar = jaar or peildatum.year
    zetels = (
        Zetel.objects.filter(periode_q(peildatum, "begindatum", "einddatum"))
        .select_related("persoon", "bestuursorgaan")
        .order_by("bestuursorgaan__soort", "rol", "persoon__naam")
    )
    bijdragen = Bijdrage.objects.filter(jaar=jaar).order_by("soort", "onderdeel")
    return (
        Deelname.objects.filter(gemeente=gemeente)
        .actief_op(peildatum)
        .select_related("samenwerkingsverband", "samenwerkingsverband__centrumgemeente")
        .prefetch_related(
            "samenwerkingsverband__domeinen",
            Prefetch("zetels", queryset=zetels, to_attr="vertegenwoordigers"),
            Prefetch("bijdragen", queryset=bijdragen, to_attr="bijdragen_in_jaar"),
        )
        .annotate(
            bijdrage_begroot=bijdrage_som(jaar, BijdrageSoort.BEGROOT),
            bijdrage_gerealiseerd=bijdrage_som(jaar, BijdrageSoort.GEREALISEERD),
            bestuurlijk_belang=_als_boolean(bestuurlijk_belang_in_jaar(jaar)),
            financieel_belang=_als_boolean(financieel_belang_in_jaar(jaar)),
            verbonden_partij=_als_boolean(
                bestuurlijk_belang_in_jaar(jaar) & financieel_belang_in_jaar(jaar)
            ),
        )
        .order_by("samenwerkingsverband__naam", "pk")
    )


@dataclass(frozen=True)
class Kostentotalen:
    jaar: int
    begroot: Decimal | None
    gerealiseerd: Decimal | None
    inwoners: int | None

    @property
    def begroot_per_inwoner(self) -> Decimal | None:
        return _per_inwoner(self.begroot, self.inwoners)

    @property
    def gerealiseerd_per_inwoner(self) -> Decimal | None:
        return _per_inwoner(self.gerealiseerd, self.inwoners)


def _per_inwoner(bedrag: Decimal | None, inwoners: int | None) -> Decimal | None:
    if bedrag is None or not inwoners:
        return None
    return (bedrag / inwoners).quantize(Decimal("0.01"))


def kostentotalen(gemeente: Gemeente, deelnames, *, jaar: int) -> Kostentotalen:
    """Totals over rows from `deelnames_van_gemeente`; None when no row has a figure.

    One query (the Inwonertal of `jaar`); the rows must already be evaluated.
    """

    def som(veld: str) -> Decimal | None:
        bedragen = [getattr(d, veld) for d in deelnames if getattr(d, veld) is not None]
        return sum(bedragen, Decimal("0")) if bedragen else None

    inwoners = (
        Inwonertal.objects.filter(gemeente=gemeente, jaar=jaar)
        .values_list("aantal", flat=True)
        .first()
    )
    return Kostentotalen(
        jaar=jaar,
        begroot=som("bijdrage_begroot"),
        gerealiseerd=som("bijdrage_gerealiseerd"),
        inwoners=inwoners,
    )


def gemeenten_zoeken(zoekterm: str, *, peildatum: datetime.date | None = None) -> list[Gemeente]:
    """Gemeenten whose name or CBS code matches `zoekterm`, tolerant of case, accents,
    `'s-` and province suffixes such as `Bergen (NH.)`. Current gemeenten come first.

    One query: the ~400 gemeenten are matched in Python on their normalised names.
    """
    peildatum = peildatum or timezone.localdate()
    term = normaliseer_naam(zoekterm)
    if not term:
        return []
    term = ROEPNAMEN.get(term, term)
    term_met_provincie = normaliseer_naam(zoekterm, houd_provincie=True)
    code = zoekterm.strip().upper()
    if code.isdigit():
        code = f"GM{int(code):04d}"
    treffers = []
    for gemeente in Gemeente.objects.select_related("provincie").order_by("naam"):
        naam = normaliseer_naam(gemeente.naam)
        if gemeente.cbs_code == code or term in naam:
            rang = (
                not gemeente.is_actief_op(peildatum),
                gemeente.cbs_code != code,
                normaliseer_naam(gemeente.naam, houd_provincie=True) != term_met_provincie,
                naam != term,
                not naam.startswith(term),
                gemeente.naam,
            )
            treffers.append((rang, gemeente))
    return [gemeente for _rang, gemeente in sorted(treffers, key=lambda t: t[0])]


@dataclass(frozen=True)
class Herkomst:
    """One source of the register's arrangements."""

    omschrijving: str
    aantal: int
    bijgewerkt: datetime.datetime


def bron_omschrijving(bron: str) -> str:
    """How a reader sees a `bron`: the known sources with their date, others as written."""
    if not bron:
        return _("ingevoerd in het beheer")
    for begin, omschrijving in BRON_OMSCHRIJVINGEN.items():
        if bron.startswith(begin):
            rest = bron[len(begin) :].strip()
            if begin == BRON_ROO and rest:
                try:
                    datum = datetime.date.fromisoformat(rest)
                except ValueError:
                    return str(omschrijving)
                return _("%(bron)s, export van %(datum)s") % {
                    "bron": omschrijving,
                    "datum": date_format(datum, "j F Y"),
                }
            return str(omschrijving)
    return bron


def herkomst_van_het_register() -> list[Herkomst]:
    """Where the arrangements come from: per source, how many and when last changed. Variants
    of one source (`OpenGR 2016; vorm aangenomen …`) count as that source. One query."""
    per_omschrijving: dict[str, Herkomst] = {}
    for rij in (
        Samenwerkingsverband.objects.order_by()
        .values("bron")
        .annotate(aantal=Count("pk"), bijgewerkt=Max("updated_at"))
    ):
        omschrijving = bron_omschrijving(rij["bron"])
        eerder = per_omschrijving.get(omschrijving)
        per_omschrijving[omschrijving] = Herkomst(
            omschrijving=omschrijving,
            aantal=rij["aantal"] + (eerder.aantal if eerder else 0),
            bijgewerkt=max(rij["bijgewerkt"], eerder.bijgewerkt) if eerder else rij["bijgewerkt"],
        )
    return sorted(per_omschrijving.values(), key=lambda h: (-h.aantal, h.omschrijving))
