from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from raad.api import urls as raad_api
from samenwerking.api import urls as register_api

admin.site.site_header = _("regioreg beheer")
admin.site.site_title = _("regioreg beheer")
admin.site.index_title = _("Register van samenwerkingsverbanden")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    # One API namespace: the raad's calendar resources, then the register (ends in a catch-all).
    path("api/v1/", include((raad_api.urlpatterns + register_api.urlpatterns, "api"))),
    path("", include("raad.urls")),
]

handler404 = "raad.views.niet_gevonden"
