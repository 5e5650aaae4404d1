"""Every place that links to an arrangement uses its readable address
(/samenwerkingsverbanden/<slug>/), never the UUID address that answers 301: the admin's
"Bekijk op de site", the secretary's werklijst, the raad's iCal feed and the oplegger; the
lists do so in a number of queries that does not grow with the rows (raad.adressen)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samenwerking.constants import Vorm
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db


def _verband(nummer: int, gemeente: Gemeente):
    verband = f.SamenwerkingsverbandFactory(
        naam=f"Regio {nummer}",
        slug=f"regio-{nummer}",
        vorm=Vorm.OPENBAAR_LICHAAM,
        ingangsdatum=datetime.date(2015, 1, 1),
    )
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    ZienswijzeFactory(
        gemeente=gemeente,
        zienswijzeverzoek__samenwerkingsverband=verband,
        zienswijzeverzoek__ontvangen_op=timezone.localdate(),
    )
    return verband


def _ingelogd(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _zonder_uuid_adres(tekst: str, verbanden) -> None:
    for verband in verbanden:
        assert f"/samenwerkingsverbanden/{verband.uuid}/" not in tekst, verband


def test_admin_view_on_site_links_the_readable_address(zaanstad):
    verband = _verband(1, zaanstad)
    client = _ingelogd(account(RolSoort.BEHEERDER))
    for obj in (verband, verband.deelnames.get(), verband.zienswijzeverzoeken.get()):
        wijzig = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        tekst = client.get(wijzig).content.decode()
        verwacht = (
            f"/zienswijzeverzoeken/{obj.uuid}/"
            if obj._meta.model_name == "zienswijzeverzoek"
            else "/samenwerkingsverbanden/regio-1/"
        )
        assert f'href="{verwacht}" class="viewsitelink">Bekijk op de site</a>' in tekst, obj
        _zonder_uuid_adres(tekst, [verband])


def test_werklijst_links_each_regeling_by_its_readable_address(zaanstad, django_assert_num_queries):
    gebruiker = account(RolSoort.SECRETARIAAT)
    client = _ingelogd(gebruiker)

    def meer(van: int, tot: int):
        verbanden = [_verband(i, zaanstad) for i in range(van, tot)]
        gebruiker.rol.samenwerkingsverbanden.add(*verbanden)
        return verbanden

    verbanden = meer(1, 3)
    # The werklijst's own query count (tests/raad/test_werklijst.py): 12 with 2 or 12 rows.
    with django_assert_num_queries(12):
        tekst = client.get("/admin/werklijst/").content.decode()
    verbanden += meer(3, 13)
    with django_assert_num_queries(12):
        tekst = client.get("/admin/werklijst/").content.decode()
    for verband in verbanden:
        assert f'<a href="/samenwerkingsverbanden/{verband.slug}/">Bekijk op de site</a>' in tekst
    _zonder_uuid_adres(tekst, verbanden)


def test_ical_feed_links_each_event_to_the_readable_address(
    client, zaanstad, django_assert_num_queries
):
    verbanden = [_verband(i, zaanstad) for i in range(1, 3)]

    def feed() -> Calendar:
        antwoord = client.get("/gemeenten/GM0479/kalender.ics")
        assert antwoord.status_code == 200
        return Calendar.from_ical(antwoord.content)

    with django_assert_num_queries(9):  # as tests/raad/test_kalender.py names them
        feed()
    verbanden += [_verband(i, zaanstad) for i in range(3, 13)]
    with django_assert_num_queries(9):
        kalender = feed()
    alle = {str(e["URL"]) for e in kalender.walk("VEVENT")}
    # Each arrangement's zienswijze links to its page; the raad's own items to the kalender.
    assert {
        f"http://testserver/samenwerkingsverbanden/{v.slug}/?gemeente=GM0479#kalender"
        for v in verbanden
    } <= alle
    assert all(
        "/samenwerkingsverbanden/regio-" in adres or adres.endswith("/gemeenten/GM0479/kalender/")
        for adres in alle
    ), alle
    _zonder_uuid_adres(kalender.to_ical().decode(), verbanden)


def test_oplegger_links_the_readable_address_keeping_the_gemeente(client, zaanstad):
    verband = _verband(1, zaanstad)
    antwoord = client.get(f"/gemeenten/GM0479/samenwerkingsverbanden/{verband.uuid}/oplegger/")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (
        '<a href="/samenwerkingsverbanden/regio-1/?gemeente=GM0479">'
        "alle gegevens van dit samenwerkingsverband</a>"
    ) in tekst
    _zonder_uuid_adres(tekst, [verband])
