"""The role of an account in the admin, in a real browser (Debian's Chromium via Playwright):
an account has one role, so its heading says which ("Rol: regiosecretariaat") or, for a role
being added, "Rol: nieuw"; never Django's "Rol: #1"."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.toegang import account, beheerder_account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "een-lang-testwachtwoord-13"


def _aanmelden(pagina, volgende: str):
    beheerder = beheerder_account()
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    pagina.goto(f"{pagina.basis}/admin/login/?next={volgende}")
    pagina.get_by_label("Gebruikersnaam").fill(beheerder.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")


def test_a_role_being_added_is_headed_nieuw_not_a_number(pagina):
    _aanmelden(pagina, "/admin/auth/user/add/")
    groep = pagina.locator("#rol-group")
    expect(groep.get_by_role("heading", level=2)).to_have_text("Rol")
    # Not Django's "Nog een Rol toevoegen" to an account that has none.
    expect(groep).not_to_contain_text("Nog een")
    groep.get_by_role("button", name="Rol toevoegen", exact=True).click()

    kop = groep.locator("#rol-0 h3")
    expect(kop).to_be_visible()
    expect(kop).to_contain_text("Rol: nieuw")
    expect(kop.locator(".inline_label")).to_have_text("nieuw")
    expect(groep).not_to_contain_text("#1")

    # The role is stored with the account, as before.
    pagina.locator("#id_username").fill("griffier-zaanstad")
    pagina.locator("#id_password1").fill(WACHTWOORD)
    pagina.locator("#id_password2").fill(WACHTWOORD)
    pagina.locator("#id_rol-0-soort").select_option(RolSoort.BEHEERDER)
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    expect(pagina.locator("#rol-0 h3")).to_contain_text("Rol: beheerder")
    assert get_user_model().objects.get(username="griffier-zaanstad").rol.soort == (
        RolSoort.BEHEERDER
    )


def test_a_stored_role_is_headed_by_its_kind(pagina):
    gebruiker = account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    adres = f"/admin/auth/user/{gebruiker.pk}/change/"
    _aanmelden(pagina, adres)
    kop = pagina.locator("#rol-0 h3")
    expect(kop).to_contain_text("Rol: regiosecretariaat")
    expect(kop).not_to_contain_text("secretaris-vrzw")
    # Deleting the role is still offered, with its label.
    expect(kop.get_by_label("Verwijderen")).to_be_visible()
    assert get_user_model().objects.get(pk=gebruiker.pk).rol.soort == RolSoort.SECRETARIAAT
