"""Routes of the calendar's resources; regioreg.urls puts them under /api/v1/ in the API's
namespace, before the register's catch-all."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import viewsets

# API Design Rules: no trailing slash on resources.
router = SimpleRouter(trailing_slash=False)
router.register("zienswijzeverzoeken", viewsets.ZienswijzeverzoekViewSet)
router.register("zienswijzen", viewsets.ZienswijzeViewSet)

urlpatterns = [
    path("termijnen", viewsets.TermijnViewSet.as_view({"get": "list"}), name="termijn-list"),
    *router.urls,
]
