"""A council's list as a file in the asked formaat (raad.parameters.Formaat, without html)."""

import datetime

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerking.models import Gemeente, Samenwerkingsverband

from ..parameters import Formaat
from ..selectors import VerbondenPartijenLijst
from .opendata import als_json, register_json, verbonden_partijen_json
from .resources import (
    Art27Resource,
    VerbondenPartijResource,
    VerbondenPartijUitgebreidResource,
    blad,
)
from .spreadsheet import Blad, naar_csv, werkmap


def _overzicht(lijst: VerbondenPartijenLijst) -> Blad:
    """The first sheet: per category the number of verbonden partijen and their bijdragen,
    with how many bijdragen are unknown and so not in those sums."""
    begroot, gerealiseerd = _("Bijdrage begroot"), _("Bijdrage gerealiseerd")
    tabel = tablib.Dataset(
        headers=[
            _("Categorie"),
            _("Aantal"),
            begroot,
            gerealiseerd,
            _("Begroot onbekend (aantal, niet meegeteld)"),
            _("Gerealiseerd onbekend (aantal, niet meegeteld)"),
        ]
    )
    for c in [*lijst.categorieen, lijst.totaal, lijst.overige]:
        tabel.append(
            [
                c.label,
                len(c.partijen),
                c.bijdrage_begroot,
                c.bijdrage_gerealiseerd,
                c.zonder_begroot,
                c.zonder_gerealiseerd,
            ]
        )
    return Blad(
        naam=_("Overzicht"),
        titel=f"{lijst.titel} – {_('overzicht')} ({_('gemaakt op')} "
        f"{timezone.localdate():%d-%m-%Y})",
        tabel=tabel,
        geld=(begroot, gerealiseerd),
    )


def _met_herkomst(blad: Blad, kolommen: dict[str, object]) -> Blad:
    """`blad` with columns at the end of every row saying whose list it is and of when: a CSV
    file has no title line, and once opened or combined with others it would not say so. At the
    end, so that the existing columns keep their positions."""
    for kop, waarde in kolommen.items():
        blad.tabel.append_col([waarde] * blad.tabel.height, header=kop)
    return blad


def _gemeentekolommen(gemeente: Gemeente) -> dict[str, object]:
    return {_("Gemeente"): gemeente.naam, _("CBS-code"): gemeente.cbs_code}


def verbonden_partijen_bestand(lijst: VerbondenPartijenLijst, formaat: str) -> bytes:
    """The list as a file: a workbook with an overview and a sheet per category, one CSV
    table of every participation, or the JSON document."""
    if formaat == Formaat.JSON:
        return als_json(verbonden_partijen_json(lijst))
    resource, opties = (
        (VerbondenPartijUitgebreidResource, {"jaar": lijst.jaar})
        if lijst.uitgebreid
        else (VerbondenPartijResource, {})
    )
    if formaat == Formaat.CSV:
        partijen = [*lijst.partijen, *lijst.overige.partijen]
        tabel = blad(resource, partijen, naam=lijst.titel, titel=lijst.titel, **opties)
        herkomst = {
            **_gemeentekolommen(lijst.gemeente),
            _("Jaar"): lijst.jaar,
            _("Lijst voor"): lijst.modus_label,
        }
        return naar_csv(_met_herkomst(tabel, herkomst))
    # No empty sheets: a category without partijen is only a line in the overview.
    bladen = [_overzicht(lijst)] + [
        blad(resource, c.partijen, naam=c.label, titel=f"{lijst.titel} – {c.label}", **opties)
        for c in [*lijst.categorieen, lijst.overige]
        if c.partijen
    ]
    return werkmap(bladen, formaat, titel=lijst.titel)


def register_bestand(
    gemeente: Gemeente,
    regelingen: list[Samenwerkingsverband],
    formaat: str,
    *,
    peildatum: datetime.date,
) -> bytes:
    """The art. 27 register (rows from `samenwerking.selectors.art27_register`) as a file."""
    if formaat == Formaat.JSON:
        return als_json(register_json(gemeente, regelingen, peildatum=peildatum))
    titel = _("Register gemeenschappelijke regelingen %(gemeente)s, stand %(datum)s") % {
        "gemeente": gemeente.naam,
        "datum": f"{peildatum:%d-%m-%Y}",
    }
    register = blad(Art27Resource, regelingen, naam=_("Register art. 27 Wgr"), titel=titel)
    if formaat == Formaat.CSV:
        herkomst = {**_gemeentekolommen(gemeente), _("Peildatum"): f"{peildatum:%d-%m-%Y}"}
        return naar_csv(_met_herkomst(register, herkomst))
    return werkmap([register], formaat, titel=titel)
