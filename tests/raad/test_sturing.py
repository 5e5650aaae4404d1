"""Kaders van de raad (entered by the griffie of that gemeente) and doelen en prestaties
(entered by the regeling's secretariaat): who may write them, where they show, "kaders
{jaar} → wat kwam ervan terecht", the API, and query counts that stay constant."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from raad import services
from raad.models import Doel, Indicator, Indicatorwaarde, Kader, KaderSoort
from samenwerking.constants import JaarcijfersSoort
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import (
    IndicatorFactory,
    IndicatorwaardeFactory,
    KaderFactory,
)
from tests.toegang import account
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def regio(referentiedata):
    """Zaanstad and Purmerend both in one regeling, Purmerend also in another; a griffie of
    each, a secretariaat of the first regeling and one of the other, a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband, gemeente in ((eigen, zaanstad), (eigen, purmerend), (ander, purmerend)):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return {
        "eigen": eigen,
        "ander": ander,
        "zaanstad": zaanstad,
        "purmerend": purmerend,
        "griffie": account(RolSoort.GRIFFIE, gemeente=zaanstad),
        "griffie_purmerend": account(RolSoort.GRIFFIE, gemeente=purmerend),
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "secretariaat_ander": account(RolSoort.SECRETARIAAT, verbanden=[ander]),
        "beheerder": account(RolSoort.BEHEERDER),
    }


def _admin(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _tekst(antwoord) -> str:
    return " ".join(antwoord.content.decode().split())


def _url(model, actie="add", *args) -> str:
    return reverse(f"admin:raad_{model._meta.model_name}_{actie}", args=args)


def _kader_post(client, regio, **anders):
    gegevens = formulier_gegevens(client.get(_url(Kader)))
    gegevens.update(
        {
            "samenwerkingsverband": [str(regio["eigen"].pk)],
            "soort": [KaderSoort.WENSEN_EN_BEDENKINGEN],
            "jaar": ["2026"],
            "besluitdatum": ["2025-06-26"],
            "onderwerp": ["Wensen en bedenkingen begroting 2026"],
            "tekst": ["Meer inzet op preventie; de bijdrage stijgt niet boven de index."],
        }
    )
    gegevens.update({k: [v] for k, v in anders.items()})
    return client.post(_url(Kader), gegevens)


# --- Kaders: who may write --------------------------------------------------------------------


def test_griffie_enters_a_kader_for_its_own_gemeente_in_the_admin(regio):
    client = _admin(regio["griffie"])
    formulier = client.get(_url(Kader))
    assert formulier.status_code == 200
    # Only its own gemeente to choose, already chosen; only the regelingen it takes part in.
    keuzes = formulier.context["adminform"].form.fields
    assert list(keuzes["gemeente"].queryset) == [regio["zaanstad"]]
    assert formulier.context["adminform"].form.initial["gemeente"] == regio["zaanstad"].pk
    assert list(keuzes["samenwerkingsverband"].queryset) == [regio["eigen"]]
    antwoord = _kader_post(client, regio)
    assert antwoord.status_code == 302, _tekst(antwoord)
    kader = Kader.objects.get()
    assert (kader.gemeente, kader.samenwerkingsverband, kader.jaar) == (
        regio["zaanstad"],
        regio["eigen"],
        2026,
    )
    assert kader.history.first().history_user == regio["griffie"]


def test_kader_admin_page_links_to_the_gemeente_page_with_the_kaders(client, regio):
    kader = KaderFactory(gemeente=regio["zaanstad"], samenwerkingsverband=regio["eigen"])
    tekst = _tekst(_admin(regio["griffie"]).get(_url(Kader, "change", kader.pk)))
    publiek = "/gemeenten/GM0479/#kaders"
    assert f'href="{publiek}" class="viewsitelink">Bekijk op de site</a>' in tekst
    pagina = client.get(publiek)
    assert pagina.status_code == 200
    assert kader.onderwerp in _tekst(pagina)


def test_griffie_cannot_enter_a_kader_for_another_gemeente_with_a_forged_id(regio):
    client = _admin(regio["griffie"])
    antwoord = _kader_post(client, regio, gemeente=str(regio["purmerend"].pk))
    assert antwoord.status_code == 200
    assert "Selecteer een geldige keuze" in _tekst(antwoord)
    assert not Kader.objects.exists()


def test_griffie_cannot_change_or_move_a_kader_of_another_gemeente(regio):
    anders = KaderFactory(gemeente=regio["purmerend"], samenwerkingsverband=regio["eigen"])
    eigen = KaderFactory(gemeente=regio["zaanstad"], samenwerkingsverband=regio["eigen"])
    client = _admin(regio["griffie"])
    # Another gemeente's kader is not there to change (the admin redirects as for a missing row).
    assert client.get(_url(Kader, "change", anders.pk)).status_code == 302
    client.post(_url(Kader, "change", anders.pk), {"onderwerp": "Gekaapt"})
    assert Kader.objects.get(pk=anders.pk).onderwerp == anders.onderwerp
    assert client.post(_url(Kader, "delete", anders.pk), {"post": "yes"}).status_code == 302
    assert Kader.objects.filter(pk=anders.pk).exists()
    # Its own kader cannot be moved to another gemeente by a forged id either.
    gegevens = formulier_gegevens(client.get(_url(Kader, "change", eigen.pk)))
    gegevens["gemeente"] = [str(regio["purmerend"].pk)]
    antwoord = client.post(_url(Kader, "change", eigen.pk), gegevens)
    assert antwoord.status_code == 200
    assert Kader.objects.get(pk=eigen.pk).gemeente == regio["zaanstad"]


@pytest.mark.parametrize(
    ("rol", "status"),
    # A secretariaat has no kaders at all; another griffie does not get Zaanstad's: the admin
    # sends it to its start page (Django's "does not exist").
    [("secretariaat", 403), ("griffie_purmerend", 302)],
)
def test_others_may_not_change_zaanstads_kaders(regio, rol, status):
    kader = KaderFactory(gemeente=regio["zaanstad"], samenwerkingsverband=regio["eigen"])
    client = _admin(regio[rol])
    gegevens = {"onderwerp": ["Gekaapt"], "gemeente": [str(regio["zaanstad"].pk)]}
    antwoord = client.post(_url(Kader, "change", kader.pk), gegevens)
    assert antwoord.status_code == status, antwoord.status_code
    if status == 302:
        assert antwoord.url == reverse("admin:index")
    assert Kader.objects.get(pk=kader.pk).onderwerp == kader.onderwerp
    if rol == "secretariaat":
        # A secretariaat adds no kaders at all.
        assert client.get(_url(Kader)).status_code == 403
        assert client.post(_url(Kader), gegevens).status_code == 403
    assert Kader.objects.count() == 1


def test_anonymous_is_sent_to_the_login_for_kaders(regio):
    antwoord = Client().get(_url(Kader))
    assert antwoord.status_code == 302 and "/admin/login/" in antwoord["Location"]


def test_a_kader_for_a_regeling_the_gemeente_is_not_in_is_refused(regio):
    kader = Kader(
        gemeente=regio["zaanstad"],
        samenwerkingsverband=regio["ander"],
        soort=KaderSoort.RAADSBESLUIT,
        jaar=2026,
        besluitdatum=D(2025, 6, 26),
        onderwerp="Kaders",
    )
    with pytest.raises(ValidationError) as fout:
        services.kader_opslaan(kader=kader)
    assert "Zaanstad neemt niet deel aan Omgevingsdienst Elders" in str(fout.value)
    assert not Kader.objects.exists()


@pytest.mark.parametrize(
    ("toetreding", "uittreding", "jaar", "periode"),
    [
        # Ended on 1 January 2025: it ran in 2024, not in 2025.
        (None, D(2025, 1, 1), 2025, "onbekend tot 1 januari 2025"),
        # Began on 1 March 2027: it runs in 2027, not in 2026.
        (D(2027, 3, 1), None, 2026, "vanaf 1 maart 2027"),
    ],
)
def test_a_kader_for_a_year_the_deelname_does_not_run_is_refused(
    regio, toetreding, uittreding, jaar, periode
):
    verband = f.SamenwerkingsverbandFactory(naam="Recreatieschap Twiske")
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=regio["zaanstad"],
        toetredingsdatum=toetreding,
        uittredingsdatum=uittreding,
    )
    kader = Kader(
        gemeente=regio["zaanstad"],
        samenwerkingsverband=verband,
        soort=KaderSoort.RAADSBESLUIT,
        jaar=jaar,
        besluitdatum=D(2024, 6, 26),
        onderwerp="Kaders",
    )
    with pytest.raises(ValidationError) as fout:
        services.kader_opslaan(kader=kader)
    assert fout.value.message_dict == {
        "jaar": [
            f"Jaar: Zaanstad nam in {jaar} niet deel aan {verband} (deelname "
            f"{periode}). Kies een jaar waarin de gemeente deelnam."
        ]
    }
    assert not Kader.objects.exists()
    # A year in which it ran is accepted.
    kader.jaar = 2024 if uittreding else 2027
    services.kader_opslaan(kader=kader)
    assert Kader.objects.get().jaar == kader.jaar


def test_the_admin_refuses_a_kader_for_a_year_after_the_deelname_ended(regio):
    deelname = regio["eigen"].deelnames.get(gemeente=regio["zaanstad"])
    deelname.uittredingsdatum = D(2026, 1, 1)
    deelname.save()
    antwoord = _kader_post(_admin(regio["griffie"]), regio, jaar="2026")
    assert antwoord.status_code == 200
    assert (
        f"Jaar: Zaanstad nam in 2026 niet deel aan {regio['eigen']} "
        "(deelname 1 januari 2015 tot 1 januari 2026)" in _tekst(antwoord)
    )
    assert not Kader.objects.exists()


def test_beheerder_enters_a_kader_for_any_gemeente(regio):
    client = _admin(regio["beheerder"])
    antwoord = _kader_post(client, regio, gemeente=str(regio["purmerend"].pk))
    assert antwoord.status_code == 302
    assert Kader.objects.get().gemeente == regio["purmerend"]


# --- Doelen en prestaties: who may write -----------------------------------------------------


def _doel_post(client, verband):
    gegevens = formulier_gegevens(client.get(_url(Doel)))
    gegevens.update(
        {
            "samenwerkingsverband": [str(verband.pk)],
            "titel": ["Minder kinderen met overgewicht"],
            "omschrijving": ["Uit de begroting 2026, programma Jeugd."],
            "volgorde": ["1"],
            "indicatoren-TOTAL_FORMS": ["1"],
            "indicatoren-INITIAL_FORMS": ["0"],
            "indicatoren-0-naam": ["Kinderen met overgewicht"],
            "indicatoren-0-eenheid": ["%"],
            "indicatoren-0-volgorde": ["0"],
        }
    )
    return client.post(_url(Doel), gegevens)


def test_secretariaat_enters_doelen_indicators_and_values_of_its_regeling(regio):
    client = _admin(regio["secretariaat"])
    antwoord = _doel_post(client, regio["eigen"])
    assert antwoord.status_code == 302, _tekst(antwoord)
    indicator = Indicator.objects.get()
    assert indicator.doel.samenwerkingsverband == regio["eigen"]
    gegevens = formulier_gegevens(client.get(_url(Indicator, "change", indicator.pk)))
    gegevens.update(
        {
            "waarden-TOTAL_FORMS": ["1"],
            "waarden-0-jaar": ["2025"],
            "waarden-0-gepland": ["12"],
            "waarden-0-gerealiseerd": ["12.4"],
            "waarden-0-bron": ["Jaarverslag 2025"],
            "waarden-0-bron_url": ["https://example.org/jaarverslag-2025.pdf"],
        }
    )
    antwoord = client.post(_url(Indicator, "change", indicator.pk), gegevens)
    assert antwoord.status_code == 302, _tekst(antwoord)
    waarde = Indicatorwaarde.objects.get()
    assert (waarde.jaar, waarde.gepland, waarde.gerealiseerd) == (
        2025,
        Decimal("12"),
        Decimal("12.4"),
    )


def test_another_secretariaat_cannot_add_doelen_with_a_forged_regeling(regio):
    client = _admin(regio["secretariaat_ander"])
    antwoord = _doel_post(client, regio["eigen"])
    assert antwoord.status_code == 200
    assert "Kies een samenwerkingsverband dat uw account beheert" in _tekst(antwoord)
    assert not Doel.objects.exists()


def test_others_cannot_change_a_regelings_doelen_or_values(regio):
    waarde = IndicatorwaardeFactory(indicator__doel__samenwerkingsverband=regio["eigen"])
    indicator, doel = waarde.indicator, waarde.indicator.doel
    # The other regeling's secretariaat does not get this one's indicator (sent to the admin's
    # start page); a griffie has no doelen at all.
    for rol, status in (("secretariaat_ander", 302), ("griffie", 403)):
        client = _admin(regio[rol])
        client.post(_url(Doel, "change", doel.pk), {"titel": "Gekaapt"})
        gegevens = {
            "doel": [str(doel.pk)],
            "naam": ["Gekaapt"],
            "waarden-TOTAL_FORMS": ["1"],
            "waarden-INITIAL_FORMS": ["1"],
            "waarden-0-id": [str(waarde.pk)],
            "waarden-0-indicator": [str(indicator.pk)],
            "waarden-0-jaar": ["2025"],
            "waarden-0-gerealiseerd": ["100"],
        }
        antwoord = client.post(_url(Indicator, "change", indicator.pk), gegevens)
        assert antwoord.status_code == status, (rol, antwoord.status_code)
        if status == 302:
            assert antwoord.url == reverse("admin:index")
        if rol == "griffie":
            assert client.get(_url(Doel)).status_code == 403
    assert Doel.objects.get().titel == doel.titel
    assert Indicator.objects.get().naam == indicator.naam
    assert Indicatorwaarde.objects.get().gerealiseerd == Decimal("87.5")


def test_an_indicator_value_needs_a_planned_or_an_actual_value(regio):
    indicator = IndicatorFactory(doel__samenwerkingsverband=regio["eigen"])
    with pytest.raises(ValidationError, match="vul een geplande of een gerealiseerde waarde in"):
        services.indicatorwaarde_vastleggen(indicator=indicator, jaar=2025)
    services.indicatorwaarde_vastleggen(indicator=indicator, jaar=2025, gepland=Decimal("80"))
    services.indicatorwaarde_vastleggen(
        indicator=indicator, jaar=2025, gerealiseerd=Decimal("78"), bron="Jaarverslag 2025"
    )
    waarde = Indicatorwaarde.objects.get()
    assert (waarde.gepland, waarde.gerealiseerd, waarde.bron) == (
        Decimal("80"),
        Decimal("78"),
        "Jaarverslag 2025",
    )


def test_secretariaat_clears_a_value_and_the_history_shows_it(regio):
    indicator = IndicatorFactory(doel__samenwerkingsverband=regio["eigen"])
    services.indicatorwaarde_vastleggen(
        indicator=indicator,
        jaar=2025,
        gepland=Decimal("80"),
        gerealiseerd=Decimal("78"),
        bron="Jaarverslag 2025",
    )
    # A value not given keeps what is stored; None (or "") clears it.
    services.indicatorwaarde_vastleggen(indicator=indicator, jaar=2025, gerealiseerd=None, bron="")
    waarde = Indicatorwaarde.objects.get()
    assert (waarde.gepland, waarde.gerealiseerd, waarde.bron) == (Decimal("80"), None, "")
    nieuw, oud = waarde.history.all()[:2]
    verschil = {w.field: (w.old, w.new) for w in nieuw.diff_against(oud).changes}
    assert verschil == {
        "gerealiseerd": (Decimal("78.000"), None),
        "bron": ("Jaarverslag 2025", ""),
    }
    # Clearing the last value too is refused: nothing changes.
    with pytest.raises(ValidationError, match="vul een geplande of een gerealiseerde waarde in"):
        services.indicatorwaarde_vastleggen(indicator=indicator, jaar=2025, gepland=None)
    assert Indicatorwaarde.objects.get().gepland == Decimal("80")


def test_secretariaat_clears_a_value_in_the_admin_and_sees_it_in_the_history(regio):
    waarde = IndicatorwaardeFactory(
        indicator__doel__samenwerkingsverband=regio["eigen"],
        jaar=2025,
        gepland=Decimal("80"),
        gerealiseerd=Decimal("78"),
    )
    client = _admin(regio["secretariaat"])
    url = _url(Indicatorwaarde, "change", waarde.pk)
    gegevens = formulier_gegevens(client.get(url))
    gegevens["gerealiseerd"] = [""]
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 302, _tekst(antwoord)
    assert Indicatorwaarde.objects.get().gerealiseerd is None
    geschiedenis = client.get(_url(Indicatorwaarde, "history", waarde.pk))
    assert geschiedenis.status_code == 200
    # The newest change, by this account, from 78 to nothing.
    tekst = " ".join(unescape(strip_tags(geschiedenis.content.decode())).split())
    nieuwste = tekst[tekst.find("Wijzigingen (oud → nieuw)") :]
    assert f"gewijzigd {regio['secretariaat']}" in nieuwste
    assert "Gerealiseerd: 78.000 → leeg" in nieuwste
    assert "None" not in tekst


# --- Pages -------------------------------------------------------------------------------------


@pytest.fixture
def gevuld(regio):
    """Zaanstad's and Purmerend's kaders for 2025 and 2026; the regeling's jaarrekening 2025
    and a goal with an indicator planned and realised in 2025 and planned in 2026."""
    verband = regio["eigen"]
    KaderFactory(
        gemeente=regio["zaanstad"],
        samenwerkingsverband=verband,
        jaar=2025,
        onderwerp="Kaders 2025: bijdrage hoogstens +2%",
        document_url="https://zaanstad.example/besluit-2025",
    )
    KaderFactory(
        gemeente=regio["zaanstad"],
        samenwerkingsverband=verband,
        jaar=2026,
        soort=KaderSoort.INSTRUCTIE,
        onderwerp="Instructie: stem tegen een hogere bijdrage",
    )
    KaderFactory(
        gemeente=regio["purmerend"],
        samenwerkingsverband=verband,
        jaar=2025,
        onderwerp="Purmerend: meer preventie",
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2025,
        soort=JaarcijfersSoort.JAARREKENING,
        lasten=Decimal("5200000"),
        resultaat=Decimal("-100000"),
    )
    indicator = IndicatorFactory(
        doel__samenwerkingsverband=verband,
        doel__titel="Gezond opgroeien",
        naam="Kinderen met overgewicht",
        eenheid="%",
    )
    IndicatorwaardeFactory(
        indicator=indicator,
        jaar=2025,
        gepland=Decimal("12"),
        gerealiseerd=Decimal("12.4"),
        bron="Jaarverslag 2025",
        bron_url="https://ggd.example/jaarverslag-2025",
    )
    IndicatorwaardeFactory(
        indicator=indicator, jaar=2026, gepland=Decimal("11.5"), gerealiseerd=None
    )
    return regio


def _sectie(tekst: str, kop: str) -> str:
    return tekst.split(kop, 1)[1].split("</section>", 1)[0]


def test_gemeente_page_shows_its_kaders_per_regeling(client, gevuld):
    antwoord = client.get("/gemeenten/GM0479/")
    assert antwoord.status_code == 200
    sectie = _sectie(_tekst(antwoord), "Kaders van de raad</h2>")
    assert "GGD Zaanstreek-Waterland</a></h3>" in sectie
    assert "Kaders 2025: bijdrage hoogstens +2%" in sectie
    assert "Instructie: stem tegen een hogere bijdrage" in sectie
    assert "instructie aan de vertegenwoordiger" in sectie
    assert "Purmerend: meer preventie" not in sectie  # another raad's


def test_gemeente_page_links_the_griffie_of_that_gemeente_to_its_kaders(client, regio):
    link = "Kader van de raad toevoegen"
    assert link not in _tekst(client.get("/gemeenten/GM0479/"))  # anonymous
    griffie = _admin(regio["griffie"])
    assert link in _tekst(griffie.get("/gemeenten/GM0479/"))
    assert link not in _tekst(griffie.get("/gemeenten/GM0439/"))  # another gemeente
    assert link not in _tekst(_admin(regio["secretariaat"]).get("/gemeenten/GM0479/"))


def test_gemeente_page_without_kaders_says_so(client, regio):
    tekst = _tekst(client.get("/gemeenten/GM0479/"))
    assert "De griffie heeft nog geen kaders van de raad vastgelegd." in tekst


def test_arrangement_page_shows_doelen_beside_the_money_and_what_came_of_the_kaders(client, gevuld):
    antwoord = client.get(f"/samenwerkingsverbanden/{gevuld['eigen'].slug}/")
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    # Doelen follow the money section.
    assert tekst.index('id="geld-kop"') < tekst.index('id="doelen-kop"')
    doelen = _sectie(tekst, "Doelen en prestaties</h2>")
    assert "<h4>Gezond opgroeien</h4>" in doelen
    assert (
        '<th scope="row">Kinderen met overgewicht</th> <td>2025</td> '
        '<td class="getal">12 %</td> <td class="getal">12,4 %</td> '
        '<td><a href="https://ggd.example/jaarverslag-2025">Jaarverslag 2025</a></td>'
    ) in doelen
    assert '<td>2026</td> <td class="getal">11,5 %</td> <td class="getal">onbekend</td>' in doelen
    kaders = _sectie(tekst, "Kaders van de raden</h2>")
    # Newest year first; each raad's kaders named with its gemeente.
    assert kaders.index("Kaders 2026 → wat kwam ervan terecht") < kaders.index(
        "Kaders 2025 → wat kwam ervan terecht"
    )
    jaar_2025 = kaders.split("Kaders 2025 → wat kwam ervan terecht")[1]
    assert "Purmerend: meer preventie" in jaar_2025 and "Zaanstad ·" in jaar_2025
    assert (
        '<th scope="row">Lasten</th><td class="getal">onbekend</td>'
        '<td class="getal">€ 5.200.000</td>'
    ) in jaar_2025.replace("> <", "><")
    assert (
        '<th scope="row">Gezond opgroeien: Kinderen met overgewicht</th> '
        '<td class="getal">12 %</td> <td class="getal">12,4 %</td>'
    ) in jaar_2025
    jaar_2026 = kaders.split("Kaders 2026 → wat kwam ervan terecht")[1].split("Kaders 2025")[0]
    assert "De jaarrekening 2026 en de gerealiseerde prestaties zijn er nog niet" in jaar_2026


def test_arrangement_page_without_doelen_or_kaders_says_so(client, regio):
    tekst = _tekst(client.get(f"/samenwerkingsverbanden/{regio['ander'].slug}/"))
    assert "Er zijn geen doelen en prestaties vastgelegd." in tekst
    assert "Geen raad heeft kaders voor dit verband vastgelegd." in tekst


def test_oplegger_shows_the_own_raads_kaders_beside_the_results_and_the_doelen(client, gevuld):
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{gevuld['eigen'].uuid}/oplegger/"
    antwoord = client.get(url, {"peildatum": "2026-03-01"})
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    kaders = _sectie(tekst, "Kaders van de raad van Zaanstad</h2>")
    assert "Kaders 2025: bijdrage hoogstens +2%" in kaders
    assert '<a href="https://zaanstad.example/besluit-2025">raadsbesluit' in kaders
    assert "Purmerend: meer preventie" not in kaders  # another raad's, not in this oplegger
    assert "Kaders 2025 → wat kwam ervan terecht" in kaders
    assert '<td class="getal">−€ 100.000</td>' in kaders  # the jaarrekening's resultaat
    doelen = _sectie(tekst, "Doelen en prestaties</h2>")
    assert "Kinderen met overgewicht" in doelen and "12,4 %" in doelen
    # Purmerend's oplegger shows its own kader, not Zaanstad's.
    url = f"/gemeenten/GM0439/samenwerkingsverbanden/{gevuld['eigen'].uuid}/oplegger/"
    tekst = _tekst(client.get(url))
    assert "Purmerend: meer preventie" in tekst and "Kaders 2025: bijdrage" not in tekst


# --- Query counts ------------------------------------------------------------------------------


def _veel(regio, aantal: int) -> None:
    verband = regio["eigen"]
    for i in range(aantal):
        KaderFactory(gemeente=regio["zaanstad"], samenwerkingsverband=verband, jaar=2000 + i)
        indicator = IndicatorFactory(doel__samenwerkingsverband=verband)
        IndicatorFactory(doel=indicator.doel)
        for jaar in (2000 + i, 2001 + i):
            IndicatorwaardeFactory(indicator=indicator, jaar=jaar)
        f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=2000 + i)


@pytest.mark.parametrize("aantal", [1, 12])
def test_arrangement_page_query_count_with_kaders_and_doelen(
    client, regio, aantal, django_assert_num_queries
):
    _veel(regio, aantal)
    # 1-20 the arrangement page without steering (tests/raad/test_pages.py; no organs, so no
    # seats are read), 21 kaders with their gemeente, 22 doelen, 23 their indicators, 24 the
    # indicators' values.
    with django_assert_num_queries(24):
        antwoord = client.get(f"/samenwerkingsverbanden/{regio['eigen'].slug}/")
    assert _tekst(antwoord).count("→ wat kwam ervan terecht") == aantal


@pytest.mark.parametrize("aantal", [1, 12])
def test_gemeente_page_query_count_with_kaders(client, regio, aantal, django_assert_num_queries):
    _veel(regio, aantal)
    # 1 gemeente, 2-5 deelnames_van_gemeente, 6 per inwoner beside the other deelnemers,
    # 7 inwonertal, 8 kaders with their regeling.
    with django_assert_num_queries(8):
        antwoord = client.get("/gemeenten/GM0479/")
    assert _sectie(_tekst(antwoord), "Kaders van de raad</h2>").count("<li>") == aantal


@pytest.mark.parametrize("aantal", [1, 12])
def test_oplegger_query_count_with_kaders(client, regio, aantal, django_assert_num_queries):
    _veel(regio, aantal)
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{regio['eigen'].uuid}/oplegger/"
    # 1 gemeente, 2-11 samenwerkingsverband_overzicht (arrangement, domeinen, grondslagen,
    # bevoegdheden, documenten, deelnames, their bijdragen, organs, bijdragen per year,
    # jaarcijfers), 12-13 nested arrangements with historical mentions (one query), versions,
    # 14-16 the next P&C moments (rules, meetings, overrides), 17-22 the calendar (evaluaties,
    # vaststellingsvergaderingen, rules, overrides, the regeling's meetings and zienswijze
    # requests), 23 this raad's open zienswijzen with their decision date, 24 this raad's
    # kaders, 25 doelen, 26 indicators, 27 their values.
    with django_assert_num_queries(27):
        antwoord = client.get(url)
    assert _tekst(antwoord).count("→ wat kwam ervan terecht") == aantal


# --- API ---------------------------------------------------------------------------------------


def test_api_lists_kaders_with_filters(client, gevuld):
    antwoord = client.get("/api/v1/kaders", {"gemeente": "GM0479", "jaar": 2025})
    assert antwoord.status_code == 200
    [kader] = antwoord.json()["results"]
    assert kader["gemeente"] == "GM0479"
    assert kader["samenwerkingsverband"] == str(gevuld["eigen"].uuid)
    assert kader["onderwerp"] == "Kaders 2025: bijdrage hoogstens +2%"
    assert (kader["soort"], kader["soortLabel"]) == ("raadsbesluit", "Raadsbesluit (kaders)")
    assert kader["documentUrl"] == "https://zaanstad.example/besluit-2025"
    assert client.get("/api/v1/kaders", {"gemeente": "GM0439"}).json()["count"] == 1
    # Read only: the griffie enters kaders in the admin.
    voor = Kader.objects.count()
    schrijven = client.post("/api/v1/kaders", {})
    assert schrijven.status_code == 405, (schrijven.status_code, schrijven.content)
    assert Kader.objects.count() == voor


def test_api_shows_doelen_with_indicators_and_values(client, gevuld):
    antwoord = client.get("/api/v1/doelen", {"samenwerkingsverband": str(gevuld["eigen"].uuid)})
    assert antwoord.status_code == 200
    [doel] = antwoord.json()["results"]
    assert doel["titel"] == "Gezond opgroeien"
    [indicator] = doel["indicatoren"]
    assert (indicator["naam"], indicator["eenheid"]) == ("Kinderen met overgewicht", "%")
    eerste, tweede = indicator["waarden"]
    assert eerste["jaar"] == 2025 and Decimal(eerste["gerealiseerd"]) == Decimal("12.4")
    assert eerste["bronUrl"] == "https://ggd.example/jaarverslag-2025"
    assert tweede["jaar"] == 2026 and tweede["gerealiseerd"] is None
    detail = client.get(f"/api/v1/doelen/{doel['uuid']}")
    assert detail.status_code == 200 and detail.json()["indicatoren"] == doel["indicatoren"]


@pytest.mark.parametrize("aantal", [1, 12])
def test_api_kaders_and_doelen_query_count(client, regio, aantal, django_assert_num_queries):
    _veel(regio, aantal)
    # 1 count, 2 kaders with gemeente and regeling.
    with django_assert_num_queries(2):
        antwoord = client.get("/api/v1/kaders")
    assert antwoord.json()["count"] == aantal
    # 1 count, 2 doelen with their regeling, 3 indicators, 4 values.
    with django_assert_num_queries(4):
        antwoord = client.get("/api/v1/doelen")
    assert sum(len(d["indicatoren"]) for d in antwoord.json()["results"]) == 2 * aantal
