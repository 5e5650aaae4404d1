from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euro(bedrag: Decimal | None) -> str:
    """€ 1.234.567,89; `onbekend` when there is no figure (never 0)."""
    if bedrag is None:
        return _("onbekend")
    return f"€ {number_format(bedrag, decimal_pos=2, force_grouping=True)}"
