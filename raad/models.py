"""The raad's calendar: the P&C rules as data, what a regeling's board decided and when, the
zienswijze requests with each raad's response, and evaluations.

Dates are the last day on which something is on time: the Wgr's "vóór 15 september" is stored
as the rule's calendar date (15-09) and shown as 14 September (see raad.termijnen).
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenwerking.constants import Vorm
from samenwerking.fields import KeuzelijstField, VeldCheckConstraint
from samenwerking.models import (
    WGR_2022,
    RegisterModel,
    ZichtbareTekst,
    bereik,
    bron_veld,
    datum_veld,
    gemeente_veld,
    jaar_bereik,
    jaar_veld,
    link_veld,
    samenwerkingsverband_veld,
    tekst_veld,
    uniek,
    veldfout,
)

from .constants import (
    ONTWERPBEGROTING_WEKEN_TOT_EN_MET,
    OPEN_STATUSSEN,
    PC_VORMEN,
    VASTLEGBARE_STATUSSEN,
    WETTELIJKE_TERMIJN_WEKEN,
    Berekening,
    Vaststelling,
    ZienswijzeSoort,
    ZienswijzeStatus,
)
from .sturing import Doel, Indicator, Indicatorwaarde, Kader, KaderSoort  # noqa: F401
from .vergaderschema import Raadsvergadering, Vergadering  # noqa: F401

RELATIEVE_BEREKENINGEN = (Berekening.WEKEN_VOOR_VASTSTELLING, Berekening.WEKEN_NA_VASTSTELLING)
# The label of a begrotingsjaar field, for the field and its check (jaar_veld, jaar_bereik).
BEGROTINGSJAAR = _("begrotingsjaar")
VANAF_JAAR = _("geldt vanaf begrotingsjaar")
TOT_JAAR = _("geldt tot en met begrotingsjaar")


def _alleen_pc_vormen(rij) -> None:
    """A row about the budget of a regeling: only the forms with their own budget have one."""
    if rij.samenwerkingsverband_id and rij.samenwerkingsverband.vorm not in PC_VORMEN:
        raise veldfout(
            "samenwerkingsverband",
            _(
                "Samenwerkingsverband: alleen een openbaar lichaam, "
                "bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan heeft een eigen "
                "begroting en jaarrekening."
            ),
            code="vorm_zonder_pc",
        )


def _standaard_vormen() -> list[str]:
    return sorted(PC_VORMEN)


class Termijnregel(ZichtbareTekst):
    """One statutory moment of the P&C cycle of a budget year, with the article it comes from.

    Seeded by a data migration and editable in the admin, so that a corrected article or date
    needs no code change. The calendar date (`maand`, `dag`, `jaar_verschuiving`) is the date
    the law says "vóór": for a fixed rule the deadline itself; for a rule counted back from
    the board's adoption the latest lawful adoption date; for a rule counted forward the cap.
    """

    code = models.SlugField(_("code"), max_length=50, unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    artikel = models.CharField(
        _("artikel"), max_length=100, help_text=_("Bijvoorbeeld: Wgr art. 34 lid 2.")
    )
    toelichting = tekst_veld(
        _("toelichting"), help_text=_("Wat de termijn inhoudt, en wat over de bron nog onzeker is.")
    )
    berekening = models.CharField(_("berekening"), max_length=30, choices=Berekening.choices)
    vaststelling = models.CharField(
        _("ten opzichte van"),
        max_length=20,
        choices=Vaststelling.choices,
        blank=True,
        help_text=_("Welke vaststelling door het bestuur; alleen bij een aantal weken."),
    )
    weken = models.PositiveSmallIntegerField(
        _("weken"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(52)],
        help_text=_("Alleen bij een berekening vanaf de vaststelling."),
    )
    maand = models.PositiveSmallIntegerField(
        _("maand"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    dag = models.PositiveSmallIntegerField(
        _("dag"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_(
            "De datum die de wet noemt met „vóór”: bij 15 september is 14 september de laatste "
            "dag. Bij weken vóór de vaststelling: de uiterste vaststellingsdatum; bij weken na "
            "de vaststelling: de uiterste datum."
        ),
    )
    jaar_verschuiving = models.SmallIntegerField(
        _("jaar ten opzichte van het begrotingsjaar"),
        validators=[MinValueValidator(-2), MaxValueValidator(2)],
        help_text=_("-1: het jaar vóór het begrotingsjaar; 1: het jaar erna."),
    )
    vormen = KeuzelijstField(
        _("vormen"),
        keuzes=Vorm,
        default=_standaard_vormen,
        help_text=_(
            "Alleen openbaar lichaam, bedrijfsvoeringsorganisatie, gemeenschappelijk orgaan."
        ),
    )
    vanaf_jaar = jaar_veld(
        VANAF_JAAR,
        help_text=_(
            "Leeg: geldt voor alle eerdere jaren. Zo blijft een oudere wettekst gelden "
            "voor de jaren waarin die gold."
        ),
        leeg_mag=True,
    )
    tot_jaar = jaar_veld(TOT_JAAR, help_text=_("Leeg: geldt nog."), leeg_mag=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("termijnregel")
        verbose_name_plural = _("termijnregels")
        ordering = ["volgorde", "code"]
        constraints = [
            VeldCheckConstraint(
                name="termijnregel_weken_bij_vaststelling",
                veld="weken",
                condition=(
                    Q(berekening=Berekening.VASTE_DATUM)
                    & Q(weken__isnull=True)
                    & Q(vaststelling="")
                )
                | (
                    Q(berekening__in=RELATIEVE_BEREKENINGEN)
                    & Q(weken__isnull=False)
                    & ~Q(vaststelling="")
                ),
                violation_error_code="weken_bij_vaststelling",
                violation_error_message=_(
                    "Weken: vul weken en de vaststelling in bij een berekening vanaf de "
                    "vaststelling, en alleen dan."
                ),
            ),
            bereik(
                "termijnregel_maand_bereik",
                "maand",
                1,
                12,
                bericht=_("Maand: moet tussen 1 en 12 liggen."),
            ),
            bereik(
                "termijnregel_dag_bereik",
                "dag",
                1,
                31,
                bericht=_("Dag: moet tussen 1 en 31 liggen."),
            ),
            jaar_bereik(
                "termijnregel_vanaf_jaar_bereik", veld="vanaf_jaar", label=VANAF_JAAR, leeg_mag=True
            ),
            jaar_bereik(
                "termijnregel_tot_jaar_bereik", veld="tot_jaar", label=TOT_JAAR, leeg_mag=True
            ),
            VeldCheckConstraint(
                name="termijnregel_jaren_oplopend",
                veld="tot_jaar",
                condition=Q(vanaf_jaar__isnull=True)
                | Q(tot_jaar__isnull=True)
                | Q(tot_jaar__gte=F("vanaf_jaar")),
                violation_error_code="tot_voor_vanaf",
                violation_error_message=_(
                    "Geldt tot en met begrotingsjaar: mag niet vóór het begrotingsjaar liggen "
                    "vanaf wanneer de regel geldt."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.omschrijving} ({self.artikel})"

    def geldt_voor(self, jaar: int) -> bool:
        """The rule applies to begrotingsjaar `jaar` (the law as it read for that year)."""
        return (self.vanaf_jaar is None or self.vanaf_jaar <= jaar) and (
            self.tot_jaar is None or jaar <= self.tot_jaar
        )

    def clean(self):
        # 2024 is a leap year: 29 February is a valid "vóór" date (1 March in other years would
        # be odd, so the rule must say so itself); 31 April is not.
        if self.maand and self.dag:
            try:
                datetime.date(2024, self.maand, self.dag)
            except ValueError:
                raise veldfout("dag", _("Dag: bestaat niet in deze maand."), code="dag") from None
            if (self.maand, self.dag) == (2, 29):
                raise veldfout(
                    "dag",
                    _("Dag: 29 februari bestaat niet elk jaar; kies 1 maart."),
                    code="schrikkeldag",
                )
        andere = sorted(set(self.vormen or []) - PC_VORMEN)
        if andere:
            raise veldfout(
                "vormen",
                _(
                    "Vormen: de P&C-termijnen van de Wgr gelden alleen voor een openbaar "
                    "lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan, "
                    "niet voor %(vormen)s."
                )
                % {"vormen": ", ".join(str(Vorm(v).label) for v in andere)},
                code="vorm_zonder_pc",
            )


class Bestuursvergadering(RegisterModel):
    """A recorded meeting at which a regeling's board adopts its begroting or jaarrekening for
    a year; the P&C dates counted from that adoption follow it."""

    # Indexed by bestuursvergadering_uniek.
    samenwerkingsverband = samenwerkingsverband_veld("bestuursvergaderingen", db_index=False)
    vaststelling = models.CharField(_("vaststelling"), max_length=20, choices=Vaststelling.choices)
    jaar = jaar_veld(
        help_text=_("Het begrotingsjaar, of het jaar waarop de jaarrekening betrekking heeft.")
    )
    datum = models.DateField(
        _("datum vergadering"),
        help_text=_("De vergadering van het algemeen bestuur (of het bestuur) die vaststelt."),
    )

    class Meta:
        verbose_name = _("vaststellingsvergadering")
        verbose_name_plural = _("vaststellingsvergaderingen")
        ordering = ["samenwerkingsverband__naam", "-jaar", "vaststelling"]
        constraints = [
            uniek(
                "bestuursvergadering_uniek",
                ["samenwerkingsverband", "vaststelling", "jaar"],
                bericht=_(
                    "Voor dit samenwerkingsverband is deze vaststelling voor dit jaar al "
                    "vastgelegd."
                ),
            ),
            jaar_bereik("bestuursvergadering_jaar_bereik"),
        ]
        # The vaststellingsvergaderingen in date order, and those of a regeling and day: the
        # meeting they are (raad.vergaderregels).
        indexes = [
            models.Index(
                fields=["datum", "samenwerkingsverband"], name="bestuursverg_datum_verband_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_vaststelling_display()} {self.jaar}: {self.datum:%d-%m-%Y}"

    def clean(self):
        _alleen_pc_vormen(self)
        self._vaststelling_in_wettelijk_jaar()

    def _vaststelling_in_wettelijk_jaar(self) -> None:
        """Wgr art. 34 lid 1: the begroting is adopted in the year before the budget year;
        lid 3: the jaarrekening in the year after the year it covers."""
        if not (self.datum and self.jaar and self.vaststelling):
            return
        if self.vaststelling == Vaststelling.BEGROTING:
            wettelijk, tekst = (
                self.jaar - 1,
                _(
                    "Datum vergadering: de begroting voor %(jaar)s stelt het bestuur vast in "
                    "%(wettelijk)s, het jaar vóór het begrotingsjaar (Wgr art. 34 lid 1). Kies een "
                    "datum in %(wettelijk)s of controleer het begrotingsjaar."
                ),
            )
        else:
            wettelijk, tekst = (
                self.jaar + 1,
                _(
                    "Datum vergadering: de jaarrekening over %(jaar)s stelt het bestuur vast in "
                    "%(wettelijk)s, het jaar erna (Wgr art. 34 lid 3). Kies een datum in "
                    "%(wettelijk)s of controleer het jaar."
                ),
            )
        if self.datum.year != wettelijk:
            raise veldfout(
                "datum",
                tekst % {"jaar": self.jaar, "wettelijk": wettelijk},
                code="vaststelling_buiten_wettelijk_jaar",
            )


class Termijnafwijking(RegisterModel):
    """A date that the regeling's own text (or its board) sets for one rule in one year,
    instead of the date the law gives. It wins over every derived date."""

    # Indexed by termijnafwijking_uniek.
    samenwerkingsverband = samenwerkingsverband_veld("termijnafwijkingen", db_index=False)
    regel = models.ForeignKey(
        Termijnregel,
        on_delete=models.CASCADE,
        related_name="afwijkingen",
        verbose_name=_("termijnregel"),
    )
    jaar = jaar_veld(BEGROTINGSJAAR)
    datum = models.DateField(_("datum"), help_text=_("De laatste dag waarop het op tijd is."))
    bron = bron_veld(250, help_text=_("Bijvoorbeeld: art. 24 lid 2 van de regeling."))

    class Meta:
        verbose_name = _("afwijkende termijn")
        verbose_name_plural = _("afwijkende termijnen")
        ordering = ["samenwerkingsverband__naam", "-jaar", "regel__volgorde"]
        constraints = [
            uniek(
                "termijnafwijking_uniek",
                ["samenwerkingsverband", "regel", "jaar"],
                bericht=_(
                    "Voor dit samenwerkingsverband, deze termijn en dit jaar is al een afwijkende "
                    "datum vastgelegd."
                ),
            ),
            jaar_bereik("termijnafwijking_jaar_bereik", label=BEGROTINGSJAAR),
        ]

    def __str__(self):
        return f"{self.regel.omschrijving} {self.jaar}: {self.datum:%d-%m-%Y}"

    def clean(self):
        _alleen_pc_vormen(self)
        if self.regel_id and self.samenwerkingsverband_id:
            vorm = self.samenwerkingsverband.vorm
            if vorm in PC_VORMEN and vorm not in self.regel.vormen:
                raise veldfout(
                    "regel",
                    _("Termijnregel: geldt niet voor een %(vorm)s.")
                    % {"vorm": Vorm(vorm).label.lower()},
                    code="regel_niet_voor_vorm",
                )


class Zienswijzeverzoek(RegisterModel):
    """What a regeling's board asks the raden to give a zienswijze on, by when."""

    samenwerkingsverband = samenwerkingsverband_veld(
        "zienswijzeverzoeken", on_delete=models.PROTECT
    )
    soort = models.CharField(_("soort"), max_length=30, choices=ZienswijzeSoort.choices)
    onderwerp = models.CharField(
        _("onderwerp"), max_length=300, help_text=_("Bijvoorbeeld: Ontwerpbegroting 2026.")
    )
    jaar = jaar_veld(
        BEGROTINGSJAAR,
        help_text=_("Bij een (ontwerp)begroting, begrotingswijziging of kaders."),
        leeg_mag=True,
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    uiterste_datum = models.DateField(
        _("uiterste datum"),
        help_text=_("De laatste dag waarop de zienswijze van de raad op tijd is."),
    )
    document_url = link_veld(_("document"))

    class Meta:
        verbose_name = _("zienswijzeverzoek")
        verbose_name_plural = _("zienswijzeverzoeken")
        ordering = ["-uiterste_datum", "samenwerkingsverband__naam"]
        constraints = [
            VeldCheckConstraint(
                name="zienswijzeverzoek_uiterste_datum_na_ontvangst",
                veld="uiterste_datum",
                condition=Q(uiterste_datum__gte=F("ontvangen_op")),
                violation_error_code="uiterste_datum_voor_ontvangst",
                violation_error_message=_(
                    "Uiterste datum: mag niet vóór de datum van ontvangst liggen."
                ),
            ),
            jaar_bereik("zienswijzeverzoek_jaar_bereik", label=BEGROTINGSJAAR, leeg_mag=True),
        ]
        indexes = [models.Index(fields=["uiterste_datum"], name="zienswijzeverzoek_datum_idx")]

    def __str__(self):
        return f"{self.onderwerp} ({self.samenwerkingsverband})"

    @property
    def wettelijke_termijn_weken(self) -> int | None:
        """The law's minimum for this kind, as it read for this request: an ontwerpbegroting
        by its begrotingsjaar, an ontwerp of the regeling only since 1 July 2022."""
        if self.soort == ZienswijzeSoort.ONTWERPBEGROTING and self.jaar:
            for tot_en_met, weken in ONTWERPBEGROTING_WEKEN_TOT_EN_MET:
                if self.jaar <= tot_en_met:
                    return weken
        voor_2022 = self.ontvangen_op is not None and self.ontvangen_op < WGR_2022
        if self.soort == ZienswijzeSoort.ONTWERPREGELING and voor_2022:
            return None
        return WETTELIJKE_TERMIJN_WEKEN.get(self.soort)

    @property
    def korter_dan_wettelijk(self) -> bool:
        """The board gave the raden less time than the Wgr's minimum for this kind."""
        weken = self.wettelijke_termijn_weken
        if weken is None or not (self.ontvangen_op and self.uiterste_datum):
            return False
        return self.uiterste_datum < self.ontvangen_op + datetime.timedelta(weeks=weken)


class ZienswijzeQuerySet(models.QuerySet):
    def met_actuele_status(self, vandaag: datetime.date):
        """Annotate `actuele_status`: the stored status, except that an open one whose
        deadline passed before `vandaag` without a raadsbesluit reads as termijn verstreken.
        Computed on read, so no nightly job can leave it stale."""
        verstreken = (
            Q(status__in=OPEN_STATUSSEN)
            & Q(raadsbesluit_datum__isnull=True)
            & Q(zienswijzeverzoek__uiterste_datum__lt=vandaag)
        )
        return self.annotate(
            actuele_status=models.Case(
                models.When(verstreken, then=models.Value(ZienswijzeStatus.TERMIJN_VERSTREKEN)),
                default=F("status"),
                output_field=models.CharField(),
            )
        )


class Zienswijze(RegisterModel):
    """One raad's response to one request."""

    zienswijzeverzoek = models.ForeignKey(
        Zienswijzeverzoek,
        on_delete=models.CASCADE,
        related_name="zienswijzen",
        verbose_name=_("zienswijzeverzoek"),
    )
    gemeente = gemeente_veld("zienswijzen")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=[(s.value, s.label) for s in VASTLEGBARE_STATUSSEN],
        default=ZienswijzeStatus.NOG_TE_AGENDEREN,
        help_text=_(
            "„Termijn verstreken” hoeft u niet te kiezen: die status volgt vanzelf als de "
            "uiterste datum voorbij is zonder raadsbesluit."
        ),
    )
    raadsvergadering = datum_veld(_("geagendeerd voor raadsvergadering van"))
    raadsbesluit_datum = datum_veld(_("datum raadsbesluit"))
    samenvatting = tekst_veld(_("samenvatting"))
    document_url = link_veld(_("document"))
    reactie_bestuur = tekst_veld(
        _("reactie van het bestuur"),
        help_text=_("De gemotiveerde reactie van het bestuur op de zienswijze."),
    )

    objects = ZienswijzeQuerySet.as_manager()

    class Meta:
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")
        ordering = ["-zienswijzeverzoek__uiterste_datum", "gemeente__naam"]
        constraints = [
            uniek(
                "zienswijze_uniek",
                ["zienswijzeverzoek", "gemeente"],
                bericht=_(
                    "Voor deze gemeente is bij dit zienswijzeverzoek al een zienswijze vastgelegd."
                ),
                veld="gemeente",
            ),
            VeldCheckConstraint(
                name="zienswijze_status_vastlegbaar",
                veld="status",
                condition=~Q(status=ZienswijzeStatus.TERMIJN_VERSTREKEN),
                violation_error_code="status_automatisch",
                violation_error_message=_(
                    "Status: „termijn verstreken” volgt vanzelf uit de uiterste datum; kies een "
                    "andere status."
                ),
            ),
            VeldCheckConstraint(
                name="zienswijze_ingediend_met_besluit",
                veld="raadsbesluit_datum",
                condition=~Q(status=ZienswijzeStatus.INGEDIEND)
                | Q(raadsbesluit_datum__isnull=False),
                violation_error_code="besluit_ontbreekt",
                violation_error_message=_(
                    "Datum raadsbesluit: vul deze in bij een ingediende zienswijze."
                ),
            ),
            VeldCheckConstraint(
                name="zienswijze_geagendeerd_met_vergadering",
                veld="raadsvergadering",
                condition=~Q(status=ZienswijzeStatus.GEAGENDEERD)
                | Q(raadsvergadering__isnull=False),
                violation_error_code="vergadering_ontbreekt",
                violation_error_message=_(
                    "Geagendeerd voor raadsvergadering van: vul de datum in bij een "
                    "geagendeerde zienswijze."
                ),
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "status"], name="zienswijze_gemeente_idx")]

    def __str__(self):
        return f"{self.gemeente} – {self.zienswijzeverzoek.onderwerp}"

    def clean(self):
        """The board replies to what the raad submitted: a reply on a zienswijze that is not
        submitted is refused on every surface (admin, API, the service). Which side must act
        depends on what changed: a submitted, answered zienswijze moved back (its status, the
        griffie's field) keeps its status until the bestuur's side takes the reply away; a
        reply on one not yet submitted waits for the griffie to submit it."""
        super().clean()
        if not self.reactie_bestuur.strip() or self.status == ZienswijzeStatus.INGEDIEND:
            return
        opgeslagen = (
            Zienswijze.objects.filter(pk=self.pk).values_list("status", "reactie_bestuur").first()
            if self.pk
            else None
        )
        if opgeslagen and opgeslagen[0] == ZienswijzeStatus.INGEDIEND and opgeslagen[1].strip():
            raise veldfout(
                "status",
                _(
                    "Status: het bestuur heeft al gereageerd op deze ingediende zienswijze, dus "
                    "die blijft ingediend. Moet de reactie weg, dan haalt het regiosecretariaat "
                    "van %(verband)s of een beheerder haar weg; daarna kan de status terug."
                )
                % {"verband": self.zienswijzeverzoek.samenwerkingsverband},
                code="reactie_vastgelegd",
            )
        raise veldfout(
            "reactie_bestuur",
            _(
                "Reactie van het bestuur: kan alleen op een ingediende zienswijze. De griffie "
                "van %(gemeente)s zet de status op „ingediend” (met de datum van het "
                "raadsbesluit); laat de reactie tot dan leeg."
            )
            % {"gemeente": self.gemeente},
            code="niet_ingediend",
        )

    def get_actuele_status_display(self) -> str:
        """The label of `actuele_status`; only on rows read with `met_actuele_status`."""
        return ZienswijzeStatus(self.actuele_status).label


class Evaluatie(RegisterModel):
    """An evaluation of a regeling (Wgr 2022: every regeling must say how it is evaluated)."""

    # Indexed by evaluatie_uniek.
    samenwerkingsverband = samenwerkingsverband_veld("evaluaties", db_index=False)
    datum = models.DateField(_("datum"), help_text=_("De datum van het evaluatierapport."))
    conclusie = tekst_veld(_("conclusie"))
    document_url = link_veld(_("document"))

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["samenwerkingsverband__naam", "-datum"]
        constraints = [
            uniek(
                "evaluatie_uniek",
                ["samenwerkingsverband", "datum"],
                bericht=_(
                    "Voor dit samenwerkingsverband is op deze datum al een evaluatie vastgelegd."
                ),
            )
        ]

    def __str__(self):
        return f"{self.samenwerkingsverband} – {self.datum:%d-%m-%Y}"
