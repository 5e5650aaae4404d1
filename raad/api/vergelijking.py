"""API endpoint of the cost comparison: each deelnemende gemeente's bijdrage per inwoner in
one regeling and year, with the verdeelsleutel and the spread. Same figures as the section
"Kosten per inwoner" on the arrangement page (`selectors.kosten_per_deelnemer`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from samenwerking.api.base import JaarField
from samenwerking.api.namen import SAMENWERKINGSVERBAND
from samenwerking.api.viewsets import ParameterView
from samenwerking.financien import bedrag_json, verdeelsleutel_json
from samenwerking.models import Samenwerkingsverband
from samenwerking.selectors import Spreiding, kosten_per_deelnemer, spreiding


class KostenParametersSerializer(serializers.Serializer):
    jaar = JaarField(required=False, help_text=_("Jaar van de bijdragen. Standaard: dit jaar."))


def _spreiding(s: Spreiding) -> dict:
    return {
        "laagste": bedrag_json(s.laagste),
        "mediaan": bedrag_json(s.mediaan),
        "hoogste": bedrag_json(s.hoogste),
        "metCijfers": s.met_cijfers,
        "aantal": s.aantal,
    }


def kosten_per_inwoner_json(verband: Samenwerkingsverband, *, jaar: int) -> dict:
    """The comparison as JSON: amounts as decimal strings, unknown as null (never 0)."""
    rijen = kosten_per_deelnemer([verband.pk], jaar=jaar).get(verband.pk, [])
    return {
        "samenwerkingsverband": str(verband.uuid),
        "naam": verband.naam,
        "jaar": jaar,
        "deelnemers": [
            {
                "cbsCode": r.cbs_code,
                "naam": r.naam,
                "verdeelsleutel": verdeelsleutel_json(r.verdeelsleutel),
                "inwoners": r.inwoners,
                "bijdrageBegroot": bedrag_json(r.begroot),
                "bijdrageGerealiseerd": bedrag_json(r.gerealiseerd),
                "begrootPerInwoner": bedrag_json(r.begroot_per_inwoner),
                "gerealiseerdPerInwoner": bedrag_json(r.gerealiseerd_per_inwoner),
            }
            for r in rijen
        ],
        "spreiding": {
            "begrootPerInwoner": _spreiding(spreiding(r.begroot_per_inwoner for r in rijen)),
            "gerealiseerdPerInwoner": _spreiding(
                spreiding(r.gerealiseerd_per_inwoner for r in rijen)
            ),
        },
    }


class KostenPerInwonerView(ParameterView):
    parameters_class = KostenParametersSerializer

    @extend_schema(
        operation_id="samenwerkingsverbanden_kosten_per_inwoner",
        summary=_("Bijdrage per inwoner van elke deelnemende gemeente"),
        description=_(
            "Per gemeente die in het jaar deelneemt: de verdeelsleutel, de inwoners van dat "
            "jaar, de begrote en gerealiseerde bijdrage en beide per inwoner; daarna de "
            "spreiding (laagste, mediaan, hoogste) over de gemeenten met cijfers, met hoeveel "
            "dat er zijn. Bedragen zijn decimale teksten; onbekend is null, nooit 0."
        ),
        parameters=[
            OpenApiParameter(
                "uuid",
                OpenApiTypes.UUID,
                OpenApiParameter.PATH,
                description=SAMENWERKINGSVERBAND,
            ),
        ],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=_("De vergelijking."))},
    )
    def get(self, request, uuid):
        parameters = self.parameters()
        verband = self.gevonden(Samenwerkingsverband.objects.only("pk", "uuid", "naam"), uuid)
        jaar = parameters.get("jaar") or timezone.localdate().year
        return Response(kosten_per_inwoner_json(verband, jaar=jaar))
