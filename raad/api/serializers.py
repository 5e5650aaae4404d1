"""JSON representations of the raad's calendar, in the register API's conventions (camelCase,
relations as public keys, choice fields with a Dutch `…Label`)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from raad.models import Zienswijze, Zienswijzeverzoek
from raad.sturing import Doel, Indicator, Indicatorwaarde, Kader
from samenwerking.api.base import CamelSerializer, JaarField, RegisterSerializer
from samenwerking.api.namen import niet_gevonden
from samenwerking.models import Gemeente, Samenwerkingsverband

SAMENWERKINGSVERBAND = _("Uuid van het samenwerkingsverband.")


class RaadSerializer(RegisterSerializer):
    """A RegisterSerializer whose own address lies in the raad-api namespace (raad/api/urls.py)."""

    def build_url_field(self, field_name, model_class):
        klasse, kwargs = super().build_url_field(field_name, model_class)
        return klasse, {**kwargs, "view_name": f"raad-api:{model_class._meta.model_name}-detail"}


class ZienswijzeverzoekSerializer(RaadSerializer):
    wettelijke_termijn_weken = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_(
            "De wettelijke minimumtermijn voor deze soort in weken (ontwerpbegroting 12, "
            "ontwerp van de regeling 8); null als de wet er geen stelt."
        ),
    )
    korter_dan_wettelijk = serializers.BooleanField(
        read_only=True,
        help_text=_("De raden kregen minder tijd dan de wettelijke minimumtermijn."),
    )

    class Meta:
        model = Zienswijzeverzoek
        fields = [
            "uuid",
            "url",
            "laatst_gewijzigd",
            "samenwerkingsverband",
            "soort",
            "onderwerp",
            "jaar",
            "ontvangen_op",
            "uiterste_datum",
            "document_url",
            "wettelijke_termijn_weken",
            "korter_dan_wettelijk",
        ]
        extra_kwargs = {"samenwerkingsverband": {"help_text": SAMENWERKINGSVERBAND}}


class ZienswijzeSerializer(RaadSerializer):
    actuele_status = serializers.CharField(
        read_only=True,
        help_text=_(
            "De status zoals die vandaag luidt: gelijk aan status, behalve termijn_verstreken "
            "als de uiterste datum voorbij is zonder raadsbesluit."
        ),
    )
    actuele_status_label = serializers.CharField(
        source="get_actuele_status_display",
        read_only=True,
        help_text=_("Omschrijving van de waarde van actueleStatus."),
    )
    uiterste_datum = serializers.DateField(
        source="zienswijzeverzoek.uiterste_datum",
        read_only=True,
        help_text=_("De uiterste datum van het verzoek: de laatste dag waarop het op tijd is."),
    )

    class Meta:
        model = Zienswijze
        fields = [
            "uuid",
            "url",
            "laatst_gewijzigd",
            "zienswijzeverzoek",
            "gemeente",
            "status",
            "actuele_status",
            "actuele_status_label",
            "uiterste_datum",
            "raadsvergadering",
            "raadsbesluit_datum",
            "samenvatting",
            "document_url",
            "reactie_bestuur",
        ]
        extra_kwargs = {
            "zienswijzeverzoek": {"help_text": _("Uuid van het zienswijzeverzoek.")},
            "gemeente": {"help_text": _("CBS-code van de gemeente wier raad reageert.")},
        }


# --- Kaders van de raad, doelen en prestaties (read only) ----------------------------------------


class KaderSerializer(RaadSerializer):
    class Meta:
        model = Kader
        fields = [
            "uuid",
            "url",
            "laatst_gewijzigd",
            "gemeente",
            "samenwerkingsverband",
            "soort",
            "jaar",
            "besluitdatum",
            "onderwerp",
            "tekst",
            "document_url",
        ]
        extra_kwargs = {
            "gemeente": {"help_text": _("CBS-code van de gemeente wier raad dit besloot.")},
            "samenwerkingsverband": {"help_text": SAMENWERKINGSVERBAND},
        }


class IndicatorwaardeSerializer(RegisterSerializer):
    class Meta:
        model = Indicatorwaarde
        fields = ["jaar", "gepland", "gerealiseerd", "bron", "bron_url"]


class IndicatorSerializer(RegisterSerializer):
    waarden = IndicatorwaardeSerializer(
        many=True,
        read_only=True,
        source="waarden_lijst",
        help_text=_("Per jaar de geplande en gerealiseerde waarde, met de bron; oudste eerst."),
    )

    class Meta:
        model = Indicator
        fields = ["uuid", "naam", "eenheid", "waarden"]


class DoelSerializer(RaadSerializer):
    indicatoren = IndicatorSerializer(
        many=True,
        read_only=True,
        source="indicatoren_lijst",
        help_text=_("Hoe het doel wordt gemeten."),
    )

    class Meta:
        model = Doel
        fields = [
            "uuid",
            "url",
            "laatst_gewijzigd",
            "samenwerkingsverband",
            "titel",
            "omschrijving",
            "volgorde",
            "indicatoren",
        ]
        extra_kwargs = {"samenwerkingsverband": {"help_text": SAMENWERKINGSVERBAND}}


# --- P&C termijnen: computed, not stored ---------------------------------------------------------


class TermijnParametersSerializer(serializers.Serializer):
    jaar = JaarField(
        required=False,
        help_text=_("Begrotingsjaar waarvan de P&C-cyclus wordt getoond. Standaard: dit jaar."),
    )
    samenwerkingsverband = serializers.SlugRelatedField(
        queryset=Samenwerkingsverband.objects.all(),
        slug_field="uuid",
        required=False,
        help_text=_("Alleen de termijnen van dit samenwerkingsverband (uuid)."),
        error_messages={
            "does_not_exist": niet_gevonden(Samenwerkingsverband, "{value}"),
            "invalid": _("Gebruik het uuid van een samenwerkingsverband."),
        },
    )
    gemeente = serializers.SlugRelatedField(
        queryset=Gemeente.objects.all(),
        slug_field="cbs_code",
        required=False,
        help_text=_(
            "Alleen de termijnen van de samenwerkingsverbanden waaraan deze gemeente (CBS-code) "
            "in de cyclus van het begrotingsjaar deelneemt."
        ),
        error_messages={"does_not_exist": niet_gevonden(Gemeente, "{value}")},
    )


class TermijnSerializer(CamelSerializer):
    uid = serializers.CharField(
        help_text=_(
            "Vaste identificatie van de termijn (regeling, regel en jaar), gelijk aan de UID in "
            "de iCalendar-feed; blijft gelijk als de datum verschuift."
        )
    )
    samenwerkingsverband = serializers.UUIDField(
        source="verband.uuid", help_text=SAMENWERKINGSVERBAND
    )
    samenwerkingsverband_naam = serializers.CharField(
        source="verband.naam", help_text=_("Naam van het samenwerkingsverband.")
    )
    regel = serializers.CharField(
        source="regel.code", help_text=_("Code van de termijnregel, bijvoorbeeld ontwerpbegroting.")
    )
    omschrijving = serializers.CharField(
        source="regel.omschrijving", help_text=_("Wat er op deze datum klaar moet zijn.")
    )
    artikel = serializers.CharField(
        source="regel.artikel", help_text=_("Het wetsartikel, bijvoorbeeld Wgr art. 34 lid 2.")
    )
    jaar = serializers.IntegerField(help_text=_("Het begrotingsjaar waartoe de termijn hoort."))
    datum = serializers.DateField(help_text=_("De laatste dag waarop het op tijd is."))
    afgeleid = serializers.BooleanField(
        help_text=_(
            "De datum hangt af van een vaststellingsvergadering die nog niet is vastgelegd; het "
            "is de uiterste datum die de wet toestaat."
        )
    )
    afwijkend = serializers.SerializerMethodField(
        help_text=_("De regeling zelf schrijft voor dit jaar een andere datum voor.")
    )
    uitleg = serializers.CharField(help_text=_("Hoe de datum is bepaald, in het Nederlands."))
    dagnotitie = serializers.CharField(
        help_text=_(
            "Leeg, of een opmerking als de datum op een zaterdag, zondag of algemeen erkende "
            "feestdag valt (Algemene termijnenwet): de werkdag ervoor en erna. regioreg "
            "verschuift de datum zelf niet."
        )
    )

    def get_afwijkend(self, termijn) -> bool:
        return termijn.afwijking is not None
