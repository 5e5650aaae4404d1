"""The admin's list filters: rows running on a date, arrangements by provincie, gemeenten that
exist or were dissolved (the half-open period of `samenwerking.periode`)."""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Deelname, Provincie
from ..periode import geeindigd_q, periode_q


def aantal_vandaag(relatie: str, begin: str, eind: str) -> Count:
    """How many related rows run today (their [begin, eind) holds today): a list column."""
    return Count(relatie, filter=periode_q(timezone.localdate(), begin, eind, f"{relatie}__"))


class ActiefOpFilter(admin.SimpleListFilter):
    """Rows active on a date (any ISO date via the date field, or one of the shortcuts)."""

    title = _("actief op datum")
    parameter_name = "actief_op"
    template = "admin/samenwerking/datum_filter.html"

    def lookups(self, request, model_admin):
        vandaag = timezone.localdate()
        return [
            (vandaag.isoformat(), _("Vandaag")),
            (vandaag.replace(month=1, day=1).isoformat(), _("1 januari dit jaar")),
            (
                vandaag.replace(year=vandaag.year - 1, month=1, day=1).isoformat(),
                _("1 januari vorig jaar"),
            ),
        ]

    def choices(self, changelist):
        # Kept as hidden fields so that the date form keeps search, ordering and other filters.
        self.overige_parameters = {
            k: v for k, v in changelist.params.items() if k not in {self.parameter_name, "p", "e"}
        }
        yield from super().choices(changelist)

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            datum = datetime.date.fromisoformat(self.value())
        except ValueError:
            raise IncorrectLookupParameters(
                _("Actief op: %(waarde)s is geen datum (JJJJ-MM-DD).") % {"waarde": self.value()}
            ) from None
        return queryset.actief_op(datum)


class ProvincieFilter(admin.SimpleListFilter):
    """Arrangements with at least one (ever) participating gemeente in the provincie."""

    title = _("provincie van een deelnemer")
    parameter_name = "provincie"

    def lookups(self, request, model_admin):
        return list(Provincie.objects.values_list("code", "naam"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Exists(
                Deelname.objects.filter(
                    samenwerkingsverband=OuterRef("pk"), gemeente__provincie__code=self.value()
                )
            )
        )


class GemeenteStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("actief", _("Bestaat nu")), ("opgeheven", _("Opgeheven"))]

    def queryset(self, request, queryset):
        vandaag = timezone.localdate()
        if self.value() == "actief":
            return queryset.actief_op(vandaag)
        if self.value() == "opgeheven":
            return queryset.filter(geeindigd_q(vandaag, "einddatum"))
        return queryset
