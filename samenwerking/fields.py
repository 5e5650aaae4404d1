"""Model fields and constraints shared by the register's models."""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .controle import NietInPython, velden_van, voldoet


class KeuzelijstField(models.JSONField):
    """A list of values from a fixed TextChoices vocabulary, stored as a JSON array.

    Used for small multi-valued vocabularies that are shown but not joined on (motieven,
    bevoegdheidsverkrijgingen). The admin shows checkboxes; validation rejects unknown values.
    """

    def __init__(self, *args, keuzes=None, **kwargs):
        self.keuzes = keuzes
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["keuzes"] = self.keuzes
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Geef een lijst van waarden."), code="geen_lijst")
        toegestaan = set(self.keuzes.values)
        onbekend = [str(v) for v in value if v not in toegestaan]
        if onbekend:
            raise ValidationError(
                _("Onbekende waarde(n): %(onbekend)s. Toegestaan: %(toegestaan)s."),
                code="onbekende_keuze",
                params={
                    "onbekend": ", ".join(onbekend),
                    "toegestaan": ", ".join(self.keuzes.values),
                },
            )
        if len(set(value)) != len(value):
            raise ValidationError(_("Een waarde staat er dubbel in."), code="dubbele_keuze")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.keuzes.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=kwargs.get("label", capfirst(self.verbose_name)),
            help_text=self.help_text,
        )


class VeldCheckConstraint(models.CheckConstraint):
    """A CheckConstraint whose validation error is reported on one named field.

    The database enforces the condition; `full_clean()` reports a violation under `veld` so
    that forms and the API can show the message next to the field it concerns.
    """

    def __init__(self, *, veld: str, **kwargs):
        self.veld = veld
        super().__init__(**kwargs)

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        try:
            self._toetsen(model, instance, exclude, using)
        except ValidationError as error:
            raise ValidationError({self.veld: error.error_list}) from None

    def _toetsen(self, model, instance, exclude, using) -> None:
        """The condition for one row, evaluated in Python (`controle.voldoet`, three-valued
        like SQL) where it can be, as `services.rijen_controleren` does for many rows.
        Django's CheckConstraint asks the database instead: per constraint and row a query
        that binds every field of the row, inside a transaction also a savepoint and its
        release; `full_clean()` of an arrangement (seven checks) cost 21 queries that way."""
        namen = velden_van(self.condition)
        if exclude and namen & set(exclude):
            return  # as Django: a check on a field left out (or already wrong) is skipped
        try:
            for naam in namen:
                veld = model._meta.pk if naam == "pk" else model._meta.get_field(naam)
                if hasattr(getattr(instance, veld.attname), "resolve_expression"):
                    raise NietInPython(naam)  # a value only the database can compute
            uitkomst = voldoet(self.condition, instance)
        except (NietInPython, FieldDoesNotExist, TypeError):  # left to the database
            super().validate(model, instance, exclude=exclude, using=using)
            return
        if uitkomst is False:
            raise ValidationError(
                self.get_violation_error_message(), code=self.violation_error_code
            )

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["veld"] = self.veld
        return path, args, kwargs

    def __eq__(self, other):
        return super().__eq__(other) and getattr(other, "veld", None) == self.veld


class VeldUniqueConstraint(models.UniqueConstraint):
    """A UniqueConstraint whose validation error is reported on one named field: the one a
    person changes to resolve it (a second zienswijze of a gemeente: at `gemeente`). In a
    migration exactly Django's (the field only decides where the message shows)."""

    def __init__(self, *args, veld: str, **kwargs):
        self.veld = veld
        super().__init__(*args, **kwargs)

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as error:
            raise ValidationError({self.veld: error.error_list}) from None

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "django.db.models.UniqueConstraint", args, kwargs

    def clone(self):
        _path, args, kwargs = self.deconstruct()
        return self.__class__(*args, veld=self.veld, **kwargs)
