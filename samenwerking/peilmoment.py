"""The moment a reader looks at: the bounds of a peildatum and a jaar, and the form fields that
parse them for pages and API filters (the API's own fields: api/base.py, DatumField and
JaarField), their messages, and what an empty one means (`peilmoment()`).

The register computes with dates around the one asked for (the day after, the year after); a
date like 9999-12-31 made that overflow ("year 10000 is out of range", a 500). Every date and
year a visitor gives is therefore parsed by one of these fields, with the same bounds as a
stored jaar (models.JAAR_VALIDATORS) and a stored date (models.basis.DatumsInBereik),
and refused with a Dutch message otherwise.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

JAAR_MIN, JAAR_MAX = 1900, 2100
DATUM_MIN, DATUM_MAX = datetime.date(JAAR_MIN, 1, 1), datetime.date(JAAR_MAX, 12, 31)
# The same bounds as a pattern, for the OpenAPI document (a date is a string there); a test
# holds it to DATUM_MIN and DATUM_MAX.
DATUM_PATROON = r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

DATUM_BUITEN_BEREIK = format_lazy(
    _("Kies een datum van {van} tot en met {tot}."), van=DATUM_MIN, tot=DATUM_MAX
)


def jaar_fouten(veld) -> dict:
    """The messages of a year parameter, naming it as the page shows it (`veld`, e.g. "Tot en
    met jaar")."""
    return {
        "invalid": format_lazy(_("{veld}: vul een jaartal in, bijvoorbeeld 2025."), veld=veld),
        "min_value": format_lazy(_("{veld}: moet {jaar} of later zijn."), veld=veld, jaar=JAAR_MIN),
        "max_value": format_lazy(
            _("{veld}: moet {jaar} of eerder zijn."), veld=veld, jaar=JAAR_MAX
        ),
    }


JAAR_FOUTEN = jaar_fouten(_("Jaar"))


def datum_fouten(veld) -> dict:
    """The messages of a date parameter, naming it (`veld`, e.g. "Peildatum"): for the pages'
    DatumVeld and the API's DatumField alike."""
    return {
        "invalid": format_lazy(_("{veld}: vul een geldige datum in (JJJJ-MM-DD)."), veld=veld),
        "buiten_bereik": format_lazy(
            _("{veld}: kies een datum van {van} tot en met {tot}."),
            veld=veld,
            van=DATUM_MIN,
            tot=DATUM_MAX,
        ),
    }


def jaar_buiten_bereik(veld):
    """The message of a stored year outside the bounds (the models' check constraints)."""
    return format_lazy(
        _("{veld}: moet tussen {van} en {tot} liggen."), veld=veld, van=JAAR_MIN, tot=JAAR_MAX
    )


def peilmoment(
    peildatum: datetime.date | None = None, jaar: int | None = None
) -> tuple[datetime.date, int]:
    """What a reader left empty, filled in the same way on every surface: the peildatum is
    today, the jaar that of the peildatum."""
    peildatum = peildatum or timezone.localdate()
    return peildatum, jaar or peildatum.year


def alleen_cijfers(waarde: str) -> bool:
    """A whole number as the API's document and the pages say one (a page, a year): the digits
    0-9 only. Python would also read "2025.0", " 2025", "+2025", full-width "２０２５" and "²"
    (the last as a 500)."""
    return waarde.isascii() and waarde.isdigit()


def binnen_bereik(datum: datetime.date) -> bool:
    return DATUM_MIN <= datum <= DATUM_MAX


class DatumVeld(forms.DateField):
    """A date from 1900-01-01 up to and including 2100-12-31. `error_messages` may give its
    own text for `buiten_bereik`, e.g. one that names the field."""

    default_error_messages = {"buiten_bereik": DATUM_BUITEN_BEREIK}
    # For the page's <input type="date" min max>.
    min_value, max_value = DATUM_MIN, DATUM_MAX

    def validate(self, value):
        super().validate(value)
        if value is not None and not binnen_bereik(value):
            raise ValidationError(self.error_messages["buiten_bereik"], code="buiten_bereik")


class JaarInvoer(forms.TextInput):
    """A year typed as text, with the digits keyboard. Not a number input: in a form that
    skips the browser's checks (the admin's, the pages'), a number input sends "20x5" as
    empty, which silently clears an optional year; as text it reaches the field, which says
    in Dutch what is wrong."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "numeric", "autocomplete": "off", "size": 6, **(attrs or {})}
        )


class JaarVeld(forms.IntegerField):
    """A year from 1900 up to and including 2100, in the digits 0-9 (`alleen_cijfers`): the
    one year field of the pages' forms, the API's filters and the export command. Its
    messages say "Jaar"; a page field with another label gives `jaar_fouten(label)`."""

    default_error_messages = JAAR_FOUTEN
    widget = JaarInvoer

    def __init__(self, **kwargs):
        super().__init__(min_value=JAAR_MIN, max_value=JAAR_MAX, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value and not alleen_cijfers(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
