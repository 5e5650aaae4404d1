import pytest
from rest_framework.test import APIClient

from samenwerking.models import Gemeente
from tests.toegang import beheerder_account


@pytest.fixture
def api():
    """An anonymous client: the public."""
    return APIClient()


@pytest.fixture
def beheerder():
    """A client logged in (admin session) with the role beheerder: may write everything."""
    client = APIClient()
    client.force_login(beheerder_account())
    return client


@pytest.fixture
def zaanstad(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0479")
