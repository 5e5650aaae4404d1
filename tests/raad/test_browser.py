"""The pages in a real browser: what a griffier does and sees, by keyboard and by label."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from samenwerking.models import Gemeente
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def zaanstad(referentiedata):
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    deelname = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="Veiligheidsregio Zaanstreek-Waterland",
        samenwerkingsverband__afkorting="VRZW",
    )
    f.ZetelFactory(
        deelname=deelname, persoon__naam="J. Olthof", begindatum=datetime.date(2022, 1, 1)
    )
    f.BijdrageFactory(deelname=deelname, jaar=datetime.date.today().year, bedrag=Decimal("2500000"))
    return gemeente


def test_search_a_gemeente_and_read_its_arrangements(pagina, zaanstad):
    pagina.goto(pagina.basis + "/")
    expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    pagina.get_by_label("Zoek een gemeente").fill("zaanstad")
    pagina.keyboard.press("Enter")

    expect(pagina).to_have_url(re.compile(r"/gemeenten/GM0479/$"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Gemeente Zaanstad")
    tabel = pagina.get_by_role("table", name=re.compile("Samenwerkingsverbanden van Zaanstad"))
    rij = tabel.get_by_role("row", name=re.compile("Veiligheidsregio Zaanstreek-Waterland"))
    expect(rij).to_contain_text("J. Olthof")
    expect(rij).to_contain_text("€ 2.500.000,00")
    expect(rij.get_by_role("cell").nth(4)).to_have_text("onbekend")  # gerealiseerd


def test_choose_a_year_by_keyboard_and_see_errors_by_the_field(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    jaar = pagina.get_by_label("Jaar")
    jaar.fill("1800")
    jaar.press("Enter")
    fout = pagina.get_by_role("alert")
    expect(fout).to_have_text("Jaar: moet 1900 of later zijn.")
    expect(jaar).to_have_attribute("aria-invalid", "true")


def test_skip_link_is_the_first_tab_stop(pagina, zaanstad):
    pagina.goto(pagina.basis + "/")
    pagina.keyboard.press("Tab")
    focus = pagina.evaluate("document.activeElement.textContent")
    assert focus.strip() == "Naar de inhoud"
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile("#inhoud$"))


def test_search_without_match(pagina, referentiedata):
    pagina.goto(pagina.basis + "/?q=Atlantis")
    expect(pagina.get_by_role("heading", level=2).first).to_have_text("0 gemeenten gevonden")
    expect(pagina.get_by_text("Geen gemeente gevonden voor „Atlantis”")).to_be_visible()
