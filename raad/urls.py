from django.urls import include, path

from . import info_views, kalender_views, vergelijking_views, views

app_name = "raad"

# The pages of one gemeente, under gemeenten/<cbs_code>/.
gemeente_urls = [
    path("", views.gemeente_overzicht, name="gemeente"),
    path("register/", views.gemeente_register, name="register"),
    path("vertegenwoordigers/", views.gemeente_vertegenwoordigers, name="vertegenwoordigers"),
    path("partners/", views.gemeente_partners, name="partners"),
    path("kalender/", kalender_views.gemeente_kalender, name="kalender"),
    path("kalender.ics", kalender_views.gemeente_kalender_ics, name="kalender-ics"),
    path("zienswijzen/", kalender_views.gemeente_zienswijzen, name="zienswijzen"),
    path("verbonden-partijen/", views.gemeente_verbonden_partijen, name="verbonden_partijen"),
    path("samenwerkingsverbanden/<uuid:uuid>/oplegger/", views.oplegger, name="oplegger"),
    path("over-de-jaren/", vergelijking_views.gemeente_over_de_jaren, name="over_de_jaren"),
]

urlpatterns = [
    path("", views.start, name="start"),
    path("bladeren/", info_views.bladeren, name="bladeren"),
    path("bronnen/", info_views.bronnen, name="bronnen"),
    path("toegankelijkheid/", info_views.toegankelijkheid, name="toegankelijkheid"),
    path("gemeenten/<cbs:cbs_code>/", include(gemeente_urls)),
    path(
        "zienswijzeverzoeken/<uuid:uuid>/",
        kalender_views.zienswijzeverzoek_detail,
        name="zienswijzeverzoek",
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
