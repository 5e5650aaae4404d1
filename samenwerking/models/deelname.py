"""Who takes part (deelnames), who sits where on their behalf (bestuursorganen, personen,
zetels) and what each deelname pays (bijdragen)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..constants import (
    BijdrageSoort,
    DeelnameRol,
    DeelnemendOrgaan,
    Functie,
    OrgaanSoort,
    ZetelRol,
    label,
)
from ..fields import KeuzelijstField, VeldCheckConstraint
from ..periode import loopt_op, overlapt, periode_q
from .basis import (
    JAAR_VALIDATORS,
    RegisterModel,
    eind_na_begin,
    jaar_bereik,
    roo_stand_veld,
)
from .gebied import Gemeente
from .verband import Organisatie, samenwerkingsverband_veld


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

    samenwerkingsverband = samenwerkingsverband_veld("deelnames", on_delete=models.PROTECT)
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
    # What published verbonden-partijen lists show besides (issue 19): the programme of the
    # gemeente's own budget, who holds the owner's and the client's role, shares and the
    # recorded shares in a deficit and in the equity. Empty means onbekend.
    programma = models.CharField(
        _("programma / beleidsdoel"),
        max_length=300,
        blank=True,
        help_text=_(
            "Het programma van de eigen begroting of het beleidsdoel waaraan de deelname bijdraagt."
        ),
    )
    eigenaarsrol = models.CharField(
        _("eigenaarsrol"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wie namens de deelnemer de eigenaarsrol vervult (continuïteit, risico's), meestal "
            "een portefeuillehouder, bijvoorbeeld: wethouder financiën."
        ),
    )
    opdrachtgeversrol = models.CharField(
        _("opdrachtgeversrol"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wie namens de deelnemer de opdrachtgeversrol vervult (wat het verband levert), "
            "meestal de vakwethouder."
        ),
    )
    aandelen_aantal = models.PositiveBigIntegerField(
        _("aantal aandelen"),
        null=True,
        blank=True,
        help_text=_("Alleen bij een vennootschap."),
    )
    aandelen_percentage = models.DecimalField(
        _("aandelenbelang (%)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Het deel van alle aandelen in procenten; alleen bij een vennootschap."),
    )
    aandeel_tekort = models.DecimalField(
        _("aandeel in een tekort (%)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "Het deel van een tekort dat de deelnemer draagt, als de regeling of de statuten "
            "dat vastleggen. Leeg als onbekend."
        ),
    )
    aandeel_eigen_vermogen = models.DecimalField(
        _("aandeel in het eigen vermogen (%)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "Het deel van het eigen vermogen dat de deelnemer toekomt (bij opheffing of "
            "uittreding), als dat is vastgelegd. Leeg als onbekend."
        ),
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
            VeldCheckConstraint(
                name="deelname_aandelen_percentage_bereik",
                veld="aandelen_percentage",
                condition=Q(aandelen_percentage__isnull=True)
                | (Q(aandelen_percentage__gte=0) & Q(aandelen_percentage__lte=100)),
                violation_error_code="aandelen_percentage_bereik",
                violation_error_message=_("Aandelenbelang: moet tussen 0 en 100 procent liggen."),
            ),
            VeldCheckConstraint(
                name="deelname_aandeel_tekort_bereik",
                veld="aandeel_tekort",
                condition=Q(aandeel_tekort__isnull=True)
                | (Q(aandeel_tekort__gte=0) & Q(aandeel_tekort__lte=100)),
                violation_error_code="aandeel_tekort_bereik",
                violation_error_message=_(
                    "Aandeel in een tekort: moet tussen 0 en 100 procent liggen."
                ),
            ),
            VeldCheckConstraint(
                name="deelname_aandeel_eigen_vermogen_bereik",
                veld="aandeel_eigen_vermogen",
                condition=Q(aandeel_eigen_vermogen__isnull=True)
                | (Q(aandeel_eigen_vermogen__gte=0) & Q(aandeel_eigen_vermogen__lte=100)),
                violation_error_code="aandeel_eigen_vermogen_bereik",
                violation_error_message=_(
                    "Aandeel in het eigen vermogen: moet tussen 0 en 100 procent liggen."
                ),
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

    def get_rol_display(self) -> str:  # see Samenwerkingsverband.get_vorm_display
        return label(DeelnameRol, self.rol)

    @property
    def deelnemer(self):
        return self.gemeente or self.organisatie

    def is_actief_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.toetredingsdatum, self.uittredingsdatum)

    @property
    def deelnemende_bestuursorganen_labels(self) -> list[str]:
        return [str(DeelnemendOrgaan(o).label) for o in self.deelnemende_bestuursorganen]

    # Shares only in a vennootschap: a rule across rows (services.regels.
    # aandelen_alleen_in_vennootschap), so an import reads the forms once for all its rows.


class Bestuursorgaan(RegisterModel):
    samenwerkingsverband = samenwerkingsverband_veld("bestuursorganen")
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
        return self.naam or label(OrgaanSoort, self.soort)


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

    def get_functie_display(self) -> str:  # see Samenwerkingsverband.get_vorm_display
        return label(Functie, self.functie)

    def get_rol_display(self) -> str:
        return label(ZetelRol, self.rol)

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
            jaar_bereik("bijdrage_jaar_bereik"),
        ]
        indexes = [models.Index(fields=["deelname", "jaar"], name="bijdrage_deelname_jaar_idx")]

    def __str__(self):
        onderdeel = f" ({self.onderdeel})" if self.onderdeel else ""
        return f"{self.get_soort_display()} {self.jaar}{onderdeel}: € {self.bedrag}"
