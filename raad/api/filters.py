"""Query parameters of the calendar's list endpoints (see samenwerking.api.filters)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from raad.constants import VergaderingSoort, ZienswijzeSoort, ZienswijzeStatus
from raad.models import Zienswijzeverzoek
from raad.sturing import KaderSoort
from samenwerking.api.filters import (
    GEMEENTE,
    SAMENWERKINGSVERBAND,
    JaarFilter,
    RegisterFilterSet,
    verwijzing,
    volgorde,
)
from samenwerking.models import Gemeente, Samenwerkingsverband


class ZienswijzeverzoekFilterSet(RegisterFilterSet):
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)
    soort = django_filters.ChoiceFilter(choices=ZienswijzeSoort.choices, label=_("Soort verzoek."))
    jaar = JaarFilter(label=_("Begrotingsjaar, bijvoorbeeld 2026."))
    ordering = volgorde(("uiterste_datum", "uiterste_datum"), ("ontvangen_op", "ontvangen_op"))


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
        ("zienswijzeverzoek__uiterste_datum", "uiterste_datum"), ("gemeente__naam", "gemeente")
    )


class KaderFilterSet(RegisterFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)
    soort = django_filters.ChoiceFilter(choices=KaderSoort.choices, label=_("Soort kader."))
    jaar = JaarFilter(label=_("Jaar waarvoor de kaders gelden, bijvoorbeeld 2026."))
    ordering = volgorde(("jaar", "jaar"), ("besluitdatum", "besluitdatum"))


class DoelFilterSet(RegisterFilterSet):
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)


class VergaderingFilterSet(RegisterFilterSet):
    samenwerkingsverband = verwijzing(Samenwerkingsverband, label=SAMENWERKINGSVERBAND)
    soort = django_filters.ChoiceFilter(
        choices=VergaderingSoort.choices, label=_("Soort vergadering.")
    )
    ordering = volgorde(("datum", "datum"))


class RaadsvergaderingFilterSet(RegisterFilterSet):
    gemeente = verwijzing(Gemeente, label=GEMEENTE)
    ordering = volgorde(("datum", "datum"))
