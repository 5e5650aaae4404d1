"""Fixtures of the register's tests."""

import datetime
from decimal import Decimal

import pytest

from samenwerking.models import (
    Gemeente,
)
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort

D = datetime.date


@pytest.fixture
def regio(referentiedata):
    """Two arrangements of two regio's, each with deelnames, an organ with a seat, money and
    figures; a secretariaat of the first and a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband in (eigen, ander):
        for gemeente in (zaanstad, purmerend):
            deelname = f.DeelnameFactory(
                samenwerkingsverband=verband, gemeente=gemeente, toetredingsdatum=D(2015, 1, 1)
            )
            f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("1000.00"))
        f.ZetelFactory(deelname=deelname, begindatum=D(2022, 1, 1))
        f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=2024)
    return {
        "eigen": eigen,
        "ander": ander,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "beheerder": account(RolSoort.BEHEERDER),
    }
