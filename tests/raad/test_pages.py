"""The griffier pages as server-rendered HTML: content, errors and query counts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from samenwerking.constants import BijdrageSoort, Functie, JaarcijfersSoort, Vorm, ZetelRol
from samenwerking.models import Bronimport, Domein, Gemeente
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
PEIL = {"peildatum": "2025-06-01"}


@pytest.fixture
def zaanstad(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0479")


def _tekst(antwoord) -> str:
    return " ".join(antwoord.content.decode().split())


def test_start_page_says_where_the_data_comes_from_and_how_old_it_is(client, referentiedata):
    f.SamenwerkingsverbandFactory.create_batch(2, bron="OpenGR 2016", alleen_historisch=True)
    f.SamenwerkingsverbandFactory(bron="OpenGR 2016; vorm aangenomen: openbaar lichaam")
    f.SamenwerkingsverbandFactory.create_batch(2, bron="ROO-export 2026-05-19")
    f.SamenwerkingsverbandFactory(bron="")
    tekst = _tekst(client.get(reverse("raad:start")))
    # Without an import of the national register the page says how to load it.
    assert "Het landelijk register is nog niet ingelezen" in tekst
    assert "manage.py importeer_roo --download" in tekst

    Bronimport.objects.create(
        bron="ROO", stand=datetime.datetime(2026, 5, 19, 18, tzinfo=datetime.UTC)
    )
    tekst = _tekst(client.get(reverse("raad:start")))
    vandaag = date_format(timezone.localdate(), "j F Y")
    assert "Bron: landelijk register, stand 19 mei 2026" in tekst
    assert "nog niet ingelezen" not in tekst
    # The import's own moment is never shown as when the content changed.
    assert (
        "Samenwerkingsverbanden per bron: landelijk register (Register van "
        "Overheidsorganisaties): 2; ingevoerd in het beheer: 1 (laatst gewijzigd op "
        f"{vandaag}); OpenGR (Open State Foundation), stand maart 2016: 3 (waarvan 2 alleen "
        "historisch: niet in het landelijk register en niet meegeteld als lopend)."
    ) in tekst


def _verband_met_alles(gemeente, naam, bedrag, *, vorm=Vorm.OPENBAAR_LICHAAM, vorig=None):
    deelname = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam=naam,
        samenwerkingsverband__vorm=vorm,
        samenwerkingsverband__verplicht=True,
    )
    f.ZetelFactory(
        deelname=deelname,
        persoon__naam="M. Moussa",
        functie=Functie.WETHOUDER,
        rol=ZetelRol.LID,
        begindatum=D(2022, 6, 1),
    )
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    if vorig is not None:
        f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal(vorig))
    return deelname


# --- Start -----------------------------------------------------------------------------------


def test_search_with_one_current_match_goes_to_the_gemeente(client):
    antwoord = client.get(reverse("raad:start"), {"q": "Den Haag"})
    assert antwoord.status_code == 302
    assert antwoord.url == "/gemeenten/GM0518/"


def test_search_lists_gemeenten_and_arrangements(client, referentiedata):
    f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Noord-Holland Noord", afkorting="ODNHN")
    f.SamenwerkingsverbandFactory(naam="Recreatieschap Noord-Holland", afkorting="RNH")
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "noord"}))
    assert "Noordenveld</a>" in tekst  # a gemeente
    assert "2 samenwerkingsverbanden gevonden" in tekst
    assert "Omgevingsdienst Noord-Holland Noord</a>" in tekst
    # An exact abbreviation finds the arrangement, not a gemeente.
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "odnhn"}))
    assert "1 samenwerkingsverband gevonden" in tekst


def test_search_lists_several_gemeenten_with_code_and_provincie(client, referentiedata):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "bergen"}))
    assert "6 gemeenten gevonden" in tekst
    assert 'Bergen (NH.)</a> <span class="bijschrift">GM0373 · Noord-Holland' in tekst


def test_search_for_a_disappeared_gemeente_shows_when_it_ended(client, referentiedata):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "Haaren"}))
    assert "opgeheven per 1 januari 2021" in tekst


def test_search_without_result_says_what_to_try(client, referentiedata):
    tekst = _tekst(client.get(reverse("raad:start"), {"q": "Atlantis"}))
    assert "Niets gevonden voor „Atlantis”" in tekst


def test_start_page_shows_national_figures(client, referentiedata):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    for vorm in (Vorm.OPENBAAR_LICHAAM, Vorm.OPENBAAR_LICHAAM, Vorm.REGELING_ZONDER_MEER):
        f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__vorm=vorm)
    f.SamenwerkingsverbandFactory(einddatum=D(2020, 1, 1))  # no longer running
    tekst = _tekst(client.get(reverse("raad:start")))
    assert "<strong>342</strong> gemeenten" in tekst
    assert "<strong>3</strong> lopende samenwerkingsverbanden" in tekst
    assert "<strong>0,0</strong> verbanden per gemeente gemiddeld" in tekst  # 3 / 342
    assert '<th scope="row">Openbaar lichaam</th><td>OL</td><td class="getal">2</td>' in (
        tekst.replace("> <", "><")
    )


@pytest.mark.parametrize("aantal", [1, 30])
def test_start_page_query_count(client, referentiedata, aantal, django_assert_num_queries):
    f.SamenwerkingsverbandFactory.create_batch(aantal, naam="Bergen regeling")
    # 1 gemeenten matched in Python, 2 arrangements matched in Python, 3 per vorm,
    # 4 current gemeenten, 5 running deelnames of gemeenten, 6 arrangements per source,
    # 7 the newest import of the national register.
    with django_assert_num_queries(7):
        antwoord = client.get(reverse("raad:start"), {"q": "berg"})
    assert f"{aantal} samenwerkingsverband" in _tekst(antwoord)


# --- Gemeente overview ----------------------------------------------------------------------


def test_gemeente_page_lists_arrangements_representatives_and_costs(client, zaanstad):
    _verband_met_alles(zaanstad, "Veiligheidsregio Zaanstreek-Waterland", "1234567.89")
    f.BijdrageFactory(
        deelname=_verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "500000"),
        jaar=2025,
        soort=BijdrageSoort.GEREALISEERD,
        bedrag=Decimal("480000"),
    )
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
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
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
    assert '<td class="getal">+ € 100 (+10,0%)</td>' in tekst
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
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
    assert "<dt>Verschil begroot met 2024</dt><dd>onbekend</dd>" in tekst


def test_grouped_by_form_or_by_domain(client, zaanstad):
    afval = Domein.objects.get(code="afval")
    jeugd = Domein.objects.get(code="jeugd")
    a = _verband_met_alles(zaanstad, "Afvalschap", "1", vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    a.samenwerkingsverband.domeinen.add(afval, jeugd)
    _verband_met_alles(
        zaanstad, "Belastingsamenwerking", "1", vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE
    )
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
    captions = [c.split("<")[0].strip() for c in tekst.split("<caption>")[1:]]
    assert captions[:2] == ["Gemeenschappelijk orgaan", "Bedrijfsvoeringsorganisatie"]
    tekst = _tekst(client.get("/gemeenten/GM0479/", {**PEIL, "indeling": "domein"}))
    captions = [c.split("<")[0].strip() for c in tekst.split("<caption>")[1:]]
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


def test_per_inwoner_when_population_is_known(client, zaanstad):
    _verband_met_alles(zaanstad, "GGD", "162500")
    f.InwonertalFactory(gemeente=zaanstad, jaar=2025, aantal=162500)
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
    assert "€ 1,00" in tekst and "162.500 inwoners" in tekst
    # A bijdrage without an amount is not in the figure per inwoner, and the figure says so.
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Recreatieschap")
    tekst = _tekst(client.get("/gemeenten/GM0479/", PEIL))
    assert '€ 1,00 <span class="bijschrift">(162.500 inwoners; 1 bijdrage onbekend, niet ' in (
        tekst
    )
    # Without any known bijdrage the figure is onbekend, and that is all it needs to say.
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    f.DeelnameFactory(gemeente=purmerend)
    f.InwonertalFactory(gemeente=purmerend, jaar=2025, aantal=90000)
    tekst = _tekst(client.get("/gemeenten/GM0439/", PEIL))
    assert '<dd>onbekend <span class="bijschrift">(90.000 inwoners)</span></dd>' in tekst


def test_bad_input_is_explained_and_the_page_falls_back_to_today(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/", {"jaar": "twintig", "peildatum": "31-02-2025"})
    assert antwoord.status_code == 400
    tekst = _tekst(antwoord)
    assert "Jaar: vul een jaartal in, bijvoorbeeld 2025." in tekst
    assert "Peildatum: vul een geldige datum in (JJJJ-MM-DD). Getoond: vandaag." in tekst
    vandaag = datetime.date.today()
    assert f"Getoond: {vandaag.year}." in tekst


@pytest.mark.parametrize("jaar", ["2024.0", "+2024", " 2024", "\uff12\uff10\uff12\uff14"])
def test_a_year_not_in_the_digits_0_to_9_is_refused_as_the_api_does(client, zaanstad, jaar):
    # Python read these as 2024; the API refuses them (one rule: peilmoment.JaarVeld).
    antwoord = client.get("/gemeenten/GM0479/", {"jaar": jaar})
    assert antwoord.status_code == 400
    tekst = _tekst(antwoord)
    vandaag = datetime.date.today()
    assert f"Jaar: vul een jaartal in, bijvoorbeeld 2025. Getoond: {vandaag.year}." in tekst


def test_lowercase_code_redirects_and_unknown_code_is_a_helpful_404(client, referentiedata):
    antwoord = client.get("/gemeenten/gm0479/?jaar=2024")
    assert antwoord.status_code == 301 and antwoord.url == "/gemeenten/GM0479/?jaar=2024"
    niet = client.get("/gemeenten/GM9999/")
    assert niet.status_code == 404
    tekst = _tekst(niet)
    assert "Er is geen gemeente met CBS-code GM9999." in tekst
    assert 'type="search" name="q"' in tekst


def test_disappeared_gemeente_links_to_its_successors(client, referentiedata):
    tekst = _tekst(client.get("/gemeenten/GM0140/"))  # Littenseradiel
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
        tekst = _tekst(antwoord)
        assert (
            "Op 1 juni 2017 bestond Waadhoeke nog niet: de gemeente bestaat sinds 1 januari "
            "2018. Kies een latere peildatum om haar deelnames te zien. Ontstaan uit"
        ) in tekst, pagina
        assert '<a href="/gemeenten/GM0140/?peildatum=2017-06-01">Littenseradiel</a>' in tekst
        # After the opheffing, every page of the old gemeente says what to choose.
        tekst = _tekst(client.get(f"/gemeenten/GM0140/{pagina}", {"peildatum": "2019-01-01"}))
        assert "Kies een peildatum vóór de opheffing om de deelnames van toen te zien." in tekst
    tekst = _tekst(client.get("/gemeenten/GM1949/", {"peildatum": "2018-01-01"}))
    assert "bestond Waadhoeke nog niet" not in tekst
    tekst = _tekst(client.get("/gemeenten/GM0140/", {"peildatum": "2017-12-31"}))
    assert "Kies een peildatum vóór de opheffing" not in tekst


def test_the_chosen_peildatum_and_jaar_survive_the_tabs_and_links(client, zaanstad):
    """The tabs of a gemeente's pages dropped the peildatum and jaar: a griffier looking at
    2024 landed on today's vertegenwoordigers, partners or register without noticing."""
    d = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="GGD Zaanstreek")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
    moment = "?peildatum=2024-03-01&amp;jaar=2023"
    for pagina in ("", "vertegenwoordigers/", "partners/", "kalender/", "zienswijzen/"):
        tekst = _tekst(
            client.get(f"/gemeenten/GM0479/{pagina}", {"peildatum": "2024-03-01", "jaar": 2023})
        )
        for tab in ("vertegenwoordigers", "register", "partners", "kalender", "zienswijzen"):
            assert f'href="/gemeenten/GM0479/{tab}/{moment}"' in tekst, (pagina, tab)
        assert f'href="/gemeenten/GM0479/{moment}"' in tekst
        assert f'href="/gemeenten/GM0479/over-de-jaren/{moment}"' in tekst
        if pagina in ("kalender/", "zienswijzen/"):  # from today: they say so
            assert "de gekozen peildatum geldt hier niet, wel weer op de andere tabbladen" in tekst
    # A page without a jaar field keeps it for the next tab when its form is sent again.
    tekst = _tekst(client.get("/gemeenten/GM0479/partners/", {"jaar": 2023}))
    assert '<input type="hidden" name="jaar" value="2023">' in tekst
    assert '<a href="/gemeenten/GM0439/?jaar=2023">Purmerend</a>' in tekst
    assert (
        f"/samenwerkingsverbanden/{d.samenwerkingsverband.slug}/?gemeente=GM0479&amp;jaar=2023"
        in tekst
    )
    register = _tekst(client.get("/gemeenten/GM0479/register/", PEIL))
    assert f"{d.samenwerkingsverband.slug}/?gemeente=GM0479&amp;peildatum=2025-06-01" in register
    # The vertegenwoordigers table links each seat's arrangement at the chosen moment too.
    f.ZetelFactory(deelname=d, begindatum=datetime.date(2022, 6, 1))
    tekst = _tekst(
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
        tekst = _tekst(client.get("/gemeenten/GM0479/vertegenwoordigers/", keuze))
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
    tekst = _tekst(client.get("/gemeenten/GM0479/", keuze))
    assert f'<a href="/gemeenten/GM0479/register/?{moment}">Het register van' in tekst
    assert f'<a href="/gemeenten/GM0479/register/?formaat=xlsx&amp;{moment}">' in tekst
    assert f'<a href="/gemeenten/GM0479/partners/?{moment}">Met welke' in tekst
    tekst = _tekst(client.get("/gemeenten/GM0479/", {"jaar": "2023"}))
    assert '<a href="/gemeenten/GM0479/partners/?jaar=2023">Met welke' in tekst
    tekst = _tekst(client.get(f"/samenwerkingsverbanden/{d.samenwerkingsverband.slug}/", keuze))
    assert f'<dd><a href="/gemeenten/GM0479/?{moment}">Zaanstad</a></dd>' in tekst
    assert f'<th scope="row"><a href="/gemeenten/GM0479/?{moment}">Zaanstad</a>' in tekst
    # Littenseradiel (opgeheven 2018): its calendar sends the raad to its successors.
    tekst = _tekst(client.get("/gemeenten/GM0140/kalender/", {"jaar": "2023"}))
    assert '<a href="/gemeenten/GM1900/kalender/?jaar=2023">' in tekst


def test_calendar_and_zienswijzen_forms_send_only_valid_moments_again(client, zaanstad):
    """The kalender and zienswijzen forms copied ?peildatum= and ?jaar= as typed into their
    hidden fields: a refused date went along with every click on "Toon"."""
    for pagina in ("kalender/", "zienswijzen/"):
        for keuze in ({"peildatum": "2025-13-45", "jaar": "2023"}, {"peildatum": "abc"}):
            antwoord = client.get(f"/gemeenten/GM0479/{pagina}", keuze)
            assert antwoord.status_code == 200
            tekst = _tekst(antwoord)
            assert 'name="peildatum"' not in tekst, (pagina, keuze)
            assert 'value="2025-13-45"' not in tekst and 'value="abc"' not in tekst
            # No chosen peildatum counts: no note that it does not apply here.
            assert "de gekozen peildatum geldt hier niet" not in tekst
        tekst = _tekst(client.get(f"/gemeenten/GM0479/{pagina}", {"peildatum": "2024-03-01"}))
        assert '<input type="hidden" name="peildatum" value="2024-03-01">' in tekst
        tekst = _tekst(client.get(f"/gemeenten/GM0479/{pagina}", {"jaar": "2023"}))
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
        assert f"{aantal} samenwerkingsverband" in _tekst(antwoord)
        assert "Waarom en waarin: per motief en per domein" in _tekst(antwoord)
        assert "De griffie heeft nog geen kaders van de raad vastgelegd." in _tekst(antwoord)
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

    tekst = _tekst(client.get("/gemeenten/GM0479/register/", PEIL))
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
    assert _tekst(antwoord).count("<dt>Deelnemers</dt>") == aantal


# --- Partners --------------------------------------------------------------------------------


def test_partners_ranked_by_shared_arrangements(client, zaanstad):
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    edam = Gemeente.objects.get(cbs_code="GM0385")
    for i in range(3):
        d = f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__afkorting=f"R{i}")
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
        if i == 0:
            f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=edam)
    tekst = _tekst(client.get("/gemeenten/GM0479/partners/", PEIL))
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


# --- Arrangement ------------------------------------------------------------------------------


@pytest.fixture
def ggd(zaanstad):
    deelname = _verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "2000000", vorig="1900000")
    verband = deelname.samenwerkingsverband
    verband.doel = "Publieke gezondheidszorg voor de regio."
    verband.save()
    oostzaan = Gemeente.objects.get(cbs_code="GM0431")
    oud = f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=oostzaan,
        toetredingsdatum=D(2010, 1, 1),
        uittredingsdatum=D(2020, 1, 1),
        verdeelsleutel=Decimal("3.5"),
    )
    f.BijdrageFactory(deelname=oud, jaar=2019, bedrag=Decimal("70000"))
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2024,
        eigen_vermogen_eind=Decimal("-250000"),
        vreemd_vermogen_eind=Decimal("4000000"),
        risicos="Loonkosten stijgen.",
    )
    f.DocumentFactory(samenwerkingsverband=verband, titel="Begroting 2025", jaar=2025)
    return verband


def test_arrangement_page_shows_form_members_boards_money_documents(client, ggd):
    tekst = _tekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    assert "<h1>GGD Zaanstreek-Waterland" in tekst
    assert "Zelfstandige rechtspersoon met een algemeen bestuur" in tekst  # what the form means
    assert "Publieke gezondheidszorg voor de regio." in tekst
    assert "1 deelnemer op 1 juni 2025" in tekst
    assert 'Oostzaan</a> <span class="bijschrift">(niet op de peildatum)</span>' in tekst
    assert "1 januari 2010 – 1 januari 2020" in tekst and "3,5%" in tekst
    assert '<th scope="row">M. Moussa</th> <td>Zaanstad</td> <td>Wethouder</td>' in tekst
    assert '<th scope="row">2019</th><td class="getal">€ 70.000</td>' in tekst.replace("> <", "><")
    assert "−€ 250.000" in tekst and "€ 4.000.000" in tekst
    assert "Loonkosten stijgen." in tekst
    assert "Begroting 2025</a>" in tekst
    assert tekst.count("<svg") == 4  # per year, per deelnemer, vermogen, resultaat
    assert "Wgr 2022: wat de regeling heeft geregeld" in tekst


def test_a_source_document_without_a_link_is_named_not_linked_to_nothing(client, ggd):
    """A document may have no address: its title is shown, not a link that reloads the page."""
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd,
        jaar=2025,
        bron_document=f.DocumentFactory(samenwerkingsverband=ggd, titel="Jaarstukken", url=""),
    )
    tekst = _tekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    assert 'href=""' not in tekst
    assert '<span class="bijschrift">(Jaarstukken)</span>' in tekst


def test_arrangement_charts_draw_a_bar_per_amount_with_escaped_labels(client, zaanstad):
    verband = f.SamenwerkingsverbandFactory()
    for naam, bedrag in [
        ("Stichting <Groen> & Co, een heel erg lange naam", "1500"),
        ("Kort", "-250"),
    ]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=None,
            organisatie=f.OrganisatieFactory(naam=naam),
        )
        f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    html = client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL).content.decode()
    grafiek = html.split("<h3>Bijdragen per deelnemer")[1].split("</figure>")[0]
    # The label: escaped and written in full, in lines of at most 30 characters (it was cut
    # off at 30, and names sharing their start could not be told apart); the bars: one per
    # known amount, the amount in the bar's title and beside it.
    assert ">Stichting &lt;Groen&gt; &amp; Co, een<tspan " in grafiek
    assert '">heel erg lange naam</tspan></text>' in grafiek
    assert "…" not in grafiek
    assert "<Groen>" not in grafiek
    assert grafiek.count("<rect ") == 2
    assert "<title>€ 1.500</title>" in grafiek and ">€ 1.500</text>" in grafiek
    assert "<title>−€ 250</title>" in grafiek
    assert 'class="nullijn"' in grafiek


def test_a_bijdrage_of_zero_is_drawn_and_an_unknown_one_is_not(client, zaanstad):
    """€ 0 is a known amount: that deelnemer has its place in the chart per deelnemer; one
    without any bijdrage in the year has none (unknown is never drawn as 0)."""
    verband = f.SamenwerkingsverbandFactory()
    for naam, bedrag in [("Betaalt", "1500"), ("Betaalt niets", "0"), ("Onbekend", None)]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband, gemeente=None, organisatie=f.OrganisatieFactory(naam=naam)
        )
        if bedrag is not None:
            f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    html = client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL).content.decode()
    grafiek = html.split("<h3>Bijdragen per deelnemer")[1].split("</figure>")[0]
    assert ">Betaalt niets<" in grafiek and "<title>€ 0</title>" in grafiek
    assert ">Onbekend<" not in grafiek


def test_unknown_arrangement_is_a_helpful_404(client):
    antwoord = client.get("/samenwerkingsverbanden/00000000-0000-0000-0000-000000000000/")
    assert antwoord.status_code == 404
    assert "Er is geen samenwerkingsverband met kenmerk 00000000-0000-0000-0000-000000000000." in (
        _tekst(antwoord)
    )


def test_arrangement_page_lists_its_parts_and_historical_mentions_apart(client):
    # Both are read in one query; each belongs in its own list, by name.
    verband = f.SamenwerkingsverbandFactory(naam="Regio Groot", slug="regio-groot")
    f.SamenwerkingsverbandFactory(naam="Onderdeel B", slug="onderdeel-b", bovenliggend=verband)
    f.SamenwerkingsverbandFactory(naam="Onderdeel A", slug="onderdeel-a", bovenliggend=verband)
    f.SamenwerkingsverbandFactory(
        naam="Regio Groot (2016)",
        slug="regio-groot-2016",
        alleen_historisch=True,
        in_landelijk_register=verband,
    )
    antwoord = client.get("/samenwerkingsverbanden/regio-groot/", PEIL)
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    onderdelen = tekst.split("<dt>Onderdelen</dt>")[1].split("</dd>")[0]
    assert onderdelen == (
        '<dd><ul class="komma"><li><a href="/samenwerkingsverbanden/onderdeel-a/">Onderdeel A'
        '</a></li><li><a href="/samenwerkingsverbanden/onderdeel-b/">Onderdeel B</a></li></ul>'
    )
    eerder = tekst.split("<dt>Eerder vermeld in OpenGR (2016) als</dt>")[1].split("</dd>")[0]
    assert eerder == (
        '<dd><ul class="komma"><li><a href="/samenwerkingsverbanden/regio-groot-2016/">'
        "Regio Groot (2016)</a></li></ul>"
    )


def test_arrangement_page_links_the_arrangements_it_points_to(client):
    # Read with its nested arrangements (one query), not joined to the arrangement itself.
    ouder = f.SamenwerkingsverbandFactory(naam="Regio Groot", slug="regio-groot")
    vorige = f.SamenwerkingsverbandFactory(naam="Regio Oud", slug="regio-oud")
    verband = f.SamenwerkingsverbandFactory(
        naam="Regio Klein", slug="regio-klein", bovenliggend=ouder, vorige_versie=vorige
    )
    f.SamenwerkingsverbandFactory(naam="Regio Klein Onderdeel", bovenliggend=verband)
    tekst = _tekst(client.get("/samenwerkingsverbanden/regio-klein/", PEIL))
    assert '<dt>Onderdeel van</dt><dd><a href="/samenwerkingsverbanden/regio-groot/">' in tekst
    assert '<dt>Vorige versie</dt><dd><a href="/samenwerkingsverbanden/regio-oud/">' in tekst
    assert ">Regio Klein Onderdeel</a></li></ul>" in tekst.split("<dt>Onderdelen</dt>")[1]
    f.SamenwerkingsverbandFactory(
        naam="Regio Klein (2016)",
        slug="regio-klein-2016",
        alleen_historisch=True,
        in_landelijk_register=verband,
    )
    antwoord = client.get("/samenwerkingsverbanden/regio-klein-2016/", PEIL)
    assert antwoord.status_code == 200
    assert 'als <a href="/samenwerkingsverbanden/regio-klein/">Regio Klein</a>' in _tekst(antwoord)


def test_arrangement_page_writes_the_labels_of_each_row(client):
    # Each distinct label is translated once per page; every row still shows its own.
    verband = f.SamenwerkingsverbandFactory(slug="regeling-met-rollen")
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for rol, organen, functie, zetelrol in [
        ("deelnemer", ["raad", "college"], Functie.WETHOUDER, ZetelRol.LID),
        ("centrumgemeente", [], Functie.BURGEMEESTER, ZetelRol.VOORZITTER),
        ("deelnemer", ["raad", "college"], Functie.WETHOUDER, ZetelRol.PLAATSVERVANGER),
    ]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband, rol=rol, deelnemende_bestuursorganen=organen
        )
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan, functie=functie, rol=zetelrol)
    tekst = _tekst(client.get("/samenwerkingsverbanden/regeling-met-rollen/", PEIL))
    deelnemers = tekst.split('id="deelnemers"')[1].split("</section>")[0]
    assert deelnemers.count("<td>Deelnemer</td>") == 2
    assert deelnemers.count("<td>Centrumgemeente</td>") == 1
    assert deelnemers.count("<td>Gemeenteraad, College van burgemeester en wethouders</td>") == 2
    assert deelnemers.count("<td>onbekend</td>") == 1
    zetels = tekst.split('id="besturen"')[1].split("</section>")[0]
    assert zetels.count("<td>Wethouder</td>") == 2 and zetels.count("<td>Burgemeester</td>") == 1
    assert "<td>Lid</td>" in zetels and "<td>Voorzitter</td>" in zetels
    assert "<td>Plaatsvervangend lid</td>" in zetels


@pytest.mark.parametrize("aantal", [1, 30])
def test_arrangement_page_query_count(client, zaanstad, aantal, django_assert_num_queries):
    verband = f.SamenwerkingsverbandFactory(slug="regeling-met-alles")
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for i in range(aantal):
        deelname = f.DeelnameFactory(samenwerkingsverband=verband)
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan)
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        f.JaarcijfersFactory(
            samenwerkingsverband=verband,
            jaar=2000 + i,
            soort=JaarcijfersSoort.BEGROTING,
            bron_document=f.DocumentFactory(samenwerkingsverband=verband),
        )
        f.WettelijkeGrondslagFactory(samenwerkingsverband=verband)
        verband.domeinen.add(f.DomeinFactory())
    # 1 arrangement with centrumgemeente and executing organisation, 2-5 domeinen, grondslagen,
    # bevoegdheden, documenten, 6 deelnames, 7 their bijdragen of the year and the year before
    # (summed per deelname), 8 organs, 9 seats, 10 bijdragen per year, 11 jaarcijfers with
    # source document, 12 nested arrangements, the historical mentions linked to it and the
    # arrangements it points to (parent, previous version; one query), 13 evaluaties, 14 the
    # vaststellingsvergaderingen of the past year on and of the year (meetings and P&C
    # termijnen), 15-16 P&C rules and overrides, 17-18 meetings and
    # zienswijze requests of the past year on (13-18: raad.kalender), 19 versions in the
    # national register, 20 the bijdragen per inwoner (sums per gemeente, with their
    # inwoners), 21 "laatst gewijzigd in regioreg": the latest change by people over the
    # history tables, 22-23 the raden's kaders and the doelen (without doelen their
    # indicators and values are not read).
    with django_assert_num_queries(23):
        antwoord = client.get("/samenwerkingsverbanden/regeling-met-alles/", PEIL)
    assert f"{aantal} deelnemer" in _tekst(antwoord)
    # The way back to a deelnemer (?gemeente=) is found among the deelnames read: no query.
    deelnemer = verband.deelnames.first().gemeente
    with django_assert_num_queries(23):
        antwoord = client.get(
            "/samenwerkingsverbanden/regeling-met-alles/",
            {**PEIL, "gemeente": deelnemer.cbs_code},
        )
    assert f'<span aria-current="page">{verband.naam}</span>' in _tekst(antwoord)
    assert f">{deelnemer.naam}</a> › <span" in _tekst(antwoord)
    # The UUID address: one query for the slug, then a permanent redirect.
    with django_assert_num_queries(1):
        antwoord = client.get(f"/samenwerkingsverbanden/{verband.uuid}/", PEIL)
    assert antwoord.status_code == 301
