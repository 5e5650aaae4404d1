"""The admin in Dutch, screen by screen, as a user opens it: the domein picker's buttons, the
import and export screens of django-import-export, django-axes' lockout screen and its list
of access attempts, the history screens of django-simple-history, and the 403 page. Each
screen is checked for the English strings the packages would otherwise show."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from samenwerking.models import Gemeente
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

ENGELS = (
    "Choose all",
    "Remove all",
    "Choose selected",
    "Import finished",
    "This importer will import",
    "This exporter will export",
    "File to import",
    "Confirm import",
    "Select all",
    ">Submit<",
    "Access attempts",
    "Access Attempt",
    "Attempt Time",
    "Change history",
    "Changed by",
    "Date/time",
    ">History<",
    "Historical",
    "Model name",
    "Add link",
    "Change or view list link",
    "View on site",
    "403 Forbidden",
    "Forbidden",
    "PT1H",
    "After you",
    "user options",
)


def _engels(tekst: str) -> list[str]:
    return [woord for woord in ENGELS if woord in tekst]


def _client(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def beheerder(referentiedata):
    gebruiker = account(RolSoort.BEHEERDER, naam="hoofdbeheer")
    gebruiker.email = "beheer@regio.example"
    gebruiker.save()
    return gebruiker


def test_import_and_export_screens_are_dutch(beheerder):
    client = _client(beheerder)
    for url in (
        reverse("admin:samenwerking_deelname_import"),
        reverse("admin:samenwerking_deelname_export"),
        reverse("admin:samenwerking_deelname_changelist"),
        reverse("admin:samenwerking_gemeente_import"),
    ):
        antwoord = client.get(url)
        tekst = antwoord.content.decode()
        assert antwoord.status_code == 200, url
        assert _engels(tekst) == [], url
    lijst = client.get(reverse("admin:samenwerking_deelname_changelist")).content.decode()
    assert ">Importeren<" in lijst and ">Exporteren<" in lijst


def test_lockout_screen_and_access_attempts_are_dutch(settings, beheerder):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_FAILURE_LIMIT = 2
    get_user_model().objects.create_user("secretaris", password="juist", is_staff=True)
    client = Client()
    for _ in range(2):
        geblokkeerd = client.post(
            "/admin/login/", {"username": "secretaris", "password": "fout"}, REMOTE_ADDR="10.0.0.9"
        )
    tekst = geblokkeerd.content.decode()
    assert geblokkeerd.status_code == 429
    assert "Probeer het over 1 uur opnieuw" in tekst
    assert _engels(tekst) == []

    beheer = _client(beheerder)
    index = beheer.get("/admin/").content.decode()
    assert "Inlogblokkade" in index and "Toegangspogingen" in index
    assert _engels(index) == []
    pogingen = beheer.get("/admin/axes/accessattempt/")
    tekst = pogingen.content.decode()
    assert pogingen.status_code == 200
    assert "secretaris" in tekst and "Moment van de poging" in tekst
    assert _engels(tekst) == []


def test_history_screens_are_dutch(beheerder):
    verband = f.SamenwerkingsverbandFactory(naam="Regio Gooi en Vechtstreek")
    client = _client(beheerder)
    wijzig = client.get(
        reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])
    ).content.decode()
    assert ">Geschiedenis<" in wijzig and "Bekijk op de site" in wijzig
    assert _engels(wijzig) == []
    geschiedenis = client.get(
        reverse("admin:samenwerking_samenwerkingsverband_history", args=[verband.pk])
    )
    tekst = geschiedenis.content.decode()
    assert geschiedenis.status_code == 200
    assert "Geschiedenis bekijken: Regio Gooi en Vechtstreek" in tekst
    assert _engels(tekst) == []
    versie = verband.history.first()
    oud = client.get(
        reverse(
            "admin:samenwerking_samenwerkingsverband_simple_history",
            args=[verband.pk, versie.history_id],
        )
    ).content.decode()
    assert f"{verband} bekijken" in oud
    assert _engels(oud) == []
    # The breadcrumbs name the app and the list as every admin page does.
    assert (
        '">Register van samenwerkingsverbanden</a>' in oud and '">Samenwerkingsverbanden</a>' in oud
    )


def test_403_explains_the_role_and_who_grants_more(beheerder):
    eigen = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    secretariaat = account(RolSoort.SECRETARIAAT, verbanden=[eigen], naam="regio-zw")
    antwoord = _client(secretariaat).get("/admin/auth/user/")
    tekst = " ".join(antwoord.content.decode().split())
    assert antwoord.status_code == 403
    assert "Geen toegang" in tekst
    assert "U bent aangemeld als regio-zw. Uw rol is regiosecretariaat." in tekst
    assert "Veiligheidsregio Zaanstreek-Waterland" in tekst
    assert "Rollen en rechten geeft een beheerder van regioreg" in tekst
    assert "hoofdbeheer (beheer@regio.example)" in " ".join(
        tekst.replace('<a href="mailto:beheer@regio.example">', "").replace("</a>", "").split()
    )
    assert _engels(tekst) == []

    griffie = account(RolSoort.GRIFFIE, gemeente=Gemeente.objects.get(cbs_code="GM0479"))
    tekst = " ".join(_client(griffie).get("/admin/werklijst/").content.decode().split())
    assert (
        "Uw rol is griffie. U mag de zienswijzen, de kaders en de raadsvergaderingen van "
        "Zaanstad beheren en het hele register lezen"
    ) in tekst

    zonder_rol = get_user_model().objects.create_user("los", is_staff=True)
    antwoord = _client(zonder_rol).get("/admin/werklijst/")
    assert antwoord.status_code == 403
    assert "Uw account heeft nog geen rol in regioreg" in antwoord.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_domein_picker_speaks_dutch_in_the_browser(pagina, referentiedata):
    f.DomeinFactory(naam="Veiligheid")
    sessie = Client()
    sessie.force_login(account(RolSoort.BEHEERDER, naam="beheer-browser"))
    pagina.context.add_cookies(
        [{"name": "sessionid", "value": sessie.cookies["sessionid"].value, "url": pagina.basis}]
    )
    pagina.goto(pagina.basis + reverse("admin:samenwerking_samenwerkingsverband_add"))
    kiezen = pagina.locator("#id_domeinen_add_all")
    kiezen.wait_for()
    assert kiezen.inner_text() == "Alle domeinen kiezen"
    assert pagina.locator("#id_domeinen_remove_all").inner_text() == "Alle domeinen verwijderen"
    tekst = pagina.locator("body").inner_text()
    assert _engels(tekst) == [], _engels(tekst)


def test_a_list_address_with_a_filter_the_list_does_not_offer_is_refused_in_dutch(beheerder):
    """Django refuses it (400); its own page said only 'Bad Request (400)'."""
    antwoord = _client(beheerder).get(
        reverse("admin:samenwerking_bijdrage_changelist")
        + "?deelname__samenwerkingsverband__id__exact=1"
    )
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "<h1>Ongeldig verzoek</h1>" in tekst and "Er is niets gewijzigd." in tekst
    assert "Bad Request" not in tekst


def test_the_account_add_page_is_dutch(beheerder):
    tekst = " ".join(_client(beheerder).get("/admin/auth/user/add/").content.decode().split())
    assert (
        "Na het opslaan vult u de overige gegevens van het account in, zoals naam en e-mailadres."
    ) in tekst
    assert _engels(tekst) == []


def test_a_password_too_short_for_a_new_account_is_refused_in_dutch(beheerder):
    antwoord = _client(beheerder).post(
        "/admin/auth/user/add/",
        {
            "username": "nieuw",
            "password1": "kort-1",
            "password2": "kort-1",
            "usable_password": "true",
        },
    )
    assert antwoord.status_code == 200  # the form again, with its error
    tekst = " ".join(antwoord.content.decode().split())
    assert "Dit wachtwoord is te kort: gebruik minstens 8 tekens." in tekst
    assert "too short" not in tekst
    assert not get_user_model().objects.filter(username="nieuw").exists()
