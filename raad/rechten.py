"""Who may handle which gemeente's zienswijzen: the one hook for per-gemeente permissions.

`beheerbare_gemeenten` asks toegang.rechten, the one permission module: a beheerder handles
every gemeente, a griffie only its own, other accounts none. The admin and the API ask
through these functions (Django's model permissions are the role's too, toegang.backends).
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from samenwerking.models import Gemeente
from toegang import rechten


def beheerbare_gemeenten(user) -> QuerySet[Gemeente] | None:
    """The gemeenten whose zienswijzen `user` may see and edit; None means all."""
    ids = rechten.beheerbare_gemeenten_ids(user)
    return None if ids is None else Gemeente.objects.filter(pk__in=ids)


def beperk_tot_gemeenten(queryset: QuerySet, user, *, veld: str = "gemeente") -> QuerySet:
    """`queryset` narrowed to rows whose `veld` is a gemeente `user` may handle."""
    gemeenten = beheerbare_gemeenten(user)
    return queryset if gemeenten is None else queryset.filter(**{f"{veld}__in": gemeenten})


def mag_reactie_bestuur_schrijven(user, zienswijzeverzoek) -> bool:
    """The bestuur's reply to a zienswijze is written by the regeling's side (whoever may
    change the request: its secretariaat, a beheerder), never by the raad that gave it: the API
    and the admin ask here."""
    return rechten.mag(user, rechten.WIJZIGEN, zienswijzeverzoek)


def mag_gemeente_beheren(user, gemeente: Gemeente) -> bool:
    gemeenten = beheerbare_gemeenten(user)
    return gemeenten is None or gemeenten.filter(pk=gemeente.pk).exists()


def kies_gemeente(user) -> str:
    """The message for a gemeente `user` may not choose (a forged id, an old page)."""
    gemeenten = beheerbare_gemeenten(user)
    namen = [] if gemeenten is None else list(gemeenten.values_list("naam", flat=True))
    if not namen:
        return _("Deze gemeente bestaat niet (meer). Kies een gemeente uit de lijst.")
    return _(
        "Uw account mag alleen rijen van %(namen)s vastleggen. Kies %(namen)s als gemeente; "
        "voor een andere gemeente legt haar griffie dit vast."
    ) % {"namen": " of ".join(namen)}
