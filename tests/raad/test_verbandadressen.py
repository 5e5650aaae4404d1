"""Readable addresses of arrangements (/samenwerkingsverbanden/veiligheidsregio-utrecht/),
the UUID address redirecting there, and breadcrumbs that keep the gemeente."""

import datetime
import importlib

import pytest
from django.apps import apps

from raad.werklijst import Regelingstand
from regioreg.sitelinks import publieke_url
from samenwerking import services
from samenwerking.constants import Vorm
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.factories import ZienswijzeverzoekFactory
from tests.raad.paginahulp import PEIL
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db


def _nieuw(naam: str) -> Samenwerkingsverband:
    return services.samenwerkingsverband_opslaan(
        samenwerkingsverband=Samenwerkingsverband(naam=naam, vorm=Vorm.OPENBAAR_LICHAAM)
    )


def test_the_service_gives_a_unique_slug_from_the_name_and_keeps_it(db):
    eerste = _nieuw("Veiligheidsregio Utrecht")
    assert eerste.slug == "veiligheidsregio-utrecht"
    assert _nieuw("Veiligheidsregio Utrecht").slug == "veiligheidsregio-utrecht-2"
    assert _nieuw("Veiligheidsregio Utrecht (VRU)").slug == "veiligheidsregio-utrecht-vru"
    assert _nieuw("Súdwest-Fryslân & Friese Meren").slug == "sudwest-fryslan-friese-meren"
    # A new name keeps the address: links stay valid.
    eerste.naam = "Veiligheidsregio Utrecht en Eemland"
    services.samenwerkingsverband_opslaan(samenwerkingsverband=eerste)
    eerste.refresh_from_db()
    assert eerste.slug == "veiligheidsregio-utrecht"


def test_many_rows_with_one_name_get_a_suffix_each(db):
    f.SamenwerkingsverbandFactory(naam="GGD", slug="ggd")
    rijen = [Samenwerkingsverband(naam="GGD", vorm=Vorm.OPENBAAR_LICHAAM) for _ in range(3)]
    services.rijen_opslaan(model=Samenwerkingsverband, rijen=rijen)
    assert sorted(Samenwerkingsverband.objects.values_list("slug", flat=True)) == [
        "ggd",
        "ggd-2",
        "ggd-3",
        "ggd-4",
    ]


def test_the_national_register_import_gives_slugs(referentiedata):
    rb.importeer(rb.testregio_export())
    slugs = list(Samenwerkingsverband.objects.values_list("slug", flat=True))
    assert slugs and all(slugs)
    assert len(set(slugs)) == len(slugs)


def test_the_migration_fills_existing_rows_oldest_first_with_suffixes(db):
    oud = f.SamenwerkingsverbandFactory(naam="Regio Rivierenland")
    jong = f.SamenwerkingsverbandFactory(naam="Regio Rivierenland")
    leeg = f.SamenwerkingsverbandFactory(naam="…")
    migratie = importlib.import_module("samenwerking.migrations.0014_slug_samenwerkingsverband")
    migratie.slugs_vullen(apps, None)
    for rij in (oud, jong, leeg):
        rij.refresh_from_db()
    assert (oud.slug, jong.slug, leeg.slug) == (
        "regio-rivierenland",
        "regio-rivierenland-2",
        "samenwerkingsverband",
    )
    migratie.slugs_wissen(apps, None)
    assert not Samenwerkingsverband.objects.exclude(slug=None).exists()


def test_the_uuid_address_redirects_permanently_to_the_readable_one(client, db):
    verband = _nieuw("Veiligheidsregio Utrecht")
    antwoord = client.get(f"/samenwerkingsverbanden/{verband.uuid}/", PEIL)
    assert antwoord.status_code == 301
    assert (
        antwoord["Location"]
        == "/samenwerkingsverbanden/veiligheidsregio-utrecht/?peildatum=2025-06-01"
    )
    pagina = client.get("/samenwerkingsverbanden/veiligheidsregio-utrecht/", PEIL)
    assert pagina.status_code == 200
    assert "<h1>Veiligheidsregio Utrecht</h1>" in paginatekst(pagina)
    # A row without a slug (not written through the services yet) is shown at its UUID.
    zonder = f.SamenwerkingsverbandFactory(naam="Zonder adres", slug=None)
    assert client.get(f"/samenwerkingsverbanden/{zonder.uuid}/").status_code == 200
    niet = client.get("/samenwerkingsverbanden/bestaat-niet/")
    assert niet.status_code == 404
    assert "Er is geen samenwerkingsverband met het adres bestaat-niet." in paginatekst(niet)


def test_the_breadcrumb_keeps_the_gemeente_one_came_from(client, referentiedata):
    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    verband = _nieuw("Veiligheidsregio Utrecht")
    services.deelname_opslaan(
        deelname=Deelname(
            samenwerkingsverband=verband,
            gemeente=utrecht,
            toetredingsdatum=datetime.date(2020, 1, 1),
        )
    )
    gemeentepagina = paginatekst(client.get("/gemeenten/GM0344/", PEIL))
    link = (
        'href="/samenwerkingsverbanden/veiligheidsregio-utrecht/?gemeente=GM0344'
        '&amp;peildatum=2025-06-01&amp;jaar=2025">Veiligheidsregio Utrecht</a>'
    )
    assert link in gemeentepagina

    tekst = paginatekst(
        client.get(
            "/samenwerkingsverbanden/veiligheidsregio-utrecht/", {**PEIL, "gemeente": "GM0344"}
        )
    )
    assert (
        '<a href="/">Zoeken</a> › <a href="/gemeenten/GM0344/?peildatum=2025-06-01&amp;jaar=2025">'
        'Utrecht</a> › <span aria-current="page">Veiligheidsregio Utrecht</span>'
    ) in tekst
    # The peildatum form keeps it too.
    assert '<input type="hidden" name="gemeente" value="GM0344">' in tekst
    # A former deelnemer is listed on the page: the way back to it is offered too.
    zeist = Gemeente.objects.get(cbs_code="GM0355")
    services.deelname_opslaan(
        deelname=Deelname(
            samenwerkingsverband=verband,
            gemeente=zeist,
            toetredingsdatum=datetime.date(2015, 1, 1),
            uittredingsdatum=datetime.date(2019, 1, 1),
        )
    )
    tekst = paginatekst(
        client.get(
            "/samenwerkingsverbanden/veiligheidsregio-utrecht/", {**PEIL, "gemeente": "GM0355"}
        )
    )
    assert '<a href="/gemeenten/GM0355/?peildatum=2025-06-01&amp;jaar=2025">Zeist</a>' in tekst
    # Not a gemeente, not one at all, or a gemeente that is no deelnemer (Amsterdam): the
    # breadcrumb leads to the search only, and the peildatum form does not carry it on.
    for waarde in ("GM9999", "<script>", "gm0344", "GM0363"):
        antwoord = client.get(
            "/samenwerkingsverbanden/veiligheidsregio-utrecht/", {"gemeente": waarde}
        )
        assert antwoord.status_code == 200
        tekst = paginatekst(antwoord)
        assert '<a href="/">Zoeken</a> › <span aria-current="page">Veiligheidsregio' in tekst
        assert 'name="gemeente"' not in tekst


def test_short_partner_links_carry_the_full_name(client, referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    oostzaan = Gemeente.objects.get(cbs_code="GM0431")
    for naam, afkorting in (("Afvalschap Utrecht", "AU"), ("Afvalunie", "AU")):
        verband = services.samenwerkingsverband_opslaan(
            samenwerkingsverband=Samenwerkingsverband(
                naam=naam, afkorting=afkorting, vorm=Vorm.OPENBAAR_LICHAAM
            )
        )
        for gemeente in (zaanstad, oostzaan):
            services.deelname_opslaan(
                deelname=Deelname(
                    samenwerkingsverband=verband,
                    gemeente=gemeente,
                    toetredingsdatum=datetime.date(2020, 1, 1),
                )
            )
    tekst = paginatekst(client.get("/gemeenten/GM0479/partners/", PEIL))
    assert (
        '<a href="/samenwerkingsverbanden/afvalschap-utrecht/?gemeente=GM0479&amp;'
        'peildatum=2025-06-01" '
        'title="Afvalschap Utrecht">AU<span class="visueel-verborgen"> (Afvalschap Utrecht)'
        "</span></a>"
    ) in tekst
    assert 'title="Afvalunie">AU<span class="visueel-verborgen"> (Afvalunie)</span>' in tekst


def test_every_link_to_an_arrangement_uses_its_readable_address(client, db):
    """Admin ("Bekijk op de site"), the werklijst and the public pages link straight to the
    readable address, not to the UUID address that redirects (raad.adressen.verband_adres)."""
    verband = f.SamenwerkingsverbandFactory(naam="GGD Hollands Noorden", slug="ggd-hn")
    adres = "/samenwerkingsverbanden/ggd-hn/"
    assert publieke_url(verband) == adres
    assert publieke_url(f.DeelnameFactory(samenwerkingsverband=verband)) == adres
    assert Regelingstand(verband=verband).site_url == adres
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=verband)
    pagina = client.get(f"/zienswijzeverzoeken/{verzoek.uuid}/")
    assert pagina.status_code == 200
    assert f'<a href="{adres}">GGD Hollands Noorden</a>' in paginatekst(pagina)
    assert f"/samenwerkingsverbanden/{verband.uuid}/" not in paginatekst(pagina)
