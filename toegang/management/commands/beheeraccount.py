"""The admin account that `make run` and the container make on their first start
(scripts/run.sh, scripts/container-start.sh): named by DJANGO_SUPERUSER_USERNAME and
DJANGO_SUPERUSER_PASSWORD (DJANGO_SUPERUSER_EMAIL may add an address), made once, and refused
with the variable named when a value cannot be an account's: the password is held to the
same rules (AUTH_PASSWORD_VALIDATORS) as one set in the admin."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from regioreg.commands import DutchCommand

VARIABELEN = {
    "username": "DJANGO_SUPERUSER_USERNAME",
    "email": "DJANGO_SUPERUSER_EMAIL",
    "password": "DJANGO_SUPERUSER_PASSWORD",
}


class Command(DutchCommand):
    help = (
        "Maakt het beheeraccount uit DJANGO_SUPERUSER_USERNAME en DJANGO_SUPERUSER_PASSWORD "
        "(met DJANGO_SUPERUSER_EMAIL als e-mailadres), als het er nog niet is."
    )

    def handle(self, *args, **options):
        naam = os.environ.get(VARIABELEN["username"], "").strip()
        wachtwoord = os.environ.get(VARIABELEN["password"], "")
        if not naam or not wachtwoord:
            raise CommandError(
                "Zet DJANGO_SUPERUSER_USERNAME en DJANGO_SUPERUSER_PASSWORD in de omgeving, of "
                "maak een account met: manage.py createsuperuser"
            )
        if get_user_model().objects.filter(username=naam).exists():
            self.stdout.write(f"Beheeraccount '{naam}' bestaat al.")
            return
        gebruiker = get_user_model()(
            username=naam,
            email=os.environ.get(VARIABELEN["email"], "").strip(),
            is_staff=True,
            is_superuser=True,
        )
        fouten = {}
        try:
            gebruiker.full_clean(exclude=["password"])
        except ValidationError as fout:
            fouten.update(fout.message_dict)
        try:
            validate_password(wachtwoord, gebruiker)
        except ValidationError as fout:
            fouten["password"] = fout.messages
        if fouten:
            raise CommandError(
                " ".join(
                    f"{VARIABELEN.get(veld, veld)}: {' '.join(m)}" for veld, m in fouten.items()
                )
                + " Geen beheeraccount aangemaakt. Pas de genoemde variabele aan en start opnieuw."
            )
        gebruiker.set_password(wachtwoord)
        gebruiker.save()
        self.stdout.write(f"Beheeraccount '{naam}' aangemaakt.")
