"""What `full_clean()` checks, for many rows of one model at once and without a query per
row (`services.rijen_controleren`: spreadsheet imports, importers, herindelingen).

`full_clean()` asks the database once per foreign key (does it exist), once per unique field
or constraint and once per check constraint, for every row. Here:
- foreign keys must be saved objects (the importer found them in one query per column), or
  new rows that `services.rijen_opslaan` saves first;
- check constraints are evaluated in Python (`voldoet`, three-valued like SQL);
- unique fields and constraints are checked with one query each for all rows, against the
  rows as they will be after the save (a stored row the batch changes counts with its new
  values) and among the rows of the batch.
Every error carries the message and key that `full_clean()` would give it.
"""

import re
from collections.abc import Sequence

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import connections, models
from django.db.models import F, Q
from django.db.models.constants import LOOKUP_SEP


class NietInPython(Exception):
    """A condition `voldoet` cannot evaluate; the database checks it instead."""


def _attname(model, naam: str) -> str:
    if naam == "pk":
        return model._meta.pk.attname
    try:
        return model._meta.get_field(naam).attname
    except FieldDoesNotExist:
        raise NietInPython(naam) from None


def _lezer(model, naam: str):
    """Reads a field's stored value (the id of a foreign key) from an instance."""
    attname = _attname(model, naam)

    def lees(obj):
        waarde = getattr(obj, attname)
        return waarde.pk if isinstance(waarde, models.Model) else waarde

    return lees


def _vergelijking(lookup: str):
    if lookup == "isnull":
        return lambda links, rechts: (links is None) == bool(rechts)
    vergelijk = {
        "exact": lambda a, b: a == b,
        "gte": lambda a, b: a >= b,
        "gt": lambda a, b: a > b,
        "lte": lambda a, b: a <= b,
        "lt": lambda a, b: a < b,
        "in": lambda a, b: a in b,
        "regex": lambda a, b: re.search(b, str(a)) is not None,
    }.get(lookup)
    if vergelijk is None:
        raise NietInPython(lookup)
    # SQL: a comparison with NULL is unknown.
    return lambda a, b: None if a is None or b is None else vergelijk(a, b)


def _en(uitkomsten) -> bool | None:
    return False if False in uitkomsten else (None if None in uitkomsten else True)


def _of(uitkomsten) -> bool | None:
    return True if True in uitkomsten else (None if None in uitkomsten else False)


def _vertaal(model, conditie: Q):
    """The condition as a function of an instance (see `voldoet`)."""
    delen = []
    for kind in conditie.children:
        if isinstance(kind, Q):
            delen.append(_vertaal(model, kind))
            continue
        sleutel, rechts = kind
        naam, _, lookup = sleutel.partition(LOOKUP_SEP)
        if LOOKUP_SEP in lookup:
            raise NietInPython(sleutel)
        links = _lezer(model, naam)
        vergelijk = _vergelijking(lookup or "exact")
        if isinstance(rechts, F):
            ander = _lezer(model, rechts.name)
            delen.append(lambda obj, lees=links, v=vergelijk, a=ander: v(lees(obj), a(obj)))
        elif hasattr(rechts, "resolve_expression"):
            raise NietInPython(sleutel)
        else:
            delen.append(lambda obj, lees=links, v=vergelijk, r=rechts: v(lees(obj), r))
    if conditie.connector == Q.AND:
        samen = _en
    elif conditie.connector == Q.OR:
        samen = _of
    else:
        raise NietInPython(conditie.connector)
    if conditie.negated:
        return lambda obj: (lambda u: None if u is None else not u)(samen([d(obj) for d in delen]))
    return lambda obj: samen([d(obj) for d in delen])


def velden_van(conditie: Q) -> set[str]:
    """The names of the fields a condition reads (`pk` included), on either side."""
    namen = set()
    for kind in conditie.children:
        if isinstance(kind, Q):
            namen |= velden_van(kind)
            continue
        sleutel, rechts = kind
        namen.add(sleutel.split(LOOKUP_SEP, 1)[0])
        if isinstance(rechts, F):
            namen.add(rechts.name)
    return namen


_VERTAALD: dict[tuple, tuple] = {}


def voldoet(conditie: Q, obj) -> bool | None:
    """The condition for one instance: True, False or None (unknown, as SQL has NULL). A
    check constraint holds unless this is False; a partial unique constraint covers the row
    only when it is True. Lookups on the model's own fields only (else `NietInPython`)."""
    sleutel = (type(obj), id(conditie))
    if sleutel not in _VERTAALD:  # translated once per model and condition
        _VERTAALD[sleutel] = (conditie, _vertaal(type(obj), conditie))
    return _VERTAALD[sleutel][1](obj)


def in_lijst(queryset, veld: str, waarden):
    """`queryset` filtered on `veld` (a column of its model) being one of `waarden`. On
    PostgreSQL as one array parameter (`= ANY(%s)`): Django's IN list binds and compiles every
    value on its own, which for the 20,000 keys of a file costs more than the query."""
    waarden = list(waarden)
    model = queryset.model
    if connections[queryset.db].vendor != "postgresql":
        return queryset.filter(**{f"{veld}__in": waarden})
    kolom = model._meta.get_field(veld)
    naam = connections[queryset.db].ops.quote_name
    soort = (
        kolom.rel_db_type(connections[queryset.db])
        if kolom.is_relation
        else kolom.db_type(connections[queryset.db])
    )
    return queryset.extra(
        where=[f"{naam(model._meta.db_table)}.{naam(kolom.column)} = ANY(%s::{soort}[])"],
        params=[[kolom.get_db_prep_value(w, connections[queryset.db]) for w in waarden]],
    )


def _fout(fouten: dict, index: int, veld: str, fout: ValidationError) -> None:
    fouten.setdefault(index, {}).setdefault(veld, []).append(fout)


def velden_en_constraints(
    model, rijen: Sequence[models.Model], labels: Sequence[str]
) -> dict[int, ValidationError]:
    """The checks of `full_clean()` for `rijen` (new and changed rows of `model`), with a
    fixed number of queries: one per unique field or constraint. Returns the errors per
    index; a row with an error in its own fields is not checked against the others."""
    fouten: dict[int, dict[str, list]] = {}
    for index, rij in enumerate(rijen):
        # A foreign key to a row (saved, or new and saved first by rijen_opslaan) is set.
        sleutels = [
            veld.name
            for veld in model._meta.concrete_fields
            if veld.is_relation
            and (
                getattr(rij, veld.attname) is not None
                or (veld.is_cached(rij) and veld.get_cached_value(rij) is not None)
            )
        ]
        try:
            rij.full_clean(exclude=sleutels, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for veld, lijst in error.update_error_dict({}).items():
                for item in lijst:
                    _fout(fouten, index, veld, item)
            continue
        for constraint in model._meta.constraints:
            if not isinstance(constraint, models.CheckConstraint):
                continue
            try:
                uitkomst = voldoet(constraint.condition, rij)
            except NietInPython:
                try:
                    constraint.validate(model, rij)
                except ValidationError as error:
                    for veld, lijst in error.update_error_dict({}).items():
                        for item in lijst:
                            _fout(fouten, index, veld, item)
                continue
            if uitkomst is False:
                _fout(
                    fouten,
                    index,
                    getattr(constraint, "veld", NON_FIELD_ERRORS),
                    ValidationError(
                        constraint.get_violation_error_message(),
                        code=constraint.violation_error_code,
                    ),
                )
    goed = [i for i in range(len(rijen)) if i not in fouten]
    for velden, conditie, veld, melding in _uniek(model):
        _controleer_uniek(model, rijen, labels, goed, velden, conditie, veld, melding, fouten)
    return {index: ValidationError(per_veld) for index, per_veld in fouten.items()}


def _uniek(model):
    """(fields, condition, error key, message) for every unique field and constraint."""
    for veld in model._meta.concrete_fields:
        if veld.unique and not veld.primary_key:
            yield (veld.name,), None, veld.name, None
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            if constraint.expressions or constraint.include or constraint.opclasses:
                continue
            eigen = constraint.violation_error_message != constraint.default_violation_error_message
            melding = constraint.get_violation_error_message() if eigen else None
            yield tuple(constraint.fields), constraint.condition, NON_FIELD_ERRORS, melding


def _controleer_uniek(model, rijen, labels, goed, velden, conditie, veld, melding, fouten):
    attnamen = [_attname(model, naam) for naam in velden]

    def sleutel(obj):
        waarden = tuple(getattr(obj, a) for a in attnamen)
        return None if None in waarden else waarden

    van_toepassing = []
    for index in goed:
        rij = rijen[index]
        if conditie is not None and voldoet(conditie, rij) is not True:
            continue
        if (k := sleutel(rij)) is not None:
            van_toepassing.append((index, k))
    if not van_toepassing:
        return
    eigen_pks = {rij.pk for rij in rijen if rij.pk is not None}
    opgeslagen = in_lijst(
        model._default_manager.order_by(), velden[0], {k[0] for _i, k in van_toepassing}
    )
    if conditie is not None:
        opgeslagen = opgeslagen.filter(conditie)
    bezet: dict[tuple, int | None] = {}
    for pk, *waarden in opgeslagen.values_list("pk", *attnamen):
        if pk not in eigen_pks:  # a row of this batch counts with its new values
            bezet[tuple(waarden)] = None
    for index, k in van_toepassing:
        if k not in bezet:
            bezet[k] = index
            continue
        rij = rijen[index]
        tekst = melding or rij.unique_error_message(model, velden).messages[0]
        andere = bezet[k]
        if andere is None:
            _fout(fouten, index, veld, ValidationError(tekst, code="unique"))
            continue
        _fout(
            fouten,
            index,
            veld,
            ValidationError(f"{tekst} (ook in {labels[andere]})", code="unique"),
        )
        _fout(
            fouten,
            andere,
            veld,
            ValidationError(f"{tekst} (ook in {labels[index]})", code="unique"),
        )
