from django.urls import path

from . import views

app_name = "raad"

urlpatterns = [
    path("", views.start, name="start"),
    path("gemeenten/<str:cbs_code>/", views.gemeente_overzicht, name="gemeente"),
]
