"""The start page's count of running arrangements says exactly what it counts: in force on
today's date per the national register (or the admin), no status "opgeheven" (the register
has none), OpenGR-only mentions left out; the bronnen page explains it. Hand-made rows here;
the real register in tests/test_landelijk_register.py."""

import datetime

import pytest
from django.template.defaultfilters import date as datumfilter
from django.urls import reverse
from django.utils import timezone

from samenwerking.constants import Vorm
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db


def test_count_holds_what_is_in_force_today_and_says_so(client, referentiedata):
    vandaag = timezone.localdate()
    dag = datetime.timedelta(days=1)
    for naam, einddatum, historisch in (
        ("Loopt", None, False),
        ("Eindigt volgend jaar", vandaag + 365 * dag, False),
        ("Opgeheven, maar zonder einddatum in het register", None, False),
        ("Eindigde vandaag", vandaag, False),  # half-open: the end date is the first day out
        ("Eindigde vorig jaar", vandaag - 365 * dag, False),
        ("Alleen in OpenGR (2016)", None, True),
    ):
        f.SamenwerkingsverbandFactory(
            naam=naam,
            vorm=Vorm.OPENBAAR_LICHAAM,
            ingangsdatum=datetime.date(2015, 1, 1),
            einddatum=einddatum,
            alleen_historisch=historisch,
        )
    f.SamenwerkingsverbandFactory(naam="Begint morgen", ingangsdatum=vandaag + dag)
    antwoord = client.get(reverse("raad:start"))
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert "<strong>3</strong> lopende samenwerkingsverbanden" in tekst
    assert (
        f"Lopend betekent: op {datumfilter(vandaag, 'j F Y')} in werking volgens het landelijk "
        "register (of het beheer), dus zonder datum van uitwerkingtreding of met een latere. "
        "Het register kent geen status „opgeheven”"
    ) in tekst
    assert '<a href="/bronnen/#lopend">Meer over deze telling</a>' in tekst


def test_bronnen_page_explains_the_count(client, referentiedata):
    tekst = paginatekst(client.get(reverse("raad:bronnen")))
    assert '<h2 id="lopend">Wat „lopend” betekent</h2>' in tekst
    assert "Het register heeft voor een regeling geen status „opgeheven”." in tekst
    assert "De einddatum die het register soms bij de uitvoerende organisatie" in tekst
    assert "Regelingen uit OpenGR (2016) die niet in het landelijk register staan" in tekst
