"""`manage.py beheeraccount`: the admin account `make run` and the container make from
DJANGO_SUPERUSER_* on their first start, once, and refused with the variable named."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _beheeraccount(monkeypatch, **omgeving) -> str:
    for naam in ("USERNAME", "PASSWORD", "EMAIL"):
        monkeypatch.delenv(f"DJANGO_SUPERUSER_{naam}", raising=False)
    for naam, waarde in omgeving.items():
        monkeypatch.setenv(f"DJANGO_SUPERUSER_{naam.upper()}", waarde)
    uit = io.StringIO()
    call_command("beheeraccount", stdout=uit)
    return uit.getvalue()


def test_the_account_is_made_once_and_can_log_in(monkeypatch, client):
    uitvoer = _beheeraccount(monkeypatch, username="beheer", password="een-lang-wachtwoord")
    assert uitvoer == "Beheeraccount 'beheer' aangemaakt.\n"
    gebruiker = get_user_model().objects.get(username="beheer")
    assert (gebruiker.is_staff, gebruiker.is_superuser, gebruiker.email) == (True, True, "")
    aanmelden = client.post(
        "/admin/login/?next=/admin/", {"username": "beheer", "password": "een-lang-wachtwoord"}
    )
    assert (aanmelden.status_code, aanmelden.url) == (302, "/admin/")
    # A second start changes nothing, not even the password.
    uitvoer = _beheeraccount(monkeypatch, username="beheer", password="een-ander-wachtwoord")
    assert uitvoer == "Beheeraccount 'beheer' bestaat al.\n"
    assert get_user_model().objects.get().check_password("een-lang-wachtwoord")


@pytest.mark.parametrize(
    ("omgeving", "melding"),
    [
        (
            {"username": "beheer", "password": "kort"},
            "DJANGO_SUPERUSER_PASSWORD: Dit wachtwoord is te kort: gebruik minstens 8 tekens.",
        ),
        (
            {"username": "beheer", "password": "12345678901234"},
            "DJANGO_SUPERUSER_PASSWORD: Dit wachtwoord bevat alleen cijfers. Geen beheeraccount "
            "aangemaakt.",
        ),
        (
            {"username": "beheer x", "password": "een-lang-wachtwoord"},
            "DJANGO_SUPERUSER_USERNAME: Voer een geldige gebruikersnaam in.",
        ),
        # Every variable that is wrong at once, not one per start.
        (
            {"username": "beheer x", "password": "kort"},
            "DJANGO_SUPERUSER_USERNAME: Voer een geldige gebruikersnaam in. Deze waarde mag "
            "alleen letters, cijfers en de tekens @/./+/-/_ bevatten. DJANGO_SUPERUSER_PASSWORD: "
            "Dit wachtwoord is te kort: gebruik minstens 8 tekens. Geen beheeraccount aangemaakt.",
        ),
        (
            {"username": "beheer", "password": "een-lang-wachtwoord", "email": "geen adres"},
            "DJANGO_SUPERUSER_EMAIL: Voer een geldig e-mailadres in.",
        ),
        (
            {"username": "beheer"},
            "Zet DJANGO_SUPERUSER_USERNAME en DJANGO_SUPERUSER_PASSWORD in de omgeving",
        ),
    ],
)
def test_a_value_that_cannot_be_an_accounts_is_refused_with_its_variable(
    monkeypatch, omgeving, melding
):
    with pytest.raises(CommandError) as fout:
        _beheeraccount(monkeypatch, **omgeving)
    assert melding in str(fout.value)
    assert not get_user_model().objects.exists()
