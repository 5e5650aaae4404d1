"""The API's own output plan (CamelSerializer.to_representation) gives exactly what DRF's
standard rendering gives, for every resource and the core endpoint."""

from decimal import Decimal
from unittest import mock

import pytest
from rest_framework import serializers

from samenwerking.api.base import CamelSerializer
from samenwerking.constants import BijdrageSoort, Vorm
from tests import factories as f

pytestmark = pytest.mark.django_db

ADRESSEN = [
    "/api/v1/gemeenten/GM0479/samenwerkingsverbanden?peildatum=2025-06-01&jaar=2025",
    "/api/v1/gemeenten?pageSize=5",
    "/api/v1/gemeenten/GM0140",
    "/api/v1/provincies",
    "/api/v1/organisaties",
    "/api/v1/samenwerkingsverbanden",
    "/api/v1/deelnames",
    "/api/v1/bestuursorganen",
    "/api/v1/zetels",
    "/api/v1/personen",
    "/api/v1/bijdragen",
    "/api/v1/jaarcijfers",
    "/api/v1/documenten",
    "/api/v1/termijnen?gemeente=GM0479&jaar=2026",
]


@pytest.fixture
def register(zaanstad):
    centrum = f.SamenwerkingsverbandFactory(vorm=Vorm.CENTRUMGEMEENTE, centrumgemeente=zaanstad)
    for verband in (centrum, f.SamenwerkingsverbandFactory(motieven=["kosten"])):
        d = f.DeelnameFactory(
            samenwerkingsverband=verband, gemeente=zaanstad, verdeelsleutel=Decimal("12.5")
        )
        verband.domeinen.add(f.DomeinFactory())
        f.ZetelFactory(deelname=d)
        f.BijdrageFactory(deelname=d, jaar=2025, onderdeel="basistaken")
        f.BijdrageFactory(deelname=d, jaar=2025, soort=BijdrageSoort.GEREALISEERD)
        f.JaarcijfersFactory(
            samenwerkingsverband=verband,
            bron_document=f.DocumentFactory(samenwerkingsverband=verband),
        )
    f.DeelnameFactory(
        samenwerkingsverband=centrum, gemeente=None, organisatie=f.OrganisatieFactory()
    )


@pytest.mark.parametrize("adres", ADRESSEN)
def test_same_output_as_drf(api, register, adres):
    snel = api.get(adres)
    assert snel.status_code == 200, snel.content
    with mock.patch.object(
        CamelSerializer, "to_representation", serializers.Serializer.to_representation
    ):
        standaard = api.get(adres)
    assert snel.json() == standaard.json()


def test_the_reused_serializer_takes_scheme_and_host_from_each_request(api, register, settings):
    """The core endpoint's serializer is built once per thread; the links in its answer still
    follow the request that asked."""
    settings.ALLOWED_HOSTS = ["een.example", "twee.example"]
    adres = ADRESSEN[0]
    antwoorden = [
        api.get(adres, HTTP_HOST=host, secure=veilig).json()
        for host, veilig in (("een.example", False), ("twee.example", True), ("een.example", False))
    ]
    links = [a["samenwerkingsverbanden"][0]["samenwerkingsverband"]["url"] for a in antwoorden]
    assert links[0].startswith("http://een.example/api/v1/samenwerkingsverbanden/")
    assert links[1].startswith("https://twee.example/api/v1/samenwerkingsverbanden/")
    assert links[2] == links[0]
    assert antwoorden[0] == antwoorden[2]
