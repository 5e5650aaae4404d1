"""P&C termijnen: the statutory moments of a regeling's planning-and-control cycle for a budget
year, computed from the Termijnregel rows (the law as data).

The cycle of begrotingsjaar J runs from the kaders (January of J-1) to the jaarrekening of J
(July of J+1). How a date is derived, in order of precedence:

1. a Termijnafwijking for the regeling, rule and year: its date, as the regeling sets it;
2. a rule counted from the board's adoption with a recorded Bestuursvergadering: that meeting
   plus or minus the rule's weeks (counted forward: never later than the rule's cap);
3. otherwise the latest lawful date, marked `afgeleid` for rules that depend on a meeting.

Dates are the last day on which something is on time. The law says "vóór 15 september": the
deadline is 14 September. "Binnen twee weken na de vaststelling" on day D: D + 14 days.
"Twaalf weken vóór" an adoption on day D: D − 84 days. Weeks are counted in days, so a leap
day counts like any other day.

A rule applies to the begrotingsjaren of its `vanaf_jaar`..`tot_jaar`, so that a year keeps the
law as it read then (the begroting to gedeputeerde staten before 15 July until begrotingsjaar
2015, before 1 August since; no kaders before art. 34b came in on 1 January 2015). A date on
a Saturday, Sunday or feestdag is not moved; it carries a note (`dagnotitie`, raad.werkdagen).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from regioreg.collation import sort_key
from samenwerking.models import Samenwerkingsverband
from samenwerking.tekst import datum_tekst

from .constants import PC_VORMEN, Berekening
from .models import Bestuursvergadering, Termijnafwijking, Termijnregel
from .werkdagen import dagnotitie


def voor_datum(regel: Termijnregel, jaar: int) -> datetime.date:
    """The date the law says "vóór" for begrotingsjaar `jaar`."""
    return datetime.date(jaar + regel.jaar_verschuiving, regel.maand, regel.dag)


def laatste_dag(regel: Termijnregel, jaar: int) -> datetime.date:
    """The last day on time: the day before the "vóór" date."""
    return voor_datum(regel, jaar) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Termijn:
    verband: Samenwerkingsverband
    regel: Termijnregel
    jaar: int
    datum: datetime.date
    afgeleid: bool = False
    vergadering: Bestuursvergadering | None = None
    afwijking: Termijnafwijking | None = None

    @property
    def uid(self) -> str:
        """Stable over time: the same regeling, rule and year keep their UID when the date
        moves (a meeting is recorded, an override is entered)."""
        return f"{self.verband.uuid}-{self.regel.code}-{self.jaar}@regioreg"

    @property
    def dagnotitie(self) -> str:
        """A note when the date falls on a Saturday, Sunday or feestdag; else empty."""
        return dagnotitie(self.datum)

    @property
    def uitleg(self) -> str:
        """How the date was found, in Dutch, for the page and the calendar entry."""
        regel = self.regel
        if self.afwijking:
            tekst = _("Afwijkende datum volgens de regeling")
            return f"{tekst}: {self.afwijking.bron}." if self.afwijking.bron else f"{tekst}."
        vast = datum_tekst(voor_datum(regel, self.jaar))
        if regel.berekening == Berekening.VASTE_DATUM:
            return _("Vóór %(datum)s.") % {"datum": vast}
        if self.vergadering is None:
            if regel.berekening == Berekening.WEKEN_VOOR_VASTSTELLING:
                return _(
                    "Afgeleid: %(weken)s weken vóór de uiterste vaststellingsdatum; er is nog "
                    "geen vergadering van het bestuur vastgelegd."
                ) % {"weken": regel.weken}
            return _(
                "Afgeleid: de uiterste datum (vóór %(datum)s); er is nog geen vergadering van "
                "het bestuur vastgelegd."
            ) % {"datum": vast}
        vergadering = datum_tekst(self.vergadering.datum)
        if regel.berekening == Berekening.WEKEN_VOOR_VASTSTELLING:
            return _("%(weken)s weken vóór de vaststelling op %(vergadering)s.") % {
                "weken": regel.weken,
                "vergadering": vergadering,
            }
        return _(
            "%(weken)s weken na de vaststelling op %(vergadering)s, en in ieder geval vóór "
            "%(datum)s."
        ) % {"weken": regel.weken, "vergadering": vergadering, "datum": vast}


def termijn_berekenen(
    regel: Termijnregel,
    verband: Samenwerkingsverband,
    jaar: int,
    *,
    vergadering: Bestuursvergadering | None = None,
    afwijking: Termijnafwijking | None = None,
) -> Termijn:
    """The date of one rule for one regeling and begrotingsjaar. No queries."""
    gegevens = {"verband": verband, "regel": regel, "jaar": jaar, "vergadering": vergadering}
    if afwijking is not None:
        return Termijn(datum=afwijking.datum, afwijking=afwijking, **gegevens)
    uiterst = laatste_dag(regel, jaar)
    if regel.berekening == Berekening.VASTE_DATUM:
        return Termijn(datum=uiterst, **gegevens)
    weken = datetime.timedelta(weeks=regel.weken)
    if regel.berekening == Berekening.WEKEN_VOOR_VASTSTELLING:
        # Without a meeting, count back from the latest lawful adoption date.
        if vergadering is None:
            return Termijn(datum=uiterst - weken, afgeleid=True, **gegevens)
        return Termijn(datum=vergadering.datum - weken, **gegevens)
    if vergadering is None:
        return Termijn(datum=uiterst, afgeleid=True, **gegevens)
    return Termijn(datum=min(vergadering.datum + weken, uiterst), **gegevens)


def pc_termijnen(
    verbanden: Iterable[Samenwerkingsverband],
    jaren: Iterable[int],
    *,
    vaststellingen: Iterable[Bestuursvergadering] | None = None,
) -> list[Termijn]:
    """Every P&C termijn of `verbanden` for the begrotingsjaren `jaren`, sorted by date.

    Only forms with their own budget (OL, BVO, GO) have them, each rule for the forms and
    the begrotingsjaren it lists. Queries: 1 rules, 2 recorded meetings (not when the caller
    gives `vaststellingen`: the arrangements' recorded meetings, at least those of `jaren`),
    3 overrides; none when no arrangement has a P&C form.
    """
    verbanden = [v for v in verbanden if v.vorm in PC_VORMEN]
    jaren = sorted(set(jaren))
    if not verbanden or not jaren:
        return []
    ids = [v.pk for v in verbanden]
    regels = list(Termijnregel.objects.all())
    if vaststellingen is None:
        vaststellingen = Bestuursvergadering.objects.filter(
            samenwerkingsverband__in=ids, jaar__in=jaren
        )
    vergaderingen = {
        (v.samenwerkingsverband_id, v.vaststelling, v.jaar): v
        for v in vaststellingen
        if v.jaar in jaren
    }
    afwijkingen = {
        (a.samenwerkingsverband_id, a.regel_id, a.jaar): a
        for a in Termijnafwijking.objects.filter(samenwerkingsverband__in=ids, jaar__in=jaren)
    }
    termijnen = [
        termijn_berekenen(
            regel,
            verband,
            jaar,
            vergadering=vergaderingen.get((verband.pk, regel.vaststelling, jaar)),
            afwijking=afwijkingen.get((verband.pk, regel.pk, jaar)),
        )
        for verband in verbanden
        for jaar in jaren
        for regel in regels
        if verband.vorm in regel.vormen and regel.geldt_voor(jaar)
    ]
    return sorted(termijnen, key=lambda t: (t.datum, t.regel.volgorde, sort_key(t.verband.naam)))
