"""Reads about the register as a whole and about one arrangement: search, national figures,
the art. 27 register, the arrangement page and where the data came from."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    QuerySet,
    Sum,
)
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..constants import BRON_OMSCHRIJVINGEN, BRON_ROO, WGR_VORMEN, BijdrageSoort, Vorm
from ..models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
    periode_q,
)
from ..normalisatie import normaliseer_naam
from .basis import TIJDSTEMPELS, bijdrage_som, zonder


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
        .defer(
            *zonder(*TIJDSTEMPELS, "aansprakelijkheid_toelichting", "bron"),
            *zonder(*TIJDSTEMPELS, via="gemeente__"),
            *zonder(*TIJDSTEMPELS, via="organisatie__"),
        )
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
        .defer(
            *zonder(*TIJDSTEMPELS),
            *zonder(*TIJDSTEMPELS, via="persoon__"),
            *zonder(*TIJDSTEMPELS, "aansprakelijkheid_toelichting", "bron", via="deelname__"),
            *zonder(*TIJDSTEMPELS, via="deelname__gemeente__"),
            *zonder(*TIJDSTEMPELS, via="deelname__organisatie__"),
        )
        .order_by("rol", "persoon__naam")
    )
    organen = list(
        verband.bestuursorganen.prefetch_related(
            Prefetch("zetels", queryset=zetels, to_attr="zetels_op_peildatum")
        )
        .defer(*TIJDSTEMPELS)
        .order_by("soort", "naam")
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
            verband.jaarcijfers.select_related("bron_document")
            .defer(*TIJDSTEMPELS, *zonder(*TIJDSTEMPELS, via="bron_document__"))
            .order_by("jaar", "soort")
        ),
        onderdelen=list(verband.onderdelen.order_by("naam")),
    )


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
