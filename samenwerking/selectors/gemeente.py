"""Reads about one gemeente: its arrangements (the gemeente page and the core API endpoint),
their cost totals, the gemeente search and its partners."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from regioreg.querycache import CompiledQuery

from ..models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Inwonertal,
    Samenwerkingsverband,
    Zetel,
    periode_overlapt_q,
    periode_q,
)
from ..normalisatie import ROEPNAMEN, normaliseer_naam
from ..rijen import BijdrageRij, DeelnameRij, DomeinRij, OrgaanRij, PersoonRij, VerbandRij, ZetelRij
from .basis import bbv_toets, jaar_grenzen
from .register import bron_omschrijving


def _van_gemeente(gemeente_id: int, peildatum: datetime.date) -> Q:
    """The deelnames of a gemeente that run on `peildatum` (not in a historical mention)."""
    return Q(gemeente=gemeente_id, samenwerkingsverband__alleen_historisch=False) & periode_q(
        peildatum, "toetredingsdatum", "uittredingsdatum"
    )


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
    "deelnemende_bestuursorganen",
    "bestuurlijk_belang_vastgelegd",
    "financieel_belang_vastgelegd",
    "belang_toelichting",
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
    inwoners_bron: str = ""
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
        Inwonertal.objects.filter(gemeente=gemeente_id, jaar=jaar)
        .order_by()
        .values_list("aantal", "bron")
    )
)


def kostentotalen(gemeente: Gemeente, deelnames, *, jaar: int) -> Kostentotalen:
    """Totals over rows from `deelnames_van_gemeente`; None when no row has a figure.

    One query (the Inwonertal of `jaar`); the rows must already be evaluated.
    """

    def som(veld: str) -> Decimal | None:
        bedragen = [getattr(d, veld) for d in deelnames if getattr(d, veld) is not None]
        return sum(bedragen, Decimal("0")) if bedragen else None

    inwonertal = _inwonertal.rows(gemeente_id=gemeente.pk, jaar=jaar)
    inwoners, bron = inwonertal[0] if inwonertal else (None, "")
    return Kostentotalen(
        jaar=jaar,
        begroot=som("bijdrage_begroot"),
        gerealiseerd=som("bijdrage_gerealiseerd"),
        inwoners=inwoners,
        inwoners_bron=bron_omschrijving(bron) if bron else "",
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
