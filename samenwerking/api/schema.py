"""The OpenAPI document: Dutch descriptions of operations and path parameters, and the
problem responses every operation can give."""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.permissions import SAFE_METHODS

from .exceptions import ProbleemSerializer

OMSCHRIJVINGEN = {
    "list": gettext_lazy("%(meervoud)s opvragen, per pagina en te filteren met de parameters."),
    "retrieve": gettext_lazy("%(enkelvoud)s opvragen."),
    "create": gettext_lazy(
        "%(enkelvoud)s toevoegen. Met een token van een account waarvan de rol dit mag; "
        "dezelfde controles als in het beheer."
    ),
    "update": gettext_lazy(
        "%(enkelvoud)s wijzigen (alle velden). Met een token van een account waarvan de rol dit "
        "mag, en If-Match met de ETag; dezelfde controles als in het beheer."
    ),
    "partial_update": gettext_lazy(
        "%(enkelvoud)s gedeeltelijk wijzigen. Met een token van een account waarvan de rol dit "
        "mag, en If-Match met de ETag; dezelfde controles als in het beheer."
    ),
}


class RegisterAutoSchema(AutoSchema):
    def _model(self):
        queryset = getattr(self.view, "queryset", None)
        return queryset.model if queryset is not None else None

    def get_description(self):
        model = self._model()
        actie = getattr(self.view, "action", None)
        if model is None or actie not in OMSCHRIJVINGEN:
            return super().get_description()
        return OMSCHRIJVINGEN[actie] % {
            "enkelvoud": capfirst(model._meta.verbose_name),
            "meervoud": capfirst(model._meta.verbose_name_plural),
        }

    def get_auth(self):
        """Reading needs no account (Wgr art. 27 lid 3): reads list anonymous access too."""
        auth = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auth:
            auth.append({})
        return auth

    def _lookup_parameter(self) -> OpenApiParameter | None:
        model = self._model()
        veld_naam = getattr(self.view, "lookup_field", None)
        if model is None or f"{{{veld_naam}}}" not in self.path:
            return None
        veld = model._meta.get_field(veld_naam)
        omschrijving = _("%(veld)s van een %(model)s.") % {
            "veld": capfirst(veld.verbose_name),
            "model": model._meta.verbose_name,
        }
        return OpenApiParameter(
            veld_naam,
            OpenApiTypes.UUID if isinstance(veld, models.UUIDField) else OpenApiTypes.STR,
            OpenApiParameter.PATH,
            description=f"{omschrijving} {veld.help_text}".strip(),
        )

    def get_override_parameters(self):
        lookup = self._lookup_parameter()
        extra = [lookup] if lookup else []
        if self.method in ("PUT", "PATCH"):
            extra.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    required=True,
                    description=_(
                        "De ETag die u bij het opvragen van het object kreeg. Ontbreekt hij: "
                        "428; is het object intussen gewijzigd: 412 met de actuele ETag."
                    ),
                )
            )
        return [*super().get_override_parameters(), *extra]

    def _foutantwoorden(self):
        yield 400, _("Onbekende queryparameter of ongeldige waarde (zie invalidParams).")
        if self.method not in SAFE_METHODS:
            yield 401, _("Niet aangemeld (stuur Authorization: Token …).")
            yield 403, _("Uw rol mag dit object niet wijzigen.")
            yield 413, _("De invoer is te groot.")
        if self._lookup_parameter() or "{" in self.path:
            yield 404, _("Niet gevonden.")
        elif self.method == "GET" and self._is_list_view():
            yield 404, _("Een pagina voorbij de laatste.")
        if self.method in ("PUT", "PATCH"):
            yield 412, _("Het object is intussen gewijzigd; de body noemt de actuele ETag.")
            yield 428, _("De kop If-Match ontbreekt.")
        yield 429, _("Te veel verzoeken zonder account; wacht het aantal seconden in Retry-After.")

    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        for status, omschrijving in self._foutantwoorden():
            antwoorden.setdefault(
                str(status),
                self._get_response_for_code(
                    OpenApiResponse(ProbleemSerializer, description=omschrijving),
                    str(status),
                    media_types=["application/problem+json"],
                    direction=direction,
                ),
            )
        return antwoorden
