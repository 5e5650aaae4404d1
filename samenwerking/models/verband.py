"""The arrangements (samenwerkingsverbanden) with their statutory provisions, powers and
versions, and the organisaties that take part in them or carry them out."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regioreg.collation import COLLATION

from ..constants import (
    INGESTELDE_VORMEN,
    VORM_TOELICHTING,
    WGR_VORMEN,
    Bevoegdheidsverkrijging,
    Karakter,
    Motief,
    OrganisatieSoort,
    Vorm,
    label,
)
from ..fields import KeuzelijstField, VeldCheckConstraint
from .basis import (
    MetPeriode,
    PeriodeQuerySet,
    RegisterModel,
    ZichtbareTekst,
    bron_veld,
    code_formaat,
    datum_veld,
    eind_na_begin,
    ja_nee_veld,
    link_veld,
    precies_dan,
    roo_stand_veld,
    roo_systeem_id_veld,
    tekst_veld,
    uniek,
    veldfout,
)
from .gebied import Provincie, gemeente_veld

# The Wet versterking democratische legitimatie Wgr (Stb. 2022, 18) took effect on this day.
WGR_2022 = datetime.date(2022, 7, 1)


class Organisatie(RegisterModel):
    """A participant that is not a gemeente: provincie, waterschap, Rijk, other bodies."""

    naam = models.CharField(_("naam"), max_length=250, unique=True, db_collation=COLLATION)
    afkorting = tekst_veld(_("afkorting"), max_length=50)
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
    adres = tekst_veld(_("adres"), max_length=250)
    postcode = tekst_veld(_("postcode"), max_length=10)
    vestigingsplaats = tekst_veld(_("vestigingsplaats"), max_length=100)
    telefoon = tekst_veld(_("telefoon"), max_length=50)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = link_veld(_("website"))
    roo_systeem_id = roo_systeem_id_veld()
    roo_stand = roo_stand_veld()

    # Where to find it: what the national register says and every surface shows.
    CONTACTVELDEN = ("adres", "postcode", "vestigingsplaats", "telefoon", "email", "website")

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            precies_dan(
                "organisatie_provincie_bij_soort",
                "provincie",
                Q(soort=OrganisatieSoort.PROVINCIE),
                code="provincie_bij_soort",
                bericht=_(
                    "Provincie: vul deze in bij een organisatie van de soort provincie, "
                    "en alleen dan."
                ),
            )
        ]

    def __str__(self):
        return self.naam


class Domein(ZichtbareTekst):
    """A policy field (beleidsterrein) an arrangement works in."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True, db_collation=COLLATION)
    tooi_begrip = models.URLField(
        _("begrip in de TOOI-thesaurus"),
        blank=True,
        help_text=_(
            "Het kenmerk waaronder het landelijk register dit beleidsterrein noemt, "
            "bijvoorbeeld https://identifier.overheid.nl/tooi/def/thes/top/c_d58b78ca. "
            "Leeg bij een domein dat niet uit het landelijk register komt."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["naam"]
        constraints = [
            uniek(
                "domein_tooi_begrip_uniek",
                ["tooi_begrip"],
                _("Er is al een domein met dit begrip uit de TOOI-thesaurus."),
                wanneer=~Q(tooi_begrip=""),
                veld="tooi_begrip",
            )
        ]

    def __str__(self):
        return self.naam

    # The national register names a narrower beleidsterrein "hoofdthema | subthema"; the
    # begrip's address does not encode the hierarchy, the name does.
    SCHEIDING = " | "

    @property
    def hoofdthema_naam(self) -> str:
        """The name of the hoofdthema this domein falls under: its own name when it is none's
        subthema ("natuur en milieu" for "natuur en milieu | afval" and for itself)."""
        return self.naam.split(self.SCHEIDING, 1)[0]

    @property
    def subthema_naam(self) -> str:
        """The subthema's own part of the name ("afval"); "" for a hoofdthema."""
        return self.naam.split(self.SCHEIDING, 1)[1] if self.SCHEIDING in self.naam else ""

    def clean(self):
        """A code is lower case on every surface (as slugify and the seeded list make it),
        so that a filter or a spreadsheet in any case finds it (api.namen.als_opgeslagen)."""
        super().clean()
        self.code = (self.code or "").strip().lower()


class SamenwerkingsverbandQuerySet(PeriodeQuerySet):
    def actief_op(self, datum: datetime.date):
        """Arrangements in force on `datum`; a historical mention (not in the national
        register) never counts as running."""
        return super().actief_op(datum).filter(alleen_historisch=False)


class Samenwerkingsverband(MetPeriode, RegisterModel):
    PERIODE = ("ingangsdatum", "einddatum")

    naam = models.CharField(_("naam"), max_length=250, db_collation=COLLATION)
    citeertitel = tekst_veld(
        _("citeertitel"),
        max_length=500,
        help_text=_("De korte titel waaronder de regeling wordt aangehaald."),
    )
    afkorting = tekst_veld(_("afkorting"), max_length=50)
    # The readable address (/samenwerkingsverbanden/veiligheidsregio-utrecht/), given once
    # from the name when the row is first written (samenwerking.slugs) and then kept.
    slug = models.SlugField(
        _("adres op de site"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Het leesbare adres van de pagina, bijvoorbeeld veiligheidsregio-utrecht. Leeg: "
            "wordt uit de naam gemaakt."
        ),
    )
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices)
    doel = tekst_veld(
        _("doel / openbaar belang"),
        help_text=_("Het openbaar belang dat de samenwerking dient (BBV art. 15)."),
    )
    domeinen = models.ManyToManyField(
        Domein, blank=True, related_name="samenwerkingsverbanden", verbose_name=_("domeinen")
    )
    motieven = KeuzelijstField(_("motieven"), keuzes=Motief)
    karakter = models.CharField(
        _("karakter"),
        max_length=20,
        choices=Karakter.choices,
        blank=True,
        help_text=_(
            "Voert de regeling uit wat de deelnemers besloten (uitvoerend), bepaalt zij zelf "
            "beleid (beleidsbepalend), of beide? Leeg: onbekend."
        ),
    )
    verplicht = models.BooleanField(
        _("wettelijk verplicht"),
        default=False,
        help_text=_("De wet schrijft deze samenwerking voor (veiligheidsregio, GGD, …)."),
    )
    verplicht_grondslag = tekst_veld(
        _("wettelijke grondslag van de verplichting"),
        max_length=250,
        help_text=_("Bijvoorbeeld: Wet veiligheidsregio's, art. 9."),
    )
    bevoegdheidsverkrijgingen = KeuzelijstField(
        _("bevoegdheidsverkrijging"), keuzes=Bevoegdheidsverkrijging
    )
    adres = tekst_veld(_("adres"), max_length=250)
    postcode = tekst_veld(_("postcode"), max_length=10)
    vestigingsplaats = tekst_veld(_("vestigingsplaats"), max_length=100)
    centrumgemeente = gemeente_veld(
        "centrumregelingen",
        label=_("centrumgemeente"),
        leeg_mag=True,
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
    ingangsdatum = datum_veld(_("datum inwerkingtreding"))
    einddatum = datum_veld(
        _("datum uitwerkingtreding"),
        help_text=_("De eerste dag waarop de regeling niet meer geldt."),
    )
    roo_systeem_id = roo_systeem_id_veld(
        help_text=_("Nummer in het Register van Overheidsorganisaties.")
    )
    cbs_gr_code = models.CharField(
        _("CBS GR-code"), max_length=6, null=True, blank=True, unique=True
    )
    regeling_url = link_veld(_("tekst van de regeling"))
    website = link_veld(_("website"))
    evaluatie_interval_jaren = models.PositiveSmallIntegerField(
        _("evaluatie-interval (jaren)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    # The uittredingsvoorwaarden every regeling must contain (Wgr art. 9 lid 1).
    # The exit provisions every regeling must contain (Wgr art. 9 lid 1), in the order the
    # admin, the API and the spreadsheet show them.
    UITTREDING_VELDEN = (
        "uittreding_artikel",
        "uittreding_opzegtermijn_maanden",
        "uittreding_kosten",
        "uittreding_tekst",
    )
    uittreding_opzegtermijn_maanden = models.PositiveSmallIntegerField(
        _("opzegtermijn bij uittreding (maanden)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Hoeveel maanden vóór de uittreding een deelnemer moet opzeggen."),
    )
    uittreding_kosten = tekst_veld(
        _("kosten van uittreding of de formule"),
        help_text=_(
            "Wat een uittredende deelnemer betaalt, of hoe dat wordt berekend; bijvoorbeeld: "
            "vijf jaar de bijdrage van het laatste jaar, of de frictiekosten volgens bijlage 2."
        ),
    )
    uittreding_tekst = tekst_veld(
        _("tekst van de uittredingsbepaling"),
        help_text=_("De bepaling zoals die in de regeling staat."),
    )
    uittreding_artikel = tekst_veld(
        _("artikel over uittreding"),
        max_length=100,
        help_text=_("Waar in de regeling de uittreding is geregeld, bijvoorbeeld: art. 38."),
    )
    evaluatiebepaling_sinds = datum_veld(
        _("evaluatiebepaling geldt sinds"),
        help_text=_(
            "De dag waarop de evaluatiebepaling van de regeling in werking trad; op zijn "
            "vroegst 1 juli 2022 (Wgr-wijziging, Stb. 2022, 18). Een evaluatie is pas te laat "
            "vanaf deze dag plus het interval; leeg: gerekend vanaf 1 juli 2022."
        ),
    )
    # Wgr-2022 provisions: True = geregeld, False = niet geregeld, empty = onbekend.
    WGR2022_VELDEN = (
        "wgr2022_zienswijze_besluiten",
        "wgr2022_burgerparticipatie",
        "wgr2022_evaluatie",
        "wgr2022_uittreding",
        "wgr2022_adviescommissie",
        "wgr2022_onderzoeksrecht",
    )
    wgr2022_zienswijze_besluiten = ja_nee_veld(_("zienswijze op ontwerpbesluiten geregeld"))
    wgr2022_burgerparticipatie = ja_nee_veld(_("burgerparticipatie geregeld"))
    wgr2022_evaluatie = ja_nee_veld(_("evaluatie geregeld"))
    wgr2022_uittreding = ja_nee_veld(_("uittreding en financiële gevolgen geregeld"))
    wgr2022_adviescommissie = ja_nee_veld(_("gemeenschappelijke adviescommissie ingesteld"))
    wgr2022_onderzoeksrecht = ja_nee_veld(_("gezamenlijk onderzoek door de raden geregeld"))
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
    bronhouder = tekst_veld(
        _("bronhouder"),
        max_length=250,
        help_text=_("Wie de regeling in het landelijk register bijhoudt."),
    )
    archiefzorgdrager = tekst_veld(
        _("archiefzorgdrager"),
        max_length=250,
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
    bron = bron_veld(help_text=_("Waar deze gegevens vandaan komen."))
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
            precies_dan(
                "swv_centrumgemeente_bij_cc",
                "centrumgemeente",
                Q(vorm=Vorm.CENTRUMGEMEENTE),
                code="centrumgemeente_bij_cc",
                bericht=_(
                    "Centrumgemeente: verplicht bij een centrumgemeenteconstructie en alleen "
                    "dan in te vullen."
                ),
            ),
            VeldCheckConstraint(
                name="swv_uittreding_met_artikel",
                veld="uittreding_artikel",
                condition=~Q(uittreding_artikel="")
                | (
                    Q(uittreding_opzegtermijn_maanden__isnull=True)
                    & Q(uittreding_kosten="")
                    & Q(uittreding_tekst="")
                ),
                violation_error_code="uittreding_zonder_artikel",
                violation_error_message=_(
                    "Artikel over uittreding: vul in waar de regeling de uittreding regelt, "
                    "zodat de raad de voorwaarden kan nalezen."
                ),
            ),
            VeldCheckConstraint(
                name="swv_opzegtermijn_bereik",
                veld="uittreding_opzegtermijn_maanden",
                condition=Q(uittreding_opzegtermijn_maanden__isnull=True)
                | Q(uittreding_opzegtermijn_maanden__lte=120),
                violation_error_code="opzegtermijn_bereik",
                violation_error_message=_(
                    "Opzegtermijn bij uittreding: hoogstens 120 maanden (tien jaar)."
                ),
            ),
            VeldCheckConstraint(
                name="swv_evaluatiebepaling_na_wgr_2022",
                veld="evaluatiebepaling_sinds",
                condition=Q(evaluatiebepaling_sinds__isnull=True)
                | Q(evaluatiebepaling_sinds__gte=WGR_2022),
                violation_error_code="evaluatiebepaling_voor_wgr_2022",
                violation_error_message=_(
                    "Evaluatiebepaling geldt sinds: kan niet vóór 1 juli 2022 liggen, de dag "
                    "waarop de Wgr de evaluatiebepaling invoerde."
                ),
            ),
            code_formaat(
                "swv_cbs_gr_code_formaat",
                "cbs_gr_code",
                r"GR[0-9]{4}",
                code="ongeldige_cbs_gr_code",
                bericht=_(
                    "CBS GR-code: gebruik GR gevolgd door vier cijfers, bijvoorbeeld GR0316."
                ),
                leeg_mag=True,
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

    # Lists show these labels for every row: constants.label translates only the value's
    # text, Django's own get_FOO_display() every choice on each call.
    def get_vorm_display(self) -> str:
        return label(Vorm, self.vorm)

    @property
    def is_wgr(self) -> bool:
        return self.vorm in WGR_VORMEN

    @property
    def vorm_toelichting(self) -> str:
        return VORM_TOELICHTING[self.vorm]

    @property
    def heeft_uittredingsvoorwaarden(self) -> bool:
        return bool(
            self.uittreding_artikel
            or self.uittreding_opzegtermijn_maanden is not None
            or self.uittreding_kosten
            or self.uittreding_tekst
        )

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
            raise veldfout(
                "wgr2022_adviescommissie",
                _(
                    "Gemeenschappelijke adviescommissie: kan alleen bij een openbaar "
                    "lichaam worden ingesteld."
                ),
                code="adviescommissie_alleen_ol",
            )


def samenwerkingsverband_veld(related_name: str, *, on_delete=models.CASCADE, db_index=True):
    """The arrangement a row belongs to: its documents, organs, deelnames, meetings…

    `db_index=False` where a composite index or unique constraint of the model starts with
    the samenwerkingsverband: that one serves its look-ups, so an own index would be a copy."""
    return models.ForeignKey(
        Samenwerkingsverband,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=_("samenwerkingsverband"),
        db_index=db_index,
    )


class WettelijkeGrondslag(RegisterModel):
    """A statutory provision the arrangement's powers rest on (art. 27 register)."""

    samenwerkingsverband = samenwerkingsverband_veld("wettelijke_grondslagen")
    opschrift = models.CharField(
        _("opschrift"),
        max_length=250,
        help_text=_("Bijvoorbeeld: Wet publieke gezondheid, art. 14."),
    )
    url = link_veld(_("vindplaats"))

    class Meta:
        verbose_name = _("wettelijke grondslag")
        verbose_name_plural = _("wettelijke grondslagen")
        ordering = ["id"]

    def __str__(self):
        return self.opschrift


class Bevoegdheid(RegisterModel):
    """A power transferred to the arrangement (art. 27 register)."""

    samenwerkingsverband = samenwerkingsverband_veld("bevoegdheden")
    artikel = tekst_veld(
        _("artikel van de regeling"), max_length=250, help_text=_("Bijvoorbeeld: art. 5")
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


class Regelingversie(MetPeriode, RegisterModel):
    """One version of a regeling as the national register records it: each amendment of a
    regeling is a new record (previousVersion / nextVersion), in force over its own period.
    The arrangement is one Samenwerkingsverband with its versions."""

    PERIODE = ("ingangsdatum", "einddatum")

    samenwerkingsverband = samenwerkingsverband_veld("versies")
    roo_systeem_id = roo_systeem_id_veld(
        help_text=_("Nummer van deze versie in het register."), leeg_mag=False
    )
    # What the national register says about a version, and the API shows.
    ROO_VELDEN = (
        "titel",
        "citeertitel",
        "ingangsdatum",
        "einddatum",
        "datum_mutatie",
        "datum_ter_verificatie",
    )
    titel = models.CharField(_("titel"), max_length=500, db_collation=COLLATION)
    citeertitel = tekst_veld(_("citeertitel"), max_length=500)
    ingangsdatum = datum_veld(_("datum inwerkingtreding"))
    einddatum = datum_veld(
        _("datum uitwerkingtreding"),
        help_text=_("De eerste dag waarop deze versie niet meer geldt."),
    )
    datum_mutatie = datum_veld(_("laatst gewijzigd in het register"))
    datum_ter_verificatie = datum_veld(_("laatst geverifieerd in het register"))

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
