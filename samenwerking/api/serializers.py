"""JSON representations of the register.

Field names are camelCase; a relation is the related row's public key (uuid, or the CBS code
of a gemeente or provincie); money is a decimal string in euros ("1234.56") and unknown is
null, never 0. Serializers only translate: the rules of the register run in the services,
which the viewsets call, so the API accepts exactly what the admin accepts.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenwerking.constants import Bevoegdheidsverkrijging, DeelnemendOrgaan, Motief
from samenwerking.models import (
    Bestuursorgaan,
    Bevoegdheid,
    Bijdrage,
    Deelname,
    Document,
    Gemeente,
    Jaarcijfers,
    Organisatie,
    Persoon,
    Provincie,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
    Zetel,
)
from samenwerking.peilmoment import datum_fouten
from samenwerking.selectors.basis import VERBONDEN_PARTIJ_VELDEN
from samenwerking.services import JAARCIJFERS_VELDEN

from .base import (
    KOPVELDEN,
    CamelSerializer,
    DatumField,
    JaarField,
    LinkField,
    RegisterSerializer,
    geld,
    keuzelijst,
)

# --- Resources ------------------------------------------------------------------------------


class ProvincieSerializer(RegisterSerializer):
    class Meta:
        model = Provincie
        fields = ["code", "url", "naam"]
        extra_kwargs = {"code": {"help_text": _("CBS-code: PV gevolgd door twee cijfers.")}}


class GemeenteSerializer(RegisterSerializer):
    class Meta:
        model = Gemeente
        fields = ["cbs_code", "url", "naam", "provincie", "begindatum", "einddatum", "opvolgers"]
        extra_kwargs = {
            "provincie": {"help_text": _("CBS-code van de provincie.")},
            "opvolgers": {
                "help_text": _("CBS-codes van de gemeenten waarin deze gemeente is opgegaan.")
            },
        }


class OrganisatieSerializer(RegisterSerializer):
    class Meta:
        model = Organisatie
        fields = [
            *KOPVELDEN,
            "naam",
            "afkorting",
            "soort",
            "provincie",
            *Organisatie.CONTACTVELDEN,
            "roo_systeem_id",
        ]


class RegelingversieSerializer(RegisterSerializer):
    class Meta:
        model = Regelingversie
        fields = [
            "roo_systeem_id",
            *Regelingversie.ROO_VELDEN,
        ]


class WettelijkeGrondslagSerializer(RegisterSerializer):
    class Meta:
        model = WettelijkeGrondslag
        fields = ["opschrift", "url"]
        extra_kwargs = {"url": {"help_text": _("Vindplaats van de wettelijke grondslag.")}}

    def build_field(self, field_name, info, model_class, nested_depth):
        if field_name == "url":  # the model's own field, not the link to an API object
            return serializers.ModelSerializer.build_field(
                self, field_name, info, model_class, nested_depth
            )
        return super().build_field(field_name, info, model_class, nested_depth)


class BevoegdheidSerializer(RegisterSerializer):
    class Meta:
        model = Bevoegdheid
        fields = ["artikel", "omschrijving", "verkrijging"]


class SamenwerkingsverbandSerializer(RegisterSerializer):
    motieven = keuzelijst(
        Motief,
        _("Motieven"),
        required=False,
        help_text=_("Waarom de deelnemers samenwerken."),
    )
    bevoegdheidsverkrijgingen = keuzelijst(
        Bevoegdheidsverkrijging,
        _("Bevoegdheidsverkrijgingen"),
        required=False,
        help_text=_("Hoe het verband zijn bevoegdheden heeft gekregen."),
    )
    versies = RegelingversieSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "De versies van de regeling in het landelijk register, elk met de periode waarin "
            "zij gold, oudste eerst."
        ),
    )
    wettelijke_grondslagen = WettelijkeGrondslagSerializer(
        many=True, read_only=True, help_text=_("De wettelijke voorschriften (art. 27 Wgr).")
    )
    bevoegdheden = BevoegdheidSerializer(
        many=True, read_only=True, help_text=_("De overgedragen bevoegdheden (art. 27 Wgr).")
    )

    class Meta:
        model = Samenwerkingsverband
        fields = [
            *KOPVELDEN,
            "naam",
            "citeertitel",
            "afkorting",
            "vorm",
            "doel",
            "domeinen",
            "motieven",
            "karakter",
            "verplicht",
            "verplicht_grondslag",
            "bevoegdheidsverkrijgingen",
            "adres",
            "postcode",
            "vestigingsplaats",
            "centrumgemeente",
            "bovenliggend",
            "vorige_versie",
            "ingangsdatum",
            "einddatum",
            "uitvoerende_organisatie",
            "bronhouder",
            "archiefzorgdrager",
            "wettelijke_grondslagen",
            "bevoegdheden",
            "versies",
            "alleen_historisch",
            "in_landelijk_register",
            "roo_systeem_id",
            "cbs_gr_code",
            "regeling_url",
            "website",
            *Samenwerkingsverband.UITTREDING_VELDEN,
            "evaluatie_interval_jaren",
            "evaluatiebepaling_sinds",
            *Samenwerkingsverband.WGR2022_VELDEN,
            "bron",
        ]
        extra_kwargs = {
            "vorm": {"help_text": _("Samenwerkingsvorm; de Wgr-vormen met de codes van het ROO.")},
            "domeinen": {"help_text": _("Codes van de beleidsterreinen, bijvoorbeeld veiligheid.")},
            "centrumgemeente": {
                "help_text": _("CBS-code van de centrumgemeente; alleen bij vorm CC.")
            },
            "bovenliggend": {"help_text": _("Uuid van het verband waaronder dit verband valt.")},
            "vorige_versie": {"help_text": _("Uuid van de regeling die door deze is vervangen.")},
            "uitvoerende_organisatie": {
                "help_text": _(
                    "Uuid van de organisatie die de regeling uitvoert (regionaal "
                    "samenwerkingsorgaan, met adres en contact)."
                )
            },
            "in_landelijk_register": {
                "help_text": _(
                    "Bij een historische vermelding (OpenGR, 2016): uuid van de regeling in het "
                    "landelijk register die ermee overeenkomt."
                )
            },
        }


def _deelnemende_bestuursorganen(**kwargs):
    return keuzelijst(
        DeelnemendOrgaan,
        _("Deelnemende bestuursorganen"),
        help_text=_(
            "De eigen bestuursorganen waarmee de deelnemer deelneemt (raad, college, "
            "burgemeester; volgens het landelijk register): wiens regeling het is."
        ),
        **kwargs,
    )


class DeelnameSerializer(RegisterSerializer):
    deelnemende_bestuursorganen = _deelnemende_bestuursorganen(required=False)

    class Meta:
        model = Deelname
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "gemeente",
            "organisatie",
            "toetredingsdatum",
            "uittredingsdatum",
            "rol",
            "verdeelsleutel",
            "stemmen",
            "aansprakelijk",
            "aansprakelijkheid_toelichting",
            "deelnemende_bestuursorganen",
            "bestuurlijk_belang_vastgelegd",
            "financieel_belang_vastgelegd",
            "belang_toelichting",
            *VERBONDEN_PARTIJ_VELDEN,
            "bron",
        ]
        extra_kwargs = {
            "gemeente": {"help_text": _("CBS-code van de deelnemende gemeente, of null.")},
            "organisatie": {"help_text": _("Uuid van de deelnemende organisatie, of null.")},
            "verdeelsleutel": {
                "help_text": _(
                    'Verdeelsleutel (%). Aandeel in de kosten in procenten, bijvoorbeeld "12.5".'
                )
            },
        }


class BestuursorgaanSerializer(RegisterSerializer):
    class Meta:
        model = Bestuursorgaan
        fields = [*KOPVELDEN, "samenwerkingsverband", "soort", "naam"]


class PersoonSerializer(RegisterSerializer):
    class Meta:
        model = Persoon
        fields = [*KOPVELDEN, "naam", "partij"]


class ZetelSerializer(RegisterSerializer):
    class Meta:
        model = Zetel
        fields = [
            *KOPVELDEN,
            "bestuursorgaan",
            "deelname",
            "persoon",
            "functie",
            "rol",
            "stemmen",
            "begindatum",
            "einddatum",
        ]
        extra_kwargs = {
            "bestuursorgaan": {"help_text": _("Uuid van het bestuursorgaan.")},
            "deelname": {
                "help_text": _("Uuid van de deelname namens welke de persoon zitting heeft.")
            },
            "persoon": {"help_text": _("Uuid van de persoon.")},
        }


class BijdrageSerializer(RegisterSerializer):
    gemeente = serializers.SlugRelatedField(
        source="deelname.gemeente",
        slug_field="cbs_code",
        read_only=True,
        help_text=_("CBS-code van de betalende gemeente; null bij een andere deelnemer."),
    )
    samenwerkingsverband = serializers.SlugRelatedField(
        source="deelname.samenwerkingsverband",
        slug_field="uuid",
        read_only=True,
        help_text=_("Uuid van het samenwerkingsverband dat de bijdrage ontvangt."),
    )

    class Meta:
        model = Bijdrage
        fields = [
            *KOPVELDEN,
            "deelname",
            "gemeente",
            "samenwerkingsverband",
            "jaar",
            "soort",
            "onderdeel",
            "bedrag",
        ]
        extra_kwargs = {"deelname": {"help_text": _("Uuid van de deelname die betaalt.")}}


class JaarcijfersSerializer(RegisterSerializer):
    class Meta:
        model = Jaarcijfers
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "jaar",
            "soort",
            *JAARCIJFERS_VELDEN,
        ]
        extra_kwargs = {
            "bron_document": {"help_text": _("Uuid van het document waar de cijfers uit komen.")},
        }


class DocumentSerializer(RegisterSerializer):
    document_url = LinkField(
        source="url",
        label=_("Adres van het document"),
        max_length=500,
        required=False,
        allow_blank=True,
        help_text=_("Waar het document zelf te vinden is."),
    )

    class Meta:
        model = Document
        fields = [
            *KOPVELDEN,
            "samenwerkingsverband",
            "titel",
            "soort",
            "jaar",
            "datum",
            "document_url",
        ]


# --- The core question: a gemeente's arrangements on a peildatum, with costs of a jaar ----------


class PeilParametersSerializer(serializers.Serializer):
    peildatum = DatumField(
        required=False,
        help_text=_("Welke deelnames lopen op deze dag (JJJJ-MM-DD). Standaard: vandaag."),
        error_messages=datum_fouten(_("Peildatum")),
    )
    jaar = JaarField(
        required=False,
        help_text=_("Van welk jaar de bijdragen. Standaard: het jaar van de peildatum."),
    )


class GemeenteKortSerializer(RegisterSerializer):
    class Meta:
        model = Gemeente
        fields = ["cbs_code", "url", "naam"]


class SamenwerkingsverbandKortSerializer(RegisterSerializer):
    class Meta:
        model = Samenwerkingsverband
        fields = [
            "uuid",
            "url",
            "naam",
            "afkorting",
            "vorm",
            "domeinen",
            "vestigingsplaats",
            "verplicht",
        ]
        extra_kwargs = SamenwerkingsverbandSerializer.Meta.extra_kwargs


class DeelnameKortSerializer(RegisterSerializer):
    deelnemende_bestuursorganen = _deelnemende_bestuursorganen(read_only=True)

    class Meta:
        model = Deelname
        fields = [
            "uuid",
            "url",
            "toetredingsdatum",
            "uittredingsdatum",
            "rol",
            "verdeelsleutel",
            "stemmen",
            "deelnemende_bestuursorganen",
        ]


class BestuursorgaanKortSerializer(RegisterSerializer):
    class Meta:
        model = Bestuursorgaan
        fields = ["uuid", "url", "soort", "naam"]


class PersoonKortSerializer(RegisterSerializer):
    """A person inside the core answer: without `laatstGewijzigd`, which the selector does not
    read (that would be a query per row)."""

    class Meta:
        model = Persoon
        fields = ["uuid", "url", "naam", "partij"]


class VertegenwoordigerSerializer(RegisterSerializer):
    persoon = PersoonKortSerializer(read_only=True, help_text=_("Wie er zitting heeft."))
    bestuursorgaan = BestuursorgaanKortSerializer(read_only=True, help_text=_("In welk orgaan."))

    class Meta:
        model = Zetel
        fields = [
            "uuid",
            "url",
            "persoon",
            "bestuursorgaan",
            "functie",
            "rol",
            "begindatum",
            "einddatum",
        ]


class BijdrageRegelSerializer(RegisterSerializer):
    class Meta:
        model = Bijdrage
        fields = ["uuid", "url", "soort", "onderdeel", "bedrag"]


class BijdrageInJaarSerializer(CamelSerializer):
    begroot = geld(
        _("Begrote bijdrage in het jaar, in euro's; null als onbekend."), source="bijdrage_begroot"
    )
    gerealiseerd = geld(
        _("Gerealiseerde bijdrage in het jaar, in euro's; null als onbekend."),
        source="bijdrage_gerealiseerd",
    )
    per_onderdeel = BijdrageRegelSerializer(
        source="bijdragen_in_jaar",
        many=True,
        read_only=True,
        help_text=_("De vastgelegde bedragen van het jaar, per soort en onderdeel."),
    )


class DeelnameVanGemeenteSerializer(CamelSerializer):
    samenwerkingsverband = SamenwerkingsverbandKortSerializer(
        read_only=True, help_text=_("Het samenwerkingsverband.")
    )
    deelname = DeelnameKortSerializer(
        source="*", read_only=True, help_text=_("De deelname van de gemeente.")
    )
    verbonden_partij = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Verbonden partij voor deze gemeente in het jaar: zowel bestuurlijk als "
            "financieel belang (BBV art. 1)."
        ),
    )
    bestuurlijk_belang = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Een zetel of stemrecht in het jaar (BBV art. 1); bij een openbaar lichaam of "
            "bedrijfsvoeringsorganisatie volgens de vorm; of zoals vastgelegd, met reden."
        ),
    )
    financieel_belang = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Een bijdrage van meer dan € 0 in het jaar of aansprakelijkheid (BBV art. 1); bij "
            "een openbaar lichaam of bedrijfsvoeringsorganisatie volgens de vorm."
        ),
    )
    verbonden_partij_reden = serializers.CharField(
        source="bbv_redenen",
        read_only=True,
        help_text=_("Waarom de deelname wel of geen verbonden partij is, in het jaar."),
    )
    vertegenwoordigers = VertegenwoordigerSerializer(
        many=True,
        read_only=True,
        help_text=_("Wie namens de gemeente zitting heeft op de peildatum."),
    )
    bijdrage = BijdrageInJaarSerializer(
        source="*", read_only=True, help_text=_("Wat de gemeente in het jaar bijdraagt.")
    )


class PerInwonerSerializer(CamelSerializer):
    begroot = geld(
        _("Begroot totaal per inwoner; null als onbekend."), source="begroot_per_inwoner"
    )
    gerealiseerd = geld(
        _("Gerealiseerd totaal per inwoner; null als onbekend."), source="gerealiseerd_per_inwoner"
    )


class TotalenSerializer(CamelSerializer):
    begroot = geld(
        _(
            "Som van de bekende begrote bijdragen; null als geen enkele bekend is. Een onbekende "
            "bijdrage telt niet mee (niet als 0): welke dat zijn, staat per samenwerkingsverband "
            "(bijdrage.begroot null)."
        )
    )
    gerealiseerd = geld(
        _(
            "Som van de bekende gerealiseerde bijdragen; null als geen enkele bekend is. Een "
            "onbekende bijdrage telt niet mee (niet als 0): welke dat zijn, staat per "
            "samenwerkingsverband (bijdrage.gerealiseerd null)."
        )
    )
    aantal_begroot_onbekend = serializers.IntegerField(
        read_only=True,
        source="zonder_begroot",
        help_text=_(
            "Hoeveel samenwerkingsverbanden geen bekende begrote bijdrage hebben en dus niet "
            "in de som begroot meetellen."
        ),
    )
    aantal_gerealiseerd_onbekend = serializers.IntegerField(
        read_only=True,
        source="zonder_gerealiseerd",
        help_text=_(
            "Hoeveel samenwerkingsverbanden geen bekende gerealiseerde bijdrage hebben en dus "
            "niet in de som gerealiseerd meetellen."
        ),
    )
    inwoners = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("Inwonertal op 1 januari van het jaar; null als onbekend."),
    )
    per_inwoner = PerInwonerSerializer(
        source="*", read_only=True, help_text=_("De totalen per inwoner, in euro's.")
    )


class SamenwerkingsverbandenVanGemeenteSerializer(CamelSerializer):
    gemeente = GemeenteKortSerializer(read_only=True, help_text=_("De gevraagde gemeente."))
    peildatum = serializers.DateField(read_only=True, help_text=_("De gebruikte peildatum."))
    jaar = serializers.IntegerField(read_only=True, help_text=_("Het jaar van de bedragen."))
    samenwerkingsverbanden = DeelnameVanGemeenteSerializer(
        source="deelnames",
        many=True,
        read_only=True,
        help_text=_("Elk verband waarin de gemeente op de peildatum deelneemt, op naam."),
    )
    totalen = TotalenSerializer(
        read_only=True, help_text=_("Totalen van de bijdragen van de gemeente in het jaar.")
    )
