"""Rows of a file that name each other: a key column that names a row of the resource's own
model (a samenwerkingsverband's `bovenliggend`) may name a new row of the same file, before or
after it. The column's widget and `init_instance` share that row's instance, and
`services.rijen_opslaan` sets the key once the new rows are inserted. A row under a wrong row
of the file is named too. Mixed into `basis.RegisterResource`."""

import functools

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .widgets import SleutelWidget


class Zelfverwijzingen:
    @functools.cached_property
    def _zelfverwijzingen(self) -> list:
        """The key columns that name a row of this resource's own model by its one key
        column (bovenliggend by uuid)."""
        sleutels = [self.fields[naam].attribute for naam in self.get_import_id_fields()]
        return [
            veld
            for veld in self.get_import_fields()
            if isinstance(veld.widget, SleutelWidget)
            and veld.widget.model is self._meta.model
            and [veld.widget.field] == sleutels
        ]

    def zelfverwijzingen_voorbereiden(self, rijen: list[dict]) -> None:
        """Before the first row: the file's keys (key -> row number) and its new rows (key ->
        instance), shared with the widgets of those columns."""
        self._bestand: dict[str, int] = {}
        self._nieuw: dict[str, models.Model] = {}
        if self._zelfverwijzingen:
            for nummer, rij in enumerate(rijen, start=1):
                sleutel = self.sleutel_van_rij(rij)
                if sleutel is not None:
                    self._bestand.setdefault(str(sleutel[0]), nummer)
        for veld in self._zelfverwijzingen:
            veld.widget.bestand, veld.widget.nieuw = self._bestand, self._nieuw

    def init_instance(self, row=None):
        """A new row; one that an earlier row of the file named (as its parent) is the
        instance that row points to."""
        instance = super().init_instance(row)
        sleutel = self.sleutel_van_rij(row) if self._zelfverwijzingen else None
        if sleutel is not None and self._dubbel_fout is None:
            instance = self._nieuw.setdefault(str(sleutel[0]), instance)
        return instance

    def verwijzingen_naar_foute_regels(self, result) -> None:
        """A row whose parent is a new row of the file that is wrong is wrong too, with that
        row's number (nothing of the file is saved anyway)."""
        if not self._zelfverwijzingen:
            return
        goed = {id(i) for n, i, _r, _m in self._te_bewaren if result.rows[n - 1].is_valid()}
        velden = [
            (self._meta.model._meta.get_field(v.attribute), v.widget.field)
            for v in self._zelfverwijzingen
        ]
        veranderd = True
        while veranderd:
            veranderd = False
            for nummer, instance, rij, _m2m in self._te_bewaren:
                for veld, sleutelveld in velden:
                    ouder = veld.get_cached_value(instance, None)
                    if id(instance) not in goed or ouder is None or id(ouder) in goed:
                        continue
                    if ouder.pk is not None:  # a stored row
                        continue
                    fout = _(
                        "regel %(regel)s, het nieuwe %(naam)s dat u hier noemt, heeft een "
                        "fout; verbeter eerst regel %(regel)s."
                    ) % {
                        "regel": self.regel(self._bestand[str(getattr(ouder, sleutelveld))]),
                        "naam": self._meta.model._meta.verbose_name,
                    }
                    self.markeer_fout(result, nummer, rij, ValidationError({veld.name: fout}))
                    goed.discard(id(instance))
                    veranderd = True
