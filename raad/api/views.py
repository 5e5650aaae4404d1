"""API endpoints of the council's documents: the verbonden-partijen list as JSON or as a file.

Same list and same files as the page /gemeenten/<cbs_code>/verbonden-partijen/.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from samenwerking.api.base import JaarField
from samenwerking.api.exceptions import ProblemenInJson
from samenwerking.api.namen import als_keuze
from samenwerking.api.viewsets import ParameterView
from samenwerking.models import Gemeente
from samenwerking.tekst import keuzefout

from .. import exports
from ..parameters import (
    BESTANDSFORMATEN,
    MEDIATYPEN,
    Formaat,
    Kolommen,
    Modus,
    kolommen_parameter,
    lijst_parameters,
)
from ..selectors import verbonden_partijen


class BestandRenderer(BaseRenderer):
    """Passes on the bytes that raad.exports made."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def _renderer(formaat: str) -> type[BestandRenderer]:
    return type(
        f"{formaat.upper()}Renderer",
        (BestandRenderer,),
        {"media_type": MEDIATYPEN[formaat].split(";")[0], "format": formaat},
    )


# JSON is the answer itself; the other files pass through a BestandRenderer.
SPREADSHEETS = [f for f in BESTANDSFORMATEN if f != Formaat.JSON]
RENDERERS = [JSONRenderer, *(_renderer(f) for f in SPREADSHEETS)]
FORMATEN = [Formaat.JSON.value, *SPREADSHEETS]


class KeuzeParameter(serializers.ChoiceField):
    """A query parameter with a fixed set of values, in any case (namen.als_keuze)."""

    def to_internal_value(self, data):
        return super().to_internal_value(als_keuze(data, self.choices))


def _keuzeparameter(naam, waarden: list[str], help_text) -> serializers.ChoiceField:
    """An optional parameter with a fixed set of values; another value is refused with a
    message naming the parameter and the values (samenwerking.tekst.keuzefout)."""
    return KeuzeParameter(
        choices=waarden,
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": keuzefout(naam, waarden)},
    )


class VerbondenPartijenParametersSerializer(serializers.Serializer):
    jaar = JaarField(required=False, help_text=_("Jaar van de lijst. Standaard: dit jaar."))
    modus = _keuzeparameter(
        _("Modus"),
        Modus.values,
        _(
            "Voor de begroting (cijfers uit de begroting van elk verband) of de jaarrekening "
            "(gerealiseerde cijfers). Standaard: begroting."
        ),
    )
    kolommen = _keuzeparameter(
        _("Kolommen"),
        Kolommen.values,
        _(
            "bbv (standaard): de kolommen van BBV art. 15; uitgebreid: ook programma, eigenaars- "
            "en opdrachtgeversrol, aandelenbelang, meerjarenraming en solvabiliteit."
        ),
    )
    formaat = _keuzeparameter(
        _("Formaat"),
        FORMATEN,
        _("json (standaard), xlsx, csv (Nederlandse Excel) of ods. Kan ook met de Accept-kop."),
    )


class VerbondenPartijenView(ProblemenInJson, ParameterView):
    """Problems are always JSON, whatever file was asked for."""

    parameters_class = VerbondenPartijenParametersSerializer
    renderer_classes = RENDERERS

    @extend_schema(
        operation_id="gemeenten_verbonden_partijen",
        summary=_("De lijst verbonden partijen (BBV art. 15) van een gemeente"),
        description=_(
            "De verbonden partijen van de gemeente in het jaar, per BBV-categorie, met waarom "
            "elke deelname wel of niet meetelt, en apart de overige samenwerkingsverbanden. "
            "JSON volgens docs/verbonden-partijen.schema.json, of een bestand (xlsx, csv, ods) "
            "via ?formaat= of de Accept-kop. Bedragen zijn decimale teksten; onbekend is null."
        ),
        parameters=[
            OpenApiParameter(
                "cbs_code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=_("CBS-code van de gemeente, bijvoorbeeld GM0363."),
            ),
        ],
        responses={
            (200, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description=_("De lijst als open data (JSON).")
            ),
            **{
                (200, MEDIATYPEN[f].split(";")[0]): OpenApiResponse(
                    OpenApiTypes.BINARY, description=_("De lijst als bestand.")
                )
                for f in SPREADSHEETS
            },
        },
    )
    def get(self, request, cbs_code: str):
        parameters = self.parameters()
        gemeente = self.gevonden(Gemeente.objects.all(), cbs_code)
        jaar, modus = lijst_parameters(parameters)
        formaat = parameters.get("formaat") or request.accepted_renderer.format
        kolommen = kolommen_parameter(parameters)
        lijst = verbonden_partijen(gemeente, jaar=jaar, modus=modus, kolommen=kolommen)
        if formaat == Formaat.JSON:
            request.accepted_renderer, request.accepted_media_type = (
                JSONRenderer(),
                "application/json",
            )
            return Response(exports.verbonden_partijen_json(lijst))
        renderer = next(r for r in RENDERERS if r.format == formaat)()
        request.accepted_renderer, request.accepted_media_type = renderer, renderer.media_type
        naam = f"{lijst.bestandsnaam}.{formaat}"
        return Response(
            exports.verbonden_partijen_bestand(lijst, formaat),
            content_type=MEDIATYPEN[formaat],
            headers={"Content-Disposition": f'attachment; filename="{naam}"'},
        )
