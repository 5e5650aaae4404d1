"""Who takes part (deelnames), who sits where on their behalf (bestuursorganen, personen,
zetels) and what each deelname pays (bijdragen)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regioreg.collation import COLLATION

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
from ..tekst import euro_tekst
from .basis import (
    MetPeriode,
    PeriodeQuerySet,
    RegisterModel,
    bron_veld,
    datum_veld,
    eind_na_begin,
    ja_nee_veld,
    jaar_bereik,
    jaar_veld,
    leeg_achteraan,
    percentage_bereik,
    percentage_veld,
    roo_stand_veld,
    tekst_veld,
    uniek,
    veldfout,
)
from .gebied import gemeente_veld
from .verband import Organisatie, samenwerkingsverband_veld


class DeelnameQuerySet(PeriodeQuerySet):
    def actief_op(self, datum: datetime.date):
        """Deelnames running on `datum`, not in a historical mention (see
        Samenwerkingsverband.alleen_historisch)."""
        return super().actief_op(datum).filter(samenwerkingsverband__alleen_historisch=False)


class Deelname(MetPeriode, RegisterModel):
    """One participant (a gemeente or an organisatie) in one arrangement over a period."""

    PERIODE = ("toetredingsdatum", "uittredingsdatum")

    samenwerkingsverband = samenwerkingsverband_veld("deelnames", on_delete=models.PROTECT)
    gemeente = gemeente_veld("deelnames", leeg_mag=True)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelnames",
        verbose_name=_("organisatie"),
    )
    toetredingsdatum = datum_veld(_("toetredingsdatum"), help_text=_("Leeg als onbekend."))
    uittredingsdatum = datum_veld(
        _("uittredingsdatum"),
        help_text=_("De eerste dag waarop de deelnemer geen deelnemer meer is."),
    )
    rol = models.CharField(
        _("rol"), max_length=20, choices=DeelnameRol.choices, default=DeelnameRol.DEELNEMER
    )
    verdeelsleutel = percentage_veld(
        _("verdeelsleutel (%)"),
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
    aansprakelijkheid_toelichting = tekst_veld(_("toelichting aansprakelijkheid"), max_length=500)
    deelnemende_bestuursorganen = KeuzelijstField(
        _("deelname via"),
        keuzes=DeelnemendOrgaan,
        help_text=_(
            "De eigen bestuursorganen waarmee de deelnemer aan de regeling deelneemt (raad, "
            "college, burgemeester): wiens regeling het is."
        ),
    )
    bestuurlijk_belang_vastgelegd = ja_nee_veld(
        _("bestuurlijk belang (vastgelegd)"),
        help_text=_(
            "Leeg: volgens de vorm en de vastgelegde zetels. Alleen invullen met een reden."
        ),
    )
    financieel_belang_vastgelegd = ja_nee_veld(
        _("financieel belang (vastgelegd)"),
        help_text=_(
            "Leeg: volgens de vorm en de vastgelegde bijdragen. Alleen invullen met een reden."
        ),
    )
    belang_toelichting = tekst_veld(
        _("reden"),
        max_length=500,
        help_text=_("Waarom het bestuurlijk of financieel belang anders is dan de vorm zegt."),
    )
    # What published verbonden-partijen lists show besides (issue 19): the programme of the
    # gemeente's own budget, who holds the owner's and the client's role, shares and the
    # recorded shares in a deficit and in the equity. Empty means onbekend.
    programma = tekst_veld(
        _("programma / beleidsdoel"),
        max_length=300,
        help_text=_(
            "Het programma van de eigen begroting of het beleidsdoel waaraan de deelname bijdraagt."
        ),
    )
    eigenaarsrol = tekst_veld(
        _("eigenaarsrol"),
        max_length=200,
        help_text=_(
            "Wie namens de deelnemer de eigenaarsrol vervult (continuïteit, risico's), meestal "
            "een portefeuillehouder, bijvoorbeeld: wethouder financiën."
        ),
    )
    opdrachtgeversrol = tekst_veld(
        _("opdrachtgeversrol"),
        max_length=200,
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
    aandelen_percentage = percentage_veld(
        _("aandelenbelang (%)"),
        help_text=_("Het deel van alle aandelen in procenten; alleen bij een vennootschap."),
    )
    aandeel_tekort = percentage_veld(
        _("aandeel in een tekort (%)"),
        help_text=_(
            "Het deel van een tekort dat de deelnemer draagt, als de regeling of de statuten "
            "dat vastleggen. Leeg als onbekend."
        ),
    )
    aandeel_eigen_vermogen = percentage_veld(
        _("aandeel in het eigen vermogen (%)"),
        help_text=_(
            "Het deel van het eigen vermogen dat de deelnemer toekomt (bij opheffing of "
            "uittreding), als dat is vastgelegd. Leeg als onbekend."
        ),
    )
    bron = bron_veld()
    roo_stand = roo_stand_veld()

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        # The gemeenten first, then the other deelnemers (which have no gemeente).
        ordering = [
            "samenwerkingsverband__naam",
            leeg_achteraan("gemeente__naam"),
            leeg_achteraan("organisatie__naam"),
        ]
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
            percentage_bereik(
                "deelname_verdeelsleutel_bereik", "verdeelsleutel", _("Verdeelsleutel")
            ),
            percentage_bereik(
                "deelname_aandelen_percentage_bereik", "aandelen_percentage", _("Aandelenbelang")
            ),
            percentage_bereik(
                "deelname_aandeel_tekort_bereik", "aandeel_tekort", _("Aandeel in een tekort")
            ),
            percentage_bereik(
                "deelname_aandeel_eigen_vermogen_bereik",
                "aandeel_eigen_vermogen",
                _("Aandeel in het eigen vermogen"),
            ),
            # Backstop for concurrent writes; the full overlap rule is in services.
            uniek(
                "deelname_een_lopende_per_gemeente",
                ["samenwerkingsverband", "gemeente"],
                wanneer=Q(uittredingsdatum__isnull=True, gemeente__isnull=False),
                bericht=_(
                    "Gemeente: deze gemeente heeft al een lopende deelname in dit "
                    "samenwerkingsverband."
                ),
            ),
            uniek(
                "deelname_een_lopende_per_organisatie",
                ["samenwerkingsverband", "organisatie"],
                wanneer=Q(uittredingsdatum__isnull=True, organisatie__isnull=False),
                bericht=_(
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

    @property
    def deelnemende_bestuursorganen_labels(self) -> list[str]:
        return [str(DeelnemendOrgaan(o).label) for o in self.deelnemende_bestuursorganen]

    # Shares only in a vennootschap: a rule across rows (services.regels.
    # aandelen_alleen_in_vennootschap), so an import reads the forms once for all its rows.


class Bestuursorgaan(RegisterModel):
    # Indexed by bestuursorgaan_uniek.
    samenwerkingsverband = samenwerkingsverband_veld("bestuursorganen", db_index=False)
    soort = models.CharField(_("soort"), max_length=30, choices=OrgaanSoort.choices)
    naam = tekst_veld(
        _("naam"),
        max_length=250,
        db_collation=COLLATION,
        help_text=_("Alleen nodig als er meer organen van dezelfde soort zijn."),
    )

    class Meta:
        verbose_name = _("bestuursorgaan")
        verbose_name_plural = _("bestuursorganen")
        ordering = ["samenwerkingsverband__naam", "soort", "naam"]
        constraints = [
            uniek(
                "bestuursorgaan_uniek",
                ["samenwerkingsverband", "soort", "naam"],
                bericht=_(
                    "Dit samenwerkingsverband heeft al een orgaan van deze soort met deze naam."
                ),
            )
        ]

    def __str__(self):
        return self.benaming(self.naam, self.soort)

    @staticmethod
    def benaming(naam: str, soort: str) -> str:
        """What an organ is called (`__str__`): its name, else its kind's label. A list of
        seats names each (naam, soort) once: the kinds are few, the seats many."""
        return naam or label(OrgaanSoort, soort)


class Persoon(RegisterModel):
    naam = models.CharField(
        _("naam"),
        max_length=200,
        db_collation=COLLATION,
        help_text=_("Bijvoorbeeld: J. de Vries"),
    )
    partij = tekst_veld(_("politieke partij"), max_length=100)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Zetel(MetPeriode, RegisterModel):
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
    begindatum = datum_veld(_("begindatum"))
    einddatum = datum_veld(
        _("einddatum"),
        help_text=_("De eerste dag waarop de persoon de zetel niet meer bezet."),
    )

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

    def clean(self):
        if (
            self.deelname_id
            and self.bestuursorgaan_id
            and self.deelname.samenwerkingsverband_id != self.bestuursorgaan.samenwerkingsverband_id
        ):
            raise veldfout(
                "deelname",
                _(
                    "Namens deelname: moet een deelname zijn van hetzelfde "
                    "samenwerkingsverband als het bestuursorgaan."
                ),
                code="ander_samenwerkingsverband",
            )


class Bijdrage(RegisterModel):
    """What a deelname pays in a year, begroot or gerealiseerd, optionally per onderdeel."""

    # No index of its own: bijdrage_deelname_jaar_idx and bijdrage_uniek both begin with
    # deelname. With a third index on deelname alone PostgreSQL chose it for "this year's
    # bijdragen of these deelnames" and read every year to keep one (the domein ranking).
    deelname = models.ForeignKey(
        Deelname,
        on_delete=models.CASCADE,
        related_name="bijdragen",
        verbose_name=_("deelname"),
        db_index=False,
    )
    jaar = jaar_veld()
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
            uniek(
                "bijdrage_uniek",
                ["deelname", "jaar", "soort", "onderdeel"],
                bericht=_(
                    "Bijdrage: voor deze deelname bestaat al een bijdrage met dit jaar, deze "
                    "soort en dit onderdeel."
                ),
            ),
            jaar_bereik("bijdrage_jaar_bereik"),
        ]
        indexes = [models.Index(fields=["deelname", "jaar"], name="bijdrage_deelname_jaar_idx")]

    def __str__(self):
        onderdeel = f" ({self.onderdeel})" if self.onderdeel else ""
        bedrag = "?" if self.bedrag is None else euro_tekst(self.bedrag, 2)
        return f"{self.get_soort_display()} {self.jaar}{onderdeel}: {bedrag}"
