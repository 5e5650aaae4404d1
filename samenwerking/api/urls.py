"""The API's documentation under /api/v1/ and its answer to any other address there (a 404
problem). The resources are on the API's one router in regioreg.urls, which puts these
routes last."""

from django.urls import path, re_path
from django.utils.translation import gettext as _
from django.views.generic import RedirectView
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny

from .documentatie import OpenapiJson, OpenapiYaml, api_documentatie, api_handleiding


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def onbekend_adres(request, *args, **kwargs):
    """Anything else under the API is a problem response too, not the HTML 404 page."""
    raise NotFound(
        _(
            "Op dit adres is geen bron. Zie /api/v1/docs/ voor alle adressen; "
            "ze eindigen niet op een schuine streep."
        )
    )


urlpatterns = [
    path("openapi.yaml", OpenapiYaml.as_view(), name="schema"),
    path("openapi.json", OpenapiJson.as_view(), name="schema-json"),
    path("docs/", api_documentatie, name="docs"),
    path("handleiding/", api_handleiding, name="handleiding"),
    # The two pages for people end in a slash, as the site's pages do; without it they lead
    # there rather than to the problem below.
    path("docs", RedirectView.as_view(pattern_name="api:docs")),
    path("handleiding", RedirectView.as_view(pattern_name="api:handleiding")),
    re_path(r"", onbekend_adres),
]
