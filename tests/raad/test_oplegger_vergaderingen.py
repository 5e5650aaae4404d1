"""The oplegger lists the coming meetings of the regeling and when the raad must decide.

A GGD with Zaanstad taking part since 2015. Today is 1 May 2025. Meetings: a dagelijks bestuur
on 10 April (past: not listed), an algemeen bestuur that adopts the begroting 2026 on 3 July
(entered as vaststellingsvergadering), a dagelijks bestuur on 12 June, a regionale raadsavond on
18 September and a verantwoordingsbijeenkomst on 26 June. Two open zienswijzen of Zaanstad:
the ontwerpbegroting 2026 (received 1 March, deadline 24 May; raadsvergaderingen 17 April and
24 April → 24 April) and a regeling change (received 25 April, deadline 15 June; no
raadsvergadering in between, one on 3 July → plan an extra meeting or ask for more time).
"""

import datetime

import pytest

from raad import services
from raad.constants import Vaststelling, VergaderingSoort
from raad.models import Bestuursvergadering, Raadsvergadering, Vergadering
from samenwerking.models import Gemeente
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import ZienswijzeverzoekFactory

pytestmark = pytest.mark.django_db

D = datetime.date
VANDAAG = D(2025, 5, 1)


def _url(verband) -> str:
    return f"/gemeenten/GM0479/samenwerkingsverbanden/{verband.uuid}/oplegger/"


def _sectie(antwoord) -> str:
    tekst = paginatekst(antwoord)
    begin = tekst.index('<h2 id="vergaderingen-kop">')
    return tekst[begin : tekst.index("</section>", begin)]


@pytest.fixture
def ggd(referentiedata, op_dag):
    op_dag(VANDAAG)
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    verband = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland", afkorting="GGD ZW")
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=zaanstad)
    return verband


def _vergaderingen(ggd):
    for soort, datum, agenda in (
        (VergaderingSoort.DAGELIJKS_BESTUUR, D(2025, 4, 10), ""),
        (VergaderingSoort.DAGELIJKS_BESTUUR, D(2025, 6, 12), ""),
        (VergaderingSoort.VERANTWOORDING, D(2025, 6, 26), "https://ggd.example/verantwoording"),
        (VergaderingSoort.RAADSAVOND, D(2025, 9, 18), ""),
    ):
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=ggd, soort=soort, datum=datum, agenda_url=agenda
            )
        )
    rij_opslaan(
        rij=Bestuursvergadering(
            samenwerkingsverband=ggd,
            vaststelling=Vaststelling.BEGROTING,
            jaar=2026,
            datum=D(2025, 7, 3),
        )
    )


def _zienswijzen(ggd):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    for onderwerp, ontvangen, uiterst in (
        ("Ontwerpbegroting 2026", D(2025, 3, 1), D(2025, 5, 24)),
        ("Wijziging regeling", D(2025, 4, 25), D(2025, 6, 15)),
    ):
        services.zienswijzen_klaarzetten(
            zienswijzeverzoek=ZienswijzeverzoekFactory(
                samenwerkingsverband=ggd,
                onderwerp=onderwerp,
                ontvangen_op=ontvangen,
                uiterste_datum=uiterst,
            )
        )
    for datum in (D(2025, 4, 17), D(2025, 4, 24), D(2025, 7, 3)):
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(gemeente=zaanstad, datum=datum)
        )


def test_oplegger_lists_the_coming_meetings_and_the_raads_decision_date(client, ggd):
    _vergaderingen(ggd)
    _zienswijzen(ggd)
    antwoord = client.get(_url(ggd))
    assert antwoord.status_code == 200
    sectie = _sectie(antwoord)
    assert "10 april 2025" not in sectie  # past
    punten = [
        "12 juni 2025</time>: Vergadering dagelijks bestuur",
        "26 juni 2025</time>: Verantwoordingsbijeenkomst voor de raden · "
        '<a href="https://ggd.example/verantwoording">agenda</a>',
        "3 juli 2025</time>: Vergadering algemeen bestuur (Vaststelling van de begroting 2026)",
        "18 september 2025</time>: Regionale raadsavond",
    ]
    plaatsen = [sectie.index(punt) for punt in punten]
    assert plaatsen == sorted(plaatsen)
    assert "Besluit van de raad van Zaanstad" in sectie
    assert (
        "Zienswijze op Ontwerpbegroting 2026 (uiterlijk 24 mei 2025): "
        '<time datetime="2025-04-24">Raadsvergadering van 24 april 2025 (de laatste vóór de '
        "termijn)</time>" in sectie
    )
    assert (
        "Zienswijze op Wijziging regeling (uiterlijk 15 juni 2025): <strong>Geen "
        "raadsvergadering vóór de termijn — plan een extra vergadering of vraag uitstel."
        "</strong>" in sectie
    )


def test_oplegger_without_meetings_says_so(client, ggd):
    sectie = _sectie(client.get(_url(ggd)))
    assert "Geen komende vergaderingen van dit verband vastgelegd." in sectie
    assert "Besluit van de raad" not in sectie


def test_a_decided_zienswijze_has_no_decision_date_in_the_oplegger(client, ggd):
    _zienswijzen(ggd)
    zienswijze = ggd.zienswijzeverzoeken.get(onderwerp="Ontwerpbegroting 2026").zienswijzen.get()
    services.zienswijze_status_wijzigen(
        zienswijze=zienswijze, status="ingediend", raadsbesluit_datum=D(2025, 4, 17)
    )
    sectie = _sectie(client.get(_url(ggd)))
    assert "Ontwerpbegroting 2026" not in sectie
    assert "Zienswijze op Wijziging regeling" in sectie


def _termijnen(antwoord) -> list[str]:
    tekst = paginatekst(antwoord)
    begin = tekst.index('<h2 id="pc-kop">')
    return [
        li.split("</li>")[0] for li in tekst[begin : tekst.index("</ul>", begin)].split("<li>")[1:]
    ]


def test_oplegger_lists_this_years_jaarrekening_of_last_year(client, ggd):
    """The termijnen of the begrotingsjaar before the peildatum's were left out, so the
    jaarrekening due this year (voorlopige to the raden before 15 April, vastgestelde to
    gedeputeerde staten before 15 July) was missing from "Wanneer kan de raad iets vinden?"."""
    assert _termijnen(client.get(_url(ggd))) == [
        '<time datetime="2025-05-08">8 mei 2025</time>: Ontwerpbegroting naar de raden '
        '(begrotingsjaar 2026) <span class="bijschrift">(uiterste wettelijke datum)</span>',
        '<time datetime="2025-07-14">14 juli 2025</time>: Vastgestelde jaarrekening naar '
        "gedeputeerde staten (begrotingsjaar 2024) "
        '<span class="bijschrift">(uiterste wettelijke datum)</span>',
        '<time datetime="2025-07-31">31 juli 2025</time>: Vastgestelde begroting naar '
        "gedeputeerde staten (begrotingsjaar 2026) "
        '<span class="bijschrift">(uiterste wettelijke datum)</span>',
        '<time datetime="2026-01-30">30 januari 2026</time>: Algemene financiële en '
        "beleidsmatige kaders naar de raden (begrotingsjaar 2027)",
        '<time datetime="2026-04-14">14 april 2026</time>: Voorlopige jaarrekening naar de '
        "raden (begrotingsjaar 2025)",
    ]
    winter = _termijnen(client.get(_url(ggd), {"peildatum": "2025-02-01"}))
    assert winter[0].startswith(
        '<time datetime="2025-04-14">14 april 2025</time>: Voorlopige jaarrekening naar de '
        "raden (begrotingsjaar 2024)"
    )


def test_oplegger_of_a_regeling_the_gemeente_left_says_so_and_lists_no_later_termijnen(
    client, referentiedata, op_dag
):
    """The oplegger of a regeling Zaanstad left showed "Namens Zaanstad" and P&C termijnen
    years after it left, which its calendar (rightly) does not list."""
    op_dag(VANDAAG)
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    oud = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Afvalschap",
        uittredingsdatum=D(2025, 1, 1),
    ).samenwerkingsverband
    antwoord = client.get(_url(oud))
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert (
        "Zaanstad neemt op 1 mei 2025 niet deel aan dit samenwerkingsverband. Deelname: "
        "1 januari 2015 – 1 januari 2025. Kies een peildatum binnen de deelname"
    ) in tekst
    assert "Geen komende P&amp;C-termijnen waarin Zaanstad deelneemt." in tekst
    # The list of deelnemers says its moment: on the peildatum the regeling had none.
    assert '<h2 id="wie-kop">Deelnemers op 1 mei 2025</h2>' in tekst
    assert "<li>geen op deze peildatum</li>" in tekst and "geen vastgelegd" not in tekst
    # Before the regeling itself began (a deelname recorded from earlier): that is said.
    oud.ingangsdatum = D(2016, 1, 1)
    oud.save()
    tekst = paginatekst(client.get(_url(oud), {"peildatum": "2015-06-01"}))
    assert (
        "Zaanstad neemt op 1 juni 2015 niet deel aan dit samenwerkingsverband. Deelname: "
        "1 januari 2015 – 1 januari 2025. Het verband bestaat sinds 1 januari 2016."
    ) in tekst
    # Leaving on 1 August: the termijnen up to then, as in the calendar.
    later = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Recreatieschap",
        uittredingsdatum=D(2025, 8, 1),
    ).samenwerkingsverband
    tekst = paginatekst(client.get(_url(later)))
    assert "niet deel aan dit samenwerkingsverband" not in tekst
    assert [t.split('datetime="')[1][:10] for t in _termijnen(client.get(_url(later)))] == [
        "2025-05-08",
        "2025-07-14",
        "2025-07-31",
    ]


def test_oplegger_links_back_with_the_chosen_moment(client, ggd):
    tekst = paginatekst(client.get(_url(ggd), {"peildatum": "2024-03-01", "jaar": 2023}))
    assert '<a href="/gemeenten/GM0479/?peildatum=2024-03-01&amp;jaar=2023">Zaanstad</a>' in tekst
    assert f"/samenwerkingsverbanden/{ggd.slug}/?gemeente=GM0479&amp;peildatum=2024-03-01" in tekst


@pytest.mark.parametrize("aantal", [1, 6])
def test_oplegger_query_count_with_meetings_and_zienswijzen(
    client, ggd, aantal, django_assert_num_queries
):
    for i in range(aantal):
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=ggd,
                soort=VergaderingSoort.RAADSAVOND,
                datum=D(2025, 9, 1 + i),
            )
        )
        services.zienswijzen_klaarzetten(
            zienswijzeverzoek=ZienswijzeverzoekFactory(
                samenwerkingsverband=ggd,
                onderwerp=f"Verzoek {i}",
                ontvangen_op=D(2025, 4, 1),
                uiterste_datum=D(2025, 6, 1 + i),
            )
        )
    # The count of test_sturing's oplegger test (27, with this raad's open zienswijzen and
    # the calendar's vaststellingsvergaderingen), less the doelen's indicators and values:
    # without doelen they are not read.
    with django_assert_num_queries(25):
        antwoord = client.get(_url(ggd))
    sectie = _sectie(antwoord)
    assert sectie.count("Regionale raadsavond") == aantal
    assert sectie.count("Zienswijze op Verzoek") == aantal
