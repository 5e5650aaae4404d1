"""The raad's calendar in a real browser: a griffier finds it from the gemeente page, sees
what is overdue apart from what is coming, narrows it to one arrangement, and can subscribe.
Accessibility (axe-core) and screenshots as for the other page types. Today is 1 June 2025."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from samenwerking.constants import Vorm
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import EvaluatieFactory, ZienswijzeFactory
from tests.raad.test_browser import _toegankelijk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def zaanstad(referentiedata, pc_regels, op_dag):
    op_dag(D(2025, 6, 1))
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland",
        samenwerkingsverband__afkorting="GGD ZW",
        samenwerkingsverband__evaluatie_interval_jaren=4,
    ).samenwerkingsverband
    EvaluatieFactory(samenwerkingsverband=ggd, datum=D(2022, 9, 1))
    f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="Belastingsamenwerking Zaanstreek",
        samenwerkingsverband__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
    )
    for onderwerp, ontvangen in (
        ("Ontwerpbegroting 2026", D(2025, 3, 1)),  # deadline 24 May: passed
        ("Kadernota 2027", D(2025, 5, 1)),  # deadline 24 July: coming
    ):
        ZienswijzeFactory(
            gemeente=gemeente,
            zienswijzeverzoek__samenwerkingsverband=ggd,
            zienswijzeverzoek__onderwerp=onderwerp,
            zienswijzeverzoek__ontvangen_op=ontvangen,
        )
    return gemeente


def test_calendar_shows_overdue_and_upcoming_deadlines_distinctly(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    pagina.get_by_role("navigation", name="Pagina's over Zaanstad").get_by_role(
        "link", name="Kalender"
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Kalender van de raad van Zaanstad")

    te_laat = pagina.get_by_role("table", name=re.compile("termijn verstreek zonder raadsbesluit"))
    komend = pagina.get_by_role("table", name=re.compile("Komende termijnen"))
    verlopen = te_laat.get_by_role("row", name=re.compile("Zienswijze: Ontwerpbegroting 2026"))
    # Grouped by date: a heading per day names the table of that day.
    expect(
        pagina.get_by_role("heading", level=3, name=re.compile("^zaterdag 24 mei 2025"))
    ).to_be_visible()
    dag = pagina.get_by_role("region", name=re.compile("^zaterdag 24 mei 2025"))
    expect(
        dag.get_by_role("row", name=re.compile("Zienswijze: Ontwerpbegroting 2026"))
    ).to_have_count(1)
    expect(verlopen).to_contain_text("te laat")
    expect(verlopen).to_contain_text("termijn verstreken")
    expect(te_laat.get_by_role("row", name=re.compile("Kadernota"))).to_have_count(0)

    volgend = komend.get_by_role("row", name=re.compile("Zienswijze: Kadernota 2027"))
    dag = pagina.get_by_role("region", name=re.compile("^donderdag 24 juli 2025"))
    expect(dag.get_by_role("row", name=re.compile("Zienswijze: Kadernota 2027"))).to_have_count(1)
    expect(volgend).not_to_contain_text("te laat")
    ontwerp = (
        pagina.get_by_role("region", name=re.compile("^vrijdag 8 mei 2026"))  # 31 July - 84 days
        .get_by_role("row", name=re.compile("Ontwerpbegroting naar de raden"))
        .first
    )
    expect(ontwerp).to_contain_text("afgeleid")

    # Distinct not only in words: an overdue row carries a red bar, an upcoming one does not.
    balk = "el => getComputedStyle(el.firstElementChild).boxShadow"
    assert "176, 0, 32" in verlopen.evaluate(balk)
    assert volgend.evaluate(balk) == "none"
    _toegankelijk(pagina, "kalender")

    # Narrow to one arrangement; the feed link follows the choice.
    pagina.get_by_label("Samenwerkingsverband").select_option(
        label="Belastingsamenwerking Zaanstreek"
    )
    pagina.get_by_role("button", name="Toon").click()
    expect(pagina).to_have_url(re.compile(r"verband=[0-9a-f-]{36}"))
    expect(komend.get_by_role("row", name=re.compile("GGD"))).to_have_count(0)
    expect(pagina.get_by_text("Er is niets te laat.")).to_be_visible()
    abonneren = pagina.get_by_role("link", name="Abonneren op deze kalender")
    expect(abonneren).to_have_attribute(
        "href", re.compile(r"^webcal://localhost:\d+/gemeenten/GM0479/kalender\.ics\?verband=")
    )


def test_zienswijzen_page_shows_statuses_and_is_accessible(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/zienswijzen/")
    tabel = pagina.get_by_role("table", name=re.compile("Zienswijzeverzoeken aan de raad"))
    expect(tabel.get_by_role("row", name=re.compile("Ontwerpbegroting 2026"))).to_contain_text(
        "Termijn verstreken"
    )
    expect(tabel.get_by_role("row", name=re.compile("Kadernota 2027"))).to_contain_text(
        "Nog te agenderen"
    )
    _toegankelijk(pagina, "zienswijzen")
    pagina.get_by_label("Status").select_option(label="Termijn verstreken")
    pagina.get_by_role("button", name="Toon").click()
    expect(tabel.get_by_role("row")).to_have_count(2)  # header and one zienswijze


def test_arrangement_page_with_its_calendar_is_accessible(pagina, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__afkorting="GGD ZW").samenwerkingsverband
    pagina.goto(pagina.basis + f"/samenwerkingsverbanden/{ggd.uuid}/?jaar=2026")
    pagina.get_by_role("link", name="Kalender", exact=True).click()
    expect(pagina).to_have_url(re.compile("#kalender$"))
    expect(
        pagina.get_by_role("table", name="P&C-termijnen van begrotingsjaar 2026")
    ).to_be_visible()
    _toegankelijk(pagina, "samenwerkingsverband-kalender")
