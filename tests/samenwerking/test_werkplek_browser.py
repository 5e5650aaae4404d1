"""The regio secretary's workplace in a real browser (Debian's Chromium via Playwright): a
secretariaat enters a regeling with three deelnemers and a bijdrage in at most ten clicks
plus typing and finds it on a deelnemer's public page; every workplace tab of the largest real
regeling of the national register (REGIOREG_BRONNEN/roo; skipped with the reason when absent)
and the pages of a synthetic 30-deelnemer regeling fit a 1280 px screen; axe-core finds no
serious or critical violation on the admin pages of a regeling, a deelname and the bijdragen
grid. Screenshots go to docs/img/ for the manual."""

import datetime
import io
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from playwright.sync_api import expect

from samenwerking import models
from samenwerking.constants import Vorm
from tests import factories as f
from tests.conftest import AXE, ROO_BESTANDEN
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AFBEELDINGEN = Path(__file__).resolve().parent.parent.parent / "docs" / "img"
DIT_JAAR = datetime.date.today().year
WACHTWOORD = "een-lang-testwachtwoord-17"


def _inloggen(pagina, gebruiker):
    gebruiker.set_password(WACHTWOORD)
    gebruiker.save()
    pagina.goto(pagina.basis + "/admin/login/?next=/admin/")
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina.get_by_role("link", name="Samenwerkingsverbanden").first).to_be_visible()


# What sticks out on the right: the deepest elements past 1280 px, to name in a failure.
TE_BREED = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > 1280
                 && ![...e.children].some(c => c.getBoundingClientRect().right > 1280))
    .slice(0, 5)
    .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`
              + ` ${Math.round(e.getBoundingClientRect().right)}`)"""


def _axe(pagina) -> list:
    pagina.add_script_tag(path=str(AXE))
    resultaat = pagina.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in resultaat["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def _schermafdruk(pagina, naam: str):
    """A small PNG of the top of the page for the manual: into docs/img/ when
    REGIOREG_SCHERMAFDRUKKEN is set (`make schermafdrukken`), else into a throwaway folder, so
    that an ordinary test run leaves the committed pictures alone."""
    map_ = (
        AFBEELDINGEN if os.environ.get("REGIOREG_SCHERMAFDRUKKEN") else Path(tempfile.gettempdir())
    )
    map_.mkdir(exist_ok=True)
    pagina.screenshot(
        path=str(map_ / f"{naam}.png"),
        type="png",
        clip={"x": 0, "y": 0, "width": 1280, "height": 640},
    )


class Klikken:
    """Counts the clicks (and choices in a list) of a task; typing is free."""

    def __init__(self):
        self.aantal = 0

    def klik(self, locator):
        self.aantal += 1
        locator.click()

    def kies(self, locator, waarden: list[str]):
        self.aantal += len(waarden)  # one click per option chosen
        locator.select_option(label=waarden)

    def vink_aan(self, groep, namen: list[str]):
        for naam in namen:
            self.klik(groep.get_by_label(naam, exact=True))


def test_secretariaat_enters_a_regeling_with_three_deelnemers_and_money_in_ten_clicks(
    pagina, referentiedata
):
    gebruiker = account(RolSoort.SECRETARIAAT, naam="secretariaat-west")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    klikken = Klikken()

    rij = pagina.get_by_role("row", name=re.compile("^Samenwerkingsverbanden"))
    klikken.klik(rij.get_by_role("link", name="Toevoegen"))
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("toevoegen")
    pagina.get_by_label(re.compile(r"^Naam:?$")).fill("Regionale Uitvoeringsdienst West")
    klikken.kies(pagina.get_by_label(re.compile(r"^Vorm:?$")), ["Openbaar lichaam"])
    _schermafdruk(pagina, "regeling-toevoegen")
    klikken.klik(pagina.get_by_role("button", name="Opslaan", exact=True))

    # Straight on to the deelnemers.
    expect(pagina.get_by_role("heading", name="Deelnemers toevoegen")).to_be_visible()
    _schermafdruk(pagina, "werkplek-deelnemers")
    klikken.vink_aan(
        pagina.get_by_role("group", name="Gemeenten"), ["Haarlem", "Zandvoort", "Bloemendaal"]
    )
    pagina.get_by_label("Toetredingsdatum").fill(f"{DIT_JAAR}-01-01")
    klikken.klik(pagina.get_by_role("button", name="Toevoegen"))
    expect(pagina.get_by_text("3 deelnemer(s) toegevoegd")).to_be_visible()

    tabs = pagina.get_by_role("navigation", name="Onderdelen van de regeling")
    klikken.klik(tabs.get_by_role("link", name="Bijdragen"))
    cel = pagina.get_by_label(f"Haarlem, {DIT_JAAR + 1} begroot")
    cel.fill("123456,78")
    expect(pagina.locator(f"output[id='{cel.get_attribute('id')}_begrepen']")).to_have_text(
        "wordt € 123.456,78"
    )
    zandvoort = pagina.get_by_label(f"Zandvoort, {DIT_JAAR + 1} begroot")
    zandvoort.fill("1.234")
    expect(
        pagina.locator(f"output[id='{zandvoort.get_attribute('id')}_begrepen']")
    ).to_contain_text("Geen eenduidig bedrag")
    zandvoort.fill("1.234,56")
    _schermafdruk(pagina, "werkplek-bijdragen-invoer")
    klikken.klik(pagina.get_by_role("button", name="Bijdragen opslaan"))
    expect(pagina.get_by_text("De bijdragen zijn opgeslagen.")).to_be_visible()

    assert klikken.aantal <= 10, klikken.aantal
    verband = models.Samenwerkingsverband.objects.get(naam="Regionale Uitvoeringsdienst West")
    bedragen = {
        b.deelname.gemeente.naam: b.bedrag
        for b in models.Bijdrage.objects.filter(deelname__samenwerkingsverband=verband)
    }
    assert bedragen == {"Haarlem": Decimal("123456.78"), "Zandvoort": Decimal("1234.56")}

    # A deelnemer's public page shows it, with next year's bijdrage.
    haarlem = models.Gemeente.objects.get(naam="Haarlem", einddatum__isnull=True)
    pagina.goto(f"{pagina.basis}/gemeenten/{haarlem.cbs_code}/?jaar={DIT_JAAR + 1}")
    rij = pagina.get_by_role("row", name=re.compile("Regionale Uitvoeringsdienst West")).first
    expect(rij).to_contain_text("€ 123.457")


def _plak(pagina, veld, tekst: str) -> None:
    """Paste `tekst` into `veld` as a person does: on the clipboard, then Ctrl+V."""
    pagina.evaluate("tekst => navigator.clipboard.writeText(tekst)", tekst)
    veld.focus()
    pagina.keyboard.press("Control+V")


def test_a_block_pasted_from_a_spreadsheet_fills_the_grid(pagina, referentiedata):
    """Cells copied from Excel (lines of tab-separated values) land in the grid at the same
    places, counted from the field pasted into; what falls outside is said, not lost silently;
    nothing is stored until "Bijdragen opslaan"."""
    verband = f.SamenwerkingsverbandFactory(
        naam="Belastingsamenwerking Kust", vorm=Vorm.OPENBAAR_LICHAAM
    )
    namen = ["Bloemendaal", "Haarlem", "Zandvoort"]
    for naam in namen:
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=models.Gemeente.objects.get(naam=naam, einddatum__isnull=True),
            toetredingsdatum=datetime.date(2020, 1, 1),
        )
    gebruiker = account(RolSoort.SECRETARIAAT, naam="secretariaat-kust", verbanden=[verband])
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"])
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    pagina.goto(f"{pagina.basis}/admin/samenwerking/samenwerkingsverband/{verband.pk}/bijdragen/")
    status = pagina.locator("#raster-plakken[role=status]")
    volgend, daarna, laatst = DIT_JAAR + 1, DIT_JAAR + 2, DIT_JAAR + 4

    # A cell copied with the empty one beside it: nothing is lost past the grid's last year.
    _plak(pagina, pagina.get_by_label(f"Zandvoort, {laatst} begroot"), "8\t\r\n")
    expect(status).to_have_text(
        "1 vak geplakt. Controleer de bedragen en klik op Bijdragen opslaan."
    )
    # At the grid's last year of the last deelnemer: one value fits, two fall outside.
    _plak(pagina, pagina.get_by_label(f"Zandvoort, {laatst} begroot"), "5\t6\n7\n")
    expect(status).to_have_text(
        "1 vak geplakt; 2 waarden vielen buiten het raster. Controleer de bedragen en klik op "
        "Bijdragen opslaan."
    )
    # Three deelnemers, two years, as Excel copies them (an empty cell empties its field).
    _plak(
        pagina,
        pagina.get_by_label(f"Bloemendaal, {volgend} begroot"),
        "€ 1.000,00\t2000\r\n1500,50\t\r\n300\t400\r\n",
    )
    expect(status).to_have_text(
        "6 vakken geplakt. Controleer de bedragen en klik op Bijdragen opslaan."
    )
    haarlem = pagina.get_by_label(f"Haarlem, {volgend} begroot")
    expect(haarlem).to_have_value("1500,50")
    # The status line speaks for the paste; each field's reading is shown, not read aloud,
    # until the secretary goes on to another field.
    uitleg = pagina.locator(f"output[id='{haarlem.get_attribute('id')}_begrepen']")
    expect(uitleg).to_have_text("wordt € 1.500,50")
    expect(uitleg).to_have_attribute("aria-live", "off")
    pagina.get_by_label(f"Haarlem, {DIT_JAAR} begroot").focus()
    expect(uitleg).to_have_attribute("aria-live", "polite")
    expect(pagina.locator(f"output[id$='-{daarna}-begroot_begrepen']").first).to_have_text(
        "wordt € 2.000,00"
    )
    assert not models.Bijdrage.objects.filter(deelname__samenwerkingsverband=verband).exists()
    pagina.get_by_role("button", name="Bijdragen opslaan").click()
    expect(pagina.get_by_text("De bijdragen zijn opgeslagen.")).to_be_visible()
    opgeslagen = {
        (b.deelname.gemeente.naam, b.jaar): b.bedrag
        for b in models.Bijdrage.objects.filter(deelname__samenwerkingsverband=verband)
    }
    assert opgeslagen == {
        ("Bloemendaal", volgend): Decimal("1000.00"),
        ("Bloemendaal", daarna): Decimal("2000.00"),
        ("Haarlem", volgend): Decimal("1500.50"),
        ("Zandvoort", volgend): Decimal("300.00"),
        ("Zandvoort", daarna): Decimal("400.00"),
        ("Zandvoort", laatst): Decimal("5.00"),
    }


def _grootste_regeling() -> models.Samenwerkingsverband:
    """A regeling with 30 deelnemers, organs with a seat per deelnemer and money."""
    verband = f.SamenwerkingsverbandFactory(
        naam="Veiligheidsregio met een heel lange naam voor de breedte van de pagina"
    )
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    gemeenten = models.Gemeente.objects.filter(einddatum__isnull=True).order_by("naam")[:30]
    for gemeente in gemeenten:
        deelname = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        for jaar in range(DIT_JAAR - 1, DIT_JAAR + 5):
            f.BijdrageFactory(deelname=deelname, jaar=jaar, bedrag=Decimal("1234567.89"))
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan)
    f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=DIT_JAAR - 1)
    # A link as long as the register's links to the CVDR, which has no place to break.
    f.DocumentFactory(
        samenwerkingsverband=verband,
        url="https://decentrale.regelgeving.overheid.nl/cvdr/xhtmloutput/Historie/"
        "Haarlemmermeer/CVDR123456/CVDR123456_1.html",
    )
    return verband


def test_workplace_pages_fit_1280_px_and_pass_axe(pagina, referentiedata):
    verband = _grootste_regeling()
    deelname = verband.deelnames.first()
    orgaan = models.Bestuursorgaan.objects.get(samenwerkingsverband=verband)
    gebruiker = get_user_model().objects.create_superuser("beheer-breed")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    basis = f"{pagina.basis}/admin/samenwerking/"
    paginas = {
        "regeling-wijzigen": f"samenwerkingsverband/{verband.pk}/change/",
        "regeling-toevoegen": "samenwerkingsverband/add/",
        "werkplek-deelnemers-groot": f"samenwerkingsverband/{verband.pk}/deelnemers/",
        "werkplek-bijdragen-groot": f"samenwerkingsverband/{verband.pk}/bijdragen/",
        "werkplek-besturen": f"samenwerkingsverband/{verband.pk}/besturen/",
        "werkplek-jaarcijfers": f"samenwerkingsverband/{verband.pk}/jaarcijfers/",
        "deelname-wijzigen": f"deelname/{deelname.pk}/change/",
        "deelname-toevoegen": "deelname/add/",
        "zetel-toevoegen": f"zetel/add/?bestuursorgaan={orgaan.pk}",
    }
    for naam, adres in paginas.items():
        pagina.goto(basis + adres)
        expect(pagina.locator("#content")).to_be_visible()
        breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
        assert breedte <= 1280, (naam, breedte, pagina.evaluate(TE_BREED))
        ernstig = _axe(pagina)
        if ernstig:
            pytest.fail(f"{naam}: {ernstig}")
        if naam in (
            "regeling-wijzigen",
            "werkplek-bijdragen-groot",
            "werkplek-besturen",
            "werkplek-jaarcijfers",
            "zetel-toevoegen",
        ):
            _schermafdruk(pagina, naam.removesuffix("-groot"))


def _past_en_toegankelijk(pagina, naam: str) -> None:
    """The page is no wider than the 1280 px screen and axe finds nothing serious."""
    breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
    binnen = pagina.evaluate("() => window.innerWidth")
    assert breedte <= binnen == 1280, (naam, breedte, pagina.evaluate(TE_BREED))
    ernstig = _axe(pagina)
    if ernstig:
        pytest.fail(f"{naam}: {ernstig}")


def test_every_tab_of_the_largest_real_regeling_fits_1280_px_and_passes_axe(
    pagina, referentiedata, roo_map
):
    """The national register's own export, imported as `make run` does; the regeling with the
    most deelnemers gets what only a secretary enters (a bijdrage per year for the grid's
    years and a seat per running deelname), so that every tab is as full as it gets."""
    call_command(
        "importeer_roo", *(str(roo_map / naam) for naam in ROO_BESTANDEN), stdout=io.StringIO()
    )
    verband = (
        models.Samenwerkingsverband.objects.annotate(aantal=Count("deelnames"))
        .order_by("-aantal", "naam")
        .first()
    )
    lopend = list(verband.deelnames.actief_op(datetime.date.today()).select_related("gemeente"))
    assert verband.aantal >= 40 and len(lopend) >= 30, (verband, verband.aantal, len(lopend))
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for deelname in lopend:
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan)
        for jaar in range(DIT_JAAR - 1, DIT_JAAR + 5):
            f.BijdrageFactory(deelname=deelname, jaar=jaar, bedrag=Decimal("12345678.90"))
    f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=DIT_JAAR - 1)

    gebruiker = get_user_model().objects.create_superuser("beheer-register")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    pagina.goto(f"{pagina.basis}/admin/samenwerking/samenwerkingsverband/{verband.pk}/change/")
    tabs = pagina.get_by_role("navigation", name="Onderdelen van de regeling").get_by_role("link")
    adressen = {tab.inner_text(): tab.get_attribute("href") for tab in tabs.all()}
    assert list(adressen) == [
        "Regeling",
        "Deelnemers",
        "Bijdragen",
        "Besturen en zetels",
        "Jaarcijfers",
    ]
    for label, adres in adressen.items():
        pagina.goto(pagina.basis + adres)
        expect(pagina.get_by_role("heading", level=1)).to_be_visible()
        expect(pagina.locator("#content")).to_contain_text(verband.naam[:40])
        _past_en_toegankelijk(pagina, f"{verband.naam}: {label}")
    # The deelnemers tab lists every deelnemer of the regeling.
    pagina.goto(pagina.basis + adressen["Deelnemers"])
    for deelname in lopend:
        expect(pagina.locator("#content")).to_contain_text(deelname.deelnemer.naam)
    # And the change page of one of its deelnames, with its seat and six bijdragen.
    pagina.goto(f"{pagina.basis}/admin/samenwerking/deelname/{lopend[0].pk}/change/")
    expect(
        pagina.locator("#zetels-0-persoon").or_(pagina.locator("[id^='id_zetels-0-persoon']")).first
    ).to_be_attached()
    bedragen = pagina.locator("input[name^='bijdragen-'][name$='-bedrag'][value='12345678,90']")
    expect(bedragen).to_have_count(6)
    _past_en_toegankelijk(pagina, f"deelname {lopend[0]}")


def test_start_page_pages_and_filters_in_the_browser(pagina, referentiedata):
    """A beheerder sees every regeling: 25 a page, a filter by name that keeps to the page
    links; the page fits 1280 px and axe finds nothing serious. Also the region sheet's
    upload page and its preview, for the manual."""
    gemeenten = list(models.Gemeente.objects.filter(einddatum__isnull=True).order_by("naam"))
    for i in range(30):
        verband = f.SamenwerkingsverbandFactory(
            naam=f"Regio {i:02d} Gezondheid", vorm=Vorm.OPENBAAR_LICHAAM
        )
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeenten[i])
    gebruiker = get_user_model().objects.create_superuser("beheer-start")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, gebruiker)
    pagina.get_by_role("link", name="Mijn regelingen: wat ontbreekt of eraan komt").click()
    expect(pagina.get_by_role("status")).to_have_text("30 regelingen; pagina 1 van 2")
    _schermafdruk(pagina, "werklijst")
    _past_en_toegankelijk(pagina, "werklijst")
    pagina.get_by_role("link", name="Volgende pagina").click()
    expect(pagina.get_by_role("heading", name="Regio 29 Gezondheid")).to_be_visible()

    pagina.get_by_label("Naam of afkorting").fill("regio 0")
    pagina.get_by_label("Alleen met ontbrekende gegevens of openstaande punten").check()
    pagina.get_by_role("button", name="Filteren").click()
    expect(pagina.get_by_role("status")).to_have_text("10 regelingen")
    expect(pagina.get_by_role("heading", name="Regio 09 Gezondheid")).to_be_visible()
    expect(pagina.get_by_role("heading", name="Regio 10 Gezondheid")).to_have_count(0)
    expect(pagina.get_by_label("Naam of afkorting")).to_have_value("regio 0")
    _past_en_toegankelijk(pagina, "werklijst gefilterd")

    # The region sheet: upload, then the preview with names.
    pagina.goto(pagina.basis + "/admin/regio-indeling/")
    _schermafdruk(pagina, "regio-indeling")
    bestand = Path(tempfile.mkdtemp()) / "regio-indeling.csv"
    regels = [
        "gemeente;regio",
        *(f"{g.cbs_code};Regio 0{i} Gezondheid" for i, g in enumerate(gemeenten[10:15])),
    ]
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    pagina.get_by_label("Bestand").set_input_files(str(bestand))
    pagina.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(pagina.locator("#samenvatting")).to_contain_text("5 regels; 5 nieuwe deelnames")
    _schermafdruk(pagina, "regio-indeling-voorbeeld")
    _past_en_toegankelijk(pagina, "regio-indeling voorbeeld")


def test_the_secretarys_other_admin_pages_pass_axe(pagina, referentiedata):
    """The admin's start page (its links to the werklijst and the regio-indeling had too
    little contrast), Django's own pages (a delete confirmation, the password change) and
    the page of one version: axe finds nothing serious."""
    document = f.DocumentFactory(titel="Begroting 2027")
    secretariaat = account(RolSoort.SECRETARIAAT, verbanden=[document.samenwerkingsverband])
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, secretariaat)
    versie = document.history.earliest("history_date").history_id
    paginas = {
        "startpagina": "/admin/",
        "verwijderen": f"/admin/samenwerking/document/{document.pk}/delete/",
        "wachtwoord wijzigen": "/admin/password_change/",
        "versie": f"/admin/samenwerking/document/{document.pk}/history/{versie}/",
    }
    for naam, adres in paginas.items():
        pagina.goto(pagina.basis + adres)
        expect(pagina.locator("#content")).to_be_visible()
        _past_en_toegankelijk(pagina, naam)
    # The start page's links to the werklijst and the regio-indeling look like links, as the
    # names of the lists do: underlined (they were plain headings).
    pagina.goto(pagina.basis + "/admin/")
    for link in [
        pagina.get_by_role("link", name="Mijn regelingen: wat ontbreekt of eraan komt"),
        pagina.get_by_role("link", name="Regio-indeling inlezen"),
        pagina.get_by_role("link", name="Raad", exact=True),
    ]:
        expect(link).to_have_css("text-decoration-line", "underline")


def test_an_import_preview_with_errors_fits_1280_px_and_passes_axe(pagina, referentiedata):
    """A deelnames file with every column and a mistake per row: the preview's table
    scrolls in its own box (it widened the page to over 1400 px) and the errors are read."""
    deelname = f.DeelnameFactory(gemeente=models.Gemeente.objects.get(cbs_code="GM0479"))
    secretariaat = account(RolSoort.SECRETARIAAT, verbanden=[deelname.samenwerkingsverband])
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, secretariaat)
    pagina.goto(pagina.basis + "/admin/samenwerking/deelname/export/")
    with pagina.expect_download() as download:
        pagina.get_by_label("Formaat").select_option(label="csv")
        pagina.get_by_role("button", name="Exporteren").click()
    regels = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    kop, rij = regels[0].split(";"), regels[1].split(";")
    rij[kop.index("verdeelsleutel")] = "1.234,5678912"
    rij[kop.index("toetredingsdatum")] = "31-02-2020"
    bestand = Path(tempfile.mkdtemp()) / "deelnames.csv"
    bestand.write_text("\n".join([regels[0], ";".join(rij)]) + "\n", encoding="utf-8")
    pagina.goto(pagina.basis + "/admin/samenwerking/deelname/import/")
    pagina.get_by_label("Bestand").set_input_files(str(bestand))
    pagina.get_by_label("Formaat").select_option(label="csv")
    pagina.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(pagina.get_by_role("heading", name="1 regel met fouten")).to_be_visible()
    _past_en_toegankelijk(pagina, "import met fouten")
    expect(pagina.get_by_role("region", name="Regels met fouten")).to_contain_text(
        "toetredingsdatum"
    )


# What lies under the buttons above a list or a form (Importeren, Exporteren, … toevoegen,
# Geschiedenis): the title's text or a tab of the regeling's workplace. Django lifts the buttons
# into the line above them.
ONDER_KNOPPEN = """() => {
    const knoppen = document.querySelector('.object-tools');
    if (!knoppen) return [];
    const k = knoppen.getBoundingClientRect();
    const raakt = r => r.right > k.left && r.left < k.right && r.bottom > k.top && r.top < k.bottom;
    const bedekt = [];
    const kop = document.querySelector('#content h1');
    const tekst = document.createRange();
    tekst.selectNodeContents(kop);
    if ([...tekst.getClientRects()].some(raakt)) bedekt.push(kop.innerText);
    for (const tab of document.querySelectorAll('.werkplek-tabs a, .werkplek-tabs span')) {
        if (raakt(tab.getBoundingClientRect())) bedekt.push(tab.innerText);
    }
    return bedekt;
}"""


@pytest.mark.parametrize("breedte", [1024, 1280])
def test_every_admin_title_is_readable_beside_its_buttons(pagina, referentiedata, breedte):
    """At 1024 px nine lists' titles ("Selecteer samenwerkingsverband om te wijzigen") ran
    under the buttons beside them and could not be read; at 1280 px one did. The forms (a
    row of each list that has one, a regeling with its tabs) keep their buttons beside a
    title or the tabs that leave them room."""
    f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Testregio")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    _inloggen(pagina, get_user_model().objects.create_superuser("beheer-koppen"))
    lijsten = pagina.eval_on_selector_all(
        "#content-main th[scope=row] a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(lijsten) > 30
    bedekt, formulieren = {}, 0
    for lijst in lijsten:
        pagina.goto(pagina.basis + lijst)
        expect(pagina.locator("#content h1")).to_be_visible()
        adressen = [lijst]
        if pagina.locator("#result_list tbody a").count():
            adressen.append(pagina.locator("#result_list tbody a").first.get_attribute("href"))
        for adres in adressen:
            if adres != lijst:
                pagina.goto(pagina.basis + adres)
                expect(pagina.locator("#content h1")).to_be_visible()
                formulieren += 1
            if onder := pagina.evaluate(ONDER_KNOPPEN):
                bedekt[adres] = onder
    assert formulieren > 5
    assert bedekt == {}


def test_lists_with_the_registers_long_names_fit_1280_px(pagina, referentiedata, pc_regels):
    """A column that points to a regeling stayed on one line: with the register's names
    ("Gemeenschappelijke regeling …", up to 250 characters) the lists of bevoegdheden and
    documenten were some 1,900 px wide beside the menu and the filters and had to be scrolled
    sideways to reach their last columns; the headings stayed on one line too ("GELDT TOT EN
    MET BEGROTINGSJAAR"), and the termijnregels were 1,047 px wide in 901."""
    verband = f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke regeling Regionale Uitvoeringsdienst Noordzeekanaalgebied en "
        "de Omgevingsdienst Noord-Holland Noord voor de uitvoering van de Omgevingswet 2024"
    )
    f.BevoegdheidFactory(samenwerkingsverband=verband)
    f.DocumentFactory(samenwerkingsverband=verband)
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, get_user_model().objects.create_superuser("beheer-lijsten"))
    te_breed = {}
    for lijst, tekst in (
        ("samenwerking/bevoegdheid", "Noordzeekanaalgebied"),
        ("samenwerking/document", "Noordzeekanaalgebied"),
        ("raad/termijnregel", "Ontwerpbegroting naar de raden"),
    ):
        pagina.goto(f"{pagina.basis}/admin/{lijst}/")
        expect(pagina.locator("#result_list")).to_contain_text(tekst)
        breedte, ruimte = pagina.evaluate(
            "() => { const t = document.querySelector('#result_list');"
            " return [t.scrollWidth, t.parentElement.clientWidth]; }"
        )
        if breedte > ruimte:
            te_breed[lijst] = (breedte, ruimte)
    assert te_breed == {}


@pytest.mark.parametrize(
    ("lijst", "kolom", "kop", "waarde"),
    [
        ("samenwerkingsverband", "aantal_deelnemers", "Deelnemers nu", "3"),
        ("bijdrage", "bedrag", "Bedrag (€)", "1.234.567,89"),
    ],
)
def test_a_lists_key_column_shows_without_scrolling(
    pagina, referentiedata, lijst, kolom, kop, waarde
):
    """Lists wider than the room beside the menu and the filters at 1280 px show what matters
    first: a regeling's size right after its naam, afkorting and vorm (vestigingsplaats came
    before it), a bijdrage's bedrag right after its jaar and soort (onderdeel came before
    it); the rest is reached by scrolling sideways."""
    verband = f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke regeling Veiligheidsregio Zaanstreek-Waterland",
        afkorting="VrZW",
        vestigingsplaats="Zaandam",
    )
    for gemeente in models.Gemeente.objects.filter(einddatum__isnull=True).order_by("naam")[:3]:
        deelname = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        f.BijdrageFactory(
            deelname=deelname,
            jaar=DIT_JAAR,
            onderdeel="Brandweerzorg en rampenbestrijding",
            bedrag=Decimal("1234567.89"),
        )
    pagina.set_viewport_size({"width": 1280, "height": 900})
    _inloggen(pagina, get_user_model().objects.create_superuser("beheer-lijsten-breed"))
    pagina.goto(f"{pagina.basis}/admin/samenwerking/{lijst}/")
    rij = pagina.locator("#result_list tbody tr").filter(has_text="Zaanstreek-Waterland").first
    expect(rij.locator(f"td.field-{kolom}")).to_contain_text(waarde)
    rechts = pagina.evaluate(
        "() => document.querySelector('.results').getBoundingClientRect().right"
    )
    koptekst = pagina.locator(f"#result_list thead th.column-{kolom}")
    expect(koptekst).to_have_text(re.compile(re.escape(kop), re.IGNORECASE))
    vak = koptekst.bounding_box()
    assert vak["x"] + vak["width"] <= rechts, (vak, rechts)
