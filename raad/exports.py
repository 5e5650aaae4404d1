"""The council's lists as files: the verbonden-partijen list (BBV art. 15) and the art. 27
register, in XLSX, CSV for Dutch Excel, ODS and JSON.

Rows are turned into tables by django-import-export resources (tablib); the formats are
written by tablib, and the XLSX is then given number formats, widths and titles with openpyxl.
Missing figures are written as "onbekend", never 0. Text that a spreadsheet would run as a
formula (=, +, -, @) is neutralised.
"""

import datetime
import io
import json
from dataclasses import dataclass
from decimal import Decimal

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from samenwerking.formats import veilig
from samenwerking.models import Samenwerkingsverband

from .selectors import VerbondenPartijenLijst

FORMATEN = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "json": ("application/json", "json"),
}
EURO = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
PROCENT = '0.####"%"'
DATUM = "d-m-yyyy"


class NatieveWidget(widgets.Widget):
    """Keeps Decimals, numbers and None as they are, so that each format can write them."""

    def render(self, value, obj=None, **kwargs):
        return value


def _kolom(kop: str, attribuut: str | None = None, methode: str | None = None) -> fields.Field:
    return fields.Field(
        column_name=kop, attribute=attribuut, dehydrate_method=methode, widget=NatieveWidget()
    )


# --- Resources ---------------------------------------------------------------------------------


class VerbondenPartijResource(resources.Resource):
    """One row per participation: the columns of the BBV art. 15 list."""

    GELD = (
        "bijdrage_begroot",
        "bijdrage_gerealiseerd",
        "eigen_vermogen_begin",
        "eigen_vermogen_eind",
        "vreemd_vermogen_begin",
        "vreemd_vermogen_eind",
        "resultaat",
    )
    PROCENT = ("verdeelsleutel",)

    categorie = _kolom(_("Categorie"), methode="dehydrate_categorie")
    naam = _kolom(_("Naam"), "verband__naam")
    rechtsvorm = _kolom(_("Rechtsvorm"), "verband__get_vorm_display")
    vestigingsplaats = _kolom(_("Vestigingsplaats"), "verband__vestigingsplaats")
    doel = _kolom(_("Openbaar belang / doel"), "verband__doel")
    deelnemers = _kolom(_("Deelnemende partijen"), methode="dehydrate_deelnemers")
    deelname_via = _kolom(_("Deelname via"), "deelname_via")
    bestuurlijk_belang = _kolom(_("Bestuurlijk belang"), "bestuurlijk_belang")
    bijdrage_begroot = _kolom(_("Bijdrage begroot"), "deelname__bijdrage_begroot")
    bijdrage_gerealiseerd = _kolom(_("Bijdrage gerealiseerd"), "deelname__bijdrage_gerealiseerd")
    verdeelsleutel = _kolom(_("Verdeelsleutel (%)"), "deelname__verdeelsleutel")
    eigen_vermogen_begin = _kolom(_("Eigen vermogen 1 januari"), "cijfers__eigen_vermogen_begin")
    eigen_vermogen_eind = _kolom(_("Eigen vermogen 31 december"), "cijfers__eigen_vermogen_eind")
    vreemd_vermogen_begin = _kolom(_("Vreemd vermogen 1 januari"), "cijfers__vreemd_vermogen_begin")
    vreemd_vermogen_eind = _kolom(_("Vreemd vermogen 31 december"), "cijfers__vreemd_vermogen_eind")
    resultaat = _kolom(_("Financieel resultaat"), "cijfers__resultaat")
    risicos = _kolom(_("Risico's"), "cijfers__risicos")
    ontwikkelingen = _kolom(_("Ontwikkelingen"), "cijfers__ontwikkelingen")
    bron = _kolom(_("Bron"), "bron")
    redenen = _kolom(_("Waarom (niet) verbonden partij"), "deelname__bbv_redenen")

    def dehydrate_categorie(self, partij):
        return (
            partij.categorie.label
            if partij.deelname.verbonden_partij
            else _("Overige samenwerking")
        )

    def dehydrate_deelnemers(self, partij):
        return "; ".join(partij.deelnemers)


class Art27Resource(resources.Resource):
    """One row per gemeenschappelijke regeling: the items of the art. 27 register."""

    GELD = ()
    PROCENT = ()

    naam = _kolom(_("Regeling"), "naam")
    deelnemers = _kolom(_("Deelnemers"), methode="dehydrate_deelnemers")
    voorschriften = _kolom(
        _("Wettelijke voorschriften die de bevoegdheden beheersen"),
        methode="dehydrate_voorschriften",
    )
    bevoegdheden = _kolom(_("Overgedragen bevoegdheden"), methode="dehydrate_bevoegdheden")
    adres = _kolom(_("Adres"), methode="dehydrate_adres")
    vestigingsplaats = _kolom(_("Plaats van vestiging"), "vestigingsplaats")
    rechtsvorm = _kolom(_("Ingestelde rechtsvorm"), methode="dehydrate_rechtsvorm")

    def dehydrate_deelnemers(self, verband: Samenwerkingsverband):
        return "; ".join(str(d.deelnemer) for d in verband.deelnemers_op_peildatum)

    def dehydrate_voorschriften(self, verband):
        return "; ".join(w.opschrift for w in verband.wettelijke_grondslagen.all())

    def dehydrate_bevoegdheden(self, verband):
        return "; ".join(
            f"{b.artikel}: {b.omschrijving}" if b.artikel else b.omschrijving
            for b in verband.bevoegdheden.all()
        )

    def dehydrate_adres(self, verband):
        return " ".join(filter(None, [verband.adres, verband.postcode]))

    def dehydrate_rechtsvorm(self, verband):
        return verband.ingestelde_rechtsvorm or _("geen (%(vorm)s)") % {
            "vorm": verband.get_vorm_display().lower()
        }


# --- Generic writing ---------------------------------------------------------------------------


@dataclass
class Blad:
    """One sheet: its name (max 31 characters), a title line and a tablib table."""

    naam: str
    titel: str
    tabel: tablib.Dataset
    geld: tuple[str, ...] = ()
    procent: tuple[str, ...] = ()


def _tabel(resource_class, rijen) -> tablib.Dataset:
    return resource_class().export(rijen)


def _koppen(resource_class, namen: tuple[str, ...]) -> tuple[str, ...]:
    resource = resource_class()
    return tuple(str(resource.fields[naam].column_name) for naam in namen)


def _als_tekst(waarde, *, geld: bool) -> object:
    """A value as a spreadsheet cell: numbers stay numbers, unknown money is "onbekend"."""
    if waarde is None:
        return _("onbekend") if geld else ""
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, str):
        return veilig(waarde)
    return waarde


def _cellen(blad: Blad) -> tablib.Dataset:
    """The sheet's table with spreadsheet-ready cells (unknown, booleans, formula guard)."""
    geld = {i for i, kop in enumerate(blad.tabel.headers) if kop in blad.geld + blad.procent}
    uit = tablib.Dataset(headers=blad.tabel.headers, title=blad.naam[:31])
    for rij in blad.tabel:
        uit.append([_als_tekst(w, geld=i in geld) for i, w in enumerate(rij)])
    return uit


def _kolombreedte(kop, waarden) -> float:
    """Fits the header and the values (long texts wrap at 60 characters)."""
    breedte = max([len(str(kop or "")), *(min(len(str(w or "")), 60) for w in waarden)])
    return min(max(breedte, 8) + 2, 62)


def naar_xlsx(bladen: list[Blad], *, titel: str) -> bytes:
    """Workbook with a title line per sheet, a frozen header, euro, percent and date formats
    and column widths that fit. Written once, row by row (openpyxl's write-only mode): the
    all-gemeenten export makes 342 of these."""
    werkmap = Workbook(write_only=True)
    werkmap.properties.title = titel
    werkmap.properties.creator = "regioreg"
    titelfont, kopfont = Font(bold=True, size=13), Font(bold=True)
    uitlijning = Alignment(wrap_text=True, vertical="top")

    def cel(ws, waarde, *, font=None, formaat=None):
        try:
            uit = WriteOnlyCell(ws, value=waarde)
        except ValueError:  # e.g. a lazily translated label: its text
            uit = WriteOnlyCell(ws, value=str(waarde))
        if font:
            uit.font = font
            return uit
        uit.alignment = uitlijning
        if isinstance(waarde, datetime.date):
            uit.number_format = DATUM
        elif formaat and isinstance(waarde, (int, float, Decimal)):
            uit.number_format = formaat
        return uit

    for blad in bladen:
        tabel = _cellen(blad)
        ws = werkmap.create_sheet(title=tabel.title)
        ws.freeze_panes = "A4"
        koppen = tabel.headers
        formaten = [
            EURO if kop in blad.geld else PROCENT if kop in blad.procent else None for kop in koppen
        ]
        for nummer, kop in enumerate(koppen, start=1):
            breedte = _kolombreedte(kop, (rij[nummer - 1] for rij in tabel))
            ws.column_dimensions[get_column_letter(nummer)].width = breedte
        ws.append([cel(ws, blad.titel, font=titelfont)])
        ws.append([])
        ws.append([cel(ws, kop, font=kopfont) for kop in koppen])
        for rij in tabel:
            ws.append([cel(ws, w, formaat=f) for w, f in zip(rij, formaten, strict=True)])
    uit = io.BytesIO()
    werkmap.save(uit)
    return uit.getvalue()


def naar_ods(bladen: list[Blad]) -> bytes:
    return tablib.Databook([_cellen(b) for b in bladen]).export("ods")


def naar_csv(blad: Blad) -> bytes:
    """CSV for Dutch Excel: `;` separator, decimal comma, UTF-8 with BOM."""
    tabel = _cellen(blad)
    nederlands = tablib.Dataset(headers=tabel.headers)
    for rij in tabel:
        nederlands.append(
            [f"{w:.2f}".replace(".", ",") if isinstance(w, Decimal) else w for w in rij]
        )
    return ("\ufeff" + nederlands.export("csv", delimiter=";")).encode("utf-8")


# --- The verbonden-partijen list ---------------------------------------------------------------


def _bladen_verbonden_partijen(lijst: VerbondenPartijenLijst) -> list[Blad]:
    geld = _koppen(VerbondenPartijResource, VerbondenPartijResource.GELD)
    procent = _koppen(VerbondenPartijResource, VerbondenPartijResource.PROCENT)
    overzicht = tablib.Dataset(
        headers=[_("Categorie"), _("Aantal"), _("Bijdrage begroot"), _("Bijdrage gerealiseerd")]
    )
    for c in [*lijst.categorieen, lijst.totaal, lijst.overige]:
        overzicht.append([c.label, len(c.partijen), c.bijdrage_begroot, c.bijdrage_gerealiseerd])
    bladen = [
        Blad(
            naam=_("Overzicht"),
            titel=f"{lijst.titel} – {_('overzicht')} ({_('gemaakt op')} "
            f"{timezone.localdate():%d-%m-%Y})",
            tabel=overzicht,
            geld=(_("Bijdrage begroot"), _("Bijdrage gerealiseerd")),
        )
    ]
    for c in [*lijst.categorieen, lijst.overige]:
        bladen.append(
            Blad(
                naam=c.label,
                titel=f"{lijst.titel} – {c.label}",
                tabel=_tabel(VerbondenPartijResource, c.partijen),
                geld=geld,
                procent=procent,
            )
        )
    return bladen


def verbonden_partijen_bestand(lijst: VerbondenPartijenLijst, formaat: str) -> bytes:
    """The list as a file in `formaat` (xlsx, csv, ods or json)."""
    if formaat == "json":
        return verbonden_partijen_json_bytes(lijst)
    bladen = _bladen_verbonden_partijen(lijst)
    if formaat == "xlsx":
        return naar_xlsx(bladen, titel=lijst.titel)
    if formaat == "ods":
        return naar_ods(bladen)
    if formaat == "csv":
        alles = [p for c in lijst.categorieen for p in c.partijen] + lijst.overige.partijen
        return naar_csv(
            Blad(
                naam=lijst.titel,
                titel=lijst.titel,
                tabel=_tabel(VerbondenPartijResource, alles),
                geld=bladen[1].geld,
                procent=bladen[1].procent,
            )
        )
    raise ValueError(f"Onbekend formaat {formaat!r}")


def _bedrag(waarde: Decimal | None) -> str | None:
    return None if waarde is None else f"{waarde:.2f}"


def verbonden_partijen_json(lijst: VerbondenPartijenLijst) -> dict:
    """The list as open data; the shape is docs/verbonden-partijen.schema.json."""

    def partij(p) -> dict:
        cijfers = p.cijfers
        return {
            "samenwerkingsverband": str(p.verband.uuid),
            "naam": p.verband.naam,
            "rechtsvorm": p.verband.get_vorm_display(),
            "vormCode": p.verband.vorm,
            "vestigingsplaats": p.verband.vestigingsplaats or None,
            "openbaarBelang": p.verband.doel or None,
            "deelnemendePartijen": p.deelnemers,
            "deelnameVia": p.deelname.deelnemende_bestuursorganen_labels,
            "bestuurlijkBelang": [
                {
                    "persoon": z.persoon.naam,
                    "functie": z.get_functie_display(),
                    "rol": z.get_rol_display(),
                    "orgaan": str(z.bestuursorgaan),
                }
                for z in p.zetels
            ],
            "stemmen": p.deelname.stemmen,
            "financieelBelang": {
                "bijdrageBegroot": _bedrag(p.deelname.bijdrage_begroot),
                "bijdrageGerealiseerd": _bedrag(p.deelname.bijdrage_gerealiseerd),
                "verdeelsleutel": _bedrag(p.deelname.verdeelsleutel),
                "aansprakelijk": p.deelname.aansprakelijk,
            },
            "eigenVermogenBegin": _bedrag(cijfers and cijfers.eigen_vermogen_begin),
            "eigenVermogenEind": _bedrag(cijfers and cijfers.eigen_vermogen_eind),
            "vreemdVermogenBegin": _bedrag(cijfers and cijfers.vreemd_vermogen_begin),
            "vreemdVermogenEind": _bedrag(cijfers and cijfers.vreemd_vermogen_eind),
            "resultaat": _bedrag(cijfers and cijfers.resultaat),
            "risicos": (cijfers and cijfers.risicos) or None,
            "ontwikkelingen": (cijfers and cijfers.ontwikkelingen) or None,
            "bron": p.bron or None,
            "reden": p.deelname.bbv_redenen,
        }

    def categorie(c) -> dict:
        return {
            "code": c.code,
            "naam": str(c.label),
            "bijdrageBegroot": _bedrag(c.bijdrage_begroot),
            "bijdrageGerealiseerd": _bedrag(c.bijdrage_gerealiseerd),
            "partijen": [partij(p) for p in c.partijen],
        }

    return {
        "gemeente": {"cbsCode": lijst.gemeente.cbs_code, "naam": lijst.gemeente.naam},
        "jaar": lijst.jaar,
        "modus": lijst.modus,
        "gemaaktOp": timezone.localdate().isoformat(),
        "categorieen": [categorie(c) for c in lijst.categorieen],
        "totaal": {
            "aantal": len(lijst.partijen),
            "bijdrageBegroot": _bedrag(lijst.totaal.bijdrage_begroot),
            "bijdrageGerealiseerd": _bedrag(lijst.totaal.bijdrage_gerealiseerd),
        },
        "overigeSamenwerkingsverbanden": categorie(lijst.overige),
    }


def verbonden_partijen_json_bytes(lijst: VerbondenPartijenLijst) -> bytes:
    return json.dumps(verbonden_partijen_json(lijst), ensure_ascii=False, indent=2).encode()


# --- The art. 27 register ----------------------------------------------------------------------


def register_bestand(gemeente, regelingen: list, formaat: str, *, peildatum) -> bytes:
    """The art. 27 register (rows from `samenwerking.selectors.art27_register`) as a file."""
    titel = _("Register gemeenschappelijke regelingen %(gemeente)s, stand %(datum)s") % {
        "gemeente": gemeente.naam,
        "datum": f"{peildatum:%d-%m-%Y}",
    }
    blad = Blad(
        naam=_("Register art. 27 Wgr"), titel=titel, tabel=_tabel(Art27Resource, regelingen)
    )
    if formaat == "xlsx":
        return naar_xlsx([blad], titel=titel)
    if formaat == "ods":
        return naar_ods([blad])
    if formaat == "csv":
        return naar_csv(blad)
    if formaat == "json":
        tabel = blad.tabel
        data = {
            "gemeente": {"cbsCode": gemeente.cbs_code, "naam": gemeente.naam},
            "peildatum": peildatum.isoformat(),
            "regelingen": [
                {"samenwerkingsverband": str(r.uuid), **dict(zip(tabel.headers, rij, strict=True))}
                for r, rij in zip(regelingen, tabel, strict=True)
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2).encode()
    raise ValueError(f"Onbekend formaat {formaat!r}")
