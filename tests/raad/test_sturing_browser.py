"""A griffier enters a kader of the raad in the admin (the griffie's real path, as for
zienswijzen) and finds it in the oplegger, beside the regeling's results and doelen; in a
real browser (Debian's Chromium via Playwright), with axe-core on the oplegger and a
screenshot of it in test-artifacts/."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from samenwerking.constants import JaarcijfersSoort
from samenwerking.models import Gemeente
from tests import factories as f
from tests.conftest import AXE
from tests.raad.factories import IndicatorwaardeFactory
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTEFACTEN = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
WACHTWOORD = "een-lang-testwachtwoord-18"
VORIG_JAAR = datetime.date.today().year - 1


def _inloggen(pagina, gebruiker):
    gebruiker.set_password(WACHTWOORD)
    gebruiker.save()
    pagina.goto(pagina.basis + "/admin/login/?next=/admin/")
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina.get_by_role("link", name="Kaders van de raad").first).to_be_visible()


def test_griffier_enters_a_kader_and_sees_it_in_the_oplegger(pagina, referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland",
        samenwerkingsverband__afkorting="GGD ZW",
    ).samenwerkingsverband
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Omgevingsdienst IJmond")
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd,
        jaar=VORIG_JAAR,
        soort=JaarcijfersSoort.JAARREKENING,
        resultaat=Decimal("250000"),
    )
    IndicatorwaardeFactory(
        indicator__doel__samenwerkingsverband=ggd,
        indicator__doel__titel="Gezond opgroeien",
        indicator__naam="Kinderen met overgewicht",
        jaar=VORIG_JAAR,
        gepland=Decimal("12"),
        gerealiseerd=Decimal("12.4"),
    )
    _inloggen(pagina, account(RolSoort.GRIFFIE, gemeente=zaanstad))

    pagina.get_by_role("link", name="Kaders van de raad").first.click()
    pagina.get_by_role("link", name="Kader van de raad toevoegen").click()
    # The griffie's own gemeente is already chosen; it picks one of its regelingen.
    expect(pagina.get_by_label("Gemeente")).to_have_value(str(zaanstad.pk))
    pagina.get_by_label("Samenwerkingsverband").select_option(
        label="GGD Zaanstreek-Waterland (GGD ZW)"
    )
    pagina.get_by_label("Soort").select_option(label="Wensen en bedenkingen")
    pagina.get_by_label(re.compile(r"^Jaar:?$")).fill(str(VORIG_JAAR))
    pagina.get_by_label("Datum raadsbesluit").fill(f"26-06-{VORIG_JAAR - 1}")
    pagina.get_by_label("Onderwerp").fill("Wensen en bedenkingen: meer preventie")
    pagina.get_by_label("Tekst").fill("De raad wil dat de GGD meer inzet op preventie.")
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    expect(pagina.locator(".messagelist")).to_contain_text("toegevoegd")

    pagina.goto(pagina.basis + f"/gemeenten/GM0479/?jaar={VORIG_JAAR}")
    kaders = pagina.locator("#kaders")
    expect(kaders).to_contain_text("Wensen en bedenkingen: meer preventie")
    pagina.get_by_role("link", name="oplegger GGD Zaanstreek-Waterland").click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("GGD Zaanstreek-Waterland")
    sectie = pagina.locator(
        "section",
        has=pagina.get_by_role("heading", name=re.compile("Kaders van de raad van Zaanstad")),
    )
    expect(sectie).to_contain_text(f"Kaders {VORIG_JAAR} → wat kwam ervan terecht")
    expect(sectie).to_contain_text("Wensen en bedenkingen: meer preventie")
    expect(sectie).to_contain_text("De raad wil dat de GGD meer inzet op preventie.")
    expect(sectie).to_contain_text("€ 250.000")  # the jaarrekening's resultaat beside it
    expect(sectie.get_by_role("row", name=re.compile("Kinderen met overgewicht"))).to_contain_text(
        "12,4"
    )

    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTEN / "oplegger-kaders.png"), full_page=True)
    pagina.add_script_tag(path=str(AXE))
    resultaat = pagina.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    ernstig = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in resultaat["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert ernstig == []
