"""The griffier pages in a real browser (Debian's Chromium via Playwright): what a griffier
does and sees, by keyboard and by label; an automated accessibility check (axe-core) on every
page type; a screenshot of each page type in test-artifacts/."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from raad.templatetags.regioreg import euro
from samenwerking.constants import BijdrageSoort, Vorm
from samenwerking.models import Gemeente
from samenwerking.selectors import deelnames_van_gemeente
from tests import factories as f
from tests.conftest import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTEFACTEN = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
DIT_JAAR = datetime.date.today().year


@pytest.fixture
def zaanstad(referentiedata):
    """Zaanstad in three arrangements with people and money over two years."""
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    for naam, afkorting, vorm, bedrag in [
        ("Veiligheidsregio Zaanstreek-Waterland", "VRZW", Vorm.OPENBAAR_LICHAAM, "2500000"),
        ("GGD Zaanstreek-Waterland", "GGD ZW", Vorm.OPENBAAR_LICHAAM, "1800000"),
        ("Belastingsamenwerking Zaanstreek", "BSZ", Vorm.BEDRIJFSVOERINGSORGANISATIE, "640000"),
    ]:
        deelname = f.DeelnameFactory(
            gemeente=gemeente,
            samenwerkingsverband__naam=naam,
            samenwerkingsverband__afkorting=afkorting,
            samenwerkingsverband__vorm=vorm,
            samenwerkingsverband__verplicht=vorm == Vorm.OPENBAAR_LICHAAM,
            verdeelsleutel=Decimal("42.5"),
        )
        f.DeelnameFactory(samenwerkingsverband=deelname.samenwerkingsverband, gemeente=purmerend)
        f.ZetelFactory(
            deelname=deelname, persoon__naam="J. Olthof", begindatum=datetime.date(2022, 1, 1)
        )
        for jaar, factor in ((DIT_JAAR, Decimal(1)), (DIT_JAAR - 1, Decimal("0.9"))):
            f.BijdrageFactory(deelname=deelname, jaar=jaar, bedrag=Decimal(bedrag) * factor)
        f.BijdrageFactory(
            deelname=deelname,
            jaar=DIT_JAAR - 1,
            soort=BijdrageSoort.GEREALISEERD,
            bedrag=Decimal(bedrag) * Decimal("0.95"),
        )
        f.JaarcijfersFactory(
            samenwerkingsverband=deelname.samenwerkingsverband,
            jaar=DIT_JAAR - 1,
            eigen_vermogen_eind=Decimal("1200000"),
            vreemd_vermogen_eind=Decimal("800000"),
        )
        f.WettelijkeGrondslagFactory(samenwerkingsverband=deelname.samenwerkingsverband)
    return gemeente


def _toegankelijk(pagina, naam: str):
    """Screenshot, then axe-core: no serious or critical WCAG 2.1 A/AA violations."""
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)
    pagina.add_script_tag(path=str(AXE))
    resultaat = pagina.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    ernstig = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in resultaat["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert ernstig == [], ernstig


def test_overview_change_year_follow_arrangement(pagina, zaanstad):
    pagina.goto(pagina.basis + "/")
    expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    pagina.get_by_label("Zoek een gemeente of samenwerkingsverband").fill("zaanstad")
    pagina.keyboard.press("Enter")

    expect(pagina).to_have_url(re.compile(r"/gemeenten/GM0479/$"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Gemeente Zaanstad")
    rijen = {d.samenwerkingsverband.naam: d for d in deelnames_van_gemeente(zaanstad)}
    # The first such row is the list's; the comparison per inwoner below has one too.
    vrzw = pagina.get_by_role("row", name=re.compile("Veiligheidsregio Zaanstreek-Waterland")).first
    expect(vrzw).to_contain_text("J. Olthof")
    # Cells (grouped per vorm, the vorm is the table's caption): rol, deelname via,
    # vertegenwoordigers, begroot, gerealiseerd, verschil.
    expect(vrzw.get_by_role("cell").nth(3)).to_have_text(
        euro(rijen["Veiligheidsregio Zaanstreek-Waterland"].bijdrage_begroot)
    )
    expect(vrzw.get_by_role("cell").nth(4)).to_have_text("onbekend")  # gerealiseerd this year

    # Last year: gerealiseerd is known.
    jaar = pagina.get_by_label("Jaar", exact=True)
    jaar.fill(str(DIT_JAAR - 1))
    jaar.press("Enter")
    expect(pagina).to_have_url(re.compile(rf"jaar={DIT_JAAR - 1}"))
    vorig = {
        d.samenwerkingsverband.naam: d for d in deelnames_van_gemeente(zaanstad, jaar=DIT_JAAR - 1)
    }
    vrzw = pagina.get_by_role("row", name=re.compile("Veiligheidsregio Zaanstreek-Waterland")).first
    expect(vrzw.get_by_role("cell").nth(4)).to_have_text(
        euro(vorig["Veiligheidsregio Zaanstreek-Waterland"].bijdrage_gerealiseerd)
    )

    vrzw.get_by_role("link", name="Veiligheidsregio Zaanstreek-Waterland", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Veiligheidsregio")
    deelnemers = pagina.get_by_role("table", name=re.compile("Deelnemers met hun periode"))
    zaanstad_rij = deelnemers.get_by_role("row", name=re.compile("Zaanstad"))
    expect(zaanstad_rij).to_contain_text("42,5%")
    expect(zaanstad_rij).to_contain_text(
        euro(vorig["Veiligheidsregio Zaanstreek-Waterland"].bijdrage_begroot)
    )


def test_every_page_type_is_accessible(pagina, zaanstad):
    verband = zaanstad.deelnames.first().samenwerkingsverband
    # An arrangement from the national register (versions, executing body, deelname via) and
    # a historical mention from OpenGR linked to it.
    uit_register = f.DeelnameFactory(
        gemeente=zaanstad,
        deelnemende_bestuursorganen=["college", "burgemeester"],
        samenwerkingsverband__uitvoerende_organisatie=f.OrganisatieFactory(
            naam="Testdienst", telefoon="(075) 123 45 67", website="https://test.example"
        ),
    ).samenwerkingsverband
    f.RegelingversieFactory(samenwerkingsverband=uit_register, einddatum=datetime.date(2020, 1, 1))
    f.RegelingversieFactory(
        samenwerkingsverband=uit_register, ingangsdatum=datetime.date(2020, 1, 1)
    )
    f.WettelijkeGrondslagFactory(samenwerkingsverband=uit_register)
    f.BevoegdheidFactory(samenwerkingsverband=uit_register)
    historisch = f.SamenwerkingsverbandFactory(
        bron="OpenGR 2016", alleen_historisch=True, in_landelijk_register=uit_register
    )
    # The comparisons (issue 19): inwoners for the figures per inwoner, a domein to rank.
    for gemeente in Gemeente.objects.filter(cbs_code__in=["GM0479", "GM0439"]):
        f.InwonertalFactory(gemeente=gemeente, jaar=DIT_JAAR, aantal=100000)
    domein = f.DomeinFactory()
    verband.domeinen.add(domein)
    for naam, pad in [
        (
            "verbonden-partijen-uitgebreid",
            "/gemeenten/GM0479/verbonden-partijen/?kolommen=uitgebreid",
        ),
        ("over-de-jaren", "/gemeenten/GM0479/over-de-jaren/"),
        ("domein-ranglijst", f"/domeinen/{domein.code}/"),
        ("uit-het-landelijk-register", f"/samenwerkingsverbanden/{uit_register.uuid}/"),
        ("historische-vermelding", f"/samenwerkingsverbanden/{historisch.uuid}/"),
        ("start", "/"),
        ("zoekresultaten", "/?q=zaan"),
        ("niets-gevonden-bedoelt-u", "/?q=Zaanstat"),
        ("gemeente", "/gemeenten/GM0479/"),
        ("gemeente-per-domein", "/gemeenten/GM0479/?indeling=domein"),
        (
            "gemeente-gesorteerd-gefilterd",
            "/gemeenten/GM0479/?sorteer=-bijdrage&vorm=OL&verbonden_partij=ja",
        ),
        ("vertegenwoordigers", "/gemeenten/GM0479/vertegenwoordigers/"),
        ("kalender", "/gemeenten/GM0479/kalender/"),
        ("register", "/gemeenten/GM0479/register/"),
        ("partners", "/gemeenten/GM0479/partners/"),
        ("samenwerkingsverband", f"/samenwerkingsverbanden/{verband.uuid}/"),
        ("verbonden-partijen", f"/gemeenten/GM0479/verbonden-partijen/?jaar={DIT_JAAR}"),
        ("oplegger", f"/gemeenten/GM0479/samenwerkingsverbanden/{verband.uuid}/oplegger/"),
        ("niet-gevonden", "/gemeenten/GM9999/"),
        ("foute-invoer", "/gemeenten/GM0479/?jaar=1800"),
    ]:
        pagina.goto(pagina.basis + pad)
        _toegankelijk(pagina, naam)


def test_bad_year_is_reported_by_the_field(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    jaar = pagina.get_by_label("Jaar", exact=True)
    jaar.fill("1800")
    jaar.press("Enter")
    fout = pagina.get_by_role("alert")
    expect(fout).to_contain_text("Jaar: moet 1900 of later zijn.")
    expect(pagina.get_by_label("Jaar", exact=True)).to_have_attribute("aria-invalid", "true")


def test_a_year_typed_with_a_letter_is_reported_not_dropped(pagina, zaanstad):
    # A number input would send "20x5" as empty, and the page would quietly show this year.
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    jaar = pagina.get_by_label("Jaar", exact=True)
    jaar.fill("20x5")
    jaar.press("Enter")
    expect(pagina.get_by_role("alert")).to_contain_text(
        "Jaar: vul een jaartal in, bijvoorbeeld 2025."
    )
    expect(pagina.get_by_label("Jaar", exact=True)).to_have_value("20x5")


def test_export_form_errors_are_tied_to_their_fields_and_focused(pagina, zaanstad):
    """A refused jaar and formaat: the first refused field has the focus, each message is its
    field's description, and axe-core finds nothing serious on the page with errors."""
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    formulier = pagina.get_by_role("form", name="Lijst verbonden partijen (BBV art. 15)")
    formulier.get_by_label("Jaar van de lijst").fill("20x5")
    formulier.get_by_role("button", name="Maak de lijst").click()
    jaar = pagina.get_by_label("Jaar van de lijst")
    expect(jaar).to_be_focused()
    expect(jaar).to_have_value("20x5")
    expect(jaar).to_have_attribute("aria-invalid", "true")
    expect(jaar).to_have_accessible_description(
        f"Leeg: dit jaar. Jaar van de lijst: vul een jaartal in, bijvoorbeeld 2025. "
        f"Getoond: {DIT_JAAR}."
    )
    pagina.goto(pagina.basis + "/gemeenten/GM0479/verbonden-partijen/?jaar=2025&formaat=pdf")
    formaat = pagina.get_by_label("Bestandsformaat")
    expect(formaat).to_be_focused()
    expect(formaat).to_have_accessible_description(
        "Bestandsformaat: kies html, xlsx, csv, ods of json. Getoond: de webpagina."
    )
    _toegankelijk(pagina, "verbonden-partijen-fouten")


def _getoond_en_nodig(selects) -> list[tuple[str, float, float]]:
    """Per select: its name, its width on the page and the width its longest choice needs."""
    return selects.evaluate_all(
        """selects => selects.map(s => {
            const getoond = s.getBoundingClientRect().width;
            const stijl = [s.style.width, s.style.maxWidth];
            s.style.width = "auto";
            s.style.maxWidth = "none";
            const nodig = s.getBoundingClientRect().width;
            [s.style.width, s.style.maxWidth] = stijl;
            return [s.name, getoond, nodig];
        })"""
    )


@pytest.mark.parametrize("breedte", [1280, 375])
def test_the_export_choices_show_their_whole_text(pagina, zaanstad, breedte):
    """Every select of the export form is as wide as its longest choice needs (the
    Bestandsformaat select cut "Webpagina (afdrukbaar, ook als pdf)" off at 1280 px), or
    as wide as the screen allows."""
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    formulier = pagina.get_by_role("form", name="Lijst verbonden partijen (BBV art. 15)")
    expect(formulier.get_by_label("Bestandsformaat")).to_be_visible()
    maten = _getoond_en_nodig(formulier.locator("select"))
    ruimte = pagina.evaluate("document.documentElement.clientWidth")
    assert len(maten) == 3
    for naam, getoond, nodig in maten:
        assert getoond >= min(nodig, ruimte - 64) - 0.5, (naam, getoond, nodig)


def test_the_chosen_domein_shows_its_whole_name(pagina, zaanstad):
    """The domein filter is as wide as the register's longest beleidsterrein needs on a
    laptop ("natuur en milieu (met subthema's)" was cut off before its last bracket)."""
    verband = zaanstad.deelnames.first().samenwerkingsverband
    verband.domeinen.add(
        f.DomeinFactory(naam="organisatie en bedrijfsvoering | informatievoorziening en ICT")
    )
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    domein = pagina.get_by_label("Domein", exact=True)
    domein.select_option(label="organisatie en bedrijfsvoering | informatievoorziening en ICT")
    pagina.get_by_role("button", name="Toon").click()
    expect(pagina).to_have_url(re.compile(r"domein="))
    expect(domein).to_have_value(re.compile("."))
    [(naam, getoond, nodig)] = _getoond_en_nodig(domein)
    assert naam == "domein"
    assert getoond >= nodig - 0.5, (getoond, nodig)
    kop = pagina.get_by_role("heading", level=2, name=re.compile("samenwerkingsverband op"))
    expect(kop).to_contain_text(
        "(domein: organisatie en bedrijfsvoering | informatievoorziening en ICT; van 3)"
    )


def test_the_overview_shows_every_column_on_a_laptop(pagina, zaanstad):
    """At 1280 px each table of the overview shows all its columns without scrolling: the
    amounts' heads wrap between their words, and grouped per vorm the vorm is each table's
    caption, not a column (the last column, the change against last year, was out of sight
    on every screen size)."""
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.goto(pagina.basis + f"/gemeenten/GM0479/?jaar={DIT_JAAR}")
    tabellen = pagina.locator("div.tabelrol:has(table.verbanden)")
    expect(tabellen).to_have_count(2)
    expect(tabellen.first.get_by_role("columnheader").last).to_have_text(
        f"Verschil met {DIT_JAAR - 1}"
    )
    for breedte, ruimte in tabellen.evaluate_all(
        "rs => rs.map(r => [r.scrollWidth, r.clientWidth])"
    ):
        assert breedte <= ruimte, (breedte, ruimte)


def test_the_overview_per_motief_fits_a_laptop_with_the_registers_long_words(pagina, zaanstad):
    """Grouped per motief (or domein) the list has a Vorm column. On the register's data a
    long compound in a name, "Bedrijfsvoeringsorganisatie" and the head "Vertegenwoordigers"
    (single words; Chromium on Linux hyphenates no Dutch) pushed it past 1280 px; they now
    may break at their joints. A subtotal's "(2 onbekend, niet meegeteld)" did
    not wrap: it stands under the sum."""
    for naam in (
        "Gemeenschappelijke regeling vuilverbrandingsinstallatie Alkmaar en omstreken",
        "Gemeenschappelijke regeling Afhankelijkheidsrelaties Samenwerkingsovereenkomst",
    ):
        f.DeelnameFactory(
            gemeente=zaanstad,
            samenwerkingsverband__naam=naam,
            samenwerkingsverband__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
            deelnemende_bestuursorganen=["burgemeester", "college", "raad"],
        )
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.goto(pagina.basis + f"/gemeenten/GM0479/?jaar={DIT_JAAR}&indeling=motief")
    tabel = pagina.locator("div.tabelrol:has(table.verbanden)")
    expect(tabel.get_by_role("cell", name="Bedrijfsvoeringsorganisatie").first).to_be_visible()
    expect(tabel.get_by_role("row", name=re.compile("^Subtotaal"))).to_contain_text(
        "(2 onbekend, niet meegeteld)"
    )
    breedte, ruimte = tabel.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert breedte <= ruimte, (breedte, ruimte)


def test_printed_list_shows_every_column_of_the_overview(pagina, zaanstad):
    """Printed on A4 (180 mm between the margins: 680 px), the overview keeps its four
    columns on the page; a sum with unknown bijdragen says so under the amount."""
    zonder_bijdrage = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Recreatieschap Twiske-Waterland",
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
    )
    f.ZetelFactory(deelname=zonder_bijdrage, persoon__naam="A. Bakker")
    pagina.set_viewport_size({"width": 680, "height": 1000})
    pagina.emulate_media(media="print")
    pagina.goto(pagina.basis + f"/gemeenten/GM0479/verbonden-partijen/?jaar={DIT_JAAR}")
    totaal = pagina.get_by_role("row", name=re.compile("Totaal verbonden partijen"))
    expect(totaal).to_contain_text("(1 onbekend, niet meegeteld)")
    overzicht = pagina.get_by_role("region", name="Overzicht verbonden partijen per categorie")
    breedte = overzicht.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert breedte[0] <= breedte[1], breedte


def test_skip_link_is_the_first_tab_stop_and_focus_is_visible(pagina, referentiedata):
    pagina.goto(pagina.basis + "/")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent").strip() == "Naar de inhoud"
    outline = pagina.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile("#inhoud$"))


def test_a_typing_error_in_an_arrangements_name_leads_to_it(pagina, referentiedata):
    """A griffier types a name with a letter missing, gets the term put right and follows it;
    types words that no name holds together and follows one of them."""
    f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke regeling Omgevingsdienst Zaanstreek", afkorting=""
    )
    pagina.goto(pagina.basis + "/")
    pagina.get_by_label("Zoek een gemeente of samenwerkingsverband").fill(
        "omgevingdienst zaanstrek"
    )
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_text("Niets gevonden voor „omgevingdienst zaanstrek”")).to_be_visible()
    bedoeld = pagina.get_by_role("link", name="„omgevingsdienst zaanstreek”")
    expect(bedoeld).to_be_visible()
    _toegankelijk(pagina, "niets-gevonden-zoekterm-bedoeld")
    bedoeld.click()
    expect(pagina.get_by_text("1 samenwerkingsverband gevonden")).to_be_visible()
    pagina.get_by_role(
        "link", name="Gemeenschappelijke regeling Omgevingsdienst Zaanstreek"
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Omgevingsdienst Zaanstreek")
    # Words that no name holds together: each word alone, to follow.
    pagina.goto(pagina.basis + "/")
    pagina.get_by_label("Zoek een gemeente of samenwerkingsverband").fill("zaanstreek noordpool")
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_text("Geen samenwerkingsverband heeft al deze woorden.")).to_be_visible()
    _toegankelijk(pagina, "niets-gevonden-elk-woord-apart")
    pagina.get_by_role("link", name="„zaanstreek”").click()
    expect(pagina.get_by_text("1 samenwerkingsverband gevonden")).to_be_visible()


def test_partners_and_register_from_the_overview(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    pagina.get_by_role("link", name="Partners").click()
    purmerend = pagina.get_by_role("row", name=re.compile("Purmerend"))
    expect(purmerend.get_by_role("cell").first).to_have_text("3")
    # The shared verbanden read as a list with commas: each name right after its comma, the
    # first at the cell's edge (the design system's list padding put a gap before each).
    lijst = purmerend.locator("ul.komma")
    expect(lijst.get_by_role("link")).to_have_count(3)
    rand, begin = lijst.evaluate(
        """ul => [ul.closest("td").getBoundingClientRect().left
                    + parseFloat(getComputedStyle(ul.closest("td")).paddingLeft),
                  ul.querySelector("a").getBoundingClientRect().left]"""
    )
    assert begin == pytest.approx(rand, abs=0.5)
    pagina.get_by_role("link", name="Art. 27-register").click()
    expect(pagina.get_by_role("heading", level=2)).to_have_count(3)


def test_choose_year_and_mode_and_download_the_xlsx(pagina, zaanstad, tmp_path):
    from openpyxl import load_workbook

    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    formulier = pagina.get_by_role("form", name="Lijst verbonden partijen (BBV art. 15)")
    formulier.get_by_label("Jaar van de lijst").fill(str(DIT_JAAR - 1))
    formulier.get_by_label("Lijst voor", exact=True).select_option("jaarrekening")
    formulier.get_by_label("Bestandsformaat").select_option("xlsx")
    with pagina.expect_download() as download:
        formulier.get_by_role("button", name="Maak de lijst").click()
    bestand = download.value
    assert bestand.suggested_filename == (
        f"verbonden-partijen-GM0479-{DIT_JAAR - 1}-jaarrekening.xlsx"
    )
    pad = tmp_path / bestand.suggested_filename
    bestand.save_as(pad)
    boek = load_workbook(pad)
    assert boek.properties.title == f"Verbonden partijen Zaanstad {DIT_JAAR - 1} (jaarrekening)"
    namen = [
        r[1] for r in boek["Gemeenschappelijke regelingen"].iter_rows(min_row=4, values_only=True)
    ]
    assert namen == [  # a bedrijfsvoeringsorganisatie is a GR too
        "Belastingsamenwerking Zaanstreek",
        "GGD Zaanstreek-Waterland",
        "Veiligheidsregio Zaanstreek-Waterland",
    ]


def _namen_in(tabel) -> list[str]:
    return [naam.strip() for naam in tabel.locator("tbody th[scope=row] > a").all_inner_texts()]


def test_sort_and_filter_the_gemeente_list(pagina, zaanstad):
    pagina.goto(pagina.basis + "/gemeenten/GM0479/")
    ol = pagina.get_by_role("table", name=re.compile("^Openbaar lichaam"))
    naamkop = ol.get_by_role("columnheader", name=re.compile("^Samenwerkingsverband"))
    expect(naamkop).to_have_attribute("aria-sort", "ascending")
    assert _namen_in(ol) == ["GGD Zaanstreek-Waterland", "Veiligheidsregio Zaanstreek-Waterland"]

    # Highest bijdrage first: the column header says so, the rows follow.
    ol.get_by_role("link", name=re.compile(rf"^Begroot {DIT_JAAR}.*sorteer aflopend")).click()
    expect(pagina).to_have_url(re.compile(r"sorteer=-bijdrage"))
    ol = pagina.get_by_role("table", name=re.compile("^Openbaar lichaam"))
    bijdragekop = ol.get_by_role("columnheader", name=re.compile(rf"^Begroot {DIT_JAAR}"))
    expect(bijdragekop).to_have_attribute("aria-sort", "descending")
    expect(ol.locator("tbody th[scope=row] > a").first).to_have_text(
        "Veiligheidsregio Zaanstreek-Waterland"
    )
    assert _namen_in(ol) == ["Veiligheidsregio Zaanstreek-Waterland", "GGD Zaanstreek-Waterland"]
    expect(ol.locator("tfoot")).to_contain_text("Subtotaal Openbaar lichaam: 2")

    # Filter on vorm; the sort stays.
    pagina.get_by_label("Vorm", exact=True).select_option("BVO")
    pagina.get_by_role("button", name="Toon").click()
    expect(pagina).to_have_url(re.compile(r"vorm=BVO"))
    expect(pagina).to_have_url(re.compile(r"sorteer=-bijdrage"))
    kop = pagina.get_by_role("heading", level=2, name=re.compile("samenwerkingsverband op"))
    expect(kop).to_contain_text("1 samenwerkingsverband op")
    expect(kop).to_contain_text("vorm: Bedrijfsvoeringsorganisatie; van 3")
    expect(pagina.get_by_role("table", name=re.compile("^Openbaar lichaam"))).to_have_count(0)
    bvo = pagina.get_by_role("table", name=re.compile("^Bedrijfsvoeringsorganisatie"))
    assert _namen_in(bvo) == ["Belastingsamenwerking Zaanstreek"]

    # Who represents us: the fixture's three seats are held by three persons (one name, three
    # rows: a person is who the register says, not a name).
    pagina.get_by_role("link", name="Vertegenwoordigers", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Wie vertegenwoordigt Zaanstad?")
    expect(pagina.get_by_role("heading", level=2)).to_contain_text(
        "3 vertegenwoordigers met 3 zetels"
    )
    expect(pagina.get_by_role("rowheader", name=re.compile("J. Olthof"))).to_have_count(3)
