from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("regioreg beheer")
admin.site.site_title = _("regioreg beheer")
admin.site.index_title = _("Register van samenwerkingsverbanden")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("api/v1/", include("raad.api.urls")),
    path("api/v1/", include("samenwerking.api.urls")),  # last: its catch-all answers 404
    path("", include("raad.urls")),
]

handler404 = "raad.views.niet_gevonden"
