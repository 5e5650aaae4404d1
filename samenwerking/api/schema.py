"""The OpenAPI document: Dutch descriptions of operations and path parameters, the problem
responses every operation can give, and query parameters that refuse what the API refuses, so
that a client generated from the document is never surprised by a 400."""

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.permissions import SAFE_METHODS
from rest_framework.views import get_view_name

from samenwerking.peilmoment import DATUM_PATROON, DatumVeld

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


def _model_van(view):
    queryset = getattr(view, "queryset", None)
    return queryset.model if queryset is not None else None


def naam_van_adres(view) -> str:
    """The name OPTIONS gives an address (DRF's VIEW_NAME_FUNCTION), in Dutch: "Gemeenten" for
    a list, "Gemeente" for one; a name given to the view or action as it is; otherwise the
    view's class in words ("Kosten per inwoner"), never DRF's "Gemeente List"."""
    model = _model_van(view)
    if getattr(view, "name", None):
        return str(view.name)
    if model is None:
        return capfirst(get_view_name(view).lower())
    meta = model._meta
    return capfirst(meta.verbose_name_plural if view.suffix == "List" else meta.verbose_name)


def omschrijving_van_adres(view, html=False) -> str:
    """The description OPTIONS gives an address (DRF's VIEW_DESCRIPTION_FUNCTION): the Dutch
    one of the document for a list or one object, else none; never the English docstring."""
    model = _model_van(view)
    actie = {"List": "list", "Instance": "retrieve"}.get(getattr(view, "suffix", None))
    if model is None or getattr(view, "name", None) or actie is None:
        return ""
    return str(OMSCHRIJVINGEN[actie]) % {
        "enkelvoud": capfirst(model._meta.verbose_name),
        "meervoud": capfirst(model._meta.verbose_name_plural),
    }


def niet_leeg(schema: dict) -> None:
    """Every query parameter refuses an empty or blank value and a NUL character
    (viewsets.weiger_onbekende_parameters): a free text holds a non-space and no NUL, a list
    at least one item."""
    if schema.get("type") == "array":
        schema["minItems"] = max(schema.get("minItems", 0), 1)
        niet_leeg(schema.get("items", {}))
    elif schema.get("type") == "string" and not {"enum", "format"} & set(schema):
        # (A value from a list, a uuid or a date is never empty anyway.)
        schema["minLength"] = max(schema.get("minLength", 0), 1)
        schema.setdefault("pattern", r"^[^\u0000]*[^\s\u0000][^\u0000]*$")


class RegisterFilterExtension(DjangoFilterExtension):
    """django-filter's parameters with the bounds of the form fields that parse them: a
    year's minimum and maximum, a date's range (samenwerking.peilmoment)."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        veld = filter_field.field
        for parameter in parameters:
            schema = parameter["schema"]
            if isinstance(veld, forms.IntegerField):
                for sleutel, grens in (("minimum", veld.min_value), ("maximum", veld.max_value)):
                    if grens is not None:
                        schema[sleutel] = grens
            if isinstance(veld, DatumVeld):
                schema["pattern"] = DATUM_PATROON
        return parameters


class RegisterAutoSchema(AutoSchema):
    def get_operation(self, *args, **kwargs):
        operatie = super().get_operation(*args, **kwargs)
        for parameter in (operatie or {}).get("parameters", []):
            if parameter["in"] == "query":
                niet_leeg(parameter["schema"])
        return operatie

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
                        "De ETag die u bij het opvragen van het object kreeg, met de "
                        'aanhalingstekens ("661bd773d0030"), of *. Ontbreekt hij: 428; is het '
                        "geen ETag: 400; is het object intussen gewijzigd: 412 met de actuele "
                        "ETag."
                    ),
                )
            )
        return [*super().get_override_parameters(), *extra, *self._queryparameters()]

    def _queryparameters(self) -> list:
        """The query parameters the view checks, documented from the serializer that checks
        them: a viewset action's `parameter_serializers`, a ParameterView's
        `parameters_class`."""
        per_actie = getattr(self.view, "parameter_serializers", {})
        serializer = per_actie.get(getattr(self.view, "action", None)) or getattr(
            self.view, "parameters_class", None
        )
        return [serializer] if serializer else []

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
