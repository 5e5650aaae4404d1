"""Query parameters of the list endpoints.

Parameter names are camelCase. A value that does not parse, an unknown choice or a code that
matches no row makes the filter form invalid, which the viewsets turn into a 400 problem
naming the parameter.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samenwerking.constants import (
    BijdrageSoort,
    DeelnameRol,
    DocumentSoort,
    Functie,
    JaarcijfersSoort,
    Karakter,
    OrgaanSoort,
    OrganisatieSoort,
    Vorm,
    ZetelRol,
)
from samenwerking.models import (
    Bestuursorgaan,
    Deelname,
    Domein,
    Gemeente,
    Organisatie,
    Persoon,
    Provincie,
    Samenwerkingsverband,
)
from samenwerking.models.basis import leeg_achteraan
from samenwerking.normalisatie import heeft_elk_woord, zoekwoorden
from samenwerking.peilmoment import DatumVeld, JaarVeld
from samenwerking.selectors import (
    gemeenten_zoeken,
    samenwerkingsverbanden_zoeken,
    verwante_domeinen,
)
from samenwerking.tekst import keuzefout

from . import namen
from .namen import GEMEENTE, PROVINCIE, SAMENWERKINGSVERBAND


class RegisterFilterSet(django_filters.FilterSet):
    """Filters declared with Python names, offered under their camelCase names. A value that
    is not one of a filter's choices (`ordering` too) is refused naming the parameter and the
    values it takes, not with Django's "Selecteer een geldige keuze."."""

    @classmethod
    def get_filters(cls):
        return {namen.camel(naam): filter for naam, filter in super().get_filters().items()}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "ordering" in data:
            # `ordering` names fields in camelCase (uitersteDatum); the snake_case names the
            # calendar's lists took before (uiterste_datum) keep working.
            data = data.copy()
            data["ordering"] = ",".join(namen.camel(veld) for veld in data["ordering"].split(","))
        super().__init__(data, *args, **kwargs)
        if data is not None:
            self.data = self.data.copy()
        for naam, filter in self.filters.items():
            if isinstance(filter, django_filters.ChoiceFilter) and not isinstance(
                filter,
                django_filters.ModelChoiceFilter,  # rows by key: "Geen … met …"
            ):
                waarden = [waarde for waarde, _label in filter.field.choices if waarde]
                filter.field.error_messages["invalid_choice"] = keuzefout(capfirst(naam), waarden)
                if data is not None and naam in self.data:  # any case: CSV, ol, -Naam
                    delen = self.data[naam].split(",") if naam == "ordering" else [self.data[naam]]
                    self.data[naam] = ",".join(namen.als_keuze(deel, waarden) for deel in delen)


class IsoDatumVeld(DatumVeld):
    """DatumVeld reading JJJJ-MM-DD only (namen.iso_datum)."""

    def strptime(self, value, format):
        return namen.iso_datum(value, format).date()


class DatumFilter(django_filters.DateFilter):
    """An ISO date (not the Dutch input formats of forms) within the register's range
    (peilmoment)."""

    field_class = IsoDatumVeld

    def __init__(self, **kwargs):
        super().__init__(
            input_formats=["%Y-%m-%d"],
            error_messages={"invalid": namen.ONGELDIGE_DATUM},
            **kwargs,
        )


class ActiefOpFilter(DatumFilter):
    """Rows whose half-open period contains the date (the models' `actief_op`)."""

    def filter(self, qs, value):
        return qs if value is None else qs.actief_op(value)


class JaNeeField(forms.NullBooleanField):
    """true or false; anything else is an error instead of being ignored."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise ValidationError(_("Gebruik true of false."), code="invalid")


class JaNeeFilter(django_filters.BooleanFilter):
    field_class = JaNeeField


class JaarFilter(django_filters.NumberFilter):
    field_class = JaarVeld


class SleutelKeuze(django_filters.fields.ModelChoiceField):
    """A row by its public key, a CBS code in any case (namen.als_opgeslagen); a gemeente
    given by its name is told its code (namen.bedoeld)."""

    def to_python(self, value):
        try:
            return super().to_python(namen.als_opgeslagen(self.queryset.model, value))
        except ValidationError as fout:
            # A gemeente by its name: the message says which code was meant.
            hint = namen.bedoeld(self.queryset.model, value)
            if fout.code != "invalid_choice" or not hint:
                raise
            melding = namen.niet_gevonden(self.queryset.model, value) + hint  # as typed
            raise ValidationError(melding, code=fout.code) from None


class VerwijzingFilter(django_filters.ModelChoiceFilter):
    field_class = SleutelKeuze


def verwijzing(model, **kwargs) -> django_filters.ModelChoiceFilter:
    """A filter on a related row given by its public key (uuid or code); unknown is an error."""
    return VerwijzingFilter(
        queryset=model.objects.all(),
        to_field_name=namen.sleutel(model),
        error_messages={"invalid_choice": lazy(namen.niet_gevonden, str)(model, "%(value)s")},
        **kwargs,
    )


def tekst_filter(*velden: str, label, meervoud: bool = False) -> django_filters.CharFilter:
    """`q`: each word part of one of the fields, tolerant of case and accents as the start
    page's search (`normalisatie.heeft_elk_woord`: "jan vries" finds "Jan de Vries", "fryslan"
    "Noardwest Fryslân"); with `meervoud` a plural also as its singular, as the start page
    does. One query more (matching in Python: the databases fold accents differently, SQLite
    not at all)."""

    def zoek(queryset, naam, waarde):
        woorden = zoekwoorden(waarde, meervoud=meervoud)  # once, not per row
        if not woorden:  # only punctuation: nothing to look for
            return queryset.none()
        rijen = queryset.order_by().values_list("pk", *velden)
        gevonden = [pk for pk, *teksten in rijen if heeft_elk_woord(woorden, *teksten)]
        return queryset.filter(pk__in=gevonden)

    return django_filters.CharFilter(method=zoek, label=label)


def zoekfilter(zoeken, label) -> django_filters.CharFilter:
    """`q` as the start page searches, with the same selector (`zoeken`): tolerant of case,
    accents and `'s-`, so that the API and the page find the same rows, listed in the page's
    order (the selector's) unless `ordering` asks for another: the `ordering` filter comes
    after this one and replaces the order. One query more."""

    def zoek(queryset, naam, waarde):
        gevonden = [rij.pk for rij in zoeken(waarde)]
        if not gevonden:
            return queryset.none()
        rang = Case(
            *(When(pk=pk, then=Value(plaats)) for plaats, pk in enumerate(gevonden)),
            output_field=IntegerField(),
        )
        return queryset.filter(pk__in=gevonden).order_by(rang)

    return django_filters.CharFilter(method=zoek, label=label)


class Volgorde(django_filters.OrderingFilter):
    """`ordering`, with the rows without a value (a regeling from OpenGR without a date of
    ingang, a deelname that has not ended) last in both directions (`leeg_achteraan`), as in
    the models' default orders."""

    def get_ordering_value(self, param):
        return leeg_achteraan(super().get_ordering_value(param))


def volgorde(*velden: tuple[str, str]) -> Volgorde:
    return Volgorde(
        fields=velden,
        label=_(
            "Sorteer op deze velden, met een minteken voor aflopend; komma's ertussen. Rijen "
            "zonder waarde staan achteraan."
        ),
    )


ACTIEF_OP = _("Alleen wat loopt op deze datum (JJJJ-MM-DD).")
JAAR = _("Jaar, bijvoorbeeld 2025.")


class VerbandFilterSet(RegisterFilterSet):
    """Rows that belong to a samenwerkingsverband, filtered by its uuid."""

    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)


class ProvincieFilterSet(RegisterFilterSet):
    ordering = volgorde(("naam", "naam"), ("code", "code"))


class GemeenteFilterSet(RegisterFilterSet):
    provincie = verwijzing(Provincie, label=PROVINCIE)
    actief_op = ActiefOpFilter(label=_("Alleen gemeenten die op deze datum bestaan."))
    q = zoekfilter(
        gemeenten_zoeken,
        label=_(
            "Deel van de naam of de CBS-code, zoals de zoekpagina zoekt: hoofdletters en accenten "
            "maken niet uit ('s-Hertogenbosch, Den Bosch, Sudwest-Fryslan, 0363). Zonder "
            "ordering in de volgorde van de zoekpagina: de bestaande gemeenten eerst en "
            "daarbinnen de gelijke CBS-code of naam, dan de namen die ermee beginnen, verder "
            "op naam."
        ),
    )
    ordering = volgorde(("naam", "naam"), ("cbs_code", "cbsCode"))


class OrganisatieFilterSet(RegisterFilterSet):
    soort = django_filters.ChoiceFilter(choices=OrganisatieSoort.choices, label=_("Soort."))
    provincie = verwijzing(Provincie, label=PROVINCIE)
    q = tekst_filter(
        "naam",
        "afkorting",
        label=_(
            "Deel van de naam of de afkorting; bij meer woorden elk woord. Hoofdletters en "
            "accenten maken niet uit; een meervoud vindt ook het enkelvoud (waterschappen)."
        ),
        meervoud=True,
    )
    ordering = volgorde(("naam", "naam"))


class SamenwerkingsverbandFilterSet(RegisterFilterSet):
    vorm = django_filters.ChoiceFilter(choices=Vorm.choices, label=_("Samenwerkingsvorm."))
    karakter = django_filters.ChoiceFilter(
        choices=Karakter.choices,
        label=_("Karakter: uitvoerend, beleidsbepalend of beide (precies die waarde)."),
    )
    domein = verwijzing(
        Domein, field_name="domeinen", label=_("Code van een domein, bijvoorbeeld veiligheid.")
    )
    hoofdthema = verwijzing(
        Domein,
        field_name="domeinen",
        method="filter_hoofdthema",
        label=_(
            "Code van een domein, met de verbanden van zijn subthema's: natuur-en-milieu geeft "
            "ook die in natuur en milieu | afval (zoals de pagina's per domein tellen)."
        ),
    )
    deelnemer = verwijzing(
        Gemeente,
        field_name="deelnames__gemeente",
        method="filter_deelnemer",
        label=_("CBS-code van een gemeente die (ooit) deelneemt, bijvoorbeeld GM0363."),
    )
    provincie = verwijzing(
        Provincie,
        field_name="deelnames__gemeente__provincie",
        method="filter_provincie",
        label=_("CBS-code van de provincie van een (ooit) deelnemende gemeente."),
    )
    actief_op = ActiefOpFilter(label=_("Alleen verbanden die op deze datum gelden (JJJJ-MM-DD)."))
    verplicht = JaNeeFilter(label=_("Wettelijk verplicht (true of false)."))
    q = zoekfilter(
        samenwerkingsverbanden_zoeken,
        label=_(
            "Deel van de naam, de afkorting of een woord ervan, of de CBS-code, zoals de "
            "zoekpagina zoekt: hoofdletters en accenten maken niet uit; GGD, ISD, OD, RUD en VR "
            "vinden ook namen met gezondheidsdienst, sociale dienst, omgevingsdienst, "
            "uitvoeringsdienst en veiligheidsregio. Zonder ordering in de volgorde van de "
            "zoekpagina: de gelijke afkorting eerst, dan wat vandaag loopt, dan wat is "
            "opgeheven, nog niet begonnen of alleen historisch is; daarbinnen de namen die "
            "ermee beginnen vooraan, verder op naam."
        ),
    )
    ordering = volgorde(
        ("naam", "naam"),
        ("afkorting", "afkorting"),
        ("vorm", "vorm"),
        ("ingangsdatum", "ingangsdatum"),
    )

    def filter_hoofdthema(self, queryset, naam, domein):
        subthemas, _hoofdthema = verwante_domeinen(domein)
        return queryset.filter(
            Exists(
                Samenwerkingsverband.domeinen.through.objects.filter(
                    samenwerkingsverband=OuterRef("pk"), domein__in=[domein, *subthemas]
                )
            )
        )

    def filter_deelnemer(self, queryset, naam, gemeente):
        return queryset.filter(
            Exists(Deelname.objects.filter(samenwerkingsverband=OuterRef("pk"), gemeente=gemeente))
        )

    def filter_provincie(self, queryset, naam, provincie):
        return queryset.filter(
            Exists(
                Deelname.objects.filter(
                    samenwerkingsverband=OuterRef("pk"), gemeente__provincie=provincie
                )
            )
        )


class DeelnameFilterSet(VerbandFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    organisatie = verwijzing(Organisatie, label=_("Uuid van de organisatie."))
    actief_op = ActiefOpFilter(label=ACTIEF_OP)
    rol = django_filters.ChoiceFilter(choices=DeelnameRol.choices, label=_("Rol."))
    ordering = volgorde(
        ("samenwerkingsverband__naam", "samenwerkingsverband"),
        ("gemeente__naam", "gemeente"),
        ("toetredingsdatum", "toetredingsdatum"),
        ("uittredingsdatum", "uittredingsdatum"),
    )


class BestuursorgaanFilterSet(VerbandFilterSet):
    soort = django_filters.ChoiceFilter(choices=OrgaanSoort.choices, label=_("Soort orgaan."))
    ordering = volgorde(("samenwerkingsverband__naam", "samenwerkingsverband"), ("soort", "soort"))


class PersoonFilterSet(RegisterFilterSet):
    q = tekst_filter(
        "naam",
        label=_(
            "Deel van de naam; bij meer woorden elk woord. Hoofdletters en accenten maken niet uit."
        ),
    )
    partij = django_filters.CharFilter(
        lookup_expr="iexact", label=_("Politieke partij (hoofdletters maken niet uit).")
    )
    ordering = volgorde(("naam", "naam"))


class ZetelFilterSet(RegisterFilterSet):
    bestuursorgaan = verwijzing(Bestuursorgaan, label=_("Uuid van het bestuursorgaan."))
    persoon = verwijzing(Persoon, label=_("Uuid van de persoon."))
    samenwerkingsverband = verwijzing(
        Samenwerkingsverband,
        field_name="bestuursorgaan__samenwerkingsverband",
        label=SAMENWERKINGSVERBAND,
    )
    gemeente = verwijzing(
        Gemeente,
        field_name="deelname__gemeente",
        label=_("CBS-code van de gemeente namens welke de zetel is bezet."),
    )
    actief_op = ActiefOpFilter(label=ACTIEF_OP)
    functie = django_filters.ChoiceFilter(choices=Functie.choices, label=_("Functie."))
    rol = django_filters.ChoiceFilter(choices=ZetelRol.choices, label=_("Rol in het orgaan."))
    ordering = volgorde(("begindatum", "begindatum"), ("persoon__naam", "persoon"))


class BijdrageFilterSet(RegisterFilterSet):
    deelname = verwijzing(Deelname, label=_("Uuid van de deelname."))
    gemeente = verwijzing(
        Gemeente, field_name="deelname__gemeente", label=_("CBS-code van de betalende gemeente.")
    )
    samenwerkingsverband = verwijzing(
        Samenwerkingsverband,
        field_name="deelname__samenwerkingsverband",
        label=SAMENWERKINGSVERBAND,
    )
    jaar = JaarFilter(label=JAAR)
    soort = django_filters.ChoiceFilter(
        choices=BijdrageSoort.choices, label=_("Begroot of gerealiseerd.")
    )
    ordering = volgorde(("jaar", "jaar"), ("bedrag", "bedrag"))


class JaarcijfersFilterSet(VerbandFilterSet):
    jaar = JaarFilter(label=JAAR)
    soort = django_filters.ChoiceFilter(
        choices=JaarcijfersSoort.choices, label=_("Begroting of jaarrekening.")
    )
    ordering = volgorde(("jaar", "jaar"), ("samenwerkingsverband__naam", "samenwerkingsverband"))


class DocumentFilterSet(VerbandFilterSet):
    soort = django_filters.ChoiceFilter(choices=DocumentSoort.choices, label=_("Soort document."))
    jaar = JaarFilter(label=JAAR)
    ordering = volgorde(("jaar", "jaar"), ("datum", "datum"), ("titel", "titel"))
