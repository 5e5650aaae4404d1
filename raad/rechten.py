"""Who may handle which gemeente's zienswijzen: the one hook for per-gemeente permissions.

Today every staff user with the model permission may handle every gemeente (Django's own
model permissions still apply). The security issue narrows `beheerbare_gemeenten`, e.g. to the
gemeenten of the user's griffie; the admin (and later the API) already asks through these
functions, so nothing else has to change.
"""

from django.db.models import QuerySet

from samenwerking.models import Gemeente


def beheerbare_gemeenten(user) -> QuerySet[Gemeente] | None:
    """The gemeenten whose zienswijzen `user` may see and edit; None means all."""
    return None


def beperk_tot_gemeenten(queryset: QuerySet, user, *, veld: str = "gemeente") -> QuerySet:
    """`queryset` narrowed to rows whose `veld` is a gemeente `user` may handle."""
    gemeenten = beheerbare_gemeenten(user)
    return queryset if gemeenten is None else queryset.filter(**{f"{veld}__in": gemeenten})


def mag_gemeente_beheren(user, gemeente: Gemeente) -> bool:
    gemeenten = beheerbare_gemeenten(user)
    return gemeenten is None or gemeenten.filter(pk=gemeente.pk).exists()
