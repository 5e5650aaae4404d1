from django.contrib import admin
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _

from raad.beheer import werklijst_pagina
from samenwerking.admin.regio_indeling import regio_indeling_pagina
from samenwerking.adressen import CbsCodeConverter

admin.site.site_header = _("regioreg beheer")
admin.site.site_title = _("regioreg beheer")
admin.site.index_title = _("Register van samenwerkingsverbanden")

# <cbs:cbs_code> in raad.urls and raad.api.urls: a CBS code, never with NUL.
register_converter(CbsCodeConverter, "cbs")

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
    path("_nested_admin/", include("nested_admin.urls")),
    path("api/v1/", include("raad.api.urls")),
    path("api/v1/", include("samenwerking.api.urls")),  # last: its catch-all answers 404
    path("", include("raad.urls")),
]

handler404 = "raad.views.niet_gevonden"
handler403 = "toegang.views.geen_toegang"
handler500 = "regioreg.foutpagina.serverfout"
