"""The sources of what the register holds, each with its date, read from the data itself:
the public "bronnen" page."""

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import BRON_OPENGR, BRON_ROO, BRON_SYNTHETISCH
from ..models import Herindeling, Inwonertal
from .register import registerstand, tellingen_per_bron


@dataclass(frozen=True)
class Bron:
    naam: str
    wat: str
    datum: datetime.date | None  # None: nothing from this source here
    datum_soort: str  # what the date means ("stand", "laatst gewijzigd", ...)
    zonder_datum: str = ""  # what the page says when there is no date
    aantal: int | None = None


def bronnen_met_datum() -> list[Bron]:
    """Each source with the date of the data regioreg holds from it. Four queries."""
    roo = registerstand()
    per_bron = tellingen_per_bron()
    roo_aantal = per_bron.get(BRON_ROO, {}).get("aantal", 0)
    opengr_aantal = per_bron.get(BRON_OPENGR, {}).get("aantal", 0)
    synthetisch = [t for b, t in per_bron.items() if b.startswith(BRON_SYNTHETISCH)]
    eigen = [
        t
        for b, t in per_bron.items()
        if b not in (BRON_ROO, BRON_OPENGR) and not b.startswith(BRON_SYNTHETISCH)
    ]
    indeling = Herindeling.objects.aggregate(laatste=Max("datum"))["laatste"]
    inwoners = Inwonertal.objects.order_by("-jaar").values("jaar", "bron").first()
    demo = []  # the synthetic data of `make demo`, when this database has them
    if synthetisch:
        demo.append(
            Bron(
                naam=_("Synthetische voorbeeldgegevens (demo)"),
                wat=_(
                    "Verzonnen samenwerkingsverbanden, besturen, zetels, inwoners en bedragen "
                    "op echte gemeenten (manage.py genereer_schaaldata). Niets hiervan is echt."
                ),
                datum=_datum(max(t["bijgewerkt"] for t in synthetisch)),
                datum_soort=_("gemaakt op"),
                aantal=sum(t["aantal"] for t in synthetisch),
            )
        )
    return [
        *demo,
        Bron(
            naam=_("Landelijk register (Register van Overheidsorganisaties)"),
            wat=_(
                "Alle gemeenschappelijke regelingen met hun versies, deelnemers en "
                "bevoegdheden (Wgr art. 136), en de inwoners per gemeente."
            ),
            datum=_datum(roo.stand if roo else None),
            datum_soort=_("stand van de export"),
            aantal=roo_aantal,
        ),
        Bron(
            naam=_("Inwoners per gemeente"),
            wat=(
                _("Verzonnen aantallen (synthetische voorbeeldgegevens), niet uit het register.")
                if inwoners and inwoners["bron"].startswith(BRON_SYNTHETISCH)
                else _("Uit de export van het landelijk register; aantal op 1 januari.")
            ),
            datum=datetime.date(inwoners["jaar"], 1, 1) if inwoners else None,
            datum_soort=_("peildatum"),
        ),
        Bron(
            naam=_("Gemeentelijke indeling (CBS)"),
            wat=_(
                "De gemeenten met hun provincie en elke herindeling sinds 2016, uit de "
                "tabellen van het CBS en de RvIG."
            ),
            datum=indeling,
            datum_soort=_("laatste herindeling"),
        ),
        Bron(
            naam=_("OpenGR (Open State Foundation)"),
            wat=_(
                "Historische bron: de deelnames die de provincies in 2015 meldden. Alleen "
                "gebruikt waar het landelijk register iets niet heeft."
            ),
            datum=datetime.date(2016, 3, 1) if opengr_aantal else None,
            datum_soort=_("stand"),
            aantal=opengr_aantal,
        ),
        Bron(
            naam=_("Ingevoerd in het beheer"),
            wat=_(
                "Samenwerkingsverbanden, besturen, zetels en bedragen die "
                "regiosecretariaten en griffies zelf bijhouden."
            ),
            datum=_datum(max((r["bijgewerkt"] for r in eigen), default=None)),
            datum_soort=_("laatst gewijzigd"),
            zonder_datum=_("nog niets ingevoerd"),
            aantal=sum(r["aantal"] for r in eigen),
        ),
    ]


def _datum(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(moment).date() if moment else None
