"""Costs per inwoner side by side: every deelnemende gemeente's bijdrage per own inwoner in a
regeling (arrangement page and API) and a gemeente's figure beside the median of the others
(gemeente page). Medians and spreads worked out by hand; unknown never counts as 0."""

import datetime
import re
from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, Vorm
from samenwerking.models import Gemeente
from samenwerking.selectors import kosten_per_deelnemer, per_inwoner_naast_anderen, spreiding
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db

PEIL = {"peildatum": "2025-06-01", "jaar": "2025"}


@pytest.fixture
def ggd(referentiedata):
    """A GGD in 2025. Begroot per inwoner: Zaanstad 3.200.000 / 160.000 = 20,00; Purmerend
    1.500.000 / 100.000 = 15,00; Edam-Volendam 1.000.000 / 40.000 = 25,00; Oostzaan
    120.000 / 10.000 = 12,00; Landsmeer has no inwonertal and Wormerland no bijdrage (both
    onbekend). Gerealiseerd only Zaanstad: 3.000.000 / 160.000 = 18,75."""
    verband = f.SamenwerkingsverbandFactory(
        naam="GGD Zaanstreek-Waterland", vorm=Vorm.OPENBAAR_LICHAAM
    )
    cijfers = [
        ("GM0479", 160000, "3200000", Decimal("40")),
        ("GM0439", 100000, "1500000", Decimal("25")),
        ("GM0385", 40000, "1000000", None),
        ("GM0431", 10000, "120000", None),
        ("GM0415", None, "50000", None),
        ("GM0880", 16000, None, None),
    ]
    for code, inwoners, bedrag, sleutel in cijfers:
        gemeente = Gemeente.objects.get(cbs_code=code)
        d = f.DeelnameFactory(
            samenwerkingsverband=verband, gemeente=gemeente, verdeelsleutel=sleutel
        )
        if inwoners:
            f.InwonertalFactory(gemeente=gemeente, jaar=2025, aantal=inwoners)
        if bedrag:
            f.BijdrageFactory(deelname=d, jaar=2025, bedrag=Decimal(bedrag))
        if code == "GM0479":
            f.BijdrageFactory(
                deelname=d, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("3000000")
            )
    # Not counted: an organisatie (no inwoners) and a gemeente that left before 2025.
    f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=None, organisatie=f.OrganisatieFactory()
    )
    weg = f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=Gemeente.objects.get(cbs_code="GM0405"),
        uittredingsdatum=datetime.date(2025, 1, 1),
    )
    f.BijdrageFactory(deelname=weg, jaar=2025, bedrag=Decimal("999999"))
    return verband


def test_per_inwoner_and_spread_by_hand(ggd):
    rijen = kosten_per_deelnemer([ggd.pk], jaar=2025)[ggd.pk]
    assert [(r.naam, r.begroot_per_inwoner) for r in rijen] == [
        ("Edam-Volendam", Decimal("25.00")),
        ("Landsmeer", None),
        ("Oostzaan", Decimal("12.00")),
        ("Purmerend", Decimal("15.00")),
        ("Wormerland", None),
        ("Zaanstad", Decimal("20.00")),
    ]
    begroot = spreiding(r.begroot_per_inwoner for r in rijen)
    # 12, 15, 20, 25: median (15 + 20) / 2.
    assert begroot == spreiding(
        [Decimal("12"), Decimal("15"), Decimal("20"), Decimal("25"), None, None]
    )
    assert (begroot.laagste, begroot.mediaan, begroot.hoogste) == (
        Decimal("12.00"),
        Decimal("17.50"),
        Decimal("25.00"),
    )
    assert (begroot.met_cijfers, begroot.aantal) == (4, 6)
    gerealiseerd = spreiding(r.gerealiseerd_per_inwoner for r in rijen)
    assert (gerealiseerd.mediaan, gerealiseerd.met_cijfers) == (Decimal("18.75"), 1)


def test_a_gemeente_beside_the_median_of_the_others(ggd):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    naast = per_inwoner_naast_anderen(zaanstad.pk, [ggd.pk], jaar=2025)[ggd.pk]
    assert naast.eigen_per_inwoner == Decimal("20.00")
    # The others: 12, 15, 25 (Landsmeer, Wormerland onbekend): median 15.
    assert (naast.anderen.mediaan, naast.anderen.met_cijfers, naast.anderen.aantal) == (
        Decimal("15.00"),
        3,
        5,
    )


def test_arrangement_page_shows_the_table_chart_and_spread(client, ggd):
    antwoord = client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Kosten per inwoner in 2025, naast elkaar" in tekst
    assert "4 van 6 gemeenten hebben een begrote bijdrage én een inwonertal" in tekst
    assert "laagste € 12,00, mediaan € 17,50, hoogste € 25,00 (over 4 gemeenten)" in tekst
    # Zaanstad's row: verdeelsleutel, inwoners, begroot, per inwoner, gerealiseerd, per inwoner.
    assert (
        '<td class="getal">40%</td> <td class="getal">160.000</td> <td class="getal">€ 3.200.000'
        '</td> <td class="getal">€ 20,00</td> <td class="getal">€ 3.000.000</td> '
        '<td class="getal">€ 18,75</td>'
    ) in tekst
    # Each gemeente's page opens on the same year, with the same figure beside the others.
    assert '<a href="/gemeenten/GM0479/?jaar=2025">Zaanstad</a>' in tekst
    # Landsmeer: no inwonertal, so no figure per inwoner.
    assert (
        'Landsmeer</a></th> <td class="getal">onbekend</td> <td class="getal">onbekend</td> '
        '<td class="getal">€ 50.000</td> <td class="getal">onbekend</td>'
    ) in tekst
    # The chart, with the figures in cents and a pointer to the table.
    assert "Bijdrage per inwoner per gemeente in 2025 (ook in de tabel hieronder)" in tekst
    assert "<title>€ 25,00</title>" in tekst
    # Gerealiseerd: only Zaanstad, so a spread over one gemeente.
    assert "laagste € 18,75, mediaan € 18,75, hoogste € 18,75 (over 1 gemeente)" in tekst
    # No bijdragen at all in 2026: said once, not "laagste onbekend, … (over 0 gemeenten)".
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", {"jaar": "2026"}))
    assert "(over 0 gemeenten)" not in tekst
    assert "onbekend: geen gemeente heeft hier een bijdrage én een inwonertal" in tekst


def test_arrangement_page_count_agrees_with_its_number(client, referentiedata):
    deelname = f.DeelnameFactory(
        samenwerkingsverband__naam="Eigen bedrijf Zaanstad",
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
    )
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("1000"))
    f.InwonertalFactory(gemeente=deelname.gemeente, jaar=2025, aantal=160000)
    adres = f"/samenwerkingsverbanden/{deelname.samenwerkingsverband.slug}/"
    tekst = paginatekst(client.get(adres, PEIL))
    assert "1 van 1 gemeenten heeft een begrote bijdrage én een inwonertal;" in tekst


def test_arrangement_page_says_which_moment_each_table_shows(client, ggd):
    # Hoorn left on 1 January 2025: a row of the Deelnemers table (all periods, marked on
    # the peildatum) but not of the table per inwoner (the gemeenten of the year).
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    assert (
        "<caption>Deelnemers met hun periode, verdeelsleutel en bijdrage 2025: alle "
        "deelnemers, ook wie op de peildatum (1 juni 2025) niet deelneemt</caption>"
    ) in tekst
    assert (
        "<caption>Bijdrage per inwoner per gemeente in 2025: elke gemeente met een deelname "
        "in 2025 (ook maar één dag), los van de peildatum</caption>"
    ) in tekst


def test_each_chart_names_its_table_once_to_a_screen_reader(client, ggd):
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    labels = re.findall(r'role="img" aria-label="([^"]*)"', tekst)
    assert labels and all(label.count("in de tabel") == 1 for label in labels), labels
    assert "dezelfde cijfers staan in de tabel" not in tekst


def test_gemeente_page_shows_its_figure_beside_the_others(client, ggd):
    ggd.slug = "ggd-zw"
    ggd.save(update_fields=["slug"])
    antwoord = client.get("/gemeenten/GM0479/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Per inwoner naast de andere deelnemers (2025)" in tekst
    assert (
        'GGD Zaanstreek-Waterland</a></th> <td class="getal">€ 20,00</td> '
        '<td class="getal">€ 15,00</td> <td class="getal">€ 12,00 – € 25,00</td> '
        '<td class="getal">3 van 5</td>'
    ) in tekst
    # The link goes straight to the readable address, keeping the gemeente and the moment.
    assert (
        '<a href="/samenwerkingsverbanden/ggd-zw/?gemeente=GM0479&amp;peildatum=2025-06-01'
        '&amp;jaar=2025#per-inwoner">GGD Zaanstreek-Waterland</a>'
    ) in tekst


def test_gemeente_page_says_when_there_are_no_others_to_compare(client, referentiedata):
    # Zaanstad alone in a regeling: no "0 van 0", but what it means.
    eigen = f.DeelnameFactory(
        samenwerkingsverband__naam="Eigen bedrijf Zaanstad",
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
    )
    f.BijdrageFactory(deelname=eigen, jaar=2025, bedrag=Decimal("1000"))
    antwoord = client.get("/gemeenten/GM0479/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    rij = tekst[tekst.index("Per inwoner naast de andere deelnemers") :]
    rij = rij[rij.index("Eigen bedrijf Zaanstad</a></th>") :].split("</tr>")[0]
    assert "geen andere deelnemers" in rij
    assert "0 van 0" not in rij


def test_api_gives_the_same_figures(client, ggd):
    antwoord = client.get(
        f"/api/v1/samenwerkingsverbanden/{ggd.uuid}/kosten-per-inwoner", {"jaar": 2025}
    )
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["jaar"] == 2025
    zaanstad = next(d for d in data["deelnemers"] if d["cbsCode"] == "GM0479")
    assert zaanstad == {
        "cbsCode": "GM0479",
        "naam": "Zaanstad",
        "verdeelsleutel": "40.0000",
        "inwoners": 160000,
        "bijdrageBegroot": "3200000.00",
        "bijdrageGerealiseerd": "3000000.00",
        "begrootPerInwoner": "20.00",
        "gerealiseerdPerInwoner": "18.75",
    }
    assert data["spreiding"]["begrootPerInwoner"] == {
        "laagste": "12.00",
        "mediaan": "17.50",
        "hoogste": "25.00",
        "metCijfers": 4,
        "aantal": 6,
    }
    fout = client.get(
        f"/api/v1/samenwerkingsverbanden/{ggd.uuid}/kosten-per-inwoner", {"jaar": "x"}
    )
    assert fout.status_code == 400
    leeg = client.get(
        "/api/v1/samenwerkingsverbanden/00000000-0000-0000-0000-000000000000/kosten-per-inwoner"
    )
    assert leeg.status_code == 404


def test_api_keeps_every_decimal_of_the_verdeelsleutel(client, ggd):
    ggd.deelnames.filter(gemeente__cbs_code="GM0439").update(verdeelsleutel=Decimal("33.3333"))
    antwoord = client.get(
        f"/api/v1/samenwerkingsverbanden/{ggd.uuid}/kosten-per-inwoner", {"jaar": 2025}
    )
    assert antwoord.status_code == 200
    sleutels = {d["cbsCode"]: d["verdeelsleutel"] for d in antwoord.json()["deelnemers"]}
    assert (sleutels["GM0439"], sleutels["GM0479"], sleutels["GM0385"]) == (
        "33.3333",
        "40.0000",
        None,
    )


@pytest.mark.parametrize("aantal", [1, 30])
def test_api_query_count(client, referentiedata, aantal, django_assert_num_queries):
    verband = f.SamenwerkingsverbandFactory()
    for gemeente in Gemeente.objects.order_by("cbs_code")[:aantal]:
        d = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        f.BijdrageFactory(deelname=d, jaar=2025)
        f.InwonertalFactory(gemeente=gemeente, jaar=2025)
    # 1 the arrangement, 2 deelnames with their bijdragen summed per gemeente and inwoners.
    with django_assert_num_queries(2):
        antwoord = client.get(
            f"/api/v1/samenwerkingsverbanden/{verband.uuid}/kosten-per-inwoner", {"jaar": 2025}
        )
    assert len(antwoord.json()["deelnemers"]) == aantal
