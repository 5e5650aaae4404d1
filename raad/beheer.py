"""Pages of the admin that belong to the raad's side: the secretary's start page."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerking.models import Samenwerkingsverband
from toegang import rechten

from .werklijst import TERMIJN_DAGEN, werklijst


def werklijst_pagina(request):
    """What is missing or due per regeling the account may change."""
    if not rechten.mag_model(request.user, rechten.WIJZIGEN, Samenwerkingsverband):
        raise PermissionDenied
    vandaag = timezone.localdate()
    standen = werklijst(request.user, vandaag=vandaag)
    context = {
        **admin.site.each_context(request),
        "title": _("Mijn regelingen: wat ontbreekt of eraan komt"),
        "standen": [s for s in standen if s.punten],
        "zonder_punten": [s for s in standen if not s.punten],
        "volgend_jaar": vandaag.year + 1,
        "termijn_weken": TERMIJN_DAGEN // 7,
    }
    return render(request, "admin/raad/werklijst.html", context)
