"""Kaders van de raad (entered by the griffie of that gemeente) and doelen en prestaties
(entered by the regeling's secretariaat): who may write them, where they show, "kaders
{jaar} → wat kwam ervan terecht", the API, and query counts that stay constant."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from raad import services
from raad.models import Doel, Indicator, Indicatorwaarde, Kader, KaderSoort
from samenwerking.models import Gemeente
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import (
    IndicatorFactory,
    IndicatorwaardeFactory,
    KaderFactory,
)
from tests.toegang.formulier import formulier_gegevens

pytestmark = pytest.mark.django_db

D = datetime.date


def _admin(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _url(model, actie="add", *args) -> str:
    return reverse(f"admin:raad_{model._meta.model_name}_{actie}", args=args)


def _kader_post(client, sturingsregio, **anders):
    gegevens = formulier_gegevens(client.get(_url(Kader)))
    gegevens.update(
        {
            "samenwerkingsverband": [str(sturingsregio["eigen"].pk)],
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


def test_griffie_enters_a_kader_for_its_own_gemeente_in_the_admin(sturingsregio):
    client = _admin(sturingsregio["griffie"])
    formulier = client.get(_url(Kader))
    assert formulier.status_code == 200
    # Only its own gemeente to choose, already chosen; only the regelingen it takes part in.
    keuzes = formulier.context["adminform"].form.fields
    assert list(keuzes["gemeente"].queryset) == [sturingsregio["zaanstad"]]
    assert formulier.context["adminform"].form.initial["gemeente"] == sturingsregio["zaanstad"].pk
    assert list(keuzes["samenwerkingsverband"].queryset) == [sturingsregio["eigen"]]
    antwoord = _kader_post(client, sturingsregio)
    assert antwoord.status_code == 302, paginatekst(antwoord)
    kader = Kader.objects.get()
    assert (kader.gemeente, kader.samenwerkingsverband, kader.jaar) == (
        sturingsregio["zaanstad"],
        sturingsregio["eigen"],
        2026,
    )
    assert kader.history.first().history_user == sturingsregio["griffie"]


def test_kader_admin_page_links_to_the_gemeente_page_with_the_kaders(client, sturingsregio):
    kader = KaderFactory(
        gemeente=sturingsregio["zaanstad"], samenwerkingsverband=sturingsregio["eigen"]
    )
    tekst = paginatekst(_admin(sturingsregio["griffie"]).get(_url(Kader, "change", kader.pk)))
    publiek = "/gemeenten/GM0479/#kaders"
    assert f'href="{publiek}" class="viewsitelink">Bekijk op de site</a>' in tekst
    pagina = client.get(publiek)
    assert pagina.status_code == 200
    assert kader.onderwerp in paginatekst(pagina)


def test_the_gemeente_pages_kaders_link_lists_that_gemeentes_kaders_only(sturingsregio):
    """ "Kaders van deze gemeente beheren" filters on the gemeente itself: a name search for
    Ede also found Nederweert's kaders (the name contains "ede") and any kader whose onderwerp
    or regeling names Ede."""
    ede = Gemeente.objects.get(cbs_code="GM0228")
    nederweert = Gemeente.objects.get(cbs_code="GM0946")
    eigen = KaderFactory(gemeente=ede, onderwerp="Kaders begroting 2026")
    KaderFactory(gemeente=nederweert, onderwerp="Kaders Nederweert")
    KaderFactory(gemeente=sturingsregio["zaanstad"], onderwerp="Zienswijze na overleg met Ede")
    client = _admin(sturingsregio["beheerder"])
    pagina = client.get("/gemeenten/GM0228/")
    link = re.search(
        r'<a href="([^"]+)">Kaders van deze gemeente beheren</a>', pagina.content.decode()
    )
    lijst = client.get(unescape(link.group(1)))
    assert lijst.status_code == 200
    assert list(lijst.context["cl"].result_list) == [eigen]
    # The list says it is filtered on Ede (the gemeente filter, with Ede chosen).
    assert re.search(
        r'<li class="selected">\s*<a href="[^"]*">Ede</a></li>', lijst.content.decode()
    )


def test_griffie_cannot_enter_a_kader_for_another_gemeente_with_a_forged_id(sturingsregio):
    client = _admin(sturingsregio["griffie"])
    antwoord = _kader_post(client, sturingsregio, gemeente=str(sturingsregio["purmerend"].pk))
    assert antwoord.status_code == 200
    # Said in Dutch, with what to choose instead of Django's "Selecteer een geldige keuze".
    assert (
        "Uw account mag alleen rijen van Zaanstad vastleggen. Kies Zaanstad als gemeente; "
        "voor een andere gemeente legt haar griffie dit vast."
    ) in paginatekst(antwoord)
    assert "Selecteer een geldige keuze" not in paginatekst(antwoord)
    assert not Kader.objects.exists()


def test_griffie_cannot_change_or_move_a_kader_of_another_gemeente(sturingsregio):
    anders = KaderFactory(
        gemeente=sturingsregio["purmerend"], samenwerkingsverband=sturingsregio["eigen"]
    )
    eigen = KaderFactory(
        gemeente=sturingsregio["zaanstad"], samenwerkingsverband=sturingsregio["eigen"]
    )
    client = _admin(sturingsregio["griffie"])
    # Another gemeente's kader is not there to change: the 403 page names it.
    geweigerd = client.get(_url(Kader, "change", anders.pk))
    assert geweigerd.status_code == 403
    assert "hoort bij gemeente „Purmerend”, niet bij wat uw account beheert." in paginatekst(
        geweigerd
    )
    client.post(_url(Kader, "change", anders.pk), {"onderwerp": "Gekaapt"})
    assert Kader.objects.get(pk=anders.pk).onderwerp == anders.onderwerp
    assert client.post(_url(Kader, "delete", anders.pk), {"post": "yes"}).status_code == 403
    assert Kader.objects.filter(pk=anders.pk).exists()
    # Its own kader cannot be moved to another gemeente by a forged id either.
    gegevens = formulier_gegevens(client.get(_url(Kader, "change", eigen.pk)))
    gegevens["gemeente"] = [str(sturingsregio["purmerend"].pk)]
    antwoord = client.post(_url(Kader, "change", eigen.pk), gegevens)
    assert antwoord.status_code == 200
    assert Kader.objects.get(pk=eigen.pk).gemeente == sturingsregio["zaanstad"]


@pytest.mark.parametrize(
    ("rol", "status"),
    # A secretariaat has no kaders at all; another griffie does not get Zaanstad's (the 403
    # page names the kader).
    [("secretariaat", 403), ("griffie_purmerend", 403)],
)
def test_others_may_not_change_zaanstads_kaders(sturingsregio, rol, status):
    kader = KaderFactory(
        gemeente=sturingsregio["zaanstad"], samenwerkingsverband=sturingsregio["eigen"]
    )
    client = _admin(sturingsregio[rol])
    gegevens = {"onderwerp": ["Gekaapt"], "gemeente": [str(sturingsregio["zaanstad"].pk)]}
    antwoord = client.post(_url(Kader, "change", kader.pk), gegevens)
    assert antwoord.status_code == status, antwoord.status_code
    if rol == "griffie_purmerend":
        assert "hoort bij gemeente „Zaanstad”, niet bij wat uw account beheert." in paginatekst(
            antwoord
        )
    assert Kader.objects.get(pk=kader.pk).onderwerp == kader.onderwerp
    if rol == "secretariaat":
        # A secretariaat adds no kaders at all.
        assert client.get(_url(Kader)).status_code == 403
        assert client.post(_url(Kader), gegevens).status_code == 403
    assert Kader.objects.count() == 1


def test_anonymous_is_sent_to_the_login_for_kaders(sturingsregio):
    antwoord = Client().get(_url(Kader))
    assert antwoord.status_code == 302 and "/admin/login/" in antwoord["Location"]


def test_a_kader_for_a_regeling_the_gemeente_is_not_in_is_refused(sturingsregio):
    kader = Kader(
        gemeente=sturingsregio["zaanstad"],
        samenwerkingsverband=sturingsregio["ander"],
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
    sturingsregio, toetreding, uittreding, jaar, periode
):
    verband = f.SamenwerkingsverbandFactory(naam="Recreatieschap Twiske")
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=sturingsregio["zaanstad"],
        toetredingsdatum=toetreding,
        uittredingsdatum=uittreding,
    )
    kader = Kader(
        gemeente=sturingsregio["zaanstad"],
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


def test_the_admin_refuses_a_kader_for_a_year_after_the_deelname_ended(sturingsregio):
    deelname = sturingsregio["eigen"].deelnames.get(gemeente=sturingsregio["zaanstad"])
    deelname.uittredingsdatum = D(2026, 1, 1)
    deelname.save()
    antwoord = _kader_post(_admin(sturingsregio["griffie"]), sturingsregio, jaar="2026")
    assert antwoord.status_code == 200
    assert (
        f"Jaar: Zaanstad nam in 2026 niet deel aan {sturingsregio['eigen']} "
        "(deelname 1 januari 2015 tot 1 januari 2026)" in paginatekst(antwoord)
    )
    assert not Kader.objects.exists()


def test_beheerder_enters_a_kader_for_any_gemeente(sturingsregio):
    client = _admin(sturingsregio["beheerder"])
    antwoord = _kader_post(client, sturingsregio, gemeente=str(sturingsregio["purmerend"].pk))
    assert antwoord.status_code == 302
    assert Kader.objects.get().gemeente == sturingsregio["purmerend"]


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


def test_secretariaat_enters_doelen_indicators_and_values_of_its_regeling(sturingsregio):
    client = _admin(sturingsregio["secretariaat"])
    antwoord = _doel_post(client, sturingsregio["eigen"])
    assert antwoord.status_code == 302, paginatekst(antwoord)
    indicator = Indicator.objects.get()
    assert indicator.doel.samenwerkingsverband == sturingsregio["eigen"]
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
    assert antwoord.status_code == 302, paginatekst(antwoord)
    waarde = Indicatorwaarde.objects.get()
    assert (waarde.jaar, waarde.gepland, waarde.gerealiseerd) == (
        2025,
        Decimal("12"),
        Decimal("12.4"),
    )


def test_another_secretariaat_cannot_add_doelen_with_a_forged_regeling(sturingsregio):
    client = _admin(sturingsregio["secretariaat_ander"])
    antwoord = _doel_post(client, sturingsregio["eigen"])
    assert antwoord.status_code == 200
    assert "Kies een samenwerkingsverband dat uw account beheert" in paginatekst(antwoord)
    assert not Doel.objects.exists()


def test_others_cannot_change_a_regelings_doelen_or_values(sturingsregio):
    waarde = IndicatorwaardeFactory(indicator__doel__samenwerkingsverband=sturingsregio["eigen"])
    indicator, doel = waarde.indicator, waarde.indicator.doel
    # The other regeling's secretariaat does not get this one's indicator (the 403 page names
    # it); a griffie has no doelen at all.
    for rol, status in (("secretariaat_ander", 403), ("griffie", 403)):
        client = _admin(sturingsregio[rol])
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
        if rol == "secretariaat_ander":
            assert "niet bij wat uw account beheert." in paginatekst(antwoord)
        if rol == "griffie":
            assert client.get(_url(Doel)).status_code == 403
    assert Doel.objects.get().titel == doel.titel
    assert Indicator.objects.get().naam == indicator.naam
    assert Indicatorwaarde.objects.get().gerealiseerd == Decimal("87.5")


def test_an_indicator_value_needs_a_planned_or_an_actual_value(sturingsregio):
    indicator = IndicatorFactory(doel__samenwerkingsverband=sturingsregio["eigen"])
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


def test_secretariaat_clears_a_value_and_the_history_shows_it(sturingsregio):
    indicator = IndicatorFactory(doel__samenwerkingsverband=sturingsregio["eigen"])
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


def test_secretariaat_clears_a_value_in_the_admin_and_sees_it_in_the_history(sturingsregio):
    waarde = IndicatorwaardeFactory(
        indicator__doel__samenwerkingsverband=sturingsregio["eigen"],
        jaar=2025,
        gepland=Decimal("80"),
        gerealiseerd=Decimal("78"),
    )
    client = _admin(sturingsregio["secretariaat"])
    url = _url(Indicatorwaarde, "change", waarde.pk)
    gegevens = formulier_gegevens(client.get(url))
    gegevens["gerealiseerd"] = [""]
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 302, paginatekst(antwoord)
    assert Indicatorwaarde.objects.get().gerealiseerd is None
    geschiedenis = client.get(_url(Indicatorwaarde, "history", waarde.pk))
    assert geschiedenis.status_code == 200
    # The newest change, by this account, from 78 to nothing.
    tekst = " ".join(unescape(strip_tags(geschiedenis.content.decode())).split())
    nieuwste = tekst[tekst.find("Wijzigingen (oud → nieuw)") :]
    assert f"gewijzigd {sturingsregio['secretariaat']}" in nieuwste
    # As the pages write an indicator value, not as stored ("78.000").
    assert "Gerealiseerd: 78 → leeg" in nieuwste
    assert "None" not in tekst


# --- Pages -------------------------------------------------------------------------------------
