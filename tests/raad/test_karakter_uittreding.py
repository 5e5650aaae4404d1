"""Karakter (uitvoerend / beleidsbepalend / beide) and the uittredingsvoorwaarden (Wgr art. 9
lid 1) of a regeling: written by its secretariaat (admin, API, through the services), refused
for others, shown on the arrangement page and the gemeente page, with a karakter filter."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from samenwerking.constants import Karakter
from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.api.hulp import probleem
from tests.pagina import paginatekst
from tests.toegang import account, api_client
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

PEIL = {"peildatum": "2025-06-01", "jaar": "2025"}
UITTREDING = {
    "uittredingArtikel": "art. 38 van de regeling",
    "uittredingOpzegtermijnMaanden": 24,
    "uittredingKosten": "Vijf jaar de bijdrage van het laatste jaar vóór de uittreding.",
    "uittredingTekst": "Een deelnemer kan uittreden per 1 januari, na twee jaar opzegging.",
}


@pytest.fixture
def regio(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    eigen = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband in (eigen, ander):
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=zaanstad,
            toetredingsdatum=datetime.date(2020, 1, 1),
        )
    return {
        "eigen": eigen,
        "ander": ander,
        "zaanstad": zaanstad,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "griffie": account(RolSoort.GRIFFIE, gemeente=zaanstad),
    }


def _patch(client, pad: str, body: dict):
    versie = client.get(pad)["ETag"]
    return client.patch(pad, body, format="json", HTTP_IF_MATCH=versie)


def test_api_secretariaat_writes_karakter_and_exit_terms_of_its_own_regeling(regio):
    client = api_client(regio["secretariaat"])
    pad = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    antwoord = _patch(client, pad, {"karakter": "beleidsbepalend", **UITTREDING})
    assert antwoord.status_code == 200, antwoord.content
    body = antwoord.json()
    assert body["karakter"] == "beleidsbepalend"
    assert body["karakterLabel"] == "Beleidsbepalend"
    assert {k: body[k] for k in UITTREDING} == UITTREDING
    opgeslagen = Samenwerkingsverband.objects.get(pk=regio["eigen"].pk)
    assert opgeslagen.karakter == Karakter.BELEIDSBEPALEND
    assert opgeslagen.uittreding_opzegtermijn_maanden == 24
    # Another regio's regeling: 403, nothing written.
    ander = f"/api/v1/samenwerkingsverbanden/{regio['ander'].uuid}"
    probleem(_patch(client, ander, {"karakter": "uitvoerend"}), 403)
    assert Samenwerkingsverband.objects.get(pk=regio["ander"].pk).karakter == ""


def test_api_griffie_may_not_write_karakter_or_exit_terms(regio):
    client = api_client(regio["griffie"])
    pad = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    probleem(_patch(client, pad, {"karakter": "uitvoerend", **UITTREDING}), 403)
    opgeslagen = Samenwerkingsverband.objects.get(pk=regio["eigen"].pk)
    assert (opgeslagen.karakter, opgeslagen.uittreding_artikel) == ("", "")


def test_api_exit_terms_need_the_article_and_a_known_karakter(regio):
    client = api_client(regio["secretariaat"])
    pad = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    zonder_artikel = {**UITTREDING, "uittredingArtikel": ""}
    body = probleem(_patch(client, pad, zonder_artikel), 400)
    assert "Artikel over uittreding: vul in waar de regeling de uittreding regelt" in str(body)
    body = probleem(_patch(client, pad, {"karakter": "adviserend"}), 400)
    assert body["invalidParams"] == [
        {
            "name": "karakter",
            "code": "invalid_choice",
            "reason": "Karakter: kies uitvoerend, beleidsbepalend of beide.",
        }
    ]
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).uittreding_kosten == ""


def test_service_refuses_exit_terms_without_article(regio):
    verband = regio["eigen"]
    verband.uittreding_opzegtermijn_maanden = 12
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=verband)
    assert fout.value.message_dict["uittreding_artikel"] == [
        "Artikel over uittreding: vul in waar de regeling de uittreding regelt, zodat de raad "
        "de voorwaarden kan nalezen."
    ]
    verband.refresh_from_db()
    assert verband.uittreding_opzegtermijn_maanden is None


def _wijzig_url(verband) -> str:
    return reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])


def test_admin_secretariaat_sets_karakter_and_griffie_is_refused(regio):
    client = Client()
    client.force_login(regio["secretariaat"])
    gegevens = formulier_gegevens(client.get(_wijzig_url(regio["eigen"])))
    gegevens.update(
        {
            "karakter": ["beide"],
            "uittreding_artikel": ["art. 38"],
            "uittreding_opzegtermijn_maanden": ["12"],
            "uittreding_kosten": ["Frictiekosten volgens bijlage 2."],
        }
    )
    antwoord = client.post(_wijzig_url(regio["eigen"]), gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    opgeslagen = Samenwerkingsverband.objects.get(pk=regio["eigen"].pk)
    assert (opgeslagen.karakter, opgeslagen.uittreding_artikel) == ("beide", "art. 38")
    assert opgeslagen.history.first().history_user == regio["secretariaat"]

    griffie = Client()
    griffie.force_login(regio["griffie"])
    pagina = griffie.get(_wijzig_url(regio["eigen"]))
    assert pagina.status_code == 200 and not pagina.context["has_change_permission"]
    gegevens["karakter"] = ["uitvoerend"]
    assert griffie.post(_wijzig_url(regio["eigen"]), gegevens).status_code == 403
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).karakter == "beide"


def _vul(verband, **velden):
    for naam, waarde in velden.items():
        setattr(verband, naam, waarde)
    rij_opslaan(rij=verband)


def test_arrangement_page_shows_karakter_and_exit_terms(client, regio):
    verband = regio["eigen"]
    _vul(
        verband,
        karakter=Karakter.BELEIDSBEPALEND,
        uittreding_artikel="art. 38",
        uittreding_opzegtermijn_maanden=24,
        uittreding_kosten="Vijf jaar de bijdrage.",
        regeling_url="https://example.org/regeling",
    )
    antwoord = client.get(f"/samenwerkingsverbanden/{verband.uuid}/", PEIL, follow=True)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "<dt>Karakter</dt> <dd>Beleidsbepalend</dd>" in tekst
    uittreding = tekst.split('id="uittreding"')[1]
    assert "<dt>Opzegtermijn</dt> <dd>24 maanden</dd>" in uittreding
    assert "<dt>Kosten of formule</dt> <dd>Vijf jaar de bijdrage.</dd>" in uittreding
    assert '<dd>art. 38 · <a href="https://example.org/regeling">tekst van de regeling</a>' in (
        uittreding
    )
    leeg = paginatekst(
        client.get(f"/samenwerkingsverbanden/{regio['ander'].uuid}/", PEIL, follow=True)
    )
    assert "De uittredingsvoorwaarden zijn nog niet vastgelegd." in leeg


def test_gemeente_page_filters_on_karakter_and_shows_exit_terms(client, regio):
    _vul(
        regio["eigen"],
        karakter=Karakter.BELEIDSBEPALEND,
        uittreding_artikel="art. 38",
        uittreding_opzegtermijn_maanden=24,
    )
    _vul(regio["ander"], karakter=Karakter.UITVOEREND)
    beide = f.DeelnameFactory(
        gemeente=regio["zaanstad"],
        samenwerkingsverband__naam="Regio Beide",
        samenwerkingsverband__karakter=Karakter.BEIDE,
        toetredingsdatum=datetime.date(2020, 1, 1),
    ).samenwerkingsverband

    alle = paginatekst(client.get("/gemeenten/GM0479/", PEIL))
    assert "3 samenwerkingsverbanden op 1 juni 2025" in alle
    assert '<span class="label label-karakter">beleidsbepalend</span>' in alle
    assert "<dt>Opzegtermijn</dt> <dd>24 maanden</dd>" in alle

    antwoord = client.get("/gemeenten/GM0479/", {**PEIL, "karakter": "beleidsbepalend"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "2 samenwerkingsverbanden op 1 juni 2025" in tekst
    assert "(karakter: beleidsbepalend (ook beide); van 3)" in tekst
    assert regio["eigen"].naam in tekst and beide.naam in tekst
    assert regio["ander"].naam not in tekst
    assert '<option value="beleidsbepalend" selected>' in tekst
    # The grouping links keep the filter.
    assert "indeling=domein&amp;karakter=beleidsbepalend" in tekst

    onbekend = paginatekst(client.get("/gemeenten/GM0479/", {**PEIL, "karakter": "onbekend"}))
    assert "Er zijn voor deze gemeente op 1 juni 2025 geen deelnames vastgelegd." not in onbekend
    assert "0 samenwerkingsverbanden op 1 juni 2025" in onbekend
    assert "Geen samenwerkingsverbanden met deze keuze (karakter: niet vastgelegd)." in onbekend
    assert "Toon alle 3 samenwerkingsverbanden" in onbekend

    fout = client.get("/gemeenten/GM0479/", {**PEIL, "karakter": "adviserend"})
    assert fout.status_code == 400
    assert "Karakter: kies alle, beleidsbepalend, uitvoerend, beide of onbekend." in paginatekst(
        fout
    )
    # Shown: all, on the peildatum asked for (a bad parameter resets only itself).
    assert "3 samenwerkingsverbanden op 1 juni 2025" in paginatekst(fout)


def test_api_filters_samenwerkingsverbanden_on_karakter(client, regio):
    _vul(regio["eigen"], karakter=Karakter.BELEIDSBEPALEND)
    antwoord = client.get("/api/v1/samenwerkingsverbanden", {"karakter": "beleidsbepalend"})
    assert antwoord.status_code == 200
    assert [r["naam"] for r in antwoord.json()["results"]] == [regio["eigen"].naam]
