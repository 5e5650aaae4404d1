"""The spreadsheet resources of the register: which columns, how a row names its rows.

Rows are validated like the admin validates a form and saved through the services, the
whole file at once (`basis.RegisterResource`). A bad value raises a Dutch message naming the
column and the value; the admin shows it per row and refuses to import anything while any
row is wrong.

A column reads and writes its value by the kind of model field it fills (dates, ja/nee,
numbers, amounts, percentages: `widgets.WIDGET_PER_VELDSOORT`); a resource declares only the
columns that need more (choices, keys, a year, helper columns).
"""

import datetime
import uuid
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, widgets

from ..constants import (
    Bevoegdheidsverkrijging,
    BijdrageSoort,
    DeelnameRol,
    Functie,
    JaarcijfersSoort,
    Karakter,
    Motief,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from ..models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Organisatie,
    Provincie,
    Samenwerkingsverband,
    Zetel,
)
from ..periode import jaar, overlapt
from ..selectors.basis import VERBONDEN_PARTIJ_VELDEN
from .basis import RegisterResource
from .widgets import (
    DatumWidget,
    DomeinenWidget,
    GemeenteWidget,
    GetalWidget,
    KeuzelijstWidget,
    KeuzeOfLeegWidget,
    KeuzeWidget,
    LeegIsNoneWidget,
    PersoonWidget,
    SleutelWidget,
    UuidWidget,
)

_DEELNAME_GERELATEERD = ("samenwerkingsverband", "gemeente", "organisatie")


def _verband_uuid(tekst: str) -> str:
    try:
        return str(uuid.UUID(tekst))
    except ValueError:
        raise ValueError(
            f"{tekst!r} is geen geldige sleutel (uuid) van een samenwerkingsverband."
        ) from None


def _verband_uuids(rijen: list[dict]) -> set[str]:
    """The arrangements a file names in its samenwerkingsverband column (valid uuids)."""
    uuids = set()
    for rij in rijen:
        try:
            uuids.add(_verband_uuid(str(rij.get("samenwerkingsverband") or "").strip()))
        except ValueError:
            continue
    return uuids


class Deelnamezoeker:
    """The deelnames of the arrangements a file names, read in one query, to find the one a
    row names by samenwerkingsverband (uuid) with gemeente or organisatie."""

    def __init__(self, verband_uuids: set[str]):
        self.per_deelnemer: dict[tuple, list[Deelname]] = defaultdict(list)
        rijen = Deelname.objects.select_related(*_DEELNAME_GERELATEERD).filter(
            samenwerkingsverband__uuid__in=verband_uuids
        )
        for deelname in rijen:
            verband = str(deelname.samenwerkingsverband.uuid)
            if deelname.gemeente_id:
                self.per_deelnemer[verband, "gemeente", deelname.gemeente_id].append(deelname)
            else:
                self.per_deelnemer[verband, "organisatie", deelname.organisatie.naam].append(
                    deelname
                )

    def zoek(
        self,
        row,
        gemeenten: GemeenteWidget,
        *,
        begin: datetime.date | None,
        eind: datetime.date | None,
        wanneer: str,
    ) -> Deelname:
        """The deelname a row names, running at some day in [begin, eind)."""
        verband = str(row.get("samenwerkingsverband") or "").strip()
        gemeente = str(row.get("gemeente") or "").strip()
        organisatie = str(row.get("organisatie") or "").strip()
        if not verband or not (gemeente or organisatie):
            raise ValidationError(
                {
                    "deelname": "vul de kolom deelname (uuid) in, of samenwerkingsverband (uuid) "
                    "met gemeente (CBS-code of naam) of organisatie (naam)."
                }
            )
        try:
            verband = _verband_uuid(verband)
            sleutel = (
                (verband, "gemeente", gemeenten.clean(gemeente).pk)
                if gemeente
                else (verband, "organisatie", organisatie)
            )
        except ValueError as error:
            raise ValidationError({"deelname": str(error)}) from None
        gevonden = [
            d
            for d in self.per_deelnemer.get(sleutel, [])
            if overlapt(d.toetredingsdatum, d.uittredingsdatum, begin, eind)
        ]
        if len(gevonden) != 1:
            probleem = "geen" if not gevonden else "meer dan één"
            raise ValidationError(
                {
                    "deelname": f"{gemeente or organisatie} heeft {probleem} deelname in "
                    f"samenwerkingsverband {verband} {wanneer}; vul de kolom deelname (uuid) in."
                }
            )
        return gevonden[0]


def _veld(naam: str, widget: widgets.Widget | None = None, **kwargs) -> fields.Field:
    """A column named like the model field it fills."""
    return fields.Field(
        attribute=naam, column_name=naam, widget=widget or widgets.Widget(), **kwargs
    )


def _uuid() -> fields.Field:
    """The public key: kept on re-import; an empty cell means a new row with a new uuid."""
    return _veld("uuid", UuidWidget(), saves_null_values=False)


def _hulpkolom(pad: str) -> fields.Field:
    """An export-only column that helps a person read the sheet; ignored on import. Its value
    is the row's PAD (`deelname__gemeente__cbs_code`), empty where a step is empty; its name
    is the resource attribute's."""

    def waarde(rij) -> str:
        for stap in pad.split("__"):
            rij = getattr(rij, stap)
            if rij is None:
                return ""
        return str(rij)

    return fields.Field(attribute=None, readonly=True, dehydrate_method=waarde)


# --- Resources -------------------------------------------------------------------------------


class GemeenteResource(RegisterResource):
    gerelateerd = ("provincie",)

    provincie = _veld("provincie", SleutelWidget(Provincie, "code"))

    class Meta(RegisterResource.Meta):
        model = Gemeente
        import_id_fields = ["cbs_code"]
        fields = ["cbs_code", "naam", "provincie", "begindatum", "einddatum"]


class SamenwerkingsverbandResource(RegisterResource):
    gerelateerd = ("centrumgemeente", "bovenliggend")
    veel_op_veel = ("domeinen",)

    uuid = _uuid()
    vorm = _veld("vorm", KeuzeWidget(Vorm))
    domeinen = _veld("domeinen", DomeinenWidget())
    motieven = _veld("motieven", KeuzelijstWidget(Motief))
    karakter = _veld("karakter", KeuzeOfLeegWidget(Karakter))
    bevoegdheidsverkrijgingen = _veld(
        "bevoegdheidsverkrijgingen", KeuzelijstWidget(Bevoegdheidsverkrijging)
    )
    centrumgemeente = _veld("centrumgemeente", GemeenteWidget())
    bovenliggend = _veld("bovenliggend", SleutelWidget(Samenwerkingsverband, "uuid"))
    roo_systeem_id = _veld("roo_systeem_id", GetalWidget.nummer())
    cbs_gr_code = _veld("cbs_gr_code", LeegIsNoneWidget())

    class Meta(RegisterResource.Meta):
        model = Samenwerkingsverband
        import_id_fields = ["uuid"]
        fields = [
            "uuid",
            "naam",
            "afkorting",
            "vorm",
            "doel",
            "domeinen",
            "motieven",
            "verplicht",
            "verplicht_grondslag",
            "bevoegdheidsverkrijgingen",
            "adres",
            "postcode",
            "vestigingsplaats",
            "centrumgemeente",
            "bovenliggend",
            "ingangsdatum",
            "einddatum",
            "roo_systeem_id",
            "cbs_gr_code",
            "regeling_url",
            "website",
            "karakter",
            *Samenwerkingsverband.UITTREDING_VELDEN,
            "evaluatie_interval_jaren",
            "evaluatiebepaling_sinds",
            *Samenwerkingsverband.WGR2022_VELDEN,
            "bron",
        ]


class DeelnameResource(RegisterResource):
    gerelateerd = _DEELNAME_GERELATEERD

    uuid = _uuid()
    samenwerkingsverband = _veld(
        "samenwerkingsverband", SleutelWidget(Samenwerkingsverband, "uuid")
    )
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband__naam")
    gemeente = _veld("gemeente", GemeenteWidget())
    organisatie = _veld("organisatie", SleutelWidget(Organisatie, "naam"))
    rol = _veld("rol", KeuzeWidget(DeelnameRol))

    class Meta(RegisterResource.Meta):
        model = Deelname
        import_id_fields = ["uuid"]
        fields = [
            "uuid",
            "samenwerkingsverband",
            "samenwerkingsverband_naam",
            "gemeente",
            "organisatie",
            "rol",
            "toetredingsdatum",
            "uittredingsdatum",
            "verdeelsleutel",
            "stemmen",
            "aansprakelijk",
            "aansprakelijkheid_toelichting",
            *VERBONDEN_PARTIJ_VELDEN,
            "bron",
        ]

    def rij_aanvullen(self, rij):
        # An empty aansprakelijk column means "no", as in the admin.
        if "aansprakelijk" in rij and not str(rij["aansprakelijk"] or "").strip():
            rij["aansprakelijk"] = "nee"


class BijdrageResource(RegisterResource):
    """Bijdragen keyed by (deelname, jaar, soort, onderdeel): re-importing updates amounts.

    A row names its deelname by uuid, or by `samenwerkingsverband` (uuid) plus `gemeente`
    (CBS code or name) or `organisatie` (naam): then the deelname that ran in `jaar` is used.
    """

    optionele_sleutelkolommen = ("deelname", "onderdeel")
    gerelateerd = tuple(f"deelname__{r}" for r in _DEELNAME_GERELATEERD)

    deelname = _veld("deelname", SleutelWidget(Deelname, "uuid", gerelateerd=_DEELNAME_GERELATEERD))
    samenwerkingsverband = _hulpkolom("deelname__samenwerkingsverband__uuid")
    samenwerkingsverband_naam = _hulpkolom("deelname__samenwerkingsverband__naam")
    gemeente = _hulpkolom("deelname__gemeente__cbs_code")
    organisatie = _hulpkolom("deelname__organisatie__naam")
    jaar = _veld("jaar", GetalWidget.jaartal())
    soort = _veld("soort", KeuzeWidget(BijdrageSoort))
    onderdeel = _veld("onderdeel", widgets.CharWidget(allow_blank=True))

    class Meta(RegisterResource.Meta):
        model = Bijdrage
        import_id_fields = ["deelname", "jaar", "soort", "onderdeel"]
        fields = [
            "deelname",
            "samenwerkingsverband",
            "samenwerkingsverband_naam",
            "gemeente",
            "organisatie",
            "jaar",
            "soort",
            "onderdeel",
            "bedrag",
        ]

    def aanvullen_voorbereiden(self, rijen):
        self.deelnames = Deelnamezoeker(
            _verband_uuids(r for r in rijen if not str(r.get("deelname") or "").strip())
        )

    def rij_aanvullen(self, rij):
        if rij.get("onderdeel") is None:
            rij["onderdeel"] = ""
        if str(rij.get("deelname") or "").strip():
            return
        rij["deelname"] = str(self._zoek_deelname(rij).uuid)

    def _zoek_deelname(self, row) -> Deelname:
        try:
            jaartal = self.fields["jaar"].widget.clean(row.get("jaar"))
        except ValueError as error:
            raise ValidationError({"jaar": str(error)}) from None
        # A year a date cannot have (0, 20250) looks in every year; the jaar column's own
        # check (JAAR_VALIDATORS) names it.
        mogelijk = jaartal and datetime.MINYEAR <= jaartal <= datetime.MAXYEAR
        begin, eind = jaar(jaartal) if mogelijk else (None, None)
        return self.deelnames.zoek(
            row, self.gemeenten, begin=begin, eind=eind, wanneer=f"in {jaartal or 'dat jaar'}"
        )


class JaarcijfersResource(RegisterResource):
    # bron_document: Jaarcijfers.clean() compares its arrangement.
    gerelateerd = ("samenwerkingsverband", "bron_document")

    samenwerkingsverband = _veld(
        "samenwerkingsverband", SleutelWidget(Samenwerkingsverband, "uuid")
    )
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband__naam")
    jaar = _veld("jaar", GetalWidget.jaartal())
    soort = _veld("soort", KeuzeWidget(JaarcijfersSoort))

    class Meta(RegisterResource.Meta):
        model = Jaarcijfers
        import_id_fields = ["samenwerkingsverband", "jaar", "soort"]
        fields = [
            "samenwerkingsverband",
            "samenwerkingsverband_naam",
            "jaar",
            "soort",
            *Jaarcijfers.BEDRAGEN,
            "risicos",
            "ontwikkelingen",
            "bron",
        ]


class ZetelResource(RegisterResource):
    """Seats: who sits in which organ on behalf of which deelname, from when.

    A row names its organ by `bestuursorgaan` (uuid) or by `samenwerkingsverband` (uuid) plus
    `orgaan` (algemeen bestuur, dagelijks bestuur, … or its code) and, if there are several of
    that kind, `orgaan_naam`; its deelname by `deelname` (uuid) or by `gemeente` (CBS code or
    name) or `organisatie` (naam), the one running on `begindatum` (empty: today). A person is
    named by `persoon`; a new name adds the person.
    """

    gerelateerd = (
        "bestuursorgaan__samenwerkingsverband",
        "deelname__samenwerkingsverband",
        "deelname__gemeente",
        "deelname__organisatie",
        "persoon",
    )

    uuid = _uuid()
    bestuursorgaan = _veld(
        "bestuursorgaan",
        SleutelWidget(Bestuursorgaan, "uuid", gerelateerd=("samenwerkingsverband",)),
    )
    samenwerkingsverband = _hulpkolom("bestuursorgaan__samenwerkingsverband__uuid")
    samenwerkingsverband_naam = _hulpkolom("bestuursorgaan__samenwerkingsverband__naam")
    orgaan = _hulpkolom("bestuursorgaan__soort")
    orgaan_naam = _hulpkolom("bestuursorgaan__naam")
    deelname = _veld("deelname", SleutelWidget(Deelname, "uuid", gerelateerd=_DEELNAME_GERELATEERD))
    gemeente = _hulpkolom("deelname__gemeente__cbs_code")
    organisatie = _hulpkolom("deelname__organisatie__naam")
    persoon = _veld("persoon", PersoonWidget())
    functie = _veld("functie", KeuzeWidget(Functie))
    rol = _veld("rol", KeuzeWidget(ZetelRol))

    class Meta(RegisterResource.Meta):
        model = Zetel
        import_id_fields = ["uuid"]
        fields = [
            "uuid",
            "bestuursorgaan",
            "samenwerkingsverband",
            "samenwerkingsverband_naam",
            "orgaan",
            "orgaan_naam",
            "deelname",
            "gemeente",
            "organisatie",
            "persoon",
            "functie",
            "rol",
            "stemmen",
            "begindatum",
            "einddatum",
        ]

    def aanvullen_voorbereiden(self, rijen):
        uuids = _verband_uuids(rijen)
        self.deelnames = Deelnamezoeker(uuids)
        self.organen = {
            (str(o.samenwerkingsverband.uuid), o.soort, o.naam): o
            for o in Bestuursorgaan.objects.select_related("samenwerkingsverband").filter(
                samenwerkingsverband__uuid__in=uuids
            )
        }

    def rij_aanvullen(self, rij):
        if not str(rij.get("bestuursorgaan") or "").strip():
            rij["bestuursorgaan"] = str(self._zoek_orgaan(rij).uuid)
        wie = str(rij.get("gemeente") or rij.get("organisatie") or "").strip()
        if wie and not str(rij.get("deelname") or "").strip():
            try:
                begin = DatumWidget().clean(rij.get("begindatum")) or timezone.localdate()
            except ValueError as error:
                raise ValidationError({"begindatum": str(error)}) from None
            deelname = self.deelnames.zoek(
                rij,
                self.gemeenten,
                begin=begin,
                eind=begin + datetime.timedelta(days=1),
                wanneer=f"op {begin:%d-%m-%Y}",
            )
            rij["deelname"] = str(deelname.uuid)

    def _zoek_orgaan(self, row) -> Bestuursorgaan:
        verband = str(row.get("samenwerkingsverband") or "").strip()
        naam = str(row.get("orgaan_naam") or "").strip()
        try:
            soort = KeuzeWidget(OrgaanSoort).clean(row.get("orgaan"))
            if not verband or not soort:
                raise ValueError(
                    "vul de kolom bestuursorgaan (uuid) in, of samenwerkingsverband (uuid) met "
                    "orgaan (bijvoorbeeld algemeen bestuur)."
                )
            verband = _verband_uuid(verband)
        except ValueError as error:
            raise ValidationError({"bestuursorgaan": str(error)}) from None
        orgaan = self.organen.get((verband, soort, naam))
        if orgaan is None:
            raise ValidationError(
                {
                    "bestuursorgaan": f"samenwerkingsverband {verband} heeft geen "
                    f"{OrgaanSoort(soort).label.lower()}{f' {naam!r}' if naam else ''}; leg het "
                    "orgaan eerst vast in het beheer."
                }
            )
        return orgaan


# The resource of each model that has one, by the model the resource declares: the admin
# imports and exports a model through it (adminimport.RegisterImportExportAdmin).
RESOURCE_PER_MODEL = {
    resource._meta.model: resource
    for resource in (
        GemeenteResource,
        SamenwerkingsverbandResource,
        DeelnameResource,
        BijdrageResource,
        JaarcijfersResource,
        ZetelResource,
    )
}
