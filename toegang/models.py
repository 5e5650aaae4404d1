"""Who is who: every account with a role has one `Rol`, linked to what it may change.

- griffie: one gemeente; manages that raad's zienswijzen and reads everything.
- secretariaat: one or more arrangements; edits those and their rows, nothing else.
- beheerder: everything, including accounts (a superuser is a beheerder too).
Anonymous visitors read the public register and need no account.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import TokenProxy

from samenwerking.models import Samenwerkingsverband, gemeente_veld, precies_dan


class RolSoort(models.TextChoices):
    GRIFFIE = "griffie", _("griffie")
    SECRETARIAAT = "secretariaat", _("regiosecretariaat")
    BEHEERDER = "beheerder", _("beheerder")


class Rol(models.Model):
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rol",
        verbose_name=_("gebruiker"),
    )
    soort = models.CharField(_("rol"), max_length=20, choices=RolSoort.choices)
    gemeente = gemeente_veld(
        "griffierollen",
        leeg_mag=True,
        help_text=_("Alleen bij de rol griffie: de gemeente van deze griffie."),
    )
    samenwerkingsverbanden = models.ManyToManyField(
        Samenwerkingsverband,
        blank=True,
        related_name="secretariaatrollen",
        verbose_name=_("samenwerkingsverbanden"),
        help_text=_("Alleen bij de rol regiosecretariaat: de verbanden die dit account beheert."),
    )

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            precies_dan(
                "rol_gemeente_bij_griffie",
                "gemeente",
                Q(soort=RolSoort.GRIFFIE),
                code="gemeente_bij_griffie",
                bericht=_("Gemeente: verplicht bij de rol griffie en alleen dan in te vullen."),
            )
        ]

    def __str__(self):
        return f"{self.gebruiker}: {self.get_soort_display()}"


class Token(TokenProxy):
    """An account's API token as the admin shows it: by its account and the first characters
    of its key. The whole key is shown once, right after it is made (`admin.TokenAdmin`), so
    that a list, a page title, a message or the admin's log never shows it again."""

    class Meta:
        proxy = True
        verbose_name = _("token")
        verbose_name_plural = _("tokens")

    @property
    def begin(self) -> str:
        return f"{self.key[:6]}…" if self.key else ""

    def __str__(self):
        return gettext("token van %(gebruiker)s (%(begin)s)") % {
            "gebruiker": self.user,
            "begin": self.begin,
        }
