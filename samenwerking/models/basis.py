"""The register: gemeenten, arrangements, who takes part, who sits where, and what it costs.

Periods are half-open: a start date is the first day something holds, an end date the first
day it no longer holds (a deelname that ends on 2024-01-01 is not active on 2024-01-01). An
empty start date means "unknown / since before the register", an empty end date "still
running". Money is Decimal in euros; an empty amount means "onbekend", never zero.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import VeldCheckConstraint, VeldUniqueConstraint
from ..normalisatie import zichtbaar
from ..peilmoment import (
    DATUM_BUITEN_BEREIK,
    JAAR_MAX,
    JAAR_MIN,
    JaarInvoer,
    binnen_bereik,
    jaar_buiten_bereik,
)
from ..periode import loopt_op, overlapt, periode_q


def veldfout(veld: str, bericht, *, code: str) -> ValidationError:
    """A row's own check (`clean()`) failing on one field: forms and the API show BERICHT
    next to VELD."""
    return ValidationError({veld: ValidationError(bericht, code=code)})


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


def precies_dan(naam: str, veld: str, wanneer: Q, *, code: str, bericht) -> VeldCheckConstraint:
    """VELD is filled exactly when WANNEER holds (a centrumgemeente for a centrumgemeente-
    constructie, a provincie for an organisatie of that kind), and empty otherwise."""
    return VeldCheckConstraint(
        name=naam,
        veld=veld,
        condition=(wanneer & Q(**{f"{veld}__isnull": False}))
        | (~wanneer & Q(**{f"{veld}__isnull": True})),
        violation_error_code=code,
        violation_error_message=bericht,
    )


def uniek(
    naam: str, velden: list[str], bericht, *, wanneer: Q | None = None, veld: str = ""
) -> models.UniqueConstraint:
    """VELDEN together hold at most one row (of the rows where WANNEER holds, if given);
    BERICHT is what a form or the API says to a second one, next to VELD if given."""
    if veld:
        return VeldUniqueConstraint(
            fields=velden, condition=wanneer, name=naam, violation_error_message=bericht, veld=veld
        )
    return models.UniqueConstraint(
        fields=velden, condition=wanneer, name=naam, violation_error_message=bericht
    )


def code_formaat(
    naam: str, veld: str, patroon: str, *, code: str, bericht, leeg_mag: bool = False
) -> VeldCheckConstraint:
    """The database's check that a stored code VELD is PATROON as a whole (or is empty, where
    LEEG_MAG): a CBS code, a GR code."""
    voldoet = Q(**{f"{veld}__regex": f"^{patroon}$"})
    return VeldCheckConstraint(
        name=naam,
        veld=veld,
        condition=Q(**{f"{veld}__isnull": True}) | voldoet if leeg_mag else voldoet,
        violation_error_code=code,
        violation_error_message=bericht,
    )


def bereik(
    naam: str, veld: str, van, tot, *, bericht, leeg_mag: bool = False
) -> VeldCheckConstraint:
    """The database's check that a stored VELD lies within VAN..TOT, both included (or is
    empty, where LEEG_MAG); its error code is `<veld>_bereik`."""
    binnen = Q(**{f"{veld}__gte": van}) & Q(**{f"{veld}__lte": tot})
    return VeldCheckConstraint(
        name=naam,
        veld=veld,
        condition=Q(**{f"{veld}__isnull": True}) | binnen if leeg_mag else binnen,
        violation_error_code=f"{veld}_bereik",
        violation_error_message=bericht,
    )


JAAR = _("jaar")


def jaar_meldingen(label) -> dict:
    """The messages of a stored year, naming its field as its LABEL says: out of range, the
    message of the database's check (`jaar_bereik`: "Begrotingsjaar: moet tussen 1900 en 2100
    liggen.", not Django's "Zorg ervoor dat deze waarde hoogstens 2100 is."), and not a whole
    number. Keyed by the codes of Django's and DRF's integer fields alike."""
    bericht = jaar_buiten_bereik(label)
    return {
        "invalid": format_lazy(_("{veld}: vul een jaartal in, bijvoorbeeld 2025."), veld=label),
        "min_value": bericht,
        "max_value": bericht,
    }


def jaar_validators(label=JAAR) -> list:
    """The checks of a year field: within peilmoment.JAAR_MIN..JAAR_MAX, with the message of
    the database's check (`jaar_meldingen`)."""
    bericht = jaar_buiten_bereik(capfirst(label))
    return [MinValueValidator(JAAR_MIN, bericht), MaxValueValidator(JAAR_MAX, bericht)]


JAAR_VALIDATORS = jaar_validators()


class JaarVeld(models.PositiveSmallIntegerField):
    """A stored year (`jaar_veld`) whose form field checks 1900..2100 itself (typed as text,
    peilmoment.JaarInvoer) and says `jaar_meldingen`, so no form needs to know; the API maps it to
    `api.base.JaarVeldField`, which says the same."""

    def meldingen(self) -> dict:
        return jaar_meldingen(capfirst(self.verbose_name))

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "min_value": JAAR_MIN,
                "max_value": JAAR_MAX,
                **kwargs,
                # Also instead of the admin's number input (peilmoment.JaarInvoer says why).
                "widget": JaarInvoer,
                "error_messages": {**self.meldingen(), **kwargs.get("error_messages", {})},
            }
        )

    def deconstruct(self):
        # In a migration this field is exactly Django's: its checks are the validators and the
        # database's constraint, both stated in the migration already; only the form and the
        # API see the difference. Django's path keeps every existing migration valid and
        # makemigrations from altering each year field for the new class path alone.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.PositiveSmallIntegerField", args, kwargs


def jaar_bereik(
    naam: str, *, veld: str = "jaar", label=JAAR, leeg_mag: bool = False
) -> VeldCheckConstraint:
    """The database's check of a stored year VELD: within peilmoment.JAAR_MIN..JAAR_MAX. LABEL
    and LEEG_MAG are those of the model's `jaar_veld` (one constant for a label of its own)."""
    return bereik(
        naam,
        veld,
        JAAR_MIN,
        JAAR_MAX,
        bericht=jaar_buiten_bereik(capfirst(label)),
        leeg_mag=leeg_mag,
    )


def jaar_veld(label=JAAR, *, help_text="", leeg_mag: bool = False) -> JaarVeld:
    """A year within peilmoment.JAAR_MIN..JAAR_MAX (the model's check, `jaar_validators`; the
    database's is `jaar_bereik`; form and API: `JaarVeld`; all with the same message), empty
    only where LEEG_MAG."""
    return JaarVeld(
        label,
        null=leeg_mag,
        blank=leeg_mag,
        validators=jaar_validators(label),
        help_text=help_text,
    )


def leeg_achteraan(veld: str) -> models.OrderBy:
    """The order by `veld` ("-veld" descending) with the rows without a value last in both
    directions: PostgreSQL puts them first when descending, SQLite first when ascending, so
    the same list read differently in production and in development."""
    if veld.startswith("-"):
        return F(veld[1:]).desc(nulls_last=True)
    return F(veld).asc(nulls_last=True)


def datum_veld(label, *, help_text="") -> models.DateField:
    """A date that may be empty: for a period's start "onbekend / since before the register",
    for its end "still running" (see the module's docstring)."""
    return models.DateField(label, null=True, blank=True, help_text=help_text)


def ja_nee_veld(label, *, help_text="") -> models.BooleanField:
    """Ja, nee, or empty for onbekend."""
    return models.BooleanField(label, null=True, blank=True, help_text=help_text)


def bedrag_veld(label) -> models.DecimalField:
    """An amount in euros with cents; empty means onbekend, never zero."""
    return models.DecimalField(label, max_digits=15, decimal_places=2, null=True, blank=True)


def tekst_veld(
    label, max_length: int | None = None, *, help_text="", db_collation=None
) -> models.Field:
    """A text that may be left empty: empty means onbekend or not given (stored as "", never
    NULL, as Django does for text). Up to MAX_LENGTH characters (one line in a form), or of
    any length without it (a text area). DB_COLLATION: how it sorts (regioreg/collation.py)."""
    if max_length is None:
        return models.TextField(label, blank=True, help_text=help_text, db_collation=db_collation)
    return models.CharField(
        label, max_length=max_length, blank=True, help_text=help_text, db_collation=db_collation
    )


GEEN_LINK = _(
    "{veld}: geef een webadres dat begint met https:// of http://, zonder spaties, bijvoorbeeld "
    "https://www.example.nl/stukken/begroting-2026.pdf."
)


def link_validator(label) -> URLValidator:
    """The one check of a link (`link_veld`): a web address for a browser, http or https only
    (Django's own would also take ftp://), refused with `GEEN_LINK` naming the field by its
    LABEL."""
    bericht = format_lazy(GEEN_LINK, veld=capfirst(label))
    return URLValidator(schemes=["http", "https"], message=bericht)


class LinkVeld(models.URLField):
    """A stored link (`link_veld`) whose one check is its `link_validator`: in `full_clean()`
    (admin, imports, services) and, through `api.base.LinkField`, in the API. The form field
    says the same message for what is no web address at all."""

    # Django's URLValidator would refuse garbage a second time, in its own words.
    default_validators = []

    def formfield(self, **kwargs):
        bericht = link_validator(self.verbose_name).message
        meldingen = {"invalid": bericht, **kwargs.get("error_messages", {})}
        return super().formfield(**{**kwargs, "error_messages": meldingen})

    def deconstruct(self):
        # As JaarVeld: in a migration exactly Django's field, with its validator.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs


def link_veld(label, *, help_text="") -> LinkVeld:
    """A link to a page or document elsewhere: optional, at most 500 characters, http or https
    (`link_validator`, saying `GEEN_LINK` with LABEL)."""
    return LinkVeld(
        label, max_length=500, blank=True, help_text=help_text, validators=[link_validator(label)]
    )


class PercentageVeld(models.DecimalField):
    """A share in percent (`percentage_veld`): a decimal that knows it is one, so that what
    shows it can write `12,5%` (the import preview)."""

    def deconstruct(self):
        # As JaarVeld: in a migration exactly Django's field.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs


def percentage_veld(label, *, help_text="") -> PercentageVeld:
    """A share in percent with up to four decimals (12,5 or 33,3333); empty means onbekend.
    Its check is `percentage_bereik`."""
    return PercentageVeld(
        label, max_digits=7, decimal_places=4, null=True, blank=True, help_text=help_text
    )


def percentage_bereik(naam: str, veld: str, label) -> VeldCheckConstraint:
    """The database's check of a `percentage_veld`: empty, or 0 up to and including 100."""
    return bereik(
        naam,
        veld,
        0,
        100,
        bericht=format_lazy(_("{veld}: moet tussen 0 en 100 procent liggen."), veld=label),
        leeg_mag=True,
    )


def bron_veld(max_length: int = 200, *, help_text="") -> models.CharField:
    """Where a row's data come from (an import's name, a document, an article); optional."""
    return tekst_veld(_("bron"), max_length=max_length, help_text=help_text)


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


def roo_systeem_id_veld(*, help_text="", leeg_mag: bool = True) -> models.PositiveBigIntegerField:
    """The row's number in the national register (systemId), unique; empty for a row the
    register does not hold, where LEEG_MAG."""
    return models.PositiveBigIntegerField(
        _("systeemId ROO"), null=leeg_mag, blank=leeg_mag, unique=True, help_text=help_text
    )


class DatumsInBereik(models.Model):
    """Every date of the row within the register's range (peilmoment: 1900-01-01 up to and
    including 2100-12-31), whichever surface wrote it: the one rule for every stored date, on
    RegisterModel and on the rows that do not take its columns (Gemeente)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Each field's own checks, then the range of every date. Pages, feeds and the API
        compute with dates around a stored one (a deadline weeks later, the next evaluation
        years later): beyond the range that overflows, a 500 wherever the row is shown (found
        with a zienswijzeverzoek received on 9999-12-01)."""
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


class ZichtbareTekst(models.Model):
    """Every text of the row without characters that show nothing (zero-width spaces, soft
    hyphens: normalisatie.zichtbaar) and without white space at its ends, whichever surface
    wrote it. A name pasted from a web page into the admin, the API or a spreadsheet kept
    them: it sorted last, looked like a name already there without being one, and an e-mail
    address with a soft hyphen was refused as invalid."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        for veld in self._meta.concrete_fields:
            if (
                isinstance(veld, models.CharField | models.TextField)
                and veld.name not in (exclude or ())
                and isinstance(waarde := getattr(self, veld.attname), str)
            ):
                setattr(self, veld.attname, zichtbaar(waarde).strip())
        super().clean_fields(exclude=exclude)


class RegisterModel(ZichtbareTekst, DatumsInBereik):
    """Common columns: a public UUID, timestamps and the history of every change; every text
    without invisible characters (ZichtbareTekst); every date within the register's range
    (DatumsInBereik)."""

    uuid = models.UUIDField(_("uuid"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # The audit trail: who changed which row when, with its old and new values (every
    # concrete subclass gets its own Historical… table).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class PeriodeQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        """Rows whose period contains `datum` (see MetPeriode)."""
        return self.filter(periode_q(datum, *self.model.PERIODE))


class MetPeriode(models.Model):
    """A row that holds over a half-open period (samenwerking.periode): PERIODE names its
    start and end field. The fields themselves, with their labels and the check that the end
    is not before the start (`eind_na_begin`), are each model's own."""

    PERIODE = ("begindatum", "einddatum")

    objects = PeriodeQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_actief_op(self, datum: datetime.date) -> bool:
        begin, eind = self.PERIODE
        return loopt_op(datum, getattr(self, begin), getattr(self, eind))

    def overlapt(self, van: datetime.date, tot: datetime.date) -> bool:
        """Holds on at least one day of the half-open period [van, tot)."""
        begin, eind = self.PERIODE
        return overlapt(getattr(self, begin), getattr(self, eind), van, tot)
