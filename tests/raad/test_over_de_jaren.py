"""A gemeente's bijdragen over ten years: in total, per vorm and per domein, with the change
per year. Sums worked out by hand; a year without figures is onbekend, never € 0."""

import datetime
from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, JaarcijfersSoort, Vorm
from samenwerking.models import Domein, Gemeente
from samenwerking.selectors import bijdragen_over_de_jaren
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db
ONBEKEND = [None] * 7  # 2017..2023


@pytest.fixture
def zaanstad(referentiedata):
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    gezondheid = f.DomeinFactory(naam="Gezondheid")
    cultuur = f.DomeinFactory(naam="Cultuur")

    def deelname(vorm, domeinen=(), **kwargs):
        d = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__vorm=vorm, **kwargs)
        d.samenwerkingsverband.domeinen.add(*domeinen)
        return d

    ggd = deelname(Vorm.OPENBAAR_LICHAAM, [gezondheid])
    f.BijdrageFactory(deelname=ggd, jaar=2024, bedrag=Decimal("100"))
    f.BijdrageFactory(deelname=ggd, jaar=2025, bedrag=Decimal("110"))
    f.BijdrageFactory(
        deelname=ggd, jaar=2024, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("95")
    )
    f.BijdrageFactory(deelname=ggd, jaar=2015, bedrag=Decimal("999"))  # before the ten years
    stichting = deelname(Vorm.STICHTING, [cultuur, gezondheid])
    # Three subthema's of one hoofdthema: the bijdrage counts there once.
    milieu = [
        f.DomeinFactory(naam="natuur en milieu"),
        *(f.DomeinFactory(naam=f"natuur en milieu | {sub}") for sub in ("afval", "water")),
    ]
    omgevingsdienst = deelname(Vorm.OPENBAAR_LICHAAM, milieu)
    f.BijdrageFactory(deelname=omgevingsdienst, jaar=2025, bedrag=Decimal("20"))
    # Filed only under a subthema: its hoofdthema's row links the hoofdthema's page.
    f.DomeinFactory(naam="economie", code="economie-t")
    subthema = f.DomeinFactory(naam="economie | energie")
    energie = deelname(Vorm.BEDRIJFSVOERINGSORGANISATIE, [subthema])
    f.BijdrageFactory(deelname=energie, jaar=2025, bedrag=Decimal("5"))
    f.BijdrageFactory(deelname=stichting, jaar=2025, bedrag=Decimal("50"))
    rzm = deelname(Vorm.REGELING_ZONDER_MEER)
    f.BijdrageFactory(deelname=rzm, jaar=2016, bedrag=Decimal("10"))
    oud = deelname(Vorm.OPENBAAR_LICHAAM, samenwerkingsverband__alleen_historisch=True)
    f.BijdrageFactory(deelname=oud, jaar=2025, bedrag=Decimal("7"))  # a historical mention
    return gemeente


def test_ten_years_in_total_per_vorm_and_per_domein(zaanstad):
    reeks = bijdragen_over_de_jaren(zaanstad, tot_jaar=2025, soort=BijdrageSoort.BEGROOT)
    assert reeks.jaren == list(range(2016, 2026))
    assert reeks.totaal.bedragen == [Decimal("10"), *ONBEKEND, Decimal("100"), Decimal("185")]
    assert {r.naam: r.bedragen for r in reeks.per_vorm} == {
        "Bedrijfsvoeringsorganisatie": [None, *ONBEKEND, None, Decimal("5")],
        "Openbaar lichaam": [None, *ONBEKEND, Decimal("100"), Decimal("130")],
        "Regeling zonder meer": [Decimal("10"), *ONBEKEND, None, None],
        "Stichting": [None, *ONBEKEND, None, Decimal("50")],
    }
    # The stichting has two domeinen and counts in both.
    assert [(r.naam, r.bedragen[-2:]) for r in reeks.per_domein] == [
        ("Cultuur", [None, Decimal("50")]),
        ("economie", [None, Decimal("5")]),
        ("Gezondheid", [Decimal("100"), Decimal("160")]),
        # Per hoofdthema: the omgevingsdienst's 20 once, not once per subthema.
        ("natuur en milieu", [None, Decimal("20")]),
        ("Zonder domein", [None, None]),
    ]
    # Each domein's code for its page; the hoofdthema's also when only a subthema is filed.
    codes = dict(Domein.objects.values_list("naam", "code"))
    assert [r.code for r in reeks.per_domein] == [
        *(codes[n] for n in ("Cultuur", "economie", "Gezondheid", "natuur en milieu")),
        "",
    ]
    gerealiseerd = bijdragen_over_de_jaren(
        zaanstad, tot_jaar=2025, soort=BijdrageSoort.GEREALISEERD
    )
    assert gerealiseerd.totaal.bedragen[-2:] == [Decimal("95"), None]


def test_page_shows_chart_tables_and_changes(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"jaar": "2025"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Bijdragen van Zaanstad over de jaren" in tekst
    assert (
        '<th scope="row">2025</th><td class="getal">€ 185</td>'
        '<td class="getal">+ € 85 (+85,0%)</td>'
    ) in tekst
    # 2024 against an unknown 2023: the change is unknown too.
    assert (
        '<th scope="row">2024</th><td class="getal">€ 100</td><td class="getal">onbekend</td>'
        in (tekst)
    )
    assert "Per vorm van de regeling (begroot)" in tekst
    assert "Per domein (begroot)" in tekst
    assert "<title>€ 185</title>" in tekst
    # Each domein's row links the comparison of its regelingen in the year shown.
    assert '<th scope="row"><a href="/domeinen/economie-t/?jaar=2025">economie</a></th>' in tekst
    assert '<th scope="row">Zonder domein</th>' in tekst
    assert '<th scope="row">Openbaar lichaam</th>' in tekst
    assert 'aria-current="page">Over de jaren</a>' in tekst


def test_page_bad_input(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"soort": "geschat"})
    assert antwoord.status_code == 400
    # The refusal says what the page shows instead, and is tied to its field.
    tekst = paginatekst(antwoord)
    assert (
        '<p class="fout" role="alert" id="id_soort_fout">Bijdragen: kies begroot of '
        "gerealiseerd. Getoond: begroot.</p>"
    ) in tekst
    assert '<select name="soort" id="id_soort" aria-describedby="id_soort_fout"' in tekst


def test_a_refused_year_is_named_as_its_field_and_the_year_shown_is_said(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"jaar": "2024.0"})
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    dit_jaar = datetime.date.today().year
    assert '<label for="id_jaar">Tot en met jaar</label>' in tekst
    assert (
        '<p class="fout" role="alert" id="id_jaar_fout">Tot en met jaar: vul een jaartal in, '
        f"bijvoorbeeld 2025. Getoond: {dit_jaar}.</p>"
    ) in tekst
    assert 'value="2024.0" aria-describedby="id_jaar_hulp id_jaar_fout" aria-invalid="true"' in (
        tekst
    )
    antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"jaar": "2101"})
    assert "Tot en met jaar: moet 2100 of eerder zijn." in paginatekst(antwoord)


def test_a_bad_soort_keeps_the_chosen_jaar(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"soort": "geschat", "jaar": "2021"})
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    assert "Bijdragen: kies begroot of gerealiseerd." in tekst
    assert '<th scope="row">2021</th>' in tekst
    assert '<th scope="row">2022</th>' not in tekst


@pytest.mark.parametrize("aantal", [1, 20])
def test_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for i in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        # A subthema whose hoofdthema is on no regeling: its code is asked once.
        f.DomeinFactory(naam=f"thema {i}")
        d.samenwerkingsverband.domeinen.add(f.DomeinFactory(naam=f"thema {i} | sub"))
        f.BijdrageFactory(deelname=d, jaar=2016 + i % 10)
    # 1 gemeente with provincie, 2 the sums per regeling and year, 3 their domeinen, 4 the
    # hoofdthema's not among them (for their links).
    with django_assert_num_queries(4):
        antwoord = client.get("/gemeenten/GM0479/over-de-jaren/", {"jaar": "2025"})
    assert antwoord.status_code == 200
    assert f'<a href="/domeinen/{Domein.objects.get(naam=f"thema {aantal - 1}").code}/' in (
        paginatekst(antwoord)
    )


def test_arrangement_page_puts_begroting_beside_jaarrekening(client, referentiedata):
    verband = f.SamenwerkingsverbandFactory()
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2024,
        soort=JaarcijfersSoort.BEGROTING,
        lasten=Decimal("1000000"),
        baten=Decimal("1000000"),
        resultaat=Decimal("0"),
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2024,
        soort=JaarcijfersSoort.JAARREKENING,
        lasten=Decimal("1100000"),
        baten=Decimal("1050000"),
        resultaat=Decimal("-50000"),
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2025,
        soort=JaarcijfersSoort.BEGROTING,
        lasten=Decimal("1200000"),
        resultaat=Decimal("10000"),
    )
    antwoord = client.get(f"/samenwerkingsverbanden/{verband.slug}/", {"jaar": "2025"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    # 2024: lasten 1.100.000 against 1.000.000 budgeted: + € 100.000 (+10,0%).
    assert (
        '<th scope="row">2024</th> <td class="getal">€ 1.000.000</td> '
        '<td class="getal">€ 1.100.000</td> <td class="getal">+ € 100.000 (+10,0%)</td> '
        '<td class="getal">€ 1.000.000</td> <td class="getal">€ 1.050.000</td> '
        '<td class="getal">€ 0</td> <td class="getal">−€ 50.000</td>'
    ) in tekst
    # 2025: no jaarrekening yet, so that and the difference are onbekend.
    assert (
        '<th scope="row">2025</th> <td class="getal">€ 1.200.000</td> '
        '<td class="getal">onbekend</td> <td class="getal">onbekend</td>'
    ) in tekst
    assert "Resultaat per jaar: begroting en jaarrekening (ook in de tabel)" in tekst
