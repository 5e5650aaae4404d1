"""A griffier opens the regeling's zienswijzeverzoek page in a real browser and sees every
raad's status, its decision date and the counts; the page passes axe. Today is 1 May 2025."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from raad import services
from raad.constants import ZienswijzeStatus
from raad.models import Raadsvergadering
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeverzoekFactory
from tests.raad.test_browser import _toegankelijk
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date
WACHTWOORD = "een-lang-testwachtwoord-18"


@pytest.fixture
def verzoek(referentiedata, op_dag):
    op_dag(D(2025, 5, 1))
    ggd = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland", afkorting="GGD ZW")
    gemeenten = Gemeente.objects.filter(cbs_code__in=["GM0479", "GM0880", "GM0431"])
    for gemeente in gemeenten:
        f.DeelnameFactory(
            samenwerkingsverband=ggd, gemeente=gemeente, toetredingsdatum=D(2020, 1, 1)
        )
    verzoek = ZienswijzeverzoekFactory(
        samenwerkingsverband=ggd,
        onderwerp="Ontwerpbegroting 2026",
        ontvangen_op=D(2025, 3, 1),
        uiterste_datum=D(2025, 5, 24),
    )
    services.zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    zaanstad = verzoek.zienswijzen.get(gemeente__cbs_code="GM0479")
    services.zienswijze_status_wijzigen(
        zienswijze=zaanstad,
        status=ZienswijzeStatus.INGEDIEND,
        raadsbesluit_datum=D(2025, 4, 17),
        samenvatting="Houd de jeugdgezondheidszorg op peil.",
    )
    services.raadsvergadering_opslaan(
        raadsvergadering=Raadsvergadering(
            gemeente=Gemeente.objects.get(cbs_code="GM0880"), datum=D(2025, 5, 22)
        )
    )
    return verzoek


def test_griffier_sees_every_raads_status_on_the_request_page(pagina, verzoek):
    griffier = account(RolSoort.GRIFFIE, gemeente=Gemeente.objects.get(cbs_code="GM0880"))
    griffier.set_password(WACHTWOORD)
    griffier.save()
    pagina.goto(pagina.basis + "/admin/login/?next=/gemeenten/GM0880/zienswijzen/")
    pagina.get_by_label("Gebruikersnaam").fill(griffier.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Zienswijzen van de raad van Wormerland"
    )
    pagina.get_by_role("link", name="alle raden").click()

    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Ontwerpbegroting 2026: de zienswijzen van alle raden"
    )
    expect(
        pagina.get_by_role("heading", level=2, name=re.compile("raden (heeft|hebben)"))
    ).to_have_text("1 van 3 raden heeft een zienswijze ingediend")
    tabel = pagina.get_by_role("table", name=re.compile("De raden van de deelnemende gemeenten"))
    rijen = tabel.locator("tbody tr")
    expect(rijen).to_have_count(3)
    oostzaan = tabel.get_by_role("row", name=re.compile("^Oostzaan"))
    expect(oostzaan).to_contain_text("Nog te agenderen")
    expect(oostzaan).to_contain_text("Vergaderschema van de raad onbekend")
    wormerland = tabel.get_by_role("row", name=re.compile("^Wormerland"))
    expect(wormerland).to_contain_text("Nog te agenderen")
    expect(wormerland).to_contain_text("22 mei 2025")
    expect(wormerland.get_by_role("link", name="bewerk")).to_be_visible()  # its own raad
    zaanstad = tabel.get_by_role("row", name=re.compile("^Zaanstad"))
    expect(zaanstad).to_contain_text("Ingediend")
    expect(zaanstad).to_contain_text("besloten op 17 april 2025")
    expect(zaanstad).to_contain_text("Houd de jeugdgezondheidszorg op peil.")
    expect(zaanstad.get_by_role("link", name="bewerk")).to_have_count(0)
    _toegankelijk(pagina, "zienswijzeverzoek-alle-raden")
