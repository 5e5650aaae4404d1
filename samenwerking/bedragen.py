"""Amounts in euros as people type them: the one parser of money in regioreg.

The admin's form fields (`BedragVeld`), the spreadsheet import (`resources.widgets.BedragWidget`)
and the bijdragen grid all read an amount with `bedrag_lezen`; `static/beheer/bedrag.js`
applies the same rule in the browser only to show what will be understood before saving (the
server decides).

The rule (docs/handleiding-beheer.md, "Bedragen"):
- `€`, `EUR`, spaces and a leading `-` (or `−`) are allowed around the digits.
- A comma is a decimal comma: `123456,78`, `1.234,56` (dots before it group by three).
- A point with one or two digits after it is a decimal point: `1234.56`, `1234.5`.
- Points (or commas, in `1,234,567.89`) that group the digits by three are thousands
  separators when that can only be meant one way: several of them (`1.234.567`), or followed
  by the other sign (`1.234,56`, `1,234.56`).
- One separator with exactly three digits after it (`1.234`, `1,234`) is ambiguous (a thousand
  or one euro and a bit) and refused: write `1234`, `1.234,00` or `1,234` as `1,23`.
- At most two decimals (cents).
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
VOORBEELD = "1.234,56"

_OMHULSEL = re.compile(r"^(?:€|eur\b|euro\b)?\s*(?P<teken>[-−])?\s*(?:€|eur\b|euro\b)?\s*")


class Bedragfout(ValidationError):
    """An amount that cannot be read, or only in more than one way."""


def _fout(waarde: str, code: str, reden: str) -> Bedragfout:
    return Bedragfout(
        _("„%(waarde)s” is geen eenduidig bedrag: %(reden)s Voorbeeld: %(voorbeeld)s.")
        % {"waarde": waarde, "reden": reden, "voorbeeld": VOORBEELD},
        code=code,
    )


def _gegroepeerd(deel: str, sep: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", deel))


def bedrag_lezen(waarde) -> Decimal | None:
    """An amount in euros from what a person typed or a spreadsheet holds; None when empty.
    Raises `Bedragfout` (a ValidationError, code `bedrag_*`) with a Dutch message that says
    what to write instead."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise _fout(str(waarde), "bedrag_ongeldig", _("dit is geen getal."))
    if isinstance(waarde, (int, float, Decimal)):
        getal = Decimal(str(waarde))
        if not getal.is_finite():
            raise _fout(str(waarde), "bedrag_ongeldig", _("dit is geen getal."))
        return _centen(getal, str(waarde), uit_spreadsheet=True)
    origineel = str(waarde).strip()
    tekst = origineel.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not tekst:
        return None
    tekst = tekst.lower()
    gevonden = _OMHULSEL.match(tekst)
    negatief = bool(gevonden.group("teken"))
    tekst = tekst[gevonden.end() :]
    tekst = re.sub(r"\s*(?:€|eur|euro)$", "", tekst).replace(" ", "")
    hele_euros = tekst.endswith(",-")  # € 1.234,- : whole euros, points group thousands
    if hele_euros:
        tekst = tekst[:-2]
    if not re.fullmatch(r"[\d.,]+", tekst) or not re.search(r"\d", tekst):
        raise _fout(origineel, "bedrag_ongeldig", _("er staan tekens in die geen bedrag zijn."))
    punten, kommas = tekst.count("."), tekst.count(",")
    if punten and kommas:
        decimaal = "," if tekst.rfind(",") > tekst.rfind(".") else "."
        duizend = "." if decimaal == "," else ","
        geheel, _sep, breuk = tekst.rpartition(decimaal)
        if tekst.count(decimaal) > 1 or not _gegroepeerd(geheel, duizend):
            raise _fout(
                origineel,
                "bedrag_ongeldig",
                _("punten en komma's staan niet op de plaats van duizendtallen en centen."),
            )
        getal_tekst = geheel.replace(duizend, "") + "." + breuk
    elif punten or kommas:
        sep = "." if punten else ","
        aantal = punten or kommas
        geheel, _sep, breuk = tekst.rpartition(sep)
        if aantal > 1:
            if not _gegroepeerd(tekst, sep):
                raise _fout(
                    origineel,
                    "bedrag_ongeldig",
                    _("de scheidingstekens staan niet op de plaats van duizendtallen."),
                )
            getal_tekst = tekst.replace(sep, "")
        elif hele_euros and sep == "." and _gegroepeerd(tekst, sep):
            getal_tekst = tekst.replace(sep, "")
        elif hele_euros:
            raise _fout(origineel, "bedrag_ongeldig", _("na ,- volgen geen centen meer."))
        elif len(breuk) == 3 and geheel and len(geheel) <= 3 and geheel != "0":
            raise _fout(
                origineel,
                "bedrag_dubbelzinnig",
                _(
                    "zijn de drie cijfers na het scheidingsteken duizendtallen of decimalen? "
                    "Schrijf hele euro's zonder scheidingsteken (1234) of met centen (1.234,00)."
                ),
            )
        else:
            getal_tekst = (geheel or "0") + "." + breuk
    else:
        getal_tekst = tekst
    try:
        getal = Decimal(getal_tekst)
    except InvalidOperation:
        raise _fout(origineel, "bedrag_ongeldig", _("dit is geen getal.")) from None
    return _centen(-getal if negatief else getal, origineel)


def _centen(getal: Decimal, origineel: str, *, uit_spreadsheet: bool = False) -> Decimal:
    """`uit_spreadsheet`: a number, not text (a spreadsheet cell read by the import), which
    may hold more decimals than the spreadsheet shows (€ 33,33 for =100/3): the message says
    how to round there."""
    if getal != getal.quantize(CENT, rounding=ROUND_HALF_UP):
        reden = _("een bedrag heeft hoogstens twee decimalen (centen).")
        if uit_spreadsheet:
            reden = _(
                "een bedrag heeft hoogstens twee decimalen (centen). Een spreadsheetcel kan meer "
                "decimalen bevatten dan zij toont (€ 33,33 voor =100/3): rond daar af met "
                "=AFRONDEN(…;2)."
            )
        raise _fout(origineel, "bedrag_te_precies", reden)
    return getal.quantize(CENT)


def bedrag_tonen(bedrag: Decimal | None) -> str:
    """€ 1.234,56 (− € 12,00 for a negative amount); empty for no amount."""
    if bedrag is None:
        return ""
    teken = "− " if bedrag < 0 else ""
    afgerond = abs(bedrag).quantize(CENT, rounding=ROUND_HALF_UP)
    geheel, breuk = f"{afgerond:.2f}".split(".")
    groepen = f"{int(geheel):,}".replace(",", ".")
    return f"{teken}€ {groepen},{breuk}"


def bedrag_invoer(bedrag: Decimal | None) -> str:
    """An amount as a form shows it for editing: 1234,56 (no thousands separator, so that it
    reads back the same)."""
    if bedrag is None:
        return ""
    return f"{bedrag.quantize(CENT):.2f}".replace(".", ",")


def tienvoud(nieuw: Decimal | None, vorig: Decimal | None) -> bool:
    """Does `nieuw` differ more than tenfold from `vorig` (either way)? Unknown or zero
    amounts are not compared."""
    if nieuw is None or vorig is None or not nieuw or not vorig:
        return False
    verhouding = abs(nieuw) / abs(vorig)
    return verhouding > 10 or verhouding < Decimal("0.1")


# --- In forms -----------------------------------------------------------------------------------


class BedragInvoer(forms.TextInput):
    """A text input for an amount, with room next to it where `beheer/bedrag.js` shows what
    will be understood (`€ 1.234,56`) or why it cannot be; without JavaScript the server's
    reading shows after saving."""

    class Media:
        js = ["beheer/bedrag.js"]
        css = {"all": ["beheer/werkplek.css"]}

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", "size": 14, **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, Decimal):
            return bedrag_invoer(value)
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        uitleg_id = f"{attrs.get('id') or name}_begrepen"
        bestaand = attrs.get("aria-describedby")
        attrs["aria-describedby"] = f"{bestaand} {uitleg_id}" if bestaand else uitleg_id
        attrs["data-bedrag"] = "ja"
        try:
            begrepen = bedrag_tonen(bedrag_lezen(value))
        except Bedragfout:
            begrepen = ""
        return format_html(
            '{}<output class="bedrag-begrepen" id="{}" aria-live="polite">{}</output>',
            super().render(name, value, attrs, renderer),
            uitleg_id,
            begrepen,
        )


class BedragVeld(forms.Field):
    """A form field for an amount in euros, read by `bedrag_lezen`; the message names the
    field."""

    widget = BedragInvoer

    def __init__(self, *, max_digits: int = 15, **kwargs):
        for overbodig in ("decimal_places", "max_value", "min_value", "step_size", "localize"):
            kwargs.pop(overbodig, None)
        self.max_digits = max_digits
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            bedrag = bedrag_lezen(value)
        except Bedragfout as fout:
            naam = capfirst(str(self.label)) if self.label else _("Bedrag")
            raise ValidationError(f"{naam}: {fout.messages[0]}", code=fout.code) from None
        if bedrag is not None and len(bedrag.as_tuple().digits) > self.max_digits:
            raise ValidationError(
                _("%(naam)s: dit bedrag is te groot (hoogstens %(n)s cijfers).")
                % {"naam": capfirst(str(self.label or _("bedrag"))), "n": self.max_digits},
                code="bedrag_te_groot",
            )
        return bedrag

    def has_changed(self, initial, data):
        try:
            return bedrag_lezen(initial) != bedrag_lezen(data)
        except Bedragfout:
            return True


def is_bedrag(db_field) -> bool:
    """Is this model field an amount in euros (a decimal with cents)?"""
    return isinstance(db_field, models.DecimalField) and db_field.decimal_places == 2


def bedragveld(db_field, **kwargs) -> BedragVeld:
    """The form field for a model's amount field, as the admin and the grid use it."""
    opties = {
        "required": not db_field.blank,
        "label": capfirst(db_field.verbose_name),
        "help_text": db_field.help_text,
    }
    opties.update({k: v for k, v in kwargs.items() if k in opties or k == "initial"})
    return BedragVeld(max_digits=db_field.max_digits, **opties)
