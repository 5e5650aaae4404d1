"""Where the register is: provincies, gemeenten, their herindelingen and inwonertallen."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regioreg.collation import COLLATION

from ..constants import CBS_CODE_PATROON, HerindelingSoort
from ..fields import VeldCheckConstraint
from .basis import (
    DatumsInBereik,
    MetPeriode,
    RegisterModel,
    ZichtbareTekst,
    bron_veld,
    code_formaat,
    datum_veld,
    eind_na_begin,
    jaar_bereik,
    jaar_veld,
    roo_stand_veld,
    roo_systeem_id_veld,
    uniek,
)


class Provincie(ZichtbareTekst):
    code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=50, unique=True, db_collation=COLLATION)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["naam"]
        constraints = [
            code_formaat(
                "provincie_code_formaat",
                "code",
                r"PV[0-9]{2}",
                code="ongeldige_code",
                bericht=_("CBS-code: gebruik PV gevolgd door twee cijfers, bijvoorbeeld PV27."),
            )
        ]

    def __str__(self):
        return self.naam


class Gemeente(MetPeriode, ZichtbareTekst, DatumsInBereik):
    """A gemeente by its CBS code. Not a RegisterModel: it has no uuid (the API and imports
    know it by its CBS code) and its timestamps and history come after its own fields, so it
    declares those itself; its dates are checked as every register row's (DatumsInBereik)."""

    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        help_text=_("GM gevolgd door vier cijfers, bijvoorbeeld GM0363 (Amsterdam)."),
    )
    naam = models.CharField(_("naam"), max_length=100, db_collation=COLLATION)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("provincie")
    )
    begindatum = datum_veld(
        _("begindatum"),
        help_text=_("Leeg als de gemeente al bestond vóór de vastgelegde herindelingen."),
    )
    einddatum = datum_veld(
        _("einddatum"),
        help_text=_("De eerste dag waarop de gemeente niet meer bestaat: de herindelingsdatum."),
    )
    roo_systeem_id = roo_systeem_id_veld(
        help_text=_("Nummer van de gemeente in het Register van Overheidsorganisaties.")
    )
    opvolgers = models.ManyToManyField(
        "self",
        through="Herindeling",
        through_fields=("oude_gemeente", "nieuwe_gemeente"),
        symmetrical=False,
        related_name="voorgangers",
        verbose_name=_("opvolgers"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            code_formaat(
                "gemeente_cbs_code_formaat",
                "cbs_code",
                CBS_CODE_PATROON,
                code="ongeldige_cbs_code",
                bericht=_("CBS-code: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363."),
            ),
            eind_na_begin(
                "gemeente_einde_na_begin",
                "begindatum",
                "einddatum",
                _("Einddatum: mag niet vóór de begindatum liggen."),
            ),
        ]

    def __str__(self):
        return self.naam


GEMEENTE = _("gemeente")


def gemeente_veld(
    related_name: str,
    *,
    label=GEMEENTE,
    on_delete=models.PROTECT,
    leeg_mag: bool = False,
    help_text="",
):
    """The gemeente a row belongs to or names (a deelnemer, a griffie, a raad's zienswijze);
    LEEG_MAG where a row may name none."""
    return models.ForeignKey(
        Gemeente,
        on_delete=on_delete,
        null=leeg_mag,
        blank=leeg_mag,
        related_name=related_name,
        verbose_name=label,
        help_text=help_text,
    )


class Herindeling(RegisterModel):
    """One disappearing gemeente and one of its successors (a split has one row per successor)."""

    datum = models.DateField(_("datum"), help_text=_("De dag waarop de nieuwe indeling ingaat."))
    oude_gemeente = gemeente_veld("herindelingen_als_oude", label=_("opgeheven gemeente"))
    nieuwe_gemeente = gemeente_veld("herindelingen_als_nieuwe", label=_("opvolgende gemeente"))
    soort = models.CharField(_("soort"), max_length=30, choices=HerindelingSoort.choices)

    class Meta:
        verbose_name = _("herindeling")
        verbose_name_plural = _("herindelingen")
        ordering = ["-datum", "oude_gemeente__naam"]
        constraints = [
            uniek(
                "herindeling_uniek",
                ["oude_gemeente", "nieuwe_gemeente"],
                bericht=_("Deze herindeling (opgeheven gemeente naar opvolger) bestaat al."),
            ),
            VeldCheckConstraint(
                name="herindeling_andere_gemeente",
                veld="nieuwe_gemeente",
                condition=~Q(oude_gemeente=F("nieuwe_gemeente")),
                violation_error_code="zelfde_gemeente",
                violation_error_message=_(
                    "Opvolgende gemeente: moet een andere gemeente zijn dan de opgeheven gemeente."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.oude_gemeente} → {self.nieuwe_gemeente} ({self.datum:%d-%m-%Y})"


class Inwonertal(RegisterModel):
    gemeente = gemeente_veld("inwonertallen", on_delete=models.CASCADE)
    jaar = jaar_veld(help_text=_("Aantal inwoners op 1 januari."))
    aantal = models.PositiveIntegerField(_("aantal inwoners"))
    bron = bron_veld()
    roo_stand = roo_stand_veld()

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente__naam", "-jaar"]
        constraints = [
            uniek(
                "inwonertal_uniek",
                ["gemeente", "jaar"],
                bericht=_("Voor deze gemeente is dit jaar al een inwonertal."),
            ),
            jaar_bereik("inwonertal_jaar_bereik"),
        ]

    def __str__(self):
        return f"{self.gemeente} {self.jaar}: {self.aantal}"
