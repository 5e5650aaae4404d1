"""The national comparison of like with like: the regelingen of one domein (all
veiligheidsregio's, all GGD's…) ranked by their begrote bijdragen per inwoner."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from samenwerking.constants import BijdrageSoort, label
from samenwerking.models import Domein
from samenwerking.selectors import bijdragen_over_de_jaren, ranglijst_van_domein

from . import grafieken
from .forms import JaarForm, OverDeJarenForm
from .templatetags.regioreg import euro_cent
from .views import _gemeente, _opvolgers


def gemeente_over_de_jaren(request, cbs_code: str):
    """A gemeente's bijdragen over ten years: in total, per vorm and per domein, with the
    change per year; as a chart and tables."""
    gemeente = _gemeente(cbs_code)
    form = OverDeJarenForm(request.GET or None)
    jaar, soort = form.gekozen_jaar(), form.gekozen_soort()
    reeks = bijdragen_over_de_jaren(gemeente, tot_jaar=jaar, soort=soort)
    context = {
        "gemeente": gemeente,
        "opvolgers": _opvolgers(gemeente),
        "form": form,
        "jaar": jaar,
        "soort": soort,
        "soort_label": label(BijdrageSoort, soort).lower(),
        "reeks": reeks,
        "totaal_per_jaar": list(zip(reeks.jaren, reeks.totaal.paren, strict=True)),
        "grafiek": grafieken.staafgrafiek(
            [str(j) for j in reeks.jaren], [(label(BijdrageSoort, soort), reeks.totaal.bedragen)]
        ),
    }
    return render(request, "raad/over_de_jaren.html", context, status=400 if form.errors else 200)


def domein_ranglijst(request, code: str):
    """Every regeling of a domein in a year with its bijdragen per inwoner, lowest first, and
    how many have figures; as a table and a bar chart."""
    try:
        domein = Domein.objects.get(code=code)
    except Domein.DoesNotExist:
        raise Http404(_("Er is geen domein met code %(code)s.") % {"code": code}) from None
    form = JaarForm(request.GET or None)
    jaar = form.gekozen_jaar()
    lijst = ranglijst_van_domein(domein, jaar=jaar)
    context = {
        "form": form,
        "jaar": jaar,
        "lijst": lijst,
        # A domein no regeling has in any year says so, not "none in this year".
        "zonder_regelingen": lijst.zonder_regelingen,
        "grafiek": grafieken.staafgrafiek(
            [r.verband.naam for r in lijst.met_cijfers],
            [(_("Begroot per inwoner"), [r.per_inwoner for r in lijst.met_cijfers])],
            opmaak=euro_cent,
        ),
    }
    return render(request, "raad/domein.html", context, status=400 if form.errors else 200)
