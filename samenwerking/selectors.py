"""Reads of the register shared by the pages, the API and the exports.

Each selector returns rows in a fixed number of queries, whatever the number of rows.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
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

from regioreg.querycache import CompiledQuery

from .constants import BRON_OMSCHRIJVINGEN, BRON_ROO, WGR_VORMEN, BijdrageSoort, Vorm
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
from .rijen import BijdrageRij, DeelnameRij, DomeinRij, OrgaanRij, PersoonRij, VerbandRij, ZetelRij


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


def bijdrage_som(jaar: int, soort: str, deelname_ref: str = "pk") -> Subquery:
    """Sum of a deelname's bijdragen of one kind in `jaar`; NULL (onbekend) without rows."""
    return Subquery(
        Bijdrage.objects.filter(deelname=OuterRef(deelname_ref), jaar=jaar, soort=soort)
        .order_by()
        .values("deelname")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )


# Columns no list shows; parsing timestamps is a large part of reading wide rows.
TIJDSTEMPELS = ("created_at", "updated_at")
LANGE_VERBANDVELDEN = (
    *TIJDSTEMPELS,
    "doel",
    "verplicht_grondslag",
    "motieven",
    "bevoegdheidsverkrijgingen",
    "adres",
    "regeling_url",
    "website",
    "bron",
)


def zonder(*velden: str, via: str = "") -> list[str]:
    """Field paths to defer: `velden` on the model reached through `via` (e.g. "persoon__")."""
    return [f"{via}{veld}" for veld in velden]


def _som(bijdragen: list[Bijdrage], jaar: int, soort: str) -> Decimal | None:
    bedragen = [b.bedrag for b in bijdragen if b.jaar == jaar and b.soort == soort]
    return sum(bedragen, Decimal(0)) if bedragen else None


def bbv_toets(
    deelname: Deelname | DeelnameRij, *, jaar: int, zetels: list[Zetel], bijdragen: list[Bijdrage]
):
    """The verbonden-partij test of BBV art. 1 for one deelname in `jaar`, the one place where
    the rule lives. `zetels` and `bijdragen` are the deelname's rows already read (they may
    cover more than the year). Sets on the deelname:

    - `bestuurlijk_belang`: a seat held on its behalf on some day of the year, or a voting
      right through the deelname itself;
    - `financieel_belang`: a bijdrage in the year, or a recorded liability (aansprakelijk);
    - `verbonden_partij`: both;
    - `bijdrage_begroot`, `bijdrage_gerealiseerd` for the year and `…_vorig_jaar` for the year
      before: sums, None (onbekend) when nothing is recorded.
    """
    van, tot = jaar_grenzen(jaar)
    deelname.bestuurlijk_belang = bool(deelname.stemmen) or any(
        z.overlapt(van, tot) for z in zetels
    )
    deelname.financieel_belang = deelname.aansprakelijk or any(b.jaar == jaar for b in bijdragen)
    deelname.verbonden_partij = deelname.bestuurlijk_belang and deelname.financieel_belang
    deelname.bijdrage_begroot = _som(bijdragen, jaar, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd = _som(bijdragen, jaar, BijdrageSoort.GEREALISEERD)
    deelname.bijdrage_begroot_vorig_jaar = _som(bijdragen, jaar - 1, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd_vorig_jaar = _som(
        bijdragen, jaar - 1, BijdrageSoort.GEREALISEERD
    )


def _van_gemeente(gemeente_id: int, peildatum: datetime.date) -> Q:
    """The deelnames of a gemeente that run on `peildatum`."""
    return Q(gemeente=gemeente_id) & periode_q(peildatum, "toetredingsdatum", "uittredingsdatum")


def _via_deelname(model, gemeente_id: int, peildatum: datetime.date) -> QuerySet:
    """`model`'s rows that belong to one of those deelnames (a subquery, not a list of ids, so
    that the query's shape does not depend on the data)."""
    deelnames = Deelname.objects.filter(_van_gemeente(gemeente_id, peildatum)).values("pk")
    return model.objects.filter(deelname__in=deelnames)


# What the lists show of a deelname and its arrangement, in the order of the fields of
# `DeelnameRij` (after its id) and `VerbandRij`.
DEELNAMEVELDEN = (
    "uuid",
    "toetredingsdatum",
    "uittredingsdatum",
    "rol",
    "verdeelsleutel",
    "stemmen",
    "aansprakelijk",
)
VERBANDVELDEN = ("pk", "uuid", "naam", "afkorting", "vorm", "vestigingsplaats", "verplicht")

# One row per deelname and domein of its arrangement (one row with no domein when it has
# none): the domeinen come with the rows instead of in a query of their own.
_deelnames = CompiledQuery(
    lambda gemeente_id, peildatum: (
        Deelname.objects.filter(_van_gemeente(gemeente_id, peildatum))
        .order_by("samenwerkingsverband__naam", "pk", "samenwerkingsverband__domeinen__naam")
        .values_list(
            "pk",
            *DEELNAMEVELDEN,
            *(f"samenwerkingsverband__{veld}" for veld in VERBANDVELDEN),
            "samenwerkingsverband__domeinen__code",
            "samenwerkingsverband__domeinen__naam",
        )
    )
)
_zetels = CompiledQuery(
    lambda gemeente_id, peildatum, van, tot: (
        _via_deelname(Zetel, gemeente_id, peildatum)
        .filter(
            periode_q(peildatum, "begindatum", "einddatum")
            | periode_overlapt_q(van, tot, "begindatum", "einddatum")
        )
        .order_by("bestuursorgaan__soort", "rol", "persoon__naam")
        .values_list(
            "deelname_id",
            "uuid",
            "functie",
            "rol",
            "begindatum",
            "einddatum",
            "persoon__uuid",
            "persoon__naam",
            "persoon__partij",
            "bestuursorgaan__uuid",
            "bestuursorgaan__soort",
            "bestuursorgaan__naam",
        )
    )
)
_bijdragen = CompiledQuery(
    lambda gemeente_id, peildatum, jaar, vorig_jaar: (
        _via_deelname(Bijdrage, gemeente_id, peildatum)
        .filter(Q(jaar=jaar) | Q(jaar=vorig_jaar))
        .order_by("soort", "onderdeel")
        .values_list("deelname_id", "uuid", "jaar", "soort", "onderdeel", "bedrag")
    )
)


def deelnames_van_gemeente(
    gemeente: Gemeente,
    *,
    peildatum: datetime.date | None = None,
    jaar: int | None = None,
) -> list[DeelnameRij]:
    """Every deelname of `gemeente` that runs on `peildatum` (default today), one per
    arrangement, by arrangement name, with what the page and the API show about it.

    Light rows (`samenwerking.rijen`), each carrying:
    - `samenwerkingsverband` (what the lists show of it) with its `domeinen`;
    - `vertegenwoordigers`: the seats held on its behalf on `peildatum`, with persoon and
      bestuursorgaan;
    - `bijdragen_in_jaar`: its bijdragen of `jaar` (default the peildatum's year);
    - the BBV test and the bijdrage sums of `jaar` and the year before (see `bbv_toets`).

    Queries: 1 for the rows with their domeinen, 1 for seats, 1 for bijdragen, each compiled
    once (`regioreg.querycache`). The sums and the BBV test are worked out from the seats and
    bijdragen read anyway.
    """
    peildatum = peildatum or timezone.localdate()
    jaar = jaar or peildatum.year
    van, tot = jaar_grenzen(jaar)
    waar = {"gemeente_id": gemeente.pk, "peildatum": peildatum}

    rijen: dict[int, DeelnameRij] = {}
    for deelname_id, *velden, code, domein in _deelnames.rows(**waar):
        rij = rijen.get(deelname_id)
        if rij is None:
            deelname, verband = velden[: len(DEELNAMEVELDEN)], velden[len(DEELNAMEVELDEN) :]
            rij = rijen[deelname_id] = DeelnameRij(deelname_id, *deelname, VerbandRij(*verband))
        if code is not None:
            rij.samenwerkingsverband.domeinen.append(DomeinRij(code, domein))
    # A seat or bijdrage written between these queries may have no row above: left out.
    for (
        deelname_id,
        *zetel,
        persoon_uuid,
        persoon,
        partij,
        orgaan_uuid,
        soort,
        orgaan,
    ) in _zetels.rows(**waar, van=van, tot=tot):
        if rij := rijen.get(deelname_id):
            rij.gelezen_zetels.append(
                ZetelRij(
                    *zetel,
                    PersoonRij(persoon_uuid, persoon, partij),
                    OrgaanRij(orgaan_uuid, soort, orgaan),
                )
            )
    for deelname_id, *bijdrage in _bijdragen.rows(**waar, jaar=jaar, vorig_jaar=jaar - 1):
        if rij := rijen.get(deelname_id):
            rij.gelezen_bijdragen.append(BijdrageRij(*bijdrage))

    for rij in rijen.values():
        rij.vertegenwoordigers = [z for z in rij.gelezen_zetels if z.is_actief_op(peildatum)]
        rij.bijdragen_in_jaar = [b for b in rij.gelezen_bijdragen if b.jaar == jaar]
        bbv_toets(rij, jaar=jaar, zetels=rij.gelezen_zetels, bijdragen=rij.gelezen_bijdragen)
    return list(rijen.values())


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


_inwonertal = CompiledQuery(
    lambda gemeente_id, jaar: (
        Inwonertal.objects.filter(gemeente=gemeente_id, jaar=jaar).order_by().values_list("aantal")
    )
)


def kostentotalen(gemeente: Gemeente, deelnames, *, jaar: int) -> Kostentotalen:
    """Totals over rows from `deelnames_van_gemeente`; None when no row has a figure.

    One query (the Inwonertal of `jaar`); the rows must already be evaluated.
    """

    def som(veld: str) -> Decimal | None:
        bedragen = [getattr(d, veld) for d in deelnames if getattr(d, veld) is not None]
        return sum(bedragen, Decimal("0")) if bedragen else None

    gevonden = _inwonertal.rows(gemeente_id=gemeente.pk, jaar=jaar)
    inwoners = gevonden[0][0] if gevonden else None
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
