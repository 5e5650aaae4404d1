"""The import preview: each row's old and new cells as a person reads them (a related row by
its name, amounts in Dutch), worked out only for the rows the page shows."""

from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from import_export.resources import Diff

from ..bedragen import is_bedrag
from ..models.basis import PercentageVeld
from ..tekst import euro_tekst, getal_tekst, procent_tekst


def weergave_nl(model_veld, waarde) -> str | None:
    """A decimal as the pages write it (`tekst`): an amount (`bedragen.is_bedrag`) as
    `€ 1.234,56`, a percentage (`models.basis.PercentageVeld`) as `12,5%`, another decimal
    with only the decimals it has (`12,5`); None for values shown as the export writes them
    (text, whole numbers, dates)."""
    if not isinstance(model_veld, models.DecimalField) or waarde is None:
        return None
    waarde = Decimal(waarde)
    if is_bedrag(model_veld):
        return euro_tekst(waarde, 2)
    if isinstance(model_veld, PercentageVeld):
        return procent_tekst(waarde)
    return getal_tekst(waarde)


class Weergaveverschil(Diff):
    """The preview's cells for a person to read: a related row by its name (the export
    writes its uuid or code, for the round trip), amounts in Dutch (`€ 1.234,56`). A related
    row is named from the objects the import already holds (the widgets set them on the new
    row); none is read for the preview."""

    def __init__(self, resource, instance, new):
        self.links = instance
        self.new = new
        self.left, self.right = [], []

    def compare_with(self, resource, instance):
        # The stored rows the import holds, by model and key, to name them in the old cells
        # too. A new row (not stored yet) has no key: it is named from its own cell only.
        bekend = {}
        for obj in (instance, self.links):
            for veld in obj._meta.concrete_fields if obj is not None else ():
                if veld.many_to_one:
                    gerelateerd = obj._state.fields_cache.get(veld.cache_name)
                    if gerelateerd is not None and gerelateerd.pk is not None:
                        bekend[(veld.related_model, gerelateerd.pk)] = str(gerelateerd)
        self.left = self._waarden(resource, self.links, bekend)
        self.right = self._waarden(resource, instance, bekend)

    @staticmethod
    def _waarden(resource, obj, bekend) -> list:
        waarden = []
        for veld in resource.get_import_fields():
            waarde = veld.export(obj) if obj is not None else ""
            try:
                model_veld = obj._meta.get_field(veld.attribute or "")
            except (FieldDoesNotExist, AttributeError):
                waarden.append(waarde)
                continue
            if not model_veld.concrete or model_veld.many_to_many:
                waarden.append(waarde)
                continue
            if model_veld.many_to_one:
                gerelateerd = obj._state.fields_cache.get(model_veld.cache_name)
                if gerelateerd is not None:
                    waarde = str(gerelateerd)
                elif (sleutel := getattr(obj, model_veld.attname)) is not None:
                    waarde = bekend.get((model_veld.related_model, sleutel), waarde)
            else:
                nl = weergave_nl(model_veld, getattr(obj, model_veld.attname, None))
                waarde = waarde if nl is None else nl
            waarden.append(waarde)
        return waarden


class LuiVerschil:
    """The preview's old → new cells of one row, worked out only when the page shows the row
    (it shows the first rows of a large file, not all of them)."""

    def __init__(self, resource, origineel, instance, nieuw: bool):
        self.resource = resource
        self.origineel = origineel
        self.instance = instance
        self.nieuw = nieuw

    def __iter__(self):
        verschil = self.resource.get_diff_class()(self.resource, self.origineel, self.nieuw)
        verschil.compare_with(self.resource, self.instance)
        return iter(verschil.as_html())
