"""The admin page for a region's membership sheet (samenwerking.regio_indeling): upload,
preview with names (regions matched to arrangements, candidates to choose, merged gemeenten
carried with a note, "al bekend"), then save all or nothing. The rows wait between the
steps in the session (a region sheet is a few hundred short rows)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toegang import rechten

from .. import regio_indeling
from ..constants import Vorm
from ..models import Deelname

SESSIE = "regio_indeling"
KEUZE = "regio:"  # posted choices: regio:<normalised region name> = pk or nieuw:<vorm>


class RegioBestandFormulier(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy(
            "CSV, Excel (.xlsx) of LibreOffice (.ods) met in de eerste regel de kolomnamen: "
            "een kolom gemeente (naam, GM0344 of 0344) en een kolom regio (de naam van de "
            "regio). Er wordt pas iets opgeslagen als u bevestigt."
        ),
        error_messages={"required": gettext_lazy("Kies een bestand om in te lezen.")},
    )
    toetredingsdatum = forms.DateField(
        label=gettext_lazy("Toetredingsdatum"),
        required=False,
        help_text=gettext_lazy(
            "Voor de nieuwe deelnames (dd-mm-jjjj). Leeg: onbekend, deelname van vóór het "
            "register. Gemeenten die vóór deze datum (of vandaag) zijn opgeheven, gaan naar "
            "hun opvolger."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(
                _("Het bestand is te groot (%(grootte)s); de grens is %(grens)s.")
                % {
                    "grootte": filesizeformat(bestand.size),
                    "grens": filesizeformat(settings.IMPORT_MAX_BYTES),
                },
                code="te_groot",
            )
        return bestand


def _keuzes(post) -> dict[str, str]:
    return {k.removeprefix(KEUZE): v for k, v in post.items() if k.startswith(KEUZE)}


def regio_indeling_pagina(request):
    if not rechten.mag_model(request.user, rechten.TOEVOEGEN, Deelname):
        raise PermissionDenied
    form = RegioBestandFormulier()
    indeling, fouten = None, []
    bewaard = request.session.get(SESSIE)
    # The upload form (also sent without a file: its field says so); else the choices.
    if request.method == "POST" and ("inlezen" in request.POST or "bestand" in request.FILES):
        form = RegioBestandFormulier(request.POST, request.FILES)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                rijen = regio_indeling.lees(bestand.read(), bestand.name)
            except regio_indeling.BestandsFout as fout:
                form.add_error("bestand", str(fout))
            else:
                datum = form.cleaned_data["toetredingsdatum"]
                bewaard = {
                    "rijen": rijen,
                    "bestand": bestand.name,
                    "toetredingsdatum": datum.isoformat() if datum else "",
                }
                request.session[SESSIE] = bewaard
                indeling = _plan(request, bewaard, {})
    elif request.method == "POST":
        if not bewaard:
            messages.error(
                request,
                _("Er is geen ingelezen bestand (meer) in uw sessie; lees het opnieuw in."),
            )
            return redirect("samenwerking_regio_indeling")
        indeling = _plan(request, bewaard, _keuzes(request.POST))
        if "opslaan" in request.POST:
            try:
                rijen = regio_indeling.opslaan(
                    indeling,
                    bestandsnaam=bewaard["bestand"],
                    toetredingsdatum=parse_date(bewaard["toetredingsdatum"] or ""),
                    user=request.user,
                )
            except ValidationError as fout:
                fouten = fout.messages
            else:
                del request.session[SESSIE]
                messages.success(request, _melding(indeling, len(rijen)))
                return redirect(reverse("admin:samenwerking_deelname_changelist"))
    context = {
        **admin.site.each_context(request),
        "title": _("Regio-indeling inlezen"),
        "form": form,
        "indeling": indeling,
        "fouten": fouten,
        "bestand": bewaard["bestand"] if bewaard and indeling else "",
        "keuze_prefix": KEUZE,
        "nieuw_prefix": regio_indeling.NIEUW_VERBAND,
        "vormen": Vorm.choices,
        "keuzes": _keuzes(request.POST) if request.method == "POST" else {},
    }
    return render(request, "admin/samenwerking/regio_indeling.html", context)


def _plan(request, bewaard, keuzes):
    datum = parse_date(bewaard["toetredingsdatum"] or "") or timezone.localdate()
    return regio_indeling.plannen(
        [tuple(r) for r in bewaard["rijen"]], user=request.user, peildatum=datum, keuzes=keuzes
    )


def _melding(indeling, opgeslagen: int) -> str:
    overgezet = sum(1 for r in indeling.regels if r.noot and r.status == regio_indeling.NIEUW)
    return _(
        "Regio-indeling opgeslagen: %(nieuw)s deelnames nieuw, %(bekend)s al bekend; "
        "%(overgezet)s opgeheven gemeenten naar hun opvolger overgezet (zie de bron van die "
        "deelnames)."
    ) % {"nieuw": opgeslagen, "bekend": len(indeling.al_bekend), "overgezet": overgezet}
