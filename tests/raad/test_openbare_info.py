"""The site's own pages for every visitor: the start page counts only what runs and only the
forms that occur; the bronnen page names each source with the date read from the data; the
toegankelijkheidsverklaring and the footer that links them; Dutch error pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerking.constants import BRON_ROO, Vorm
from samenwerking.models import Bronimport, Domein, Gemeente
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


def _tekst(antwoord) -> str:
    return antwoord.content.decode().replace("> <", "><")


def test_start_page_lists_only_the_forms_that_occur(client, referentiedata):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM)
    f.SamenwerkingsverbandFactory(  # ended
        vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE, einddatum=D(2020, 1, 1)
    )
    antwoord = client.get(reverse("raad:start"))
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert '<th scope="row">Openbaar lichaam</th>' in tekst
    # No row of 0: the ended bedrijfsvoeringsorganisatie and forms nobody uses are not listed.
    assert "Centrumgemeente" not in tekst
    assert "Bedrijfsvoeringsorganisatie" not in tekst
    assert "<strong>1</strong> lopende samenwerkingsverbanden" in tekst


def test_bronnen_page_names_each_source_with_its_date(client, referentiedata):
    Bronimport.objects.create(bron="ROO", stand=timezone.make_aware(datetime.datetime(2026, 5, 19)))
    f.SamenwerkingsverbandFactory.create_batch(2, bron=f"{BRON_ROO} 2026-05-19")
    f.SamenwerkingsverbandFactory(bron="")
    antwoord = client.get(reverse("raad:bronnen"))
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert "Landelijk register (Register van Overheidsorganisaties)" in tekst
    assert "Stand van de export 19 mei 2026" in tekst
    # The CBS tables' date is the last herindeling in fixtures/herindelingen.csv.
    assert "Laatste herindeling 1 januari 2023" in tekst
    assert "OpenGR (Open State Foundation)" in tekst and "niet ingelezen" in tekst
    assert '<td class="getal">2</td>' in tekst  # from the national register
    assert "Laatst gewijzigd " in tekst  # the one entered by hand


def test_footer_links_sources_accessibility_contact_and_api(client, referentiedata):
    tekst = _tekst(client.get(reverse("raad:start")))
    for adres in ("/bronnen/", "/toegankelijkheid/", "/toegankelijkheid/#contact", "/api/v1/docs/"):
        assert f'href="{adres}"' in tekst, adres
    assert 'rel="icon" href="/static/favicon' in tekst


def test_accessibility_statement_is_honest_and_names_contact(client, settings):
    settings.CONTACT_EMAIL = ""
    tekst = _tekst(client.get(reverse("raad:toegankelijkheid")))
    assert "Status: voldoet gedeeltelijk" in tekst
    assert "Niet getest: 320 pixels" in tekst
    assert "nog geen contactadres" in tekst
    settings.CONTACT_EMAIL = "register@example.nl"
    tekst = _tekst(client.get(reverse("raad:toegankelijkheid")))
    assert 'href="mailto:register@example.nl"' in tekst


def test_error_pages_are_dutch(client, referentiedata):
    antwoord = client.get("/bestaat-niet/")
    assert antwoord.status_code == 404
    assert '<html lang="nl"' in antwoord.content.decode()
    assert "Niet gevonden" in antwoord.content.decode()


@pytest.mark.parametrize("aantal", [1, 20])
def test_browse_gemeenten_by_provincie_and_regelingen_by_domein(
    client, referentiedata, aantal, django_assert_num_queries
):
    veiligheid = Domein.objects.create(code="proef-veiligheid", naam="Proefdomein veiligheid")
    verbanden = f.SamenwerkingsverbandFactory.create_batch(aantal)
    for verband in verbanden:
        verband.domeinen.add(veiligheid)
    gestopt = f.SamenwerkingsverbandFactory(naam="Opgeheven schap", einddatum=D(2020, 1, 1))
    gestopt.domeinen.add(veiligheid)
    f.SamenwerkingsverbandFactory.create_batch(aantal, naam="Schap zonder domein")
    f.SamenwerkingsverbandFactory(naam="Gestopt zonder domein", einddatum=D(2020, 1, 1))
    # 1 gemeenten with their provincie, 2 domeinen, 3 their running arrangements, 4 the
    # running arrangements without a domein.
    with django_assert_num_queries(4):
        antwoord = client.get(reverse("raad:bladeren"))
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert "Noord-Holland <span" in tekst
    assert f'<a href="{reverse("raad:gemeente", args=["GM0363"])}">Amsterdam</a>' in tekst
    assert "Proefdomein veiligheid <span" in tekst
    assert f"({aantal} samenwerkingsverband" in tekst
    assert "Opgeheven schap" not in tekst
    # Those without a domein (half of the register's) are reachable too, under their own head.
    zonder = tekst[tekst.index("<summary>Zonder domein") :]
    assert zonder.startswith(
        f'<summary>Zonder domein <span class="bijschrift">({aantal} samenwerkingsverband'
    )
    assert zonder.count(">Schap zonder domein</a></li>") == aantal
    assert "Gestopt zonder domein" not in tekst
    # Each domein leads to its comparison, which was reachable only from a verband's page.
    assert (
        '<p><a href="/domeinen/proef-veiligheid/">Kosten per inwoner vergeleken: Proefdomein '
        "veiligheid</a></p>"
    ) in tekst


def test_browse_groups_the_subthemas_under_their_hoofdthema(client, referentiedata):
    """The national register files most regelingen under a subthema ("natuur en milieu |
    afval"); the page listed 68 beleidsterreinen flat, a hoofdthema with only what was filed
    under it directly. Now each hoofdthema counts its subthema's too, each verband once."""
    hoofd = Domein.objects.create(code="proef-natuur", naam="natuur en milieu")
    afval = Domein.objects.create(code="proef-afval", naam="natuur en milieu | afval")
    water = Domein.objects.create(code="proef-water", naam="natuur en milieu | water")
    Domein.objects.create(code="proef-bodem", naam="natuur en milieu | bodem")  # nothing running
    # Sorts between the hoofdthema and its subthema's under a collation ignoring punctuation.
    naast = Domein.objects.create(code="proef-naast", naam="natuur en milieuzaken")
    alleen_sub = Domein.objects.create(code="proef-europa", naam="internationaal | Europese zaken")
    omgevingsdienst = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst")
    omgevingsdienst.domeinen.add(hoofd, afval, water)
    f.SamenwerkingsverbandFactory(naam="Afvalschap").domeinen.add(afval)
    f.SamenwerkingsverbandFactory(naam="Milieuzakenschap").domeinen.add(naast)
    f.SamenwerkingsverbandFactory(naam="Euregio").domeinen.add(alleen_sub)

    antwoord = client.get(reverse("raad:bladeren"))
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "natuur en milieu <span" in tekst
    assert "(2 samenwerkingsverbanden)</span></summary>" in tekst  # not 4: each once
    # What is filed under the hoofdthema itself, then each subthema by its own name.
    assert "<h3>Onder natuur en milieu zelf <span" in tekst
    assert "<h3>afval <span" in tekst and "<h3>water <span" in tekst
    assert "<h3>bodem" not in tekst
    assert "natuur en milieu | afval <span" not in tekst
    assert (
        '<a href="/domeinen/proef-natuur/">Kosten per inwoner vergeleken: natuur en milieu, met de '
        "subthema's</a>"
    ) in tekst
    assert (
        '<a href="/domeinen/proef-afval/">Kosten per inwoner vergeleken: natuur en milieu | '
        "afval</a>"
    ) in tekst
    # A domein whose name only begins like the hoofdthema's is a theme of its own.
    assert "natuur en milieuzaken <span" in tekst
    assert tekst.index("<h3>water") < tekst.index("natuur en milieuzaken <span")
    # A subthema whose hoofdthema the register does not have: the theme without a link.
    assert "internationaal <span" in tekst
    assert "<h3>Europese zaken <span" in tekst
    assert 'href="/domeinen/proef-europa/"' in tekst
    assert "Kosten per inwoner vergeleken: internationaal<" not in tekst
    assert "Kosten per inwoner vergeleken: internationaal," not in tekst
