"""Admin of the arrangement: a compact main page with its versions in the national register,
documents, wettelijke grondslagen and bevoegdheden as inlines; its deelnemers, bijdragen (a
grid), besturen with zetels and jaarcijfers are the workplace's pages (`werkplek`)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..adminbasis import RegisterInline
from ..adminimport import RegisterImportExportAdmin
from ..models import (
    Bevoegdheid,
    Document,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
)
from ..selectors import samenwerkingsverbanden_zoeken
from .filters import ActiefOpFilter, ProvincieFilter, aantal_vandaag
from .werkplek import WerkplekViews


class DocumentInline(RegisterInline, admin.TabularInline):
    model = Document
    fields = ["titel", "soort", "jaar", "datum", "url"]


class WettelijkeGrondslagInline(RegisterInline, admin.TabularInline):
    model = WettelijkeGrondslag
    fields = ["opschrift", "url"]


class BevoegdheidInline(RegisterInline, admin.TabularInline):
    model = Bevoegdheid
    fields = ["artikel", "omschrijving", "verkrijging"]


class RegelingversieInline(RegisterInline, admin.TabularInline):
    """The versions of the regeling in the national register: read only, the import keeps
    them."""

    model = Regelingversie
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
class SamenwerkingsverbandAdmin(WerkplekViews, RegisterImportExportAdmin):
    """A compact main page; deelnemers, bijdragen (a grid), besturen with zetels and
    jaarcijfers are pages of their own (`werkplek`), reached by tabs."""

    # At 1280 px beside the menu and the filters the list shows its first four columns and
    # scrolls sideways for the rest: how many take part comes right after the form.
    list_display = [
        "naam",
        "afkorting",
        "vorm",
        "aantal_deelnemers",
        "verplicht",
        "ingangsdatum",
        "einddatum",
        "vestigingsplaats",
    ]
    # bron: e.g. "OpenGR 2016; vorm aangenomen: openbaar lichaam" marks what to check.
    # Only the domeinen the listed arrangements have: the national register's beleidsterreinen
    # beside regioreg's own list are some ninety, most of them not in a secretary's regelingen.
    list_filter = [
        "vorm",
        ("domeinen", admin.RelatedOnlyFieldListFilter),
        ProvincieFilter,
        ActiefOpFilter,
        "verplicht",
        "bron",
    ]
    search_fields = ["naam", "afkorting", "cbs_gr_code", "vestigingsplaats"]
    search_help_text = _(
        "Naam, afkorting (met of zonder spaties), CBS-code of vestigingsplaats. Een soort vindt "
        "ook de namen die haar voluit schrijven: GGD ook „Gemeentelijke Gezondheidsdienst”, "
        "VR ook VRBZO, omgevingsdienst ook FUMO en DCMR."
    )
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
            _("Karakter en uittreding"),
            {
                "fields": [
                    "karakter",
                    *Samenwerkingsverband.UITTREDING_VELDEN,
                ],
                "description": _(
                    "Of de regeling uitvoert of zelf beleid bepaalt, en de voorwaarden voor "
                    "uittreding die elke regeling moet bevatten (Wgr art. 9 lid 1). De raad ziet "
                    "ze op de pagina van het verband en op de gemeentepagina."
                ),
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
                    *Samenwerkingsverband.WGR2022_VELDEN,
                    "evaluatie_interval_jaren",
                    "evaluatiebepaling_sinds",
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
        return (
            super()
            .get_queryset(request)
            .annotate(
                _deelnemers=aantal_vandaag("deelnames", "toetredingsdatum", "uittredingsdatum")
            )
            # A GROUP BY drops the model's default ordering; autocomplete pages need one.
            .order_by(*Samenwerkingsverband._meta.ordering, "pk")
        )

    def get_search_results(self, request, queryset, search_term):
        """Django's search, and what the public search finds
        (`selectors.samenwerkingsverbanden_zoeken`: a kind of arrangement such as GGD or
        omgevingsdienst by every name it has, an abbreviation with or without its spaces).
        Within `queryset`, so a secretariaat still finds only its own."""
        treffers, dubbel = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            gevonden = [v.pk for v in samenwerkingsverbanden_zoeken(search_term)]
            treffers |= queryset.filter(pk__in=gevonden)
        return treffers, dubbel

    @admin.display(description=_("deelnemers nu"), ordering="_deelnemers")
    def aantal_deelnemers(self, obj):
        return obj._deelnemers
