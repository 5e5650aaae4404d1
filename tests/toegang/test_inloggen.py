"""Logging in: repeated wrong passwords lock the account name out for a while (django-axes)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def test_repeated_failures_lock_the_login_with_a_dutch_message(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("secretaris", password="juist-wachtwoord", is_staff=True)
    client = Client()
    for _ in range(2):
        fout = client.post(
            "/admin/login/", {"username": "secretaris", "password": "fout"}, REMOTE_ADDR="10.0.0.1"
        )
        assert fout.status_code == 200  # the login form again, with its error
        assert "Voer de correcte gebruikersnaam en wachtwoord" in fout.content.decode()
    geblokkeerd = client.post(
        "/admin/login/", {"username": "secretaris", "password": "fout"}, REMOTE_ADDR="10.0.0.1"
    )
    assert geblokkeerd.status_code == 429
    assert "Aanmelden tijdelijk geblokkeerd" in geblokkeerd.content.decode()
    # Now even the right password is refused, until the cool-off time has passed.
    juist = client.post(
        "/admin/login/",
        {"username": "secretaris", "password": "juist-wachtwoord"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert juist.status_code == 429


def test_a_successful_login_is_not_hindered(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("griffier", password="juist-wachtwoord", is_staff=True)
    client = Client()
    antwoord = client.post(
        "/admin/login/?next=/admin/", {"username": "griffier", "password": "juist-wachtwoord"}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/admin/"
    beheer = client.get("/admin/")
    assert beheer.status_code == 200
    assert "Welkom, <strong>griffier</strong>" in " ".join(beheer.content.decode().split())
