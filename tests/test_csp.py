"""The Content-Security-Policy holds on every page type: public pages, the API documentation
(drawn on the server, with no exception to the policy) and the
admin (with its inline rows, import-export and the history pages). A real Chromium loads each
page with the policy enforced and reports every violation (securitypolicyviolation events and
console errors); there must be none. Every page must also answer as it should (200, or 404
for the missing page): an error page has no violations either."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from raad.models import Zienswijze
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MELDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def gegevens(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    deelname = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="GGD Zaanstreek")
    verband = deelname.samenwerkingsverband
    f.ZetelFactory(deelname=deelname, begindatum=datetime.date(2022, 1, 1))
    f.BijdrageFactory(deelname=deelname, jaar=datetime.date.today().year)
    f.JaarcijfersFactory(samenwerkingsverband=verband)
    f.DocumentFactory(samenwerkingsverband=verband)
    ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=verband)
    beheerder = get_user_model().objects.create_superuser("csp-beheer", "b@example.nl", None)
    return {"verband": verband, "gemeente": zaanstad, "beheerder": beheerder}


def _openbaar(g) -> list[str]:
    verband, code = g["verband"], g["gemeente"].cbs_code
    return [
        "/",
        "/?q=Zaan",
        f"/gemeenten/{code}/",
        f"/gemeenten/{code}/register/",
        f"/gemeenten/{code}/partners/",
        f"/gemeenten/{code}/kalender/",
        f"/gemeenten/{code}/zienswijzen/",
        f"/gemeenten/{code}/verbonden-partijen/",
        f"/gemeenten/{code}/samenwerkingsverbanden/{verband.uuid}/oplegger/",
        f"/samenwerkingsverbanden/{verband.uuid}/",
        f"/zienswijzeverzoeken/{Zienswijze.objects.get().zienswijzeverzoek.uuid}/",
        "/bestaat-niet/",
        "/api/v1/docs/",
        "/admin/login/",
    ]


def _beheer(g) -> list[str]:
    verband = g["verband"]
    zienswijze = Zienswijze.objects.first()
    return [
        "/admin/",
        "/admin/samenwerking/samenwerkingsverband/",
        f"/admin/samenwerking/samenwerkingsverband/{verband.pk}/change/",
        "/admin/samenwerking/samenwerkingsverband/add/",
        f"/admin/samenwerking/samenwerkingsverband/{verband.pk}/history/",
        "/admin/samenwerking/deelname/",
        "/admin/samenwerking/bijdrage/import/",
        "/admin/samenwerking/bijdrage/export/",
        "/admin/samenwerking/zetel/add/",
        f"/admin/raad/zienswijze/{zienswijze.pk}/change/",
        "/admin/raad/zienswijzeverzoek/add/",
        f"/admin/auth/user/{g['beheerder'].pk}/change/",
        "/admin/toegang/token/",
        "/admin/axes/accessattempt/",
        "/admin/werklijst/",
        "/admin/regio-indeling/",
    ]


def _overtredingen(context, url: str, klik: str | None = None) -> list[str]:
    pagina = context.new_page()
    console = []
    pagina.on(
        "console",
        lambda bericht: (
            console.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    antwoord = pagina.goto(url)
    assert antwoord.headers.get("content-security-policy"), url
    verwacht = 404 if url.endswith("/bestaat-niet/") else 200
    assert antwoord.status == verwacht, (url, antwoord.status)
    pagina.wait_for_load_state("networkidle")
    if klik:  # scripts that add to the page, e.g. the admin's "… toevoegen" row
        rijen = pagina.locator(".inline-group tr.form-row:not(.empty-form)")
        voor = rijen.count()
        pagina.locator(klik).first.click()
        expect(rijen).to_have_count(voor + 1)  # the script has added its row
    gevonden = pagina.evaluate("window.__csp") + console
    pagina.close()
    return gevonden


def test_no_page_breaks_the_content_security_policy(chromium, live_server, gegevens):
    sessie = Client()
    sessie.force_login(gegevens["beheerder"])
    context = chromium.new_context(locale="nl-NL")  # the policy enforced, not bypassed
    context.add_init_script(MELDER)
    overtredingen = {}
    for pad in _openbaar(gegevens):
        if gevonden := _overtredingen(context, live_server.url + pad):
            overtredingen[pad] = gevonden
    context.add_cookies(
        [{"name": "sessionid", "value": sessie.cookies["sessionid"].value, "url": live_server.url}]
    )
    for pad in _beheer(gegevens):
        if gevonden := _overtredingen(context, live_server.url + pad):
            overtredingen[pad] = gevonden
    wijzig = f"/admin/samenwerking/samenwerkingsverband/{gegevens['verband'].pk}/change/"
    if gevonden := _overtredingen(
        context, live_server.url + wijzig, klik=".inline-group .add-row a"
    ):
        overtredingen[f"{wijzig} (rij toevoegen)"] = gevonden
    context.close()
    assert overtredingen == {}, "\n".join(f"{p}: {v}" for p, v in overtredingen.items())
