"""Pages of the admin that belong to the raad's side: the secretary's start page."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerking.models import Domein, Samenwerkingsverband
from toegang import rechten

from .werklijst import TERMIJN_DAGEN, eigen_regelingen, regelingen, standen_van

PER_PAGINA = 25


class WerklijstFilter(forms.Form):
    naam = forms.CharField(
        label=gettext_lazy("Naam of afkorting"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "Zoekt zoals de zoekbalk van de site: GGD vindt ook „Gemeentelijke "
            "Gezondheidsdienst …”, VR de veiligheidsregio's."
        ),
    )
    # Only the domeinen of the account's own regelingen (`eigen`), not the ninety of the
    # register and regioreg together.
    domein = forms.ModelChoiceField(
        label=gettext_lazy("Domein"),
        queryset=Domein.objects.none(),
        required=False,
        empty_label=gettext_lazy("alle domeinen"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Selecteer een geldige keuze: dit domein hoort bij geen van uw regelingen. "
                "Kies een domein uit de lijst, of „alle domeinen”."
            )
        },
    )
    alleen_open = forms.BooleanField(
        label=gettext_lazy("Alleen met ontbrekende gegevens of openstaande punten"),
        required=False,
    )

    def __init__(self, *args, eigen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domein"].queryset = (
            Domein.objects.filter(samenwerkingsverbanden__in=eigen).distinct().order_by("naam")
        )


def werklijst_pagina(request):
    """What is missing or due per regeling the account may change: 25 regelingen a page,
    filtered by name, domein and "only with open points"."""
    if not rechten.mag_model(request.user, rechten.WIJZIGEN, Samenwerkingsverband):
        raise PermissionDenied
    vandaag = timezone.localdate()
    filter_ = WerklijstFilter(
        request.GET or None, eigen=eigen_regelingen(request.user, vandaag=vandaag)
    )
    gekozen = {}
    if filter_.is_bound:
        # The valid fields filter also when another is refused (said next to that field): a
        # domein no longer among the own ones does not silently drop the name typed beside it.
        filter_.is_valid()
        gekozen = filter_.cleaned_data
    verbanden = regelingen(
        request.user,
        vandaag=vandaag,
        naam=gekozen.get("naam", ""),
        domein=gekozen.get("domein"),
    )
    if gekozen.get("alleen_open"):
        # Which regelingen have points is known only once they are worked out: all of them
        # (a fixed number of queries), then the page.
        alle = [s for s in standen_van(list(verbanden), vandaag) if s.punten]
        pagina = Paginator(alle, PER_PAGINA).get_page(request.GET.get("pagina"))
        standen = list(pagina.object_list)
    else:
        pagina = Paginator(verbanden, PER_PAGINA).get_page(request.GET.get("pagina"))
        standen = standen_van(list(pagina.object_list), vandaag)
    zonder_pagina = {k: v for k, v in request.GET.items() if k != "pagina" and v}
    context = {
        **admin.site.each_context(request),
        "title": _("Mijn regelingen: wat ontbreekt of eraan komt"),
        "filter": filter_,
        "pagina": pagina,
        "paginalink": "?" + urlencode({**zonder_pagina, "pagina": ""}),
        "gefilterd": bool(zonder_pagina),
        "standen": [s for s in standen if s.punten],
        "zonder_punten": [s for s in standen if not s.punten],
        "volgend_jaar": vandaag.year + 1,
        "termijn_weken": TERMIJN_DAGEN // 7,
    }
    return render(request, "admin/raad/werklijst.html", context)
