"""The oplegger: one arrangement on one page for the raad of a gemeente."""

from decimal import Decimal

import pytest

from samenwerking.constants import JaarcijfersSoort
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_oplegger_for_a_gemeente(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    f.BijdrageFactory(deelname=ggd, jaar=2024, bedrag=Decimal("2300000"))
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url, {"peildatum": "2025-06-01"}).content.decode().split())
    assert "Oplegger voor de gemeenteraad van Zaanstad" in tekst
    assert "J. Olthof (wethouder), lid algemeen bestuur" in tekst
    assert '<th scope="row">2024</th><td class="getal">€ 2.300.000</td>' in tekst
    assert "+ € 200.001 (+8,7%)" in tekst
    assert "Loonkosten" in tekst
    anders = f.SamenwerkingsverbandFactory()
    niet = client.get(f"/gemeenten/GM0479/samenwerkingsverbanden/{anders.uuid}/oplegger/")
    assert niet.status_code == 404
    assert "Zaanstad neemt niet deel aan" in niet.content.decode()


def test_oplegger_says_why_the_change_in_begroot_is_unknown(client, zaanstad):
    """The unknown change in begroot says which year has no begroot bijdrage."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"

    def verschil(jaar):
        antwoord = client.get(url, {"jaar": jaar})
        assert antwoord.status_code == 200
        tekst = " ".join(antwoord.content.decode().split())
        return tekst.split("Verschil begroot: ")[1].split("</p>")[0]

    # The fixture records a begroot bijdrage of 2025 only.
    assert verschil(2025) == (
        'onbekend <span class="bijschrift">(geen begrote bijdrage vastgelegd voor 2024)</span>'
    )
    assert verschil(2026) == (
        'onbekend <span class="bijschrift">(geen begrote bijdrage vastgelegd voor 2026)</span>'
    )
    assert verschil(2030) == (
        'onbekend <span class="bijschrift">'
        "(geen begrote bijdrage vastgelegd voor 2029 en 2030)</span>"
    )
    f.BijdrageFactory(deelname=ggd, jaar=2024, bedrag=Decimal("2000000"))
    assert verschil(2025) == "+ € 500.001 (+25,0%)"  # begroot 2025: € 2.500.001


def test_oplegger_shows_the_figures_of_the_year_it_shows_the_bijdrage_of(client, zaanstad):
    """Beside the bijdrage of 2025 the oplegger shows the arrangement's figures of 2025, as
    the verbonden-partijen list of 2025 does, not those of a later begroting."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        jaar=2026,
        soort=JaarcijfersSoort.BEGROTING,
        eigen_vermogen_eind=Decimal("900000"),
        risicos="Rentestijging",
    )
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"

    def oplegger(jaar):
        return " ".join(client.get(url, {"jaar": jaar}).content.decode().split())

    tekst = oplegger(2025)
    assert "Begroting 2025</p>" in tekst
    assert "€ 1.100.000" in tekst and "Loonkosten" in tekst
    assert "Rentestijging" not in tekst
    assert "Begroting 2026</p>" in oplegger(2026)
    assert "Rentestijging" in oplegger(2027)  # no figures of 2027: the latest before it
    assert "Er zijn geen jaarcijfers van 2024 of eerder vastgelegd." in oplegger(2024)


def test_oplegger_shows_the_next_pc_moments(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url, {"peildatum": "2025-06-01"}).content.decode().split())
    sectie = tekst.split("Wanneer kan de raad iets vinden?")[1].split("</section>")[0]
    # The begroting 2026 must reach gedeputeerde staten before 1 August 2025 (Wgr art. 34
    # lid 2), not 15 September.
    assert '<time datetime="2025-07-31">31 juli 2025</time>' in sectie
    assert sectie.count("<li>") == 5
    rzm = zaanstad.deelnames.get(samenwerkingsverband__naam="Regeling leerlingenvervoer")
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{rzm.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url).content.decode().split())
    assert "Geen P&amp;C-termijnen: deze vorm heeft geen eigen begroting." in tekst
