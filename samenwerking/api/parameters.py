"""Query parameters of the API's own actions that hold a date or a year: the same bounds and
messages as the pages and filters (samenwerking.peilmoment), and a schema that says them, so
that the OpenAPI document refuses what the API refuses."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenwerking.peilmoment import (
    DATUM_BUITEN_BEREIK,
    DATUM_PATROON,
    JAAR_FOUTEN,
    JAAR_MAX,
    JAAR_MIN,
    binnen_bereik,
)

from .namen import ONGELDIGE_DATUM


@extend_schema_field({"type": "string", "format": "date", "pattern": DATUM_PATROON})
class DatumParameter(serializers.DateField):
    """An ISO date from 1900-01-01 up to and including 2100-12-31."""

    default_error_messages = {"invalid": ONGELDIGE_DATUM, "buiten_bereik": DATUM_BUITEN_BEREIK}

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def to_internal_value(self, value):
        datum = super().to_internal_value(value)
        if not binnen_bereik(datum):
            self.fail("buiten_bereik")
        return datum


class JaarParameter(serializers.IntegerField):
    """A year from 1900 up to and including 2100."""

    default_error_messages = JAAR_FOUTEN

    def __init__(self, **kwargs):
        super().__init__(min_value=JAAR_MIN, max_value=JAAR_MAX, **kwargs)
