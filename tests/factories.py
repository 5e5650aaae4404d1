"""Factories for rows in tests. Real reference data comes from `fixtures/` via the loader."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from samenwerking import models
from samenwerking.constants import (
    BijdrageSoort,
    DocumentSoort,
    Functie,
    JaarcijfersSoort,
    OrgaanSoort,
    OrganisatieSoort,
    Vorm,
)
from samenwerking.slugs import bezette_slugs, stam, vrije_slug


class ProvincieFactory(DjangoModelFactory):
    class Meta:
        model = models.Provincie
        django_get_or_create = ["code"]

    code = "PV27"
    naam = "Noord-Holland"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = models.Gemeente

    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = factory.SubFactory(ProvincieFactory)


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = models.Organisatie

    naam = factory.Sequence(lambda n: f"Waterschap {n}")
    soort = OrganisatieSoort.WATERSCHAP


class SamenwerkingsverbandFactory(DjangoModelFactory):
    class Meta:
        model = models.Samenwerkingsverband

    naam = factory.Sequence(lambda n: f"Regeling {n}")
    afkorting = factory.Sequence(lambda n: f"R{n}")
    vorm = Vorm.OPENBAAR_LICHAAM
    vestigingsplaats = "Haarlem"
    # The readable address a real row gets on its first write (services.regels); one query.
    # `slug=None` makes a row with only its UUID address (the fallback of raad.adressen).
    slug = factory.LazyAttribute(
        lambda rij: vrije_slug(
            rij.naam, bezette_slugs(models.Samenwerkingsverband, {stam(rij.naam)})
        )
    )


class DeelnameFactory(DjangoModelFactory):
    class Meta:
        model = models.Deelname

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    toetredingsdatum = datetime.date(2015, 1, 1)


class BestuursorgaanFactory(DjangoModelFactory):
    class Meta:
        model = models.Bestuursorgaan

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = OrgaanSoort.ALGEMEEN_BESTUUR


class PersoonFactory(DjangoModelFactory):
    class Meta:
        model = models.Persoon

    naam = factory.Sequence(lambda n: f"P. Persoon {n}")


class ZetelFactory(DjangoModelFactory):
    class Meta:
        model = models.Zetel

    deelname = factory.SubFactory(DeelnameFactory)
    bestuursorgaan = factory.SubFactory(
        BestuursorgaanFactory,
        samenwerkingsverband=factory.SelfAttribute("..deelname.samenwerkingsverband"),
    )
    persoon = factory.SubFactory(PersoonFactory)
    functie = Functie.WETHOUDER
    begindatum = datetime.date(2022, 6, 1)


class BijdrageFactory(DjangoModelFactory):
    class Meta:
        model = models.Bijdrage

    deelname = factory.SubFactory(DeelnameFactory)
    jaar = 2025
    soort = BijdrageSoort.BEGROOT
    bedrag = Decimal("100000.00")


class JaarcijfersFactory(DjangoModelFactory):
    class Meta:
        model = models.Jaarcijfers

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    jaar = 2024
    soort = JaarcijfersSoort.JAARREKENING
    lasten = Decimal("5000000.00")
    baten = Decimal("5100000.00")
    resultaat = Decimal("100000.00")


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = models.Document

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    titel = factory.Sequence(lambda n: f"Begroting {2020 + n}")
    soort = DocumentSoort.BEGROTING
    url = "https://example.org/begroting.pdf"


class HerindelingFactory(DjangoModelFactory):
    class Meta:
        model = models.Herindeling

    datum = datetime.date(2023, 1, 1)
    oude_gemeente = factory.SubFactory(GemeenteFactory, einddatum=datetime.date(2023, 1, 1))
    nieuwe_gemeente = factory.SubFactory(GemeenteFactory)
    soort = "toevoeging"


class RegelingversieFactory(DjangoModelFactory):
    class Meta:
        model = models.Regelingversie

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    roo_systeem_id = factory.Sequence(lambda n: 90_000_000 + n)
    titel = factory.LazyAttribute(lambda v: v.samenwerkingsverband.naam)
    ingangsdatum = datetime.date(2015, 1, 1)


class InwonertalFactory(DjangoModelFactory):
    class Meta:
        model = models.Inwonertal

    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2025
    aantal = 50000


class DomeinFactory(DjangoModelFactory):
    class Meta:
        model = models.Domein

    code = factory.Sequence(lambda n: f"domein-{n}")
    naam = factory.Sequence(lambda n: f"Domein {n}")


class WettelijkeGrondslagFactory(DjangoModelFactory):
    class Meta:
        model = models.WettelijkeGrondslag

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    opschrift = "Wet publieke gezondheid, art. 14"


class BevoegdheidFactory(DjangoModelFactory):
    class Meta:
        model = models.Bevoegdheid

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    artikel = "art. 5"
    omschrijving = "Het vaststellen van het inzamelbeleid"
