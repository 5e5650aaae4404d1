"""The calendar's resources: zienswijzeverzoeken and zienswijzen (read for everyone, write for
staff through raad.services, zienswijzen only for the gemeenten raad.rechten allows), and the
P&C termijnen computed by raad.termijnen."""

import datetime

from django.db.models import CharField, Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ErrorDetail, PermissionDenied, ValidationError
from rest_framework.response import Response

from raad import rechten, services
from raad.constants import PC_VORMEN, VergaderingSoort
from raad.models import (
    Bestuursvergadering,
    Raadsvergadering,
    Vergadering,
    Zienswijze,
    Zienswijzeverzoek,
)
from raad.sturing import Kader
from raad.sturing_selectors import doelen_met_indicatoren
from raad.termijnen import pc_termijnen
from raad.vergaderingen import raden_van_zienswijzeverzoek, zienswijzen_met_besluitdatum
from raad.vergaderlijst import Vergaderlijst, Vergaderpaginator
from samenwerking.api.namen import camel
from samenwerking.api.pagination import Paginering
from samenwerking.api.permissions import RegisterRechten
from samenwerking.api.viewsets import BeheerViewSet, RegisterViewSet, antwoord_over_object
from samenwerking.models import Deelname, Samenwerkingsverband, periode_overlapt_q
from samenwerking.peilmoment import peilmoment
from toegang import rechten as toegang_rechten

from . import filters
from . import serializers as s


class ZienswijzeverzoekViewSet(BeheerViewSet):
    queryset = Zienswijzeverzoek.objects.select_related("samenwerkingsverband")
    serializer_class = s.ZienswijzeverzoekSerializer
    filterset_class = filters.ZienswijzeverzoekFilterSet

    def _opslaan(self, instance, serializer):
        """The request, then a zienswijze for every participating raad (as the admin)."""
        instance = super()._opslaan(instance, serializer)
        services.zienswijzen_klaarzetten(zienswijzeverzoek=instance)
        return instance

    @extend_schema(
        summary=gettext_lazy("De zienswijzen van alle raden bij dit verzoek"),
        description=gettext_lazy(
            "Elke raad van een gemeente die op de dag van ontvangst aan de regeling deelnam, op "
            "naam: de status vandaag (nog te agenderen, geagendeerd, ingediend, geen "
            "zienswijze, termijn verstreken), de raadsvergadering waarin de raad uiterlijk moet "
            "besluiten, de samenvatting van de zienswijze en de reactie van het bestuur; met de "
            "tellingen. Dezelfde gegevens als de pagina van het verzoek."
        ),
    )
    @antwoord_over_object(s.RadenoverzichtSerializer)
    def raden(self, request, **kwargs):
        overzicht = raden_van_zienswijzeverzoek(self.get_object(), vandaag=timezone.localdate())
        return Response(self.get_serializer(overzicht).data)


# The bestuur's reasoned reply to a raad's zienswijze: written by the regeling's side (who may
# change the request: its secretariaat, a beheerder), never by the raad that gave it.
BESTUURSVELDEN = {"reactie_bestuur"}


class ZienswijzeRechten(RegisterRechten):
    """A zienswijze is changed by the griffie of its gemeente; its reply (BESTUURSVELDEN) by
    whoever may change its request. Which fields each side writes: ZienswijzeViewSet."""

    def has_permission(self, request, view):
        return super().has_permission(request, view) or (
            request.method in ("PUT", "PATCH")
            and request.user.is_authenticated
            and toegang_rechten.mag_model(request.user, toegang_rechten.WIJZIGEN, Zienswijzeverzoek)
        )

    def has_object_permission(self, request, view, obj):
        return super().has_object_permission(request, view, obj) or (
            request.method in ("PUT", "PATCH")
            and rechten.mag_reactie_bestuur_schrijven(request.user, obj.zienswijzeverzoek)
        )


class ZienswijzeViewSet(BeheerViewSet):
    queryset = Zienswijze.objects.select_related(
        "gemeente", "zienswijzeverzoek__samenwerkingsverband"
    )
    serializer_class = s.ZienswijzeSerializer
    filterset_class = filters.ZienswijzeFilterSet
    permission_classes = [ZienswijzeRechten]

    def get_queryset(self):
        return zienswijzen_met_besluitdatum(self.queryset).met_actuele_status(timezone.localdate())

    def get_serializer(self, *args, **kwargs):
        """OPTIONS (DRF's probe, action "metadata") shows as writable only what the caller
        may write (the same rules as `_eigen_velden`): the bestuur's reply for whoever may
        change the request, the raad's fields for the griffie of the gemeente."""
        serializer = super().get_serializer(*args, **kwargs)
        if self.action == "metadata":
            mag_bestuur, mag_raad = self._schrijfrechten()
            for veld in serializer.fields.values():
                if not (mag_bestuur if veld.source in BESTUURSVELDEN else mag_raad):
                    veld.read_only, veld.required = True, False
        return serializer

    def _schrijfrechten(self) -> tuple[bool, bool]:
        """(may write the bestuur's reply, may write the raad's fields) on this address: of
        the zienswijze as stored, or, for a new one, by role."""
        user = self.request.user
        if self.lookup_field in self.kwargs:
            zienswijze = self.get_object()
            return (
                rechten.mag_reactie_bestuur_schrijven(user, zienswijze.zienswijzeverzoek),
                rechten.mag_gemeente_beheren(user, zienswijze.gemeente),
            )
        return (
            toegang_rechten.mag_model(user, toegang_rechten.WIJZIGEN, Zienswijzeverzoek),
            toegang_rechten.mag_model(user, toegang_rechten.TOEVOEGEN, Zienswijze),
        )

    def _eigen_velden(self, zienswijze, gegevens: dict, verzoek) -> None:
        """The raad's fields need the griffie of the gemeente (`_mag`), the bestuur's reply
        someone who may change the request: a 400 naming a reply the caller may not write,
        a 403 for the raad's fields. A field sent as stored (an object sent back as read)
        changes nothing and needs neither."""
        gewijzigd = {
            naam
            for naam, waarde in gegevens.items()
            if getattr(zienswijze, naam, None) != waarde  # (a new one has no relations yet)
        }
        bestuur = gewijzigd & BESTUURSVELDEN
        mag_bestuur = rechten.mag_reactie_bestuur_schrijven(self.request.user, verzoek)
        if bestuur and not mag_bestuur:
            reden = _(
                "De reactie van het bestuur legt het bestuur van de regeling vast (het "
                "regiosecretariaat of een beheerder), niet de raad. Laat dit veld weg of stuur "
                "het zoals het is."
            )
            raise ValidationError(
                {camel(naam): [ErrorDetail(reden, code="veld_van_het_bestuur")] for naam in bestuur}
            )
        if gewijzigd - bestuur or not mag_bestuur:
            try:
                self._mag(getattr(zienswijze, "gemeente", None), gegevens.get("gemeente"))
            except PermissionDenied:
                if not mag_bestuur:
                    raise
                raise PermissionDenied(
                    _(
                        "Van een zienswijze legt het bestuur van de regeling alleen de reactie "
                        "van het bestuur vast (reactieBestuur); %(velden)s legt de griffie "
                        "van de gemeente vast."
                    )
                    % {"velden": ", ".join(sorted(camel(naam) for naam in gewijzigd - bestuur))}
                ) from None

    def _mag(self, *gemeenten) -> None:
        for gemeente in gemeenten:
            if gemeente is not None and not rechten.mag_gemeente_beheren(
                self.request.user, gemeente
            ):
                raise PermissionDenied(
                    _("Geen toestemming voor de zienswijzen van %(gemeente)s.")
                    % {"gemeente": gemeente}
                )

    def perform_create(self, serializer):
        gegevens = serializer.validated_data
        self._eigen_velden(Zienswijze(), gegevens, gegevens.get("zienswijzeverzoek"))
        super().perform_create(serializer)
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)

    def perform_update(self, serializer):
        zienswijze = serializer.instance
        self._eigen_velden(zienswijze, serializer.validated_data, zienswijze.zienswijzeverzoek)
        super().perform_update(serializer)
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)


class KaderViewSet(RegisterViewSet):
    """The raden's kaders per regeling; read only (the griffie enters them in the admin)."""

    queryset = Kader.objects.select_related("gemeente", "samenwerkingsverband")
    serializer_class = s.KaderSerializer
    filterset_class = filters.KaderFilterSet


class DoelViewSet(RegisterViewSet):
    """A regeling's doelen with their indicators and values per year; read only (the
    secretariaat enters them in the admin). Three queries per page, whatever its size."""

    queryset = doelen_met_indicatoren().select_related("samenwerkingsverband")
    serializer_class = s.DoelSerializer
    filterset_class = filters.DoelFilterSet


class Vergaderpaginering(Paginering):
    """The meetings list's pages: counted only when a page is full (raad.vergaderlijst)."""

    django_paginator_class = Vergaderpaginator


class VergaderingViewSet(BeheerViewSet):
    """Meetings of a regeling's boards and for the raden; written by its secretariaat. The
    list shows them as the calendars do: with the vaststellingsvergaderingen as meetings of
    the algemeen bestuur, one entry per board meeting (raad.vergaderregels), under the same
    filters. Their address is that of their (first) vaststelling under
    vaststellingsvergaderingen; the detail and the writes here are `Vergadering` rows only."""

    queryset = Vergadering.objects.select_related("samenwerkingsverband")
    serializer_class = s.VergaderingSerializer
    filterset_class = filters.VergaderingFilterSet
    pagination_class = Vergaderpaginering

    @extend_schema(
        description=gettext_lazy(
            "De vergaderingen van de besturen van regelingen en die voor de raden, zoals de "
            "kalenders ze tonen: ook de vaststellingsvergaderingen (begroting, jaarrekening) "
            "als vergadering van het algemeen bestuur (bron vaststellingsvergadering, met "
            "vaststelt), één per regeling en dag. De filters gelden voor beide; soort "
            "algemeen_bestuur omvat de vaststellingsvergaderingen. Standaard de nieuwste eerst."
        )
    )
    def list(self, request, *args, **kwargs):
        # Queries: the samenwerkingsverband filter's look-up (when given), the page's meetings
        # in order, their Vergadering rows and vaststellingen, and the count when the page is
        # full (raad.vergaderlijst).
        filterset = DjangoFilterBackend().get_filterset(
            request, self.get_queryset().only(*VERGADERING_VELDEN, *VERBAND_VELDEN), self
        )
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        vaststellingen = filterset.filter_queryset(
            Bestuursvergadering.objects.annotate(
                soort=Value(VergaderingSoort.ALGEMEEN_BESTUUR, output_field=CharField())
            )
            .select_related("samenwerkingsverband")
            .only(*VASTSTELLING_VELDEN, *VERBAND_VELDEN)
        )
        volgorde = filterset.qs.query.order_by or Vergadering._meta.ordering
        pagina = self.paginate_queryset(Vergaderlijst(filterset.qs, vaststellingen, volgorde))
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)


# What the list shows and orders by (VergaderingSerializer; the default order's naam).
VERGADERING_VELDEN = (
    "uuid",
    "created_at",
    "updated_at",
    "soort",
    "datum",
    "omschrijving",
    "agenda_url",
    "besluiten_url",
)
VASTSTELLING_VELDEN = ("uuid", "created_at", "updated_at", "vaststelling", "jaar", "datum")
VERBAND_VELDEN = ("samenwerkingsverband__uuid", "samenwerkingsverband__naam")


class VaststellingsvergaderingViewSet(RegisterViewSet):
    """The vaststellingen as entered (`Bestuursvergadering` rows), read only: the address of a
    vaststellingsvergadering in the meetings list. The secretariaat enters them in the admin."""

    queryset = Bestuursvergadering.objects.select_related("samenwerkingsverband")
    serializer_class = s.VaststellingsvergaderingSerializer
    filterset_class = filters.VaststellingsvergaderingFilterSet


class RaadsvergaderingViewSet(BeheerViewSet):
    """A raad's own meetings; written by the griffie of that gemeente only (toegang.rechten,
    asked of the row as stored and as it will be stored)."""

    queryset = Raadsvergadering.objects.select_related("gemeente")
    serializer_class = s.RaadsvergaderingSerializer
    filterset_class = filters.RaadsvergaderingFilterSet


class TermijnViewSet(RegisterViewSet):
    """Computed, so only a list (routed by hand, without a detail address)."""

    queryset = Samenwerkingsverband.objects.filter(vorm__in=PC_VORMEN)
    serializer_class = s.TermijnSerializer
    parameter_serializers = {"list": s.TermijnParametersSerializer}
    filter_backends = []

    @extend_schema(
        summary=gettext_lazy("P&C-termijnen van een begrotingsjaar"),
        description=gettext_lazy(
            "De wettelijke momenten van de P&C-cyclus van een begrotingsjaar (Wgr art. 34, 34b "
            "en 35) per samenwerkingsverband met een eigen begroting (openbaar lichaam, "
            "bedrijfsvoeringsorganisatie, gemeenschappelijk orgaan), op datum. Elke datum is de "
            "laatste dag waarop het op tijd is. Een vastgelegde vaststellingsvergadering bepaalt "
            "de datums die ervan afhangen; zonder vergadering is het de uiterste wettelijke "
            "datum (afgeleid); een afwijkende datum van de regeling gaat voor."
        ),
    )
    def list(self, request, *args, **kwargs):
        parameters = self.parameters()
        _peildatum, jaar = peilmoment(jaar=parameters.get("jaar"))
        # The cycle of begrotingsjaar J runs from January J-1 to July J+1.
        van, tot = datetime.date(jaar - 1, 1, 1), datetime.date(jaar + 2, 1, 1)
        verbanden = self.get_queryset().filter(
            periode_overlapt_q(van, tot, "ingangsdatum", "einddatum"), alleen_historisch=False
        )
        if parameters.get("samenwerkingsverband"):
            verbanden = verbanden.filter(pk=parameters["samenwerkingsverband"].pk)
        if parameters.get("gemeente"):
            verbanden = verbanden.filter(
                Exists(
                    Deelname.objects.filter(
                        periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum"),
                        samenwerkingsverband=OuterRef("pk"),
                        gemeente=parameters["gemeente"],
                    )
                )
            )
        termijnen = pc_termijnen(verbanden.order_by("naam", "pk"), [jaar])
        pagina = self.paginate_queryset(termijnen)
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)
