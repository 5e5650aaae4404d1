"""The audit trail around django-simple-history: why a change was made, and when an
arrangement last changed.

Every save and delete through the services gets a Historical… row with the user of the
request (HistoryRequestMiddleware: admin, API and admin imports alike); `rijen_opslaan` writes
the history of many rows in bulk (`bulk.geschiedenis_schrijven`, copied from the rows as
stored). What has no request (management commands: imports, herindeling) is recorded with the
command as reason: wrap the work in `wijzigingsreden("manage.py importeer_opengr")`.

Not recorded: the synthetic demo data of `genereer_schaaldata` (bulk, on purpose), a restore
(`importeer_register`: the rows as they were), changes to an arrangement's domeinen (a
many-to-many list; the arrangement's own row is recorded when it is saved) and anything done
in SQL outside Django.
"""

import datetime
import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from .models import (
    Bestuursorgaan,
    Bevoegdheid,
    Bijdrage,
    Deelname,
    Document,
    Jaarcijfers,
    Samenwerkingsverband,
    WettelijkeGrondslag,
    Zetel,
)

OOIT = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
_reden: ContextVar[str] = ContextVar("wijzigingsreden", default="")


@contextmanager
def wijzigingsreden(tekst: str):
    """Record `tekst` as the reason of every change made inside the block."""
    token = _reden.set(tekst)
    try:
        yield
    finally:
        _reden.reset(token)


def reden() -> str:
    return _reden.get()


def als_opdracht(handle):
    """Decorates a management command's `handle`: its changes are recorded with the command
    as reason (`manage.py importeer_opengr`), since a command has no user."""

    @functools.wraps(handle)
    def uitvoeren(self, *args, **options):
        with wijzigingsreden(f"manage.py {self.__module__.rsplit('.', 1)[-1]}"):
            return handle(self, *args, **options)

    return uitvoeren


@receiver(pre_create_historical_record)
def _reden_vastleggen(sender, history_instance, **kwargs):
    if not history_instance.history_change_reason and reden():
        history_instance.history_change_reason = reden()


# Per model: its history model and the path from a history row to the arrangement it belongs
# to. (`Model.history` builds a new manager class on every access: read it once, here.)
_PADEN_NAAR_VERBAND = {
    model.history.model: pad
    for model, pad in {
        Samenwerkingsverband: "id",
        Deelname: "samenwerkingsverband_id",
        Bestuursorgaan: "samenwerkingsverband_id",
        Jaarcijfers: "samenwerkingsverband_id",
        Document: "samenwerkingsverband_id",
        WettelijkeGrondslag: "samenwerkingsverband_id",
        Bevoegdheid: "samenwerkingsverband_id",
        Zetel: "bestuursorgaan__samenwerkingsverband_id",
        Bijdrage: "deelname__samenwerkingsverband_id",
    }.items()
}


# The reason the importers' changes carry (`als_opdracht`): `manage.py importeer_roo`, …
IMPORT_REDEN = "manage.py importeer_"


def _met_laatste_wijziging(*, door_mensen: bool):
    """Arrangements annotated with `laatst`: the newest history entry of the arrangement and
    of every row that hangs off it (OOIT when there is none)."""

    def historie(historisch_model):
        rijen = historisch_model.objects.all()
        if door_mensen:
            rijen = rijen.exclude(history_change_reason__startswith=IMPORT_REDEN)
        return rijen

    laatste = [
        Coalesce(
            Subquery(
                historie(model)
                .filter(**{pad: OuterRef("pk")})
                .order_by("-history_date")
                .values("history_date")[:1]
            ),
            Value(OOIT),
        )
        for model, pad in _PADEN_NAAR_VERBAND.items()
    ]
    return Samenwerkingsverband.objects.annotate(laatst=Greatest(*laatste)).order_by()


# Built once: putting the nine subqueries together cost three times as much as the query
# itself; each call only adds the arrangement and runs it.
_ALLE_WIJZIGINGEN = _met_laatste_wijziging(door_mensen=False)
_WIJZIGINGEN_DOOR_MENSEN = _met_laatste_wijziging(door_mensen=True)


def _laatste_wijziging(wijzigingen, verband) -> datetime.datetime | None:
    moment = wijzigingen.filter(pk=verband.pk).values_list("laatst", flat=True).first()
    return None if moment is None or moment == OOIT else moment


def laatst_gewijzigd(verband) -> datetime.datetime | None:
    """When the arrangement or any register row that hangs off it last changed (deletions
    too), in one query over the history tables. The version the admin checks for concurrent
    edits."""
    return _laatste_wijziging(_ALLE_WIJZIGINGEN, verband)


def laatst_gewijzigd_in_regioreg(verband) -> datetime.datetime | None:
    """When people last changed the arrangement or its rows in regioreg (admin, API,
    spreadsheets): changes made by an import are not content edits, and their moment is never
    shown as the content's "laatst gewijzigd". One query."""
    return _laatste_wijziging(_WIJZIGINGEN_DOOR_MENSEN, verband)
