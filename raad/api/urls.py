"""The raad's routes under /api/v1/ that no router makes: the verbonden-partijen list, the
kosten per inwoner of a regeling and the calendar's P&C termijnen (computed, list only).
Its resources (zienswijzeverzoeken, zienswijzen, kaders, doelen, vergaderingen,
raadsvergaderingen, vaststellingsvergaderingen) are on the API's one router in regioreg.urls."""

from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _

from samenwerking.adressen import SLEUTEL_IN_API

from . import vergelijking, views, viewsets

urlpatterns = [
    path(
        "gemeenten/<cbs:cbs_code>/verbonden-partijen",
        views.VerbondenPartijenView.as_view(),
        name="verbonden-partijen",
    ),
    # Any key, not only a uuid: the view says what is wrong with it.
    re_path(
        rf"^samenwerkingsverbanden/(?P<uuid>{SLEUTEL_IN_API})/kosten-per-inwoner$",
        vergelijking.KostenPerInwonerView.as_view(),
        name="kosten-per-inwoner",
    ),
    path(
        "termijnen",
        viewsets.TermijnViewSet.as_view({"get": "list"}, name=_("P&C-termijnen")),
        name="termijn-list",
    ),
]
