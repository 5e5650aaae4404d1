"""Every public page on a phone (375 px) and a desktop (1280 px), in a real browser: no
horizontal page scrolling (a wide table scrolls inside its own labelled, focusable region),
no serious or critical axe-core violation, and the kalender's filter never covers its
button. Screenshots of the main pages at both widths go to docs/img/ with
`make schermafdrukken` (REGIOREG_SCHERMAFDRUKKEN)."""

import datetime
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from raad.models import Zienswijzeverzoek
from samenwerking.constants import Vorm
from samenwerking.models import Domein, Gemeente
from tests import factories as f
from tests.conftest import AXE
from tests.raad.factories import ZienswijzeFactory
from tests.raad.test_browser import zaanstad  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AFBEELDINGEN = Path(__file__).resolve().parent.parent.parent / "docs" / "img"
BREEDTES = (375, 1280)
KERNVRAAG = "In welke samenwerkingsverbanden zit deze gemeente, en wat kost elk?"


@pytest.fixture
def register(zaanstad, pc_regels):  # noqa: F811
    """Zaanstad's three arrangements, plus a long-named one with a zienswijze (the kalender's
    filter lists it) and a national register stand."""
    lang = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam=(
            "Gemeenschappelijke regeling Recreatieschap Twiske-Waterland en omliggende "
            "natuur- en recreatiegebieden in Zaanstreek"
        ),
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
    ).samenwerkingsverband
    ZienswijzeFactory(
        gemeente=zaanstad,
        zienswijzeverzoek__samenwerkingsverband=lang,
        zienswijzeverzoek__onderwerp="Ontwerpbegroting",
        zienswijzeverzoek__ontvangen_op=datetime.date.today(),
    )
    verband = zaanstad.deelnames.first().samenwerkingsverband
    verband.domeinen.add(
        Domein.objects.get_or_create(code="veiligheid", defaults={"naam": "Veiligheid"})[0]
    )
    return zaanstad, verband


def _paginas(gemeente, verband) -> dict[str, str]:
    code = gemeente.cbs_code
    return {
        "start": "/",
        "zoeken": "/?q=zaan",
        "gemeente": f"/gemeenten/{code}/",
        "gemeente-register": f"/gemeenten/{code}/register/",
        "gemeente-verbonden-partijen": f"/gemeenten/{code}/verbonden-partijen/",
        "gemeente-partners": f"/gemeenten/{code}/partners/",
        "gemeente-kalender": f"/gemeenten/{code}/kalender/",
        "gemeente-zienswijzen": f"/gemeenten/{code}/zienswijzen/",
        "regeling": f"/samenwerkingsverbanden/{verband.uuid}/",
        "oplegger": f"/gemeenten/{code}/samenwerkingsverbanden/{verband.uuid}/oplegger/",
        "gemeente-vertegenwoordigers": f"/gemeenten/{code}/vertegenwoordigers/",
        "gemeente-over-de-jaren": f"/gemeenten/{code}/over-de-jaren/",
        "verbonden-partijen-uitgebreid": (
            f"/gemeenten/{code}/verbonden-partijen/?kolommen=uitgebreid"
        ),
        "zienswijzeverzoek": f"/zienswijzeverzoeken/{Zienswijzeverzoek.objects.get().uuid}/",
        "domein": "/domeinen/veiligheid/",
        "bronnen": "/bronnen/",
        "toegankelijkheid": "/toegankelijkheid/",
        "bladeren": "/bladeren/",
        "api-documentatie": "/api/v1/docs/",
        "api-handleiding": "/api/v1/handleiding/",
        "niet-gevonden": "/gemeenten/GM9999/",
    }


# The pages whose screenshots the manual shows (docs/img/openbaar-<naam>-<breedte>.png).
IN_HANDLEIDING = {"start", "gemeente", "gemeente-kalender", "regeling", "api-documentatie"}


def _ernstige_axe_fouten(pagina) -> list:
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


# Tables that scroll sideways: each sits in a labelled region one can reach by keyboard.
SCROLLERS = """() => [...document.querySelectorAll('main *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.querySelector('table')
                 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => ({role: e.getAttribute('role'),
                label: e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'),
                tabindex: e.getAttribute('tabindex'), tag: e.tagName}))"""


# The page's width and the innermost elements that stick out to the right (to name the culprit).
OVERLOOP = """() => {
    const W = window.innerWidth, buiten = e => e.getBoundingClientRect().right > W + 1;
    const te_breed = [...document.body.querySelectorAll('*')]
        .filter(e => buiten(e) && ![...e.children].some(buiten))
        .slice(0, 5).map(e => e.tagName + '.' + e.className);
    return [document.documentElement.scrollWidth, W, te_breed];
}"""


def _schermafdruk(pagina, naam: str):
    map_ = (
        AFBEELDINGEN if os.environ.get("REGIOREG_SCHERMAFDRUKKEN") else Path(tempfile.gettempdir())
    )
    map_.mkdir(exist_ok=True)
    pagina.screenshot(path=str(map_ / f"{naam}.png"), type="png")


@pytest.mark.parametrize("breedte", BREEDTES)
def test_every_public_page_fits_the_screen_and_passes_axe(pagina, register, breedte):
    gemeente, verband = register
    pagina.set_viewport_size({"width": breedte, "height": 800})
    fouten = {}
    for naam, adres in _paginas(gemeente, verband).items():
        antwoord = pagina.goto(pagina.basis + adres)
        assert antwoord.status == (404 if naam == "niet-gevonden" else 200), (naam, adres)
        expect(pagina.locator("html")).to_have_attribute("lang", "nl")
        expect(pagina.get_by_role("heading", level=1).first).to_be_visible()
        if naam == "api-documentatie":  # every address, drawn on the server
            expect(pagina.get_by_text(KERNVRAAG, exact=True).last).to_be_visible()
        breed, scherm, te_breed = pagina.evaluate(OVERLOOP)
        if breed > scherm:
            fouten.setdefault(naam, []).append(f"pagina {breed} px breed op {scherm}: {te_breed}")
        for scroller in pagina.evaluate(SCROLLERS):
            if not (
                scroller["role"] == "region" and scroller["label"] and scroller["tabindex"] == "0"
            ):
                fouten.setdefault(naam, []).append(f"scrollt zonder label: {scroller}")
        ernstig = _ernstige_axe_fouten(pagina)
        if ernstig:
            fouten.setdefault(naam, []).append(ernstig)
        if naam in IN_HANDLEIDING:
            _schermafdruk(pagina, f"openbaar-{naam}-{breedte}")
    assert fouten == {}, "\n".join(f"{naam}: {fout}" for naam, fout in fouten.items())


@pytest.mark.parametrize("breedte", (1024, 1280))
def test_kalender_filter_never_covers_its_button(pagina, register, breedte):
    gemeente, _ = register
    pagina.set_viewport_size({"width": breedte, "height": 800})
    pagina.goto(pagina.basis + f"/gemeenten/{gemeente.cbs_code}/kalender/")
    keuze = pagina.get_by_label("Samenwerkingsverband")
    knop = pagina.get_by_role("button", name="Toon")
    expect(keuze).to_be_visible()
    expect(knop).to_be_visible()
    k, b = keuze.bounding_box(), knop.bounding_box()
    overlap = not (
        b["x"] >= k["x"] + k["width"]
        or b["x"] + b["width"] <= k["x"]
        or b["y"] >= k["y"] + k["height"]
        or b["y"] + b["height"] <= k["y"]
    )
    assert not overlap, (k, b)
    # The button is what the pointer hits at its centre.
    knop.click(trial=True)


@pytest.mark.parametrize("breedte", BREEDTES)
def test_search_form_stands_apart_with_its_button_beside_the_field(pagina, referentiedata, breedte):
    """The search label stood glued to the introduction (0 px), and the Zoeken button was
    16 px shorter than the field beside it."""
    pagina.set_viewport_size({"width": breedte, "height": 800})
    pagina.goto(pagina.basis + "/")
    inleiding = pagina.locator("p.inleiding")
    label = pagina.get_by_text("Zoek een gemeente of samenwerkingsverband", exact=True)
    veld = pagina.get_by_role("searchbox")
    knop = pagina.get_by_role("button", name="Zoeken")
    expect(knop).to_be_visible()
    i, lb, v, k = (x.bounding_box() for x in (inleiding, label, veld, knop))
    assert lb["y"] - (i["y"] + i["height"]) >= 16
    if k["y"] < v["y"] + v["height"]:  # beside the field (on a phone it may wrap below)
        assert (k["y"], k["height"]) == (v["y"], v["height"])


@pytest.mark.parametrize("breedte", BREEDTES)
def test_domein_chart_labels_are_readable_in_full(pagina, referentiedata, breedte):
    """The chart cut every label at 30 characters ("Veiligheidsregio Noord-Hollan…" twice)
    and, on a phone, shrank with the screen to text of about 5 px."""
    domein = f.DomeinFactory(code="veiligheid-test", naam="Veiligheidstest")
    namen = ["Veiligheidsregio Noord-Holland-Noord", "Veiligheidsregio Noord-Holland-Zuid"]
    for naam, code in zip(namen, ["GM0479", "GM0439"], strict=True):
        verband = f.SamenwerkingsverbandFactory(naam=naam)
        verband.domeinen.add(domein)
        gemeente = Gemeente.objects.get(cbs_code=code)
        deelname = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("1000000"))
        if not gemeente.inwonertallen.filter(jaar=2025).exists():
            f.InwonertalFactory(gemeente=gemeente, jaar=2025, aantal=100000)
    pagina.set_viewport_size({"width": breedte, "height": 800})
    pagina.goto(pagina.basis + "/domeinen/veiligheid-test/?jaar=2025")
    labels = pagina.locator("figure.grafiek text.as").all_text_contents()
    assert sorted(label.replace(" ", "") for label in labels) == sorted(
        naam.replace(" ", "") for naam in namen
    )
    # Drawn at least 36rem wide (a phone scrolls it sideways): labels of at least 9,6 px.
    assert pagina.locator("figure.grafiek svg").bounding_box()["width"] >= 575
    assert pagina.evaluate("document.documentElement.scrollWidth") == breedte
    assert _ernstige_axe_fouten(pagina) == []
