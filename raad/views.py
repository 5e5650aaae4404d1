"""Council-facing pages. Thin shells around the samenwerking selectors."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from samenwerking.constants import Vorm
from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.selectors import (
    deelnames_van_gemeente,
    gemeenten_zoeken,
    herkomst_van_het_register,
    kostentotalen,
)

from .forms import PeilForm, ZoekForm


def start(request):
    """Search a gemeente; national figures of the register."""
    vandaag = timezone.localdate()
    form = ZoekForm(request.GET or None)
    zoekterm = form.cleaned_data["q"].strip() if form.is_valid() else ""
    resultaten = gemeenten_zoeken(zoekterm, peildatum=vandaag) if zoekterm else []
    if len(resultaten) == 1 and resultaten[0].is_actief_op(vandaag):
        return redirect("raad:gemeente", cbs_code=resultaten[0].cbs_code)
    per_vorm = dict(
        Samenwerkingsverband.objects.actief_op(vandaag)
        .order_by()
        .values_list("vorm")
        .annotate(n=Count("pk"))
    )
    context = {
        "form": form,
        "zoekterm": zoekterm,
        "resultaten": resultaten,
        "per_vorm": [(label, per_vorm.get(code, 0)) for code, label in Vorm.choices],
        "aantal_verbanden": sum(per_vorm.values()),
        "aantal_gemeenten": Gemeente.objects.actief_op(vandaag).count(),
        "herkomst": herkomst_van_het_register(),
    }
    return render(request, "raad/start.html", context, status=400 if form.errors else 200)


def gemeente_overzicht(request, cbs_code: str):
    """Every arrangement a gemeente is in on a peildatum, with representatives and costs."""
    if cbs_code != cbs_code.upper():
        return redirect("raad:gemeente", cbs_code=cbs_code.upper())
    gemeente = get_object_or_404(Gemeente.objects.select_related("provincie"), cbs_code=cbs_code)
    form = PeilForm(request.GET or None)
    peildatum = timezone.localdate()
    jaar = None
    if form.is_valid():
        peildatum = form.cleaned_data["peildatum"] or peildatum
        jaar = form.cleaned_data["jaar"]
    jaar = jaar or peildatum.year
    deelnames = list(deelnames_van_gemeente(gemeente, peildatum=peildatum, jaar=jaar))
    context = {
        "gemeente": gemeente,
        "form": form,
        "peildatum": peildatum,
        "jaar": jaar,
        "deelnames": deelnames,
        "totalen": kostentotalen(gemeente, deelnames, jaar=jaar),
        "bestaat": gemeente.is_actief_op(peildatum),
        "opvolgers": list(gemeente.opvolgers.all()) if gemeente.einddatum else [],
    }
    return render(request, "raad/gemeente.html", context, status=400 if form.errors else 200)
