import pytest

from samenwerking.models import Gemeente
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort


@pytest.fixture
def zaanstad(referentiedata):
    """The gemeente Zaanstad from the reference data. A module that needs Zaanstad with rows
    of its own defines its own `zaanstad`."""
    return Gemeente.objects.get(cbs_code="GM0479")


@pytest.fixture
def op_dag(monkeypatch):
    """Fix the day the views see as today: `op_dag(datetime.date(2025, 6, 1))`."""

    def zet(dag):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: dag)

    return zet


@pytest.fixture
def sturingsregio(referentiedata):
    """Zaanstad and Purmerend both in one regeling, Purmerend also in another; a griffie of
    each, a secretariaat of the first regeling and one of the other, a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband, gemeente in ((eigen, zaanstad), (eigen, purmerend), (ander, purmerend)):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return {
        "eigen": eigen,
        "ander": ander,
        "zaanstad": zaanstad,
        "purmerend": purmerend,
        "griffie": account(RolSoort.GRIFFIE, gemeente=zaanstad),
        "griffie_purmerend": account(RolSoort.GRIFFIE, gemeente=purmerend),
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "secretariaat_ander": account(RolSoort.SECRETARIAAT, verbanden=[ander]),
        "beheerder": account(RolSoort.BEHEERDER),
    }
