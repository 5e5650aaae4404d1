"""Writing rows: one row (`rij_opslaan`), many rows of one model (`rijen_opslaan`),
deletions and a restore. Every surface writes through these, by way of the model's rules
(`regels`): the admin's forms and inlines, the API, the spreadsheet imports, the importers
and the management commands.

One row: lock what the model's rules lock, `full_clean()`, the rules across rows, `save()`.
Many rows: the same checks for all rows together in a fixed number of queries
(`controle.velden_en_constraints` and the rules), then one statement per kind
(`bulk`: changed rows, new rows, their history). Every write gives the register a new
version when its transaction commits (`registerversie`), which is what the page cache keys
on. A database constraint that still refuses a row (a concurrent write) is reported like
`full_clean()` reports it, found by the constraint's name.
"""

import re
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.management.color import no_style
from django.db import IntegrityError, connections, models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import bulk
from ..controle import velden_en_constraints
from ..geschiedenis import reden
from ..registerversie import register_gewijzigd
from .regels import Fouten, regels_van


class Rijfouten(ValidationError):
    """The rows `rijen_opslaan` refused: `per_rij` maps a row's index to its error; the
    error itself is that of the first refused row."""

    def __init__(self, per_rij: Fouten):
        self.per_rij = per_rij
        super().__init__(per_rij[min(per_rij)].update_error_dict({}))


# --- Database constraints, by name ------------------------------------------------------------

# SQLite names a check constraint or a unique index in its message; psycopg gives the name.
_SQLITE_NAAM = re.compile(r"(?:CHECK constraint failed: |UNIQUE constraint failed: index ')(\w+)")
_SQLITE_KOLOMMEN = re.compile(r"UNIQUE constraint failed: ([\w., ]+)$")


def _geschonden(model, fout: IntegrityError) -> ValidationError | None:
    """The violation as `full_clean()` would report it: the constraint's own message on its
    field (or the unique field's message), or None when it is not one of `model`'s."""
    diagnose = getattr(fout.__cause__, "diag", None)
    naam = getattr(diagnose, "constraint_name", None)
    kolommen: set[str] = set()
    if diagnose is None:
        tekst = str(fout)
        if gevonden := _SQLITE_NAAM.search(tekst):
            naam = gevonden.group(1)
        elif gevonden := _SQLITE_KOLOMMEN.search(tekst):
            kolommen = {deel.strip().rsplit(".", 1)[-1] for deel in gevonden.group(1).split(",")}
    for constraint in model._meta.constraints:
        velden = getattr(constraint, "fields", ())
        kolom_namen = {model._meta.get_field(v).column for v in velden}
        if constraint.name == naam or (kolommen and kolom_namen == kolommen):
            return ValidationError(
                {
                    getattr(constraint, "veld", NON_FIELD_ERRORS): ValidationError(
                        constraint.get_violation_error_message(),
                        code=constraint.violation_error_code
                        or ("unique" if isinstance(constraint, models.UniqueConstraint) else None),
                    )
                }
            )
    # A unique field: PostgreSQL names its constraint `<table>_<column>_key`.
    uniek = [
        v
        for v in model._meta.concrete_fields
        if v.unique
        and not v.primary_key
        and (naam == f"{model._meta.db_table}_{v.column}_key" or {v.column} == kolommen)
    ]
    if uniek:
        return ValidationError(
            {uniek[0].name: model().unique_error_message(model, [uniek[0].name])}
        )
    return None


@contextmanager
def databaseregels(model):
    """A constraint of `model` that the database enforces (the checks before it saw the rows
    as they were then) becomes the ValidationError `full_clean()` would have raised. Used
    inside the service's transaction: the write is undone with it."""
    try:
        yield
    except IntegrityError as fout:
        vertaald = _geschonden(model, fout)
        if vertaald is None:
            raise
        raise vertaald from fout


# --- One row ------------------------------------------------------------------------------------


def regels_controleren(*, model, rijen: list, labels: list[str] | None = None) -> Fouten:
    """The rules across rows of `model` for `rijen` (as they will be saved), among each other
    and against the stored rows; the errors by index. Fields are the caller's (a form that
    has already cleaned them, a row of a new parent that has no key yet)."""
    regel = regels_van(model).over_rijen
    if regel is None or not rijen:
        return {}
    labels = labels or [""] * len(rijen)
    return regel(rijen, labels, list(range(len(rijen))))


def rij_controleren(rij: models.Model) -> None:
    """The rules across rows for one row: a form shows a violation next to its field before
    anything is saved."""
    fouten = regels_controleren(model=type(rij), rijen=[rij])
    if fouten:
        raise fouten[0]


@transaction.atomic
def rij_opslaan(*, rij: models.Model, veel_op_veel: dict[str, list] | None = None):
    """Validate and save one new or changed row of any register model (its fields, its
    `clean()`, the constraints and its rules across rows) and then its many-to-many values
    (`veel_op_veel`: {"domeinen": [...]}, the lists to set; fields not named keep theirs)."""
    model = type(rij)
    regels = regels_van(model)
    if regels.vergrendelen is not None:
        regels.vergrendelen([rij])
    if regels.aanvullen is not None:
        regels.aanvullen([rij])
    rij.full_clean()
    rij_controleren(rij)
    with databaseregels(model):
        rij.save()
    for naam, waarden in (veel_op_veel or {}).items():
        getattr(rij, naam).set(waarden)
    register_gewijzigd()
    return rij


@transaction.atomic
def rij_verwijderen(*, rij: models.Model) -> None:
    """Delete one row and what cascades with it; the history records each deletion."""
    rij.delete()
    register_gewijzigd()


# --- Many rows of one model ---------------------------------------------------------------------


def rijen_controleren(*, model, rijen: list, labels: list[str] | None = None) -> Fouten:
    """Check many new or changed rows of one model as `rijen_opslaan` would save them, in a
    fixed number of queries: each row's fields and constraints (as `full_clean()`), unique
    values against the register and among the rows, and the model's rules across rows.
    Returns the errors by the row's index; `labels` name the rows in messages about two rows
    (default `rij 1`, `rij 2`, …). Foreign keys must be saved rows, new rows that
    `rijen_opslaan` saves first, or new rows of `rijen` itself."""
    labels = labels or [_("rij %(n)s") % {"n": n} for n in range(1, len(rijen) + 1)]
    fouten = velden_en_constraints(model, rijen, labels)
    regel = regels_van(model).over_rijen
    if regel is not None:
        goed = [i for i in range(len(rijen)) if i not in fouten]
        fouten.update(regel(rijen, labels, goed))
    return fouten


@transaction.atomic
def rijen_opslaan(
    *,
    model,
    rijen: list,
    velden: list[str] | None = None,
    labels: list[str] | None = None,
    veel_op_veel: list[dict[str, list]] | None = None,
) -> list:
    """Validate and save many new or changed rows of one model and their history, in a fixed
    number of queries: the checks of `rijen_controleren`, then the changed rows (`velden`:
    the fields to write, default all) and the new ones, each in one statement.
    `veel_op_veel` gives per row the many-to-many values to set ({"domeinen": [...]}, or
    nothing to leave them). A new row that a row points to (the new person of a zetel) is
    saved first; a new row of `rijen` itself (a new parent arrangement) is inserted with the
    others and the key set after. Nothing is written if any row is wrong: `Rijfouten` names
    them."""
    if not rijen:
        return []
    _nieuwe_verwante_rijen_opslaan(model, rijen)
    regels = regels_van(model)
    if regels.vergrendelen is not None:
        regels.vergrendelen(rijen)
    if regels.aanvullen is not None:
        regels.aanvullen(rijen)
    fouten = rijen_controleren(model=model, rijen=rijen, labels=labels)
    if fouten:
        raise Rijfouten(fouten)
    gewijzigd = [rij for rij in rijen if rij.pk is not None]
    nieuw = [rij for rij in rijen if rij.pk is None]
    velden = list(velden or [v.name for v in model._meta.concrete_fields if not v.primary_key])
    if any(v.name == "updated_at" for v in model._meta.concrete_fields):
        nu = timezone.now()
        for rij in gewijzigd:
            rij.updated_at = nu
        velden = [*dict.fromkeys([*velden, "updated_at"])]
    velden = [v for v in velden if v not in ("created_at", model._meta.pk.name)]
    # A row that points to a new row of the same list (a file that adds a parent arrangement
    # and its child) gets that key once the new rows are inserted: one more statement.
    binnen = _verwijzingen_binnen(model, rijen)
    for rij, veld, _doel in binnen:
        setattr(rij, veld.name, None)
    with databaseregels(model):
        bulk.bijwerken(model, gewijzigd, velden)
        bulk.invoegen(model, nieuw)
        for rij, veld, doel in binnen:
            setattr(rij, veld.name, doel)
        for veld in {veld for _rij, veld, _doel in binnen}:
            bulk.bijwerken(model, [r for r, v, _d in binnen if v is veld], [veld.name])
    if bulk.heeft_geschiedenis(model):
        bulk.geschiedenis_schrijven(model, gewijzigd, soort="~", reden=reden())
        bulk.geschiedenis_schrijven(model, nieuw, soort="+", reden=reden())
    if veel_op_veel:
        _veel_op_veel_opslaan(model, rijen, veel_op_veel)
    register_gewijzigd()
    return rijen


def _verwijzingen_binnen(model, rijen: list) -> list[tuple]:
    """(row, field, new row) for every row of `rijen` that points to a new row of `rijen`
    itself (a new parent arrangement in the same file)."""
    nieuw = {id(rij) for rij in rijen if rij.pk is None}
    return [
        (rij, veld, veld.get_cached_value(rij))
        for veld in model._meta.concrete_fields
        if veld.is_relation and veld.related_model is model
        for rij in rijen
        if getattr(rij, veld.attname) is None and id(veld.get_cached_value(rij, None)) in nieuw
    ]


def _nieuwe_verwante_rijen_opslaan(model, rijen: list) -> None:
    """Rows that point to a row not saved yet (a zetel of a person the file introduces):
    those rows are saved first, together, and the keys filled in. An error of such a row is
    the error of every row that points to it. A new row of `rijen` itself is saved with the
    others (`_verwijzingen_binnen`)."""
    eigen = {id(rij) for rij in rijen}
    for veld in model._meta.concrete_fields:
        if not veld.is_relation:
            continue
        verwant = {}
        for rij in rijen:
            if getattr(rij, veld.attname) is None and veld.is_cached(rij):
                obj = veld.get_cached_value(rij)
                if obj is not None and obj.pk is None and id(obj) not in eigen:
                    verwant[id(obj)] = obj
        if not verwant:
            continue
        lijst = list(verwant.values())
        try:
            rijen_opslaan(model=veld.related_model, rijen=lijst)
        except Rijfouten as fouten:
            per_rij = {}
            for j, fout in fouten.per_rij.items():
                for i, rij in enumerate(rijen):
                    if veld.get_cached_value(rij, None) is lijst[j]:
                        per_rij[i] = ValidationError({veld.name: fout.messages})
            raise Rijfouten(per_rij) from None
        for rij in rijen:
            obj = veld.get_cached_value(rij, None) if veld.is_cached(rij) else None
            if obj is not None and getattr(rij, veld.attname) is None:
                setattr(rij, veld.name, obj)  # the key, and the row stays at hand


def _veel_op_veel_opslaan(model, rijen: list, veel_op_veel: list[dict[str, list]]) -> None:
    """Replace the many-to-many values of the rows that give them: one delete and one insert
    per relation."""
    for naam in {naam for waarden in veel_op_veel if waarden for naam in waarden}:
        veld = model._meta.get_field(naam)
        tussen = veld.remote_field.through
        bron, doel = veld.m2m_field_name(), veld.m2m_reverse_field_name()
        betrokken = [
            (r, w[naam]) for r, w in zip(rijen, veel_op_veel, strict=True) if w and naam in w
        ]
        tussen.objects.filter(**{f"{bron}__in": [r.pk for r, _w in betrokken]}).delete()
        tussen.objects.bulk_create(
            [tussen(**{f"{bron}_id": r.pk, f"{doel}_id": d.pk}) for r, ds in betrokken for d in ds],
            batch_size=1000,
        )


@transaction.atomic
def rijen_verwijderen(*, rijen) -> int:
    """Delete rows (of one or more models) and what cascades with them, one delete per model;
    the history records each deletion. Returns the number of rows asked for."""
    per_model: dict[type, list] = {}
    for rij in rijen:
        per_model.setdefault(type(rij), []).append(rij.pk)
    for model, sleutels in per_model.items():
        model._base_manager.filter(pk__in=sleutels).delete()
    if per_model:
        register_gewijzigd()
    return sum(len(sleutels) for sleutels in per_model.values())


@transaction.atomic
def rijen_herstellen(*, model, objecten, vervangen: bool = False) -> int:
    """Put back rows as they were stored (a back-up: `objecten` are Django's deserialized
    objects, with their keys, timestamps and many-to-many lists), without history: a restore
    is not a change. `vervangen`: remove the model's rows first (those a migration fills).
    The table's key sequence continues after the restored keys."""
    if vervangen:
        model._base_manager.all().delete()
    aantal = 0
    for object_ in objecten:
        object_.save(force_insert=True)  # raw, as loaddata: no signals, no history
        aantal += 1
    verbinding = connections[router.db_for_write(model)]
    with verbinding.cursor() as cursor:
        for sql in verbinding.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)
    register_gewijzigd()
    return aantal
