"""An arrangement's documents and yearly figures, and the record of each import of an
external source."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regioreg.collation import COLLATION

from ..constants import DocumentSoort, JaarcijfersSoort
from .basis import (
    RegisterModel,
    bedrag_veld,
    bron_veld,
    datum_veld,
    jaar_bereik,
    jaar_veld,
    leeg_achteraan,
    link_veld,
    tekst_veld,
    uniek,
    veldfout,
)
from .verband import samenwerkingsverband_veld


class Document(RegisterModel):
    samenwerkingsverband = samenwerkingsverband_veld("documenten")
    titel = models.CharField(_("titel"), max_length=300, db_collation=COLLATION)
    soort = models.CharField(_("soort"), max_length=30, choices=DocumentSoort.choices)
    jaar = jaar_veld(leeg_mag=True)
    datum = datum_veld(_("datum"))
    url = link_veld(_("url"))
    bron = bron_veld(help_text=_("Leeg als het document in het beheer is ingevoerd."))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        # Newest first; the register's documents without a year or date after the dated ones.
        ordering = [leeg_achteraan("-jaar"), leeg_achteraan("-datum"), "titel"]
        constraints = [jaar_bereik("document_jaar_bereik", leeg_mag=True)]

    def __str__(self):
        return self.titel


class Jaarcijfers(RegisterModel):
    """The arrangement's own figures for one year: its begroting or its jaarrekening."""

    # Indexed by jaarcijfers_uniek.
    samenwerkingsverband = samenwerkingsverband_veld("jaarcijfers", db_index=False)
    jaar = jaar_veld()
    soort = models.CharField(_("soort"), max_length=20, choices=JaarcijfersSoort.choices)
    BEDRAGEN = (
        "lasten",
        "baten",
        "resultaat",
        "eigen_vermogen_begin",
        "eigen_vermogen_eind",
        "vreemd_vermogen_begin",
        "vreemd_vermogen_eind",
    )
    lasten = bedrag_veld(_("lasten (€)"))
    baten = bedrag_veld(_("baten (€)"))
    resultaat = bedrag_veld(_("resultaat (€)"))
    eigen_vermogen_begin = bedrag_veld(_("eigen vermogen 1 januari (€)"))
    eigen_vermogen_eind = bedrag_veld(_("eigen vermogen 31 december (€)"))
    vreemd_vermogen_begin = bedrag_veld(_("vreemd vermogen 1 januari (€)"))
    vreemd_vermogen_eind = bedrag_veld(_("vreemd vermogen 31 december (€)"))
    risicos = tekst_veld(_("risico's"))
    ontwikkelingen = tekst_veld(_("ontwikkelingen"))
    bron_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("brondocument"),
    )
    bron = bron_veld(300)

    class Meta:
        verbose_name = _("jaarcijfers")
        verbose_name_plural = _("jaarcijfers")
        ordering = ["samenwerkingsverband__naam", "-jaar", "soort"]
        constraints = [
            uniek(
                "jaarcijfers_uniek",
                ["samenwerkingsverband", "jaar", "soort"],
                bericht=_(
                    "Jaarcijfers: voor dit samenwerkingsverband bestaan al cijfers van deze soort "
                    "voor dit jaar."
                ),
            ),
            jaar_bereik("jaarcijfers_jaar_bereik"),
        ]

    def __str__(self):
        return f"{self.samenwerkingsverband} – {self.get_soort_display()} {self.jaar}"

    def clean(self):
        if (
            self.bron_document_id
            and self.samenwerkingsverband_id
            and self.bron_document.samenwerkingsverband_id != self.samenwerkingsverband_id
        ):
            raise veldfout(
                "bron_document",
                _("Brondocument: moet een document van hetzelfde samenwerkingsverband zijn."),
                code="ander_samenwerkingsverband",
            )


class Bronimport(models.Model):
    """One import of an external source that changed what the register holds (the national
    register's export, its date and what changed). The start page names the source and its
    date from the newest one; rereading the same export adds no row."""

    bron = models.CharField(_("bron"), max_length=50)
    stand = models.DateTimeField(
        _("stand"), help_text=_("Het moment van de export (timestamp van het bestand).")
    )
    ingelezen_op = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    bestanden = tekst_veld(_("bestanden"))
    samenvatting = tekst_veld(_("samenvatting"))

    class Meta:
        verbose_name = _("import van een bron")
        verbose_name_plural = _("imports van bronnen")
        ordering = ["-stand", "-ingelezen_op"]
        indexes = [models.Index(fields=["bron", "-stand"], name="bronimport_bron_stand_idx")]

    def __str__(self):
        return f"{self.bron} {self.stand:%Y-%m-%d}"
