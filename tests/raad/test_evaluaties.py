"""Evaluations: when the next one is due, overdue ones flagged, and the arrangement page."""

import datetime

import pytest

from raad.kalender import evaluatiestand, jaren_later
from samenwerking.constants import Vorm
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import BestuursvergaderingFactory, EvaluatieFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_years_later_keeps_the_day_and_moves_29_february_back():
    assert jaren_later(D(2021, 5, 1), 4) == D(2025, 5, 1)
    assert jaren_later(D(2020, 2, 29), 4) == D(2024, 2, 29)
    assert jaren_later(D(2020, 2, 29), 5) == D(2025, 2, 28)


@pytest.mark.parametrize(
    ("interval", "ingang", "sinds", "laatste", "volgende", "te_laat"),
    [
        # An evaluation after the rule took effect counts: 1 September 2022 + 2 years.
        (2, D(2015, 1, 1), None, D(2022, 9, 1), D(2024, 9, 1), True),
        (2, D(2015, 1, 1), None, D(2023, 6, 1), D(2025, 6, 1), False),  # due today: not late
        # In force since 2000, never evaluated: counted from 1 July 2022 (the Wgr's evaluation
        # rule), not from 2000 (which would have made it overdue since 2003).
        (3, D(2000, 1, 1), None, None, D(2025, 7, 1), False),
        (2, D(2000, 1, 1), None, None, D(2024, 7, 1), True),
        # An evaluation before the rule took effect does not start the count.
        (4, D(2015, 1, 1), None, D(2021, 5, 1), D(2026, 7, 1), False),
        # The regeling's own rule took effect on 1 January 2024.
        (4, D(2015, 1, 1), D(2024, 1, 1), D(2021, 5, 1), D(2028, 1, 1), False),
        (5, D(2023, 3, 1), None, None, D(2028, 3, 1), False),  # in force after 1 July 2022
        (None, D(2022, 1, 1), None, D(2021, 5, 1), None, False),  # no interval: unknown
    ],
)
def test_next_evaluation(interval, ingang, sinds, laatste, volgende, te_laat):
    verband = f.SamenwerkingsverbandFactory.build(
        evaluatie_interval_jaren=interval, ingangsdatum=ingang, evaluatiebepaling_sinds=sinds
    )
    stand = evaluatiestand(verband, laatste, vandaag=D(2025, 6, 1))
    assert (stand.volgende, stand.te_laat) == (volgende, te_laat)


def test_an_evaluation_rule_cannot_predate_the_wgr_2022(pc_regels):
    from django.core.exceptions import ValidationError

    from samenwerking.services import rij_opslaan

    verband = f.SamenwerkingsverbandFactory()
    verband.evaluatiebepaling_sinds = D(2022, 6, 30)
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=verband)
    assert fout.value.message_dict["evaluatiebepaling_sinds"] == [
        "Evaluatiebepaling geldt sinds: kan niet vóór 1 juli 2022 liggen, de dag waarop de Wgr "
        "de evaluatiebepaling invoerde."
    ]
    verband.refresh_from_db()
    assert verband.evaluatiebepaling_sinds is None  # nothing written
    verband.evaluatiebepaling_sinds = D(2022, 7, 1)
    rij_opslaan(rij=verband)
    verband.refresh_from_db()
    assert verband.evaluatiebepaling_sinds == D(2022, 7, 1)


PEIL = {"peildatum": "2025-06-01", "jaar": "2026"}


def test_arrangement_page_shows_pc_cycle_evaluations_and_the_wgr_checklist(client, pc_regels):
    verband = f.SamenwerkingsverbandFactory(
        naam="GGD Testregio",
        evaluatie_interval_jaren=2,
        wgr2022_evaluatie=True,
        ingangsdatum=D(2015, 1, 1),
        evaluatiebepaling_sinds=D(2023, 1, 1),
    )
    EvaluatieFactory(
        samenwerkingsverband=verband,
        datum=D(2023, 5, 1),
        document_url="https://example.org/evaluatie-2023.pdf",
    )
    EvaluatieFactory(samenwerkingsverband=verband, datum=D(2017, 3, 1), conclusie="Eerste.")
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026, datum=D(2025, 7, 3))
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL))
    assert '<a href="#kalender">Kalender</a>' in tekst
    kalender = tekst.split('id="kalender-kop"')[1].split("</section>")[0]
    assert "P&amp;C-termijnen van begrotingsjaar 2026" in kalender
    assert "Ontwerpbegroting naar de raden" in kalender
    assert '<time datetime="2025-04-10">10 april 2025</time>' in kalender
    assert "12 weken vóór de vaststelling op 3 juli 2025." in kalender
    assert "Vastgestelde jaarrekening naar gedeputeerde staten" in kalender
    assert "afgeleid" in kalender  # the jaarrekening's meeting is not recorded
    assert "elke 2 jaar" in kalender
    assert '<time datetime="2025-05-01">1 mei 2025</time> <span class="label label-te-laat">' in (
        kalender
    )
    assert '<a href="https://example.org/evaluatie-2023.pdf">1 mei 2023</a>' in kalender
    assert "1 maart 2017: Eerste." in kalender
    assert kalender.index("1 mei 2023") < kalender.index("1 maart 2017")  # newest first
    assert "bepaling geldt sinds 1 januari 2023" in tekst
    # The Wgr-2022 checklist is still there.
    assert "Wgr 2022: wat de regeling heeft geregeld" in tekst


def test_arrangement_without_a_budget_says_the_pc_cycle_does_not_apply(client, pc_regels):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.REGELING_ZONDER_MEER)
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL))
    assert "Een regeling zonder meer heeft geen eigen begroting" in tekst
    assert 'Volgende evaluatie uiterlijk</dt> <dd><span class="onbekend">onbekend' in tekst


@pytest.mark.parametrize("aantal", [1, 30])
def test_arrangement_page_query_count_with_evaluations(
    client, pc_regels, aantal, django_assert_num_queries
):
    verband = f.SamenwerkingsverbandFactory(evaluatie_interval_jaren=4, slug="met-evaluaties")
    f.BestuursorgaanFactory(samenwerkingsverband=verband)  # so that its seats are read too
    for i in range(aantal):
        EvaluatieFactory(samenwerkingsverband=verband, datum=D(1990 + i, 1, 1))
    BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026)
    # 1-11 the register's arrangement page with its nested arrangements and historical
    # mentions (see tests/raad/test_verbandpagina.py), 12 evaluaties, 13 vaststellingsvergaderingen
    # (meetings and P&C termijnen), 14 P&C rules, 15 overrides, 16-17 meetings and zienswijze
    # requests, 18 versions in the national register, 19 the bijdragen per inwoner (no
    # deelnemers, so no inwoners to read), 20 "laatst gewijzigd in regioreg" over the history
    # tables, 21-22 kaders and doelen (raad.sturing_selectors).
    with django_assert_num_queries(22):
        antwoord = client.get("/samenwerkingsverbanden/met-evaluaties/", PEIL)
    assert paginatekst(antwoord).count("De samenwerking werkt") == aantal
