"""Factories for the raad's calendar rows."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from raad import models
from raad.constants import Vaststelling, ZienswijzeSoort
from tests.factories import GemeenteFactory, SamenwerkingsverbandFactory


class ZienswijzeverzoekFactory(DjangoModelFactory):
    class Meta:
        model = models.Zienswijzeverzoek

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = ZienswijzeSoort.ONTWERPBEGROTING
    onderwerp = factory.Sequence(lambda n: f"Ontwerpbegroting {2026 + n}")
    jaar = 2026
    ontvangen_op = datetime.date(2025, 3, 1)
    uiterste_datum = factory.LazyAttribute(lambda o: o.ontvangen_op + datetime.timedelta(weeks=12))


class ZienswijzeFactory(DjangoModelFactory):
    class Meta:
        model = models.Zienswijze

    zienswijzeverzoek = factory.SubFactory(ZienswijzeverzoekFactory)
    gemeente = factory.SubFactory(GemeenteFactory)


class BestuursvergaderingFactory(DjangoModelFactory):
    class Meta:
        model = models.Bestuursvergadering

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    vaststelling = Vaststelling.BEGROTING
    jaar = 2026
    datum = datetime.date(2025, 7, 3)


class EvaluatieFactory(DjangoModelFactory):
    class Meta:
        model = models.Evaluatie

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    datum = datetime.date(2021, 5, 1)
    conclusie = "De samenwerking werkt; de sturing door de raden kan beter."


class KaderFactory(DjangoModelFactory):
    class Meta:
        model = models.Kader

    gemeente = factory.SubFactory(GemeenteFactory)
    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = models.KaderSoort.RAADSBESLUIT
    jaar = 2025
    besluitdatum = datetime.date(2024, 6, 27)
    onderwerp = factory.Sequence(lambda n: f"Kaders begroting 2025, besluit {n}")
    tekst = "De bijdrage stijgt hoogstens met de loon- en prijsindex."


class DoelFactory(DjangoModelFactory):
    class Meta:
        model = models.Doel

    samenwerkingsverband = factory.SubFactory(SamenwerkingsverbandFactory)
    titel = factory.Sequence(lambda n: f"Doel {n}")


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = models.Indicator

    doel = factory.SubFactory(DoelFactory)
    naam = factory.Sequence(lambda n: f"Indicator {n}")
    eenheid = "%"


class IndicatorwaardeFactory(DjangoModelFactory):
    class Meta:
        model = models.Indicatorwaarde

    indicator = factory.SubFactory(IndicatorFactory)
    jaar = 2025
    gepland = Decimal("90")
    gerealiseerd = Decimal("87.5")
    bron = "Jaarverslag 2025"
