"""Factories for the raad's calendar rows."""

import datetime

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
