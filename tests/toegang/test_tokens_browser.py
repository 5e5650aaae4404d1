"""A beheerder makes an API token in a real browser (Debian's Chromium via Playwright): the
whole key is on the page that answers the add form, once, the list shows its beginning, and
axe-core finds nothing serious on the token pages."""

import re

import pytest
from playwright.sync_api import expect
from rest_framework.authtoken.models import Token

from tests.conftest import AXE
from tests.toegang import account, beheerder_account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "een-lang-testwachtwoord-13"


def _ernstig(pagina) -> list:
    pagina.add_script_tag(path=str(AXE))
    resultaat = pagina.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in resultaat["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_a_beheerder_makes_a_token_and_sees_the_key_once(pagina):
    beheerder = beheerder_account()
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    pagina.goto(pagina.basis + "/admin/login/?next=/admin/toegang/token/")
    pagina.get_by_label("Gebruikersnaam").fill(beheerder.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina.get_by_role("heading", name="Selecteer token om te bekijken")).to_be_visible()
    assert _ernstig(pagina) == []

    pagina.get_by_role("link", name="Token toevoegen").click()
    pagina.get_by_label("Gebruiker").select_option(label="secretaris-vrzw")
    assert _ernstig(pagina) == []
    pagina.get_by_role("button", name="Opslaan", exact=True).click()

    expect(pagina.get_by_role("heading", name="Token aangemaakt")).to_be_visible()
    sleutel = Token.objects.get(user__username="secretaris-vrzw").key
    expect(pagina.locator("#sleutel")).to_have_text(sleutel)
    expect(
        pagina.get_by_text("Bewaar deze sleutel nu, hij wordt niet meer getoond.")
    ).to_be_visible()
    assert _ernstig(pagina) == []
    pagina.get_by_role("link", name="Naar de lijst met tokens").click()
    expect(pagina.locator("#result_list")).to_contain_text(f"{sleutel[:6]}…")
    expect(pagina.locator("#result_list")).not_to_contain_text(sleutel)
    assert _ernstig(pagina) == []


def test_the_new_key_is_large_and_copied_by_keyboard_with_a_spoken_confirmation(pagina):
    beheerder = beheerder_account()
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=pagina.basis)
    pagina.goto(pagina.basis + "/admin/login/?next=/admin/toegang/token/add/")
    pagina.get_by_label("Gebruikersnaam").fill(beheerder.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    pagina.get_by_label("Gebruiker").select_option(label="secretaris-vrzw")
    pagina.get_by_role("button", name="Opslaan", exact=True).click()

    sleutel = Token.objects.get(user__username="secretaris-vrzw").key
    veld = pagina.locator("#sleutel")
    expect(veld).to_have_text(sleutel)
    # Large (20 px or more), whatever the admin's own stylesheets say about code; waited for,
    # as the page's own stylesheet may still be on its way when the key shows (a run read 12).
    expect(veld).to_have_css("font-size", re.compile(r"^([2-9]\d|\d{3,})(\.\d+)?px$"))

    knop = pagina.get_by_role("button", name="Kopieer de sleutel")
    expect(knop).to_be_visible()
    knop.focus()
    pagina.keyboard.press("Enter")
    status = pagina.locator("#sleutel-gekopieerd")
    expect(status).to_have_text("De sleutel is gekopieerd. Plak hem waar de software hem vraagt.")
    assert status.get_attribute("role") == "status"
    assert pagina.evaluate("() => navigator.clipboard.readText()") == sleutel
    # Space works as well (a real button), and says it again.
    pagina.evaluate("() => navigator.clipboard.writeText('')")
    status.evaluate("e => { e.textContent = ''; }")
    pagina.keyboard.press("Space")
    expect(status).to_have_text("De sleutel is gekopieerd. Plak hem waar de software hem vraagt.")
    assert pagina.evaluate("() => navigator.clipboard.readText()") == sleutel
    assert _ernstig(pagina) == []
