"""Writing many rows and their history fast: plumbing of `services.rijen_opslaan` (only the
services call this for the register, after checking every row) and of the admin's log of an
import.

Django's `bulk_create` and `bulk_update`, and django-simple-history's bulk history, cost
milliseconds per row for a file of 20,000 rows: `bulk_update` writes a CASE per field and row,
and psycopg binds every value of a multi-row INSERT as its own parameter. On PostgreSQL this
module sends one array per column instead (`unnest`), so a statement costs the same however
many rows it has; other databases (SQLite for a first run) get Django's own bulk methods.
The history rows are those django-simple-history's `bulk_history_create` would write, copied
from the rows as stored.
"""

from django.db import connections, router
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model


def heeft_geschiedenis(model) -> bool:
    """Whether django-simple-history keeps the model's history."""
    try:
        get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return False
    return True


def _verbinding(model):
    return connections[router.db_for_write(model)]


def _type(veld, verbinding) -> str:
    return veld.rel_db_type(verbinding) if veld.is_relation else veld.db_type(verbinding)


def invoegen(model, objs: list, *, pk_toewijzen: bool = True) -> None:
    """INSERT `objs` (new instances of `model`). With `pk_toewijzen` each gets its primary key
    from the table's sequence first (needed for its history and many-to-many rows)."""
    if not objs:
        return
    verbinding = _verbinding(model)
    if verbinding.vendor != "postgresql":
        model._base_manager.bulk_create(objs, batch_size=500)
        return
    pk = model._meta.pk
    naam = verbinding.ops.quote_name
    if pk_toewijzen:
        with verbinding.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, pk.column, len(objs)],
            )
            for obj, (waarde,) in zip(objs, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, waarde)
    velden = [v for v in model._meta.concrete_fields if pk_toewijzen or v is not pk]
    kolommen = [
        [v.get_db_prep_save(v.pre_save(obj, True), verbinding) for obj in objs] for v in velden
    ]
    with verbinding.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {naam(model._meta.db_table)} "
            f"({', '.join(naam(v.column) for v in velden)}) "
            f"SELECT * FROM unnest({', '.join(f'%s::{_type(v, verbinding)}[]' for v in velden)})",
            kolommen,
        )
    for obj in objs:
        obj._state.adding = False
        obj._state.db = verbinding.alias


def bijwerken(model, objs: list, velden: list[str]) -> None:
    """UPDATE the fields `velden` of `objs` (stored instances of `model`), one statement."""
    if not objs:
        return
    verbinding = _verbinding(model)
    naam = verbinding.ops.quote_name
    pk = model._meta.pk
    kolommen = [pk, *(model._meta.get_field(v) for v in velden)]
    tabel = naam(model._meta.db_table)
    zet = ", ".join(f"{naam(k.column)} = w.{naam(k.column)}" for k in kolommen[1:])
    namen = ", ".join(naam(k.column) for k in kolommen)
    waar = f"{tabel}.{naam(pk.column)} = w.{naam(pk.column)}"
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "postgresql":
            arrays = ", ".join(f"%s::{_type(k, verbinding)}[]" for k in kolommen)
            cursor.execute(
                f"UPDATE {tabel} SET {zet} FROM unnest({arrays}) AS w ({namen}) WHERE {waar}",
                [
                    [k.get_db_prep_save(getattr(o, k.attname), verbinding) for o in objs]
                    for k in kolommen
                ],
            )
            return
        for begin in range(0, len(objs), 500):  # SQLite: UPDATE … FROM (VALUES …)
            deel = objs[begin : begin + 500]
            plekken = ", ".join(["(" + ", ".join(["%s"] * len(kolommen)) + ")"] * len(deel))
            cursor.execute(
                f"WITH w ({namen}) AS (VALUES {plekken}) UPDATE {tabel} SET {zet} FROM w "
                f"WHERE {waar}",
                [
                    k.get_db_prep_save(getattr(o, k.attname), verbinding)
                    for o in deel
                    for k in kolommen
                ],
            )


def geschiedenis_schrijven(model, objs: list, *, soort: str, reden: str = "") -> None:
    """The history rows of `objs` (soort "+" added, "~" changed), copied from the rows as
    stored (one INSERT … SELECT), with the request's user as django-simple-history records it
    (`bulk_history_create`: one time and user for the batch)."""
    if not objs:
        return
    historisch = get_history_manager_for_model(model).model
    gebruiker = historisch.get_default_history_user(objs[0])
    verbinding = _verbinding(model)
    naam = verbinding.ops.quote_name
    bron = [naam(veld.column) for veld in historisch.tracked_fields]
    doel = [
        naam(historisch._meta.get_field(veld.attname).column) for veld in historisch.tracked_fields
    ]
    extra = {
        "history_date": timezone.now(),
        "history_user": getattr(gebruiker, "pk", gebruiker),
        "history_change_reason": reden or None,
        "history_type": soort,
    }
    kolommen = [*doel, *(naam(historisch._meta.get_field(k).column) for k in extra)]
    plekken = ", ".join(["%s"] * len(extra))
    pk = naam(model._meta.pk.column)
    sql = (
        f"INSERT INTO {naam(historisch._meta.db_table)} ({', '.join(kolommen)}) "
        f"SELECT {', '.join(bron)}, {plekken} FROM {naam(model._meta.db_table)} WHERE {pk} "
    )
    ids = [obj.pk for obj in objs]
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "postgresql":
            cursor.execute(sql + "= ANY(%s)", [*extra.values(), ids])
            return
        for begin in range(0, len(ids), 500):
            deel = ids[begin : begin + 500]
            cursor.execute(sql + f"IN ({', '.join(['%s'] * len(deel))})", [*extra.values(), *deel])
