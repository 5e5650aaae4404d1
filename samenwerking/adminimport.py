"""Spreadsheet import and export in the admin (django-import-export): the forms, the steps
of an import (upload and preview, confirmation) and every message a secretary sees, in Dutch.

The upload between preview and confirmation is kept by `samenwerking.importbestanden`; the
rows are read, checked and saved by the resources (`samenwerking.resources`), the whole file
at once.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ConfirmImportForm, ImportForm, SelectableFieldsExportForm

from . import bulk, importbestanden
from .adminbasis import RegisterAdmin
from .formats import FORMATEN, BestandsFout
from .importbestanden import ImportOpslag
from .resources import RESOURCE_PER_MODEL, regelfout


class ImportFormulier(ImportForm):
    """With a limit on the file size (IMPORT_MAX_BYTES): a huge file is refused before it is
    read, with a message that says how large it may be."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["import_file"].label = _("Bestand")
        self.fields["import_file"].help_text = _(
            "CSV (ook met ; en uit Excel), Excel (.xlsx), LibreOffice (.ods) of JSON, met de "
            "kolomnamen in de eerste regel. Na het inlezen ziet u eerst een voorbeeld; er wordt "
            "pas iets opgeslagen als u bevestigt."
        )
        self.fields["import_file"].error_messages |= {
            "empty": _("Het bestand is leeg. Kies het goede bestand, of sla het opnieuw op."),
            "required": _("Kies een bestand om in te lezen."),
        }
        self.fields["format"].label = _("Formaat")
        self.fields["format"].error_messages["required"] = _(
            "Kies het formaat van het bestand (csv, xlsx, ods of json)."
        )

    def clean_import_file(self):
        bestand = self.cleaned_data["import_file"]
        grens = settings.IMPORT_MAX_BYTES
        if bestand is not None and bestand.size > grens:
            raise ValidationError(
                _(
                    "Het bestand is te groot (%(grootte)s); de grens is %(grens)s. Splits het "
                    "bestand in delen, bijvoorbeeld per samenwerkingsverband of per jaar."
                )
                % {"grootte": filesizeformat(bestand.size), "grens": filesizeformat(grens)},
                code="te_groot",
            )
        return bestand

    foute_regels_overslaan = forms.BooleanField(
        label=_("Foute regels overslaan"),
        required=False,
        help_text=_(
            "Sla de regels met fouten over en sla alleen de goede regels op; de overgeslagen "
            "regels worden getoond. Zonder dit vinkje wordt niets opgeslagen zolang één regel "
            "fout is."
        ),
    )


class BevestigFormulier(ConfirmImportForm):
    foute_regels_overslaan = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ExportFormulier(SelectableFieldsExportForm):
    """The export form with the file's column names as the checkboxes' labels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].label = _("Formaat")

    def _get_field_label(self, resource, field_name: str) -> str:
        veld = resource.fields.get(field_name)
        return veld.column_name if veld is not None else field_name

    def _validate_any_field_selected(self, resource) -> None:
        kolommen = list(resource().get_export_order())
        if not any(v for k, v in self.cleaned_data.items() if k in kolommen):
            raise ValidationError(
                _("Kies ten minste één kolom voor het bestand."), code="geen_kolom"
            )


class RegisterImportExportAdmin(ImportExportModelAdmin, RegisterAdmin):
    """Import and export in the formats secretaries use: CSV (also `;`, UTF-8 or
    Windows-1252), XLSX, ODS, JSON. All or nothing, unless the secretary chooses to skip the
    bad rows. The upload between preview and confirmation is kept by `importbestanden`:
    only the account that uploaded it, in its own session, can confirm it, once."""

    formats = FORMATEN
    tmp_storage_class = ImportOpslag
    import_form_class = ImportFormulier
    confirm_form_class = BevestigFormulier
    export_form_class = ExportFormulier
    import_template_name = "admin/samenwerking/import.html"

    def export_action(self, request):
        """A filter in the address that the list does not have (an old bookmark, a hand-made
        link) is said in Dutch on the list, as the list itself does, not a server error."""
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            opts = self.model._meta
            messages.error(
                request,
                _(
                    "Het adres van deze export noemt een filter dat de lijst van %(wat)s niet "
                    "heeft. Er is niets geëxporteerd: kies het filter hieronder in de lijst en "
                    "klik dan op Exporteren."
                )
                % {"wat": opts.verbose_name_plural},
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            )

    def get_resource_classes(self, request):
        """The resource of this admin's model; a model and its resource are paired once, in
        the resource's own Meta (`resources.RESOURCE_PER_MODEL`)."""
        return [RESOURCE_PER_MODEL[self.model]]

    def import_action(self, request, **kwargs):
        importbestanden.opruimen()
        antwoord = super().import_action(request, **kwargs)
        # An upload whose preview cannot be confirmed (errors) is not kept.
        upload = request.FILES.get("import_file")
        naam = getattr(upload, "tmp_storage_name", None)
        context = getattr(antwoord, "context_data", None) or {}
        if naam and not context.get("confirm_form"):
            ImportOpslag(name=naam).remove()
        for regel, tekst in getattr(context.get("result"), "bedrag_waarschuwingen", []):
            messages.warning(request, _("Regel %(n)s: %(tekst)s") % {"n": regel, "tekst": tekst})
        return antwoord

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["foute_regels_overslaan"] = import_form.cleaned_data["foute_regels_overslaan"]
            importbestanden.uitgeven(
                request, initial["import_file_name"], self.model._meta.label_lower, _keuzes(initial)
            )
        return initial

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        naam = request.POST.get("import_file_name", "")
        if not (
            importbestanden.terugnemen(
                request, naam, self.model._meta.label_lower, _keuzes(request.POST)
            )
            and ImportOpslag(name=naam).get_full_path().is_file()
        ):
            messages.error(
                request,
                _(
                    "Dit importbestand hoort niet (meer) bij uw import: het is al verwerkt, te "
                    "oud, of niet door u ingelezen. Er is niets opgeslagen; lees het bestand "
                    "opnieuw in."
                ),
            )
            return HttpResponseRedirect(self._import_url())
        return super().process_import(request, **kwargs)

    def _import_url(self) -> str:
        opts = self.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_import", current_app=self.admin_site.name
        )

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["foute_regels_overslaan"] = bool(
            form and form.cleaned_data.get("foute_regels_overslaan")
        )
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, BestandsFout):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                _(
                    "Het bestand kan niet worden gelezen in het gekozen formaat. Kies bij "
                    "Formaat het formaat van het bestand (csv, xlsx, ods of json) of sla het "
                    "opnieuw op, bijvoorbeeld als 'CSV UTF-8'."
                ),
            )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Refused at the confirmation (the register changed since the preview): nothing
            # was saved, so nothing is logged.
            messages.error(request, niets_opgeslagen(result))
            return HttpResponseRedirect(self._import_url())
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        messages.success(
            request,
            _(
                "Import opgeslagen: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd, %(ongewijzigd)s "
                "ongewijzigd (%(wat)s). De wijzigingen staan in de lijst hieronder en per regel "
                "onder Geschiedenis."
            )
            % {
                "nieuw": result.totals["new"],
                "gewijzigd": result.totals["update"],
                "ongewijzigd": result.totals["skip"],
                "wat": self.model._meta.verbose_name_plural,
            },
        )
        overgeslagen = getattr(result, "overgeslagen_regels", [])
        if overgeslagen:
            messages.warning(
                request,
                _("%(n)s regel(s) overgeslagen: %(regels)s")
                % {
                    "n": len(overgeslagen),
                    "regels": "; ".join(f"regel {n}: {melding}" for n, melding in overgeslagen),
                },
            )

    def _create_log_entry(self, user_pk, rows, import_type, action_flag):
        """The admin's log (recent actions) of an import: one entry per row, written at once."""
        if not rows:
            return
        soort = ContentType.objects.get_for_model(self.model, for_concrete_model=False).pk
        bericht = _("Toegevoegd via import") if import_type == "new" else _("Gewijzigd via import")
        bulk.invoegen(
            LogEntry,
            [
                LogEntry(
                    user_id=user_pk,
                    content_type_id=soort,
                    object_id=str(obj.pk),
                    object_repr=str(obj)[:200],
                    action_flag=action_flag,
                    change_message=str(bericht),
                )
                for obj in rows
            ],
            pk_toewijzen=False,
        )


def _keuzes(gegevens) -> dict[str, str]:
    """What the confirmation posts besides the upload's name and must not change: the format
    and resource of the preview (another format would read the file wrongly)."""
    return {k: str(gegevens.get(k) or "") for k in ("format", "resource")}


def niets_opgeslagen(result) -> str:
    """The message of an import that was refused at the confirmation."""
    regels = [f"regel {r.number}: {regelfout(r.error)}" for r in result.invalid_rows[:10]]
    regels += [str(f.error) for f in result.base_errors]
    regels += [f"regel {n}: {fouten[0].error}" for n, fouten in result.row_errors()[:10]]
    return _("Er is niets opgeslagen: %(regels)s. Verbeter het bestand en lees het opnieuw in.") % {
        "regels": "; ".join(regels)
    }
