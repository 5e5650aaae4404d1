from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from rest_framework.routers import DefaultRouter

from raad.api import viewsets as raad_api
from raad.beheer import werklijst_pagina
from samenwerking.admin.regio_indeling import regio_indeling_pagina
from samenwerking.adressen import CbsCodeConverter
from samenwerking.api import viewsets as register_api
from samenwerking.api.documentatie import json_schema

admin.site.site_header = _("regioreg beheer")
admin.site.site_title = _("regioreg beheer")
admin.site.index_title = _("Register van samenwerkingsverbanden")

# <cbs:cbs_code> in raad.urls and raad.api.urls: a CBS code, never with NUL.
register_converter(CbsCodeConverter, "cbs")

# One API under /api/v1/ (namespace api): the register's resources and the raad's, on one
# router. API Design Rules: no trailing slash on resources.
api = DefaultRouter(trailing_slash=False)
# One address per resource: no second one with a format suffix (gemeenten.json), whose answers
# linked every object as …/GM0518.json.
api.include_format_suffixes = False
api.register("provincies", register_api.ProvincieViewSet)
api.register("gemeenten", register_api.GemeenteViewSet)
api.register("organisaties", register_api.OrganisatieViewSet)
api.register("samenwerkingsverbanden", register_api.SamenwerkingsverbandViewSet)
api.register("deelnames", register_api.DeelnameViewSet)
api.register("bestuursorganen", register_api.BestuursorgaanViewSet)
api.register("zetels", register_api.ZetelViewSet)
api.register("personen", register_api.PersoonViewSet)
api.register("bijdragen", register_api.BijdrageViewSet)
api.register("jaarcijfers", register_api.JaarcijfersViewSet)
api.register("documenten", register_api.DocumentViewSet)
api.register("zienswijzeverzoeken", raad_api.ZienswijzeverzoekViewSet)
api.register("zienswijzen", raad_api.ZienswijzeViewSet)
api.register("kaders", raad_api.KaderViewSet)
api.register("doelen", raad_api.DoelViewSet)
api.register("vergaderingen", raad_api.VergaderingViewSet)
api.register("raadsvergaderingen", raad_api.RaadsvergaderingViewSet)
api.register("vaststellingsvergaderingen", raad_api.VaststellingsvergaderingViewSet)

api_urls = [
    path("", include("raad.api.urls")),  # the raad's routes that no router makes
    *api.urls,
    path("", include("samenwerking.api.urls")),  # last: documentation, then the catch-all 404
]

urlpatterns = [
    # The secretary's start page, inside the admin (its login, its layout), linked first
    # from the admin's index.
    path("admin/werklijst/", admin.site.admin_view(werklijst_pagina), name="raad_werklijst"),
    path(
        "admin/regio-indeling/",
        admin.site.admin_view(regio_indeling_pagina),
        name="samenwerking_regio_indeling",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_urls, "api"))),
    # /api, as a developer would type it: the API's documentation (the footer links it too).
    re_path(r"^api/?$", RedirectView.as_view(pattern_name="api:docs")),
    path("schema/<slug:naam>.schema.json", json_schema, name="json_schema"),
    path("", include("raad.urls")),
]

handler404 = "raad.views.niet_gevonden"
handler403 = "toegang.views.geen_toegang"
handler500 = "regioreg.foutpagina.serverfout"
