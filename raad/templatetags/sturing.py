"""Filters for the raad's steering (kaders, doelen en prestaties)."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from samenwerking.tekst import getal_tekst

register = template.Library()


@register.filter
def indicatorwaarde(waarde: Decimal | None) -> str:
    """An indicator's value with only the decimals that are there, the Dutch way (1.234,5);
    `onbekend` when there is none."""
    return _("onbekend") if waarde in (None, "") else getal_tekst(waarde)
