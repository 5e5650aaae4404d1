"""The meeting calendars (issue 18, item 4): meetings of a regeling's boards and for the raden
(`Vergadering`, entered by its secretariaat: toegang.rechten.VERBAND_PAD) and a gemeente's
raadsvergaderingen (`Raadsvergadering`, entered by its griffie: toegang.rechten.GEMEENTE_PAD).
The raad's decision date for a zienswijze is read from the latter (raad.vergaderingen).

Imported by raad.models, so that they are the raad app's models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenwerking.models import (
    RegisterModel,
    gemeente_veld,
    link_veld,
    samenwerkingsverband_veld,
    tekst_veld,
    uniek,
)

from .constants import VergaderingSoort


def _omschrijving(voorbeeld):
    """What a meeting is about, in a line; optional, VOORBEELD is its help text."""
    return tekst_veld(_("omschrijving"), 200, help_text=voorbeeld)


class Vergadering(RegisterModel):
    """A meeting of a regeling's algemeen or dagelijks bestuur, or one it holds for the raden
    (regionale raadsavond, verantwoordingsbijeenkomst), entered by its secretariaat. Shown in
    the calendar of every gemeente that takes part on that day."""

    # Indexed by vergadering_verband_datum_idx.
    samenwerkingsverband = samenwerkingsverband_veld("vergaderingen", db_index=False)
    soort = models.CharField(_("soort"), max_length=30, choices=VergaderingSoort.choices)
    datum = models.DateField(_("datum"))
    omschrijving = _omschrijving(
        _("Bijvoorbeeld: behandeling jaarstukken 2025; aanvang 19.30 uur.")
    )
    agenda_url = link_veld(_("agenda"))
    besluiten_url = link_veld(
        _("besluitenlijst"), help_text=_("De besluiten(lijst) van de vergadering, zodra die er is.")
    )

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-datum", "samenwerkingsverband__naam"]
        constraints = [
            uniek(
                "vergadering_uniek",
                ["samenwerkingsverband", "soort", "datum"],
                bericht=_(
                    "Voor dit samenwerkingsverband is op deze datum al een vergadering van deze "
                    "soort vastgelegd."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["datum"], name="vergadering_datum_idx"),
            # A regeling's meetings in date order (its list, the calendars).
            models.Index(
                fields=["samenwerkingsverband", "datum"], name="vergadering_verband_datum_idx"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class Raadsvergadering(RegisterModel):
    """A meeting of a gemeente's raad that can take decisions, entered by its griffie. The
    raad's decision date for a zienswijze is the last of these on or before the deadline
    (raad.vergaderingen)."""

    gemeente = gemeente_veld("raadsvergaderingen", on_delete=models.CASCADE)
    datum = models.DateField(_("datum"))
    omschrijving = _omschrijving(_("Bijvoorbeeld: besluitvormende raadsvergadering."))
    agenda_url = link_veld(_("agenda"))

    class Meta:
        verbose_name = _("raadsvergadering")
        verbose_name_plural = _("raadsvergaderingen")
        ordering = ["gemeente__naam", "-datum"]
        constraints = [
            uniek(
                "raadsvergadering_uniek",
                ["gemeente", "datum"],
                bericht=_(
                    "Voor deze gemeente is op deze datum al een raadsvergadering vastgelegd."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} – {self.datum:%d-%m-%Y}"
