from django.urls import path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from . import viewsets
from .documentatie import OpenapiJson, OpenapiYaml, api_documentatie, api_handleiding

app_name = "api"

# API Design Rules: no trailing slash on resources.
router = DefaultRouter(trailing_slash=False)
router.register("provincies", viewsets.ProvincieViewSet)
router.register("gemeenten", viewsets.GemeenteViewSet)
router.register("organisaties", viewsets.OrganisatieViewSet)
router.register("samenwerkingsverbanden", viewsets.SamenwerkingsverbandViewSet)
router.register("deelnames", viewsets.DeelnameViewSet)
router.register("bestuursorganen", viewsets.BestuursorgaanViewSet)
router.register("zetels", viewsets.ZetelViewSet)
router.register("personen", viewsets.PersoonViewSet)
router.register("bijdragen", viewsets.BijdrageViewSet)
router.register("jaarcijfers", viewsets.JaarcijfersViewSet)
router.register("documenten", viewsets.DocumentViewSet)


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
    *router.urls,
    re_path(r"", onbekend_adres),
]
