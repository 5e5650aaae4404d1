"""The regio secretary's workplace: an arrangement's rows on pages of their own next to its
compact change page (deelnemers, bijdragen, besturen and zetels, jaarcijfers), reached by tabs.

Each page reads in a fixed number of queries, whatever the number of rows. Writes go through
the services (`rijen_opslaan`, `rijen_verwijderen`), are checked against the rows as stored
(read again, locked, in the saving transaction) and against the account's rights
(`toegang.rechten`), and are all or nothing.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toegang import rechten

from .. import services
from ..adminbasis import ServiceModelForm
from ..bedragen import bedrag_tonen
from ..models import Bestuursorgaan, Deelname, Gemeente, Jaarcijfers, Zetel
from ..peilmoment import JAAR_MAX, JAAR_MIN
from ..periode import loopt_op
from .raster import Raster

JAARCIJFERS_BEDRAGEN = (
    "lasten",
    "baten",
    "resultaat",
    "eigen_vermogen_eind",
    "vreemd_vermogen_eind",
)


# --- A bijdrage's form in the admin: a tenfold change is confirmed, not refused ------------------


class BijdrageForm(ServiceModelForm):
    """A bijdrage that differs more than tenfold from the same deelname's bijdrage of the year
    before is saved only after the user confirms it (a checkbox next to the amount)."""

    afwijking_bevestigd = forms.BooleanField(
        label=gettext_lazy("afwijkend bedrag bevestigd"),
        required=False,
        help_text=gettext_lazy("Aanvinken als een bedrag dat sterk afwijkt van vorig jaar klopt."),
    )

    def _post_clean(self):
        super()._post_clean()
        if self._errors or self.cleaned_data.get("afwijking_bevestigd"):
            return
        if not self.instance.deelname_id or "bedrag" not in self.changed_data:
            return
        waarschuwing = services.bijdrage_waarschuwingen(rijen=[self.instance]).get(0)
        if waarschuwing:
            self.add_error(
                "bedrag",
                ValidationError(
                    _("Bedrag: %(w)s Vink „afwijkend bedrag bevestigd” aan.") % {"w": waarschuwing},
                    code="tienvoud",
                ),
            )


# --- The pages ----------------------------------------------------------------------------------

TABS = [
    ("change", gettext_lazy("Regeling")),
    ("deelnemers", gettext_lazy("Deelnemers")),
    ("bijdragen", gettext_lazy("Bijdragen")),
    ("besturen", gettext_lazy("Besturen en zetels")),
    ("jaarcijfers", gettext_lazy("Jaarcijfers")),
]


def tabs(verband, actief: str) -> list[dict]:
    return [
        {
            "naam": naam,
            "label": label,
            "url": reverse(f"admin:samenwerking_samenwerkingsverband_{naam}", args=[verband.pk]),
            "actief": naam == actief,
        }
        for naam, label in TABS
    ]


class WerkplekViews:
    """Mixed into the arrangement's admin: the workplace's pages as admin views."""

    def get_urls(self):
        eigen = [
            path(
                f"<path:object_id>/{naam}/",
                self.admin_site.admin_view(getattr(self, f"{naam}_view")),
                name=f"samenwerking_samenwerkingsverband_{naam}",
            )
            for naam, _label in TABS[1:]
        ]
        return eigen + super().get_urls()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            rechten.eigen_maken(request.user, obj)

    def response_add(self, request, obj, post_url_continue=None):
        """A new regeling: straight on to its deelnemers."""
        if "_addanother" in request.POST or "_continue" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        messages.success(
            request,
            _("Regeling „%(naam)s” is toegevoegd. Voeg nu de deelnemers toe.") % {"naam": obj},
        )
        return HttpResponseRedirect(
            reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[obj.pk])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        verband = self.get_object(request, object_id)
        if verband is not None:
            extra_context["werkplek_tabs"] = tabs(verband, "change")
            # As on the other tabs: the room goes to the inline tables (1280 px).
            extra_context["is_nav_sidebar_enabled"] = False
        return super().change_view(request, object_id, form_url, extra_context)

    def _verband(self, request, object_id):
        """Another regio's arrangement is refused as on its change page (`get_object`)."""
        verband = self.get_object(request, unquote(object_id))
        if verband is None:
            raise Http404
        if not self.has_view_permission(request, verband):
            raise PermissionDenied
        return verband

    def _context(self, request, verband, actief: str, titel: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": verband,
            "verband": verband,
            "title": titel,
            "subtitle": str(verband),
            "werkplek_tabs": tabs(verband, actief),
            # The tabs and breadcrumbs lead on; the room goes to the tables (1280 px).
            "is_nav_sidebar_enabled": False,
            "mag_wijzigen": rechten.mag_wijzigen(request.user, verband),
            "media": self.media
            + forms.Media(
                css={"all": ["beheer/werkplek.css"]},
                js=["beheer/bedrag.js", "beheer/keuzelijst.js", "beheer/raster.js"],
            ),
            **extra,
        }

    # Deelnemers ---------------------------------------------------------------------------

    def deelnemers_view(self, request, object_id):
        verband = self._verband(request, object_id)
        mag = rechten.mag_wijzigen(request.user, verband)
        form = DeelnemersToevoegenForm(
            request.POST if request.method == "POST" else None, verband=verband
        )
        if request.method == "POST":
            if not mag:
                raise PermissionDenied
            if form.is_valid() and _deelnemers_toevoegen(request, verband, form):
                return HttpResponseRedirect(request.path)
        deelnames = list(
            Deelname.objects.filter(samenwerkingsverband=verband)
            .select_related("gemeente", "organisatie")
            .order_by("uittredingsdatum", "gemeente__naam", "organisatie__naam", "pk")
        )
        vandaag = timezone.localdate()
        # Counted as the public page counts them: the deelnames that run today.
        lopend = sum(loopt_op(vandaag, d.toetredingsdatum, d.uittredingsdatum) for d in deelnames)
        return TemplateResponse(
            request,
            "admin/samenwerking/werkplek/deelnemers.html",
            self._context(
                request,
                verband,
                "deelnemers",
                _("Deelnemers"),
                deelnames=deelnames,
                lopend=lopend,
                andere=len(deelnames) - lopend,
                form=form,
                vandaag=vandaag,
            ),
        )

    # Bijdragen ---------------------------------------------------------------------------

    def bijdragen_view(self, request, object_id):
        verband = self._verband(request, object_id)
        mag = rechten.mag_wijzigen(request.user, verband)
        try:
            eerste = int(request.GET.get("vanaf") or timezone.localdate().year - 1)
        except ValueError:
            eerste = timezone.localdate().year - 1
        # The grid's first two years within the years a bijdrage may have (JaarVeld).
        eerste = min(max(eerste, JAAR_MIN), JAAR_MAX - 1)
        raster = Raster.lezen(verband, eerste)
        if request.method == "POST":
            if not mag:
                raise PermissionDenied
            if raster.opslaan(request):
                messages.success(request, _("De bijdragen zijn opgeslagen."))
                return HttpResponseRedirect(request.get_full_path())
        return TemplateResponse(
            request,
            "admin/samenwerking/werkplek/bijdragen.html",
            self._context(
                request,
                verband,
                "bijdragen",
                _("Bijdragen"),
                raster=raster,
                eerder=eerste - 1,
                later=eerste + 1,
            ),
        )

    # Besturen en zetels --------------------------------------------------------------------

    def besturen_view(self, request, object_id):
        verband = self._verband(request, object_id)
        organen = Bestuursorgaan.objects.filter(samenwerkingsverband=verband).prefetch_related(
            Prefetch(
                "zetels",
                queryset=Zetel.objects.select_related(
                    "persoon", "deelname__gemeente", "deelname__organisatie"
                ).order_by("einddatum", "persoon__naam", "pk"),
            )
        )
        return TemplateResponse(
            request,
            "admin/samenwerking/werkplek/besturen.html",
            self._context(
                request,
                verband,
                "besturen",
                _("Besturen en zetels"),
                organen=organen,
                vandaag=timezone.localdate(),
            ),
        )

    # Jaarcijfers ---------------------------------------------------------------------------

    def jaarcijfers_view(self, request, object_id):
        verband = self._verband(request, object_id)
        cijfers = list(
            Jaarcijfers.objects.filter(samenwerkingsverband=verband).order_by("-jaar", "soort")
        )
        for c in cijfers:
            for naam in JAARCIJFERS_BEDRAGEN:
                setattr(c, f"toon_{naam}", bedrag_tonen(getattr(c, naam)))
        return TemplateResponse(
            request,
            "admin/samenwerking/werkplek/jaarcijfers.html",
            self._context(request, verband, "jaarcijfers", _("Jaarcijfers"), cijfers=cijfers),
        )


# --- Deelnemers toevoegen -----------------------------------------------------------------------


class DeelnemersToevoegenForm(forms.Form):
    gemeenten = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Gemeenten"),
        queryset=Gemeente.objects.filter(einddatum__isnull=True).order_by("naam"),
        # Checkboxes (beheer/keuzelijst.js adds a search field and says what is chosen).
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Vink één of meer gemeenten aan (met de muis, of met Tab naar de lijst en de "
            "spatiebalk). Typ in het zoekveld een deel van de naam om de lijst korter te maken."
        ),
        error_messages={
            "required": gettext_lazy("Kies ten minste één gemeente."),
            "invalid_choice": gettext_lazy(
                "Een gekozen gemeente staat niet (meer) in de lijst: ze neemt al deel zonder "
                "einddatum, of is opgeheven. Kies opnieuw uit de lijst."
            ),
        },
    )

    def __init__(self, *args, verband, **kwargs):
        super().__init__(*args, **kwargs)
        # A gemeente that takes part without an end date cannot be added again (the new
        # deelname, also without end date, would overlap): not offered.
        lopend = Deelname.objects.filter(
            samenwerkingsverband=verband, uittredingsdatum__isnull=True, gemeente__isnull=False
        )
        veld = self.fields["gemeenten"]
        veld.queryset = veld.queryset.exclude(pk__in=lopend.values("gemeente"))
        # One posted anyway (an old page, a forged id) is refused by the field: its message
        # names the gemeente, as the service's would.
        gekozen = [w for w in self.data.getlist(self.add_prefix("gemeenten")) if w.isdigit()]
        onbekend = [w for w in self.data.getlist(self.add_prefix("gemeenten")) if w not in gekozen]
        if gekozen or onbekend:
            bestaand = {
                str(pk)
                for pk in Gemeente.objects.filter(pk__in=gekozen).values_list("pk", flat=True)
            }
            onbekend += [w for w in gekozen if w not in bestaand]
        if onbekend:
            # Not a gemeente at all (a forged or mistyped id): say so, not "neemt al deel".
            bericht = _(
                "Er bestaat geen gemeente met nummer %(nummers)s. Vink de gemeenten aan in de "
                "lijst; die bestaan wel."
            ) % {"nummers": ", ".join(onbekend)}
            veld.error_messages = {
                **veld.error_messages,
                "invalid_choice": bericht,
                "invalid_pk_value": bericht,
            }
        elif namen := list(
            lopend.filter(gemeente__in=gekozen)
            .order_by("gemeente__naam")
            .values_list("gemeente__naam", flat=True)
        ):
            veld.error_messages = {
                **veld.error_messages,
                "invalid_choice": _(
                    "%(namen)s: neemt al deel aan dit samenwerkingsverband zonder einddatum en "
                    "staat daarom niet in de lijst. Kies opnieuw uit de lijst."
                )
                % {"namen": ", ".join(namen)},
            }

    toetredingsdatum = forms.DateField(
        label=gettext_lazy("Toetredingsdatum"),
        required=False,
        help_text=gettext_lazy(
            "Voor alle gekozen gemeenten; kies de dag in de kalender van het veld. Leeg als "
            "onbekend."
        ),
        # A date field of the browser takes and shows JJJJ-MM-DD: a value shown again after
        # an error must be written so, or the browser drops it.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _deelnemers_toevoegen(request, verband, form) -> bool:
    gemeenten = list(form.cleaned_data["gemeenten"])
    rijen = [
        Deelname(
            samenwerkingsverband=verband,
            gemeente=gemeente,
            toetredingsdatum=form.cleaned_data["toetredingsdatum"],
        )
        for gemeente in gemeenten
    ]
    if any(not rechten.mag(request.user, rechten.TOEVOEGEN, rij) for rij in rijen):
        raise PermissionDenied
    try:
        services.rijen_opslaan(model=Deelname, rijen=rijen, labels=[g.naam for g in gemeenten])
    except services.Rijfouten as fouten:
        for i, fout in sorted(fouten.per_rij.items()):
            form.add_error(None, f"{gemeenten[i].naam}: {' '.join(fout.messages)}")
        return False
    messages.success(
        request,
        _("%(n)s deelnemer(s) toegevoegd: %(namen)s.")
        % {"n": len(rijen), "namen": ", ".join(g.naam for g in gemeenten)},
    )
    return True
