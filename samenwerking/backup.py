"""The whole register as open data (JSON), and back: `manage.py exporteer_register` and
`manage.py importeer_register` (docs/handleiding-beheer.md).

The file holds every row of every register table of `samenwerking` and `raad` (gemeenten,
arrangements, deelnames, organs, seats, money, documents, the raad's calendar) with its
primary key, so that a restore into an empty database gives the same rows, the same keys and
the same links. Not in it: accounts, roles and tokens (personal, not open data), the
history tables (they name accounts; back those up with the database, pg_dump) and the page
cache's version (a restore gives a new one). The rows go back through the services
(`rijen_herstellen`).

Layout: {"formaat": "regioreg-register", "versie": 1, "gemaakt_op": ..., "tabellen":
{"samenwerking.gemeente": [{"pk": 1, "cbs_code": "GM0363", ...}, ...], ...}} in the order in
which the tables can be restored. Relations are primary keys; a many-to-many list is a list of
keys; dates and times are ISO 8601, amounts decimal strings.
"""

import datetime
import json

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from simple_history.models import HistoricalChanges

from . import services
from .registerversie import Registerversie

FORMAAT, VERSIE = "regioreg-register", 1
# Tables a migration fills (the domeinen, the P&C rules): a restore replaces their rows.
GEZAAID = {"samenwerking.domein", "raad.termijnregel"}


class HerstelFout(Exception):
    """The file cannot be restored here; the message says why (in Dutch)."""


def register_modellen() -> list:
    """The register's tables, in an order in which they can be restored."""
    per_app = []
    for naam in settings.REGISTER_APPS:
        config = apps.get_app_config(naam)
        eigen = [
            m
            for m in config.get_models()
            if not issubclass(m, HistoricalChanges) and m is not Registerversie
        ]
        per_app.append((config, eigen))
    return serializers.sort_dependencies(per_app, allow_cycles=True)


def register_exporteren() -> dict:
    tabellen = {}
    for model in register_modellen():
        rijen = serializers.serialize("python", model._base_manager.order_by("pk"))
        tabellen[model._meta.label_lower] = [{"pk": r["pk"], **r["fields"]} for r in rijen]
    return {
        "formaat": FORMAAT,
        "versie": VERSIE,
        "gemaakt_op": datetime.datetime.now(datetime.UTC).isoformat(),
        "tabellen": tabellen,
    }


class VolledigeTijdEncoder(DjangoJSONEncoder):
    """Times to the microsecond: DjangoJSONEncoder cuts them to milliseconds, and a restore
    must give the same timestamps (created_at, updated_at: the API's ETags)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def naar_json(gegevens: dict) -> str:
    return json.dumps(gegevens, cls=VolledigeTijdEncoder, ensure_ascii=False, indent=1)


@transaction.atomic
def register_herstellen(gegevens: dict) -> dict[str, int]:
    """Restore an export into a database without register rows (after `migrate`). Returns the
    number of rows per table. All or nothing."""
    if gegevens.get("formaat") != FORMAAT or gegevens.get("versie") != VERSIE:
        raise HerstelFout(
            f"Dit is geen regioreg-register versie {VERSIE} (formaat {gegevens.get('formaat')!r}, "
            f"versie {gegevens.get('versie')!r})."
        )
    modellen = register_modellen()
    gevuld = [
        m._meta.label_lower
        for m in modellen
        if m._meta.label_lower not in GEZAAID and m._base_manager.exists()
    ]
    if gevuld:
        raise HerstelFout(
            "De database is niet leeg (tabellen met rijen: "
            f"{', '.join(gevuld)}). Herstel alleen in een lege database, na migrate."
        )
    aantallen = {}
    for model in modellen:
        label = model._meta.label_lower
        rijen = gegevens["tabellen"].get(label, [])
        objecten = serializers.deserialize(
            "python",
            [{"model": label, "pk": rij["pk"], "fields": _velden(rij)} for rij in rijen],
        )
        aantallen[label] = services.rijen_herstellen(
            model=model, objecten=objecten, vervangen=label in GEZAAID
        )
    return aantallen


def _velden(rij: dict) -> dict:
    return {naam: waarde for naam, waarde in rij.items() if naam != "pk"}
