from django.urls import path

from . import info_views, kalender_views, vergelijking_views, views

app_name = "raad"

urlpatterns = [
    path("", views.start, name="start"),
    path("bladeren/", info_views.bladeren, name="bladeren"),
    path("bronnen/", info_views.bronnen, name="bronnen"),
    path("toegankelijkheid/", info_views.toegankelijkheid, name="toegankelijkheid"),
    path("gemeenten/<cbs:cbs_code>/", views.gemeente_overzicht, name="gemeente"),
    path("gemeenten/<cbs:cbs_code>/register/", views.gemeente_register, name="register"),
    path(
        "gemeenten/<cbs:cbs_code>/vertegenwoordigers/",
        views.gemeente_vertegenwoordigers,
        name="vertegenwoordigers",
    ),
    path("gemeenten/<cbs:cbs_code>/partners/", views.gemeente_partners, name="partners"),
    path("gemeenten/<cbs:cbs_code>/kalender/", kalender_views.gemeente_kalender, name="kalender"),
    path(
        "gemeenten/<cbs:cbs_code>/kalender.ics",
        kalender_views.gemeente_kalender_ics,
        name="kalender-ics",
    ),
    path(
        "gemeenten/<cbs:cbs_code>/zienswijzen/",
        kalender_views.gemeente_zienswijzen,
        name="zienswijzen",
    ),
    path(
        "gemeenten/<cbs:cbs_code>/verbonden-partijen/",
        views.gemeente_verbonden_partijen,
        name="verbonden_partijen",
    ),
    path(
        "gemeenten/<cbs:cbs_code>/samenwerkingsverbanden/<uuid:uuid>/oplegger/",
        views.oplegger,
        name="oplegger",
    ),
    path(
        "zienswijzeverzoeken/<uuid:uuid>/",
        kalender_views.zienswijzeverzoek_detail,
        name="zienswijzeverzoek",
    ),
    path(
        "gemeenten/<cbs:cbs_code>/over-de-jaren/",
        vergelijking_views.gemeente_over_de_jaren,
        name="over_de_jaren",
    ),
    path("domeinen/<slug:code>/", vergelijking_views.domein_ranglijst, name="domein"),
    path(
        "samenwerkingsverbanden/<uuid:uuid>/",
        views.samenwerkingsverband_op_kenmerk,
        name="samenwerkingsverband",
    ),
    path(
        "samenwerkingsverbanden/<slug:slug>/",
        views.samenwerkingsverband_detail,
        name="samenwerkingsverband_adres",
    ),
]
