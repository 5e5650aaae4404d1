"""No lost updates: every writable resource has an ETag, and a change must name it in
If-Match. Missing If-Match is 428, a header that is no ETag 400, another version 412 with the
current ETag in the body.

The ETag is derived from `updated_at`, which every save sets (also the bulk services); the
check reads the stored value under a row lock, so two writers with the same ETag cannot both
pass it.
"""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException, ErrorDetail, ValidationError


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


# An entity tag as RFC 9110 writes one: optionally weak, always between double quotes.
_ETAG = re.compile(r'(W/)?"[\x21\x23-\x7e\x80-\xff]*"')
ONGELDIGE_ETAG = _(
    "Dit is geen ETag. Stuur in If-Match de ETag precies zoals de kop ETag hem gaf, met de "
    'aanhalingstekens (bijvoorbeeld If-Match: "661bd773d0030"), of * als u bewust elke versie '
    "overschrijft."
)


def _genoemd(kop: str) -> set[str]:
    """The versions If-Match names; a 400 for anything that is not an ETag (a 412 would say
    the object changed, which it need not have)."""
    genoemd = {deel.strip() for deel in kop.split(",") if deel.strip()}
    if any(deel != "*" and not _ETAG.fullmatch(deel) for deel in genoemd):
        raise ValidationError({"If-Match": [ErrorDetail(ONGELDIGE_ETAG, code="ongeldige_etag")]})
    return {deel.removeprefix("W/") for deel in genoemd}


def controleer_if_match(request, instance) -> None:
    """Raise 428, 400 or 412 unless If-Match names the stored version of `instance` (or is
    *). Locks the row until the end of the transaction."""
    kop = request.headers.get("If-Match")
    if not kop:
        raise IfMatchOntbreekt()
    genoemd = _genoemd(kop)
    opgeslagen = type(instance).objects.select_for_update().get(pk=instance.pk)
    actueel = etag(opgeslagen)
    if "*" not in genoemd and actueel not in genoemd:
        raise VersieVerouderd(actueel)
