"""Steering by the raad (issue 18, items 1 and 2): the kaders a raad set for a regeling, and
the regeling's own doelen with their indicators, planned and actual per year.

- `Kader`: what one gemeente's raad decided about one regeling for a year (a raadsbesluit,
  wensen en bedenkingen, an instruction to its representative). Entered by the griffie of
  that gemeente (toegang.rechten.GEMEENTE_PAD).
- `Doel`, `Indicator`, `Indicatorwaarde`: the regeling's goals, a few indicators per goal, and
  per year the planned and actual value with its source. Entered by the regeling's
  secretariaat (toegang.rechten.VERBAND_PAD).

Imported by raad.models, so that they are the raad app's models.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regioreg.collation import COLLATION
from samenwerking.fields import VeldCheckConstraint
from samenwerking.models import (
    RegisterModel,
    bron_veld,
    gemeente_veld,
    jaar_bereik,
    jaar_veld,
    link_veld,
    samenwerkingsverband_veld,
    tekst_veld,
    uniek,
)


class KaderSoort(models.TextChoices):
    """What kind of decision of the raad a kader is (Gemeentewet art. 169; Wgr art. 35)."""

    RAADSBESLUIT = "raadsbesluit", _("Raadsbesluit (kaders)")
    WENSEN_EN_BEDENKINGEN = "wensen_en_bedenkingen", _("Wensen en bedenkingen")
    INSTRUCTIE = "instructie", _("Instructie aan de vertegenwoordiger")
    MOTIE = "motie", _("Motie of amendement")


class Kader(RegisterModel):
    """What one raad decided about one regeling, for one year."""

    gemeente = gemeente_veld("kaders", help_text=_("De gemeente wier raad dit besloot."))
    samenwerkingsverband = samenwerkingsverband_veld("kaders", on_delete=models.PROTECT)
    soort = models.CharField(_("soort"), max_length=30, choices=KaderSoort.choices)
    jaar = jaar_veld(
        help_text=_(
            "Het jaar waarvoor de kaders gelden (het begrotingsjaar). Bij de jaarrekening van "
            "dit jaar zet regioreg ze naast de resultaten."
        ),
    )
    besluitdatum = models.DateField(_("datum raadsbesluit"))
    onderwerp = models.CharField(
        _("onderwerp"),
        max_length=250,
        help_text=_("Kort, bijvoorbeeld: Kaders begroting 2026: bijdrage hoogstens +2%."),
    )
    tekst = tekst_veld(
        _("tekst"), help_text=_("Wat de raad besloot of meegaf, in een paar zinnen.")
    )
    document_url = link_veld(_("document"))

    class Meta:
        verbose_name = _("kader van de raad")
        verbose_name_plural = _("kaders van de raad")
        ordering = ["gemeente__naam", "samenwerkingsverband__naam", "-jaar", "-besluitdatum"]
        constraints = [jaar_bereik("kader_jaar_bereik")]
        indexes = [
            models.Index(fields=["gemeente", "samenwerkingsverband"], name="kader_gemeente_idx")
        ]

    def __str__(self):
        return f"{self.onderwerp} ({self.jaar})"


class Doel(RegisterModel):
    """One goal of a regeling, as its begroting or beleidsplan states it."""

    samenwerkingsverband = samenwerkingsverband_veld("doelen")
    titel = models.CharField(_("doel"), max_length=250, db_collation=COLLATION)
    omschrijving = tekst_veld(_("toelichting"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen en prestaties")
        ordering = ["samenwerkingsverband__naam", "volgorde", "titel"]

    def __str__(self):
        return self.titel


class Indicator(RegisterModel):
    """How one goal is measured."""

    doel = models.ForeignKey(
        Doel, on_delete=models.CASCADE, related_name="indicatoren", verbose_name=_("doel")
    )
    naam = models.CharField(_("indicator"), max_length=250, db_collation=COLLATION)
    eenheid = tekst_veld(_("eenheid"), 50, help_text=_("Bijvoorbeeld: %, aantal, dagen."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["doel__samenwerkingsverband__naam", "doel__volgorde", "volgorde", "naam"]

    def __str__(self):
        return f"{self.naam} ({self.doel})"


def _waarde(label):
    return models.DecimalField(label, max_digits=15, decimal_places=3, null=True, blank=True)


class Indicatorwaarde(RegisterModel):
    """An indicator's planned and actual value in one year, with where it comes from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="waarden", verbose_name=_("indicator")
    )
    jaar = jaar_veld()
    gepland = _waarde(_("gepland"))
    gerealiseerd = _waarde(_("gerealiseerd"))
    bron = bron_veld(250, help_text=_("Bijvoorbeeld: Jaarverslag 2025, p. 12."))
    bron_url = link_veld(_("vindplaats bron"))

    class Meta:
        verbose_name = _("waarde van een indicator")
        verbose_name_plural = _("waarden van indicatoren")
        ordering = ["indicator", "jaar"]
        constraints = [
            uniek(
                "indicatorwaarde_uniek",
                ["indicator", "jaar"],
                bericht=_(
                    "Voor deze indicator is voor dit jaar al een waarde vastgelegd; pas die aan."
                ),
            ),
            jaar_bereik("indicatorwaarde_jaar_bereik"),
            VeldCheckConstraint(
                name="indicatorwaarde_niet_leeg",
                veld="gepland",
                condition=Q(gepland__isnull=False) | Q(gerealiseerd__isnull=False),
                violation_error_code="waarde_leeg",
                violation_error_message=_(
                    "Gepland: vul een geplande of een gerealiseerde waarde in (of allebei)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.naam} {self.jaar}"
