"""The base of every register resource: a spreadsheet imported in a fixed number of queries.

django-import-export handles a file row by row. A row here costs no query of its own:

1. Before the first row (`before_import`) every lookup the file needs is read at once: the
   stored rows the file names by its key columns (`Voorraadlader`), the rows its foreign-key
   columns point to and the persons it names (the widgets' `voorraad_laden`), and what a
   resource needs to fill in a row (`aanvullen_voorbereiden`, e.g. the deelnames of the
   arrangements a bijdragen file names).
2. Each row (`import_row`) is read into its instance: the values, the permission check
   against the stored row and against the row as it would be saved (toegang.rechten), a
   row that repeats the key of an earlier row (both are named), a row of another regio.
3. After the last row (`after_import`) the rows are checked and saved together by
   `services.rijen_opslaan` (the same rules as the admin's forms: fields, constraints,
   unique values, the rules across rows), which names every row it refuses; the preview
   only checks (`services.rijen_controleren`). One bad row, and nothing of the file is saved.

A key column that names a row of the resource's own model (`bovenliggend`) may name a new
row of the same file (`bestand.Zelfverwijzingen`).
"""

import copy
import functools

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models
from django.db.models.fields import NOT_PROVIDED
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.instance_loaders import ModelInstanceLoader
from import_export.results import RowResult

from toegang import rechten

from .. import services
from ..controle import in_lijst
from ..formats import ontveilig, veilig
from ..models import Bijdrage, Samenwerkingsverband
from ..models.basis import PercentageVeld
from ..normalisatie import zichtbaar
from .bestand import Zelfverwijzingen
from .voorvertoning import LuiVerschil, Weergaveverschil
from .widgets import (
    WIDGET_PER_VELDSOORT,
    GemeenteWidget,
    ProcentWidget,
    SleutelWidget,
    ZichtbaarWidget,
)


class Voorraadlader(ModelInstanceLoader):
    """The stored rows a file names by its key columns, read in one query before the first
    row (a filter on each key column, then matched in Python)."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.rijen: dict[tuple, models.Model] = {}
        velden = [resource.fields[naam] for naam in resource.get_import_id_fields()]
        if dataset is None or any(v.column_name not in (dataset.headers or []) for v in velden):
            return
        waarden: list[set] = [set() for _ in velden]
        for rij in dataset.dict:
            sleutel = resource.sleutel_van_rij(rij)
            if sleutel is None:
                continue
            for verzameling, waarde in zip(waarden, sleutel, strict=True):
                verzameling.add(waarde)
        if not waarden[0]:
            return
        queryset = resource.get_queryset().order_by().prefetch_related(*resource.veel_op_veel)
        for veld, verzameling in zip(velden, waarden, strict=True):
            queryset = in_lijst(queryset, veld.attribute, verzameling)
        for obj in queryset:
            self.rijen[resource.sleutel_van_object(obj)] = obj

    def get_instance(self, row, sleutel: tuple | None = None):
        sleutel = sleutel or self.resource.sleutel_van_rij(row)
        return None if sleutel is None else self.rijen.get(sleutel)


class RegisterResource(Zelfverwijzingen, resources.ModelResource):
    """Validates rows with the service's rules and saves them through the service, all rows
    of a file at once (see the module docstring)."""

    # Key columns that a file may leave out: a missing uuid means "all rows are new".
    optionele_sleutelkolommen = ("uuid",)
    # Relations read along with the stored rows (for the permission check and the messages)
    # and with the export.
    gerelateerd: tuple[str, ...] = ()
    veel_op_veel: tuple[str, ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        # Rows are collected and saved together after the last row (after_import).
        use_bulk = True
        batch_size = None
        instance_loader_class = Voorraadlader
        chunk_size = 2000

    def get_diff_class(self):
        return Weergaveverschil

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, PercentageVeld):
            return ProcentWidget
        soort = WIDGET_PER_VELDSOORT.get(f.get_internal_type())
        return soort or super().widget_from_django_field(f, default)

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        veld = super().field_from_django_field(field_name, django_field, readonly)
        # An empty cell stays empty (the services refuse it where a value is needed); it is
        # not silently replaced by the model field's default.
        veld.default = NOT_PROVIDED
        return veld

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Text columns are read as the models store them (ZichtbaarWidget); empty spreadsheet
        # cells arrive as None, which text columns that cannot be NULL store as "".
        for veld in self.fields.values():
            try:
                model_veld = self._meta.model._meta.get_field(veld.attribute or "")
            except FieldDoesNotExist:
                continue
            tekst = isinstance(model_veld, (models.CharField, models.TextField))
            if tekst and type(veld.widget) in (widgets.Widget, widgets.CharWidget):
                veld.widget = ZichtbaarWidget(allow_blank=not model_veld.null)

    def get_import_fields(self):
        # Asked several times per row; the columns do not change during an import.
        if getattr(self, "_importvelden", None) is None:
            self._importvelden = super().get_import_fields()
        return self._importvelden

    def get_queryset(self):
        # prefetch, not select_related: one query per relation, and one object per related
        # row (a file's 12,000 deelnames share a few hundred gemeenten).
        return super().get_queryset().prefetch_related(*self.gerelateerd)

    # --- The whole file -------------------------------------------------------------------

    def import_data(self, dataset, *args, foute_regels_overslaan=False, **kwargs):
        """All or nothing: one bad row rolls back every row of the file. With
        `foute_regels_overslaan` a dry run finds the bad rows first; the good rows are then
        imported (all or nothing) and the result lists the skipped ones in
        `overgeslagen_regels` as (row number, message)."""
        kwargs["rollback_on_validation_errors"] = True
        self._regelnummers = None
        if not foute_regels_overslaan:
            return super().import_data(dataset, *args, **kwargs)
        proef = super().import_data(dataset, **{**kwargs, "dry_run": True})
        fout = {r.number: regelfout(r.error) for r in proef.invalid_rows}
        fout.update((nummer, str(f[0].error)) for nummer, f in proef.row_errors())
        if proef.base_errors or not fout or len(fout) == len(dataset):
            return proef
        goed = tablib.Dataset(headers=dataset.headers)
        self._regelnummers = []
        for nummer, rij in enumerate(dataset, start=1):
            if nummer not in fout:
                goed.append(rij)
                self._regelnummers.append(nummer)
        resultaat = super().import_data(goed, **kwargs)
        # Rows of the second run are numbered as in the file.
        for rij in resultaat.invalid_rows:
            rij.number = self._regelnummers[rij.number - 1]
        resultaat.overgeslagen_regels = sorted(fout.items())
        self._regelnummers = None
        return resultaat

    def regel(self, nummer: int) -> int:
        """The row's number in the uploaded file (also in the second run of skip mode)."""
        return self._regelnummers[nummer - 1] if self._regelnummers else nummer

    def before_import(self, dataset, **kwargs):
        # The account of the import, once (not the request's lazy object on every row); a
        # beheerder may change every row, so the rows need no check of their own.
        gebruiker = kwargs.get("user")
        gebruiker = getattr(gebruiker, "_wrapped", gebruiker)
        self._gebruiker = (
            None if gebruiker is None or rechten.is_beheerder(gebruiker) else gebruiker
        )
        self.create_instances, self.update_instances, self.delete_instances = [], [], []
        self._te_bewaren: list[tuple[int, models.Model, dict, dict]] = []
        self._regelfouten: dict[int, ValidationError] = {}
        self._sleutels: dict[tuple, int] = {}
        self._dubbel_eerder: dict[int, ValidationError] = {}
        self._rijen: dict[int, dict] = {}
        self._nummer = 0
        # An optional key column (uuid) may be left out; other key columns are required.
        for naam in self.get_import_id_fields():
            kolom = self.fields[naam].column_name
            if kolom in (dataset.headers or []):
                continue
            if naam in self.optionele_sleutelkolommen:
                dataset.append_col([""] * len(dataset), header=kolom)
            else:
                raise ValueError(
                    f"De kolom {kolom} ontbreekt; die is nodig om rijen te herkennen. "
                    f"Kolommen in het bestand: {', '.join(dataset.headers or [])}."
                )
        kop = list(dataset.headers)
        rijen = [dict(zip(kop, rij, strict=False)) for rij in dataset]
        for rij in rijen:
            # A cell reads without the characters that show nothing (a key or a name copied
            # from a web page finds its row), and a cell that an export guarded against
            # formula injection ('=…) reads as it was.
            for kolom, waarde in rij.items():
                if isinstance(waarde, str):
                    rij[kolom] = ontveilig(zichtbaar(waarde))
        self.aanvullen_voorbereiden(rijen)
        for nummer, rij in enumerate(rijen, start=1):
            try:
                self.rij_aanvullen(rij)
            except ValidationError as fout:
                self._regelfouten[nummer] = fout
        kop = list(dict.fromkeys(kop + [k for rij in rijen for k in rij]))
        inhoud = [[rij.get(k) for k in kop] for rij in rijen]
        dataset.wipe()
        dataset.headers = kop
        for rij in inhoud:
            dataset.append(rij)
        for veld in self.get_import_fields():
            if hasattr(veld.widget, "voorraad_laden") and veld.column_name in kop:
                veld.widget.voorraad_laden(rij.get(veld.column_name) for rij in rijen)
        self.zelfverwijzingen_voorbereiden(rijen)

    def aanvullen_voorbereiden(self, rijen: list[dict]) -> None:
        """Read at once what `rij_aanvullen` needs for every row (subclasses)."""

    def rij_aanvullen(self, rij: dict) -> None:
        """Fill in a row's key columns from other columns (subclasses); a ValidationError
        is that row's error."""

    def after_import(self, dataset, result, **kwargs):
        """Check (preview) or check and save (import) every row together."""
        for nummer, fout in self._dubbel_eerder.items():
            self.markeer_fout(result, nummer, self._rijen[nummer], fout)
        te_bewaren = [t for t in self._te_bewaren if result.rows[t[0] - 1].is_valid()]
        if te_bewaren:
            rijen = [instance for _n, instance, _r, _m in te_bewaren]
            labels = [f"regel {self.regel(nummer)}" for nummer, *_ in te_bewaren]
            try:
                if kwargs.get("dry_run") or result.has_validation_errors() or result.has_errors():
                    fouten = services.rijen_controleren(
                        model=self._meta.model, rijen=rijen, labels=labels
                    )
                else:
                    fouten = {}
                    nieuw = [rij for rij in rijen if rij.pk is None]
                    services.rijen_opslaan(
                        model=self._meta.model,
                        rijen=rijen,
                        labels=labels,
                        velden=self.model_velden(),
                        veel_op_veel=[m2m for *_r, m2m in te_bewaren],
                    )
                    if self._meta.model is Samenwerkingsverband and self._gebruiker:
                        # A secretariaat's new arrangements are its own, as in the admin.
                        rechten.eigen_maken(self._gebruiker, *nieuw)
            except services.Rijfouten as rijfouten:
                fouten = rijfouten.per_rij
            except DatabaseError as fout:  # e.g. a concurrent write; the file's rows are undone
                raise ValueError(
                    "De database weigerde de regels (wijzigde iemand tegelijk dezelfde "
                    "gegevens?). Er is niets opgeslagen; lees het bestand opnieuw in."
                ) from fout
            for index, fout in fouten.items():
                nummer, _instance, rij, _m2m = te_bewaren[index]
                self.markeer_fout(result, nummer, rij, fout)
            for nummer, instance, _rij, _m2m in te_bewaren:
                result.rows[nummer - 1].object_id = instance.pk
            if kwargs.get("dry_run") and self._meta.model is Bijdrage:
                # A bijdrage tenfold off the year before: a warning in the preview, not an
                # error (confirming the preview confirms the amounts).
                waarschuwingen = services.bijdrage_waarschuwingen(
                    rijen=rijen,
                    vervolg=_(
                        "Klopt het bedrag? Bevestig dan de import; anders het bestand verbeteren."
                    ),
                )
                result.bedrag_waarschuwingen = [
                    (self.regel(te_bewaren[i][0]), tekst)
                    for i, tekst in sorted(waarschuwingen.items())
                ]
        self.verwijzingen_naar_foute_regels(result)
        result.invalid_rows.sort(key=lambda r: r.number)
        self.namen_in_foute_regels(result, kolommen=set(dataset.headers or ()))
        # Not ModelResource.after_import: it resets the table's sequence after rows were
        # imported with their own primary key, which an import here never does.

    def namen_in_foute_regels(self, result, *, kolommen: set[str]) -> None:
        """A row with errors shows the file's cells, but a related row by the name a person
        knows (`Zaanstad (GM0479)`, the arrangement's name), not by its uuid, and a column
        the file does not have as empty (import-export writes "---"). Read from the rows the
        widgets already hold (`voorraad_laden`): no query."""
        widgets = {
            veld.column_name: veld.widget
            for veld in self.get_import_fields()
            if isinstance(veld.widget, SleutelWidget) and veld.widget.voorraad is not None
        }
        for rij in result.invalid_rows:
            rij.values = tuple(
                (widgets[kop].leesbaar(waarde) if kop in widgets else waarde)
                if kop in kolommen
                else ""
                for kop, waarde in zip(result.diff_headers, rij.values, strict=True)
            )

    def model_velden(self) -> list[str]:
        """The model fields this resource's columns fill (what an update writes)."""
        velden = []
        for veld in self.get_import_fields():
            try:
                model_veld = self._meta.model._meta.get_field(veld.attribute or "")
            except FieldDoesNotExist:
                continue
            if model_veld.concrete and not model_veld.many_to_many and not veld.readonly:
                velden.append(model_veld.name)
        return velden

    @staticmethod
    def markeer_fout(result, nummer: int, rij: dict, fout: ValidationError) -> None:
        """Make row `nummer` (valid so far, or already invalid) invalid with `fout` too."""
        rij_resultaat = result.rows[nummer - 1]
        if rij_resultaat.is_invalid():
            bestaand = next(r for r in result.invalid_rows if r.number == nummer)
            samen = fout.update_error_dict(bestaand.error.update_error_dict({}))
            result.invalid_rows.remove(bestaand)
            fout = ValidationError(samen)
        else:
            result.totals[rij_resultaat.import_type] -= 1
            result.totals[RowResult.IMPORT_TYPE_INVALID] += 1
            rij_resultaat.import_type = RowResult.IMPORT_TYPE_INVALID
        rij_resultaat.validation_error = fout
        result.append_invalid_row(nummer, rij, fout)

    # --- One row ----------------------------------------------------------------------------

    def sleutel_van_rij(self, row) -> tuple | None:
        """The row's key (its key columns, cleaned) or None for a new row or a bad key."""
        sleutel = []
        for naam in self.get_import_id_fields():
            try:
                waarde = self.fields[naam].clean(row)
            except (ValueError, ValidationError, KeyError):
                return None
            if isinstance(waarde, models.Model):
                waarde = waarde.pk
            if waarde is None:
                return None
            sleutel.append(waarde)
        return tuple(sleutel)

    def sleutel_van_object(self, obj) -> tuple:
        sleutel = []
        for naam in self.get_import_id_fields():
            model_veld = self._meta.model._meta.get_field(self.fields[naam].attribute)
            sleutel.append(getattr(obj, model_veld.attname))
        return tuple(sleutel)

    def get_instance(self, instance_loader, row):
        # A row without uuid is a new row; import-export would otherwise look up uuid="".
        if "uuid" in self.get_import_id_fields() and not str(row.get("uuid") or "").strip():
            return None
        # A bad value in a key column is this row's validation error, not a crash.
        sleutel = []
        for naam in self.get_import_id_fields():
            veld = self.fields[naam]
            try:
                waarde = veld.clean(row)
            except ValueError as error:
                raise ValidationError({veld.attribute: str(error)}) from None
            except KeyError:
                raise ValidationError(
                    {veld.attribute: f"de kolom {veld.column_name} ontbreekt in het bestand."}
                ) from None
            sleutel.append(waarde.pk if isinstance(waarde, models.Model) else waarde)
        if None in sleutel:
            return None
        # Two rows about the same row: neither wins; both are named. The later row is read
        # into a fresh instance, so that its other errors are reported too.
        sleutel = tuple(sleutel)
        eerder = self._sleutels.setdefault(sleutel, self._nummer)
        if eerder != self._nummer:
            self._dubbel_fout = self._dubbel(self._nummer, eerder)
            self._dubbel_eerder.setdefault(eerder, self._dubbel(eerder, self._nummer))
            return None
        return instance_loader.get_instance(row, sleutel)

    def _dubbel(self, nummer: int, ander: int) -> ValidationError:
        naam = self._meta.model._meta.verbose_name
        return ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    f"Regel {self.regel(nummer)} en regel {self.regel(ander)} gaan over "
                    f"dezelfde {naam}; laat één van beide staan.",
                    code="dubbel_in_bestand",
                )
            }
        )

    def import_row(self, row, instance_loader, **kwargs):
        """One row into its instance (import-export's step without the per-row save: rows
        are saved together after the last one). Unchanged rows are skipped."""
        self._nummer = nummer = kwargs["row_number"]
        self._dubbel_fout = None
        self._rijen[nummer] = row
        rij_resultaat = self.get_row_result_class()()
        try:
            if nummer in self._regelfouten:
                raise self._regelfouten[nummer]
            instance, nieuw = self.get_or_init_instance(instance_loader, row)
            rij_resultaat.import_type = (
                RowResult.IMPORT_TYPE_NEW if nieuw else RowResult.IMPORT_TYPE_UPDATE
            )
            origineel = copy.copy(instance)  # Django copies the related-object cache too
            fouten = self._dubbel_fout.update_error_dict({}) if self._dubbel_fout else {}
            try:
                self.import_instance(instance, row, **kwargs)
            except ValidationError as error:
                fouten = error.update_error_dict(fouten)
            if self.skip_row(instance, origineel, row, fouten):
                rij_resultaat.import_type = RowResult.IMPORT_TYPE_SKIP
            else:
                self.validate_instance(instance, fouten)
                m2m = {
                    veld.attribute: list(veld.clean(row))
                    for veld in self._veel_op_veel_velden
                    if veld.column_name in row
                }
                self._te_bewaren.append((nummer, instance, row, m2m))
            rij_resultaat.instance = instance
            rij_resultaat.diff = LuiVerschil(self, origineel, instance, nieuw)
            if not nieuw:
                rij_resultaat.original = origineel
                rij_resultaat.object_id = instance.pk
        except ValidationError as error:
            rij_resultaat.import_type = RowResult.IMPORT_TYPE_INVALID
            rij_resultaat.validation_error = error
        except Exception as error:
            rij_resultaat.import_type = RowResult.IMPORT_TYPE_ERROR
            rij_resultaat.errors.append(
                self.get_error_result_class()(error, row=row, number=nummer)
            )
        return rij_resultaat

    def import_instance(self, instance, row, **kwargs):
        """The row's values into the instance (what import-export's Field.save does, without
        its per-cell overhead), with the permission check against the stored row and against
        the row as it would be saved."""
        fouten = {}
        gebruiker = self._gebruiker
        bestaand = instance.pk is not None
        if bestaand and gebruiker is not None:
            controleer_recht(gebruiker, rechten.WIJZIGEN, instance)
        for veld in self._te_vullen:
            if veld.column_name not in row:
                continue
            try:
                waarde = veld.clean(row)
            except ValueError as error:
                fouten[veld.attribute] = [ValidationError(str(error), code="invalid")]
                continue
            if waarde is None and veld.attribute in self._met_standaard:
                continue  # an empty cell keeps the value: the stored one, or the default
            if gebruiker is not None and veld in self._zelfverwijzingen:
                # As the admin's choice: a stored parent the role maintains, or the one the
                # row has; a new one of the file is checked as a new row.
                huidig = getattr(instance, f"{veld.attribute}_id")
                if not rechten.mag_kiezen(gebruiker, waarde, huidig):
                    fout = rechten.niet_beheerd(self._meta.model)
                    fouten[veld.attribute] = [ValidationError(fout, code="invalid_choice")]
                    continue
            if waarde is not None or veld.saves_null_values:
                setattr(instance, veld.attribute, waarde)
        if gebruiker is not None and not fouten:
            controleer_recht(
                gebruiker, rechten.WIJZIGEN if bestaand else rechten.TOEVOEGEN, instance
            )
        # ManyToMany columns are saved with the rows; check them now so that a bad value
        # is reported as a validation error of this row.
        for veld in self._veel_op_veel_velden:
            if veld.column_name in row:
                try:
                    veld.clean(row)
                except ValueError as error:
                    fouten[veld.attribute] = [ValidationError(str(error), code="invalid")]
        if fouten:
            raise ValidationError(fouten)

    @functools.cached_property
    def _te_vullen(self) -> list:
        """The columns that fill a model field (not read-only, not many-to-many)."""
        return [
            veld
            for veld in self.get_import_fields()
            if veld.attribute
            and not veld.readonly
            and "__" not in veld.attribute
            and not isinstance(veld.widget, widgets.ManyToManyWidget)
        ]

    @functools.cached_property
    def _met_standaard(self) -> set[str]:
        """Fields that cannot be empty but have a default (a deelname's rol)."""
        return {
            veld.name
            for veld in self._meta.model._meta.concrete_fields
            if not veld.null and veld.has_default() and not veld.primary_key
        }

    @functools.cached_property
    def _veel_op_veel_velden(self) -> list:
        return [
            veld
            for veld in self.get_import_fields()
            if isinstance(veld.widget, widgets.ManyToManyWidget)
        ]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A row with bad values gets the other fields' errors too (no query); the rules
        that need the database are checked for all rows together (after_import)."""
        fouten = dict(import_validation_errors or {})
        if not fouten:
            return
        sleutels = [v.name for v in instance._meta.concrete_fields if v.is_relation]
        try:
            instance.full_clean(
                exclude=[*fouten, *sleutels], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            fouten = error.update_error_dict(fouten)
        raise ValidationError(fouten)

    def bulk_create(self, *args, **kwargs):
        """Not used: rows are saved together in after_import."""

    def bulk_update(self, *args, **kwargs):
        """Not used: rows are saved together in after_import."""

    def bulk_delete(self, *args, **kwargs):
        """Not used: an import does not delete."""

    # --- Export -----------------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        """The admin's export reads the related rows it shows along (a fixed number of
        queries, however many rows)."""
        return queryset.prefetch_related(*self.gerelateerd, *self.veel_op_veel)

    def export_field(self, field, instance, **kwargs):
        """Every text cell of an admin export is guarded against formula injection."""
        waarde = super().export_field(field, instance, **kwargs)
        return veilig(waarde) if isinstance(waarde, str) else waarde

    # --- Shared lookups -----------------------------------------------------------------------

    @property
    def gemeenten(self) -> GemeenteWidget:
        """Finds gemeenten by code or name; one per import, so its list is read once."""
        if getattr(self, "_gemeenten", None) is None:
            self._gemeenten = GemeenteWidget()
        return self._gemeenten


def controleer_recht(gebruiker, actie: str, instance) -> None:
    """Refuse a row of another regio (toegang.rechten); one naming none: its empty key."""
    if rechten.mag(gebruiker, actie, instance):
        return
    pad = rechten.VERBAND_PAD.get(instance._meta.label_lower)
    if pad and rechten.verband_van(instance) is None:
        veld = instance._meta.get_field(pad.split("__")[0])
        raise ValidationError({veld.name: veld.error_messages["null"]})
    raise ValidationError(
        f"uw account mag deze regel niet {rechten.WERKWOORDEN[actie]}: alleen regels van de "
        "eigen samenwerkingsverbanden. Haal de regel uit het bestand of vraag een beheerder."
    )


def regelfout(fout: ValidationError) -> str:
    """One line for a bad row: `kolom: reden; …`."""
    return "; ".join(
        f"{veld}: {' '.join(meldingen)}" if veld != NON_FIELD_ERRORS else " ".join(meldingen)
        for veld, meldingen in fout.message_dict.items()
    )
