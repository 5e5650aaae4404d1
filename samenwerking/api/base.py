"""What every serializer of the API is built on: fields for dates, years, text and money;
`CamelSerializer` (camelCase names and a `…Label` beside every choice) and
`RegisterSerializer` (a model in the API's conventions: relations as public keys, `url`,
descriptions for OpenAPI). The serializers themselves are in `serializers.py`.
"""

import re
import uuid

from django.core.validators import URLValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.functional import lazy
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.settings import api_settings

from samenwerking.bedragen import is_bedrag
from samenwerking.models.basis import GEEN_LINK, JaarVeld, jaar_meldingen, link_validator
from samenwerking.peilmoment import (
    DATUM_BUITEN_BEREIK,
    DATUM_PATROON,
    JAAR_FOUTEN,
    JAAR_MAX,
    JAAR_MIN,
    alleen_cijfers,
    binnen_bereik,
)
from samenwerking.tekst import keuzefout

from .namen import (
    ONGELDIGE_DATUM,
    SAMENWERKINGSVERBAND,
    als_opgeslagen,
    bedoeld,
    camel,
    iso_datum,
    niet_gevonden,
    sleutel,
    wat_te_geven,
)

# The head of every stored object in the API: its key, its address and its version (the
# ETag of a change); a serializer's `fields` begins with it.
KOPVELDEN = ("uuid", "url", "laatst_gewijzigd")

# Descriptions of fields that mean the same in every serializer that has them.
ALGEMENE_OMSCHRIJVINGEN = {
    "uuid": _("Vaste, unieke identificatie van dit object."),
    "url": _("Adres van dit object in de API."),
    "laatst_gewijzigd": _(
        "Wanneer dit object het laatst is gewijzigd. Hoort bij de ETag-kop: stuur die mee in "
        "If-Match bij een wijziging. Wie wat wijzigde staat in de geschiedenis in het beheer."
    ),
    "samenwerkingsverband": SAMENWERKINGSVERBAND,
}


ONGELDIG_BEDRAG = _(
    "Geef het bedrag als getal met een punt voor de centen en zonder duizendtallen, "
    "bijvoorbeeld 1234.56 (niet 1.234,56)."
)


# A field's label as text when a message is shown (one lazy type, made once).
_label_van = lazy(lambda veld: str(veld.label), str)


def met_label(veld, tekst, **waarden):
    """`tekst` naming the field `veld` as its label says ({veld}). DRF passes a label only
    where it differs from the field's name; the name, and so the label, is known when the
    field is bound to its serializer, before any check: so the message is made when shown."""
    return format_lazy(tekst, veld=_label_van(veld), **waarden)


# DRF's own texts speak of "de komma", where the API wants a point. {{…}}: DRF's own value.
DECIMAAL_MELDINGEN = {
    "invalid": _(
        "{veld}: geef een getal met een punt voor de decimalen, zonder spaties of duizendtallen, "
        'bijvoorbeeld "12.5" (niet "12,5").'
    ),
    "max_digits": _("{veld}: hoogstens {{max_digits}} cijfers in totaal."),
    "max_decimal_places": _("{veld}: hoogstens {{max_decimal_places}} cijfers na de punt."),
    "max_whole_digits": _("{veld}: hoogstens {{max_whole_digits}} cijfers voor de punt."),
}


class DecimaalField(serializers.DecimalField):
    """A decimal number in a body: a JSON number, or a string as the document's pattern says
    (digits 0-9, a point). Python's Decimal would also read "1_000", " 12.50 ", "1e3" and
    other scripts' digits."""

    def __init__(self, **kwargs):
        meldingen = {code: met_label(self, tekst) for code, tekst in DECIMAAL_MELDINGEN.items()}
        meldingen.update(kwargs.get("error_messages", {}))
        super().__init__(**{**kwargs, "error_messages": meldingen})

    def to_internal_value(self, data):
        if isinstance(data, str) and not _DECIMAAL.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class BedragField(DecimaalField):
    """An amount, with messages of its own (RegisterSerializer.build_standard_field)."""


# Digits before and after the point are counted by DecimalField, with their own messages.
_DECIMAAL = re.compile(r"-?[0-9]*(\.[0-9]*)?")

GEEN_JA_NEE = _("{veld}: geef true of false, zonder aanhalingstekens.")


class JaOfNeeField(serializers.BooleanField):
    """Yes or no in a body: JSON true or false, as the document says. DRF would also take
    "yes", "on", "1", 1 and 0, and refuses the rest in English ("Must be a valid boolean.")."""

    def __init__(self, **kwargs):
        meldingen = {"invalid": met_label(self, GEEN_JA_NEE), **kwargs.get("error_messages", {})}
        super().__init__(**{**kwargs, "error_messages": meldingen})

    def to_internal_value(self, data):
        if type(data) is not bool:
            self.fail("invalid")
        return data


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


class LinkField(TekstField, serializers.URLField):
    """A link to a page or document elsewhere (models.basis.link_veld): a web address, and
    only that; the refusal names the field and shows what a link looks like. The check is the
    model's (`link_validator`), in place of DRF's URLValidator, which would also take ftp://."""

    def __init__(self, **kwargs):
        meldingen = {"invalid": met_label(self, GEEN_LINK), **kwargs.get("error_messages", {})}
        super().__init__(**{**kwargs, "error_messages": meldingen})
        self.validators = [
            link_validator(_label_van(self)) if isinstance(validator, URLValidator) else validator
            for validator in self.validators
        ]


@extend_schema_field({"type": "string", "format": "date", "pattern": DATUM_PATROON})
class DatumField(serializers.DateField):
    """An ISO date from 1900-01-01 up to and including 2100-12-31 (samenwerking.peilmoment),
    for query parameters and bodies alike; the document says the range as a pattern."""

    default_error_messages = {"invalid": ONGELDIGE_DATUM, "buiten_bereik": DATUM_BUITEN_BEREIK}
    datetime_parser = staticmethod(iso_datum)

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def to_internal_value(self, value):
        datum = super().to_internal_value(value)
        if not binnen_bereik(datum):
            self.fail("buiten_bereik")
        return datum


class JaarField(serializers.IntegerField):
    """A year from 1900 up to and including 2100, in the digits 0-9 (peilmoment.alleen_cijfers)."""

    default_error_messages = JAAR_FOUTEN

    def __init__(self, **kwargs):
        super().__init__(min_value=JAAR_MIN, max_value=JAAR_MAX, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and not alleen_cijfers(data):
            self.fail("invalid")
        return super().to_internal_value(data)


# The range of each integer type as PostgreSQL stores it (Django's ranges; the PostgreSQL
# backend keeps them), on every backend: SQLite would take 9999999999 for a smallint.
POSTGRESQL_BEREIK = BaseDatabaseOperations.integer_field_ranges

GEHEEL_GETAL_BEREIK = {
    "max_value": _("{veld}: hoogstens {{max_value}}."),
    "min_value": _("{veld}: minstens {{min_value}}."),
}

GEEN_GEHEEL_GETAL = _(
    "{veld}: geef een geheel getal, zonder aanhalingstekens en zonder decimalen: {voorbeeld}, "
    'niet "{voorbeeld}" of {voorbeeld}.0.'
)


class GeheelGetalField(serializers.IntegerField):
    """A whole number in a body (every integer field of a model): a JSON integer, as the
    document says. DRF would also take "3", "3.0" and 3.0; those, and true, are refused
    naming the field as its label says."""

    voorbeeld = 3

    def __init__(self, **kwargs):
        meldingen = {
            **{code: met_label(self, tekst) for code, tekst in GEHEEL_GETAL_BEREIK.items()},
            **self.meldingen(),
            "invalid": met_label(self, GEEN_GEHEEL_GETAL, voorbeeld=self.voorbeeld),
            **kwargs.get("error_messages", {}),
        }
        super().__init__(**{**kwargs, "error_messages": meldingen})

    def meldingen(self) -> dict:
        return {}

    def to_internal_value(self, data):
        if type(data) is not int:  # not bool either, which is an int in Python
            self.fail("invalid")
        return super().to_internal_value(data)


class GrootGeheelGetalField(GeheelGetalField, serializers.BigIntegerField):
    """A whole number of a big integer field (int64 in the document), as strict."""


class JaarVeldField(GeheelGetalField):
    """A stored year (models.basis.JaarVeld) in a body: its bounds (1900..2100, from the model
    field's validators) are refused with the model's messages (`jaar_meldingen`), naming the
    field as its label says ("Jaar: moet tussen 1900 en 2100 liggen."), not DRF's "Zorg
    ervoor dat deze waarde kleiner of gelijk is aan 2100."."""

    voorbeeld = 2025

    def meldingen(self) -> dict:
        return jaar_meldingen(_label_van(self))


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


def keuzelijst(keuzes, label, **kwargs) -> serializers.ListField:
    """A list of values of the vocabulary `keuzes`; another value is refused naming the field
    and the values it takes."""
    return serializers.ListField(
        child=serializers.ChoiceField(
            choices=keuzes.choices,
            error_messages={"invalid_choice": keuzefout(label, keuzes.values)},
        ),
        **kwargs,
    )


@extend_schema_field(OpenApiTypes.STR)
class LabelField(serializers.ReadOnlyField):
    """The Dutch text of a choice value."""

    def __init__(self, keuzes: dict, **kwargs):
        self.keuzes = keuzes
        super().__init__(**kwargs)

    def to_representation(self, value):
        return str(self.keuzes.get(value, value))


GEEN_UUID = _(
    "{veld}: {{value}} is geen uuid. Geef de uuid zoals de API die geeft, bijvoorbeeld "
    "0f8fad5b-d9cb-469f-a165-70867728950e."
)


VERPLICHTE_RELATIE = _("{veld}: verplicht; geef {wat}.")
LEEG_ITEM = _("{veld}: een leeg item in de lijst; geef {wat}.")


class SleutelField(serializers.SlugRelatedField):
    """A relation given by the related row's public key, a CBS code in any case
    (namen.als_opgeslagen). A key with a NUL character is refused before the look-up:
    PostgreSQL cannot compare it (found by schemathesis: a 500). An empty key ("" or spaces)
    is no key: as null, allowed where the relation may be empty; where it may not, it is
    refused as missing, saying what to give ("Gemeente: verplicht; geef de CBS-code van een
    gemeente, bijvoorbeeld GM0363."), not DRF's "mag niet null zijn" to who sent no null. In a
    list (`domeinen`) an empty item is refused the same way, named by the list."""

    default_error_messages = {"ongeldig_teken": _("Ongeldig teken (NUL) in de waarde.")}

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        if self.read_only:
            return
        # After CamelSerializer's general messages, which say only "geef een waarde". The item
        # of a list (DRF's ManyRelatedField binds it without a name) says the list's.
        benoemd = parent if isinstance(parent, serializers.ManyRelatedField) else self
        wat = lazy(wat_te_geven, str)(self.get_queryset().model)
        verplicht = met_label(benoemd, VERPLICHTE_RELATIE, wat=wat)
        self.error_messages.update(
            required=verplicht,
            null=verplicht,
            leeg_item=met_label(benoemd, LEEG_ITEM, wat=wat),
            geen_uuid=met_label(benoemd, GEEN_UUID),
        )

    def run_validation(self, data=serializers.empty):
        if isinstance(data, str) and not data.strip():
            data = None
        return super().run_validation(data)

    def to_internal_value(self, data):
        # Only a list's item comes here empty: run_validation made a single one null.
        if data is None or (isinstance(data, str) and not data.strip()):
            self.fail("leeg_item")
        if isinstance(data, str) and "\x00" in data:
            self.fail("ongeldig_teken")
        if self.slug_field == "uuid" and isinstance(data, str):
            try:
                uuid.UUID(data)
            except ValueError:  # Django would say "'abc' is geen geldige UUID.", no field
                self.fail("geen_uuid", value=data)
        model = self.get_queryset().model
        try:
            return super().to_internal_value(als_opgeslagen(model, data))
        except serializers.ValidationError as fout:
            # A gemeente by its name: the message says which code was meant.
            hint = bedoeld(model, data)
            if not hint:
                raise
            melding = niet_gevonden(model, data) + hint  # the key as typed
            raise serializers.ValidationError(melding, code=fout.detail[0].code) from None


# DRF's general messages ("Dit veld is vereist.") with the field's name, as every other.
ALGEMENE_MELDINGEN = {
    "required": _("{veld}: verplicht; geef een waarde."),
    "null": _("{veld}: mag niet null zijn; geef een waarde."),
    "blank": _("{veld}: mag niet leeg zijn; geef een waarde."),
    "max_length": _("{veld}: hoogstens {{max_length}} tekens."),
    "min_length": _("{veld}: minstens {{min_length}} tekens."),
    "not_a_list": _("{veld}: geef een lijst tussen [ en ], ook voor één waarde of geen."),
}


class CamelSerializer(serializers.Serializer):
    """Exposes each field under its camelCase name and adds a read-only `…Label` with the Dutch
    text of every choice field."""

    def get_fields(self):
        velden = {}
        for naam, veld in super().get_fields().items():
            api_naam = camel(naam)
            if api_naam != naam and veld.source is None:
                veld.source = naam
            if veld.label is None:  # DRF would make "Laatstgewijzigd" of the camelCase name
                veld.label = capfirst(naam.replace("_", " "))
            for code, tekst in ALGEMENE_MELDINGEN.items():  # DRF's name no field
                if code in veld.error_messages:
                    veld.error_messages[code] = met_label(veld, tekst)
            velden[api_naam] = veld
            if type(veld) is serializers.ChoiceField:
                velden[f"{api_naam}Label"] = LabelField(
                    keuzes=veld.choices,
                    source=veld.source or naam,
                    label=_("%(veld)s (omschrijving)") % {"veld": veld.label},
                    help_text=_("Omschrijving van de waarde van %(veld)s.") % {"veld": api_naam},
                )
        return velden


# A body's values as the document types them, not as DRF would also read them.
STRENGE_VELDEN = {
    serializers.CharField: TekstField,
    serializers.URLField: LinkField,
    serializers.DateField: DatumField,
    serializers.IntegerField: GeheelGetalField,
    serializers.BigIntegerField: GrootGeheelGetalField,
    serializers.BooleanField: JaOfNeeField,
    serializers.DecimalField: DecimaalField,
}


class RegisterSerializer(CamelSerializer, serializers.ModelSerializer):
    """A model as the API shows it: `url` links to the object itself, every relation is the
    related row's public key, and every field is described from the model (for OpenAPI).

    No serializer-level validators: unique and cross-row rules are checked once, by the services
    (`full_clean()` and their own checks), with the same messages as in the admin."""

    serializer_related_field = SleutelField
    # DRF: "Ongeldige data. Verwacht een dictionary, kreeg een list."
    default_error_messages = {
        "invalid": _(
            "Stuur één JSON-object met de velden tussen {{ en }}, geen lijst of losse waarde."
        )
    }
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        JaarVeld: JaarVeldField,
    }

    def get_validators(self):
        return []

    @property
    def errors(self):
        """DRF answers a body of null with its own English "No data provided"."""
        fouten = super().errors
        algemeen = fouten.get(api_settings.NON_FIELD_ERRORS_KEY, [])
        if [getattr(fout, "code", None) for fout in algemeen] == ["null"]:
            melding = self.error_messages["invalid"].format()
            fouten[api_settings.NON_FIELD_ERRORS_KEY] = [ErrorDetail(melding, code="null")]
        return fouten

    def to_internal_value(self, data):
        """A name in the body that is no field is refused, as an unknown query parameter is: a
        typo (`uittredingdatum`) would otherwise be dropped and the object saved unchanged,
        with a 200. The read-only fields (`uuid`, `url`, `…Label`) may come along, so that an
        object as read can be sent back; but not another object's key, which would overwrite
        this one with that one's fields (a client that sends B to the address of A)."""
        if isinstance(data, dict):
            veld = sleutel(self.Meta.model)
            gegeven = data.get(camel(veld))
            if (
                self.instance is not None
                and gegeven is not None
                and str(gegeven).lower() != str(getattr(self.instance, veld)).lower()
            ):
                reden = _(
                    "Dit is de %(veld)s van een ander object dan dat op dit adres (%(eigen)s). "
                    "Stuur het object naar zijn eigen adres, of laat %(veld)s weg."
                ) % {"veld": camel(veld), "eigen": getattr(self.instance, veld)}
                raise serializers.ValidationError(
                    {camel(veld): [serializers.ErrorDetail(reden, code="ander_object")]}
                )
            onbekend = sorted(set(data) - set(self.fields))
            if onbekend:
                schrijfbaar = sorted(
                    naam for naam, veld in self.fields.items() if not veld.read_only
                )
                reden = _("Onbekend veld. Velden: %(namen)s.") % {"namen": ", ".join(schrijfbaar)}
                raise serializers.ValidationError(
                    {
                        naam: [serializers.ErrorDetail(reden, code="onbekend_veld")]
                        for naam in onbekend
                    }
                )
        return super().to_internal_value(data)

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
        klasse = STRENGE_VELDEN.get(klasse, klasse)
        if klasse is serializers.ChoiceField:
            # DRF's text ("x" is een ongeldige keuze.) does not say what is.
            kwargs["error_messages"] = {
                **kwargs.get("error_messages", {}),
                "invalid_choice": keuzefout(
                    capfirst(model_field.verbose_name), [waarde for waarde, _l in kwargs["choices"]]
                ),
            }
        if klasse is DecimaalField and is_bedrag(model_field):
            klasse = BedragField
            # An amount: say how to write it, in particular to who writes it the Dutch way.
            kwargs["error_messages"] = {
                **kwargs.get("error_messages", {}),
                "invalid": ONGELDIG_BEDRAG,
                "max_decimal_places": _(
                    "Geef het bedrag met hoogstens 2 decimalen (centen), bijvoorbeeld 1234.56."
                ),
                # DRF's own text speaks of "de komma", where the API wants a point.
                "max_digits": _(
                    "Dit bedrag heeft te veel cijfers: hoogstens {max_digits}, waarvan hoogstens "
                    "2 na de punt, bijvoorbeeld 1234.56."
                ),
                "max_whole_digits": _(
                    "Dit bedrag is te groot: hoogstens {max_whole_digits} cijfers voor de punt, "
                    "bijvoorbeeld 1234.56."
                ),
            }
        if isinstance(model_field, models.IntegerField):
            # PostgreSQL's range of the type, whatever the backend (SQLite's is 64 bits for
            # all); a tighter bound of the model (a JaarVeld's 1900..2100) stays.
            laag, hoog = POSTGRESQL_BEREIK[model_field.get_internal_type()]
            kwargs["min_value"] = max(kwargs.get("min_value", laag), laag)
            kwargs["max_value"] = min(kwargs.get("max_value", hoog), hoog)
        return klasse, kwargs

    def build_url_field(self, field_name, model_class):
        return serializers.HyperlinkedIdentityField, {
            "view_name": f"api:{model_class._meta.model_name}-detail",
            "lookup_field": sleutel(model_class),
        }

    def build_relational_field(self, field_name, relation_info):
        klasse, kwargs = super().build_relational_field(field_name, relation_info)
        model = relation_info.related_model
        kwargs["slug_field"] = sleutel(model)
        kwargs["error_messages"] = {"does_not_exist": niet_gevonden(model, "{value}")}
        return klasse, kwargs
