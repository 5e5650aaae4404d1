"""The workplace counts and sums as the public pages do: the bijdragen grid's totals say how
many bijdragen were unknown and left out, and the deelnemers tab counts the deelnames that run
today, as the arrangement's public page does."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from regioreg.sitelinks import publieke_url
from tests import factories as f

pytestmark = pytest.mark.django_db

DIT_JAAR = datetime.date.today().year
D = datetime.date


def _tekst(antwoord) -> str:
    assert antwoord.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", antwoord.content.decode()).split())


def test_the_grid_totals_say_how_many_bijdragen_are_unknown(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    aadorp = f.DeelnameFactory(samenwerkingsverband=verband, gemeente__naam="Aadorp")
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente__naam="Beekdorp")
    f.BijdrageFactory(deelname=aadorp, jaar=DIT_JAAR, soort="begroot", bedrag=Decimal("200"))
    url = reverse("admin:samenwerking_samenwerkingsverband_bijdragen", args=[verband.pk])
    antwoord = admin_client.get(url, {"vanaf": DIT_JAAR})
    inhoud = " ".join(antwoord.content.decode().split())
    (voet,) = re.findall(r"<tfoot>(.*?)</tfoot>", inhoud)
    # This year begroot: Aadorp's € 200, Beekdorp's unknown and not counted as 0.
    assert '€ 200,00 <span class="bijschrift">(1 onbekend, niet meegeteld)</span>' in voet
    # This year gerealiseerd: none known.
    assert '<td class="getal">onbekend</td>' in voet
    # Aadorp's row total: its other years' begroot are unknown.
    (aadorp_rij,) = re.findall(r"<tr> <th scope=\"row\">Aadorp</th>(.*?)</tr>", inhoud)
    assert re.search(
        r"€ 200,00 <span class=\"bijschrift\">\(\d+ onbekend, niet meegeteld\)", aadorp_rij
    )


def test_the_grid_does_not_count_years_a_deelnemer_did_not_run_as_unknown(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    aadorp = f.DeelnameFactory(samenwerkingsverband=verband, gemeente__naam="Aadorp")
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente__naam="Beekdorp",
        toetredingsdatum=D(DIT_JAAR + 1, 1, 1),
    )
    f.BijdrageFactory(deelname=aadorp, jaar=DIT_JAAR, soort="begroot", bedrag=Decimal("200"))
    url = reverse("admin:samenwerking_samenwerkingsverband_bijdragen", args=[verband.pk])
    inhoud = " ".join(admin_client.get(url, {"vanaf": DIT_JAAR}).content.decode().split())
    (voet,) = re.findall(r"<tfoot>(.*?)</tfoot>", inhoud)
    assert '<td class="getal">€ 200,00</td>' in voet


def test_the_deelnemers_tab_counts_those_running_today_as_the_public_page(admin_client, client):
    verband = f.SamenwerkingsverbandFactory()
    vandaag = timezone.localdate()
    for naam in ("Aadorp", "Beekdorp"):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente__naam=naam)
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente__naam="Cedorp",
        toetredingsdatum=D(2000, 1, 1),
        uittredingsdatum=D(2010, 1, 1),
    )
    f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente__naam="Dedorp", toetredingsdatum=D(2100, 1, 1)
    )
    datum = date_format(vandaag, "j F Y")
    tab = _tekst(
        admin_client.get(
            reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
        )
    )
    assert (
        f"2 deelnemers op {datum}; de tabel toont ook 2 deelnames die dan niet lopen "
        "(uitgetreden of nog niet toegetreden)"
    ) in tab
    publiek = _tekst(client.get(publieke_url(verband)))
    assert f"2 deelnemers op {datum}" in publiek
