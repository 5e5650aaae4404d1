"""What every register admin has: the role's rights (toegang), the history of each row with
old and new values (django-simple-history), and a refusal to overwrite a concurrent edit.

Concurrent edits: the change form carries the version of the row it was opened with (a hidden
field, the same ETag the API uses). If the row was saved since, the form is refused with a
message that says by whom and when, and nothing is stored. The page of an arrangement also
edits its deelnames, organs, seats and money as inlines: its version is the latest change of
the arrangement or any of those rows (samenwerking.geschiedenis.laatst_gewijzigd), so a
change to one deelname through the API meanwhile is noticed too.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from samenwerking.api.versies import etag
from samenwerking.geschiedenis import laatst_gewijzigd
from samenwerking.models import Samenwerkingsverband
from toegang.admin import RechtenAdminMixin

VERSIE = "versie"


class VersieForm(forms.ModelForm):
    versie = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSIE].initial = versie(self.instance)

    def clean(self):
        gegevens = super().clean()
        if self.instance.pk and gegevens.get(VERSIE) != versie(self.instance):
            raise ValidationError(_gewijzigd_bericht(self.instance), code="versie_verouderd")
        return gegevens


def versie(instance) -> str:
    if isinstance(instance, Samenwerkingsverband):
        moment = laatst_gewijzigd(instance)
        return moment.isoformat() if moment else ""
    return etag(instance)


def _gewijzigd_bericht(instance) -> str:
    laatste = instance.history.select_related("history_user").first()
    wie = (laatste.history_user if laatste else None) or _("een import of een ander proces")
    wanneer = date_format(timezone.localtime(instance.updated_at), "j F Y H:i:s")
    return _(
        "Iemand anders heeft dit %(model)s gewijzigd nadat u deze pagina opende (%(wie)s, "
        "%(wanneer)s). Uw wijzigingen zijn niet opgeslagen. Open de pagina opnieuw om de "
        "actuele gegevens te zien en breng uw wijziging daarna opnieuw aan."
    ) % {"model": instance._meta.verbose_name, "wie": wie, "wanneer": wanneer}


class RegisterAdmin(RechtenAdminMixin, SimpleHistoryAdmin):
    """The base of every register ModelAdmin."""

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
