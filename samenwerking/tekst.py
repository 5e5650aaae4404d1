"""A date, a number, an amount and the register's running text as a person reads them, in
Dutch: one way for pages, spreadsheets, messages, import reports and the import preview
alike."""

import datetime
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _


def datum_tekst(d: datetime.date | None) -> str:
    """1 januari 2027; `onbekend` without a date."""
    return date_format(d, "j F Y") if d else _("onbekend")


def nederlands_getal(waarde: Decimal, decimalen: int) -> str:
    """1234567.891 -> 1.234.567,89: Dutch grouping and decimal comma (the site is Dutch only;
    this is the hot path of every money column, so no locale lookups)."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def euro_tekst(bedrag: Decimal, decimalen: int) -> str:
    """€ 1.234,56 (rounded half up to `decimalen`), a minus sign before the euro sign."""
    teken = "−" if bedrag < 0 else ""
    afgerond = abs(bedrag).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return f"{teken}€ {nederlands_getal(afgerond, decimalen)}"


def getal_tekst(waarde: Decimal) -> str:
    """1234.500 -> 1.234,5: a number with only the decimals it has (a percentage, an
    indicator's value, a stored decimal in the history list), Dutch grouping and decimal
    comma, a minus sign (−) before it."""
    genormaliseerd = waarde.normalize()
    decimalen = max(0, -genormaliseerd.as_tuple().exponent)
    tekst = nederlands_getal(abs(genormaliseerd), decimalen)
    return f"−{tekst}" if genormaliseerd < 0 else tekst


def procent_tekst(waarde: Decimal) -> str:
    """12.5000 -> 12,5%: a percentage as `getal_tekst` writes the number, with the sign after
    it (the pages' `procent` filter writes it so too)."""
    return f"{getal_tekst(waarde)}%"


def _keuzefout(veld, waarden: tuple[str, ...]) -> str:
    *eerst, laatste = waarden
    return _("%(veld)s: kies %(eerst)s of %(laatste)s.") % {
        "veld": veld,
        "eerst": ", ".join(eerst),
        "laatste": laatste,
    }


_keuzefout_lazy = lazy(_keuzefout, str)


def keuzefout(veld, waarden: Iterable[str]):
    """The message for a value that is not one of `waarden`, naming the field, e.g. "Formaat:
    kies html, xlsx, csv, ods of json."; translated when shown. For the pages' forms, the
    API's parameters and the API's fields alike."""
    return _keuzefout_lazy(veld, tuple(str(w) for w in waarden))


# The national register's export has lost the line breaks of many a list in a doel or an
# article: "…realiseren door:- de kosten te verlagen;- de kwaliteit te verhogen", "…zijn
# opgedragen.2. De dienst verleent…", "…op de volgende terreinen:a. brandweerzorg;b. …".
_GEPLAKT_OPSOMMINGSTEKEN = re.compile(r"(?<=[:;])[ \t]*-[ \t\xad]*(?=\S)")  # \xad: soft hyphen
# Where a glued member, item or paragraph begins: a member number right after a word's full
# stop, colon or semicolon, before a capital (after a digit it would be a section, "4.2.", or an
# amount); a lettered item right after a word's colon or semicolon ("o.a. de" has no colon); a
# capitalised word right after a word of two letters or more and its full stop, colon or
# semicolon ("…algemeen bestuur.Wet gemeenschappelijke…", "…de ombudsman.In een apart…"; "o.a."
# and "B.V." have one letter before their stop).
_GEPLAKT_LID = re.compile(
    r"(?<=[^\W\d_][.;:])(?=\d{1,2}\.[ \t]+[A-Z])|(?<=[^\W\d_][:;])(?=[a-z]\.[ \t]+\S)"
    r"|(?<=[^\W\d_]{2}[.;:])(?=[A-Z][a-z])"
)


def opsomming(tekst: str) -> str:
    """`tekst` with each dash item that follows a colon or semicolon, each numbered member
    ("2. De …"), each lettered item ("b. de …") and each sentence ("…bestuur.De …") glued to
    the text before it on a line of its own: for showing (the pages' `opsomming` filter,
    with linebreaksbr after it) and the spreadsheets' cells; what is stored, and the JSON
    open data, stay as the register wrote it."""
    tekst = _GEPLAKT_OPSOMMINGSTEKEN.sub("\n- ", str(tekst or ""))  # str: a lazy default too
    return _GEPLAKT_LID.sub("\n", tekst)
