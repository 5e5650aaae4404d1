"""The register: gemeenten, arrangements, who takes part, who sits where, and what it costs.

Periods are half-open: a start date is the first day something holds, an end date the first
day it no longer holds (a deelname that ends on 2024-01-01 is not active on 2024-01-01). An
empty start date means "unknown / since before the register", an empty end date "still
running". Money is Decimal in euros; an empty amount means "onbekend", never zero.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.encoding import force_str
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import (
    INGESTELDE_VORMEN,
    RECHTSPERSOON_VORMEN,
    VORM_TOELICHTING,
    WGR_VORMEN,
    Bevoegdheidsverkrijging,
    BijdrageSoort,
    DeelnameRol,
    DeelnemendOrgaan,
    DocumentSoort,
    Functie,
    HerindelingSoort,
    JaarcijfersSoort,
    Motief,
    OrgaanSoort,
    OrganisatieSoort,
    Vorm,
    ZetelRol,
    bbv_categorie,
)
from .fields import KeuzelijstField, VeldCheckConstraint
from .peilmoment import DATUM_BUITEN_BEREIK, JAAR_MAX, JAAR_MIN, binnen_bereik

# The half-open period lives in `periode`; these names stay importable from here.
from .periode import loopt_op, overlapt, periode_overlapt_q, periode_q  # noqa: F401
from .registerversie import Registerversie  # noqa: F401 (the page cache's version row)

JAAR_VALIDATORS = [MinValueValidator(JAAR_MIN), MaxValueValidator(JAAR_MAX)]


def eind_na_begin(naam: str, begin: str, eind: str, bericht) -> VeldCheckConstraint:
    return VeldCheckConstraint(
        name=naam,
        veld=eind,
        condition=Q(**{f"{begin}__isnull": True})
        | Q(**{f"{eind}__isnull": True})
        | Q(**{f"{eind}__gte": F(begin)}),
        violation_error_code="einde_voor_begin",
        violation_error_message=bericht,
    )


_KEUZES: dict[tuple[models.Field, str], dict] = {}


def roo_stand_veld():
    """What the national register last said about a row's fields (`veld: waarde` as JSON),
    kept by the import so that it can tell a hand edit from a change in the register."""
    return models.JSONField(
        _("laatste stand in het landelijk register"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Wat het landelijk register bij de laatste import over deze velden zei."),
    )


class RegisterModel(models.Model):
    """Common columns: a public UUID, timestamps and the history of every change."""

    uuid = models.UUIDField(_("uuid"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # The audit trail: who changed which row when, with its old and new values (every
    # concrete subclass gets its own Historical… table).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Each field's own checks, and every date within the register's range (peilmoment:
        1900-01-01 up to and including 2100-12-31), whichever surface wrote it. Pages, feeds
        and the API compute with dates around a stored one (a deadline weeks later, the next
        evaluation years later): beyond the range that overflows, a 500 wherever the row is
        shown (found with a zienswijzeverzoek received on 9999-12-01)."""
        fouten = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as fout:
            fouten = fout.update_error_dict(fouten)
        for veld in self._meta.concrete_fields:
            if (
                isinstance(veld, models.DateField)
                and not isinstance(veld, models.DateTimeField)
                and veld.name not in (exclude or ())
                and veld.name not in fouten
                and isinstance(waarde := getattr(self, veld.attname), datetime.date)
                and not binnen_bereik(waarde)
            ):
                fouten[veld.name] = [ValidationError(DATUM_BUITEN_BEREIK, code="buiten_bereik")]
        if fouten:
            raise ValidationError(fouten)

    def _get_FIELD_display(self, field):
        # Django's version rebuilds and hashes every choice on each call; lists show labels
        # for hundreds of rows. Same result, with each field's labels translated once per
        # language.
        taal = get_language()
        keuzes = _KEUZES.get((field, taal))
        if keuzes is None:
            keuzes = _KEUZES[field, taal] = {
                waarde: force_str(label, strings_only=True) for waarde, label in field.flatchoices
            }
        waarde = getattr(self, field.attname)
        return keuzes.get(waarde, force_str(waarde, strings_only=True))


class Provincie(models.Model):
    code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=50, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["naam"]
        constraints = [
            VeldCheckConstraint(
                name="provincie_code_formaat",
                veld="code",
                condition=Q(code__regex=r"^PV[0-9]{2}$"),
                violation_error_code="ongeldige_code",
                violation_error_message=_(
                    "CBS-code: gebruik PV gevolgd door twee cijfers, bijvoorbeeld PV27."
                ),
            )
        ]

    def __str__(self):
        return self.naam


class GemeenteQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        return self.filter(periode_q(datum, "begindatum", "einddatum"))


class Gemeente(models.Model):
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        help_text=_("GM gevolgd door vier cijfers, bijvoorbeeld GM0363 (Amsterdam)."),
    )
    naam = models.CharField(_("naam"), max_length=100)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("provincie")
    )
    begindatum = models.DateField(
        _("begindatum"),
        null=True,
        blank=True,
        help_text=_("Leeg als de gemeente al bestond vóór de vastgelegde herindelingen."),
    )
    einddatum = models.DateField(
        _("einddatum"),
        null=True,
        blank=True,
        help_text=_("De eerste dag waarop de gemeente niet meer bestaat: de herindelingsdatum."),
    )
    roo_systeem_id = models.PositiveBigIntegerField(
        _("systeemId ROO"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Nummer van de gemeente in het Register van Overheidsorganisaties."),
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

    objects = GemeenteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            VeldCheckConstraint(
                name="gemeente_cbs_code_formaat",
                veld="cbs_code",
                condition=Q(cbs_code__regex=r"^GM[0-9]{4}$"),
                violation_error_code="ongeldige_cbs_code",
                violation_error_message=_(
                    "CBS-code: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363."
                ),
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

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.begindatum, self.einddatum)


class Herindeling(RegisterModel):
    """One disappearing gemeente and one of its successors (a split has one row per successor)."""

    datum = models.DateField(_("datum"), help_text=_("De dag waarop de nieuwe indeling ingaat."))
    oude_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="herindelingen_als_oude",
        verbose_name=_("opgeheven gemeente"),
    )
    nieuwe_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="herindelingen_als_nieuwe",
        verbose_name=_("opvolgende gemeente"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=HerindelingSoort.choices)

    class Meta:
        verbose_name = _("herindeling")
        verbose_name_plural = _("herindelingen")
        ordering = ["-datum", "oude_gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["oude_gemeente", "nieuwe_gemeente"],
                name="herindeling_uniek",
                violation_error_message=_(
                    "Deze herindeling (opgeheven gemeente naar opvolger) bestaat al."
                ),
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
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="inwonertallen", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=JAAR_VALIDATORS, help_text=_("Aantal inwoners op 1 januari.")
    )
    aantal = models.PositiveIntegerField(_("aantal inwoners"))
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    roo_stand = roo_stand_veld()

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente__naam", "-jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar"],
                name="inwonertal_uniek",
                violation_error_message=_("Voor deze gemeente is dit jaar al een inwonertal."),
            )
        ]

    def __str__(self):
        return f"{self.gemeente} {self.jaar}: {self.aantal}"


class Organisatie(RegisterModel):
    """A participant that is not a gemeente: provincie, waterschap, Rijk, other bodies."""

    naam = models.CharField(_("naam"), max_length=250, unique=True)
    afkorting = models.CharField(_("afkorting"), max_length=50, blank=True)
    soort = models.CharField(_("soort"), max_length=30, choices=OrganisatieSoort.choices)
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisaties",
        verbose_name=_("provincie"),
        help_text=_("Alleen voor een organisatie van de soort provincie: welke provincie."),
    )
    adres = models.CharField(_("adres"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    vestigingsplaats = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    roo_systeem_id = models.PositiveBigIntegerField(
        _("systeemId ROO"), null=True, blank=True, unique=True
    )
    roo_stand = roo_stand_veld()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            VeldCheckConstraint(
                name="organisatie_provincie_bij_soort",
                veld="provincie",
                condition=(Q(soort=OrganisatieSoort.PROVINCIE) & Q(provincie__isnull=False))
                | (~Q(soort=OrganisatieSoort.PROVINCIE) & Q(provincie__isnull=True)),
                violation_error_code="provincie_bij_soort",
                violation_error_message=_(
                    "Provincie: vul deze in bij een organisatie van de soort provincie, "
                    "en alleen dan."
                ),
            )
        ]

    def __str__(self):
        return self.naam


class Domein(models.Model):
    """A policy field (beleidsterrein) an arrangement works in."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class SamenwerkingsverbandQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        """Arrangements in force on `datum`; a historical mention (not in the national
        register) never counts as running."""
        return self.filter(periode_q(datum, "ingangsdatum", "einddatum"), alleen_historisch=False)


class Samenwerkingsverband(RegisterModel):
    naam = models.CharField(_("naam"), max_length=250)
    citeertitel = models.CharField(
        _("citeertitel"),
        max_length=500,
        blank=True,
        help_text=_("De korte titel waaronder de regeling wordt aangehaald."),
    )
    afkorting = models.CharField(_("afkorting"), max_length=50, blank=True)
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices)
    doel = models.TextField(
        _("doel / openbaar belang"),
        blank=True,
        help_text=_("Het openbaar belang dat de samenwerking dient (BBV art. 15)."),
    )
    domeinen = models.ManyToManyField(
        Domein, blank=True, related_name="samenwerkingsverbanden", verbose_name=_("domeinen")
    )
    motieven = KeuzelijstField(_("motieven"), keuzes=Motief)
    verplicht = models.BooleanField(
        _("wettelijk verplicht"),
        default=False,
        help_text=_("De wet schrijft deze samenwerking voor (veiligheidsregio, GGD, …)."),
    )
    verplicht_grondslag = models.CharField(
        _("wettelijke grondslag van de verplichting"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: Wet veiligheidsregio's, art. 9."),
    )
    bevoegdheidsverkrijgingen = KeuzelijstField(
        _("bevoegdheidsverkrijging"), keuzes=Bevoegdheidsverkrijging
    )
    adres = models.CharField(_("adres"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    vestigingsplaats = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    centrumgemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="centrumregelingen",
        verbose_name=_("centrumgemeente"),
        help_text=_("Verplicht bij een centrumgemeenteconstructie, anders leeg."),
    )
    bovenliggend = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderdelen",
        verbose_name=_("bovenliggend samenwerkingsverband"),
    )
    vorige_versie = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volgende_versies",
        verbose_name=_("vorige versie"),
        help_text=_("De regeling die deze heeft vervangen (previousVersion in het ROO)."),
    )
    ingangsdatum = models.DateField(_("datum inwerkingtreding"), null=True, blank=True)
    einddatum = models.DateField(
        _("datum uitwerkingtreding"),
        null=True,
        blank=True,
        help_text=_("De eerste dag waarop de regeling niet meer geldt."),
    )
    roo_systeem_id = models.PositiveBigIntegerField(
        _("systeemId ROO"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Nummer in het Register van Overheidsorganisaties."),
    )
    cbs_gr_code = models.CharField(
        _("CBS GR-code"), max_length=6, null=True, blank=True, unique=True
    )
    regeling_url = models.URLField(_("tekst van de regeling"), max_length=500, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    evaluatie_interval_jaren = models.PositiveSmallIntegerField(
        _("evaluatie-interval (jaren)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    # Wgr-2022 provisions: True = geregeld, False = niet geregeld, empty = onbekend.
    wgr2022_zienswijze_besluiten = models.BooleanField(
        _("zienswijze op ontwerpbesluiten geregeld"), null=True, blank=True
    )
    wgr2022_burgerparticipatie = models.BooleanField(
        _("burgerparticipatie geregeld"), null=True, blank=True
    )
    wgr2022_evaluatie = models.BooleanField(_("evaluatie geregeld"), null=True, blank=True)
    wgr2022_uittreding = models.BooleanField(
        _("uittreding en financiële gevolgen geregeld"), null=True, blank=True
    )
    wgr2022_adviescommissie = models.BooleanField(
        _("gemeenschappelijke adviescommissie ingesteld"), null=True, blank=True
    )
    wgr2022_onderzoeksrecht = models.BooleanField(
        _("gezamenlijk onderzoek door de raden geregeld"), null=True, blank=True
    )
    uitvoerende_organisatie = models.ForeignKey(
        "Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgevoerde_regelingen",
        verbose_name=_("uitvoerende organisatie"),
        help_text=_(
            "Het regionaal samenwerkingsorgaan dat de regeling uitvoert (het openbaar lichaam, "
            "de bedrijfsvoeringsorganisatie of het gemeenschappelijk orgaan)."
        ),
    )
    bronhouder = models.CharField(
        _("bronhouder"),
        max_length=250,
        blank=True,
        help_text=_("Wie de regeling in het landelijk register bijhoudt."),
    )
    archiefzorgdrager = models.CharField(
        _("archiefzorgdrager"),
        max_length=250,
        blank=True,
        help_text=_("Wie zorgt voor het archief van de regeling (Archiefwet)."),
    )
    alleen_historisch = models.BooleanField(
        _("alleen historisch"),
        default=False,
        help_text=_(
            "Uit een oudere bron (OpenGR, 2016) en niet in het landelijk register: telt niet "
            "mee als lopend."
        ),
    )
    in_landelijk_register = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="historische_vermeldingen",
        verbose_name=_("in het landelijk register als"),
        help_text=_(
            "De regeling in het landelijk register die met deze oudere vermelding overeenkomt."
        ),
    )
    bron = models.CharField(
        _("bron"), max_length=200, blank=True, help_text=_("Waar deze gegevens vandaan komen.")
    )
    roo_stand = roo_stand_veld()

    objects = SamenwerkingsverbandQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["naam"]
        indexes = [models.Index(fields=["vorm"], name="swv_vorm_idx")]
        constraints = [
            eind_na_begin(
                "swv_einde_na_begin",
                "ingangsdatum",
                "einddatum",
                _("Datum uitwerkingtreding: mag niet vóór de datum inwerkingtreding liggen."),
            ),
            VeldCheckConstraint(
                name="swv_centrumgemeente_bij_cc",
                veld="centrumgemeente",
                condition=(Q(vorm=Vorm.CENTRUMGEMEENTE) & Q(centrumgemeente__isnull=False))
                | (~Q(vorm=Vorm.CENTRUMGEMEENTE) & Q(centrumgemeente__isnull=True)),
                violation_error_code="centrumgemeente_bij_cc",
                violation_error_message=_(
                    "Centrumgemeente: verplicht bij een centrumgemeenteconstructie en alleen "
                    "dan in te vullen."
                ),
            ),
            VeldCheckConstraint(
                name="swv_cbs_gr_code_formaat",
                veld="cbs_gr_code",
                condition=Q(cbs_gr_code__isnull=True) | Q(cbs_gr_code__regex=r"^GR[0-9]{4}$"),
                violation_error_code="ongeldige_cbs_gr_code",
                violation_error_message=_(
                    "CBS GR-code: gebruik GR gevolgd door vier cijfers, bijvoorbeeld GR0316."
                ),
            ),
            VeldCheckConstraint(
                name="swv_niet_eigen_bovenliggend",
                veld="bovenliggend",
                condition=~Q(bovenliggend=F("id")),
                violation_error_code="eigen_bovenliggend",
                violation_error_message=_(
                    "Bovenliggend samenwerkingsverband: kan niet het verband zelf zijn."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.afkorting})" if self.afkorting else self.naam

    @property
    def is_wgr(self) -> bool:
        return self.vorm in WGR_VORMEN

    @property
    def heeft_rechtspersoonlijkheid(self) -> bool:
        return self.vorm in RECHTSPERSOON_VORMEN

    @property
    def vorm_toelichting(self) -> str:
        return VORM_TOELICHTING[self.vorm]

    @property
    def bbv_categorie(self):
        return bbv_categorie(self.vorm)

    @property
    def motieven_labels(self) -> list[str]:
        return [Motief(m).label for m in self.motieven]

    @property
    def bevoegdheidsverkrijgingen_labels(self) -> list[str]:
        return [Bevoegdheidsverkrijging(b).label for b in self.bevoegdheidsverkrijgingen]

    @property
    def ingestelde_rechtsvorm(self) -> str | None:
        """The body the regeling set up, as the art. 27 register asks: OL, BVO or GO."""
        if self.vorm in INGESTELDE_VORMEN:
            return self.get_vorm_display()
        return None

    def clean(self):
        if self.wgr2022_adviescommissie and self.vorm != Vorm.OPENBAAR_LICHAAM:
            raise ValidationError(
                {
                    "wgr2022_adviescommissie": ValidationError(
                        _(
                            "Gemeenschappelijke adviescommissie: kan alleen bij een openbaar "
                            "lichaam worden ingesteld."
                        ),
                        code="adviescommissie_alleen_ol",
                    )
                }
            )


class WettelijkeGrondslag(RegisterModel):
    """A statutory provision the arrangement's powers rest on (art. 27 register)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="wettelijke_grondslagen",
        verbose_name=_("samenwerkingsverband"),
    )
    opschrift = models.CharField(
        _("opschrift"),
        max_length=250,
        help_text=_("Bijvoorbeeld: Wet publieke gezondheid, art. 14."),
    )
    url = models.URLField(_("vindplaats"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("wettelijke grondslag")
        verbose_name_plural = _("wettelijke grondslagen")
        ordering = ["id"]

    def __str__(self):
        return self.opschrift


class Bevoegdheid(RegisterModel):
    """A power transferred to the arrangement (art. 27 register)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="bevoegdheden",
        verbose_name=_("samenwerkingsverband"),
    )
    artikel = models.CharField(
        _("artikel van de regeling"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: art. 5"),
    )
    omschrijving = models.TextField(_("omschrijving"))
    verkrijging = models.CharField(
        _("verkregen door"), max_length=20, choices=Bevoegdheidsverkrijging.choices, blank=True
    )

    class Meta:
        verbose_name = _("overgedragen bevoegdheid")
        verbose_name_plural = _("overgedragen bevoegdheden")
        ordering = ["id"]

    def __str__(self):
        return (
            f"{self.artikel}: {self.omschrijving[:60]}" if self.artikel else self.omschrijving[:60]
        )


class Regelingversie(RegisterModel):
    """One version of a regeling as the national register records it: each amendment of a
    regeling is a new record (previousVersion / nextVersion), in force over its own period.
    The arrangement is one Samenwerkingsverband with its versions."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="versies",
        verbose_name=_("samenwerkingsverband"),
    )
    roo_systeem_id = models.PositiveBigIntegerField(
        _("systeemId ROO"), unique=True, help_text=_("Nummer van deze versie in het register.")
    )
    titel = models.CharField(_("titel"), max_length=500)
    citeertitel = models.CharField(_("citeertitel"), max_length=500, blank=True)
    ingangsdatum = models.DateField(_("datum inwerkingtreding"), null=True, blank=True)
    einddatum = models.DateField(
        _("datum uitwerkingtreding"),
        null=True,
        blank=True,
        help_text=_("De eerste dag waarop deze versie niet meer geldt."),
    )
    datum_mutatie = models.DateField(_("laatst gewijzigd in het register"), null=True, blank=True)
    datum_ter_verificatie = models.DateField(
        _("laatst geverifieerd in het register"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("versie van de regeling")
        verbose_name_plural = _("versies van de regeling")
        ordering = ["ingangsdatum", "roo_systeem_id"]
        constraints = [
            eind_na_begin(
                "regelingversie_einde_na_begin",
                "ingangsdatum",
                "einddatum",
                _("Datum uitwerkingtreding: mag niet vóór de datum inwerkingtreding liggen."),
            )
        ]

    def __str__(self):
        return self.titel

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.ingangsdatum, self.einddatum)


class DeelnameQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        """Deelnames running on `datum`, not in a historical mention (see
        Samenwerkingsverband.alleen_historisch)."""
        return self.filter(
            periode_q(datum, "toetredingsdatum", "uittredingsdatum"),
            samenwerkingsverband__alleen_historisch=False,
        )


class Deelname(RegisterModel):
    """One participant (a gemeente or an organisatie) in one arrangement over a period."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.PROTECT,
        related_name="deelnames",
        verbose_name=_("samenwerkingsverband"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelnames",
        verbose_name=_("gemeente"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelnames",
        verbose_name=_("organisatie"),
    )
    toetredingsdatum = models.DateField(
        _("toetredingsdatum"), null=True, blank=True, help_text=_("Leeg als onbekend.")
    )
    uittredingsdatum = models.DateField(
        _("uittredingsdatum"),
        null=True,
        blank=True,
        help_text=_("De eerste dag waarop de deelnemer geen deelnemer meer is."),
    )
    rol = models.CharField(
        _("rol"), max_length=20, choices=DeelnameRol.choices, default=DeelnameRol.DEELNEMER
    )
    verdeelsleutel = models.DecimalField(
        _("verdeelsleutel (%)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Aandeel in de kosten in procenten, bijvoorbeeld 12,5."),
    )
    stemmen = models.PositiveSmallIntegerField(
        _("stemmen"),
        null=True,
        blank=True,
        help_text=_("Stemrecht in het algemeen bestuur of de aandeelhoudersvergadering."),
    )
    aansprakelijk = models.BooleanField(
        _("aansprakelijk"),
        default=False,
        help_text=_(
            "De deelnemer staat garant of is aansprakelijk voor tekorten of schulden "
            "(financieel belang, ook zonder bijdrage)."
        ),
    )
    aansprakelijkheid_toelichting = models.CharField(
        _("toelichting aansprakelijkheid"), max_length=500, blank=True
    )
    deelnemende_bestuursorganen = KeuzelijstField(
        _("deelname via"),
        keuzes=DeelnemendOrgaan,
        help_text=_(
            "De eigen bestuursorganen waarmee de deelnemer aan de regeling deelneemt (raad, "
            "college, burgemeester): wiens regeling het is."
        ),
    )
    bestuurlijk_belang_vastgelegd = models.BooleanField(
        _("bestuurlijk belang (vastgelegd)"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: volgens de vorm en de vastgelegde zetels. Alleen invullen met een reden."
        ),
    )
    financieel_belang_vastgelegd = models.BooleanField(
        _("financieel belang (vastgelegd)"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: volgens de vorm en de vastgelegde bijdragen. Alleen invullen met een reden."
        ),
    )
    belang_toelichting = models.CharField(
        _("reden"),
        max_length=500,
        blank=True,
        help_text=_("Waarom het bestuurlijk of financieel belang anders is dan de vorm zegt."),
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    roo_stand = roo_stand_veld()

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["samenwerkingsverband__naam", "gemeente__naam", "organisatie__naam"]
        constraints = [
            VeldCheckConstraint(
                name="deelname_gemeente_xor_organisatie",
                veld="gemeente",
                condition=(Q(gemeente__isnull=False) & Q(organisatie__isnull=True))
                | (Q(gemeente__isnull=True) & Q(organisatie__isnull=False)),
                violation_error_code="gemeente_xor_organisatie",
                violation_error_message=_(
                    "Deelnemer: kies een gemeente óf een organisatie, niet allebei en niet "
                    "geen van beide."
                ),
            ),
            eind_na_begin(
                "deelname_uittreding_na_toetreding",
                "toetredingsdatum",
                "uittredingsdatum",
                _("Uittredingsdatum: mag niet vóór de toetredingsdatum liggen."),
            ),
            VeldCheckConstraint(
                name="deelname_belang_met_reden",
                veld="belang_toelichting",
                condition=(
                    Q(bestuurlijk_belang_vastgelegd__isnull=True)
                    & Q(financieel_belang_vastgelegd__isnull=True)
                )
                | ~Q(belang_toelichting=""),
                violation_error_code="belang_zonder_reden",
                violation_error_message=_(
                    "Reden: geef een reden als u het bestuurlijk of financieel belang zelf "
                    "vastlegt."
                ),
            ),
            VeldCheckConstraint(
                name="deelname_verdeelsleutel_bereik",
                veld="verdeelsleutel",
                condition=Q(verdeelsleutel__isnull=True)
                | (Q(verdeelsleutel__gte=0) & Q(verdeelsleutel__lte=100)),
                violation_error_code="verdeelsleutel_bereik",
                violation_error_message=_("Verdeelsleutel: moet tussen 0 en 100 procent liggen."),
            ),
            # Backstop for concurrent writes; the full overlap rule is in services.
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "gemeente"],
                condition=Q(uittredingsdatum__isnull=True, gemeente__isnull=False),
                name="deelname_een_lopende_per_gemeente",
                violation_error_message=_(
                    "Gemeente: deze gemeente heeft al een lopende deelname in dit "
                    "samenwerkingsverband."
                ),
            ),
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "organisatie"],
                condition=Q(uittredingsdatum__isnull=True, organisatie__isnull=False),
                name="deelname_een_lopende_per_organisatie",
                violation_error_message=_(
                    "Organisatie: deze organisatie heeft al een lopende deelname in dit "
                    "samenwerkingsverband."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "toetredingsdatum"], name="deelname_gemeente_idx"),
        ]

    def __str__(self):
        return f"{self.deelnemer} in {self.samenwerkingsverband}"

    @property
    def deelnemer(self):
        return self.gemeente or self.organisatie

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.toetredingsdatum, self.uittredingsdatum)

    @property
    def deelnemende_bestuursorganen_labels(self) -> list[str]:
        return [str(DeelnemendOrgaan(o).label) for o in self.deelnemende_bestuursorganen]


class Bestuursorgaan(RegisterModel):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="bestuursorganen",
        verbose_name=_("samenwerkingsverband"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=OrgaanSoort.choices)
    naam = models.CharField(
        _("naam"),
        max_length=250,
        blank=True,
        help_text=_("Alleen nodig als er meer organen van dezelfde soort zijn."),
    )

    class Meta:
        verbose_name = _("bestuursorgaan")
        verbose_name_plural = _("bestuursorganen")
        ordering = ["samenwerkingsverband__naam", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "soort", "naam"],
                name="bestuursorgaan_uniek",
                violation_error_message=_(
                    "Dit samenwerkingsverband heeft al een orgaan van deze soort met deze naam."
                ),
            )
        ]

    def __str__(self):
        return self.naam or self.get_soort_display()


class Persoon(RegisterModel):
    naam = models.CharField(_("naam"), max_length=200, help_text=_("Bijvoorbeeld: J. de Vries"))
    partij = models.CharField(_("politieke partij"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class ZetelQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        return self.filter(periode_q(datum, "begindatum", "einddatum"))


class Zetel(RegisterModel):
    """A person in an organ, on behalf of a deelname (empty for e.g. an independent chair)."""

    bestuursorgaan = models.ForeignKey(
        Bestuursorgaan,
        on_delete=models.CASCADE,
        related_name="zetels",
        verbose_name=_("bestuursorgaan"),
    )
    deelname = models.ForeignKey(
        Deelname,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zetels",
        verbose_name=_("namens deelname"),
        help_text=_("Leeg voor een lid dat niet namens een deelnemer zitting heeft."),
    )
    persoon = models.ForeignKey(
        Persoon, on_delete=models.PROTECT, related_name="zetels", verbose_name=_("persoon")
    )
    functie = models.CharField(_("functie"), max_length=20, choices=Functie.choices)
    rol = models.CharField(_("rol"), max_length=20, choices=ZetelRol.choices, default=ZetelRol.LID)
    stemmen = models.PositiveSmallIntegerField(_("stemmen"), null=True, blank=True)
    begindatum = models.DateField(_("begindatum"), null=True, blank=True)
    einddatum = models.DateField(
        _("einddatum"),
        null=True,
        blank=True,
        help_text=_("De eerste dag waarop de persoon de zetel niet meer bezet."),
    )

    objects = ZetelQuerySet.as_manager()

    class Meta:
        verbose_name = _("zetel")
        verbose_name_plural = _("zetels")
        ordering = ["bestuursorgaan__soort", "rol", "persoon__naam"]
        constraints = [
            eind_na_begin(
                "zetel_einde_na_begin",
                "begindatum",
                "einddatum",
                _("Einddatum: mag niet vóór de begindatum liggen."),
            )
        ]

    def __str__(self):
        return f"{self.persoon} – {self.bestuursorgaan}"

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.begindatum, self.einddatum)

    def overlapt(self, van: datetime.date, tot: datetime.date) -> bool:
        """Held on at least one day of the half-open period [van, tot)."""
        return overlapt(self.begindatum, self.einddatum, van, tot)

    def clean(self):
        if (
            self.deelname_id
            and self.bestuursorgaan_id
            and self.deelname.samenwerkingsverband_id != self.bestuursorgaan.samenwerkingsverband_id
        ):
            raise ValidationError(
                {
                    "deelname": ValidationError(
                        _(
                            "Namens deelname: moet een deelname zijn van hetzelfde "
                            "samenwerkingsverband als het bestuursorgaan."
                        ),
                        code="ander_samenwerkingsverband",
                    )
                }
            )


class Bijdrage(RegisterModel):
    """What a deelname pays in a year, begroot or gerealiseerd, optionally per onderdeel."""

    deelname = models.ForeignKey(
        Deelname, on_delete=models.CASCADE, related_name="bijdragen", verbose_name=_("deelname")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=JAAR_VALIDATORS)
    soort = models.CharField(_("soort"), max_length=20, choices=BijdrageSoort.choices)
    onderdeel = models.CharField(
        _("onderdeel"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("Bijvoorbeeld basistaken, plustaken of een module; leeg voor het geheel."),
    )
    bedrag = models.DecimalField(_("bedrag (€)"), max_digits=15, decimal_places=2)

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["-jaar", "soort", "onderdeel"]
        constraints = [
            models.UniqueConstraint(
                fields=["deelname", "jaar", "soort", "onderdeel"],
                name="bijdrage_uniek",
                violation_error_message=_(
                    "Bijdrage: voor deze deelname bestaat al een bijdrage met dit jaar, deze "
                    "soort en dit onderdeel."
                ),
            ),
            VeldCheckConstraint(
                name="bijdrage_jaar_bereik",
                veld="jaar",
                condition=Q(jaar__gte=1900) & Q(jaar__lte=2100),
                violation_error_code="jaar_bereik",
                violation_error_message=_("Jaar: moet tussen 1900 en 2100 liggen."),
            ),
        ]
        indexes = [models.Index(fields=["deelname", "jaar"], name="bijdrage_deelname_jaar_idx")]

    def __str__(self):
        onderdeel = f" ({self.onderdeel})" if self.onderdeel else ""
        return f"{self.get_soort_display()} {self.jaar}{onderdeel}: € {self.bedrag}"


class Document(RegisterModel):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="documenten",
        verbose_name=_("samenwerkingsverband"),
    )
    titel = models.CharField(_("titel"), max_length=300)
    soort = models.CharField(_("soort"), max_length=30, choices=DocumentSoort.choices)
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), null=True, blank=True, validators=JAAR_VALIDATORS
    )
    datum = models.DateField(_("datum"), null=True, blank=True)
    url = models.URLField(_("url"), max_length=500, blank=True)
    bron = models.CharField(
        _("bron"),
        max_length=200,
        blank=True,
        help_text=_("Leeg als het document in het beheer is ingevoerd."),
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-jaar", "-datum", "titel"]

    def __str__(self):
        return self.titel


class Jaarcijfers(RegisterModel):
    """The arrangement's own figures for one year: its begroting or its jaarrekening."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="jaarcijfers",
        verbose_name=_("samenwerkingsverband"),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=JAAR_VALIDATORS)
    soort = models.CharField(_("soort"), max_length=20, choices=JaarcijfersSoort.choices)
    lasten = models.DecimalField(
        _("lasten (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    baten = models.DecimalField(
        _("baten (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    resultaat = models.DecimalField(
        _("resultaat (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    eigen_vermogen_begin = models.DecimalField(
        _("eigen vermogen 1 januari (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    eigen_vermogen_eind = models.DecimalField(
        _("eigen vermogen 31 december (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    vreemd_vermogen_begin = models.DecimalField(
        _("vreemd vermogen 1 januari (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    vreemd_vermogen_eind = models.DecimalField(
        _("vreemd vermogen 31 december (€)"), max_digits=15, decimal_places=2, null=True, blank=True
    )
    risicos = models.TextField(_("risico's"), blank=True)
    ontwikkelingen = models.TextField(_("ontwikkelingen"), blank=True)
    bron_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("brondocument"),
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("jaarcijfers")
        verbose_name_plural = _("jaarcijfers")
        ordering = ["samenwerkingsverband__naam", "-jaar", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "jaar", "soort"],
                name="jaarcijfers_uniek",
                violation_error_message=_(
                    "Jaarcijfers: voor dit samenwerkingsverband bestaan al cijfers van deze soort "
                    "voor dit jaar."
                ),
            ),
            VeldCheckConstraint(
                name="jaarcijfers_jaar_bereik",
                veld="jaar",
                condition=Q(jaar__gte=1900) & Q(jaar__lte=2100),
                violation_error_code="jaar_bereik",
                violation_error_message=_("Jaar: moet tussen 1900 en 2100 liggen."),
            ),
        ]

    def __str__(self):
        return f"{self.samenwerkingsverband} – {self.get_soort_display()} {self.jaar}"

    def clean(self):
        if (
            self.bron_document_id
            and self.samenwerkingsverband_id
            and self.bron_document.samenwerkingsverband_id != self.samenwerkingsverband_id
        ):
            raise ValidationError(
                {
                    "bron_document": ValidationError(
                        _(
                            "Brondocument: moet een document van hetzelfde "
                            "samenwerkingsverband zijn."
                        ),
                        code="ander_samenwerkingsverband",
                    )
                }
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
    bestanden = models.TextField(_("bestanden"), blank=True)
    samenvatting = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        verbose_name = _("import van een bron")
        verbose_name_plural = _("imports van bronnen")
        ordering = ["-stand", "-ingelezen_op"]
        indexes = [models.Index(fields=["bron", "-stand"], name="bronimport_bron_stand_idx")]

    def __str__(self):
        return f"{self.bron} {self.stand:%Y-%m-%d}"
