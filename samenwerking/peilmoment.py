"""The moment a reader looks at: the bounds of a peildatum and a jaar, and the form fields that
parse them for pages and API filters (the API's own fields: api/base.py, DatumField and
JaarField).

The register computes with dates around the one asked for (the day after, the year after); a
date like 9999-12-31 made that overflow ("year 10000 is out of range", a 500). Every date and
year a visitor gives is therefore parsed by one of these fields, with the same bounds as a
stored jaar (models.JAAR_VALIDATORS) and a stored date (models.RegisterModel.clean_fields),
and refused with a Dutch message otherwise.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

JAAR_MIN, JAAR_MAX = 1900, 2100
DATUM_MIN, DATUM_MAX = datetime.date(JAAR_MIN, 1, 1), datetime.date(JAAR_MAX, 12, 31)
# The same bounds as a pattern, for the OpenAPI document (a date is a string there).
DATUM_PATROON = r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

DATUM_BUITEN_BEREIK = _("Kies een datum van 1900-01-01 tot en met 2100-12-31.")
JAAR_FOUTEN = {
    "invalid": _("Jaar: vul een jaartal in, bijvoorbeeld 2025."),
    "min_value": _("Jaar: moet 1900 of later zijn."),
    "max_value": _("Jaar: moet 2100 of eerder zijn."),
}


def binnen_bereik(datum: datetime.date) -> bool:
    return DATUM_MIN <= datum <= DATUM_MAX


class DatumVeld(forms.DateField):
    """A date from 1900-01-01 up to and including 2100-12-31. `error_messages` may give its
    own text for `buiten_bereik`, e.g. one that names the field."""

    default_error_messages = {"buiten_bereik": DATUM_BUITEN_BEREIK}

    def validate(self, value):
        super().validate(value)
        if value is not None and not binnen_bereik(value):
            raise ValidationError(self.error_messages["buiten_bereik"], code="buiten_bereik")


class JaarVeld(forms.IntegerField):
    """A year from 1900 up to and including 2100."""

    default_error_messages = JAAR_FOUTEN

    def __init__(self, **kwargs):
        super().__init__(min_value=JAAR_MIN, max_value=JAAR_MAX, **kwargs)
