"""Saturdays, Sundays and the algemeen erkende feestdagen of the Algemene termijnenwet, computed
per year (Easter from dateutil; the rest from fixed rules), never a list of dates.

Algemene termijnenwet art. 3 lid 1 names: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag,
tweede Pinksterdag, both Kerstdagen, the day the King's birthday is celebrated (Koningsdag) and
5 May. Eerste Paasdag and Pinksterdag fall on a Sunday anyway; they are named so that the note
says which day it is. Goede Vrijdag is not an algemeen erkende feestdag.

regioreg does not move a deadline (see docs/handleiding-griffie.md): a deadline on such a day
carries a note with the working day before it and the one after it.
"""

import datetime
from functools import cache

from dateutil.easter import easter
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DAG = datetime.timedelta(days=1)


def _koningsdag(jaar: int) -> tuple[datetime.date, str] | None:
    """27 April since 2014 (26 April when the 27th is a Sunday); Koninginnedag on 30 April
    (29 April when the 30th is a Sunday) from 1949 to 2013."""
    if jaar >= 2014:
        dag = datetime.date(jaar, 4, 27)
        naam = gettext_lazy("Koningsdag")
    elif jaar >= 1949:
        dag = datetime.date(jaar, 4, 30)
        naam = gettext_lazy("Koninginnedag")
    else:
        return None
    if dag.weekday() == 6:
        dag -= DAG
    return dag, naam


@cache
def feestdagen(jaar: int) -> dict[datetime.date, str]:
    """The algemeen erkende feestdagen of `jaar` (Algemene termijnenwet art. 3 lid 1)."""
    pasen = easter(jaar)
    dagen = {
        datetime.date(jaar, 1, 1): gettext_lazy("Nieuwjaarsdag"),
        pasen: gettext_lazy("eerste Paasdag"),
        pasen + DAG: gettext_lazy("tweede Paasdag"),
        pasen + datetime.timedelta(days=39): gettext_lazy("Hemelvaartsdag"),
        pasen + datetime.timedelta(days=49): gettext_lazy("eerste Pinksterdag"),
        pasen + datetime.timedelta(days=50): gettext_lazy("tweede Pinksterdag"),
        datetime.date(jaar, 5, 5): gettext_lazy("5 mei (Bevrijdingsdag)"),
        datetime.date(jaar, 12, 25): gettext_lazy("eerste Kerstdag"),
        datetime.date(jaar, 12, 26): gettext_lazy("tweede Kerstdag"),
    }
    koningsdag = _koningsdag(jaar)
    if koningsdag:
        dagen[koningsdag[0]] = koningsdag[1]
    return dagen


def geen_werkdag(datum: datetime.date) -> str | None:
    """Why `datum` is not a working day in the sense of the Algemene termijnenwet ("zaterdag",
    "zondag", or the feestdag's name), or None when it is one. A feestdag on a weekend day is
    named as the feestdag."""
    feestdag = feestdagen(datum.year).get(datum)
    if feestdag:
        return str(feestdag)
    if datum.weekday() == 5:
        return _("zaterdag")
    if datum.weekday() == 6:
        return _("zondag")
    return None


def werkdag_ervoor(datum: datetime.date) -> datetime.date:
    dag = datum - DAG
    while geen_werkdag(dag):
        dag -= DAG
    return dag


def werkdag_erna(datum: datetime.date) -> datetime.date:
    dag = datum + DAG
    while geen_werkdag(dag):
        dag += DAG
    return dag


def _dag(datum: datetime.date) -> str:
    return date_format(datum, "l j F Y")


def dagnotitie(datum: datetime.date) -> str:
    """The note a deadline on a non-working day carries on the page, in the API and in the
    feed; empty on a working day."""
    reden = geen_werkdag(datum)
    if reden is None:
        return ""
    return _(
        "Valt op %(reden)s. regioreg verschuift de datum niet: de laatste werkdag ervoor is "
        "%(ervoor)s. Of de Algemene termijnenwet de termijn verlengt tot %(erna)s, hangt af van "
        "de soort termijn."
    ) % {"reden": reden, "ervoor": _dag(werkdag_ervoor(datum)), "erna": _dag(werkdag_erna(datum))}
