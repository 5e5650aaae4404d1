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

from django.db import connection
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateparse import parse_datetime
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


# Per model: its history model and how a history row leads to the arrangement it belongs to:
# a column of its own, or (for a seat and a bijdrage) the column of the row its foreign key
# points to. (`Model.history` builds a new manager class on every access: read it once, here.)
_PADEN_NAAR_VERBAND = [
    (model.history.model, kolom, via)
    for model, kolom, via in (
        (Samenwerkingsverband, "id", None),
        (Deelname, "samenwerkingsverband_id", None),
        (Bestuursorgaan, "samenwerkingsverband_id", None),
        (Jaarcijfers, "samenwerkingsverband_id", None),
        (Document, "samenwerkingsverband_id", None),
        (WettelijkeGrondslag, "samenwerkingsverband_id", None),
        (Bevoegdheid, "samenwerkingsverband_id", None),
        (Zetel, "bestuursorgaan_id", Bestuursorgaan),
        (Bijdrage, "deelname_id", Deelname),
    )
]


# The reason the importers' changes carry (`als_opdracht`): `manage.py importeer_roo`, …
IMPORT_REDEN = "manage.py importeer_"


def _sql_laatste_wijziging(*, door_mensen: bool) -> str:
    """The newest history entry of one arrangement (`%(pk)s`) and of every row that hangs off
    it, as one plain SQL statement (PostgreSQL and SQLite): the newest entry per history
    table, the newest of those. Written out rather than built with the ORM per request: nine
    subqueries cost Django ~3 ms to put together, three times what the database needs."""
    q = connection.ops.quote_name
    delen = []
    for historisch, kolom, via in _PADEN_NAAR_VERBAND:
        tabel = q(historisch._meta.db_table)
        if via is None:
            van, waar = f"{tabel} h", f"h.{q(kolom)} = %(pk)s"
        else:
            van = f"{tabel} h JOIN {q(via._meta.db_table)} r ON r.{q('id')} = h.{q(kolom)}"
            waar = f"r.{q('samenwerkingsverband_id')} = %(pk)s"
        if door_mensen:
            reden = f"h.{q('history_change_reason')}"
            waar += f" AND ({reden} IS NULL OR substr({reden}, 1, %(lengte)s) <> %(import)s)"
        datum = f"h.{q('history_date')}"
        delen.append(
            f"SELECT (SELECT {datum} FROM {van} WHERE {waar} ORDER BY {datum} DESC LIMIT 1)"
        )
    return (
        f"SELECT max(moment) FROM ({' AS moment UNION ALL '.join(delen)} AS moment) AS wijzigingen"
    )


_ALLE_WIJZIGINGEN = _sql_laatste_wijziging(door_mensen=False)
_WIJZIGINGEN_DOOR_MENSEN = _sql_laatste_wijziging(door_mensen=True)


def _laatste_wijziging(sql: str, verband) -> datetime.datetime | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, {"pk": verband.pk, "lengte": len(IMPORT_REDEN), "import": IMPORT_REDEN})
        moment = cursor.fetchone()[0]
    if isinstance(moment, str):  # SQLite gives the stored text: UTC without a zone
        moment = parse_datetime(moment)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


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
