"""Meetings and the raad's decision date for a zienswijze, shared by the calendar, the
zienswijze pages, the page of one request with every raad, the API and the iCal feed.

The raad's decision date (besluitmoment) for a zienswijze is the last raadsvergadering of its
gemeente on or before the request's deadline, and not before the request arrived (a raad
cannot decide on what it has not received). Without one the raad must plan an extra meeting
or ask the board for more time; without any raadsvergadering entered after the request
arrived, the griffie's calendar is simply not known yet, which is said as such.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerking.models import Deelname, Gemeente
from samenwerking.tekst import datum_tekst

from .constants import OPEN_STATUSSEN, ZienswijzeStatus
from .models import Raadsvergadering, Zienswijze, Zienswijzeverzoek


def besluit_annotaties(*, gemeente, ontvangen_op, uiterste_datum) -> dict:
    """Annotations `besluitdatum` (the last raadsvergadering in [ontvangen_op, uiterste_datum])
    and `vergaderschema_bekend` (any raadsvergadering on or after ontvangen_op) for rows whose
    gemeente, receipt and deadline are the given expressions (OuterRef or Value). No extra
    query: both are subqueries of the row's own query."""
    vergaderingen = Raadsvergadering.objects.filter(gemeente=gemeente, datum__gte=ontvangen_op)
    return {
        "besluitdatum": Subquery(
            vergaderingen.filter(datum__lte=uiterste_datum).order_by("-datum").values("datum")[:1]
        ),
        "vergaderschema_bekend": Exists(vergaderingen),
    }


def zienswijzen_met_besluitdatum(queryset: QuerySet) -> QuerySet:
    """Zienswijzen annotated with their raad's decision date (see besluit_annotaties)."""
    return queryset.annotate(
        **besluit_annotaties(
            gemeente=OuterRef("gemeente"),
            ontvangen_op=OuterRef("zienswijzeverzoek__ontvangen_op"),
            uiterste_datum=OuterRef("zienswijzeverzoek__uiterste_datum"),
        )
    )


@dataclass(frozen=True)
class Besluitmoment:
    """When the raad must decide to be on time: `datum`, or `None` with `melding` saying why."""

    datum: datetime.date | None
    melding: str

    @property
    def tekst(self) -> str:
        if self.datum:
            return _("Raadsvergadering van %(datum)s (de laatste vóór de termijn)") % {
                "datum": datum_tekst(self.datum)
            }
        return self.melding


def besluitmoment(datum: datetime.date | None, vergaderschema_bekend: bool) -> Besluitmoment:
    """The decision date from the annotations of besluit_annotaties. No queries."""
    if datum:
        return Besluitmoment(datum=datum, melding="")
    if vergaderschema_bekend:
        return Besluitmoment(
            datum=None,
            melding=_(
                "Geen raadsvergadering vóór de termijn — plan een extra vergadering of vraag "
                "uitstel."
            ),
        )
    return Besluitmoment(
        datum=None,
        melding=_(
            "Vergaderschema van de raad onbekend: de griffie heeft nog geen raadsvergadering "
            "na de ontvangst van het verzoek ingevoerd."
        ),
    )


def besluitmoment_van(rij) -> Besluitmoment:
    """For a row read with the annotations of besluit_annotaties."""
    return besluitmoment(rij.besluitdatum, rij.vergaderschema_bekend)


# --- One request, every raad -------------------------------------------------------------------


@dataclass(frozen=True)
class Raadstand:
    """One participating gemeente's raad and where it stands with the request."""

    gemeente: Gemeente
    zienswijze: Zienswijze | None
    status: ZienswijzeStatus
    besluitmoment: Besluitmoment
    # Undecided, and its last raadsvergadering before the deadline has passed: an extra
    # meeting or more time is needed.
    besluitmoment_voorbij: bool = False

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    @property
    def ingediend(self) -> bool:
        return self.status == ZienswijzeStatus.INGEDIEND


def _aantal(status: ZienswijzeStatus) -> property:
    """A read-only count of the raden whose zienswijze has STATUS."""
    return property(lambda overzicht: sum(1 for raad in overzicht.raden if raad.status == status))


@dataclass(frozen=True)
class Radenoverzicht:
    verzoek: Zienswijzeverzoek
    vandaag: datetime.date
    raden: list[Raadstand]

    @property
    def aantal(self) -> int:
        return len(self.raden)

    aantal_ingediend = _aantal(ZienswijzeStatus.INGEDIEND)
    aantal_geagendeerd = _aantal(ZienswijzeStatus.GEAGENDEERD)
    aantal_nog_niet = _aantal(ZienswijzeStatus.NOG_TE_AGENDEREN)
    aantal_geen_zienswijze = _aantal(ZienswijzeStatus.GEEN_ZIENSWIJZE)
    aantal_verstreken = _aantal(ZienswijzeStatus.TERMIJN_VERSTREKEN)

    @property
    def samenvatting(self) -> str:
        # The verb agrees with the number that submitted: "1 van 4 raden heeft", "2 … hebben".
        return ngettext(
            "%(ingediend)s van %(totaal)s raden heeft een zienswijze ingediend",
            "%(ingediend)s van %(totaal)s raden hebben een zienswijze ingediend",
            self.aantal_ingediend,
        ) % {"ingediend": self.aantal_ingediend, "totaal": self.aantal}


def raden_van_zienswijzeverzoek(
    verzoek: Zienswijzeverzoek, *, vandaag: datetime.date
) -> Radenoverzicht:
    """Every gemeente taking part in the request's regeling on the day it arrived (and any
    other gemeente that has a zienswijze on it), by name, with its zienswijze (status as it
    reads on `vandaag`) and its raad's decision date. A gemeente without a zienswijze row reads
    as nog te agenderen (or verstreken after the deadline). Queries: 1 gemeenten with decision
    date, 2 zienswijzen; however many deelnemers."""
    deelnemers = Deelname.objects.actief_op(verzoek.ontvangen_op).filter(
        samenwerkingsverband_id=verzoek.samenwerkingsverband_id, gemeente__isnull=False
    )
    gemeenten = (
        Gemeente.objects.filter(
            Q(pk__in=deelnemers.values("gemeente"))
            | Q(pk__in=Zienswijze.objects.filter(zienswijzeverzoek=verzoek).values("gemeente"))
        )
        .annotate(
            **besluit_annotaties(
                gemeente=OuterRef("pk"),
                ontvangen_op=Value(verzoek.ontvangen_op),
                uiterste_datum=Value(verzoek.uiterste_datum),
            )
        )
        .order_by("naam", "cbs_code")
    )
    zienswijzen = {
        z.gemeente_id: z
        for z in Zienswijze.objects.filter(zienswijzeverzoek=verzoek).met_actuele_status(vandaag)
    }
    verstreken = verzoek.uiterste_datum < vandaag
    raden = []
    for gemeente in gemeenten:
        zienswijze = zienswijzen.get(gemeente.pk)
        if zienswijze is not None:
            status = ZienswijzeStatus(zienswijze.actuele_status)
        elif verstreken:
            status = ZienswijzeStatus.TERMIJN_VERSTREKEN
        else:
            status = ZienswijzeStatus.NOG_TE_AGENDEREN
        moment = besluitmoment_van(gemeente)
        raden.append(
            Raadstand(
                gemeente=gemeente,
                zienswijze=zienswijze,
                status=status,
                besluitmoment=moment,
                besluitmoment_voorbij=status in OPEN_STATUSSEN
                and moment.datum is not None
                and moment.datum < vandaag,
            )
        )
    return Radenoverzicht(verzoek=verzoek, vandaag=vandaag, raden=raden)
