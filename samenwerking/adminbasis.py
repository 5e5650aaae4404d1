"""What every register admin has: the role's rights (toegang), the history of each row with
old and new values (django-simple-history), every write through the services, and a refusal
to overwrite a concurrent edit.

Writes: the main row, each inline row and every deletion (one row, or a list's selection)
go through `services.rij_opslaan` / `rij_verwijderen` / `rijen_verwijderen`; a form first
checks its row with the rules across rows of its model (`services.rij_controleren`, shown
next to the field) and the changed rows of an inline together (`regels_controleren`: two
rows of one participant with overlapping periods). Which rules a model has is the services'
one mapping; nothing here is declared per model.

Concurrent edits: the change form carries the version of the row it was opened with (a hidden
field, the same ETag the API uses). The version is read under a row lock in the transaction
that saves (the admin's change view is one transaction), so of two sessions that save the same
row at once exactly one wins. If the row was saved since, the form is refused with a message
that says by whom and when, every field that changed meanwhile shows what is stored now next
to what the user typed, and nothing is stored; the form then carries the new version, so a
second save after reading both values is a deliberate one. The page of an arrangement also
edits its deelnames, organs, seats and money as inlines: its version is the latest change of
the arrangement or any of those rows (samenwerking.geschiedenis.laatst_gewijzigd), so a
change to one deelname through the API meanwhile is noticed too.
"""

import datetime
import functools
from decimal import Decimal

from django import forms
from django.contrib.admin.utils import display_for_field
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from regioreg.sitelinks import publieke_url
from samenwerking import services
from samenwerking.api.versies import etag
from samenwerking.bedragen import bedrag_tonen, bedragveld, is_bedrag
from samenwerking.geschiedenis import laatst_gewijzigd
from samenwerking.models import Samenwerkingsverband
from samenwerking.tekst import datum_tekst, euro_tekst, getal_tekst
from toegang.admin import RechtenAdminMixin, RechtenInlineMixin

VERSIE = "versie"


class ServiceModelForm(forms.ModelForm):
    """The form of every register admin and inline: after its own fields, the row is checked
    by the rules across rows of its model, so that a violation shows next to its field (a
    field the form does not show: at the top). Saving goes through `services.rij_opslaan`,
    from the admin (`ServiceWrites`) and from `save()` alike."""

    def _post_clean(self):
        super()._post_clean()
        if self._errors:
            return
        try:
            services.rij_controleren(self.instance)
        except ValidationError as error:
            self._update_errors(self._naar_formuliervelden(error))

    def _naar_formuliervelden(self, error: ValidationError) -> ValidationError:
        if not hasattr(error, "error_dict"):
            return error
        fouten: dict[str, list] = {}
        for veld, lijst in error.error_dict.items():
            doel = veld if veld in self.fields else NON_FIELD_ERRORS
            fouten.setdefault(doel, []).extend(lijst)
        return ValidationError(fouten)

    def veel_op_veel(self) -> dict[str, list]:
        """The many-to-many values the form edits, saved with the row."""
        return {
            veld.name: list(self.cleaned_data[veld.name])
            for veld in self.instance._meta.many_to_many
            if veld.name in self.cleaned_data
        }

    def save(self, commit=True):
        if not commit or self.errors:
            return super().save(commit=commit)  # with errors: Django's own ValueError
        return services.rij_opslaan(rij=self.instance, veel_op_veel=self.veel_op_veel())


def _veel_op_veel(form) -> dict[str, list]:
    return form.veel_op_veel() if isinstance(form, ServiceModelForm) else {}


class ServiceWrites:
    """Every write of an admin through the services: the main row with its many-to-many
    values, each inline row (deleted rows first), and deletions."""

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        services.rij_opslaan(rij=obj, veel_op_veel=_veel_op_veel(form))

    def save_related(self, request, form, formsets, change):
        # The main form's many-to-many values were saved with its row (save_model).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)  # the rows as posted, and what changed (for the log)
        for obj in formset.deleted_objects:
            services.rij_verwijderen(rij=obj)
        for rij_form in formset.saved_forms:
            services.rij_opslaan(rij=rij_form.instance, veel_op_veel=_veel_op_veel(rij_form))

    def delete_model(self, request, obj):
        services.rij_verwijderen(rij=obj)

    def delete_queryset(self, request, queryset):
        services.rijen_verwijderen(rijen=queryset)


@functools.cache
def _bedragkolom(veld):
    """A list column of an amount field as a person reads it (€ 1.234,00; Django wrote
    1234,00), sortable by the field; empty stays the list's empty mark. One per field: the
    changelist finds its sortable columns by identity."""

    def kolom(obj):
        bedrag = getattr(obj, veld.name)
        return None if bedrag is None else bedrag_tonen(bedrag)

    kolom.__name__ = veld.name  # its cells keep their class, field-<name>
    kolom.short_description = veld.verbose_name
    kolom.admin_order_field = veld.name
    return kolom


class BedragVelden:
    """Every amount field (a decimal with cents) is typed the Dutch way and read by the one
    parser of amounts (`samenwerking.bedragen`), which shows what it understood; in a list
    it is shown as `bedrag_tonen` writes it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if is_bedrag(db_field):
            return bedragveld(db_field, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_list_display(self, request):
        velden = {v.name: v for v in self.model._meta.concrete_fields if is_bedrag(v)}
        return [
            _bedragkolom(velden[naam]) if isinstance(naam, str) and naam in velden else naam
            for naam in super().get_list_display(request)
        ]


class GelabeldeRijen:
    """Mixed into every inline formset: a table's inputs have a column header but no label of
    their own; each gets an accessible name (`bedrag, rij 2`) so that a screen reader and
    axe find one."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        rij = _("nieuwe rij") if index is None else _("rij %(n)s") % {"n": index + 1}
        for naam, veld in form.fields.items():
            if isinstance(veld.widget, forms.HiddenInput):
                continue
            label = veld.label or naam.replace("_", " ")
            veld.widget.attrs.setdefault("aria-label", f"{label}, {rij}")


class RijenSamenFormSet:
    """Mixed into every inline formset: the changed rows of one submit are checked together
    by their model's rules (two rows of one participant with overlapping periods), as a
    spreadsheet's rows are; each row against the stored ones is its form's check."""

    def clean(self):
        super().clean()
        formulieren = [
            f
            for f in self.forms
            if f.has_changed() and f.is_valid() and not self._should_delete_form(f)
        ]
        if len(formulieren) < 2:
            return
        rijen = [f.instance for f in formulieren]
        fouten = services.regels_controleren(
            model=self.model, rijen=rijen, labels=[_("ook in deze lijst")] * len(rijen)
        )
        if fouten:
            raise ValidationError(
                [f"{rijen[i]}: {' '.join(fout.messages)}" for i, fout in sorted(fouten.items())]
            )


class RegisterInline(BedragVelden, RechtenInlineMixin):
    """The base of every register inline: the role's rights (toegang), forms checked by
    their model's rules and the rows of one submit checked together."""

    form = ServiceModelForm
    extra = 0  # no empty rows: a row is added when one is needed

    def get_formset(self, request, obj=None, **kwargs):
        basis = kwargs.get("formset", self.formset)
        kwargs["formset"] = type(basis.__name__, (GelabeldeRijen, RijenSamenFormSet, basis), {})
        return super().get_formset(request, obj, **kwargs)


class VersieForm(forms.ModelForm):
    versie = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSIE].initial = versie(self.instance)

    def clean(self):
        gegevens = super().clean()
        self._intussen = None
        if self.instance.pk:
            opgeslagen = _opgeslagen_vergrendeld(self.instance)
            if gegevens.get(VERSIE) != versie(opgeslagen):
                self._intussen = opgeslagen
                raise ValidationError(_gewijzigd_bericht(opgeslagen), code="versie_verouderd")
        return gegevens

    def _post_clean(self):
        """After the form's own checks (which still report their errors): for each field
        where the user's input differs from what is stored now, the stored value (the input
        stays in the field); the form carries the current version from here on."""
        super()._post_clean()
        opgeslagen = getattr(self, "_intussen", None)
        if opgeslagen is None:
            return
        nu = model_to_dict(opgeslagen, fields=[n for n in self.fields if n != VERSIE])
        for naam, waarde in nu.items():
            if self.fields[naam].has_changed(waarde, self[naam].data):
                self.add_error(
                    naam,
                    ValidationError(
                        _("Intussen gewijzigd; nu opgeslagen: „%(nu)s”. Uw invoer staat hieronder.")
                        % {"nu": _weergave(opgeslagen, naam)},
                        code="versie_verouderd",
                    ),
                )
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSIE)] = versie(opgeslagen)


def _opgeslagen_vergrendeld(instance):
    """The row as stored, locked until the saving transaction ends (the admin's change view
    runs in one); outside a transaction only read."""
    rijen = type(instance)._default_manager.all()
    if transaction.get_connection().in_atomic_block:
        rijen = rijen.select_for_update()
    return rijen.get(pk=instance.pk)


def _weergave(obj, naam: str) -> str:
    veld = obj._meta.get_field(naam)
    if veld.many_to_many:
        return ", ".join(str(o) for o in getattr(obj, naam).all()) or _("leeg")
    waarde = getattr(obj, naam)
    if waarde is None or waarde == "":
        return _("leeg")
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    return str(display_for_field(waarde, veld, _("leeg")))


def versie(instance) -> str:
    if isinstance(instance, Samenwerkingsverband):
        moment = laatst_gewijzigd(instance)
        return moment.isoformat() if moment else ""
    return etag(instance)


def _gewijzigd_bericht(instance) -> str:
    laatste = instance.history.select_related("history_user").first()
    wie = (laatste.history_user if laatste else None) or _("een import of een ander proces")
    moment = (
        laatst_gewijzigd(instance)
        if isinstance(instance, Samenwerkingsverband)
        else instance.updated_at
    )
    wanneer = date_format(timezone.localtime(moment), "j F Y H:i:s")
    return _(
        "Iemand anders heeft dit intussen gewijzigd: %(model)s „%(naam)s”, door %(wie)s op "
        "%(wanneer)s, nadat u deze pagina opende. Uw wijzigingen zijn niet opgeslagen. Bij "
        "elk veld dat intussen veranderde staat wat nu is opgeslagen; uw invoer staat er nog. "
        "Pas aan wat nodig is en sla opnieuw op, of open de pagina opnieuw voor de actuele "
        "gegevens."
    ) % {"model": instance._meta.verbose_name, "naam": instance, "wie": wie, "wanneer": wanneer}


class Wijzigingsweergave(HistoricalRecordContextHelper):
    """The history list's old → new values: a cleared value (None or empty text) reads "leeg"
    rather than "None" or nothing; a decimal and a date as the pages write them (`€ 78.000,00`,
    `78`, `12,5`, `1 januari 2025`), not as stored (`78000.00`, `78.000`, `2025-01-01`)."""

    def prepare_delta_change_value(self, change, value):
        if value is None or value == "":
            return _("leeg")
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return datum_tekst(value)
        if isinstance(value, Decimal):
            veld = self.model._meta.get_field(change.field)
            return euro_tekst(value, 2) if is_bedrag(veld) else getal_tekst(value)
        return super().prepare_delta_change_value(change, value)


class RegisterAdmin(BedragVelden, RechtenAdminMixin, ServiceWrites, SimpleHistoryAdmin):
    """The base of every register ModelAdmin (the rights are checked before the services
    write: RechtenAdminMixin comes first)."""

    form = ServiceModelForm

    def get_historical_record_context_helper(self, request, historical_record):
        return Wijzigingsweergave(self.model, historical_record)

    def view_on_site(self, obj):
        """ "Bekijk op de site" (Django's "View on site", in our locale) on every change page
        whose row has a public page."""
        return publieke_url(obj)

    @property
    def media(self):
        # Names for the widgets the admin builds in the browser (select2, the domein picker);
        # the stylesheet is on every admin page (templates/admin/base_site.html).
        return super().media + forms.Media(js=["beheer/toegankelijk.js"])

    def _met_versie(self, request, obj) -> bool:
        return (
            obj is not None
            and hasattr(obj, "updated_at")
            and self.has_change_permission(request, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._met_versie(request, obj):
            kwargs["form"] = type(self.form.__name__, (VersieForm, self.form), {})
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._met_versie(request, obj):
            return fieldsets
        velden = [v for _naam, opties in fieldsets for v in opties["fields"]]
        if VERSIE in velden:
            return fieldsets
        naam, opties = fieldsets[0]
        return [(naam, {**opties, "fields": [*opties["fields"], VERSIE]}), *fieldsets[1:]]


class VerbandRijAdmin(RegisterAdmin):
    """A row of one arrangement (a document, an organ, a meeting…): listed with its
    arrangement, found by the arrangement's name, the arrangement picked by searching."""

    list_select_related = ["samenwerkingsverband"]
    search_fields = ["samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    autocomplete_fields = ["samenwerkingsverband"]
