import pytest
from rest_framework.test import APIClient

from samenwerking.models import Gemeente


@pytest.fixture
def api():
    """An anonymous client: the public."""
    return APIClient()


@pytest.fixture
def beheerder(django_user_model):
    """A client logged in (admin session) as a staff member, like a regio secretary."""
    client = APIClient()
    client.force_login(django_user_model.objects.create_user("beheer", is_staff=True))
    return client


@pytest.fixture
def zaanstad(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0479")
