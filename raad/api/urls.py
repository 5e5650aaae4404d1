from django.urls import path

from . import views

app_name = "raad-api"

urlpatterns = [
    path(
        "gemeenten/<str:cbs_code>/verbonden-partijen",
        views.VerbondenPartijenView.as_view(),
        name="verbonden-partijen",
    ),
]
