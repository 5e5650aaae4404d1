"""Admin of the reference data and the rows without an arrangement: provincies, gemeenten
(with their herindelingen and inwonertallen), organisaties, domeinen and personen."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..adminbasis import RegisterAdmin, RegisterInline
from ..adminimport import RegisterImportExportAdmin
from ..models import Domein, Gemeente, Herindeling, Inwonertal, Organisatie, Persoon, Provincie
from .filters import GemeenteStatusFilter, aantal_vandaag


@admin.register(Provincie)
class ProvincieAdmin(RegisterAdmin):
    list_display = ["naam", "code", "aantal_gemeenten"]
    search_fields = ["naam", "code"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_aantal=aantal_vandaag("gemeenten", "begindatum", "einddatum"))
        )

    @admin.display(description=_("gemeenten nu"), ordering="_aantal")
    def aantal_gemeenten(self, obj):
        return obj._aantal


class InwonertalInline(RegisterInline, admin.TabularInline):
    model = Inwonertal


class HerindelingAlsOudeInline(RegisterInline, admin.TabularInline):
    model = Herindeling
    fk_name = "oude_gemeente"
    autocomplete_fields = ["nieuwe_gemeente"]
    verbose_name = _("opgegaan in")
    verbose_name_plural = _("opgegaan in (herindeling)")


@admin.register(Gemeente)
class GemeenteAdmin(RegisterImportExportAdmin):
    list_display = ["naam", "cbs_code", "provincie", "begindatum", "einddatum"]
    list_filter = [GemeenteStatusFilter, "provincie"]
    list_select_related = ["provincie"]
    search_fields = ["naam", "cbs_code"]
    inlines = [HerindelingAlsOudeInline, InwonertalInline]


@admin.register(Herindeling)
class HerindelingAdmin(RegisterAdmin):
    list_display = ["datum", "oude_gemeente", "nieuwe_gemeente", "soort"]
    list_filter = ["soort", "datum"]
    list_select_related = ["oude_gemeente", "nieuwe_gemeente"]
    search_fields = ["oude_gemeente__naam", "nieuwe_gemeente__naam", "oude_gemeente__cbs_code"]
    autocomplete_fields = ["oude_gemeente", "nieuwe_gemeente"]
    date_hierarchy = "datum"


@admin.register(Inwonertal)
class InwonertalAdmin(RegisterAdmin):
    list_display = ["gemeente", "jaar", "aantal", "bron"]
    list_filter = ["jaar"]
    list_select_related = ["gemeente"]
    search_fields = ["gemeente__naam", "gemeente__cbs_code"]
    autocomplete_fields = ["gemeente"]


@admin.register(Organisatie)
class OrganisatieAdmin(RegisterAdmin):
    list_display = ["naam", "afkorting", "soort", "vestigingsplaats"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting"]


@admin.register(Domein)
class DomeinAdmin(RegisterAdmin):
    list_display = ["naam", "code", "tooi_begrip"]
    search_fields = ["naam", "code", "tooi_begrip"]
    prepopulated_fields = {"code": ["naam"]}


@admin.register(Persoon)
class PersoonAdmin(RegisterAdmin):
    list_display = ["naam", "partij"]
    search_fields = ["naam", "partij"]
