"""The site's own pages for every visitor: where the data comes from (bronnen), the
accessibility statement with contact, and browsing by provincie and domein."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from samenwerking.selectors.bladeren import (
    gemeenten_per_provincie,
    verbanden_per_thema,
    verbanden_zonder_domein,
)
from samenwerking.selectors.bronnen import bronnen_met_datum


def bronnen(request):
    return render(request, "raad/bronnen.html", {"bronnen": bronnen_met_datum()})


def toegankelijkheid(request):
    return render(request, "raad/toegankelijkheid.html", {"contact_email": settings.CONTACT_EMAIL})


def bladeren(request):
    vandaag = timezone.localdate()
    return render(
        request,
        "raad/bladeren.html",
        {
            "provincies": gemeenten_per_provincie(peildatum=vandaag),
            "themas": verbanden_per_thema(peildatum=vandaag),
            "zonder_domein": verbanden_zonder_domein(peildatum=vandaag),
        },
    )
