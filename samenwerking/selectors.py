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
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone

from .constants import WGR_VORMEN, BijdrageSoort, Vorm
from .models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Gemeente,
    Inwonertal,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
    periode_overlapt_q,
    periode_q,
)
from .normalisatie import ROEPNAMEN, normaliseer_naam


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


def bestuurlijk_belang_in_jaar(jaar: int, deelname_ref: str = "pk") -> Q:
    """A deelname has a bestuurlijk belang in `jaar` (BBV art. 1): a seat held on its behalf at
    some day of that year, or a voting right through the deelname itself."""
    zetel_in_jaar = Zetel.objects.filter(deelname=OuterRef(deelname_ref)).filter(
        periode_overlapt_q(*jaar_grenzen(jaar), "begindatum", "einddatum")
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


def als_boolean(q: Q) -> ExpressionWrapper:
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
    - `bijdrage_begroot_vorig_jaar`, `bijdrage_gerealiseerd_vorig_jaar`: the same for `jaar - 1`;
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
            bijdrage_begroot_vorig_jaar=bijdrage_som(jaar - 1, BijdrageSoort.BEGROOT),
            bijdrage_gerealiseerd_vorig_jaar=bijdrage_som(jaar - 1, BijdrageSoort.GEREALISEERD),
            bestuurlijk_belang=als_boolean(bestuurlijk_belang_in_jaar(jaar)),
            financieel_belang=als_boolean(financieel_belang_in_jaar(jaar)),
            verbonden_partij=als_boolean(
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
    begroot_vorig_jaar: Decimal | None = None
    gerealiseerd_vorig_jaar: Decimal | None = None

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
        begroot_vorig_jaar=som("bijdrage_begroot_vorig_jaar"),
        gerealiseerd_vorig_jaar=som("bijdrage_gerealiseerd_vorig_jaar"),
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


def samenwerkingsverbanden_zoeken(zoekterm: str) -> list[Samenwerkingsverband]:
    """Arrangements whose name, abbreviation or CBS GR code matches `zoekterm`, tolerant of
    case and accents; exact abbreviations first. One query (matching in Python)."""
    term = normaliseer_naam(zoekterm)
    if not term:
        return []
    treffers = []
    for verband in Samenwerkingsverband.objects.only(
        "uuid", "naam", "afkorting", "vorm", "vestigingsplaats", "cbs_gr_code", "einddatum"
    ).order_by("naam"):
        naam = normaliseer_naam(verband.naam)
        afkorting = normaliseer_naam(verband.afkorting)
        code = (verband.cbs_gr_code or "").lower()
        if term in naam or term in (afkorting, code):
            treffers.append(((afkorting != term, not naam.startswith(term), naam), verband))
    return [verband for _rang, verband in sorted(treffers, key=lambda t: t[0])]


@dataclass(frozen=True)
class LandelijkeCijfers:
    peildatum: datetime.date
    per_vorm: list[tuple[str, str, int]]  # (code, label, aantal)
    aantal_verbanden: int
    aantal_gemeenten: int
    aantal_deelnames_van_gemeenten: int

    @property
    def gemiddeld_per_gemeente(self) -> Decimal | None:
        if not self.aantal_gemeenten:
            return None
        return (Decimal(self.aantal_deelnames_van_gemeenten) / self.aantal_gemeenten).quantize(
            Decimal("0.1")
        )


def landelijke_cijfers(*, peildatum: datetime.date | None = None) -> LandelijkeCijfers:
    """National figures on `peildatum`: running arrangements per form, gemeenten, and the
    average number of arrangements a gemeente is in. Three queries."""
    peildatum = peildatum or timezone.localdate()
    per_vorm = dict(
        Samenwerkingsverband.objects.actief_op(peildatum)
        .order_by()
        .values_list("vorm")
        .annotate(n=Count("pk"))
    )
    gemeenten = Gemeente.objects.actief_op(peildatum)
    deelnames = (
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente__in=gemeenten)
        .filter(periode_q(peildatum, "ingangsdatum", "einddatum", "samenwerkingsverband__"))
    )
    return LandelijkeCijfers(
        peildatum=peildatum,
        per_vorm=[(code, label, per_vorm.get(code, 0)) for code, label in Vorm.choices],
        aantal_verbanden=sum(per_vorm.values()),
        aantal_gemeenten=gemeenten.count(),
        aantal_deelnames_van_gemeenten=deelnames.count(),
    )


def _deelnemers_op(peildatum: datetime.date) -> Prefetch:
    """Prefetch of an arrangement's deelnames running on `peildatum`, gemeenten first."""
    return Prefetch(
        "deelnames",
        queryset=Deelname.objects.actief_op(peildatum)
        .select_related("gemeente", "organisatie")
        .order_by("gemeente__naam", "organisatie__naam"),
        to_attr="deelnemers_op_peildatum",
    )


def art27_register(
    gemeente: Gemeente, *, peildatum: datetime.date | None = None
) -> QuerySet[Samenwerkingsverband]:
    """The gemeenschappelijke regelingen (Wgr forms) `gemeente` takes part in on `peildatum`,
    with exactly what the art. 27 register lists: deelnemers (`deelnemers_op_peildatum`),
    wettelijke voorschriften, overgedragen bevoegdheden, adres and vestigingsplaats, and the
    legal form set up (`vorm`). Four queries."""
    peildatum = peildatum or timezone.localdate()
    return (
        Samenwerkingsverband.objects.filter(vorm__in=WGR_VORMEN)
        .filter(
            Exists(
                Deelname.objects.actief_op(peildatum).filter(
                    samenwerkingsverband=OuterRef("pk"), gemeente=gemeente
                )
            )
        )
        .prefetch_related(_deelnemers_op(peildatum), "wettelijke_grondslagen", "bevoegdheden")
        .order_by("naam", "pk")
    )


@dataclass(frozen=True)
class Partner:
    gemeente: Gemeente
    gedeeld: list[Samenwerkingsverband]


def partners_van_gemeente(
    gemeente: Gemeente, *, peildatum: datetime.date | None = None, aantal: int = 25
) -> list[Partner]:
    """The gemeenten that share the most running arrangements with `gemeente` on `peildatum`,
    most shared first, each with the shared arrangements. Three queries."""
    peildatum = peildatum or timezone.localdate()
    eigen = Deelname.objects.actief_op(peildatum).filter(gemeente=gemeente)
    gedeeld = (
        Deelname.objects.actief_op(peildatum)
        .filter(
            gemeente__isnull=False,
            samenwerkingsverband__in=eigen.values("samenwerkingsverband"),
        )
        .exclude(gemeente=gemeente)
    )
    top = list(
        gedeeld.values("gemeente")
        .annotate(n=Count("samenwerkingsverband", distinct=True))
        .order_by("-n", "gemeente__naam")[:aantal]
    )
    gemeenten = {
        g.pk: g
        for g in Gemeente.objects.select_related("provincie").filter(
            pk__in=[rij["gemeente"] for rij in top]
        )
    }
    verbanden: dict[int, list[Samenwerkingsverband]] = {pk: [] for pk in gemeenten}
    for deelname in (
        gedeeld.filter(gemeente__in=list(gemeenten))
        .select_related("samenwerkingsverband")
        .order_by("samenwerkingsverband__naam")
    ):
        verbanden[deelname.gemeente_id].append(deelname.samenwerkingsverband)
    return [Partner(gemeenten[rij["gemeente"]], verbanden[rij["gemeente"]]) for rij in top]


@dataclass(frozen=True)
class Verbandoverzicht:
    """Everything the arrangement page shows, read in a fixed number of queries."""

    verband: Samenwerkingsverband
    peildatum: datetime.date
    jaar: int
    deelnames: list[Deelname]
    organen: list[Bestuursorgaan]
    bijdragen_per_jaar: list[tuple[int, Decimal | None, Decimal | None]]
    jaarcijfers: list[Jaarcijfers]
    onderdelen: list[Samenwerkingsverband]

    @property
    def lopende_deelnames(self) -> list[Deelname]:
        return [d for d in self.deelnames if d.loopt_op_peildatum]


def samenwerkingsverband_overzicht(
    verband_uuid, *, peildatum: datetime.date | None = None, jaar: int | None = None
) -> Verbandoverzicht:
    """One arrangement with its members (all periods, each with its bijdrage of `jaar` and of
    the year before), organs
    with the seats held on `peildatum`, bijdragen per year, jaarcijfers, documents and nested
    arrangements. Raises Samenwerkingsverband.DoesNotExist. Eleven queries.
    """
    peildatum = peildatum or timezone.localdate()
    jaar = jaar or peildatum.year
    verband = (
        Samenwerkingsverband.objects.select_related(
            "centrumgemeente", "bovenliggend", "vorige_versie"
        )
        .prefetch_related("domeinen", "wettelijke_grondslagen", "bevoegdheden", "documenten")
        .get(uuid=verband_uuid)
    )
    deelnames = list(
        verband.deelnames.select_related("gemeente", "organisatie")
        .annotate(
            bijdrage_begroot=bijdrage_som(jaar, BijdrageSoort.BEGROOT),
            bijdrage_gerealiseerd=bijdrage_som(jaar, BijdrageSoort.GEREALISEERD),
            bijdrage_begroot_vorig_jaar=bijdrage_som(jaar - 1, BijdrageSoort.BEGROOT),
            bijdrage_gerealiseerd_vorig_jaar=bijdrage_som(jaar - 1, BijdrageSoort.GEREALISEERD),
        )
        .order_by("gemeente__naam", "organisatie__naam", "toetredingsdatum")
    )
    for deelname in deelnames:
        deelname.loopt_op_peildatum = deelname.is_actief_op(peildatum)
    zetels = (
        Zetel.objects.filter(periode_q(peildatum, "begindatum", "einddatum"))
        .select_related("persoon", "deelname__gemeente", "deelname__organisatie")
        .order_by("rol", "persoon__naam")
    )
    organen = list(
        verband.bestuursorganen.prefetch_related(
            Prefetch("zetels", queryset=zetels, to_attr="zetels_op_peildatum")
        ).order_by("soort", "naam")
    )
    per_jaar = {}
    for rij in (
        Bijdrage.objects.filter(deelname__samenwerkingsverband=verband)
        .values("jaar", "soort")
        .annotate(som=Sum("bedrag"))
        .order_by("jaar")
    ):
        per_jaar.setdefault(rij["jaar"], {})[rij["soort"]] = rij["som"]
    return Verbandoverzicht(
        verband=verband,
        peildatum=peildatum,
        jaar=jaar,
        deelnames=deelnames,
        organen=organen,
        bijdragen_per_jaar=[
            (j, s.get(BijdrageSoort.BEGROOT), s.get(BijdrageSoort.GEREALISEERD))
            for j, s in sorted(per_jaar.items())
        ],
        jaarcijfers=list(
            verband.jaarcijfers.select_related("bron_document").order_by("jaar", "soort")
        ),
        onderdelen=list(verband.onderdelen.order_by("naam")),
    )
