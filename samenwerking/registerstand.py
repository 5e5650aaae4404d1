"""Keeping fields in step with an external register without overwriting hand edits.

Every row the national register feeds keeps, in `roo_stand`, what the register said about
each field at the last import. On the next import, per field:

- the row still holds what the register last said: the register's new value is taken;
- the row holds something else (edited by hand since): the hand edit stays and, if the
  register says something else again, the field is a conflict for the report;
- the register never said anything about it (an arrangement linked by systeemId, a field
  that is new in the export): an empty field takes the register's value, a filled one that
  differs is a conflict.

`roo_stand` always records the register's latest statement, so a conflict is reported on
every run until someone settles it (takes the register's value, or keeps theirs knowingly).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models


def als_json(waarde):
    """A field value as JSON, comparable across reads (dates as ISO, amounts without
    trailing zeros, foreign keys as their id)."""
    if isinstance(waarde, models.Model):
        return waarde.pk
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return format(waarde.normalize(), "f")
    if isinstance(waarde, (list, tuple)):
        return [als_json(w) for w in waarde]
    return waarde


def _leeg(waarde) -> bool:
    """Nothing said: no value, or False (a yes/no field's default, as "wettelijk verplicht"
    is on a row no one marked)."""
    return waarde is False or waarde in (None, "", [], {})


@dataclass
class Verschil:
    veld: str
    oud: object  # as JSON
    nieuw: object


@dataclass
class Uitkomst:
    gewijzigd: list[Verschil]
    conflicten: list[Verschil]  # oud = the hand edit (kept), nieuw = the register's value
    stand_gewijzigd: bool

    @property
    def opslaan(self) -> bool:
        return bool(self.gewijzigd) or self.stand_gewijzigd


def waarden_toepassen(obj, waarden: dict, *, nieuw: bool = False) -> Uitkomst:
    """Apply the register's `waarden` (attribute name → value) to `obj` by the rules above.
    Changes `obj` in memory (fields and `roo_stand`); the caller saves it if `opslaan`."""
    stand = dict(obj.roo_stand or {})
    gewijzigd, conflicten = [], []
    for veld, waarde in waarden.items():
        register = als_json(waarde)
        huidig = als_json(getattr(obj, veld))
        if nieuw:
            if huidig != register:
                setattr(obj, veld, waarde)
            stand[veld] = register
            continue
        if veld not in stand:
            if _leeg(register):
                continue  # nothing said, nothing to keep in step
            if huidig == register or _leeg(huidig):
                if huidig != register:
                    setattr(obj, veld, waarde)
                    gewijzigd.append(Verschil(veld, huidig, register))
            else:
                conflicten.append(Verschil(veld, huidig, register))
        elif huidig == register:
            pass
        elif huidig == stand[veld]:
            setattr(obj, veld, waarde)
            gewijzigd.append(Verschil(veld, huidig, register))
        else:
            conflicten.append(Verschil(veld, huidig, register))
        stand[veld] = register
    stand_gewijzigd = stand != (obj.roo_stand or {})
    obj.roo_stand = stand
    return Uitkomst(gewijzigd, conflicten, stand_gewijzigd)


@dataclass
class Lijstwijziging:
    erbij: list  # keys to add
    eraf: list  # existing rows to remove (the register dropped them)

    def __bool__(self):
        return bool(self.erbij or self.eraf)


def lijst_bijwerken(
    rijen: list, sleutel, gewenst: list, laatst_gezegd: list | None
) -> Lijstwijziging:
    """What to add to and remove from a list of rows (grondslagen, bevoegdheden, documents,
    domeinen) to follow the register: rows the register listed last time and no longer
    lists go; rows it never listed (entered by hand) stay; listed keys that are missing are
    added. `sleutel(rij)` gives a row's key as JSON; `gewenst` and `laatst_gezegd` are keys."""
    gezegd = {_hashbaar(k) for k in (laatst_gezegd or [])}
    gewenst_set = {_hashbaar(k) for k in gewenst}
    aanwezig = {_hashbaar(sleutel(r)) for r in rijen}
    eraf = [r for r in rijen if (k := _hashbaar(sleutel(r))) in gezegd and k not in gewenst_set]
    erbij, gezien = [], set()
    for k in gewenst:
        h = _hashbaar(k)
        if h not in aanwezig and h not in gezien:
            erbij.append(k)
            gezien.add(h)
    return Lijstwijziging(erbij, eraf)


def _hashbaar(k):
    return tuple(_hashbaar(x) for x in k) if isinstance(k, (list, tuple)) else k
