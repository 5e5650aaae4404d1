"""No lost updates: every writable resource has an ETag, and a change must name it in
If-Match. Missing If-Match is 428, another version 412 with the current ETag in the body.

The ETag is derived from `updated_at`, which every save sets (also the bulk services); the
check reads the stored value under a row lock, so two writers with the same ETag cannot both
pass it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException


def etag(instance) -> str:
    """A strong ETag: the microseconds of the last change, in hex, quoted."""
    return f'"{int(instance.updated_at.timestamp() * 1_000_000):x}"'


class IfMatchOntbreekt(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "if_match_ontbreekt"
    default_detail = _(
        "Stuur bij een wijziging de kop If-Match mee met de ETag die u bij het opvragen van dit "
        "object kreeg; zo overschrijft u geen wijziging van een ander."
    )


class VersieVerouderd(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "versie_verouderd"
    default_detail = _(
        "Dit object is gewijzigd sinds u het opvroeg (de ETag in If-Match is niet meer de "
        "actuele). Vraag het opnieuw op, neem de wijziging over en stuur de nieuwe ETag mee."
    )

    def __init__(self, actueel: str):
        super().__init__()
        self.extra = {"actueleVersie": actueel}
        self.headers = {"ETag": actueel}


def _genoemd(kop: str) -> set[str]:
    return {deel.strip().removeprefix("W/") for deel in kop.split(",") if deel.strip()}


def controleer_if_match(request, instance) -> None:
    """Raise 428 or 412 unless If-Match names the stored version of `instance` (or is *).
    Locks the row until the end of the transaction."""
    kop = request.headers.get("If-Match")
    if not kop:
        raise IfMatchOntbreekt()
    opgeslagen = type(instance).objects.select_for_update().get(pk=instance.pk)
    actueel = etag(opgeslagen)
    genoemd = _genoemd(kop)
    if "*" not in genoemd and actueel not in genoemd:
        raise VersieVerouderd(actueel)
