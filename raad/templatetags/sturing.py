"""Filters for the raad's steering (kaders, doelen en prestaties)."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from samenwerking.tekst import nederlands_getal

register = template.Library()


@register.filter
def indicatorwaarde(waarde: Decimal | None) -> str:
    """An indicator's value with only the decimals that are there, the Dutch way (1.234,5);
    `onbekend` when there is none."""
    if waarde in (None, ""):
        return _("onbekend")
    genormaliseerd = waarde.normalize()
    decimalen = max(0, -genormaliseerd.as_tuple().exponent)
    tekst = nederlands_getal(abs(genormaliseerd), decimalen)
    return f"−{tekst}" if genormaliseerd < 0 else tekst
