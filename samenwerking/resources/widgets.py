"""Widgets of the spreadsheet columns: Dutch values in, Dutch errors out.

During an import the widgets that look rows up (foreign keys, gemeenten, persons, domeinen)
read every value of their column in one query before the first row (`voorraad_laden`), so
that a file of any length costs a fixed number of queries; used on their own (outside an
import) they look each value up as it comes.
"""

import datetime
import difflib
import functools
import re
import uuid
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.core.exceptions import (
    MultipleObjectsReturned,
    ObjectDoesNotExist,
    ValidationError,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets

from ..bedragen import Bedragfout, bedrag_lezen
from ..constants import CBS_CODE_PATROON
from ..formats import leeg
from ..models import Domein, Gemeente, Persoon
from ..normalisatie import Namenlijst, zichtbaar

_DUBBEL = object()  # a key that fits more than one row


class SleutelWidget(widgets.ForeignKeyWidget):
    """A foreign key looked up by one field; unknown values give a clear error.

    `gerelateerd`: relations read along (select_related), e.g. the arrangement of a deelname,
    which the permission check and the messages need."""

    def __init__(self, model, field="pk", *, gerelateerd=(), **kwargs):
        super().__init__(model, field, **kwargs)
        self.gerelateerd = tuple(gerelateerd)
        self.voorraad: dict | None = None
        # A column that names rows of its resource's own model (bovenliggend) may name a new
        # row of the same file: the file's keys (key -> row number) and its new rows (key ->
        # instance, shared with the resource, which fills them in: `RegisterResource`).
        self.bestand: dict[str, int] = {}
        self.nieuw: dict = {}

    def _sleutel(self, value) -> str:
        tekst = str(value).strip()
        if self.field == "uuid":
            try:
                return str(uuid.UUID(tekst))
            except ValueError:
                raise self._geen_sleutel(tekst) from None
        return tekst

    def _geen_sleutel(self, tekst) -> ValueError:
        return ValueError(
            _("%(waarde)s is geen geldige sleutel (uuid) van een %(naam)s.")
            % {"waarde": repr(tekst), "naam": self.model._meta.verbose_name}
        )

    def _onbekend(self, tekst) -> ValueError:
        return ValueError(
            _("%(naam)s %(waarde)s bestaat niet in het register.")
            % {"naam": self.model._meta.verbose_name, "waarde": repr(tekst)}
        )

    def _dubbel(self, tekst) -> ValueError:
        return ValueError(
            _("%(waarde)s past op meer dan één %(naam)s; gebruik de uuid.")
            % {"waarde": repr(tekst), "naam": self.model._meta.verbose_name}
        )

    def voorraad_laden(self, waarden) -> None:
        """Read the rows of every value in `waarden` at once (one query)."""
        sleutels = set()
        for waarde in waarden:
            if leeg(waarde):
                continue
            try:
                sleutels.add(self._sleutel(waarde))
            except ValueError:
                continue  # reported by the row itself
        self.voorraad = {}
        if not sleutels:
            return
        rijen = self.model._default_manager.select_related(*self.gerelateerd).filter(
            **{f"{self.field}__in": sleutels}
        )
        for obj in rijen:
            self.onthoud(obj)

    def onthoud(self, obj) -> None:
        """Make a row found another way (e.g. a deelname named by gemeente) findable."""
        if self.voorraad is None:
            return
        sleutel = str(getattr(obj, self.field))
        bekend = self.voorraad.get(sleutel)
        self.voorraad[sleutel] = obj if bekend is None or bekend == obj else _DUBBEL

    def leesbaar(self, waarde):
        """A cell as the row it names, for a person (`Zaanstad (GM0479)`, an arrangement's
        name), or as it is when it names none (the row's error says why). For the rows with
        errors of an import's preview (`RegisterResource.namen_in_foute_regels`)."""
        if leeg(waarde):
            return waarde
        try:
            obj = self.clean(waarde)
        except (ValueError, ValidationError):
            return waarde
        if obj is None or obj.pk is None:  # a new row of the same file
            return waarde
        if self.field in ("pk", "uuid"):
            return str(obj)
        return f"{obj} ({getattr(obj, self.field)})"

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        tekst = str(value).strip()
        sleutel = self._sleutel(tekst)
        if self.voorraad is not None:
            gevonden = self.voorraad.get(sleutel)
            if gevonden is None and sleutel in self.bestand:  # a new row of the same file
                return self.nieuw.setdefault(sleutel, self.model(**{self.field: sleutel}))
            if gevonden is None:
                raise self._onbekend(tekst)
            if gevonden is _DUBBEL:
                raise self._dubbel(tekst)
            return gevonden
        try:
            return (
                self.get_queryset(value, row, **kwargs)
                .select_related(*self.gerelateerd)
                .get(**{self.field: sleutel})
            )
        except (ValueError, ValidationError):
            raise self._geen_sleutel(tekst) from None
        except ObjectDoesNotExist:
            raise self._onbekend(tekst) from None
        except MultipleObjectsReturned:
            raise self._dubbel(tekst) from None


class GemeenteWidget(SleutelWidget):
    """A gemeente by CBS code (GM0363, or just 363) or by name, tolerant of spelling
    (`Den Haag`, `Bergen (NH)`, `sudwest fryslan`). A name that fits more than one gemeente is
    an error that names them. All gemeenten (a few hundred) are read once per widget."""

    def __init__(self, **kwargs):
        super().__init__(Gemeente, "cbs_code", gerelateerd=("provincie",), **kwargs)

    @functools.cached_property
    def _alle(self) -> list[Gemeente]:
        return list(Gemeente.objects.select_related(*self.gerelateerd))

    @functools.cached_property
    def namen(self) -> Namenlijst:
        return Namenlijst(self._alle, naam=lambda g: g.naam)

    @functools.cached_property
    def _per_code(self) -> dict[str, Gemeente]:
        return {g.cbs_code: g for g in self._alle}

    def voorraad_laden(self, waarden) -> None:
        self.voorraad = self._per_code

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        tekst = str(value).strip()
        code = f"GM{int(tekst):04d}" if tekst.isdigit() else tekst.upper()
        if re.fullmatch(CBS_CODE_PATROON, code):
            gemeente = self._per_code.get(code)
            if gemeente is None:
                raise ValueError(
                    _("gemeente %(waarde)s bestaat niet in het register.") % {"waarde": repr(code)}
                )
            return gemeente
        gevonden = self.namen.zoek(tekst)
        if len(gevonden) == 1:
            return gevonden[0]
        if gevonden:
            opties = ", ".join(f"{g.naam} ({g.cbs_code})" for g in gevonden)
            raise ValueError(
                _("%(waarde)s past op meer dan één gemeente: %(opties)s; gebruik de CBS-code.")
                % {"waarde": repr(tekst), "opties": opties}
            )
        fout = _("gemeente %(waarde)s bestaat niet in het register.") % {"waarde": repr(tekst)}
        lijkt_op = self.namen.dichtstbij(tekst)
        if lijkt_op:
            fout += " " + _("Bedoelt u %(namen)s?") % {"namen": " of ".join(lijkt_op)}
        raise ValueError(fout)


def persoonsnaam(value) -> str:
    return " ".join(str(value).split())


class PersoonWidget(widgets.ForeignKeyWidget):
    """A person by name; a name not yet in the register is a new person, saved with the rows
    that name it (services.rijen_opslaan saves the new persons first), never by the widget.
    Rows that name the same new person share it. Two people with the same name need the
    admin to tell them apart.

    In an import the persons of the whole column are read in one query (`voorraad_laden`)."""

    def __init__(self, **kwargs):
        super().__init__(Persoon, "naam", **kwargs)
        self.voorraad: dict[str, list[Persoon]] | None = None

    def voorraad_laden(self, waarden) -> None:
        namen = {persoonsnaam(w) for w in waarden if w is not None and str(w).strip()}
        self.voorraad = defaultdict(list)
        for persoon in Persoon.objects.filter(naam__in=namen):
            self.voorraad[persoon.naam].append(persoon)

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        naam = persoonsnaam(value)
        gevonden = (
            self.voorraad.get(naam, [])
            if self.voorraad is not None
            else list(Persoon.objects.filter(naam=naam)[:2])
        )
        if len(gevonden) > 1:
            raise ValueError(
                _("er zijn meer personen met de naam %(naam)s; leg de zetel in het beheer vast.")
                % {"naam": repr(naam)}
            )
        if gevonden:
            return gevonden[0]
        persoon = Persoon(naam=naam)
        try:
            persoon.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as fout:
            raise ValueError(
                _("persoon %(naam)s: %(fouten)s")
                % {"naam": repr(naam), "fouten": " ".join(fout.messages)}
            ) from None
        if self.voorraad is not None:
            self.voorraad[naam].append(persoon)
        return persoon


class KeuzeWidget(widgets.Widget):
    """One value from a TextChoices vocabulary: the code or the label, any case."""

    def __init__(self, keuzes, **kwargs):
        self.keuzes = keuzes
        super().__init__(**kwargs)

    @functools.cached_property
    def _codes(self) -> dict[str, str]:
        codes = {}
        for code, label in self.keuzes.choices:
            codes.setdefault(str(label).lower(), code)
            codes[str(code).lower()] = code
        return codes

    def _zoek(self, value: str) -> str:
        code = self._codes.get(value.strip().lower())
        if code is None:
            keuzes = ", ".join(self.keuzes.values)
            raise ValueError(
                _("%(waarde)s is geen geldige keuze; gebruik een van: %(keuzes)s.")
                % {"waarde": repr(value), "keuzes": keuzes}
            )
        return code

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        return self._zoek(str(value))

    def render(self, value, obj=None, **kwargs):
        return value or ""


class KeuzeOfLeegWidget(KeuzeWidget):
    """One value from a vocabulary, or an empty cell for "not recorded" (a text field that may
    be blank, never None)."""

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs) or ""


class KeuzelijstWidget(KeuzeWidget):
    """Several values from a vocabulary, separated by commas."""

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return []
        return [self._zoek(deel) for deel in str(value).split(",") if deel.strip()]

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or [])


class JaNeeWidget(widgets.Widget):
    """ja/nee (also 1/0, true/false, waar/onwaar); empty means onbekend."""

    JA = {"ja", "j", "1", "true", "waar", "yes"}
    NEE = {"nee", "n", "0", "false", "onwaar", "no"}

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        if isinstance(value, bool):
            return value
        tekst = str(value).strip().lower()
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        raise ValueError(_("%(waarde)s is geen ja of nee.") % {"waarde": repr(value)})

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else ("ja" if value else "nee")


class WaardeWidget(widgets.Widget):
    """A column exported as the value itself (a number); no value is an empty cell."""

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class BedragWidget(WaardeWidget):
    """Euro amounts as numbers or Dutch text (123456,78, 1.234,56, € 1.234,56, 1234.56),
    read by the one parser of amounts; an ambiguous value (1.234) is refused."""

    def clean(self, value, row=None, **kwargs):
        try:
            return bedrag_lezen(value)
        except Bedragfout as fout:
            raise ValueError(fout.messages[0]) from None


class ProcentWidget(WaardeWidget):
    """A percentage (verdeelsleutel) with up to four decimals: 12,5 or 12.5 (not an amount:
    no thousands)."""

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return Decimal(str(value))
        tekst = str(value).replace("%", "").replace(" ", "").replace("\u00a0", "").strip()
        try:
            getal = Decimal(tekst.replace(",", "."))
        except InvalidOperation:
            getal = None
        if getal is None or not getal.is_finite():
            raise ValueError(
                _("%(waarde)s is geen percentage (bijvoorbeeld 12,5).") % {"waarde": repr(value)}
            )
        return getal


class ZichtbaarWidget(widgets.CharWidget):
    """Text as it shows: without the characters that show nothing and without white space at
    its ends, the rule every write applies (models.basis.ZichtbareTekst). Cleaned here too, so
    that the preview counts a cell that differs from the stored text only in those as
    unchanged rather than as a change that saving would undo."""

    def clean(self, value, row=None, **kwargs):
        tekst = super().clean(value, row, **kwargs)
        return zichtbaar(tekst).strip() if isinstance(tekst, str) else tekst


class LeegIsNoneWidget(ZichtbaarWidget):
    """Text where an empty cell means "not set" (None), for optional unique codes."""

    def clean(self, value, row=None, **kwargs):
        return None if leeg(value) else super().clean(value, row, **kwargs) or None


class UuidWidget(widgets.Widget):
    """The public key of a row; an empty cell means a new row."""

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        if isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(str(value).strip())
        except ValueError:
            raise ValueError(
                _("%(waarde)s is geen geldige uuid.") % {"waarde": repr(value)}
            ) from None


class GetalWidget(WaardeWidget):
    """A whole number: a number cell of a spreadsheet, or text of digits, one rule for every
    whole-number column (docs/import.md, "Getallen").

    With `duizendtallen` (counts: stemmen, aandelen, maanden) a point or a space groups the
    digits by three the Dutch way: `1.000` and `1 000` are a thousand, never one. A point is
    never a decimal point here and a comma never groups thousands, so `12.5`, `1,5`, `1,000` and
    `0.500` are refused, not guessed. Without it (a year, a code) only digits are read: `2.025`
    is refused. `fout` is the Dutch message (gettext, with `%(waarde)s`) that says what to
    write."""

    AANTAL = gettext_lazy("%(waarde)s is geen geheel getal (bijvoorbeeld 12500 of 12.500).")
    JAAR = gettext_lazy(
        "%(waarde)s is geen jaartal; schrijf het jaar in cijfers zonder punt (bijvoorbeeld 2025)."
    )
    NUMMER = gettext_lazy(
        "%(waarde)s is geen nummer; schrijf alleen cijfers, zonder punt of spatie "
        "(bijvoorbeeld 12345)."
    )

    def __init__(self, *, duizendtallen: bool = True, fout: str = AANTAL, **kwargs):
        self.duizendtallen = duizendtallen
        self.fout = fout
        super().__init__(**kwargs)

    @classmethod
    def jaartal(cls) -> "GetalWidget":
        return cls(duizendtallen=False, fout=cls.JAAR)

    @classmethod
    def nummer(cls) -> "GetalWidget":
        """An identifier that is a number (roo_systeem_id): no thousands."""
        return cls(duizendtallen=False, fout=cls.NUMMER)

    def _weiger(self, value):
        return ValueError(self.fout % {"waarde": repr(value)})

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        if isinstance(value, bool):
            raise self._weiger(value)
        if isinstance(value, int):
            return value
        if isinstance(value, (float, Decimal)):  # a number cell (XLSX, ODS)
            getal = Decimal(str(value))
            if not getal.is_finite() or getal != getal.to_integral_value():
                raise self._weiger(value)
            return int(getal)
        tekst = str(value).strip().replace("\u00a0", " ").replace("\u202f", " ")
        if self.duizendtallen and re.fullmatch(r"-?[1-9]\d{0,2}(?:(\.\d{3})+|( \d{3})+)", tekst):
            tekst = tekst.replace(".", "").replace(" ", "")
        if not re.fullmatch(r"-?\d+", tekst):
            raise self._weiger(value)
        return int(tekst)


class DatumWidget(widgets.Widget):
    """Dates as spreadsheet dates, JJJJ-MM-DD or DD-MM-JJJJ."""

    def clean(self, value, row=None, **kwargs):
        if leeg(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        tekst = str(value).strip()
        if len(tekst) == 10 and tekst[4] == "-":
            try:
                return datetime.date.fromisoformat(tekst)
            except ValueError:
                pass
        for formaat in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(tekst, formaat).date()
            except ValueError:
                continue
        raise ValueError(
            _("%(waarde)s is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).")
            % {"waarde": repr(value)}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class DomeinenWidget(widgets.ManyToManyWidget):
    """Domeinen by code, comma-separated; unknown codes are an error, not silently dropped.
    The domeinen (a short list) are read once per widget."""

    def __init__(self):
        super().__init__(Domein, separator=",", field="code")

    @functools.cached_property
    def _per_code(self) -> dict[str, Domein]:
        return {d.code: d for d in Domein.objects.all()}

    def voorraad_laden(self, waarden) -> None:
        self._per_code  # noqa: B018 (read them now, once)

    def clean(self, value, row=None, **kwargs):
        # In any case: codes are stored in lower case (Domein.clean).
        codes = list(
            dict.fromkeys(c.strip().lower() for c in str(value or "").split(",") if c.strip())
        )
        onbekend = sorted(c for c in codes if c not in self._per_code)
        if onbekend:
            raise ValueError(
                " ".join(self._uitleg(c) for c in onbekend)
                + " "
                + _("De code van elk domein staat in het beheer bij Domeinen.")
            )
        return [self._per_code[c] for c in codes]

    def _uitleg(self, code: str) -> str:
        """What is wrong with an unknown code, and the code meant if it can be told: the name
        of a domein (the register's names are long, its codes made from them), or a code
        nearly like one."""
        op_naam = next((d for d in self._per_code.values() if d.naam.lower() == code), None)
        if op_naam:
            return _("„%(waarde)s” is de naam van een domein; schrijf de code: %(code)s.") % {
                "waarde": code,
                "code": op_naam.code,
            }
        bijna = difflib.get_close_matches(code, self._per_code, n=3, cutoff=0.75)
        if bijna:
            return _("onbekend domein %(code)s; bedoelt u %(bijna)s?") % {
                "code": code,
                "bijna": _(" of ").join(bijna),
            }
        return _("onbekend domein %(code)s.") % {"code": code}


# The widget of a column that a resource does not declare itself, by the kind of model field
# it fills (`get_internal_type`). Declared columns (choices, keys, a year, a code) keep their
# own widget.
WIDGET_PER_VELDSOORT = {
    "DateField": DatumWidget,
    "BooleanField": JaNeeWidget,
    "PositiveSmallIntegerField": GetalWidget,
    "PositiveBigIntegerField": GetalWidget,
    "DecimalField": BedragWidget,
}
