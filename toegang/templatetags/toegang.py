import datetime

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duur(waarde) -> str:
    """A lockout's length in Dutch words: `1 uur`, `30 minuten`, `1 uur en 30 minuten`."""
    if not isinstance(waarde, datetime.timedelta):
        return str(waarde)
    minuten = max(1, round(waarde.total_seconds() / 60))
    uren, minuten = divmod(minuten, 60)
    delen = []
    if uren:
        delen.append(ngettext("%(n)s uur", "%(n)s uur", uren) % {"n": uren})
    if minuten:
        delen.append(ngettext("%(n)s minuut", "%(n)s minuten", minuten) % {"n": minuten})
    return _(" en ").join(delen)
