"""The raad's resources under /api/v1/ (namespace raad-api), included by regioreg.urls before
the register's catch-all: the verbonden-partijen list, the calendar's P&C termijnen (computed,
list only), zienswijzeverzoeken (with every raad's stand), zienswijzen, the raden's kaders,
the regelingen's doelen, the meetings of regelingen, their vaststellingsvergaderingen (read
only) and the raden's own raadsvergaderingen."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import vergelijking, views, viewsets

app_name = "raad-api"

# API Design Rules: no trailing slash on resources.
router = SimpleRouter(trailing_slash=False)
router.register("zienswijzeverzoeken", viewsets.ZienswijzeverzoekViewSet)
router.register("zienswijzen", viewsets.ZienswijzeViewSet)
router.register("kaders", viewsets.KaderViewSet)
router.register("doelen", viewsets.DoelViewSet)
router.register("vergaderingen", viewsets.VergaderingViewSet)
router.register("raadsvergaderingen", viewsets.RaadsvergaderingViewSet)
router.register("vaststellingsvergaderingen", viewsets.VaststellingsvergaderingViewSet)

urlpatterns = [
    path(
        "gemeenten/<cbs:cbs_code>/verbonden-partijen",
        views.VerbondenPartijenView.as_view(),
        name="verbonden-partijen",
    ),
    path(
        "samenwerkingsverbanden/<uuid:uuid>/kosten-per-inwoner",
        vergelijking.KostenPerInwonerView.as_view(),
        name="kosten-per-inwoner",
    ),
    path("termijnen", viewsets.TermijnViewSet.as_view({"get": "list"}), name="termijn-list"),
    *router.urls,
]
