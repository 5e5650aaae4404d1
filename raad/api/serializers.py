"""JSON representations of the raad's calendar, in the register API's conventions (camelCase,
relations as public keys, choice fields with a Dutch `…Label`)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from raad.constants import Vaststelling, ZienswijzeStatus
from raad.models import (
    Bestuursvergadering,
    Raadsvergadering,
    Vergadering,
    Zienswijze,
    Zienswijzeverzoek,
)
from raad.sturing import Doel, Indicator, Indicatorwaarde, Kader
from raad.vergaderingen import besluitmoment_van
from raad.vergaderregels import BRONNEN, VASTSTELLINGSVERGADERING, VERGADERING
from samenwerking.api.base import (
    KOPVELDEN,
    CamelSerializer,
    JaarField,
    RegisterSerializer,
    SleutelField,
)
from samenwerking.api.namen import SAMENWERKINGSVERBAND, niet_gevonden
from samenwerking.models import Gemeente, Samenwerkingsverband

BESLUITDATUM = _(
    "De raadsvergadering waarin de raad uiterlijk moet besluiten: de laatste uit het "
    "vergaderschema van de griffie op of vóór de uiterste datum (en niet vóór de ontvangst); "
    "null als er geen is (zie besluitmelding)."
)
BESLUITMELDING = _(
    "Leeg als er een besluitdatum is; anders waarom niet: geen raadsvergadering vóór de termijn "
    "(plan een extra vergadering of vraag uitstel), of het vergaderschema is nog niet ingevoerd."
)


class ZienswijzeverzoekSerializer(RegisterSerializer):
    wettelijke_termijn_weken = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_(
            "De wettelijke minimumtermijn voor deze soort in weken, naar de wet van toen "
            "(ontwerpbegroting 12; voor begrotingsjaar 2016-2023 8, tot en met 2015 6; ontwerp "
            "van de regeling 8, sinds 1 juli 2022); null als de wet er geen stelt."
        ),
    )
    korter_dan_wettelijk = serializers.BooleanField(
        read_only=True,
        help_text=_("De raden kregen minder tijd dan de wettelijke minimumtermijn."),
    )

    class Meta:
        model = Zienswijzeverzoek
        fields = [
            *KOPVELDEN,
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


class ZienswijzeSerializer(RegisterSerializer):
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
    besluitdatum = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=BESLUITDATUM,
    )
    besluitmelding = serializers.SerializerMethodField(help_text=BESLUITMELDING)

    class Meta:
        model = Zienswijze
        fields = [
            *KOPVELDEN,
            "zienswijzeverzoek",
            "gemeente",
            "status",
            "actuele_status",
            "actuele_status_label",
            "uiterste_datum",
            "besluitdatum",
            "besluitmelding",
            "raadsvergadering",
            "raadsbesluit_datum",
            "samenvatting",
            "document_url",
            "reactie_bestuur",
        ]
        extra_kwargs = {
            "zienswijzeverzoek": {"help_text": _("Uuid van het zienswijzeverzoek.")},
            "gemeente": {"help_text": _("CBS-code van de gemeente wier raad reageert.")},
            "reactie_bestuur": {
                "help_text": _(
                    "Reactie van het bestuur. De gemotiveerde reactie van het bestuur op de "
                    "zienswijze; schrijft het regiosecretariaat van het verband (of een "
                    "beheerder), niet de griffie."
                )
            },
        }

    def get_besluitmelding(self, zienswijze) -> str:
        return besluitmoment_van(zienswijze).melding


# --- Kaders van de raad, doelen en prestaties (read only) ----------------------------------------


class KaderSerializer(RegisterSerializer):
    class Meta:
        model = Kader
        fields = [
            *KOPVELDEN,
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


class DoelSerializer(RegisterSerializer):
    indicatoren = IndicatorSerializer(
        many=True,
        read_only=True,
        source="indicatoren_lijst",
        help_text=_("Hoe het doel wordt gemeten."),
    )

    class Meta:
        model = Doel
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "titel",
            "omschrijving",
            "volgorde",
            "indicatoren",
        ]


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
    gemeente = SleutelField(
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


# --- Vergaderingen -----------------------------------------------------------------------------


class VaststellingsvergaderingSerializer(RegisterSerializer):
    """One vaststelling as entered (a `Bestuursvergadering` row); read only."""

    class Meta:
        model = Bestuursvergadering
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "vaststelling",
            "jaar",
            "datum",
        ]


class VaststellingSerializer(CamelSerializer):
    url = serializers.SerializerMethodField(
        help_text=_("Adres van deze vaststelling in de API (vaststellingsvergaderingen).")
    )
    vaststelling = serializers.ChoiceField(
        choices=Vaststelling.choices,
        read_only=True,
        help_text=_("Wat het algemeen bestuur vaststelt: begroting of jaarrekening."),
    )
    jaar = serializers.IntegerField(
        read_only=True,
        help_text=_("Het begrotingsjaar, of het jaar waarop de jaarrekening betrekking heeft."),
    )

    def get_url(self, vaststelling) -> str:
        return vaststelling_url(vaststelling.uuid, self.context.get("request"))


def vaststelling_url(uuid, request) -> str:
    return reverse("api:bestuursvergadering-detail", kwargs={"uuid": uuid}, request=request)


class VergaderingSerializer(RegisterSerializer):
    """A meeting as the calendars show it: a `Vergadering` row, or a vaststellingsvergadering
    shown as the algemeen bestuur's meeting of that day (raad.vergaderregels.als_vergaderingen,
    unsaved), whose address is that of its (first) vaststelling under
    vaststellingsvergaderingen."""

    bron = serializers.SerializerMethodField(
        help_text=_(
            "vergadering: vastgelegd als vergadering, met een eigen adres (url) waarop het "
            "secretariaat haar wijzigt. vaststellingsvergadering: de vergadering van het "
            "algemeen bestuur waarin het de begroting of jaarrekening vaststelt (zie vaststelt), "
            "vastgelegd als vaststellingsvergadering in het beheer; haar url is die van de "
            "(eerste) vaststelling onder vaststellingsvergaderingen, en zij is via de API niet "
            "te wijzigen."
        )
    )
    vaststelt = serializers.SerializerMethodField(
        help_text=_(
            "Wat het algemeen bestuur in deze vergadering vaststelt; leeg bij een vergadering "
            "zonder vastgelegde vaststelling."
        )
    )

    class Meta:
        model = Vergadering
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "soort",
            "datum",
            "omschrijving",
            "agenda_url",
            "besluiten_url",
            "bron",
            "vaststelt",
        ]
        extra_kwargs = {
            "uuid": {
                "help_text": _(
                    "Vaste, unieke identificatie van dit object. Bij een "
                    "vaststellingsvergadering die van de (eerste) vaststelling van die dag."
                )
            },
            "url": {
                "help_text": _(
                    "Adres van dit object in de API; bij een vaststellingsvergadering (bron) dat "
                    "van de (eerste) vaststelling van die dag onder vaststellingsvergaderingen."
                ),
            },
        }

    @extend_schema_field({"type": "string", "enum": list(BRONNEN), "readOnly": True})
    def get_bron(self, vergadering) -> str:
        return VASTSTELLINGSVERGADERING if vergadering.pk is None else VERGADERING

    @extend_schema_field(VaststellingSerializer(many=True))
    def get_vaststelt(self, vergadering) -> list:
        vaststellingen = getattr(vergadering, "vaststellingen", None)
        if not vaststellingen:  # a Vergadering row: no serializer to make
            return []
        return VaststellingSerializer(vaststellingen, many=True, context=self.context).data

    def to_representation(self, vergadering):
        data = super().to_representation(vergadering)
        if vergadering.pk is None:  # a vaststellingsvergadering: not a Vergadering row
            data["url"] = vaststelling_url(vergadering.uuid, self.context.get("request"))
        return data


class RaadsvergaderingSerializer(RegisterSerializer):
    class Meta:
        model = Raadsvergadering
        fields = [
            *KOPVELDEN,
            "gemeente",
            "datum",
            "omschrijving",
            "agenda_url",
        ]
        extra_kwargs = {
            "gemeente": {"help_text": _("CBS-code van de gemeente wier raad vergadert.")}
        }


# --- One request, every raad -------------------------------------------------------------------


class RaadstandSerializer(CamelSerializer):
    gemeente = serializers.CharField(source="gemeente.cbs_code", help_text=_("CBS-code."))
    gemeente_naam = serializers.CharField(source="gemeente.naam", help_text=_("Naam."))
    status = serializers.ChoiceField(
        choices=ZienswijzeStatus.choices,
        help_text=_(
            "De stand vandaag; nog_te_agenderen ook als er (nog) geen zienswijze is vastgelegd, "
            "termijn_verstreken als de uiterste datum voorbij is zonder raadsbesluit."
        ),
    )
    zienswijze = serializers.UUIDField(
        source="zienswijze.uuid",
        allow_null=True,
        default=None,
        help_text=_("Uuid van de zienswijze; null als er geen is vastgelegd."),
    )
    raadsvergadering = serializers.DateField(
        source="zienswijze.raadsvergadering",
        allow_null=True,
        default=None,
        help_text=_("De raadsvergadering waarvoor de zienswijze is geagendeerd."),
    )
    raadsbesluit_datum = serializers.DateField(
        source="zienswijze.raadsbesluit_datum",
        allow_null=True,
        default=None,
        help_text=_("De datum van het raadsbesluit."),
    )
    besluitdatum = serializers.DateField(
        source="besluitmoment.datum", allow_null=True, help_text=BESLUITDATUM
    )
    besluitmelding = serializers.CharField(source="besluitmoment.melding", help_text=BESLUITMELDING)
    samenvatting = serializers.CharField(
        source="zienswijze.samenvatting",
        default="",
        help_text=_("Samenvatting van de zienswijze van de raad."),
    )
    document_url = serializers.CharField(
        source="zienswijze.document_url", default="", help_text=_("De zienswijze zelf.")
    )
    reactie_bestuur = serializers.CharField(
        source="zienswijze.reactie_bestuur",
        default="",
        help_text=_("De gemotiveerde reactie van het bestuur op de zienswijze."),
    )


class RadenoverzichtSerializer(CamelSerializer):
    zienswijzeverzoek = serializers.UUIDField(
        source="verzoek.uuid", help_text=_("Uuid van het zienswijzeverzoek.")
    )
    peildatum = serializers.DateField(
        source="vandaag", help_text=_("De dag waarop de stand geldt (vandaag).")
    )
    aantal = serializers.IntegerField(
        help_text=_("Het aantal raden: de gemeenten die op de dag van ontvangst deelnamen.")
    )
    aantal_ingediend = serializers.IntegerField(help_text=_("Raden met een ingediende zienswijze."))
    aantal_geagendeerd = serializers.IntegerField(help_text=_("Raden die het hebben geagendeerd."))
    aantal_nog_niet = serializers.IntegerField(help_text=_("Raden die het nog niet agendeerden."))
    aantal_geen_zienswijze = serializers.IntegerField(
        help_text=_("Raden die besloten geen zienswijze te geven.")
    )
    aantal_verstreken = serializers.IntegerField(
        help_text=_("Raden waarvan de termijn verstreek zonder raadsbesluit.")
    )
    samenvatting = serializers.CharField(
        help_text=_("Bijvoorbeeld: 7 van 12 raden hebben een zienswijze ingediend.")
    )
    raden = RaadstandSerializer(many=True, help_text=_("Elke raad, op naam."))
