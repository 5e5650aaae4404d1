"""A gemeente's pages as server-rendered HTML: the overview, the art. 27 register and the
partners; errors, the chosen moment across the tabs, query counts."""

import datetime
import re
from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, Vorm
from samenwerking.models import Domein, Gemeente
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.paginahulp import PEIL
from tests.raad.paginahulp import verband_met_alles as _verband_met_alles

pytestmark = pytest.mark.django_db

D = datetime.date


def test_gemeente_page_lists_arrangements_representatives_and_costs(client, zaanstad):
    _verband_met_alles(zaanstad, "Veiligheidsregio Zaanstreek-Waterland", "1234567.89")
    f.BijdrageFactory(
        deelname=_verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "500000"),
        jaar=2025,
        soort=BijdrageSoort.GEREALISEERD,
        bedrag=Decimal("480000"),
    )
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    assert "<h1>Gemeente Zaanstad</h1>" in tekst
    assert "2 samenwerkingsverbanden op 1 juni 2025" in tekst
    assert "Veiligheidsregio Zaanstreek-Waterland</a>" in tekst
    assert 'M. Moussa <span class="bijschrift">(wethouder, lid algemeen bestuur)</span>' in tekst
    assert "€ 1.234.568" in tekst  # rounded to whole euros
    assert "<dd>€ 1.734.568</dd>" in tekst  # total begroot
    assert "onbekend" in tekst  # gerealiseerd of the veiligheidsregio: not 0
    # The total says what it leaves out, as the subtotals do (it said nothing).
    assert (
        "<dt>Bijdragen 2025 gerealiseerd</dt><dd>€ 480.000 "
        '<span class="bijschrift">(1 onbekend, niet meegeteld)</span></dd>'
    ) in tekst
    assert "wettelijk verplicht" in tekst
    assert 'href="/gemeenten/GM0479/register/?peildatum=2025-06-01"' in tekst


def test_change_against_the_previous_year(client, zaanstad):
    _verband_met_alles(zaanstad, "Omgevingsdienst", "1100", vorig="1000")
    _verband_met_alles(zaanstad, "Recreatieschap", "500")  # no figure for 2024
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    assert '<td class="getal verschil">+ € 100 (+10,0%)</td>' in tekst
    assert "Verschil met 2024" in tekst
    # The total change compares only what is begroot in both years: the recreatieschap, new
    # in 2025, is no rise in costs (it showed + € 600, +60 %: 1,600 against 1,000).
    assert (
        '<dt>Verschil begroot met 2024</dt><dd>+ € 100 (+10,0%) <span class="bijschrift">'
        "(alleen wat in 2024 én 2025 begroot is; 1 samenwerkingsverband niet meegeteld)"
        "</span></dd>"
    ) in tekst


def test_change_against_the_previous_year_unknown_without_a_comparable_arrangement(
    client, zaanstad
):
    _verband_met_alles(zaanstad, "Recreatieschap", "500")  # no figure for 2024
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    # Said why, in the words of the hint beside a known change.
    assert (
        '<dt>Verschil begroot met 2024</dt><dd>onbekend <span class="bijschrift">'
        "(geen samenwerkingsverband is in 2024 én 2025 begroot)</span></dd>"
    ) in tekst


def test_grouped_by_form_or_by_domain(client, zaanstad):
    afval = Domein.objects.get(code="afval")
    jeugd = Domein.objects.get(code="jeugd")
    a = _verband_met_alles(zaanstad, "Afvalschap", "1", vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    a.samenwerkingsverband.domeinen.add(afval, jeugd)
    _verband_met_alles(
        zaanstad, "Belastingsamenwerking", "1", vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE
    )
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    captions = [c.split("<")[0].strip() for c in tekst.split("<caption>")[1:]]
    assert captions[:2] == ["Gemeenschappelijk orgaan", "Bedrijfsvoeringsorganisatie"]
    # Per vorm, each table's caption is its vorm: no column repeats it on every row, which
    # pushed the last column out of sight on every screen (the subtotal spans one less).
    lijst = tekst.split('id="analyse"')[0]
    assert "<td>Gemeenschappelijk orgaan</td>" not in lijst
    assert 'Vorm<span class="visueel-verborgen"> (sorteer' not in lijst
    assert "Sorteer met de kolomkoppen Samenwerkingsverband en Begroot;" in lijst
    assert '<th scope="row" colspan="4">Subtotaal Gemeenschappelijk orgaan: 1' in lijst
    tekst = paginatekst(client.get("/gemeenten/GM0479/", {**PEIL, "indeling": "domein"}))
    lijst = tekst.split('id="analyse"')[0]
    assert "<td>Gemeenschappelijk orgaan</td>" in lijst
    assert "Sorteer met de kolomkoppen Samenwerkingsverband, Vorm en Begroot;" in lijst
    assert 'Vorm<span class="visueel-verborgen"> (sorteer oplopend)' in lijst
    assert '<th scope="row" colspan="5">Subtotaal Afval en grondstoffen: 1' in lijst
    captions = [
        re.sub(r"<[^>]+>", "", c.split("</caption>")[0]).rsplit(" (", 1)[0].strip()
        for c in tekst.split("<caption>")[1:]
    ]
    # The list per domain, then the analysis tables per motive and per domain.
    assert captions == [
        "Afval en grondstoffen",
        "Jeugd",
        "Zonder domein",
        "Per motief",
        "Per domein",
        "Begrote bijdrage per inwoner in 2025: Zaanstad en de andere gemeenten",
    ]
    # Under both of its domains, and once in the comparison per inwoner.
    assert tekst.count("Afvalschap</a>") == 3
    # A domein's group, in the list and in the analysis, links the comparison of its
    # regelingen; "Zonder domein" links nothing.
    vergelijk = (
        '<a href="/domeinen/afval/?jaar=2025" title="Vergelijk de kosten per inwoner met de '
        'andere regelingen van dit domein">Afval en grondstoffen</a>'
    )
    assert f"<caption>{vergelijk} <span" in tekst
    assert f'<th scope="row">{vergelijk}</th>' in tekst
    assert "<caption>Zonder domein <span" in tekst


def test_per_inwoner_when_population_is_known(client, zaanstad):
    _verband_met_alles(zaanstad, "GGD", "162500")
    f.InwonertalFactory(gemeente=zaanstad, jaar=2025, aantal=162500)
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    assert "€ 1,00" in tekst and "162.500 inwoners" in tekst
    # A bijdrage without an amount is not in the figure per inwoner, and the figure says so.
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Recreatieschap")
    tekst = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    assert '€ 1,00 <span class="bijschrift">(162.500 inwoners; 1 bijdrage onbekend, niet ' in (
        tekst
    )
    # Without any known bijdrage the figure is onbekend, and that is all it needs to say.
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    f.DeelnameFactory(gemeente=purmerend)
    f.InwonertalFactory(gemeente=purmerend, jaar=2025, aantal=90000)
    tekst = paginatekst(client.get("/gemeenten/GM0439/", PEIL))
    assert '<dd>onbekend <span class="bijschrift">(90.000 inwoners)</span></dd>' in tekst


def test_bad_input_is_explained_and_the_page_falls_back_to_today(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/", {"jaar": "twintig", "peildatum": "31-02-2025"})
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    assert "Jaar: vul een jaartal in, bijvoorbeeld 2025." in tekst
    assert "Peildatum: vul een geldige datum in (JJJJ-MM-DD). Getoond: vandaag." in tekst
    vandaag = datetime.date.today()
    assert f"Getoond: {vandaag.year}." in tekst


@pytest.mark.parametrize("jaar", ["2024.0", "+2024", " 2024", "\uff12\uff10\uff12\uff14"])
def test_a_year_not_in_the_digits_0_to_9_is_refused_as_the_api_does(client, zaanstad, jaar):
    # Python read these as 2024; the API refuses them (one rule: peilmoment.JaarVeld).
    antwoord = client.get("/gemeenten/GM0479/", {"jaar": jaar})
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    vandaag = datetime.date.today()
    assert f"Jaar: vul een jaartal in, bijvoorbeeld 2025. Getoond: {vandaag.year}." in tekst


def test_lowercase_code_redirects_and_unknown_code_is_a_helpful_404(client, referentiedata):
    antwoord = client.get("/gemeenten/gm0479/?jaar=2024")
    assert antwoord.status_code == 301 and antwoord.url == "/gemeenten/GM0479/?jaar=2024"
    niet = client.get("/gemeenten/GM9999/")
    assert niet.status_code == 404
    tekst = paginatekst(niet)
    assert "Er is geen gemeente met CBS-code GM9999." in tekst
    assert 'type="search" name="q"' in tekst


def test_disappeared_gemeente_links_to_its_successors(client, referentiedata):
    tekst = paginatekst(client.get("/gemeenten/GM0140/"))  # Littenseradiel
    assert "Deze gemeente is opgeheven per 1 januari 2018." in tekst
    for opvolger in ("/gemeenten/GM0080/", "/gemeenten/GM1900/", "/gemeenten/GM1949/"):
        assert opvolger in tekst
    assert "Kies een peildatum vóór de opheffing" in tekst


def test_a_peildatum_outside_the_gemeentes_existence_is_said_on_each_page(client, referentiedata):
    """Before its herindeling Waadhoeke did not exist: the pages said only "geen deelnames
    vastgelegd" (or "0 vertegenwoordigers"), as if the register were empty for it."""
    for pagina in ("", "vertegenwoordigers/", "partners/", "register/"):
        antwoord = client.get(f"/gemeenten/GM1949/{pagina}", {"peildatum": "2017-06-01"})
        assert antwoord.status_code == 200
        tekst = paginatekst(antwoord)
        assert (
            "Op 1 juni 2017 bestond Waadhoeke nog niet: de gemeente bestaat sinds 1 januari "
            "2018. Kies een latere peildatum om haar deelnames te zien. Ontstaan uit"
        ) in tekst, pagina
        assert '<a href="/gemeenten/GM0140/?peildatum=2017-06-01">Littenseradiel</a>' in tekst
        # After the opheffing, every page of the old gemeente says what to choose.
        tekst = paginatekst(client.get(f"/gemeenten/GM0140/{pagina}", {"peildatum": "2019-01-01"}))
        assert "Kies een peildatum vóór de opheffing om de deelnames van toen te zien." in tekst
    tekst = paginatekst(client.get("/gemeenten/GM1949/", {"peildatum": "2018-01-01"}))
    assert "bestond Waadhoeke nog niet" not in tekst
    tekst = paginatekst(client.get("/gemeenten/GM0140/", {"peildatum": "2017-12-31"}))
    assert "Kies een peildatum vóór de opheffing" not in tekst


def test_the_chosen_peildatum_and_jaar_survive_the_tabs_and_links(client, zaanstad):
    """The tabs of a gemeente's pages dropped the peildatum and jaar: a griffier looking at
    2024 landed on today's vertegenwoordigers, partners or register without noticing."""
    d = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="GGD Zaanstreek")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
    moment = "?peildatum=2024-03-01&amp;jaar=2023"
    for pagina in ("", "vertegenwoordigers/", "partners/", "kalender/", "zienswijzen/"):
        tekst = paginatekst(
            client.get(f"/gemeenten/GM0479/{pagina}", {"peildatum": "2024-03-01", "jaar": 2023})
        )
        for tab in ("vertegenwoordigers", "register", "partners", "kalender", "zienswijzen"):
            assert f'href="/gemeenten/GM0479/{tab}/{moment}"' in tekst, (pagina, tab)
        assert f'href="/gemeenten/GM0479/{moment}"' in tekst
        assert f'href="/gemeenten/GM0479/over-de-jaren/{moment}"' in tekst
        if pagina in ("kalender/", "zienswijzen/"):  # from today: they say so
            assert "de gekozen peildatum geldt hier niet, wel weer op de andere tabbladen" in tekst
    # A page without a jaar field keeps it for the next tab when its form is sent again.
    tekst = paginatekst(client.get("/gemeenten/GM0479/partners/", {"jaar": 2023}))
    assert '<input type="hidden" name="jaar" value="2023">' in tekst
    assert '<a href="/gemeenten/GM0439/?jaar=2023">Purmerend</a>' in tekst
    assert (
        f"/samenwerkingsverbanden/{d.samenwerkingsverband.slug}/?gemeente=GM0479&amp;jaar=2023"
        in tekst
    )
    register = paginatekst(client.get("/gemeenten/GM0479/register/", PEIL))
    assert f"{d.samenwerkingsverband.slug}/?gemeente=GM0479&amp;peildatum=2025-06-01" in register
    # The vertegenwoordigers table links each seat's arrangement at the chosen moment too.
    f.ZetelFactory(deelname=d, begindatum=datetime.date(2022, 6, 1))
    tekst = paginatekst(
        client.get(
            "/gemeenten/GM0479/vertegenwoordigers/", {"peildatum": "2024-03-01", "jaar": 2023}
        )
    )
    assert (
        f"{d.samenwerkingsverband.slug}/?gemeente=GM0479&amp;peildatum=2024-03-01&amp;jaar=2023"
        '">GGD Zaanstreek</a></td>'
    ) in tekst
    # Nothing chosen, or only bad input: plain links.
    for keuze in ({}, {"peildatum": "2024-02-30", "jaar": "x"}):
        tekst = paginatekst(client.get("/gemeenten/GM0479/vertegenwoordigers/", keuze))
        assert 'href="/gemeenten/GM0479/partners/"' in tekst


def test_links_between_a_gemeentes_pages_keep_the_chosen_jaar(client, zaanstad):
    """ "Meer over deze gemeente", the arrangement's deelnemers and centrumgemeente and the
    kalender's successor dropped the jaar (and, where unset, wrote today's peildatum in)."""
    d = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Sociaal domein Zaanstreek",
        samenwerkingsverband__vorm=Vorm.CENTRUMGEMEENTE,
        samenwerkingsverband__centrumgemeente=zaanstad,
    )
    keuze = {"peildatum": "2024-03-01", "jaar": "2023"}
    moment = "peildatum=2024-03-01&amp;jaar=2023"
    tekst = paginatekst(client.get("/gemeenten/GM0479/", keuze))
    assert f'<a href="/gemeenten/GM0479/register/?{moment}">Het register van' in tekst
    assert f'<a href="/gemeenten/GM0479/register/?formaat=xlsx&amp;{moment}">' in tekst
    assert f'<a href="/gemeenten/GM0479/partners/?{moment}">Met welke' in tekst
    tekst = paginatekst(client.get("/gemeenten/GM0479/", {"jaar": "2023"}))
    assert '<a href="/gemeenten/GM0479/partners/?jaar=2023">Met welke' in tekst
    tekst = paginatekst(
        client.get(f"/samenwerkingsverbanden/{d.samenwerkingsverband.slug}/", keuze)
    )
    assert f'<dd><a href="/gemeenten/GM0479/?{moment}">Zaanstad</a></dd>' in tekst
    assert f'<th scope="row"><a href="/gemeenten/GM0479/?{moment}">Zaanstad</a>' in tekst
    # Littenseradiel (opgeheven 2018): its calendar sends the raad to its successors.
    tekst = paginatekst(client.get("/gemeenten/GM0140/kalender/", {"jaar": "2023"}))
    assert '<a href="/gemeenten/GM1900/kalender/?jaar=2023">' in tekst


def test_calendar_and_zienswijzen_forms_send_only_valid_moments_again(client, zaanstad):
    """The kalender and zienswijzen forms copied ?peildatum= and ?jaar= as typed into their
    hidden fields: a refused date went along with every click on "Toon"."""
    for pagina in ("kalender/", "zienswijzen/"):
        for keuze in ({"peildatum": "2025-13-45", "jaar": "2023"}, {"peildatum": "abc"}):
            antwoord = client.get(f"/gemeenten/GM0479/{pagina}", keuze)
            assert antwoord.status_code == 200
            tekst = paginatekst(antwoord)
            assert 'name="peildatum"' not in tekst, (pagina, keuze)
            assert 'value="2025-13-45"' not in tekst and 'value="abc"' not in tekst
            # No chosen peildatum counts: no note that it does not apply here.
            assert "de gekozen peildatum geldt hier niet" not in tekst
        tekst = paginatekst(client.get(f"/gemeenten/GM0479/{pagina}", {"peildatum": "2024-03-01"}))
        assert '<input type="hidden" name="peildatum" value="2024-03-01">' in tekst
        tekst = paginatekst(client.get(f"/gemeenten/GM0479/{pagina}", {"jaar": "2023"}))
        assert '<input type="hidden" name="jaar" value="2023">' in tekst


@pytest.mark.parametrize("aantal", [1, 30])
def test_gemeente_page_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for i in range(aantal):
        deelname = _verband_met_alles(zaanstad, f"Regeling {i}", "100", vorig="90")
        deelname.samenwerkingsverband.domeinen.add(f.DomeinFactory())
    # 1 gemeente with provincie, its inwonertal of the year and whether it has kaders (none
    # here: no query for them; test_sturing_weergave counts the page with kaders), 2-5
    # deelnames_van_gemeente (deelnames with arrangement and the sums of bijdragen, domeinen,
    # seats, bijdragen of the year), 6 per inwoner beside the other deelnemers (their
    # bijdragen summed per gemeente, with their inwoners). (A disappeared gemeente adds one
    # for its successors.) The analysis per motive and per domain and the karakter filter add
    # none.
    for indeling in ("vorm", "domein", "motief"):
        with django_assert_num_queries(6):
            antwoord = client.get("/gemeenten/GM0479/", {**PEIL, "indeling": indeling})
        assert f"{aantal} samenwerkingsverband" in paginatekst(antwoord)
        assert "Waarom en waarin: per motief en per domein" in paginatekst(antwoord)
        assert "De griffie heeft nog geen kaders van de raad vastgelegd." in paginatekst(antwoord)
    # No arrangement of this karakter: nothing to compare per inwoner, so 5.
    with django_assert_num_queries(5):
        antwoord = client.get("/gemeenten/GM0479/", {**PEIL, "karakter": "beleidsbepalend"})
    assert antwoord.status_code == 200


# --- Art. 27 register -----------------------------------------------------------------------


def test_register_lists_exactly_the_legal_items(client, zaanstad):
    deelname = _verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "1")
    verband = deelname.samenwerkingsverband
    verband.adres, verband.postcode, verband.vestigingsplaats = "Vurehout 2", "1507 EC", "Zaandam"
    verband.save()
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=purmerend)
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=Gemeente.objects.get(cbs_code="GM0370"),
        uittredingsdatum=D(2020, 1, 1),
    )  # left before the peildatum
    f.WettelijkeGrondslagFactory(
        samenwerkingsverband=verband, opschrift="Wet publieke gezondheid, art. 14"
    )
    f.BevoegdheidFactory(
        samenwerkingsverband=verband, artikel="art. 4", omschrijving="Jeugdgezondheidszorg"
    )
    f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__vorm=Vorm.STICHTING,
        samenwerkingsverband__naam="Stichting Zaans Erfgoed",
    )  # not a GR

    tekst = paginatekst(client.get("/gemeenten/GM0479/register/", PEIL))
    assert "GGD Zaanstreek-Waterland</a></h2>" in tekst
    assert "Stichting Zaans Erfgoed" not in tekst
    assert "<li>Purmerend</li><li>Zaanstad</li>" in tekst.replace("> <", "><")
    assert "Beemster" not in tekst
    assert "Wet publieke gezondheid, art. 14" in tekst
    assert "art. 4:</span> Jeugdgezondheidszorg" in tekst
    assert "Vurehout 2, 1507 EC Zaandam" in tekst
    assert "<dt>Ingestelde rechtsvorm</dt> <dd>Openbaar lichaam</dd>" in tekst


@pytest.mark.parametrize("aantal", [1, 30])
def test_register_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for i in range(aantal):
        deelname = _verband_met_alles(zaanstad, f"Regeling {i}", "1")
        f.WettelijkeGrondslagFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        f.BevoegdheidFactory(samenwerkingsverband=deelname.samenwerkingsverband)
    # 1 gemeente, 2 regelingen, 3 deelnemers, 4 grondslagen, 5 bevoegdheden.
    with django_assert_num_queries(5):
        antwoord = client.get("/gemeenten/GM0479/register/", PEIL)
    assert paginatekst(antwoord).count("<dt>Deelnemers</dt>") == aantal


# --- Partners --------------------------------------------------------------------------------


def test_partners_ranked_by_shared_arrangements(client, zaanstad):
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    edam = Gemeente.objects.get(cbs_code="GM0385")
    for i in range(3):
        d = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__afkorting=f"R{i}")
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
        if i == 0:
            f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=edam)
    tekst = paginatekst(client.get("/gemeenten/GM0479/partners/", PEIL))
    assert tekst.index("Purmerend</a>") < tekst.index("Edam-Volendam</a>")
    assert "Zaanstad neemt deel aan 3 samenwerkingsverbanden." in tekst
    rij = tekst.split("Purmerend</a>")[1].split("</tr>")[0]
    assert '<td class="getal">3</td>' in rij


@pytest.mark.parametrize("aantal", [1, 30])
def test_partners_query_count(client, zaanstad, aantal, django_assert_num_queries):
    partner = Gemeente.objects.get(cbs_code="GM0439")
    for _ in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=partner)
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=f.GemeenteFactory())
    # 1 gemeente, 2 own count, 3 ranking, 4 partner gemeenten, 5 shared arrangements.
    with django_assert_num_queries(5):
        client.get("/gemeenten/GM0479/partners/", PEIL)
