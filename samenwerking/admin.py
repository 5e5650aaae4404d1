"""Admin for regio secretaries: every register model, saved through the services.

Forms run the services' cross-row checks while validating (so a violation shows next to the
field) and save through the service, in the admin's own pages and in nested inlines alike.
"""

import datetime

import nested_admin
from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from toegang.admin import RechtenInlineMixin

from . import resources, services
from .adminbasis import RegisterAdmin
from .adminimport import RegisterImportExportAdmin
from .models import (
    Bestuursorgaan,
    Bevoegdheid,
    Bijdrage,
    Bronimport,
    Deelname,
    Document,
    Domein,
    Gemeente,
    Herindeling,
    Inwonertal,
    Jaarcijfers,
    Organisatie,
    Persoon,
    Provincie,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
    Zetel,
)
from .periode import geeindigd_q, periode_q

# --- Forms that validate and save through the services ---------------------------------------


class ServiceModelForm(forms.ModelForm):
    """A ModelForm whose instance is checked by `controleer` and saved by `opslaan`.

    Subclasses set both as staticmethods taking the instance. Errors for fields the form does
    not show are reported at the top of the form instead of being lost.
    """

    controleer = None
    opslaan = None

    def _post_clean(self):
        super()._post_clean()
        if self._errors or self.controleer is None:
            return
        try:
            self.controleer(self.instance)
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

    def save(self, commit=True):
        if not commit or self.opslaan is None:
            return super().save(commit=commit)
        if self.errors:
            return super().save(commit=commit)  # raises Django's own ValueError
        self.opslaan(self.instance)
        self._save_m2m()
        return self.instance


class SamenwerkingsverbandForm(ServiceModelForm):
    controleer = staticmethod(services.controleer_samenwerkingsverband)
    opslaan = staticmethod(lambda i: services.samenwerkingsverband_opslaan(samenwerkingsverband=i))

    class Meta:
        model = Samenwerkingsverband
        fields = "__all__"


class DeelnameForm(ServiceModelForm):
    controleer = staticmethod(services.controleer_deelname)
    opslaan = staticmethod(lambda i: services.deelname_opslaan(deelname=i))

    class Meta:
        model = Deelname
        fields = "__all__"


class ZetelForm(ServiceModelForm):
    controleer = staticmethod(services.controleer_zetel)
    opslaan = staticmethod(lambda i: services.zetel_opslaan(zetel=i))

    class Meta:
        model = Zetel
        fields = "__all__"


class BijdrageForm(ServiceModelForm):
    controleer = staticmethod(services.controleer_bijdrage)
    opslaan = staticmethod(lambda i: services.bijdrage_opslaan(bijdrage=i))

    class Meta:
        model = Bijdrage
        fields = "__all__"


class JaarcijfersForm(ServiceModelForm):
    opslaan = staticmethod(lambda i: services.jaarcijfers_opslaan(jaarcijfers=i))

    class Meta:
        model = Jaarcijfers
        fields = "__all__"


class DeelnameFormSet(nested_admin.formsets.NestedInlineFormSet):
    """Also rejects two rows of one participant with overlapping periods in one submit."""

    def clean(self):
        super().clean()
        nieuw = [
            f.instance
            for f in self.forms
            if f.has_changed() and f.is_valid() and not self._should_delete_form(f)
        ]
        services.controleer_deelnames_onderling(nieuw)


class ServiceAdmin(RegisterAdmin):
    """Saves the main object through its form's service, if it has one."""

    def save_model(self, request, obj, form, change):
        if getattr(form, "opslaan", None):
            form.opslaan(obj)
        else:
            super().save_model(request, obj, form, change)


# --- List filters ---------------------------------------------------------------------------


class ActiefOpFilter(admin.SimpleListFilter):
    """Rows active on a date (any ISO date via the date field, or one of the shortcuts)."""

    title = _("actief op datum")
    parameter_name = "actief_op"
    template = "admin/samenwerking/datum_filter.html"

    def lookups(self, request, model_admin):
        vandaag = timezone.localdate()
        return [
            (vandaag.isoformat(), _("Vandaag")),
            (vandaag.replace(month=1, day=1).isoformat(), _("1 januari dit jaar")),
            (
                vandaag.replace(year=vandaag.year - 1, month=1, day=1).isoformat(),
                _("1 januari vorig jaar"),
            ),
        ]

    def choices(self, changelist):
        # Kept as hidden fields so that the date form keeps search, ordering and other filters.
        self.overige_parameters = {
            k: v for k, v in changelist.params.items() if k not in {self.parameter_name, "p", "e"}
        }
        yield from super().choices(changelist)

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            datum = datetime.date.fromisoformat(self.value())
        except ValueError:
            raise IncorrectLookupParameters(
                _("Actief op: %(waarde)s is geen datum (JJJJ-MM-DD).") % {"waarde": self.value()}
            ) from None
        return queryset.actief_op(datum)


class ProvincieFilter(admin.SimpleListFilter):
    """Arrangements with at least one (ever) participating gemeente in the provincie."""

    title = _("provincie van een deelnemer")
    parameter_name = "provincie"

    def lookups(self, request, model_admin):
        return list(Provincie.objects.values_list("code", "naam"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Exists(
                Deelname.objects.filter(
                    samenwerkingsverband=OuterRef("pk"), gemeente__provincie__code=self.value()
                )
            )
        )


class GemeenteStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("actief", _("Bestaat nu")), ("opgeheven", _("Opgeheven"))]

    def queryset(self, request, queryset):
        vandaag = timezone.localdate()
        if self.value() == "actief":
            return queryset.actief_op(vandaag)
        if self.value() == "opgeheven":
            return queryset.filter(geeindigd_q(vandaag, "einddatum"))
        return queryset


# --- Reference data -------------------------------------------------------------------------


@admin.register(Provincie)
class ProvincieAdmin(RegisterAdmin):
    list_display = ["naam", "code", "aantal_gemeenten"]
    search_fields = ["naam", "code"]

    def get_queryset(self, request):
        vandaag = timezone.localdate()
        return (
            super()
            .get_queryset(request)
            .annotate(
                _aantal=Count(
                    "gemeenten",
                    filter=periode_q(vandaag, "begindatum", "einddatum", prefix="gemeenten__"),
                )
            )
        )

    @admin.display(description=_("gemeenten nu"), ordering="_aantal")
    def aantal_gemeenten(self, obj):
        return obj._aantal


class InwonertalInline(RechtenInlineMixin, admin.TabularInline):
    model = Inwonertal
    extra = 0


class HerindelingAlsOudeInline(RechtenInlineMixin, admin.TabularInline):
    model = Herindeling
    fk_name = "oude_gemeente"
    extra = 0
    autocomplete_fields = ["nieuwe_gemeente"]
    verbose_name = _("opgegaan in")
    verbose_name_plural = _("opgegaan in (herindeling)")


@admin.register(Gemeente)
class GemeenteAdmin(RegisterImportExportAdmin):
    resource_classes = [resources.GemeenteResource]
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
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]
    prepopulated_fields = {"code": ["naam"]}


@admin.register(Persoon)
class PersoonAdmin(RegisterAdmin):
    list_display = ["naam", "partij"]
    search_fields = ["naam", "partij"]


# --- The arrangement with everything that hangs off it -------------------------------------


class BijdrageInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = Bijdrage
    form = BijdrageForm
    extra = 0
    fields = ["jaar", "soort", "onderdeel", "bedrag"]


class DeelnameInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = Deelname
    form = DeelnameForm
    formset = DeelnameFormSet
    extra = 0
    fields = [
        "gemeente",
        "organisatie",
        "rol",
        "toetredingsdatum",
        "uittredingsdatum",
        "verdeelsleutel",
        "stemmen",
        "aansprakelijk",
    ]
    autocomplete_fields = ["gemeente", "organisatie"]
    inlines = [BijdrageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente", "organisatie")


class ZetelInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = Zetel
    form = ZetelForm
    extra = 0
    fields = ["persoon", "deelname", "functie", "rol", "stemmen", "begindatum", "einddatum"]
    autocomplete_fields = ["persoon"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "deelname":
            # Only the deelnames of the arrangement being edited.
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Deelname.objects.filter(
                samenwerkingsverband__pk=object_id or 0
            ).select_related("gemeente", "organisatie", "samenwerkingsverband")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BestuursorgaanInline(RechtenInlineMixin, nested_admin.NestedStackedInline):
    model = Bestuursorgaan
    extra = 0
    fields = [("soort", "naam")]
    inlines = [ZetelInline]


class JaarcijfersInline(RechtenInlineMixin, nested_admin.NestedStackedInline):
    model = Jaarcijfers
    form = JaarcijfersForm
    extra = 0
    fields = [
        ("jaar", "soort"),
        ("lasten", "baten", "resultaat"),
        ("eigen_vermogen_begin", "eigen_vermogen_eind"),
        ("vreemd_vermogen_begin", "vreemd_vermogen_eind"),
        "risicos",
        "ontwikkelingen",
        ("bron_document", "bron"),
    ]


class DocumentInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = Document
    extra = 0
    fields = ["titel", "soort", "jaar", "datum", "url"]


class WettelijkeGrondslagInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = WettelijkeGrondslag
    extra = 0
    fields = ["opschrift", "url"]


class BevoegdheidInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    model = Bevoegdheid
    extra = 0
    fields = ["artikel", "omschrijving", "verkrijging"]


class RegelingversieInline(RechtenInlineMixin, nested_admin.NestedTabularInline):
    """The versions of the regeling in the national register: read only, the import keeps
    them."""

    model = Regelingversie
    extra = 0
    can_delete = False
    fields = readonly_fields = [
        "roo_systeem_id",
        "titel",
        "ingangsdatum",
        "einddatum",
        "datum_mutatie",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(RegisterImportExportAdmin, nested_admin.NestedModelAdmin):
    form = SamenwerkingsverbandForm
    resource_classes = [resources.SamenwerkingsverbandResource]
    list_display = [
        "naam",
        "afkorting",
        "vorm",
        "vestigingsplaats",
        "verplicht",
        "aantal_deelnemers",
        "ingangsdatum",
        "einddatum",
    ]
    # bron: e.g. "OpenGR 2016; vorm aangenomen: openbaar lichaam" marks what to check.
    list_filter = ["vorm", "domeinen", ProvincieFilter, ActiefOpFilter, "verplicht", "bron"]
    search_fields = ["naam", "afkorting", "cbs_gr_code", "vestigingsplaats"]
    autocomplete_fields = [
        "centrumgemeente",
        "bovenliggend",
        "vorige_versie",
        "uitvoerende_organisatie",
        "in_landelijk_register",
    ]
    filter_horizontal = ["domeinen"]
    readonly_fields = ["uuid", "created_at", "updated_at"]
    inlines = [
        RegelingversieInline,
        DeelnameInline,
        BestuursorgaanInline,
        JaarcijfersInline,
        DocumentInline,
        WettelijkeGrondslagInline,
        BevoegdheidInline,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "naam",
                    "citeertitel",
                    "afkorting",
                    "vorm",
                    "centrumgemeente",
                    "doel",
                    "domeinen",
                ]
            },
        ),
        (
            _("Wettelijke basis en bevoegdheden"),
            {
                "fields": [
                    "verplicht",
                    "verplicht_grondslag",
                    "bevoegdheidsverkrijgingen",
                    "motieven",
                    "bovenliggend",
                    "vorige_versie",
                ]
            },
        ),
        (
            _("Vestiging en looptijd"),
            {"fields": ["adres", "postcode", "vestigingsplaats", "ingangsdatum", "einddatum"]},
        ),
        (
            _("Wgr 2022"),
            {
                "fields": [
                    "wgr2022_zienswijze_besluiten",
                    "wgr2022_burgerparticipatie",
                    "wgr2022_evaluatie",
                    "wgr2022_uittreding",
                    "wgr2022_adviescommissie",
                    "wgr2022_onderzoeksrecht",
                    "evaluatie_interval_jaren",
                ],
                "description": _(
                    "Welke onderdelen van de Wgr-wijziging van 1 juli 2022 de regeling heeft "
                    "geregeld. Leeg betekent onbekend."
                ),
            },
        ),
        (
            _("Registraties en bronnen"),
            {
                "fields": [
                    "roo_systeem_id",
                    "uitvoerende_organisatie",
                    "bronhouder",
                    "archiefzorgdrager",
                    "alleen_historisch",
                    "in_landelijk_register",
                    "cbs_gr_code",
                    "regeling_url",
                    "website",
                    "bron",
                    "uuid",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        vandaag = timezone.localdate()
        return (
            super()
            .get_queryset(request)
            .annotate(
                _deelnemers=Count(
                    "deelnames",
                    filter=periode_q(
                        vandaag, "toetredingsdatum", "uittredingsdatum", "deelnames__"
                    ),
                )
            )
            # A GROUP BY drops the model's default ordering; autocomplete pages need one.
            .order_by(*Samenwerkingsverband._meta.ordering, "pk")
        )

    @admin.display(description=_("deelnemers nu"), ordering="_deelnemers")
    def aantal_deelnemers(self, obj):
        return obj._deelnemers


class BijdrageVanDeelnameInline(RechtenInlineMixin, admin.TabularInline):
    model = Bijdrage
    form = BijdrageForm
    extra = 0
    fields = ["jaar", "soort", "onderdeel", "bedrag"]


class ZetelVanDeelnameInline(RechtenInlineMixin, admin.TabularInline):
    model = Zetel
    form = ZetelForm
    extra = 0
    fields = ["bestuursorgaan", "persoon", "functie", "rol", "stemmen", "begindatum", "einddatum"]
    autocomplete_fields = ["bestuursorgaan", "persoon"]
    verbose_name_plural = _("zetels namens deze deelname")


class ZetelVanOrgaanInline(RechtenInlineMixin, admin.TabularInline):
    model = Zetel
    form = ZetelForm
    extra = 0
    fields = ["persoon", "deelname", "functie", "rol", "stemmen", "begindatum", "einddatum"]
    autocomplete_fields = ["persoon", "deelname"]


@admin.register(Deelname)
class DeelnameAdmin(RegisterImportExportAdmin, ServiceAdmin):
    form = DeelnameForm
    resource_classes = [resources.DeelnameResource]
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

    @admin.display(description=_("deelnemer"))
    def deelnemer_link(self, obj):
        if obj.gemeente_id:
            url = reverse("admin:samenwerking_gemeente_change", args=[obj.gemeente_id])
            return format_html('<a href="{}">{}</a>', url, obj.gemeente)
        return obj.organisatie


@admin.register(Bestuursorgaan)
class BestuursorgaanAdmin(RegisterAdmin):
    list_display = ["__str__", "soort", "samenwerkingsverband"]
    list_filter = ["soort"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam", "samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    autocomplete_fields = ["samenwerkingsverband"]
    inlines = [ZetelVanOrgaanInline]


@admin.register(Zetel)
class ZetelAdmin(RegisterImportExportAdmin, ServiceAdmin):
    form = ZetelForm
    resource_classes = [resources.ZetelResource]
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
class BijdrageAdmin(RegisterImportExportAdmin, ServiceAdmin):
    form = BijdrageForm
    resource_classes = [resources.BijdrageResource]
    list_display = ["samenwerkingsverband", "deelnemer", "jaar", "soort", "onderdeel", "bedrag"]
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
class JaarcijfersAdmin(RegisterImportExportAdmin, ServiceAdmin):
    form = JaarcijfersForm
    resource_classes = [resources.JaarcijfersResource]
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
class DocumentAdmin(RegisterAdmin):
    list_display = ["titel", "soort", "jaar", "samenwerkingsverband"]
    list_filter = ["soort", "jaar"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["titel", "samenwerkingsverband__naam"]
    autocomplete_fields = ["samenwerkingsverband"]


@admin.register(WettelijkeGrondslag)
class WettelijkeGrondslagAdmin(RegisterAdmin):
    list_display = ["opschrift", "samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["opschrift", "samenwerkingsverband__naam"]
    autocomplete_fields = ["samenwerkingsverband"]


@admin.register(Bevoegdheid)
class BevoegdheidAdmin(RegisterAdmin):
    list_display = ["__str__", "verkrijging", "samenwerkingsverband"]
    list_filter = ["verkrijging"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["artikel", "omschrijving", "samenwerkingsverband__naam"]
    autocomplete_fields = ["samenwerkingsverband"]


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
class BronimportAdmin(admin.ModelAdmin):
    """When which export of an external source changed the register, and what changed."""

    list_display = ["bron", "stand", "ingelezen_op"]
    readonly_fields = ["bron", "stand", "ingelezen_op", "bestanden", "samenvatting"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
