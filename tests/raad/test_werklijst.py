"""The secretary's start page: what is missing or due per own regeling, each point linked to
where it is fixed; and the links both ways between the admin and the public pages."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import html

from raad.werklijst import werklijst
from samenwerking.constants import BijdrageSoort, Vorm
from samenwerking.models import Domein, Gemeente
from tests import factories as f
from tests.raad.factories import EvaluatieFactory
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

WERKLIJST = "/admin/werklijst/"


def _regeling(naam: str, gemeenten: list[Gemeente], *, volledig: bool, jaar: int):
    """An openbaar lichaam with one deelname per gemeente; `volledig`: every deelname has a
    bijdrage for `jaar` and a seat, and the regeling was evaluated recently."""
    verband = f.SamenwerkingsverbandFactory(
        naam=naam,
        vorm=Vorm.OPENBAAR_LICHAAM,
        ingangsdatum=datetime.date(2015, 1, 1),
        evaluatie_interval_jaren=2,
    )
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for gemeente in gemeenten:
        deelname = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        if volledig:
            f.BijdrageFactory(deelname=deelname, jaar=jaar, soort=BijdrageSoort.BEGROOT)
            f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan)
    if volledig:
        EvaluatieFactory(samenwerkingsverband=verband, datum=timezone.localdate())
    return verband


@pytest.fixture
def secretariaat(referentiedata):
    jaar = timezone.localdate().year + 1
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    open_ = _regeling(
        "Veiligheidsregio Zaanstreek", [zaanstad, purmerend], volledig=False, jaar=jaar
    )
    open_.roo_stand = {"naam": "Veiligheidsregio Zaanstreek-Waterland"}
    open_.save()
    af = _regeling("GGD Zaanstreek", [zaanstad], volledig=True, jaar=jaar)
    ander = _regeling("Omgevingsdienst Elders", [purmerend], volledig=False, jaar=jaar)
    return {
        "open": open_,
        "af": af,
        "ander": ander,
        "jaar": jaar,
        "account": account(RolSoort.SECRETARIAAT, verbanden=[open_, af]),
    }


def _client(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def test_start_page_lists_what_is_missing_per_own_regeling(secretariaat):
    antwoord = _client(secretariaat["account"]).get(WERKLIJST)
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    jaar = secretariaat["jaar"]
    # Two deelnemers without a bijdrage: one point naming both (the grid is where to fix it).
    assert f"Geen bijdrage voor {jaar} van 2 deelnemers: Purmerend en Zaanstad." in tekst
    assert "Bijdragen invoeren in het raster" in tekst
    # Two without a seat: one point naming both, to the regeling's besturen.
    assert "Geen zetel vastgelegd voor 2 deelnemers: Purmerend en Zaanstad." in tekst
    assert "Zetels vastleggen bij de besturen" in tekst
    # Counted from the Wgr's evaluation rule (1 July 2022), not from the regeling's start.
    assert "Evaluatie te laat: uiterlijk 1 juli 2024 (elke 2 jaar)." in tekst
    assert "Anders dan in het landelijk register: naam." in tekst
    # The complete regeling is listed without points; another regio's regeling not at all.
    assert "Regelingen zonder openstaande punten" in tekst
    assert "GGD Zaanstreek" in tekst
    assert "Omgevingsdienst Elders" not in tekst


def test_every_point_links_to_a_page_where_the_secretary_fixes_it(secretariaat):
    client = _client(secretariaat["account"])
    standen = {
        s.verband.naam: s for s in werklijst(secretariaat["account"], vandaag=timezone.localdate())
    }
    punten = standen["Veiligheidsregio Zaanstreek"].punten
    assert {p.soort for p in punten} == {"bijdragen", "zetels", "evaluatie", "conflicten"}
    assert standen["GGD Zaanstreek"].punten == []
    for punt in punten:
        pagina = client.get(punt.url)
        assert pagina.status_code == 200, punt
        assert punt.actie in client.get(WERKLIJST).content.decode()
    # The bijdragen grid of the regeling, with next year's begroot cell of each deelnemer.
    bijdragen = next(p for p in punten if p.soort == "bijdragen")
    assert (
        bijdragen.url
        == f"/admin/samenwerking/samenwerkingsverband/{secretariaat['open'].pk}/bijdragen/"
    )
    raster = client.get(bijdragen.url).content.decode()
    for deelname in secretariaat["open"].deelnames.all():
        assert f'name="b-{deelname.pk}-{secretariaat["jaar"]}-begroot"' in raster


def test_one_missing_bijdrage_links_to_its_add_form_filled_in(secretariaat):
    gebruiker = account(RolSoort.SECRETARIAAT, verbanden=[secretariaat["ander"]])
    (stand,) = werklijst(gebruiker, vandaag=timezone.localdate())
    bijdrage = next(p for p in stand.punten if p.soort == "bijdragen")
    assert bijdrage.tekst == f"Geen bijdrage voor {secretariaat['jaar']} van Purmerend."
    assert bijdrage.actie == "Bijdrage invoeren"
    formulier = _client(gebruiker).get(bijdrage.url).content.decode()
    # The add form is filled in: the deelname, the year and begroot.
    deelname = secretariaat["ander"].deelnames.get()
    assert f'<option value="{deelname.pk}" selected' in formulier
    assert f'value="{secretariaat["jaar"]}"' in formulier
    assert 'value="begroot" selected' in formulier


def test_one_missing_seat_links_to_its_form_and_without_a_board_the_board_comes_first(
    secretariaat,
):
    gebruiker = account(RolSoort.SECRETARIAAT, verbanden=[secretariaat["ander"]])
    client = _client(gebruiker)
    (stand,) = werklijst(gebruiker, vandaag=timezone.localdate())
    zetel = next(p for p in stand.punten if p.soort == "zetels")
    assert (zetel.tekst, zetel.actie) == (
        "Geen zetel vastgelegd voor Purmerend.",
        "Zetel vastleggen",
    )
    deelname = secretariaat["ander"].deelnames.get()
    assert f'<option value="{deelname.pk}" selected' in client.get(zetel.url).content.decode()
    # Without a bestuursorgaan a seat's form offers no board to sit in: the point says to add
    # the board first and opens its form for this regeling.
    secretariaat["ander"].bestuursorganen.all().delete()
    (stand,) = werklijst(gebruiker, vandaag=timezone.localdate())
    zetel = next(p for p in stand.punten if p.soort == "zetels")
    assert zetel.tekst == (
        "Geen zetel vastgelegd voor Purmerend: de regeling heeft nog geen bestuursorgaan. "
        "Voeg eerst het algemeen bestuur toe, dan de zetels."
    )
    assert zetel.actie == "Bestuursorgaan toevoegen"
    # More deelnemers: counted and named, as the bijdragen point does.
    f.DeelnameFactory(
        samenwerkingsverband=secretariaat["ander"],
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
    )
    (stand,) = werklijst(gebruiker, vandaag=timezone.localdate())
    zetel = next(p for p in stand.punten if p.soort == "zetels")
    assert zetel.tekst.startswith(
        "Geen zetel vastgelegd voor 2 deelnemers: Purmerend en Zaanstad: de regeling heeft nog "
        "geen bestuursorgaan."
    )
    formulier = client.get(zetel.url)
    assert formulier.status_code == 200
    assert f'<option value="{secretariaat["ander"].pk}" selected' in formulier.content.decode()


def test_pc_termijnen_within_six_weeks_are_listed(secretariaat):
    # On 1 July 2026 the jaarrekening 2025 must reach gedeputeerde staten before 15 July; the
    # voorlopige jaarrekening (before 15 April) is past, not due.
    punten = {
        s.verband.naam: s.punten
        for s in werklijst(secretariaat["account"], vandaag=datetime.date(2026, 7, 1))
    }
    termijnen = [p.tekst for p in punten["Veiligheidsregio Zaanstreek"] if p.soort == "termijnen"]
    assert (
        "Vastgestelde jaarrekening naar gedeputeerde staten 2025: uiterlijk 14 juli 2026."
        in termijnen
    )
    assert all("april" not in t for t in termijnen), termijnen
    assert "Document vastleggen" in {p.actie for p in punten["Veiligheidsregio Zaanstreek"]}


def test_start_page_is_linked_first_from_the_admin_index(secretariaat):
    index = _client(secretariaat["account"]).get("/admin/").content.decode()
    assert 'href="/admin/werklijst/"' in index
    assert index.index("/admin/werklijst/") < index.index("/admin/samenwerking/")


def test_start_page_refuses_whoever_manages_no_regeling(secretariaat, referentiedata):
    griffie = account(RolSoort.GRIFFIE, gemeente=Gemeente.objects.get(cbs_code="GM0479"))
    assert _client(griffie).get(WERKLIJST).status_code == 403
    assert 'href="/admin/werklijst/"' not in _client(griffie).get("/admin/").content.decode()
    anoniem = Client().get(WERKLIJST)
    assert anoniem.status_code == 302
    assert anoniem["Location"].startswith("/admin/login/")


def test_start_page_query_count_stays_constant_as_regelingen_grow(
    secretariaat, django_assert_num_queries
):
    gebruiker = secretariaat["account"]
    client = _client(gebruiker)
    gemeenten = list(Gemeente.objects.filter(einddatum__isnull=True).order_by("cbs_code")[:30])

    def meer(aantal: int):
        for i in range(aantal):
            verband = _regeling(
                f"Regeling {i}", gemeenten[i * 3 : i * 3 + 3], volledig=i % 2 == 0, jaar=2027
            )
            gebruiker.rol.samenwerkingsverbanden.add(verband)

    # 1 session, 2 user, 3-4 role with its regelingen, 5 how many regelingen (the pages),
    # 6 this page's regelingen with their last evaluation, 7 their deelnames (bijdrage next
    # year? seat today?), 8-10 P&C rules, meetings and overrides, 11 open zienswijzen with
    # the raad's decision date, 12 the domeinen to filter on.
    with django_assert_num_queries(12):
        assert client.get(WERKLIJST).status_code == 200
    meer(8)
    with django_assert_num_queries(12):
        tekst = client.get(WERKLIJST).content.decode()
    assert "Regeling 7" in tekst
    # Only those with open points: no count (the list is worked out whole, then paged).
    with django_assert_num_queries(11):
        tekst = client.get(WERKLIJST, {"alleen_open": "on"}).content.decode()
    assert "Regeling 7" in tekst and "Regeling 6" not in tekst
    meer(30)
    with django_assert_num_queries(12):
        assert "Regeling 29" in client.get(WERKLIJST, {"pagina": "2"}).content.decode()
    with django_assert_num_queries(11):
        assert client.get(WERKLIJST, {"alleen_open": "on"}).status_code == 200


# --- Paging and filter --------------------------------------------------------------------


def _regelingen_van(tekst: str) -> list[str]:
    """The names of the regelingen a page shows, in order: sections and the list without
    points."""
    return re.findall(r'<h2 id="regeling-\d+">([^<]+)</h2>', tekst) + re.findall(
        r'<li><a href="/admin/samenwerking/samenwerkingsverband/\d+/change/">([^<]+)</a></li>',
        tekst,
    )


@pytest.fixture
def beheerder_met_veel(referentiedata):
    """A beheerder (sees every regeling) and 30 regelingen: the even ones complete, the odd
    ones missing bijdragen and zetels; every third in the domein Veiligheid."""
    jaar = timezone.localdate().year + 1
    gemeenten = list(Gemeente.objects.filter(einddatum__isnull=True).order_by("cbs_code")[:30])
    veiligheid = f.DomeinFactory(naam="Testdomein veiligheid", code="test-veiligheid")
    f.DomeinFactory(naam="Testdomein zorg", code="test-zorg")
    for i in range(30):
        verband = _regeling(f"Regeling {i:02d}", [gemeenten[i]], volledig=i % 2 == 0, jaar=jaar)
        if i % 3 == 0:
            verband.domeinen.add(veiligheid)
    return {"client": _client(account(RolSoort.BEHEERDER)), "veiligheid": veiligheid}


def test_start_page_shows_25_regelingen_a_page(beheerder_met_veel):
    client = beheerder_met_veel["client"]
    eerste = client.get(WERKLIJST)
    tekst = eerste.content.decode()
    assert eerste.status_code == 200
    assert "30 regelingen; pagina 1 van 2" in tekst
    assert sorted(_regelingen_van(tekst)) == [f"Regeling {i:02d}" for i in range(25)]
    assert 'href="?pagina=2" rel="next">Volgende pagina</a>' in tekst
    tweede = client.get(WERKLIJST, {"pagina": "2"}).content.decode()
    assert sorted(_regelingen_van(tweede)) == [f"Regeling {i:02d}" for i in range(25, 30)]
    assert 'rel="prev">Vorige pagina</a>' in tweede
    # A page past the end or not a number: the nearest page, not an error.
    voorbij = client.get(WERKLIJST, {"pagina": "99"})
    assert voorbij.status_code == 200
    assert "30 regelingen; pagina 2 van 2" in voorbij.content.decode()
    assert "pagina 1 van 2" in client.get(WERKLIJST, {"pagina": "x"}).content.decode()


def test_start_page_filters_by_name_domein_and_open_points(beheerder_met_veel):
    client = beheerder_met_veel["client"]
    tekst = client.get(WERKLIJST, {"naam": "regeling 1"}).content.decode()
    # "Regeling 01" does not contain "regeling 1"; 10 to 19 do (case does not matter).
    assert sorted(_regelingen_van(tekst)) == [f"Regeling {i}" for i in range(10, 20)]
    assert 'value="regeling 1"' in tekst
    assert "Alle regelingen</a>" in tekst

    domein = beheerder_met_veel["veiligheid"].pk
    tekst = client.get(WERKLIJST, {"domein": domein}).content.decode()
    assert sorted(_regelingen_van(tekst)) == [f"Regeling {i:02d}" for i in range(0, 30, 3)]

    tekst = client.get(WERKLIJST, {"alleen_open": "on"}).content.decode()
    assert "15 regelingen" in tekst
    assert sorted(_regelingen_van(tekst)) == [f"Regeling {i:02d}" for i in range(1, 30, 2)]
    assert "Regelingen zonder openstaande punten" not in tekst

    # The three together, and the page link keeps the filter.
    tekst = client.get(
        WERKLIJST, {"naam": "Regeling", "domein": domein, "alleen_open": "on"}
    ).content.decode()
    assert sorted(_regelingen_van(tekst)) == [
        "Regeling 03",
        "Regeling 09",
        "Regeling 15",
        "Regeling 21",
        "Regeling 27",
    ]
    tekst = client.get(WERKLIJST, {"naam": "Regeling"}).content.decode()
    assert "30 regelingen; pagina 1 van 2" in tekst
    assert 'href="?naam=Regeling&amp;pagina=2" rel="next">Volgende pagina</a>' in tekst
    # Spaces around the name do not count.
    tekst = client.get(WERKLIJST, {"naam": "  regeling 1  "}).content.decode()
    assert sorted(_regelingen_van(tekst)) == [f"Regeling {i}" for i in range(10, 20)]
    tekst = client.get(WERKLIJST, {"naam": "bestaat niet"}).content.decode()
    assert "Geen regelingen bij dit filter." in tekst
    # An unknown domein is said in Dutch next to the field, not a 500.
    tekst = client.get(WERKLIJST, {"domein": "999999"}).content.decode()
    assert "Selecteer een geldige keuze" in tekst


# --- Links both ways ------------------------------------------------------------------------


def _wijzig_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_admin_change_pages_link_to_the_public_page(secretariaat):
    beheerder = account(RolSoort.BEHEERDER)
    client = _client(beheerder)
    verband = secretariaat["open"]
    deelname = verband.deelnames.first()
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    for obj, publiek in (
        (verband, f"/samenwerkingsverbanden/{verband.slug}/"),
        (deelname, f"/samenwerkingsverbanden/{verband.slug}/"),
        (zaanstad, "/gemeenten/GM0479/"),
    ):
        tekst = client.get(_wijzig_url(obj)).content.decode()
        assert f'href="{publiek}" class="viewsitelink">Bekijk op de site</a>' in tekst, obj
        assert "View on site" not in tekst
        assert Client().get(publiek).status_code == 200


@pytest.mark.parametrize(
    ("rol", "gemeente", "verband"),
    [(None, False, False), ("secretariaat", False, True), ("beheerder", True, True)],
)
def test_public_pages_show_bewerk_in_beheer_to_who_may_edit(secretariaat, rol, gemeente, verband):
    gebruiker = {"secretariaat": secretariaat["account"], "beheerder": account(RolSoort.BEHEERDER)}
    client = _client(gebruiker[rol]) if rol else Client()
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    tekst = client.get("/gemeenten/GM0479/").content.decode()
    assert ("Bewerk in beheer" in tekst) is gemeente
    assert (f'href="{_wijzig_url(zaanstad)}"' in tekst) is gemeente
    tekst = client.get(f"/samenwerkingsverbanden/{secretariaat['open'].slug}/").content.decode()
    assert ("Bewerk in beheer" in tekst) is verband


# --- The raad's decision date on open zienswijzen ----------------------------------------------


def _zienswijzen(verband, vandaag):
    """A request received ten days ago with its deadline in four weeks; Zaanstad's raad meets
    in two weeks (its decision date), Purmerend's only after the deadline."""
    from raad import services
    from raad.models import Raadsvergadering
    from tests.raad.factories import ZienswijzeverzoekFactory

    verzoek = ZienswijzeverzoekFactory(
        samenwerkingsverband=verband,
        onderwerp="Ontwerpbegroting",
        ontvangen_op=vandaag - datetime.timedelta(days=10),
        uiterste_datum=vandaag + datetime.timedelta(days=28),
    )
    services.zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    for cbs, dagen in (("GM0479", 14), ("GM0439", 35)):
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(
                gemeente=Gemeente.objects.get(cbs_code=cbs),
                datum=vandaag + datetime.timedelta(days=dagen),
            )
        )
    return verzoek


def _datum(d) -> str:
    from django.utils.formats import date_format

    return date_format(d, "j F Y")


def test_start_page_shows_each_open_zienswijze_with_the_raads_decision_date(secretariaat):
    vandaag = timezone.localdate()
    verzoek = _zienswijzen(secretariaat["open"], vandaag)
    antwoord = _client(secretariaat["account"]).get(WERKLIJST)
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    begin = f"Zienswijze op Ontwerpbegroting (uiterlijk {_datum(verzoek.uiterste_datum)})"
    assert (
        f"{begin}, Zaanstad: besluit van de raad: Raadsvergadering van "
        f"{_datum(vandaag + datetime.timedelta(days=14))} (de laatste vóór de termijn)"
    ) in tekst
    assert (
        f"{begin}, Purmerend: besluit van de raad: Geen raadsvergadering vóór de termijn — "
        "plan een extra vergadering of vraag uitstel."
    ) in tekst
    link = reverse("raad:zienswijzeverzoek", args=[verzoek.uuid])
    assert f'<a href="{link}">Alle raden bij dit verzoek</a>' in tekst


def test_admin_zienswijze_list_shows_the_raads_decision_date(secretariaat):
    vandaag = timezone.localdate()
    _zienswijzen(secretariaat["open"], vandaag)
    antwoord = _client(account(RolSoort.BEHEERDER)).get(reverse("admin:raad_zienswijze_changelist"))
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    assert "besluit van de raad" in tekst.lower()
    assert (
        f"Raadsvergadering van {_datum(vandaag + datetime.timedelta(days=14))} (de laatste "
        "vóór de termijn)" in tekst
    )
    assert (
        "Geen raadsvergadering vóór de termijn — plan een extra vergadering of vraag uitstel."
        in (tekst)
    )


@pytest.mark.parametrize("aantal", [1, 8])
def test_admin_zienswijze_list_query_count_stays_constant(
    secretariaat, aantal, django_assert_num_queries
):
    vandaag = timezone.localdate()
    for i in range(aantal):
        # 100 days apart: each request has its own decision meeting.
        _zienswijzen(secretariaat["open"], vandaag + datetime.timedelta(days=100 * i))
    client = _client(account(RolSoort.BEHEERDER))
    client.get(reverse("admin:raad_zienswijze_changelist"))  # warms the session and role
    # 1 session, 2 user, 3-4 role with its regelingen, 5 the provinces to filter on, 6 count
    # (filtered), 7 count (all), 8 the page's zienswijzen with status and decision date.
    with django_assert_num_queries(8):
        antwoord = client.get(reverse("admin:raad_zienswijze_changelist"))
    assert " ".join(antwoord.content.decode().split()).count("(de laatste vóór de termijn)") == (
        aantal
    )


def test_the_filter_searches_as_the_site_and_offers_only_the_own_domeinen(secretariaat):
    """The name filter matched only the literal text ("GGD" missed "Gemeentelijke
    Gezondheidsdienst …", which the admin's and the site's search find), and the domein list
    offered all ninety domeinen of the register and regioreg, most in none of the
    secretary's regelingen."""
    gebruiker = secretariaat["account"]
    ggd = f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Testregio"
    )
    gezondheid = f.DomeinFactory(naam="Testdomein gezondheid", code="test-gezondheid")
    ggd.domeinen.add(gezondheid)
    gebruiker.rol.samenwerkingsverbanden.add(ggd)
    vreemd = f.SamenwerkingsverbandFactory(naam="Gemeentelijke Gezondheidsdienst Elders")
    vreemd.domeinen.add(f.DomeinFactory(naam="Testdomein elders", code="test-elders"))
    client = _client(gebruiker)

    antwoord = client.get(WERKLIJST, {"naam": "ggd"})
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert sorted(_regelingen_van(tekst)) == sorted(["GGD Zaanstreek", ggd.naam])
    assert "Zoekt zoals de zoekbalk van de site" in tekst
    pagina = html.fromstring(tekst)
    # The help is read out with the field.
    (hulp,) = pagina.xpath("//input[@name='naam']/@aria-describedby")
    assert pagina.get_element_by_id(hulp).text.startswith("Zoekt zoals de zoekbalk")
    assert pagina.xpath("//select[@name='domein']/option/text()") == [
        "alle domeinen",
        "Testdomein gezondheid",
    ]
    # Another regeling's domein is no choice here; said next to the field.
    elders = Domein.objects.get(code="test-elders").pk
    tekst = client.get(WERKLIJST, {"domein": elders}).content.decode()
    assert "Selecteer een geldige keuze" in tekst
    # ... with why and what to do (Django said only that it is not among the choices).
    assert "dit domein hoort bij geen van uw regelingen" in tekst
    assert "Kies een domein uit de lijst, of „alle domeinen”." in tekst
    # The name typed beside it still filters.
    tekst = client.get(WERKLIJST, {"naam": "ggd", "domein": elders}).content.decode()
    assert "Selecteer een geldige keuze" in tekst
    assert sorted(_regelingen_van(tekst)) == sorted(["GGD Zaanstreek", ggd.naam])
