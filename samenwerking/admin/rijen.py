"""Admin of the rows of an arrangement on their own pages and lists: deelnames, organs,
seats, money, documents, grondslagen and bevoegdheden; the national register's versions and
the record of imports, read only."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from toegang import rechten

from ..adminbasis import RegisterAdmin, RegisterInline, ServiceWrites, VerbandRijAdmin
from ..adminimport import RegisterImportExportAdmin
from ..models import (
    Bestuursorgaan,
    Bevoegdheid,
    Bijdrage,
    Bronimport,
    Deelname,
    Document,
    Jaarcijfers,
    Regelingversie,
    WettelijkeGrondslag,
    Zetel,
)
from .filters import ActiefOpFilter
from .werkplek import BijdrageForm


class TerugNaarTabblad:
    """A new row (plain "Opslaan"): back to where it is seen, its regeling's workplace tab
    (`tabblad`), rather than the list of all rows of its kind."""

    tabblad: str

    def response_post_save_add(self, request, obj):
        verband = rechten.verband_van(obj)
        return HttpResponseRedirect(
            reverse(f"admin:samenwerking_samenwerkingsverband_{self.tabblad}", args=[verband.pk])
        )


class BijdrageVanDeelnameInline(RegisterInline, admin.TabularInline):
    model = Bijdrage
    form = BijdrageForm
    extra = 0
    fields = ["jaar", "soort", "onderdeel", "bedrag", "afwijking_bevestigd"]


class ZetelVanDeelnameInline(RegisterInline, admin.TabularInline):
    model = Zetel
    fields = ["bestuursorgaan", "persoon", "functie", "rol", "stemmen", "begindatum", "einddatum"]
    autocomplete_fields = ["bestuursorgaan", "persoon"]
    verbose_name_plural = _("zetels namens deze deelname")


class ZetelVanOrgaanInline(RegisterInline, admin.TabularInline):
    model = Zetel
    fields = ["persoon", "deelname", "functie", "rol", "stemmen", "begindatum", "einddatum"]
    autocomplete_fields = ["persoon", "deelname"]


@admin.register(Deelname)
class DeelnameAdmin(TerugNaarTabblad, RegisterImportExportAdmin):
    tabblad = "deelnemers"
    list_display = [
        "samenwerkingsverband",
        "deelnemer_link",
        "rol",
        "toetredingsdatum",
        "uittredingsdatum",
        "verdeelsleutel",
    ]
    list_filter = ["rol", ActiefOpFilter, "samenwerkingsverband__vorm", "gemeente__provincie"]
    list_select_related = ["samenwerkingsverband", "gemeente", "organisatie"]
    search_fields = [
        "samenwerkingsverband__naam",
        "samenwerkingsverband__afkorting",
        "gemeente__naam",
        "gemeente__cbs_code",
        "organisatie__naam",
    ]
    autocomplete_fields = ["samenwerkingsverband", "gemeente", "organisatie"]
    readonly_fields = ["uuid"]
    inlines = [BijdrageVanDeelnameInline, ZetelVanDeelnameInline]

    class Media:
        # The zetels and bijdragen tables compact enough for a 1280 px screen.
        css = {"all": ["beheer/werkplek.css"]}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # As on the regeling's workplace: the room goes to the inline tables, not the sidebar.
        extra_context = {**(extra_context or {}), "is_nav_sidebar_enabled": False}
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("deelnemer"))
    def deelnemer_link(self, obj):
        if obj.gemeente_id:
            url = reverse("admin:samenwerking_gemeente_change", args=[obj.gemeente_id])
            return format_html('<a href="{}">{}</a>', url, obj.gemeente)
        return obj.organisatie


@admin.register(Bestuursorgaan)
class BestuursorgaanAdmin(TerugNaarTabblad, VerbandRijAdmin):
    tabblad = "besturen"
    list_display = ["__str__", "soort", "samenwerkingsverband"]
    list_filter = ["soort"]
    search_fields = ["naam", "samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    inlines = [ZetelVanOrgaanInline]


@admin.register(Zetel)
class ZetelAdmin(TerugNaarTabblad, RegisterImportExportAdmin):
    tabblad = "besturen"
    list_display = [
        "persoon",
        "bestuursorgaan",
        "samenwerkingsverband",
        "namens",
        "functie",
        "rol",
        "begindatum",
        "einddatum",
    ]
    list_filter = ["functie", "rol", ActiefOpFilter, "bestuursorgaan__soort"]
    list_select_related = [
        "persoon",
        "bestuursorgaan__samenwerkingsverband",
        "deelname__gemeente",
        "deelname__organisatie",
    ]
    search_fields = ["persoon__naam", "bestuursorgaan__samenwerkingsverband__naam"]
    autocomplete_fields = ["persoon", "bestuursorgaan", "deelname"]

    @admin.display(description=_("samenwerkingsverband"))
    def samenwerkingsverband(self, obj):
        return obj.bestuursorgaan.samenwerkingsverband

    @admin.display(description=_("namens"))
    def namens(self, obj):
        return obj.deelname.deelnemer if obj.deelname else "—"


@admin.register(Bijdrage)
class BijdrageAdmin(RegisterImportExportAdmin):
    form = BijdrageForm
    # The bedrag right after its jaar and soort: at 1280 px beside the menu and the filters
    # the list scrolls sideways for its last column.
    list_display = ["samenwerkingsverband", "deelnemer", "jaar", "soort", "bedrag", "onderdeel"]
    list_filter = ["jaar", "soort", "deelname__samenwerkingsverband__vorm"]
    list_select_related = [
        "deelname__samenwerkingsverband",
        "deelname__gemeente",
        "deelname__organisatie",
    ]
    search_fields = [
        "deelname__samenwerkingsverband__naam",
        "deelname__gemeente__naam",
        "deelname__gemeente__cbs_code",
        "deelname__organisatie__naam",
    ]
    autocomplete_fields = ["deelname"]

    @admin.display(description=_("samenwerkingsverband"))
    def samenwerkingsverband(self, obj):
        return obj.deelname.samenwerkingsverband

    @admin.display(description=_("deelnemer"))
    def deelnemer(self, obj):
        return obj.deelname.deelnemer


@admin.register(Jaarcijfers)
class JaarcijfersAdmin(TerugNaarTabblad, RegisterImportExportAdmin):
    tabblad = "jaarcijfers"
    list_display = [
        "samenwerkingsverband",
        "jaar",
        "soort",
        "lasten",
        "baten",
        "resultaat",
        "eigen_vermogen_eind",
    ]
    list_filter = ["jaar", "soort"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    autocomplete_fields = ["samenwerkingsverband", "bron_document"]


@admin.register(Document)
class DocumentAdmin(VerbandRijAdmin):
    list_display = ["titel", "soort", "jaar", "samenwerkingsverband"]
    list_filter = ["soort", "jaar"]
    search_fields = ["titel", "samenwerkingsverband__naam"]


@admin.register(WettelijkeGrondslag)
class WettelijkeGrondslagAdmin(VerbandRijAdmin):
    list_display = ["opschrift", "samenwerkingsverband"]
    search_fields = ["opschrift", "samenwerkingsverband__naam"]


@admin.register(Bevoegdheid)
class BevoegdheidAdmin(VerbandRijAdmin):
    list_display = ["__str__", "verkrijging", "samenwerkingsverband"]
    list_filter = ["verkrijging"]
    search_fields = ["artikel", "omschrijving", "samenwerkingsverband__naam"]


@admin.register(Regelingversie)
class RegelingversieAdmin(RegisterAdmin):
    """The versions of the regelingen as the national register holds them; the import keeps
    them, nobody edits them here."""

    list_display = ["titel", "roo_systeem_id", "ingangsdatum", "einddatum", "samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["titel", "citeertitel", "samenwerkingsverband__naam"]
    readonly_fields = [f.name for f in Regelingversie._meta.concrete_fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Bronimport)
class BronimportAdmin(ServiceWrites, admin.ModelAdmin):
    """When which export of an external source changed the register, and what changed."""

    list_display = ["bron", "stand", "ingelezen_op"]
    readonly_fields = ["bron", "stand", "ingelezen_op", "bestanden", "samenvatting"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
