"""The regio secretary's workplace: an arrangement's rows on pages of their own next to its
compact change page (deelnemers, bijdragen, besturen and zetels, jaarcijfers), reached by tabs.

Each page reads in a fixed number of queries, whatever the number of rows. Writes go through
the services (`rijen_opslaan`, `rijen_verwijderen`), are checked against the rows as stored
(read again, locked, in the saving transaction) and against the account's rights
(`toegang.rechten`), and are all or nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toegang import rechten

from .. import services
from ..adminbasis import ServiceModelForm, versie
from ..bedragen import Bedragfout, bedrag_invoer, bedrag_lezen, bedrag_tonen
from ..constants import BijdrageSoort
from ..models import Bestuursorgaan, Bijdrage, Deelname, Gemeente, Jaarcijfers, Zetel
from ..peilmoment import JAAR_MAX, JAAR_MIN
from ..periode import overlapt, periode_overlapt_q
from ..selectors.bijdragen import totaal

BEGROOT, GEREALISEERD = BijdrageSoort.BEGROOT, BijdrageSoort.GEREALISEERD
JAARCIJFERS_BEDRAGEN = (
    "lasten",
    "baten",
    "resultaat",
    "eigen_vermogen_eind",
    "vreemd_vermogen_eind",
)
RAMING_JAREN = 4  # the meerjarenraming: the coming four years


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
                js=["beheer/bedrag.js", "beheer/keuzelijst.js"],
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
        deelnames = (
            Deelname.objects.filter(samenwerkingsverband=verband)
            .select_related("gemeente", "organisatie")
            .order_by("uittredingsdatum", "gemeente__naam", "organisatie__naam", "pk")
        )
        return TemplateResponse(
            request,
            "admin/samenwerking/werkplek/deelnemers.html",
            self._context(
                request,
                verband,
                "deelnemers",
                _("Deelnemers"),
                deelnames=deelnames,
                form=form,
                vandaag=timezone.localdate(),
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
        if namen := sorted(
            lopend.filter(gemeente__in=gekozen).values_list("gemeente__naam", flat=True)
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


# --- The bijdragen grid -------------------------------------------------------------------------


@dataclass
class Cel:
    naam: str
    deelname: Deelname
    jaar: int
    soort: str
    opgeslagen: Bijdrage | None = None
    invoer: str = ""
    fout: str = ""
    waarschuwing: str = ""
    buiten: bool = False  # the deelname did not run in this year: nothing to enter
    # The sum of its bijdragen per onderdeel (None: it has none). Such a cell is changed on
    # the deelname's page, not in the grid, and its sum counts in the totals.
    onderdelen: Decimal | None = None

    @property
    def som(self) -> Decimal | None:
        """What the cell adds up to, as the public pages sum it (`selectors.bijdragen`)."""
        return totaal([self.opgeslagen.bedrag if self.opgeslagen else None, self.onderdelen])

    @property
    def som_tekst(self) -> str:
        return bedrag_tonen(self.som)

    @property
    def label(self) -> str:
        soort = _("begroot") if self.soort == BEGROOT else _("gerealiseerd")
        return f"{self.deelname.deelnemer}, {self.jaar} {soort}"


@dataclass
class Kolom:
    jaar: int
    soort: str
    totaal: Decimal | None = None

    @property
    def kop(self) -> str:
        return _("begroot") if self.soort == BEGROOT else _("gerealiseerd")


@dataclass
class Rij:
    deelname: Deelname
    cellen: list[Cel] = field(default_factory=list)

    @property
    def totaal_begroot(self) -> str:
        som = totaal(c.som for c in self.cellen if c.soort == BEGROOT)
        return _("onbekend") if som is None else bedrag_tonen(som)


@dataclass
class Raster:
    """Deelnemers × years: begroot for the year before this one up to the coming four years
    (the meerjarenraming), gerealiseerd for the years that have passed or run. Only the
    bijdragen without onderdeel are entered here; a cell with bijdragen per onderdeel shows
    their sum and leads to the deelname's page, where they are changed."""

    verband: object
    jaren: list[int]
    kolommen: list[Kolom]
    rijen: list[Rij]
    versie: str = ""
    waarschuwingen: bool = False
    fouten: list[str] = field(default_factory=list)

    @classmethod
    def lezen(cls, verband, eerste: int, *, vergrendelen: bool = False) -> "Raster":
        dit_jaar = timezone.localdate().year
        jaren = list(range(eerste, max(eerste + 2, dit_jaar + RAMING_JAREN + 1)))[:6]
        kolommen = []
        for jaar in jaren:
            kolommen.append(Kolom(jaar, BEGROOT))
            if jaar <= dit_jaar:
                kolommen.append(Kolom(jaar, GEREALISEERD))
        van, tot = datetime.date(jaren[0], 1, 1), datetime.date(jaren[-1] + 1, 1, 1)
        deelnames = list(
            Deelname.objects.filter(samenwerkingsverband=verband)
            .filter(periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum"))
            .select_related("gemeente", "organisatie")
            .order_by("gemeente__naam", "organisatie__naam", "pk")
        )
        bijdragen = Bijdrage.objects.filter(deelname__in=[d.pk for d in deelnames], jaar__in=jaren)
        if vergrendelen:
            bijdragen = bijdragen.select_for_update()
        opgeslagen, onderdelen = {}, {}
        for b in bijdragen:
            sleutel = (b.deelname_id, b.jaar, b.soort)
            if b.onderdeel:
                onderdelen[sleutel] = onderdelen.get(sleutel, Decimal(0)) + b.bedrag
            else:
                opgeslagen[sleutel] = b
        rijen = []
        for deelname in deelnames:
            rij = Rij(deelname)
            for kolom in kolommen:
                sleutel = (deelname.pk, kolom.jaar, kolom.soort)
                bijdrage = opgeslagen.get(sleutel)
                if bijdrage is not None:
                    bijdrage.deelname = deelname
                liep = overlapt(
                    deelname.toetredingsdatum,
                    deelname.uittredingsdatum,
                    datetime.date(kolom.jaar, 1, 1),
                    datetime.date(kolom.jaar + 1, 1, 1),
                )
                rij.cellen.append(
                    Cel(
                        naam=f"b-{deelname.pk}-{kolom.jaar}-{kolom.soort}",
                        deelname=deelname,
                        jaar=kolom.jaar,
                        soort=kolom.soort,
                        opgeslagen=bijdrage,
                        invoer=bedrag_invoer(bijdrage.bedrag) if bijdrage else "",
                        onderdelen=onderdelen.get(sleutel),
                        buiten=bijdrage is None and sleutel not in onderdelen and not liep,
                    )
                )
            rijen.append(rij)
        for i, kolom in enumerate(kolommen):
            kolom.totaal = totaal(r.cellen[i].som for r in rijen)
        return cls(verband, jaren, kolommen, rijen, versie=versie(verband))

    @property
    def totalen(self) -> list[str]:
        return [
            _("onbekend") if k.totaal is None else bedrag_tonen(k.totaal) for k in self.kolommen
        ]

    @property
    def cellen(self):
        """The cells that can be filled in (not those of years a deelname did not run, nor
        those with bijdragen per onderdeel)."""
        return [
            cel
            for rij in self.rijen
            for cel in rij.cellen
            if not cel.buiten and cel.onderdelen is None
        ]

    @property
    def celfouten(self) -> list[Cel]:
        """The cells refused on saving, for the summary above the grid."""
        return [cel for cel in self.cellen if cel.fout]

    def opslaan(self, request) -> bool:
        """Save what changed in the posted grid, all or nothing; False with per-cell errors
        (and warnings to confirm) when nothing was saved."""
        with transaction.atomic():
            # The rows as stored now, locked until this transaction ends.
            opgeslagen = Raster.lezen(self.verband, self.jaren[0], vergrendelen=True)
            if request.POST.get("versie") != opgeslagen.versie:
                self.versie = opgeslagen.versie
                self.fouten.append(
                    _(
                        "Iemand anders heeft deze regeling intussen gewijzigd. Uw invoer is niet "
                        "opgeslagen en staat hieronder; controleer hem en sla opnieuw op."
                    )
                )
                self._invoer_overnemen(request)
                return False
            self.rijen, self.kolommen = opgeslagen.rijen, opgeslagen.kolommen
            self._invoer_overnemen(request)
            nieuw_of_gewijzigd: list[tuple[Cel, Bijdrage]] = []
            verwijderen: list[Bijdrage] = []
            for cel in self.cellen:
                try:
                    bedrag = bedrag_lezen(cel.invoer)
                except Bedragfout as fout:
                    cel.fout = f"{cel.label}: {fout.messages[0]}"
                    continue
                if bedrag is None:
                    if cel.opgeslagen is not None:
                        verwijderen.append(cel.opgeslagen)
                        self._mag(request, cel, rechten.VERWIJDEREN, cel.opgeslagen)
                    continue
                if cel.opgeslagen is not None and cel.opgeslagen.bedrag == bedrag:
                    continue
                rij = cel.opgeslagen or Bijdrage(
                    deelname=cel.deelname, jaar=cel.jaar, soort=cel.soort, onderdeel=""
                )
                rij.bedrag = bedrag
                self._mag(request, cel, rechten.WIJZIGEN if rij.pk else rechten.TOEVOEGEN, rij)
                nieuw_of_gewijzigd.append((cel, rij))
            if any(cel.fout for cel in self.cellen):
                return False
            rijen = [rij for _cel, rij in nieuw_of_gewijzigd]
            if not request.POST.get("afwijkingen_bevestigd"):
                for i, tekst in services.bijdrage_waarschuwingen(rijen=rijen).items():
                    nieuw_of_gewijzigd[i][0].waarschuwing = tekst
                    self.waarschuwingen = True
                if self.waarschuwingen:
                    return False
            try:
                services.rijen_opslaan(
                    model=Bijdrage,
                    rijen=rijen,
                    labels=[cel.label for cel, _rij in nieuw_of_gewijzigd],
                )
            except services.Rijfouten as fouten:
                for i, fout in fouten.per_rij.items():
                    cel = nieuw_of_gewijzigd[i][0]
                    cel.fout = f"{cel.label}: {' '.join(fout.messages)}"
                return False
            services.rijen_verwijderen(rijen=verwijderen)
        return True

    @staticmethod
    def _mag(request, cel: Cel, actie: str, rij: Bijdrage) -> None:
        """A cell the account may not write (an emptied cell is a delete) gets a message
        naming it; then nothing of the grid is saved."""
        if not rechten.mag(request.user, actie, rij):
            cel.fout = _(
                "%(cel)s: uw account mag deze bijdrage niet %(werkwoord)s. Zet het oude bedrag "
                "terug of vraag het een beheerder; er is niets opgeslagen."
            ) % {"cel": cel.label, "werkwoord": rechten.WERKWOORDEN[actie]}

    def _invoer_overnemen(self, request) -> None:
        for cel in self.cellen:
            cel.invoer = request.POST.get(cel.naam, "").strip()
