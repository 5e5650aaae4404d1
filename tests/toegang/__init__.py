"""Accounts with a role, for tests of who may do what."""

from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from toegang.models import Rol, RolSoort


def account(soort: str, *, gemeente=None, verbanden=(), naam: str | None = None):
    """A staff account with a role (griffie: `gemeente`; secretariaat: `verbanden`)."""
    gebruiker = get_user_model().objects.create_user(
        naam or f"{soort}-{get_user_model().objects.count()}", is_staff=True
    )
    rol = Rol.objects.create(gebruiker=gebruiker, soort=soort, gemeente=gemeente)
    rol.samenwerkingsverbanden.set(verbanden)
    return gebruiker


def beheerder_account(naam: str = "beheer"):
    return account(RolSoort.BEHEERDER, naam=naam)


def api_client(gebruiker) -> APIClient:
    """An API client that authenticates with the account's token."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=gebruiker)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
