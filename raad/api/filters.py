"""Query parameters of the calendar's list endpoints (see samenwerking.api.filters)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from raad.constants import Vaststelling, VergaderingSoort, ZienswijzeSoort, ZienswijzeStatus
from raad.models import Zienswijzeverzoek
from raad.sturing import KaderSoort
from samenwerking.api.filters import (
    DatumFilter,
    JaarFilter,
    RegisterFilterSet,
    VerbandFilterSet,
    verwijzing,
    volgorde,
)
from samenwerking.api.namen import GEMEENTE, SAMENWERKINGSVERBAND
from samenwerking.models import Gemeente, Samenwerkingsverband


class ZienswijzeverzoekFilterSet(VerbandFilterSet):
    soort = django_filters.ChoiceFilter(choices=ZienswijzeSoort.choices, label=_("Soort verzoek."))
    jaar = JaarFilter(label=_("Begrotingsjaar, bijvoorbeeld 2026."))
    ordering = volgorde(("uiterste_datum", "uitersteDatum"), ("ontvangen_op", "ontvangenOp"))


class ZienswijzeFilterSet(RegisterFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    samenwerkingsverband = verwijzing(
        Samenwerkingsverband,
        field_name="zienswijzeverzoek__samenwerkingsverband",
        label=SAMENWERKINGSVERBAND,
    )
    zienswijzeverzoek = verwijzing(Zienswijzeverzoek, label=_("Uuid van het zienswijzeverzoek."))
    status = django_filters.ChoiceFilter(
        field_name="actuele_status",
        choices=ZienswijzeStatus.choices,
        label=_("Status zoals die vandaag luidt, ook termijn_verstreken."),
    )
    ordering = volgorde(
        ("zienswijzeverzoek__uiterste_datum", "uitersteDatum"), ("gemeente__naam", "gemeente")
    )


class KaderFilterSet(VerbandFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    soort = django_filters.ChoiceFilter(choices=KaderSoort.choices, label=_("Soort kader."))
    jaar = JaarFilter(label=_("Jaar waarvoor de kaders gelden, bijvoorbeeld 2026."))
    ordering = volgorde(("jaar", "jaar"), ("besluitdatum", "besluitdatum"))


class DoelFilterSet(VerbandFilterSet):
    pass


class VanTotForm(forms.Form):
    """`van` must lie before `tot`: an empty range is a mistake, said as such."""

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and van >= tot:
            self.add_error(
                "tot",
                ValidationError(
                    _("Tot: kies een datum na van (%(van)s); de dag tot telt zelf niet mee.")
                    % {"van": van.isoformat()},
                    code="tot_voor_van",
                ),
            )
        return gegevens


class VergaderperiodeFilterSet(RegisterFilterSet):
    """`van` and `tot`: meetings dated in [van, tot), the register's half-open period."""

    van = DatumFilter(
        field_name="datum",
        lookup_expr="gte",
        label=_("Alleen vergaderingen op of na deze datum, bijvoorbeeld 2026-01-01."),
    )
    tot = DatumFilter(
        field_name="datum",
        lookup_expr="lt",
        label=_(
            "Alleen vergaderingen vóór deze datum (die dag zelf niet meer), bijvoorbeeld "
            "2027-01-01."
        ),
    )

    class Meta:
        form = VanTotForm


class VergaderingFilterSet(VergaderperiodeFilterSet):
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)
    soort = django_filters.ChoiceFilter(
        choices=VergaderingSoort.choices, label=_("Soort vergadering.")
    )
    ordering = volgorde(("datum", "datum"))


class VaststellingsvergaderingFilterSet(VergaderperiodeFilterSet):
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)
    vaststelling = django_filters.ChoiceFilter(
        choices=Vaststelling.choices, label=_("Wat het bestuur vaststelt.")
    )
    jaar = JaarFilter(
        label=_("Het begrotingsjaar, of het jaar van de jaarrekening, bijvoorbeeld 2026.")
    )
    ordering = volgorde(("datum", "datum"), ("jaar", "jaar"))


class RaadsvergaderingFilterSet(VergaderperiodeFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    ordering = volgorde(("datum", "datum"))
