"""The page cache: anonymous reads come from the cache until the register changes."""

import datetime

import pytest
from django.core.cache import caches

from regioreg.paginacache import VERSIE_SLEUTEL
from samenwerking import services
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

PAGINA = "/gemeenten/GM0363/"
API = "/api/v1/gemeenten/GM0363/samenwerkingsverbanden"


@pytest.mark.parametrize("adres", [PAGINA, API])
def test_a_second_anonymous_read_costs_one_query(
    client, referentiedata, adres, django_assert_num_queries
):
    f.DeelnameFactory(gemeente=Gemeente.objects.get(cbs_code="GM0363"))
    eerste = client.get(adres)
    # 1 the register's version (one row); the answer comes from the cache.
    with django_assert_num_queries(1):
        tweede = client.get(adres)
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]
    assert tweede["Content-Security-Policy"] == eerste["Content-Security-Policy"]
    if adres == API:
        assert tweede["API-Version"] == "1.0.0"


def test_a_change_through_a_service_shows_at_once(client, referentiedata):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    verband = f.SamenwerkingsverbandFactory(naam="Regionale Uitvoeringsdienst")
    assert "Regionale Uitvoeringsdienst" not in client.get(PAGINA).content.decode()
    services.deelname_opslaan(
        deelname=Deelname(
            samenwerkingsverband=verband,
            gemeente=amsterdam,
            toetredingsdatum=datetime.date(2020, 1, 1),
        )
    )
    assert "Regionale Uitvoeringsdienst" in client.get(PAGINA).content.decode()


def test_the_version_is_trusted_briefly_then_read_again(
    client, referentiedata, settings, django_assert_num_queries
):
    settings.REGISTER_VERSIE_SECONDEN = 60
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam="Oude naam")
    client.get(API)
    with django_assert_num_queries(0):
        assert "Oude naam" in client.get(API).content.decode()
    verband = Samenwerkingsverband.objects.get(naam="Oude naam")
    verband.naam = "Nieuwe naam"
    services.samenwerkingsverband_opslaan(samenwerkingsverband=verband)
    # Until the process reads the version again, the anonymous answer is the old one...
    assert "Oude naam" in client.get(API).content.decode()
    caches["paginas"].delete(VERSIE_SLEUTEL)  # ...which it does once the 60 s have passed.
    assert "Nieuwe naam" in client.get(API).content.decode()


def test_logged_in_users_and_credentials_are_never_served_from_the_cache(
    client, admin_client, admin_user, referentiedata
):
    from rest_framework.authtoken.models import Token

    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam="Oude naam")
    assert "Oude naam" in client.get(PAGINA).content.decode()
    assert "Oude naam" in client.get(API).content.decode()
    # A change made around the services (an ORM update in a shell) keeps the anonymous
    # answer as it was until PAGINA_CACHE_SECONDEN have passed...
    Samenwerkingsverband.objects.filter(naam="Oude naam").update(naam="Nieuwe naam")
    assert "Oude naam" in client.get(PAGINA).content.decode()
    # ...but whoever is logged in or sends credentials always gets a fresh answer.
    assert "Nieuwe naam" in admin_client.get(PAGINA).content.decode()
    token = Token.objects.create(user=admin_user)
    antwoord = client.get(API, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert "Nieuwe naam" in antwoord.content.decode()


def test_errors_are_not_kept(client, referentiedata, django_assert_max_num_queries):
    client.get("/gemeenten/GM0363/", {"jaar": "twintig"})  # 400
    with pytest.raises(pytest.fail.Exception), django_assert_max_num_queries(1):
        client.get("/gemeenten/GM0363/", {"jaar": "twintig"})


def test_a_page_carrying_a_csrf_token_is_not_shared(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from regioreg.paginacache import PaginaCacheMiddleware

    gemaakt = []

    def formulier(request):
        gemaakt.append(get_token(request))
        return HttpResponse(f"<input name=csrfmiddlewaretoken value={gemaakt[-1]}>")

    middleware = PaginaCacheMiddleware(formulier)
    for _ in range(2):
        middleware(rf.get("/zoeken/"))
    assert len(gemaakt) == 2


def test_the_key_holds_scheme_and_host_so_absolute_urls_stay_right(
    client, referentiedata, settings
):
    settings.ALLOWED_HOSTS = ["regioreg.example.nl", "andere.example.org"]
    f.DeelnameFactory(gemeente=Gemeente.objects.get(cbs_code="GM0363"))
    eerste = client.get(API, HTTP_HOST="regioreg.example.nl")
    assert "http://regioreg.example.nl/api/v1/gemeenten/GM0363" in eerste.content.decode()
    # Another host, then https: each its own answer, with its own addresses.
    ander = client.get(API, HTTP_HOST="andere.example.org").content.decode()
    assert "http://andere.example.org/api/v1/gemeenten/GM0363" in ander
    assert "regioreg.example.nl" not in ander
    veilig = client.get(API, HTTP_HOST="regioreg.example.nl", secure=True).content.decode()
    assert "https://regioreg.example.nl/api/v1/gemeenten/GM0363" in veilig
    assert "http://" not in veilig
    # The first one is still served from the cache, unchanged.
    assert client.get(API, HTTP_HOST="regioreg.example.nl").content == eerste.content


def test_answers_from_the_cache_count_against_the_anonymous_limit(client, referentiedata, settings):
    from django.core.cache import cache

    settings.API_LIMIET_ANONIEM = "3/minute"
    cache.clear()  # the throttle's counts
    eerste = client.get(API)
    assert eerste.status_code == 200
    for _ in range(2):  # from the cache, counted all the same
        assert client.get(API).content == eerste.content
    antwoord = client.get(API)
    assert antwoord.status_code == 429
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["title"] == "Te veel verzoeken"
    assert 0 < int(antwoord["Retry-After"]) <= 60
    # Another address has its own count; pages have no limit.
    assert client.get(API, REMOTE_ADDR="192.0.2.7").status_code == 200
    assert all(client.get(PAGINA).status_code == 200 for _ in range(5))
    cache.clear()


def test_bewerk_in_beheer_never_reaches_anonymous_visitors_through_the_cache(referentiedata):
    """A beheerder's page carries "Bewerk in beheer"; it is not cached (a session), so an
    anonymous visitor after the beheerder gets a page without it, and the beheerder after the
    anonymous visitor still gets the link (the anonymous page is not served to a session)."""
    from django.test import Client

    from tests.toegang import beheerder_account

    beheerder = Client()
    beheerder.force_login(beheerder_account())
    assert "Bewerk in beheer" in beheerder.get(PAGINA).content.decode()
    anoniem = Client()
    assert "Bewerk in beheer" not in anoniem.get(PAGINA).content.decode()
    assert "Bewerk in beheer" not in anoniem.get(PAGINA).content.decode()  # from the cache
    assert "Bewerk in beheer" in beheerder.get(PAGINA).content.decode()


def test_each_sort_filter_and_breadcrumb_is_its_own_cached_answer(
    client, referentiedata, django_assert_num_queries
):
    """The cache keys on the whole address: a sorted, filtered list or an arrangement page
    with ?gemeente= is never served for another choice."""
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    for naam, bedrag in (("Aardgasregio", "100"), ("Zuidas Beheer", "900")):
        deelname = f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam=naam)
        f.BijdrageFactory(deelname=deelname, jaar=datetime.date.today().year, bedrag=bedrag)
    opvolging = {}
    for sorteer in ("naam", "-bijdrage"):
        tekst = client.get(PAGINA, {"sorteer": sorteer}).content.decode()
        opvolging[sorteer] = tekst.index("Aardgasregio") < tekst.index("Zuidas Beheer")
        with django_assert_num_queries(1):  # the register's version; the rest from the cache
            assert client.get(PAGINA, {"sorteer": sorteer}).content.decode() == tekst
    assert opvolging == {"naam": True, "-bijdrage": False}
    gefilterd = client.get(PAGINA, {"vorm": "BVO"}).content.decode()
    assert "Aardgasregio" not in gefilterd
    verband = Samenwerkingsverband.objects.get(naam="Aardgasregio")
    services.samenwerkingsverband_opslaan(samenwerkingsverband=verband)  # gives it its slug
    adres = f"/samenwerkingsverbanden/{Samenwerkingsverband.objects.get(pk=verband.pk).slug}/"
    met = client.get(adres, {"gemeente": "GM0363"}).content.decode()
    zonder = client.get(adres).content.decode()
    assert 'href="/gemeenten/GM0363/' in met.split("<h1", 1)[0]
    assert 'href="/gemeenten/GM0363/' not in zonder.split("<h1", 1)[0]
