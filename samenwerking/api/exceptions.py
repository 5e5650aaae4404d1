"""Every API error as application/problem+json (RFC 9457), in Dutch.

A validation error lists each parameter or field in `invalidParams` under the name the client
used; errors of a whole object are named `nonFieldErrors`.
"""

import math

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import serializers
from rest_framework.exceptions import NotAcceptable, Throttled, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from .base import CamelSerializer

PROBLEMEN = {
    400: ("ongeldige-invoer", _("Ongeldige invoer")),
    401: ("niet-aangemeld", _("Niet aangemeld")),
    403: ("geen-toestemming", _("Geen toestemming")),
    404: ("niet-gevonden", _("Niet gevonden")),
    405: ("methode-niet-toegestaan", _("Methode niet toegestaan")),
    406: ("formaat-niet-beschikbaar", _("Gevraagd formaat niet beschikbaar")),
    412: ("versie-verouderd", _("Object intussen gewijzigd")),
    413: ("te-groot", _("Invoer te groot")),
    415: ("formaat-niet-ondersteund", _("Formaat van de invoer niet ondersteund")),
    428: ("if-match-ontbreekt", _("If-Match ontbreekt")),
    429: ("te-veel-verzoeken", _("Te veel verzoeken")),
}
ALGEMENE_FOUT = "nonFieldErrors"
# DRF's own details that are untranslated or do not say what to do instead, by code.
DETAILS = {
    "parse_error": _("De invoer is geen geldige JSON."),
    "not_authenticated": _(
        "Lezen kan zonder account; voor een wijziging stuurt u het token van uw account mee "
        "in de kop Authorization: Token <token>."
    ),
    # Every reason DRF's TokenAuthentication gives ("Ongeldige token.", a malformed header,
    # an inactive account) has this code.
    "authentication_failed": _(
        "Het token in de kop Authorization is onbekend, ingetrokken of van een account dat niet "
        "meer actief is. Stuur Authorization: Token <token> met een geldig token; lezen kan "
        "ook zonder token."
    ),
    "unsupported_media_type": _(
        "Stuur de invoer als JSON, met de kop Content-Type: application/json."
    ),
}


class ProblemenInJson:
    """For a view that renders something else than JSON (a spreadsheet, YAML): its problems
    are JSON all the same, as their Content-Type says (the 406 of /api/v1/openapi.yaml was
    written in YAML)."""

    def handle_exception(self, exc):
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


def _detail(exc, response, context) -> str:
    if isinstance(exc, ValidationError):
        return str(_("Een of meer parameters of velden zijn ongeldig."))
    if isinstance(exc, Throttled):
        # DRF's Dutch is "Aanvraag was verstikt." with an English "Expected available in …".
        seconden = math.ceil(exc.wait or 1)
        return ngettext(
            "Te veel verzoeken zonder account. Probeer het over %(n)d seconde opnieuw, of "
            "gebruik een token.",
            "Te veel verzoeken zonder account. Probeer het over %(n)d seconden opnieuw, of "
            "gebruik een token.",
            seconden,
        ) % {"n": seconden}
    if isinstance(exc, NotAcceptable):
        formaten = ", ".join(r.media_type for r in context["view"].renderer_classes)
        return str(
            _(
                "Dit adres levert: %(formaten)s. Vraag een daarvan in de Accept-kop, of laat "
                "hem weg."
            )
            % {"formaten": formaten}
        )
    detail = response.data["detail"]  # also for Django's Http404 and PermissionDenied
    return str(DETAILS.get(detail.code, detail))


def probleem_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's 500
    soort, titel = PROBLEMEN.get(response.status_code, ("fout", _("Fout")))
    validatie = isinstance(exc, ValidationError)
    probleem = {
        "type": f"urn:regioreg:probleem:{soort}",
        "title": str(titel),
        "status": response.status_code,
        "detail": _detail(exc, response, context),
        "instance": context["request"].path,
    }
    if validatie:
        probleem["invalidParams"] = list(ongeldige_parameters(exc.detail))
    probleem.update(getattr(exc, "extra", {}))
    for kop, waarde in getattr(exc, "headers", {}).items():
        response[kop] = waarde
    response.data = probleem
    response.content_type = "application/problem+json"
    return response


def ongeldige_parameters(detail, naam: str = ""):
    """Flatten DRF's nested error detail to {name, code, reason}; nested names get dots."""
    if isinstance(detail, dict):
        for sleutel, fouten in detail.items():
            deel = str(sleutel)
            if deel in (NON_FIELD_ERRORS, api_settings.NON_FIELD_ERRORS_KEY):
                deel = ALGEMENE_FOUT
            yield from ongeldige_parameters(fouten, f"{naam}.{deel}" if naam else deel)
    elif isinstance(detail, list):
        for fout in detail:
            yield from ongeldige_parameters(fout, naam)
    else:
        yield {"name": naam or ALGEMENE_FOUT, "code": detail.code, "reason": str(detail)}


# --- The same shape for the OpenAPI document (schema.py) ---------------------------------------


class OngeldigeParameterSerializer(CamelSerializer):
    name = serializers.CharField(help_text=_("Naam van de parameter of het veld."))
    code = serializers.CharField(help_text=_("Code van de fout, voor software."))
    reason = serializers.CharField(help_text=_("Wat er mis is, in het Nederlands."))


class ProbleemSerializer(CamelSerializer):
    type = serializers.CharField(help_text=_("Soort probleem (URN)."))
    title = serializers.CharField(help_text=_("Korte omschrijving van de soort probleem."))
    status = serializers.IntegerField(help_text=_("De HTTP-statuscode."))
    detail = serializers.CharField(help_text=_("Uitleg bij dit geval."))
    instance = serializers.CharField(help_text=_("Het pad van het verzoek."))
    invalid_params = OngeldigeParameterSerializer(
        many=True, required=False, help_text=_("Per parameter of veld wat er ongeldig is.")
    )
    actuele_versie = serializers.CharField(
        required=False,
        help_text=_("Bij 412: de actuele ETag van het object, voor een nieuwe poging."),
    )
