"""Admin for the raad's calendar: rules, meetings, overrides, zienswijzen and evaluations.

Saved through the services, like the register's admin (samenwerking.adminbasis; the
zienswijze's rules are raad.services'). Zienswijzen belong to a gemeente; the
admin asks raad.rechten which gemeenten a user may handle (today: all).
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from samenwerking.adminbasis import RegisterAdmin, RegisterInline, VerbandRijAdmin
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband
from samenwerking.tekst import datum_tekst

from . import rechten, services
from .constants import OPEN_STATUSSEN, ZienswijzeStatus
from .models import (
    Bestuursvergadering,
    Doel,
    Evaluatie,
    Indicator,
    Indicatorwaarde,
    Kader,
    Raadsvergadering,
    Termijnafwijking,
    Termijnregel,
    Vergadering,
    Zienswijze,
    Zienswijzeverzoek,
)
from .vergaderingen import besluitmoment_van, zienswijzen_met_besluitdatum


class GemeenteRechtenMixin:
    """Rows of one gemeente: listed and chosen only for the gemeenten the user may handle
    (raad.rechten, the hook for the security issue)."""

    def get_queryset(self, request):
        return rechten.beperk_tot_gemeenten(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente":
            kwargs["queryset"] = rechten.beperk_tot_gemeenten(
                Gemeente.objects.all(), request.user, veld="pk"
            )
            # A gemeente the account may not handle (a forged id): say what to choose.
            kwargs["error_messages"] = {
                "invalid_choice": lazy(rechten.kies_gemeente, str)(request.user)
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Termijnregel)
class TermijnregelAdmin(RegisterAdmin):
    list_display = [
        "omschrijving",
        "artikel",
        "berekening",
        "weken",
        "dag",
        "maand",
        "vanaf_jaar",
        "tot_jaar",
        "volgorde",
    ]
    search_fields = ["omschrijving", "artikel", "code"]
    fieldsets = [
        (None, {"fields": ["code", "omschrijving", "artikel", "toelichting", "vormen"]}),
        (
            _("Berekening"),
            {
                "fields": [
                    "berekening",
                    ("vaststelling", "weken"),
                    ("dag", "maand", "jaar_verschuiving"),
                    ("vanaf_jaar", "tot_jaar"),
                    "volgorde",
                ],
                "description": _(
                    "De datum is de datum die de wet noemt met „vóór”; regioreg toont de dag "
                    "ervoor als laatste dag waarop het op tijd is."
                ),
            },
        ),
    ]


@admin.register(Bestuursvergadering)
class BestuursvergaderingAdmin(VerbandRijAdmin):
    list_display = ["samenwerkingsverband", "vaststelling", "jaar", "datum"]
    list_filter = ["vaststelling", "jaar"]
    date_hierarchy = "datum"


@admin.register(Termijnafwijking)
class TermijnafwijkingAdmin(VerbandRijAdmin):
    list_display = ["samenwerkingsverband", "regel", "jaar", "datum", "bron"]
    list_filter = ["regel", "jaar"]
    list_select_related = ["samenwerkingsverband", "regel"]
    search_fields = ["samenwerkingsverband__naam", "samenwerkingsverband__afkorting", "bron"]


def _reactie_alleen_lezen(form, request, verzoek):
    """The bestuur's reply is shown, not offered, to whoever may not write it (raad.rechten):
    a disabled field keeps what is stored whatever is posted, and the model's rule on it (a
    reply only to an ingediende zienswijze) still shows next to it."""
    if verzoek is None or not rechten.mag_reactie_bestuur_schrijven(request.user, verzoek):
        form.base_fields["reactie_bestuur"].disabled = True
    return form


class ZienswijzeInline(GemeenteRechtenMixin, RegisterInline, admin.TabularInline):
    model = Zienswijze
    fields = [
        "gemeente",
        "status",
        "raadsvergadering",
        "raadsbesluit_datum",
        "samenvatting",
        "document_url",
        "reactie_bestuur",
    ]
    autocomplete_fields = ["gemeente"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente", "zienswijzeverzoek")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        _reactie_alleen_lezen(formset.form, request, obj)
        return formset


@admin.register(Zienswijzeverzoek)
class ZienswijzeverzoekAdmin(VerbandRijAdmin):
    list_display = ["onderwerp", "samenwerkingsverband", "soort", "ontvangen_op", "uiterste_datum"]
    list_filter = ["soort", "uiterste_datum"]
    search_fields = ["onderwerp", "samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    date_hierarchy = "uiterste_datum"
    readonly_fields = ["uuid"]
    inlines = [ZienswijzeInline]

    def save_related(self, request, form, formsets, change):
        """After the inline rows: a zienswijze for every other gemeente that took part."""
        super().save_related(request, form, formsets, change)
        services.zienswijzen_klaarzetten(zienswijzeverzoek=form.instance)


class ActueleStatusFilter(admin.SimpleListFilter):
    """Filters on the status as it reads today, including termijn verstreken."""

    title = _("status")
    parameter_name = "actuele_status"

    def lookups(self, request, model_admin):
        return ZienswijzeStatus.choices

    def queryset(self, request, queryset):
        return queryset.filter(actuele_status=self.value()) if self.value() else queryset


@admin.register(Zienswijze)
class ZienswijzeAdmin(GemeenteRechtenMixin, RegisterAdmin):
    list_display = [
        "gemeente",
        "zienswijzeverzoek",
        "uiterste_datum",
        "actuele_status_label",
        "besluit_van_de_raad",
    ]
    list_filter = [ActueleStatusFilter, "zienswijzeverzoek__soort", "gemeente__provincie"]
    list_select_related = ["gemeente", "zienswijzeverzoek__samenwerkingsverband"]
    search_fields = [
        "gemeente__naam",
        "gemeente__cbs_code",
        "zienswijzeverzoek__onderwerp",
        "zienswijzeverzoek__samenwerkingsverband__naam",
    ]
    autocomplete_fields = ["gemeente", "zienswijzeverzoek"]
    readonly_fields = ["uuid"]

    def get_queryset(self, request):
        # The raad's decision date (raad.vergaderingen) as subqueries of the list's query.
        return zienswijzen_met_besluitdatum(
            super().get_queryset(request).met_actuele_status(timezone.localdate())
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or rechten.mag_gemeente_beheren(request.user, obj.gemeente)
        )

    def get_form(self, request, obj=None, **kwargs):
        verzoek = None if obj is None else obj.zienswijzeverzoek
        return _reactie_alleen_lezen(super().get_form(request, obj, **kwargs), request, verzoek)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or rechten.mag_gemeente_beheren(request.user, obj.gemeente)
        )

    @admin.display(description=_("uiterste datum"), ordering="zienswijzeverzoek__uiterste_datum")
    def uiterste_datum(self, obj):
        return obj.zienswijzeverzoek.uiterste_datum

    @admin.display(description=_("status"), ordering="actuele_status")
    def actuele_status_label(self, obj):
        return ZienswijzeStatus(obj.actuele_status).label

    @admin.display(description=_("besluit van de raad"), ordering="besluitdatum")
    def besluit_van_de_raad(self, obj):
        """When the raad decides (decided: its raadsbesluit; open: the last raadsvergadering
        in time, or what to do without one)."""
        if obj.actuele_status not in OPEN_STATUSSEN:
            return (
                _("besloten op %(datum)s") % {"datum": datum_tekst(obj.raadsbesluit_datum)}
                if obj.raadsbesluit_datum
                else "—"
            )
        return besluitmoment_van(obj).tekst


@admin.register(Evaluatie)
class EvaluatieAdmin(VerbandRijAdmin):
    list_display = ["samenwerkingsverband", "datum"]
    search_fields = ["samenwerkingsverband__naam", "samenwerkingsverband__afkorting", "conclusie"]
    date_hierarchy = "datum"


# --- Kaders van de raad, doelen en prestaties (raad.sturing) --------------------------------------


@admin.register(Kader)
class KaderAdmin(GemeenteRechtenMixin, RegisterAdmin):
    """The griffie's path for the raad's kaders: only its own gemeente can be chosen (and a
    forged one is refused by the form's rights check, toegang.admin.RechtenForm), and only
    the regelingen that gemeente takes part in. Changing or deleting a row is asked of
    toegang.rechten per row by RegisterAdmin (GEMEENTE_PAD)."""

    list_display = [
        "onderwerp",
        "gemeente",
        "samenwerkingsverband",
        "soort",
        "jaar",
        "besluitdatum",
    ]
    # The gemeente page's link filters on its gemeente (a name search also matched others).
    list_filter = [("gemeente", admin.RelatedOnlyFieldListFilter), "soort", "jaar"]
    list_select_related = ["gemeente", "samenwerkingsverband"]
    search_fields = ["onderwerp", "gemeente__naam", "samenwerkingsverband__naam"]
    date_hierarchy = "besluitdatum"
    readonly_fields = ["uuid"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        gemeenten = rechten.beheerbare_gemeenten(request.user)
        if gemeenten is not None and len(ids := list(gemeenten.values_list("pk", flat=True))) == 1:
            initial.setdefault("gemeente", ids[0])
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "samenwerkingsverband":
            verbanden = Samenwerkingsverband.objects.order_by("naam")
            gemeenten = rechten.beheerbare_gemeenten(request.user)
            if gemeenten is not None:
                verbanden = verbanden.filter(
                    pk__in=Deelname.objects.filter(gemeente__in=gemeenten).values(
                        "samenwerkingsverband"
                    )
                )
            kwargs["queryset"] = verbanden
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class IndicatorInline(RegisterInline, admin.TabularInline):
    model = Indicator
    fields = ["naam", "eenheid", "volgorde"]
    show_change_link = True  # the values per year are on the indicator's own page


@admin.register(Doel)
class DoelAdmin(VerbandRijAdmin):
    list_display = ["titel", "samenwerkingsverband", "volgorde"]
    search_fields = ["titel", "samenwerkingsverband__naam", "samenwerkingsverband__afkorting"]
    fields = ["samenwerkingsverband", "titel", "omschrijving", "volgorde"]
    inlines = [IndicatorInline]


class IndicatorwaardeInline(RegisterInline, admin.TabularInline):
    model = Indicatorwaarde
    fields = ["jaar", "gepland", "gerealiseerd", "bron", "bron_url"]


@admin.register(Indicator)
class IndicatorAdmin(RegisterAdmin):
    list_display = ["naam", "doel", "eenheid"]
    list_select_related = ["doel__samenwerkingsverband"]
    search_fields = ["naam", "doel__titel", "doel__samenwerkingsverband__naam"]
    fields = ["doel", "naam", "eenheid", "volgorde"]
    inlines = [IndicatorwaardeInline]


@admin.register(Indicatorwaarde)
class IndicatorwaardeAdmin(RegisterAdmin):
    """All values at a glance; entered on the indicator's page (IndicatorAdmin)."""

    list_display = ["indicator", "jaar", "gepland", "gerealiseerd", "bron"]
    list_filter = ["jaar"]
    list_select_related = ["indicator__doel__samenwerkingsverband"]
    search_fields = ["indicator__naam", "indicator__doel__samenwerkingsverband__naam"]
    fields = ["indicator", "jaar", "gepland", "gerealiseerd", "bron", "bron_url"]


@admin.register(Vergadering)
class VergaderingAdmin(VerbandRijAdmin):
    """Meetings of a regeling's boards and for the raden: its secretariaat enters them."""

    list_display = ["samenwerkingsverband", "soort", "datum", "omschrijving"]
    list_filter = ["soort"]
    search_fields = [*VerbandRijAdmin.search_fields, "omschrijving"]
    date_hierarchy = "datum"
    readonly_fields = ["uuid"]


@admin.register(Raadsvergadering)
class RaadsvergaderingAdmin(GemeenteRechtenMixin, RegisterAdmin):
    """The raad's own meeting calendar: only its griffie (or a beheerder) enters it."""

    list_display = ["gemeente", "datum", "omschrijving"]
    list_select_related = ["gemeente"]
    list_filter = ["gemeente__provincie"]
    search_fields = ["gemeente__naam", "gemeente__cbs_code", "omschrijving"]
    autocomplete_fields = ["gemeente"]
    date_hierarchy = "datum"
    readonly_fields = ["uuid"]
