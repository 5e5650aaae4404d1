"""Who may do what through the API: the same rules as the admin (toegang.rechten)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.metadata import SimpleMetadata
from rest_framework.permissions import SAFE_METHODS, BasePermission

from toegang import rechten

ACTIE = {"POST": rechten.TOEVOEGEN, "PUT": rechten.WIJZIGEN, "PATCH": rechten.WIJZIGEN}


def actie(request) -> str:
    return ACTIE.get(request.method, rechten.VERWIJDEREN)


def kent_methode(view, request) -> bool:
    """Whether the view answers the request's method at all. DRF checks permissions before it
    looks for the handler; a method the view does not have must still get its 405 (with an
    Allow header), whoever asks, not a 401 or a 400 about the parameters."""
    methode = request.method.lower()
    return methode in view.http_method_names and hasattr(view, methode)


class RegisterRechten(BasePermission):
    """Everyone reads (Wgr art. 27 lid 3: the register is public). Writing needs an account
    whose role may write this kind of row, and for one row (also a new one, checked before
    it is saved) that the row belongs to the role's arrangements or gemeente."""

    message = _(
        "Uw account mag dit niet wijzigen: alleen de eigen samenwerkingsverbanden "
        "(regiosecretariaat) of de zienswijzen en raadsvergaderingen van de eigen gemeente "
        "(griffie)."
    )

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or not kent_methode(view, request):
            return True
        model = view.get_queryset().model
        return bool(request.user and request.user.is_authenticated) and rechten.mag_model(
            request.user, actie(request), model
        )

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or rechten.mag(request.user, actie(request), obj)


class RegisterMetadata(SimpleMetadata):
    """OPTIONS lists under `actions` the writing methods the caller may use on this address,
    with the fields each takes. DRF probes POST and PUT; PATCH needs the same permission as
    PUT (ACTIE) and takes the same fields, each optional."""

    def determine_actions(self, request, view):
        actions = super().determine_actions(request, view)
        if "PUT" in actions and "PATCH" in view.allowed_methods:
            actions["PATCH"] = {
                naam: {**info, "required": False} for naam, info in actions["PUT"].items()
            }
        return actions
