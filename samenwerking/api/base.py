"""The machinery every serializer of the API is built on.

`CamelSerializer` exposes fields under camelCase names with a `…Label` beside every choice and
renders from a plan made once per serializer; `RegisterSerializer` turns a model into the
API's conventions (relations as public keys, `url`, descriptions for OpenAPI); `weergave`
renders a serializer tree built once per thread. The serializers themselves are in
`serializers.py`.
"""

import threading
import weakref
from collections.abc import Mapping
from types import MethodType

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenwerking.peilmoment import (
    DATUM_BUITEN_BEREIK,
    DATUM_PATROON,
    JAAR_FOUTEN,
    JAAR_MAX,
    JAAR_MIN,
    binnen_bereik,
)

from .namen import ONGELDIGE_DATUM, camel, niet_gevonden, sleutel

ALGEMENE_OMSCHRIJVINGEN = {
    "uuid": _("Vaste, unieke identificatie van dit object."),
    "url": _("Adres van dit object in de API."),
    "laatst_gewijzigd": _(
        "Wanneer dit object het laatst is gewijzigd. Hoort bij de ETag-kop: stuur die mee in "
        "If-Match bij een wijziging. Wie wat wijzigde staat in de geschiedenis in het beheer."
    ),
}


class TekstField(serializers.CharField):
    """Text is a JSON string: DRF would quietly turn a number into text (found by
    schemathesis: {"naam": 12} was stored as "12")."""

    default_error_messages = {"invalid": _("Vul een tekst in (een JSON-string).")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        # The documented maxLength holds for the text as sent: DRF would first strip the
        # surrounding spaces and accept " " + 100 characters for a field of 100 (schemathesis).
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "format": "date", "pattern": DATUM_PATROON})
class DatumField(serializers.DateField):
    """An ISO date from 1900-01-01 up to and including 2100-12-31 (samenwerking.peilmoment),
    for query parameters and bodies alike; the document says the range as a pattern."""

    default_error_messages = {"invalid": ONGELDIGE_DATUM, "buiten_bereik": DATUM_BUITEN_BEREIK}

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def to_internal_value(self, value):
        datum = super().to_internal_value(value)
        if not binnen_bereik(datum):
            self.fail("buiten_bereik")
        return datum


class JaarField(serializers.IntegerField):
    """A year from 1900 up to and including 2100."""

    default_error_messages = JAAR_FOUTEN

    def __init__(self, **kwargs):
        super().__init__(min_value=JAAR_MIN, max_value=JAAR_MAX, **kwargs)


def geld(help_text, **kwargs) -> serializers.DecimalField:
    """A read-only amount in euros, null when unknown."""
    return serializers.DecimalField(
        max_digits=17,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=help_text,
        **kwargs,
    )


@extend_schema_field(OpenApiTypes.STR)
class LabelField(serializers.ReadOnlyField):
    """The Dutch text of a choice value. Looks the value up in the choices once built, instead
    of Django's get_FOO_display(), which rebuilds and hashes all choices for every row."""

    def __init__(self, keuzes: dict, **kwargs):
        self.keuzes = keuzes
        self.teksten = {}  # (language, value) -> text
        super().__init__(**kwargs)

    def to_representation(self, value):
        sleutel = (_bomen.__dict__.get("taal") or get_language(), value)
        tekst = self.teksten.get(sleutel)
        if tekst is None:
            tekst = self.teksten[sleutel] = str(self.keuzes.get(value, value))
        return tekst


class SnelleUrlField(serializers.HyperlinkedIdentityField):
    """An object's URL from the reversed URL of the first object: one `reverse()` per list
    instead of one per row (reversing is the most expensive step of a long list)."""

    PLAATSHOUDER = "00000000-plaatshouder"

    def to_representation(self, value):
        """DRF's, with one look-up of the context instead of three, and the URL as a plain
        string (DRF's `Hyperlink` only serves its browsable API, which we do not offer)."""
        context = self.context
        format = context.get("format")
        if format and self.format and self.format != format:
            format = self.format
        return self.get_url(value, self.view_name, context["request"], format)

    def get_url(self, obj, view_name, request, format):
        waarde = getattr(obj, self.lookup_field)
        if waarde is None or (type(waarde) is str and not waarde):
            return None
        # Per request (scheme and host come from it); the field may serve many requests, and
        # holds the last one only weakly.
        if getattr(self, "_sjabloon_voor", None) != (view_name, format) or (
            self._sjabloon_request() is not request
        ):
            kwargs = {self.lookup_url_kwarg: self.PLAATSHOUDER}
            self._sjabloon = self.reverse(view_name, kwargs=kwargs, request=request, format=format)
            self._sjabloon_voor = (view_name, format)
            self._sjabloon_request = weakref.ref(request)
        return self._sjabloon.replace(self.PLAATSHOUDER, str(waarde))


_mappings: dict[type, bool] = {}


def _is_mapping(obj) -> bool:
    """isinstance(obj, Mapping), remembered per type (the ABC check is slow per value)."""
    soort = type(obj)
    antwoord = _mappings.get(soort)
    if antwoord is None:
        antwoord = _mappings[soort] = isinstance(obj, Mapping)
    return antwoord


def _lezer(bron: list[str]):
    """Reads a field's source like DRF's get_attribute (None on a missing relation, methods
    called), without its per-call checks."""
    if not bron:
        return lambda obj: obj

    def lees(obj):
        for naam in bron:
            if obj is None:
                return None
            try:
                obj = obj[naam] if _is_mapping(obj) else getattr(obj, naam)
            except ObjectDoesNotExist:
                return None
            if type(obj) is MethodType:
                obj = obj()
        return obj

    return lees


# DRF fields whose to_representation is exactly a builtin: call the builtin directly.
_INGEBOUWD = {
    serializers.CharField.to_representation: str,
    serializers.IntegerField.to_representation: int,
}


def _schrijver(veld):
    if isinstance(veld, serializers.ManyRelatedField):
        return lambda waarde: veld.to_representation(
            waarde.all() if hasattr(waarde, "all") else waarde
        )
    if isinstance(veld, serializers.UUIDField) and veld.uuid_format == "hex_verbose":
        return str
    return _INGEBOUWD.get(type(veld).to_representation, veld.to_representation)


class CamelSerializer(serializers.Serializer):
    """Exposes each field under its camelCase name and adds a read-only `…Label` with the Dutch
    text of every choice field.

    Output is built from a plan made once per serializer (which field, read how, written how):
    the same result as DRF's `to_representation`, without repeating its per-field lookups for
    every row. Long lists (a gemeente's arrangements) render several times faster.
    """

    def get_fields(self):
        velden = {}
        for naam, veld in super().get_fields().items():
            api_naam = camel(naam)
            if api_naam != naam and veld.source is None:
                veld.source = naam
            velden[api_naam] = veld
            if type(veld) is serializers.ChoiceField:
                velden[f"{api_naam}Label"] = LabelField(
                    keuzes=veld.choices,
                    source=veld.source or naam,
                    help_text=_("Omschrijving van de waarde van %(veld)s.") % {"veld": api_naam},
                )
        return velden

    def to_representation(self, instance):
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self._plan = [
                (
                    veld.field_name,
                    veld.source_attrs[0] if len(veld.source_attrs) == 1 else None,
                    _lezer(veld.source_attrs),
                    _schrijver(veld),
                )
                for veld in self._readable_fields
            ]
        uit = {}
        is_mapping = _is_mapping(instance)
        for naam, attribuut, lees, schrijf in plan:
            if attribuut is None:
                waarde = lees(instance)
            else:  # the common case, read here: a call per value less
                try:
                    waarde = instance[attribuut] if is_mapping else getattr(instance, attribuut)
                except ObjectDoesNotExist:
                    waarde = None
                if type(waarde) is MethodType:
                    waarde = waarde()
            uit[naam] = None if waarde is None else schrijf(waarde)
        return uit


_bomen = threading.local()


def weergave(klasse: type[CamelSerializer], instance, context: dict) -> dict:
    """`klasse(instance, context=context).data`, with the serializer and its nested fields
    built once per thread instead of once per request: building them costs as much as
    rendering a gemeente's 45 arrangements. Only the context changes per request; the fields
    that depend on it look it up: URLs their scheme and host once per request, labels the
    language once per answer."""
    bomen = _bomen.__dict__.setdefault("bomen", {})
    boom = bomen.get(klasse)
    if boom is None:
        boom = bomen[klasse] = klasse(context=context)
    boom._context = context
    _bomen.taal = get_language()  # read once per answer instead of once per label
    try:
        return boom.to_representation(instance)
    finally:
        _bomen.taal = None


class RegisterSerializer(CamelSerializer, serializers.ModelSerializer):
    """A model as the API shows it: `url` links to the object itself, every relation is the
    related row's public key, and every field is described from the model (for OpenAPI).

    No serializer-level validators: unique and cross-row rules are checked once, by the services
    (`full_clean()` and their own checks), with the same messages as in the admin."""

    serializer_related_field = serializers.SlugRelatedField

    def get_validators(self):
        return []

    def build_field(self, field_name, info, model_class, nested_depth):
        if field_name == self.url_field_name:  # also when the model has a field `url`
            klasse, kwargs = self.build_url_field(field_name, model_class)
        elif field_name == "laatst_gewijzigd":
            klasse, kwargs = serializers.DateTimeField, {"source": "updated_at", "read_only": True}
        else:
            klasse, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        kwargs["help_text"] = ALGEMENE_OMSCHRIJVINGEN.get(field_name) or self._omschrijving(
            field_name, klasse, kwargs
        )
        if issubclass(klasse, serializers.DateField):
            kwargs["error_messages"] = {"invalid": ONGELDIGE_DATUM}
        return klasse, kwargs

    @staticmethod
    def _omschrijving(field_name: str, klasse, kwargs) -> str:
        """The model field's label and help text, and for money how amounts look."""
        delen = [f"{kwargs.get('label') or capfirst(field_name.replace('_', ' '))}."]
        if kwargs.get("help_text"):
            delen.append(str(kwargs["help_text"]))
        if issubclass(klasse, serializers.DecimalField) and kwargs.get("decimal_places") == 2:
            delen.append(_("Bedrag in euro's als decimale tekst, bijvoorbeeld 1234.56."))
            if kwargs.get("allow_null"):
                delen.append(_("Null als onbekend (nooit 0)."))
        return " ".join(str(deel) for deel in delen)

    def build_standard_field(self, field_name, model_field):
        klasse, kwargs = super().build_standard_field(field_name, model_field)
        if klasse is serializers.CharField:
            klasse = TekstField
        if klasse is serializers.DateField:
            klasse = DatumField
        if isinstance(model_field, models.IntegerField):
            # The database's own integer range differs per backend (SQLite: 64 bits for all);
            # keep it out of the API contract. full_clean() in the services still enforces it.
            laag, hoog = connection.ops.integer_field_range(model_field.get_internal_type())
            for grens, waarde in (("min_value", laag), ("max_value", hoog)):
                if waarde and kwargs.get(grens) == waarde:  # 0 (positive fields) is universal
                    del kwargs[grens]
        return klasse, kwargs

    def build_url_field(self, field_name, model_class):
        return SnelleUrlField, {
            "view_name": f"api:{model_class._meta.model_name}-detail",
            "lookup_field": sleutel(model_class),
        }

    def build_relational_field(self, field_name, relation_info):
        klasse, kwargs = super().build_relational_field(field_name, relation_info)
        model = relation_info.related_model
        kwargs["slug_field"] = sleutel(model)
        kwargs["error_messages"] = {"does_not_exist": niet_gevonden(model, "{value}")}
        return klasse, kwargs
