"""Reads about one gemeente: its arrangements (the gemeente page and the core API endpoint),
their cost totals, the gemeente search and its partners."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TypedDict

from django.db.models import Count, F, FilteredRelation, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from regioreg.collation import sort_key

from ..bbv import bbv_toets
from ..constants import Motief, label
from ..financien import PerInwoner
from ..models import (
    Deelname,
    Domein,
    Gemeente,
    Inwonertal,
    Samenwerkingsverband,
    Zetel,
    periode_overlapt_q,
    periode_q,
)
from ..normalisatie import ROEPNAMEN, Namenlijst, normaliseer_naam
from .basis import jaar_grenzen, per_sleutel, zonder
from .bijdragen import bijdragen_van_jaar, bijdragesommen, totaal
from .register import bron_omschrijving

# What the pages, the API and the verbonden-partijen list show of a deelname, its arrangement,
# seats and bijdragen; the rest (timestamps, long texts, what the national register said) is
# not read. A surface that shows more adds the field here: a field left out is read with a
# query per row, which the query-count tests would report.
DEELNAMEVELDEN = (
    "uuid",
    "samenwerkingsverband",
    "gemeente",
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
VERBANDVELDEN = (
    "uuid",
    "slug",
    "naam",
    "afkorting",
    "vorm",
    "doel",
    "vestigingsplaats",
    "verplicht",
    "motieven",
    "karakter",
    "regeling_url",
    "uittreding_opzegtermijn_maanden",
    "uittreding_kosten",
    "uittreding_tekst",
    "uittreding_artikel",
)
ZETELVELDEN = (
    "uuid",
    "deelname",
    "functie",
    "rol",
    "begindatum",
    "einddatum",
    *zonder("uuid", "naam", "partij", via="persoon__"),
    *zonder("uuid", "soort", "naam", via="bestuursorgaan__"),
)


def deelnames_van_gemeente(
    gemeente: Gemeente,
    *,
    peildatum: datetime.date | None = None,
    jaar: int | None = None,
    heel_jaar: bool = False,
    vorig_jaar: bool = True,
    extra_velden: tuple[str, ...] = (),
) -> list[Deelname]:
    """The deelnames of `gemeente` that run on `peildatum` (default today) or, with
    `heel_jaar`, on at least one day of `jaar`; one per arrangement and period, by arrangement
    name, never in a historical mention. The one read behind the gemeente page, the core API
    endpoint and the verbonden-partijen list. Each deelname carries:

    - `samenwerkingsverband` with its domeinen by name (`gelezen_domeinen`);
    - `vertegenwoordigers`: the seats held on its behalf on `peildatum` (with `heel_jaar`: in
      the year), with persoon and bestuursorgaan; `zetels_in_jaar`: those held in `jaar`;
    - `bijdragen_in_jaar`: its bijdragen of `jaar` (default the peildatum's year), by soort
      and onderdeel;
    - the sums of `jaar` and the year before (`selectors.bijdragen.bijdragesommen`) and the
      verbonden-partij test of `jaar` with its reasons (`samenwerking.bbv`). Without
      `vorig_jaar` the year before is neither read nor summed (the core API endpoint shows one
      year, and so reads a third of the bijdragen).

    Of the deelname it reads DEELNAMEVELDEN and `extra_velden` (the verbonden-partijen list:
    VERBONDEN_PARTIJ_VELDEN, which the page and the API do not show).

    Four queries: the deelnames with their arrangement, their domeinen, seats and bijdragen
    (one, when no deelname runs).
    """
    peildatum = peildatum or timezone.localdate()
    jaar = jaar or peildatum.year
    van, tot = jaar_grenzen(jaar)
    if heel_jaar:
        lopend = periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum")
        zetels = periode_overlapt_q(van, tot, "begindatum", "einddatum")
    else:
        lopend = periode_q(peildatum, "toetredingsdatum", "uittredingsdatum")
        # The seats on the peildatum and those in the year, read as one span and told apart
        # below (one condition compiles faster than both).
        zetels = periode_overlapt_q(
            min(van, peildatum),
            max(tot, peildatum + datetime.timedelta(days=1)),
            "begindatum",
            "einddatum",
        )
    rijen = list(
        Deelname.objects.filter(
            lopend, gemeente=gemeente, samenwerkingsverband__alleen_historisch=False
        )
        .select_related("samenwerkingsverband")
        .only(
            *DEELNAMEVELDEN,
            *extra_velden,
            *zonder(*VERBANDVELDEN, via="samenwerkingsverband__"),
        )
        .order_by("samenwerkingsverband__naam", "pk")
    )
    # Their seats, bijdragen and domeinen, one query each, handed out by id: the same queries
    # prefetch_related would send, without its generic bookkeeping per row (a sixth of the
    # core API endpoint's time).
    ids = [deelname.pk for deelname in rijen]
    zetels_van = per_sleutel(
        Zetel.objects.filter(zetels, deelname__in=ids)
        .select_related("persoon", "bestuursorgaan")
        .only(*ZETELVELDEN)
        .order_by("bestuursorgaan__soort", "rol", "persoon__naam"),
        "deelname_id",
    )
    bijdragen_van = per_sleutel(
        bijdragen_van_jaar(jaar, vorig_jaar=vorig_jaar).filter(deelname__in=ids), "deelname_id"
    )
    domeinen_van = per_sleutel(
        Domein.objects.filter(
            samenwerkingsverbanden__in={deelname.samenwerkingsverband_id for deelname in rijen}
        ).annotate(verband_id=F("samenwerkingsverbanden")),
        "verband_id",
    )
    for deelname in rijen:
        verband = deelname.samenwerkingsverband
        verband.gelezen_domeinen = domeinen_van.get(verband.pk, [])
        deelname.gelezen_zetels = zetels_van.get(deelname.pk, [])
        deelname.gelezen_bijdragen = bijdragen_van.get(deelname.pk, [])
        deelname.zetels_in_jaar = [z for z in deelname.gelezen_zetels if z.overlapt(van, tot)]
        deelname.vertegenwoordigers = (
            deelname.zetels_in_jaar
            if heel_jaar
            else [z for z in deelname.gelezen_zetels if z.is_actief_op(peildatum)]
        )
        deelname.bijdragen_in_jaar = [b for b in deelname.gelezen_bijdragen if b.jaar == jaar]
        bijdragesommen(deelname, jaar, vorig_jaar=vorig_jaar)
    bbv_toets(rijen, jaar=jaar)
    return rijen


@dataclass(frozen=True)
class Kostentotalen(PerInwoner):
    jaar: int
    begroot: Decimal | None
    gerealiseerd: Decimal | None
    inwoners: int | None
    inwoners_bron: str = ""
    # The change in begroot against the year before, over the same deelnames only: those with
    # a begroot bedrag in both years (a new or ended arrangement is no rise or fall in costs).
    # `niet_vergelijkbaar` counts the deelnames left out of that comparison. Not worked out
    # (these defaults) for deelnames read without the year before.
    begroot_vergelijkbaar: Decimal | None = None
    begroot_vorig_jaar_vergelijkbaar: Decimal | None = None
    niet_vergelijkbaar: int = 0
    # How many bijdragen the sums leave out as unknown (said beside them, never counted as 0).
    zonder_begroot: int = 0
    zonder_gerealiseerd: int = 0


def met_inwonertal(gemeenten: QuerySet[Gemeente], *, jaar: int) -> QuerySet[Gemeente]:
    """`gemeenten` with their Inwonertal of `jaar` read in the same query (a join), for
    `kostentotalen`: `inwonertal_aantal` and `inwonertal_bron` (None when unknown), and
    `inwonertal_jaar`."""
    return gemeenten.annotate(
        inwonertal=FilteredRelation("inwonertallen", condition=Q(inwonertallen__jaar=jaar)),
        inwonertal_aantal=F("inwonertal__aantal"),
        inwonertal_bron=F("inwonertal__bron"),
        inwonertal_jaar=Value(jaar),
    )


def kostentotalen(
    gemeente: Gemeente, deelnames: list[Deelname], *, jaar: int, vorig_jaar: bool = True
) -> Kostentotalen:
    """Totals over the deelnames from `deelnames_van_gemeente`, and per inwoner when the
    Inwonertal of `jaar` is known; with `vorig_jaar` (as the deelnames were read) also the
    change in begroot against the year before. No query when `gemeente` was read
    `met_inwonertal` of `jaar` (the core API endpoint: one trip to the database fewer), else
    one."""
    if getattr(gemeente, "inwonertal_jaar", None) == jaar:
        inwoners, bron = gemeente.inwonertal_aantal, gemeente.inwonertal_bron or ""
    else:
        inwonertal = (
            Inwonertal.objects.filter(gemeente=gemeente, jaar=jaar)
            .order_by()
            .values_list("aantal", "bron")
            .first()
        )
        inwoners, bron = inwonertal or (None, "")
    totalen = Kostentotalen(
        jaar=jaar,
        begroot=totaal(d.bijdrage_begroot for d in deelnames),
        gerealiseerd=totaal(d.bijdrage_gerealiseerd for d in deelnames),
        inwoners=inwoners,
        inwoners_bron=bron_omschrijving(bron) if bron else "",
        zonder_begroot=sum(d.bijdrage_begroot is None for d in deelnames),
        zonder_gerealiseerd=sum(d.bijdrage_gerealiseerd is None for d in deelnames),
    )
    if not vorig_jaar:
        return totalen
    vergelijkbaar = [
        d
        for d in deelnames
        if d.bijdrage_begroot is not None and d.bijdrage_begroot_vorig_jaar is not None
    ]
    return replace(
        totalen,
        begroot_vergelijkbaar=totaal(d.bijdrage_begroot for d in vergelijkbaar),
        begroot_vorig_jaar_vergelijkbaar=totaal(
            d.bijdrage_begroot_vorig_jaar for d in vergelijkbaar
        ),
        niet_vergelijkbaar=len(deelnames) - len(vergelijkbaar),
    )


class Groep(TypedDict):
    """One group of a gemeente's arrangements (a form, a motive or a domain) with its count and
    the sums of its bijdragen in the year; None when no amount is recorded. A dict: a
    template finds a key at once, an attribute only after a failed key lookup (a caught
    exception)."""

    naam: str
    deelnames: list[Deelname]
    aantal: int
    begroot: Decimal | None
    gerealiseerd: Decimal | None
    adres: str  # a group per domein: its page comparing the regelingen; "" for the others


def groep(naam: str, deelnames: list[Deelname]) -> Groep:
    return Groep(
        naam=naam,
        adres="",
        deelnames=deelnames,
        aantal=len(deelnames),
        begroot=totaal(d.bijdrage_begroot for d in deelnames),
        gerealiseerd=totaal(d.bijdrage_gerealiseerd for d in deelnames),
    )


def deelnames_per_groep(deelnames: list[Deelname], *, per: str) -> list[Groep]:
    """The rows of `deelnames_van_gemeente` grouped per `motief` (in the order of the
    vocabulary) or per `domein` (per hoofdthema, by name: "natuur en milieu | afval" counts
    under "natuur en milieu"); an arrangement with two motives or hoofdthema's is in both
    groups, one with none in the last group ("Zonder motief" / "Zonder domein"). No queries:
    the domains were read with the rows."""
    groepen: dict[str, list[Deelname]] = {}
    zonder_groep: list[Deelname] = []
    # The motives' names in the order of the vocabulary, translated once per table.
    motieven = {m: label(Motief, m) for m in Motief.values} if per == "motief" else {}
    for deelname in deelnames:
        verband = deelname.samenwerkingsverband
        if per == "motief":
            namen = [naam for m, naam in motieven.items() if m in verband.motieven]
        else:
            # Per hoofdthema: an arrangement in three subthema's of one counts there once.
            namen = sorted({d.hoofdthema_naam for d in verband.gelezen_domeinen}, key=sort_key)
        for naam in namen:
            groepen.setdefault(naam, []).append(deelname)
        if not namen:
            zonder_groep.append(deelname)
    if per == "motief":
        resultaat = [groep(n, groepen[n]) for n in motieven.values() if n in groepen]
        rest = _("Zonder motief")
    else:
        resultaat = [groep(n, groepen[n]) for n in sorted(groepen, key=sort_key)]
        rest = _("Zonder domein")
    return resultaat + ([groep(str(rest), zonder_groep)] if zonder_groep else [])


def met_hoofdthemas(domeinen: Iterable[Domein]) -> dict[str, Domein]:
    """`domeinen` by name (repeats once), with the hoofdthema's of their subthema's that are
    not among them ("natuur en milieu" for "natuur en milieu | afval"), where the register has
    them: a filter or a link on a hoofdthema takes in its subthema's too. One query, none when
    all are there."""
    bij_naam = {d.naam: d for d in domeinen}
    namen = {d.hoofdthema_naam for d in bij_naam.values() if d.subthema_naam} - bij_naam.keys()
    if namen:
        bij_naam.update((d.naam, d) for d in Domein.objects.filter(naam__in=namen))
    return bij_naam


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
    if code.isascii() and code.isdigit():  # "²" is a digit to isdigit(), not to int()
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
            )
            treffers.append((rang, gemeente))
    # A stable sort: equal ranks keep the query's order by name (the column's collation).
    return [gemeente for _rang, gemeente in sorted(treffers, key=lambda t: t[0])]


def gemeenten_bedoeld(zoekterm: str) -> list[Gemeente]:
    """For a search that found nothing: the gemeenten whose name is nearly `zoekterm`, a typing
    error away ("Utrect": Utrecht; "Bergn": both Bergens; "Den Hag", an everyday name:
    's-Gravenhage), best first, at most three names (`Namenlijst.bedoeld`, as the API's
    messages and the page addresses). One query."""
    return Namenlijst(Gemeente.objects.order_by("naam")).bedoeld(zoekterm)


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
