"""Spreadsheet import and export (django-import-export) for the register.

Rows are validated like the admin validates a form and saved through the services. A bad
value raises a Dutch message naming the column and the value; the admin shows it per row and
refuses to import anything while any row is wrong.
"""

import datetime
import functools
import re
import uuid
from decimal import Decimal, InvalidOperation

import tablib
from django.core.exceptions import (
    FieldDoesNotExist,
    MultipleObjectsReturned,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db import models
from django.utils import timezone
from import_export import fields, resources, widgets

from toegang import rechten

from . import services
from .constants import (
    Bevoegdheidsverkrijging,
    BijdrageSoort,
    DeelnameRol,
    Functie,
    JaarcijfersSoort,
    Motief,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from .formats import ontveilig, veilig
from .models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Domein,
    Gemeente,
    Jaarcijfers,
    Organisatie,
    Persoon,
    Provincie,
    Samenwerkingsverband,
    Zetel,
)
from .normalisatie import Namenlijst

# --- Widgets with Dutch errors ---------------------------------------------------------------


class SleutelWidget(widgets.ForeignKeyWidget):
    """A foreign key looked up by one field; unknown values give a clear error."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        value = str(value).strip()
        naam = self.model._meta.verbose_name
        try:
            if self.field == "uuid":
                uuid.UUID(value)
            return self.get_queryset(value, row, **kwargs).get(**{self.field: value})
        except (ValueError, ValidationError):
            raise ValueError(f"{value!r} is geen geldige sleutel (uuid) van een {naam}.") from None
        except ObjectDoesNotExist:
            raise ValueError(f"{naam} {value!r} bestaat niet in het register.") from None
        except MultipleObjectsReturned:
            raise ValueError(f"{value!r} past op meer dan één {naam}; gebruik de uuid.") from None


class GemeenteWidget(SleutelWidget):
    """A gemeente by CBS code (GM0363, or just 363) or by name, tolerant of spelling
    (`Den Haag`, `Bergen (NH)`, `sudwest fryslan`). A name that fits more than one gemeente is
    an error that names them."""

    def __init__(self, **kwargs):
        super().__init__(Gemeente, "cbs_code", **kwargs)

    @functools.cached_property
    def namen(self) -> Namenlijst:
        return Namenlijst(Gemeente.objects.all(), naam=lambda g: g.naam)

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        tekst = str(value).strip()
        code = f"GM{int(tekst):04d}" if tekst.isdigit() else tekst.upper()
        if re.fullmatch(r"GM\d{4}", code):
            return super().clean(code, row, **kwargs)
        gevonden = self.namen.zoek(tekst)
        if len(gevonden) == 1:
            return gevonden[0]
        if gevonden:
            opties = ", ".join(f"{g.naam} ({g.cbs_code})" for g in gevonden)
            raise ValueError(
                f"{tekst!r} past op meer dan één gemeente: {opties}; gebruik de CBS-code."
            )
        lijkt_op = self.namen.dichtstbij(tekst)
        hint = f" Bedoelt u {' of '.join(lijkt_op)}?" if lijkt_op else ""
        raise ValueError(f"gemeente {tekst!r} bestaat niet in het register.{hint}")


class PersoonWidget(widgets.ForeignKeyWidget):
    """A person by name; a name not yet in the register adds the person. Two people with
    the same name need the admin to tell them apart."""

    def __init__(self, **kwargs):
        super().__init__(Persoon, "naam", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        naam = " ".join(str(value).split())
        gevonden = list(Persoon.objects.filter(naam=naam)[:2])
        if len(gevonden) > 1:
            raise ValueError(
                f"er zijn meer personen met de naam {naam!r}; leg de zetel in het beheer vast."
            )
        if gevonden:
            return gevonden[0]
        persoon = Persoon(naam=naam)
        persoon.full_clean()
        persoon.save()
        return persoon


class KeuzeWidget(widgets.Widget):
    """One value from a TextChoices vocabulary: the code or the label, any case."""

    def __init__(self, keuzes, **kwargs):
        self.keuzes = keuzes
        super().__init__(**kwargs)

    def _zoek(self, value: str) -> str:
        tekst = value.strip().lower()
        for code, label in self.keuzes.choices:
            if tekst in {str(code).lower(), str(label).lower()}:
                return code
        raise ValueError(
            f"{value!r} is geen geldige keuze; gebruik een van: {', '.join(self.keuzes.values)}."
        )

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        return self._zoek(str(value))

    def render(self, value, obj=None, **kwargs):
        return value or ""


class KeuzelijstWidget(KeuzeWidget):
    """Several values from a vocabulary, separated by commas."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return []
        return [self._zoek(deel) for deel in str(value).split(",") if deel.strip()]

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or [])


class JaNeeWidget(widgets.Widget):
    """ja/nee (also 1/0, true/false, waar/onwaar); empty means onbekend."""

    JA = {"ja", "j", "1", "true", "waar", "yes"}
    NEE = {"nee", "n", "0", "false", "onwaar", "no"}

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, bool):
            return value
        tekst = str(value).strip().lower()
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        raise ValueError(f"{value!r} is geen ja of nee.")

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else ("ja" if value else "nee")


class BedragWidget(widgets.Widget):
    """Euro amounts as numbers or Dutch text: 1234.5, 1.234,50, € 1.234,50."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return Decimal(str(value))
        tekst = str(value).replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        try:
            return Decimal(tekst)
        except InvalidOperation:
            raise ValueError(f"{value!r} is geen bedrag (bijvoorbeeld 1234,56).") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class LeegIsNoneWidget(widgets.Widget):
    """Text where an empty cell means "not set" (None), for optional unique codes."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        return str(value).strip()


class UuidWidget(widgets.Widget):
    """The public key of a row; an empty cell means a new row."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        try:
            return uuid.UUID(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is geen geldige uuid.") from None


class GetalWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        try:
            getal = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(f"{value!r} is geen geheel getal.") from None
        if getal != getal.to_integral_value():
            raise ValueError(f"{value!r} is geen geheel getal.")
        return int(getal)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DatumWidget(widgets.Widget):
    """Dates as spreadsheet dates, JJJJ-MM-DD or DD-MM-JJJJ."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        tekst = str(value).strip()
        for formaat in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(tekst, formaat).date()
            except ValueError:
                continue
        raise ValueError(f"{value!r} is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ).")

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class DomeinenWidget(widgets.ManyToManyWidget):
    """Domeinen by code, comma-separated; unknown codes are an error, not silently dropped."""

    def __init__(self):
        super().__init__(Domein, separator=",", field="code")

    def clean(self, value, row=None, **kwargs):
        codes = [c.strip() for c in str(value or "").split(",") if c.strip()]
        gevonden = list(Domein.objects.filter(code__in=codes))
        onbekend = sorted(set(codes) - {d.code for d in gevonden})
        if onbekend:
            bekend = ", ".join(Domein.objects.values_list("code", flat=True))
            raise ValueError(f"onbekend domein {', '.join(onbekend)}; bekende domeinen: {bekend}.")
        return gevonden


# --- Base resource -----------------------------------------------------------------------------


class RegisterResource(resources.ModelResource):
    """Validates rows with the service's cross-row check and saves through the service."""

    controleer = None
    opslaan = None
    # Key columns that a file may leave out: a missing uuid means "all rows are new".
    optionele_sleutelkolommen = ("uuid",)

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Empty spreadsheet cells arrive as None; text columns that cannot be NULL store "".
        for veld in self.fields.values():
            try:
                model_veld = self._meta.model._meta.get_field(veld.attribute or "")
            except FieldDoesNotExist:
                continue
            tekst = isinstance(model_veld, (models.CharField, models.TextField))
            if tekst and not model_veld.null and type(veld.widget) is widgets.Widget:
                veld.widget = widgets.CharWidget(allow_blank=True)

    def import_data(self, dataset, *args, foute_regels_overslaan=False, **kwargs):
        """All or nothing: one bad row rolls back every row of the file. With
        `foute_regels_overslaan` a dry run finds the bad rows first; the good rows are then
        imported (all or nothing) and the result lists the skipped ones in
        `overgeslagen_regels` as (row number, message)."""
        kwargs["rollback_on_validation_errors"] = True
        if not foute_regels_overslaan:
            return super().import_data(dataset, *args, **kwargs)
        proef = super().import_data(dataset, **{**kwargs, "dry_run": True})
        fout = {r.number: _regelfout(r.error) for r in proef.invalid_rows}
        fout.update((nummer, str(f[0].error)) for nummer, f in proef.row_errors())
        if proef.base_errors or not fout or len(fout) == len(dataset):
            return proef
        goed = tablib.Dataset(headers=dataset.headers)
        for nummer, rij in enumerate(dataset, start=1):
            if nummer not in fout:
                goed.append(rij)
        resultaat = super().import_data(goed, **kwargs)
        resultaat.overgeslagen_regels = sorted(fout.items())
        return resultaat

    def before_import(self, dataset, **kwargs):
        # An optional key column (uuid) may be left out; other key columns are required.
        for naam in self.get_import_id_fields():
            kolom = self.fields[naam].column_name
            if kolom in dataset.headers:
                continue
            if naam in self.optionele_sleutelkolommen:
                dataset.append_col([""] * len(dataset), header=kolom)
            else:
                raise ValueError(
                    f"De kolom {kolom} ontbreekt; die is nodig om rijen te herkennen. "
                    f"Kolommen in het bestand: {', '.join(dataset.headers or [])}."
                )

    def import_row(self, row, instance_loader, **kwargs):
        # A cell that an export guarded against formula injection ('=…) reads as it was.
        for kolom, waarde in row.items():
            if isinstance(waarde, str):
                row[kolom] = ontveilig(waarde)
        return super().import_row(row, instance_loader, **kwargs)

    def export_field(self, field, instance, **kwargs):
        """Every text cell of an admin export is guarded against formula injection."""
        waarde = super().export_field(field, instance, **kwargs)
        return veilig(waarde) if isinstance(waarde, str) else waarde

    def get_instance(self, instance_loader, row):
        # A row without uuid is a new row; import-export would otherwise look up uuid="".
        if "uuid" in self.get_import_id_fields() and not str(row.get("uuid") or "").strip():
            return None
        # A bad value in a key column is this row's validation error, not a crash.
        for naam in self.get_import_id_fields():
            veld = self.fields[naam]
            try:
                veld.clean(row)
            except ValueError as error:
                raise ValidationError({veld.attribute: str(error)}) from None
            except KeyError:
                raise ValidationError(
                    {veld.attribute: f"de kolom {veld.column_name} ontbreekt in het bestand."}
                ) from None
        return super().get_instance(instance_loader, row)

    @functools.cached_property
    def gemeenten(self) -> GemeenteWidget:
        """Finds gemeenten by code or name; one per import, so its name list is read once."""
        return GemeenteWidget()

    def import_instance(self, instance, row, **kwargs):
        fouten = {}
        gebruiker = kwargs.get("user")
        bestaand = instance.pk is not None
        if bestaand and gebruiker is not None:
            _controleer_recht(gebruiker, rechten.WIJZIGEN, instance)
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            fouten = error.update_error_dict(fouten)
        if gebruiker is not None and not fouten:
            _controleer_recht(
                gebruiker, rechten.WIJZIGEN if bestaand else rechten.TOEVOEGEN, instance
            )
        # ManyToMany columns are only saved after the row; check them now so that a bad value
        # is reported as a validation error of this row.
        for veld in self.get_import_fields():
            if isinstance(veld.widget, widgets.ManyToManyWidget) and veld.column_name in row:
                try:
                    veld.clean(row)
                except ValueError as error:
                    fouten[veld.attribute] = [ValidationError(str(error), code="invalid")]
        if fouten:
            raise ValidationError(fouten)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        super().validate_instance(instance, import_validation_errors, validate_unique)
        if self.controleer is not None:
            self.controleer(instance)

    def do_instance_save(self, instance, is_create):
        if self.opslaan is not None:
            self.opslaan(instance)
        else:
            instance.save(force_insert=is_create)


def _controleer_recht(gebruiker, actie: str, instance) -> None:
    """A row of another regio's arrangement is this row's error (toegang.rechten)."""
    if not rechten.mag(gebruiker, actie, instance):
        raise ValidationError(
            "uw account mag deze regel niet "
            f"{'toevoegen' if actie == rechten.TOEVOEGEN else 'wijzigen'}: alleen regels van "
            "de eigen samenwerkingsverbanden."
        )


def _regelfout(fout: ValidationError) -> str:
    """One line for a bad row: `kolom: reden; …`."""
    return "; ".join(
        f"{veld}: {' '.join(meldingen)}" if veld != "__all__" else " ".join(meldingen)
        for veld, meldingen in fout.message_dict.items()
    )


def _verband_uuid(tekst: str) -> uuid.UUID:
    try:
        return uuid.UUID(tekst)
    except ValueError:
        raise ValueError(
            f"{tekst!r} is geen geldige sleutel (uuid) van een samenwerkingsverband."
        ) from None


def _deelname_uit_rij(
    row, gemeenten: GemeenteWidget, *, begin: datetime.date, eind: datetime.date, wanneer: str
) -> Deelname:
    """The deelname a row names by `samenwerkingsverband` (uuid) with `gemeente` (CBS code or
    name) or `organisatie` (naam), running at some day in [begin, eind)."""
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
        _verband_uuid(verband)
        deelnemer = (
            {"gemeente": gemeenten.clean(gemeente)}
            if gemeente
            else {"organisatie__naam": organisatie}
        )
    except ValueError as error:
        raise ValidationError({"deelname": str(error)}) from None
    deelnames = (
        Deelname.objects.filter(samenwerkingsverband__uuid=verband, **deelnemer)
        .exclude(toetredingsdatum__gte=eind)
        .exclude(uittredingsdatum__lte=begin)
    )
    gevonden = list(deelnames[:2])
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


def _hulpkolom(naam: str, methode: str) -> fields.Field:
    """An export-only column that helps a person read the sheet; ignored on import."""
    return fields.Field(column_name=naam, attribute=None, readonly=True, dehydrate_method=methode)


# --- Resources -------------------------------------------------------------------------------


class GemeenteResource(RegisterResource):
    provincie = _veld("provincie", SleutelWidget(Provincie, "code"))
    begindatum = _veld("begindatum", DatumWidget())
    einddatum = _veld("einddatum", DatumWidget())

    class Meta(RegisterResource.Meta):
        model = Gemeente
        import_id_fields = ["cbs_code"]
        fields = ["cbs_code", "naam", "provincie", "begindatum", "einddatum"]


class SamenwerkingsverbandResource(RegisterResource):
    controleer = staticmethod(services.controleer_samenwerkingsverband)
    opslaan = staticmethod(lambda i: services.samenwerkingsverband_opslaan(samenwerkingsverband=i))

    uuid = _uuid()
    vorm = _veld("vorm", KeuzeWidget(Vorm))
    domeinen = _veld("domeinen", DomeinenWidget())
    motieven = _veld("motieven", KeuzelijstWidget(Motief))
    bevoegdheidsverkrijgingen = _veld(
        "bevoegdheidsverkrijgingen", KeuzelijstWidget(Bevoegdheidsverkrijging)
    )
    verplicht = _veld("verplicht", JaNeeWidget())
    centrumgemeente = _veld("centrumgemeente", GemeenteWidget())
    bovenliggend = _veld("bovenliggend", SleutelWidget(Samenwerkingsverband, "uuid"))
    ingangsdatum = _veld("ingangsdatum", DatumWidget())
    einddatum = _veld("einddatum", DatumWidget())
    roo_systeem_id = _veld("roo_systeem_id", GetalWidget())
    cbs_gr_code = _veld("cbs_gr_code", LeegIsNoneWidget())
    evaluatie_interval_jaren = _veld("evaluatie_interval_jaren", GetalWidget())
    wgr2022_zienswijze_besluiten = _veld("wgr2022_zienswijze_besluiten", JaNeeWidget())
    wgr2022_burgerparticipatie = _veld("wgr2022_burgerparticipatie", JaNeeWidget())
    wgr2022_evaluatie = _veld("wgr2022_evaluatie", JaNeeWidget())
    wgr2022_uittreding = _veld("wgr2022_uittreding", JaNeeWidget())
    wgr2022_adviescommissie = _veld("wgr2022_adviescommissie", JaNeeWidget())
    wgr2022_onderzoeksrecht = _veld("wgr2022_onderzoeksrecht", JaNeeWidget())

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
            "evaluatie_interval_jaren",
            "wgr2022_zienswijze_besluiten",
            "wgr2022_burgerparticipatie",
            "wgr2022_evaluatie",
            "wgr2022_uittreding",
            "wgr2022_adviescommissie",
            "wgr2022_onderzoeksrecht",
            "bron",
        ]


class DeelnameResource(RegisterResource):
    controleer = staticmethod(services.controleer_deelname)
    opslaan = staticmethod(lambda i: services.deelname_opslaan(deelname=i))

    uuid = _uuid()
    samenwerkingsverband = _veld(
        "samenwerkingsverband", SleutelWidget(Samenwerkingsverband, "uuid")
    )
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband_naam", "naam_van_verband")
    gemeente = _veld("gemeente", GemeenteWidget())
    organisatie = _veld("organisatie", SleutelWidget(Organisatie, "naam"))
    rol = _veld("rol", KeuzeWidget(DeelnameRol))
    toetredingsdatum = _veld("toetredingsdatum", DatumWidget())
    uittredingsdatum = _veld("uittredingsdatum", DatumWidget())
    verdeelsleutel = _veld("verdeelsleutel", BedragWidget())
    stemmen = _veld("stemmen", GetalWidget())
    aansprakelijk = _veld("aansprakelijk", JaNeeWidget())

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
            "bron",
        ]

    def get_queryset(self):
        return (
            super().get_queryset().select_related("samenwerkingsverband", "gemeente", "organisatie")
        )

    def naam_van_verband(self, deelname):
        return deelname.samenwerkingsverband.naam

    def before_import_row(self, row, **kwargs):
        # An empty aansprakelijk column means "no", as in the admin.
        if "aansprakelijk" in row and not str(row["aansprakelijk"] or "").strip():
            row["aansprakelijk"] = "nee"


class BijdrageResource(RegisterResource):
    """Bijdragen keyed by (deelname, jaar, soort, onderdeel): re-importing updates amounts.

    A row names its deelname by uuid, or by `samenwerkingsverband` (uuid) plus `gemeente`
    (CBS code or name) or `organisatie` (naam): then the deelname that ran in `jaar` is used.
    """

    controleer = staticmethod(services.controleer_bijdrage)
    opslaan = staticmethod(lambda i: services.bijdrage_opslaan(bijdrage=i))
    optionele_sleutelkolommen = ("deelname", "onderdeel")

    deelname = _veld("deelname", SleutelWidget(Deelname, "uuid"))
    samenwerkingsverband = _hulpkolom("samenwerkingsverband", "uuid_van_verband")
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband_naam", "naam_van_verband")
    gemeente = _hulpkolom("gemeente", "cbs_code")
    organisatie = _hulpkolom("organisatie", "organisatie_naam")
    jaar = _veld("jaar", GetalWidget())
    soort = _veld("soort", KeuzeWidget(BijdrageSoort))
    onderdeel = _veld("onderdeel", widgets.CharWidget(allow_blank=True))
    bedrag = _veld("bedrag", BedragWidget())

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

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(
                "deelname__samenwerkingsverband", "deelname__gemeente", "deelname__organisatie"
            )
        )

    def uuid_van_verband(self, bijdrage):
        return str(bijdrage.deelname.samenwerkingsverband.uuid)

    def naam_van_verband(self, bijdrage):
        return bijdrage.deelname.samenwerkingsverband.naam

    def cbs_code(self, bijdrage):
        return bijdrage.deelname.gemeente.cbs_code if bijdrage.deelname.gemeente_id else ""

    def organisatie_naam(self, bijdrage):
        return bijdrage.deelname.organisatie.naam if bijdrage.deelname.organisatie_id else ""

    def before_import_row(self, row, **kwargs):
        if row.get("onderdeel") is None:
            row["onderdeel"] = ""
        if str(row.get("deelname") or "").strip():
            return
        row["deelname"] = str(self._zoek_deelname(row).uuid)

    def _zoek_deelname(self, row) -> Deelname:
        try:
            jaar = GetalWidget().clean(row.get("jaar"))
        except ValueError as error:
            raise ValidationError({"deelname": str(error)}) from None
        begin = datetime.date(jaar, 1, 1) if jaar else datetime.date.min
        eind = datetime.date(jaar + 1, 1, 1) if jaar else datetime.date.max
        return _deelname_uit_rij(
            row, self.gemeenten, begin=begin, eind=eind, wanneer=f"in {jaar or 'dat jaar'}"
        )


class JaarcijfersResource(RegisterResource):
    opslaan = staticmethod(lambda i: services.jaarcijfers_opslaan(jaarcijfers=i))

    samenwerkingsverband = _veld(
        "samenwerkingsverband", SleutelWidget(Samenwerkingsverband, "uuid")
    )
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband_naam", "naam_van_verband")
    jaar = _veld("jaar", GetalWidget())
    soort = _veld("soort", KeuzeWidget(JaarcijfersSoort))
    lasten = _veld("lasten", BedragWidget())
    baten = _veld("baten", BedragWidget())
    resultaat = _veld("resultaat", BedragWidget())
    eigen_vermogen_begin = _veld("eigen_vermogen_begin", BedragWidget())
    eigen_vermogen_eind = _veld("eigen_vermogen_eind", BedragWidget())
    vreemd_vermogen_begin = _veld("vreemd_vermogen_begin", BedragWidget())
    vreemd_vermogen_eind = _veld("vreemd_vermogen_eind", BedragWidget())

    class Meta(RegisterResource.Meta):
        model = Jaarcijfers
        import_id_fields = ["samenwerkingsverband", "jaar", "soort"]
        fields = [
            "samenwerkingsverband",
            "samenwerkingsverband_naam",
            "jaar",
            "soort",
            "lasten",
            "baten",
            "resultaat",
            "eigen_vermogen_begin",
            "eigen_vermogen_eind",
            "vreemd_vermogen_begin",
            "vreemd_vermogen_eind",
            "risicos",
            "ontwikkelingen",
            "bron",
        ]

    def get_queryset(self):
        return super().get_queryset().select_related("samenwerkingsverband")

    def naam_van_verband(self, jaarcijfers):
        return jaarcijfers.samenwerkingsverband.naam


class ZetelResource(RegisterResource):
    """Seats: who sits in which organ on behalf of which deelname, from when.

    A row names its organ by `bestuursorgaan` (uuid) or by `samenwerkingsverband` (uuid) plus
    `orgaan` (algemeen bestuur, dagelijks bestuur, … or its code) and, if there are several of
    that kind, `orgaan_naam`; its deelname by `deelname` (uuid) or by `gemeente` (CBS code or
    name) or `organisatie` (naam), the one running on `begindatum` (empty: today). A person is
    named by `persoon`; a new name adds the person.
    """

    controleer = staticmethod(services.controleer_zetel)
    opslaan = staticmethod(lambda i: services.zetel_opslaan(zetel=i))

    uuid = _uuid()
    bestuursorgaan = _veld("bestuursorgaan", SleutelWidget(Bestuursorgaan, "uuid"))
    samenwerkingsverband = _hulpkolom("samenwerkingsverband", "uuid_van_verband")
    samenwerkingsverband_naam = _hulpkolom("samenwerkingsverband_naam", "naam_van_verband")
    orgaan = _hulpkolom("orgaan", "soort_van_orgaan")
    orgaan_naam = _hulpkolom("orgaan_naam", "naam_van_orgaan")
    deelname = _veld("deelname", SleutelWidget(Deelname, "uuid"))
    gemeente = _hulpkolom("gemeente", "cbs_code")
    organisatie = _hulpkolom("organisatie", "organisatie_naam")
    persoon = _veld("persoon", PersoonWidget())
    functie = _veld("functie", KeuzeWidget(Functie))
    rol = _veld("rol", KeuzeWidget(ZetelRol))
    stemmen = _veld("stemmen", GetalWidget())
    begindatum = _veld("begindatum", DatumWidget())
    einddatum = _veld("einddatum", DatumWidget())

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

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(
                "bestuursorgaan__samenwerkingsverband",
                "deelname__gemeente",
                "deelname__organisatie",
                "persoon",
            )
        )

    def uuid_van_verband(self, zetel):
        return str(zetel.bestuursorgaan.samenwerkingsverband.uuid)

    def naam_van_verband(self, zetel):
        return zetel.bestuursorgaan.samenwerkingsverband.naam

    def soort_van_orgaan(self, zetel):
        return zetel.bestuursorgaan.soort

    def naam_van_orgaan(self, zetel):
        return zetel.bestuursorgaan.naam

    def cbs_code(self, zetel):
        return (
            zetel.deelname.gemeente.cbs_code if zetel.deelname and zetel.deelname.gemeente else ""
        )

    def organisatie_naam(self, zetel):
        organisatie = zetel.deelname.organisatie if zetel.deelname else None
        return organisatie.naam if organisatie else ""

    def before_import_row(self, row, **kwargs):
        if not str(row.get("bestuursorgaan") or "").strip():
            row["bestuursorgaan"] = str(self._zoek_orgaan(row).uuid)
        wie = str(row.get("gemeente") or row.get("organisatie") or "").strip()
        if wie and not str(row.get("deelname") or "").strip():
            try:
                begin = DatumWidget().clean(row.get("begindatum")) or timezone.localdate()
            except ValueError as error:
                raise ValidationError({"begindatum": str(error)}) from None
            deelname = _deelname_uit_rij(
                row,
                self.gemeenten,
                begin=begin,
                eind=begin + datetime.timedelta(days=1),
                wanneer=f"op {begin:%d-%m-%Y}",
            )
            row["deelname"] = str(deelname.uuid)

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
            _verband_uuid(verband)
        except ValueError as error:
            raise ValidationError({"bestuursorgaan": str(error)}) from None
        orgaan = Bestuursorgaan.objects.filter(
            samenwerkingsverband__uuid=verband, soort=soort, naam=naam
        ).first()
        if orgaan is None:
            raise ValidationError(
                {
                    "bestuursorgaan": f"samenwerkingsverband {verband} heeft geen "
                    f"{OrgaanSoort(soort).label.lower()}{f' {naam!r}' if naam else ''}; leg het "
                    "orgaan eerst vast in het beheer."
                }
            )
        return orgaan
