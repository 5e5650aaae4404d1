"""The API's resources.

Reads: querysets with a fixed number of queries, and the core question through the same
selector as the gemeente page. Writes: the instance is filled from the request and saved by
`services.rij_opslaan` with its many-to-many values, so the API stores exactly what the admin
would store.
"""

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import (
    APIException,
    ErrorDetail,
    NotFound,
    ParseError,
    ValidationError,
)
from rest_framework.fields import get_error_detail
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from samenwerking import services
from samenwerking.adressen import SLEUTEL_IN_API
from samenwerking.models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Document,
    Gemeente,
    Jaarcijfers,
    Organisatie,
    Persoon,
    Provincie,
    Samenwerkingsverband,
    Zetel,
)
from samenwerking.peilmoment import peilmoment
from samenwerking.selectors import deelnames_van_gemeente, kostentotalen, met_inwonertal
from toegang import rechten

from . import filters
from . import serializers as s
from .kernvraag import samenwerkingsverbanden_van_gemeente
from .namen import camel, niet_op_adres, sleutel
from .permissions import kent_methode
from .versies import controleer_if_match, etag


def weiger_onbekende_parameters(request, toegestaan: set[str]) -> None:
    """A 400 naming every query parameter the endpoint does not declare, so that a typo in a
    filter name never silently returns everything; and one naming every parameter given
    without a value (`?soort=`, `?ordering=,`), which would otherwise quietly filter nothing
    (found by schemathesis: the document allows no empty values), or with a NUL character,
    which PostgreSQL cannot compare (schema.niet_leeg says both in the document); and one
    naming every parameter given more than once, of which only one value would count."""
    leeg = sorted(
        naam
        for naam, waarden in request.query_params.lists()
        if any(not w.strip() or (naam == "ordering" and "" in w.split(",")) for w in waarden)
    )
    if leeg:
        reden = _("Lege waarde. Laat de parameter weg of geef een waarde.")
        raise ValidationError({naam: [ErrorDetail(reden, code="lege_waarde")] for naam in leeg})
    nul = sorted(
        naam for naam, waarden in request.query_params.lists() if any("\x00" in w for w in waarden)
    )
    if nul:
        reden = _("Ongeldig teken (NUL) in de waarde.")
        raise ValidationError({naam: [ErrorDetail(reden, code="ongeldig_teken")] for naam in nul})
    onbekend = sorted(set(request.query_params) - toegestaan)
    if onbekend:
        reden = _("Onbekende parameter. Toegestaan: %(namen)s.") % {
            "namen": ", ".join(sorted(toegestaan)) or _("geen")
        }
        raise ValidationError(
            {naam: [ErrorDetail(reden, code="onbekende_parameter")] for naam in onbekend}
        )
    # Django would quietly use the last value: ?soort=begroot&soort=gerealiseerd answered
    # with the gerealiseerde bijdragen only.
    dubbel = sorted(naam for naam, waarden in request.query_params.lists() if len(waarden) > 1)
    if dubbel:
        reden = _(
            "Deze parameter staat er meer dan één keer in; er telt maar één waarde. Geef hem "
            "één keer (bij ordering: de velden met komma's ertussen)."
        )
        raise ValidationError({naam: [ErrorDetail(reden, code="herhaald")] for naam in dubbel})


def geldige_parameters(request, parameters_class: type[serializers.Serializer]) -> dict:
    """The query parameters as `parameters_class` validates them (a 400 naming each wrong one)."""
    serializer = parameters_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ParameterView(GenericAPIView):
    """One answer to a GET whose query parameters `parameters_class` declares: any other
    parameter is refused (weiger_onbekende_parameters); no filters, no pages."""

    parameters_class: type[serializers.Serializer]
    pagination_class = None
    filter_backends = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if kent_methode(self, request):
            weiger_onbekende_parameters(request, set(self.parameters_class().fields))

    def parameters(self) -> dict:
        return geldige_parameters(self.request, self.parameters_class)

    def gevonden(self, queryset, waarde):
        """The row of `queryset` whose key (namen.sleutel) is `waarde`; else a 404 saying what
        was not found, as the viewsets' get_object."""
        model = queryset.model
        try:
            return queryset.get(**{sleutel(model): waarde})
        except (model.DoesNotExist, DjangoValidationError):  # (not a uuid)
            raise NotFound(niet_op_adres(model, waarde)) from None


def antwoord_over_object(serializer_class: type[serializers.Serializer]):
    """An action on one object (`…/{key}/<name>`) whose answer is one document, as a
    ParameterView's: the list's filters and pages do not apply to it."""
    return action(
        detail=True, serializer_class=serializer_class, filter_backends=[], pagination_class=None
    )


class InvoerTeGroot(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "te_groot"
    default_detail = gettext_lazy(
        "De invoer is te groot. Stuur één object per verzoek; een object is nooit zo groot."
    )


class JsonParser(JSONParser):
    """JSON as DRF reads it; but a body nested deeper than Python's recursion limit
    (`[[[[…]]]]`) is a 400 like other unreadable input, not a 500 (RecursionError)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(
                _("De invoer is te diep genest. Stuur één object met zijn velden."),
                code="te_diep_genest",
            ) from None


class RegisterViewSet(viewsets.ReadOnlyModelViewSet):
    """Reading, as every resource does it.

    - Query parameters an action does not declare are rejected (400), so that a typo in a
      filter name never silently returns everything.
    - Lists are ordered stably: the requested or default order, then the primary key.
    - An unknown key is a 404 that says what was not found.
    """

    lookup_field = "uuid"
    lookup_value_regex = SLEUTEL_IN_API
    parser_classes = [JsonParser]
    filterset_class = None  # a list without filters (raad's termijnen) has none
    # Query parameters beyond the filters: action name -> serializer that validates them.
    parameter_serializers: dict[str, type[serializers.Serializer]] = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if kent_methode(self, request):
            weiger_onbekende_parameters(request, self.toegestane_parameters())

    def toegestane_parameters(self) -> set[str]:
        namen = set()
        if self.action == "list":
            if self.filterset_class is not None:
                namen |= set(self.filterset_class.base_filters)
            namen |= {self.paginator.page_query_param, self.paginator.page_size_query_param}
        if self.action in self.parameter_serializers:
            namen |= set(self.parameter_serializers[self.action]().fields)
        return namen

    def parameters(self) -> dict:
        """The validated query parameters of the action (parameter_serializers)."""
        return geldige_parameters(self.request, self.parameter_serializers[self.action])

    def handle_exception(self, exc):
        if isinstance(exc, RequestDataTooBig):
            exc = InvoerTeGroot()  # Django would answer with its HTML 400 page
        return super().handle_exception(exc)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        volgorde = queryset.query.order_by or queryset.model._meta.ordering
        return queryset.order_by(*volgorde, "pk")

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            model = self.queryset.model
            raise NotFound(niet_op_adres(model, self.kwargs[self.lookup_field])) from None


class BeheerViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, RegisterViewSet):
    """Reading for everyone; creating and changing for the roles that may (permissions.py),
    always through `services.rij_opslaan` (the model's rules come from the services' one
    mapping). A read of one object and every write answer with its ETag; a change needs that
    ETag in If-Match (versies.py)."""

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        return Response(self.get_serializer(instance).data, headers={"ETag": etag(instance)})

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        antwoord = super().create(request, *args, **kwargs)
        antwoord["ETag"] = etag(self._opgeslagen)
        return antwoord

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        antwoord = super().update(request, *args, **kwargs)
        antwoord["ETag"] = etag(self._opgeslagen)
        return antwoord

    def get_object(self):
        instance = super().get_object()  # 404, then 403 for another regio's row
        # A change names its version; DRF's OPTIONS probe (action "metadata", which asks
        # get_object() of a PUT without If-Match) asks only the permissions.
        if self.action in ("update", "partial_update"):
            controleer_if_match(self.request, instance)
        return instance

    def perform_create(self, serializer):
        serializer.instance = self._opslaan(serializer.Meta.model(), serializer)
        if isinstance(serializer.instance, Samenwerkingsverband):
            rechten.eigen_maken(self.request.user, serializer.instance)

    def perform_update(self, serializer):
        self._opslaan(serializer.instance, serializer)

    def _opslaan(self, instance, serializer):
        gegevens = dict(serializer.validated_data)
        veelvoudig = {
            veld.name: gegevens.pop(veld.name)
            for veld in instance._meta.many_to_many
            if veld.name in gegevens
        }
        # The rows the body chooses (foreign keys), with the key each field has as stored.
        keuzes = {
            naam: (waarde, getattr(instance, f"{naam}_id"))
            for naam, waarde in gegevens.items()
            if isinstance(waarde, models.Model)
        }
        for naam, waarde in gegevens.items():
            setattr(instance, naam, waarde)
        # The row as it will be stored must be the role's too: no moving a deelname to
        # another regio's arrangement, no new rows there.
        self.check_object_permissions(self.request, instance)
        # Nor a choice the admin does not offer: another regio's arrangement as bovenliggend.
        niet_beheerd = {
            naam: rechten.niet_beheerd(type(gekozen))
            for naam, (gekozen, opgeslagen) in keuzes.items()
            if not rechten.mag_kiezen(self.request.user, gekozen, opgeslagen)
        }
        if niet_beheerd:
            raise ValidationError(api_fouten(DjangoValidationError(niet_beheerd), serializer))
        try:
            services.rij_opslaan(rij=instance, veel_op_veel=veelvoudig)
        except DjangoValidationError as error:
            raise ValidationError(api_fouten(error, serializer)) from None
        self._opgeslagen = instance
        return instance


def api_fouten(error: DjangoValidationError, serializer) -> dict | list:
    """A service's errors, keyed by model field, re-keyed by the API's field names."""
    # The field a client writes, not its read-only twin of the same source (`statusLabel`).
    velden = sorted(serializer.fields.items(), key=lambda paar: not paar[1].read_only)
    namen = {veld.source: naam for naam, veld in velden}
    namen[NON_FIELD_ERRORS] = NON_FIELD_ERRORS
    detail = get_error_detail(error)
    if isinstance(detail, dict):
        return {namen.get(veld) or camel(veld): fouten for veld, fouten in detail.items()}
    return detail


# --- Reference data: read only (loaded by `laad_referentiedata`) ------------------------------


class ProvincieViewSet(RegisterViewSet):
    queryset = Provincie.objects.all()
    serializer_class = s.ProvincieSerializer
    filterset_class = filters.ProvincieFilterSet
    lookup_field = sleutel(Provincie)


class GemeenteViewSet(RegisterViewSet):
    queryset = Gemeente.objects.all()
    serializer_class = s.GemeenteSerializer
    filterset_class = filters.GemeenteFilterSet
    lookup_field = sleutel(Gemeente)
    parameter_serializers = {"samenwerkingsverbanden": s.PeilParametersSerializer}

    def get_queryset(self):
        if self.action == "samenwerkingsverbanden":
            # With its Inwonertal of the year asked for: kostentotalen reads none.
            return met_inwonertal(self.queryset, jaar=self.jaar)
        return self.queryset.select_related("provincie").prefetch_related("opvolgers")

    @extend_schema(
        summary=gettext_lazy("In welke samenwerkingsverbanden zit deze gemeente, en wat kost elk?"),
        description=gettext_lazy(
            "Elk samenwerkingsverband waarin de gemeente op de peildatum deelneemt, met de "
            "deelname, of het een verbonden partij is, wie de gemeente er vertegenwoordigt en "
            "de bijdrage in het jaar; plus de totalen van de gemeente, ook per inwoner als het "
            "inwonertal bekend is. Dezelfde gegevens als de gemeentepagina. Bedragen zijn "
            "decimale teksten in euro's; onbekend is null, nooit 0."
        ),
    )
    @antwoord_over_object(s.SamenwerkingsverbandenVanGemeenteSerializer)
    def samenwerkingsverbanden(self, request, **kwargs):
        parameters = self.parameters()
        peildatum, jaar = peilmoment(parameters.get("peildatum"), parameters.get("jaar"))
        self.jaar = jaar
        gemeente = self.get_object()
        # The answer shows one year: the year before is not read.
        deelnames = deelnames_van_gemeente(
            gemeente, peildatum=peildatum, jaar=jaar, vorig_jaar=False
        )
        antwoord = samenwerkingsverbanden_van_gemeente(
            request,
            gemeente=gemeente,
            peildatum=peildatum,
            jaar=jaar,
            deelnames=deelnames,
            totalen=kostentotalen(gemeente, deelnames, jaar=jaar, vorig_jaar=False),
        )
        return Response(antwoord)


# --- The register: read for everyone, write for staff -----------------------------------------


class OrganisatieViewSet(BeheerViewSet):
    queryset = Organisatie.objects.select_related("provincie")
    serializer_class = s.OrganisatieSerializer
    filterset_class = filters.OrganisatieFilterSet


class SamenwerkingsverbandViewSet(BeheerViewSet):
    queryset = Samenwerkingsverband.objects.select_related(
        "centrumgemeente",
        "bovenliggend",
        "vorige_versie",
        "uitvoerende_organisatie",
        "in_landelijk_register",
    ).prefetch_related("domeinen", "versies", "wettelijke_grondslagen", "bevoegdheden")
    serializer_class = s.SamenwerkingsverbandSerializer
    filterset_class = filters.SamenwerkingsverbandFilterSet


class DeelnameViewSet(BeheerViewSet):
    queryset = Deelname.objects.select_related("samenwerkingsverband", "gemeente", "organisatie")
    serializer_class = s.DeelnameSerializer
    filterset_class = filters.DeelnameFilterSet


class BestuursorgaanViewSet(BeheerViewSet):
    queryset = Bestuursorgaan.objects.select_related("samenwerkingsverband")
    serializer_class = s.BestuursorgaanSerializer
    filterset_class = filters.BestuursorgaanFilterSet


class PersoonViewSet(BeheerViewSet):
    queryset = Persoon.objects.all()
    serializer_class = s.PersoonSerializer
    filterset_class = filters.PersoonFilterSet


class ZetelViewSet(BeheerViewSet):
    queryset = Zetel.objects.select_related("bestuursorgaan", "deelname", "persoon")
    serializer_class = s.ZetelSerializer
    filterset_class = filters.ZetelFilterSet


class BijdrageViewSet(BeheerViewSet):
    queryset = Bijdrage.objects.select_related(
        "deelname__gemeente", "deelname__samenwerkingsverband"
    )
    serializer_class = s.BijdrageSerializer
    filterset_class = filters.BijdrageFilterSet


class JaarcijfersViewSet(BeheerViewSet):
    queryset = Jaarcijfers.objects.select_related("samenwerkingsverband", "bron_document")
    serializer_class = s.JaarcijfersSerializer
    filterset_class = filters.JaarcijfersFilterSet


class DocumentViewSet(BeheerViewSet):
    queryset = Document.objects.select_related("samenwerkingsverband")
    serializer_class = s.DocumentSerializer
    filterset_class = filters.DocumentFilterSet
