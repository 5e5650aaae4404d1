"""Reads for the raad's calendar, shared by the pages, the iCalendar feed and the API.

Every selector takes the day it looks from (`vandaag`) as a parameter: the callers pass
today, tests pass a fixed day. Each runs a fixed number of queries, whatever the data size.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regioreg.collation import sort_key
from samenwerking.models import WGR_2022, Deelname, Gemeente, Samenwerkingsverband
from samenwerking.periode import loopt_op, periode_overlapt_q
from samenwerking.tekst import datum_tekst

from .constants import OPEN_STATUSSEN, ZienswijzeStatus
from .models import (
    Bestuursvergadering,
    Evaluatie,
    Raadsvergadering,
    Vergadering,
    Zienswijze,
    Zienswijzeverzoek,
)
from .termijnen import Termijn, pc_termijnen
from .vergaderingen import Besluitmoment, besluitmoment_van, zienswijzen_met_besluitdatum
from .vergaderregels import vergaderingen_met_vaststellingen
from .werkdagen import dagnotitie


def jaren_later(datum: datetime.date, jaren: int) -> datetime.date:
    """The same day `jaren` years later; 29 February becomes 28 February in a common year
    (the earlier day, so that nothing is shown as on time when it is not)."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:
        return datum.replace(year=datum.year + jaren, day=28)


@dataclass(frozen=True)
class Evaluatiestand:
    """When a regeling was last evaluated and when the next evaluation is due."""

    interval_jaren: int | None
    laatste: datetime.date | None
    volgende: datetime.date | None
    te_laat: bool


def evaluatiestand(
    verband: Samenwerkingsverband, laatste: datetime.date | None, *, vandaag: datetime.date
) -> Evaluatiestand:
    """The next evaluation is due `evaluatie_interval_jaren` after the latest of: the last
    evaluation, the regeling's coming into force, and the day its evaluation rule took effect
    (`evaluatiebepaling_sinds`; unknown: 1 July 2022, when the Wgr introduced the rule). An
    evaluation before the rule took effect does not start the count. Unknown without an
    interval. Overdue when that day lies before `vandaag`. No queries."""
    interval = verband.evaluatie_interval_jaren
    sinds = verband.evaluatiebepaling_sinds or WGR_2022
    basis = max(d for d in (laatste, verband.ingangsdatum, sinds) if d is not None)
    volgende = jaren_later(basis, interval) if interval else None
    return Evaluatiestand(
        interval_jaren=interval,
        laatste=laatste,
        volgende=volgende,
        te_laat=volgende is not None and volgende < vandaag,
    )


def neemt_deel_op(datum: datetime.date, verband: Samenwerkingsverband, deelnames) -> bool:
    """Does a gemeente, by its `deelnames` in `verband`, take part in the running regeling on
    `datum`? The calendar and the oplegger show a regeling's moments to a raad only then."""
    return loopt_op(datum, verband.ingangsdatum, verband.einddatum) and any(
        d.is_actief_op(datum) for d in deelnames
    )


def zienswijzen_van_gemeente(gemeente: Gemeente, *, vandaag: datetime.date) -> QuerySet:
    """The raad's zienswijzen with `actuele_status` (termijn verstreken when the deadline
    passed without a raadsbesluit), the raad's decision date (`besluitdatum`,
    `vergaderschema_bekend`: raad.vergaderingen), request and arrangement. One query."""
    return (
        zienswijzen_met_besluitdatum(Zienswijze.objects.filter(gemeente=gemeente))
        .met_actuele_status(vandaag)
        .select_related("zienswijzeverzoek__samenwerkingsverband")
        .order_by(
            "-zienswijzeverzoek__uiterste_datum", "zienswijzeverzoek__samenwerkingsverband__naam"
        )
    )


def besluitmomenten_van_raad(
    gemeente: Gemeente, verband: Samenwerkingsverband, *, vandaag: datetime.date
) -> list[tuple[Zienswijze, Besluitmoment]]:
    """The raad's open zienswijzen on one regeling whose deadline is today or later, each with
    the raad's decision date (raad.vergaderingen), deadline first. One query."""
    return [
        (zienswijze, besluitmoment_van(zienswijze))
        for zienswijze in zienswijzen_van_gemeente(gemeente, vandaag=vandaag)
        .filter(
            zienswijzeverzoek__samenwerkingsverband=verband,
            zienswijzeverzoek__uiterste_datum__gte=vandaag,
            actuele_status__in=OPEN_STATUSSEN,
        )
        .order_by("zienswijzeverzoek__uiterste_datum", "zienswijzeverzoek__onderwerp")
    ]


# --- The calendar of one gemeente -------------------------------------------------------------


@dataclass(frozen=True)
class Kalenderpunt:
    """One dated entry of the calendar: a P&C termijn, a zienswijze deadline, the raad's
    decision date for a zienswijze, an evaluation due, a meeting of a regeling or of the raad.
    `uid` identifies it across feed generations, even when its date moves. `verband` is None
    only for the raad's own meetings."""

    datum: datetime.date
    # "termijn", "zienswijze", "raadsbesluit", "evaluatie", "vergadering", "raadsvergadering"
    soort: str
    titel: str
    uitleg: str
    verband: Samenwerkingsverband | None
    uid: str
    te_laat: bool = False
    afgehandeld: bool = False
    afgeleid: bool = False
    artikel: str = ""
    status: str = ""
    zienswijzeverzoek: Zienswijzeverzoek | None = None
    links: tuple[tuple[str, str], ...] = ()  # (label, url) of an agenda, a besluitenlijst

    @property
    def dagnotitie(self) -> str:
        """A note when the date falls on a Saturday, Sunday or feestdag (raad.werkdagen)."""
        return dagnotitie(self.datum)


@dataclass(frozen=True)
class Kalenderregel:
    """One row of the calendar page: a moment and every arrangement it falls to that day."""

    punt: Kalenderpunt
    verbanden: tuple[Samenwerkingsverband, ...]


@dataclass(frozen=True)
class Kalenderdag:
    datum: datetime.date
    regels: list[Kalenderregel]

    @property
    def aantal(self) -> int:
        return sum(len(regel.verbanden) or 1 for regel in self.regels)

    @property
    def dagnotitie(self) -> str:
        return dagnotitie(self.datum)


def per_dag(punten: list[Kalenderpunt]) -> list[Kalenderdag]:
    """`punten` (in date order) per day. The Wgr's termijnen fall on the same day for every
    regeling, so a gemeente in ten sees the same moment ten times: punten of one day with the
    same soort, titel, uitleg and article are one row naming all their arrangements, unless a
    punt has something of its own (a status, links, a zienswijzeverzoek) or is the raad's.
    No queries."""
    dagen: dict[datetime.date, dict[object, list[Kalenderpunt]]] = {}
    for punt in punten:
        eigen = punt.status or punt.links or punt.zienswijzeverzoek or punt.verband is None
        sleutel = (
            punt.uid
            if eigen
            else (punt.soort, punt.titel, punt.uitleg, punt.artikel, punt.te_laat, punt.afgeleid)
        )
        dagen.setdefault(punt.datum, {}).setdefault(sleutel, []).append(punt)
    return [
        Kalenderdag(
            datum,
            [
                Kalenderregel(groep[0], tuple(p.verband for p in groep if p.verband))
                for groep in regels.values()
            ],
        )
        for datum, regels in dagen.items()
    ]


@dataclass(frozen=True)
class Kalender:
    gemeente: Gemeente
    vandaag: datetime.date
    van: datetime.date
    tot: datetime.date
    verbanden: list[Samenwerkingsverband]
    punten: list[Kalenderpunt] = field(default_factory=list)

    @property
    def te_laat(self) -> list[Kalenderpunt]:
        """What the raad or the regeling should already have done."""
        return [p for p in self.punten if p.te_laat]

    @property
    def komend(self) -> list[Kalenderpunt]:
        """What is still ahead, from today on."""
        return [
            p
            for p in self.punten
            if not p.te_laat and not p.afgehandeld and self.vandaag <= p.datum
        ]

    @property
    def te_laat_per_dag(self) -> list[Kalenderdag]:
        return per_dag(self.te_laat)

    @property
    def komend_per_dag(self) -> list[Kalenderdag]:
        return per_dag(self.komend)


def _termijnpunt(termijn: Termijn) -> Kalenderpunt:
    return Kalenderpunt(
        datum=termijn.datum,
        soort="termijn",
        titel=_("%(omschrijving)s (begrotingsjaar %(jaar)s)")
        % {"omschrijving": termijn.regel.omschrijving, "jaar": termijn.jaar},
        uitleg=termijn.uitleg,
        verband=termijn.verband,
        uid=termijn.uid,
        afgeleid=termijn.afgeleid,
        artikel=termijn.regel.artikel,
    )


def _zienswijzepunt(zienswijze: Zienswijze) -> Kalenderpunt:
    verzoek = zienswijze.zienswijzeverzoek
    status = ZienswijzeStatus(zienswijze.actuele_status)
    uitleg = _("Ontvangen op %(datum)s.") % {"datum": datum_tekst(verzoek.ontvangen_op)}
    if zienswijze.raadsvergadering and status == ZienswijzeStatus.GEAGENDEERD:
        uitleg += " " + _("Geagendeerd voor de raad van %(datum)s.") % {
            "datum": datum_tekst(zienswijze.raadsvergadering)
        }
        if zienswijze.raadsvergadering > verzoek.uiterste_datum:
            uitleg += " " + _(
                "Die vergadering ligt na de uiterste datum: agendeer de zienswijze eerder of "
                "vraag uitstel."
            )
    if status in OPEN_STATUSSEN:
        uitleg += " " + _("Besluit van de raad: %(besluit)s") % {
            "besluit": besluitmoment_van(zienswijze).tekst
        }
    return Kalenderpunt(
        datum=verzoek.uiterste_datum,
        soort="zienswijze",
        titel=_("Zienswijze: %(onderwerp)s") % {"onderwerp": verzoek.onderwerp},
        uitleg=uitleg,
        verband=verzoek.samenwerkingsverband,
        uid=f"zienswijze-{zienswijze.uuid}@regioreg",
        te_laat=status == ZienswijzeStatus.TERMIJN_VERSTREKEN,
        afgehandeld=status not in OPEN_STATUSSEN,
        status=status.label,
        zienswijzeverzoek=verzoek,
    )


def _besluitpunt(zienswijze: Zienswijze, *, vandaag: datetime.date) -> Kalenderpunt:
    """The raadsvergadering at which the raad must decide on an open zienswijze. Past it
    without a decision, no later raadsvergadering is on time: `te_laat`."""
    verzoek = zienswijze.zienswijzeverzoek
    return Kalenderpunt(
        datum=zienswijze.besluitdatum,
        soort="raadsbesluit",
        titel=_("Raadsbesluit over zienswijze: %(onderwerp)s") % {"onderwerp": verzoek.onderwerp},
        uitleg=_(
            "De laatste raadsvergadering vóór de uiterste datum van %(datum)s: besluit de raad "
            "later, dan is de zienswijze te laat."
        )
        % {"datum": datum_tekst(verzoek.uiterste_datum)},
        verband=verzoek.samenwerkingsverband,
        uid=f"zienswijze-{zienswijze.uuid}-raadsbesluit@regioreg",
        te_laat=zienswijze.besluitdatum < vandaag,
        zienswijzeverzoek=verzoek,
    )


def _vergaderpunt(vergadering: Vergadering) -> Kalenderpunt:
    links = []
    if vergadering.agenda_url:
        links.append((_("agenda"), vergadering.agenda_url))
    if vergadering.besluiten_url:
        links.append((_("besluitenlijst"), vergadering.besluiten_url))
    return Kalenderpunt(
        datum=vergadering.datum,
        soort="vergadering",
        titel=vergadering.get_soort_display(),
        uitleg=vergadering.omschrijving,
        verband=vergadering.samenwerkingsverband,
        uid=f"vergadering-{vergadering.uuid}@regioreg",
        links=tuple(links),
    )


def _raadsvergaderpunt(vergadering: Raadsvergadering) -> Kalenderpunt:
    return Kalenderpunt(
        datum=vergadering.datum,
        soort="raadsvergadering",
        titel=_("Raadsvergadering"),
        uitleg=vergadering.omschrijving,
        verband=None,
        uid=f"raadsvergadering-{vergadering.uuid}@regioreg",
        links=((_("agenda"), vergadering.agenda_url),) if vergadering.agenda_url else (),
    )


def _evaluatiepunt(verband, stand: Evaluatiestand) -> Kalenderpunt:
    n = stand.interval_jaren
    if stand.laatste:
        uitleg = ngettext(
            "Elk jaar; laatste evaluatie %(datum)s.",
            "Elke %(n)s jaar; laatste evaluatie %(datum)s.",
            n,
        ) % {"n": n, "datum": datum_tekst(stand.laatste)}
    else:
        uitleg = ngettext(
            "Elk jaar; nog geen evaluatie vastgelegd, gerekend vanaf de inwerkingtreding of "
            "de evaluatiebepaling (op zijn vroegst 1 juli 2022).",
            "Elke %(n)s jaar; nog geen evaluatie vastgelegd, gerekend vanaf de "
            "inwerkingtreding of de evaluatiebepaling (op zijn vroegst 1 juli 2022).",
            n,
        ) % {"n": n}
    return Kalenderpunt(
        datum=stand.volgende,
        soort="evaluatie",
        titel=_("Evaluatie van de regeling"),
        uitleg=uitleg,
        verband=verband,
        uid=f"{verband.uuid}-evaluatie@regioreg",
        te_laat=stand.te_laat,
        artikel=_("Wgr 2022 (evaluatiebepaling in de regeling)"),
    )


def kalender_van_gemeente(
    gemeente: Gemeente,
    *,
    vandaag: datetime.date,
    van: datetime.date,
    tot: datetime.date,
    verband_uuid=None,
) -> Kalender:
    """Everything dated between `van` and `tot` (inclusive) for the raad of `gemeente`:

    - the P&C termijnen of each arrangement the gemeente takes part in on that date;
    - the deadline of each of its zienswijzen (verstreken ones are `te_laat`), and for an
      open one the raadsvergadering at which the raad must decide (raad.vergaderingen);
    - the next evaluation of each arrangement it takes part in today (an overdue one is
      shown whatever its date);
    - the meetings of each arrangement it takes part in on that day (boards, raadsavonden,
      verantwoordingsbijeenkomsten) and the raad's own raadsvergaderingen.

    `verbanden` lists the gemeente's arrangements in the window, for a filter; `verband_uuid`
    keeps the entries of one of them (and the raad's own meetings); any other keeps all (the
    caller says so: raad.kalender_views). Queries: 1 deelnames with
    arrangement and last evaluation, 2-4 P&C rules, meetings and overrides (see
    pc_termijnen), 5 zienswijzen with decision date, 6 meetings of the arrangements,
    7 their vaststellingsvergaderingen (shown as meetings of the algemeen bestuur:
    raad.vergaderregels), 8 raadsvergaderingen.
    """
    laatste_evaluatie = (
        Evaluatie.objects.filter(samenwerkingsverband=OuterRef("samenwerkingsverband"))
        .order_by("-datum")
        .values("datum")[:1]
    )
    deelnames = list(
        Deelname.objects.filter(gemeente=gemeente, samenwerkingsverband__alleen_historisch=False)
        .filter(
            periode_overlapt_q(
                van, tot + datetime.timedelta(days=1), "toetredingsdatum", "uittredingsdatum"
            )
        )
        .select_related("samenwerkingsverband")
        .annotate(laatste_evaluatie=Subquery(laatste_evaluatie))
        .order_by("samenwerkingsverband__naam", "pk")
    )
    per_verband: dict[int, list[Deelname]] = {}
    for deelname in deelnames:
        per_verband.setdefault(deelname.samenwerkingsverband_id, []).append(deelname)
    verbanden = [rijen[0].samenwerkingsverband for rijen in per_verband.values()]

    def neemt_deel(verband, datum) -> bool:
        return neemt_deel_op(datum, verband, per_verband[verband.pk])

    punten = [
        _termijnpunt(t)
        for t in pc_termijnen(verbanden, range(van.year - 1, tot.year + 2))
        if van <= t.datum <= tot and neemt_deel(t.verband, t.datum)
    ]
    laatste = {d.samenwerkingsverband_id: d.laatste_evaluatie for d in deelnames}
    for verband in verbanden:
        if not neemt_deel(verband, vandaag):
            continue
        stand = evaluatiestand(verband, laatste[verband.pk], vandaag=vandaag)
        if stand.volgende and (stand.te_laat or van <= stand.volgende <= tot):
            punten.append(_evaluatiepunt(verband, stand))
    # A zienswijze whose deadline or whose decision meeting falls in the window.
    for zienswijze in zienswijzen_van_gemeente(gemeente, vandaag=vandaag).filter(
        Q(zienswijzeverzoek__uiterste_datum__range=(van, tot)) | Q(besluitdatum__range=(van, tot))
    ):
        if van <= zienswijze.zienswijzeverzoek.uiterste_datum <= tot:
            punten.append(_zienswijzepunt(zienswijze))
        if (
            zienswijze.actuele_status in OPEN_STATUSSEN
            and zienswijze.besluitdatum
            and van <= zienswijze.besluitdatum <= tot
        ):
            punten.append(_besluitpunt(zienswijze, vandaag=vandaag))
    verband_ids = [v.pk for v in verbanden]
    punten += [
        _vergaderpunt(v)
        for v in vergaderingen_met_vaststellingen(
            Vergadering.objects.filter(
                samenwerkingsverband__in=verband_ids, datum__range=(van, tot)
            ).select_related("samenwerkingsverband"),
            Bestuursvergadering.objects.filter(
                samenwerkingsverband__in=verband_ids, datum__range=(van, tot)
            ).select_related("samenwerkingsverband"),
        )
        if neemt_deel(v.samenwerkingsverband, v.datum)
    ]
    punten += [
        _raadsvergaderpunt(v)
        for v in Raadsvergadering.objects.filter(gemeente=gemeente, datum__range=(van, tot))
    ]
    if any(str(v.uuid) == str(verband_uuid) for v in verbanden):
        punten = [
            p for p in punten if p.verband is None or str(p.verband.uuid) == str(verband_uuid)
        ]
    punten.sort(
        key=lambda p: (p.datum, sort_key(p.verband.naam if p.verband else ""), sort_key(p.titel))
    )
    return Kalender(
        gemeente=gemeente, vandaag=vandaag, van=van, tot=tot, verbanden=verbanden, punten=punten
    )


# --- One arrangement ------------------------------------------------------------------------


@dataclass(frozen=True)
class Verbandkalender:
    """The P&C cycle of one begrotingsjaar, the evaluations, and the meetings and zienswijze
    requests of the past year and ahead, of one arrangement."""

    jaar: int
    termijnen: list[Termijn]
    evaluaties: list[Evaluatie]
    evaluatiestand: Evaluatiestand
    vergaderingen: list[Vergadering] = field(default_factory=list)
    zienswijzeverzoeken: list[Zienswijzeverzoek] = field(default_factory=list)


def verbandkalender(
    verband: Samenwerkingsverband, *, jaar: int, vandaag: datetime.date
) -> Verbandkalender:
    """For the arrangement page. Queries: 1 evaluations, 2 vaststellingsvergaderingen (shown
    as meetings, and setting the P&C termijnen), 3-4 P&C rules and overrides (none for a form
    without a P&C cycle), 5 meetings, 6 zienswijze requests (all from a year before `vandaag`
    on)."""
    evaluaties = list(verband.evaluaties.order_by("-datum"))
    sinds = vandaag - datetime.timedelta(days=365)
    # The vaststellingsvergaderingen shown as meetings and those that set the P&C termijnen
    # of `jaar`: one read for both.
    vaststellingen = list(verband.bestuursvergaderingen.filter(Q(datum__gte=sinds) | Q(jaar=jaar)))
    for vaststelling in vaststellingen:
        vaststelling.samenwerkingsverband = verband  # the one we have, not a join per row
    return Verbandkalender(
        vergaderingen=sorted(
            vergaderingen_met_vaststellingen(
                verband.vergaderingen.filter(datum__gte=sinds),
                [v for v in vaststellingen if v.datum >= sinds],
            ),
            key=lambda v: (v.datum, v.soort),
        ),
        zienswijzeverzoeken=list(
            verband.zienswijzeverzoeken.filter(uiterste_datum__gte=sinds).order_by(
                "uiterste_datum", "onderwerp"
            )
        ),
        jaar=jaar,
        termijnen=pc_termijnen([verband], [jaar], vaststellingen=vaststellingen),
        evaluaties=evaluaties,
        evaluatiestand=evaluatiestand(
            verband, evaluaties[0].datum if evaluaties else None, vandaag=vandaag
        ),
    )
